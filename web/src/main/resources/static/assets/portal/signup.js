// Sign-up for compatriots (POST /api/identity/compatriots): e-mail, password, name and country of
// residence; the API's field errors next to the fields; then the invitation to sign in.

import {signIn, user} from '../js/auth.js';
import {api} from '../js/api.js';
import {t} from '../js/i18n.js';
import {clearFormErrors, field, h, notice, render, showFormErrors} from '../js/ui.js';
import {attachCodeToField, forgetIdempotencyKey, idempotencyKeyFor, requiredLabel, restoreForm} from './common.js';

export function signupView(container) {
  container.append(h('h2', {id: 'signup-title'}, t('portal.signup.title')));
  if (user()) {
    container.append(notice('info', t('portal.signup.alreadySignedIn')),
      h('a', {class: 'btn', href: '#/register'}, t('portal.register.go')));
    return;
  }
  const summary = h('div', {'data-form-errors': true, id: 'signup-errors'});
  const result = h('div', {'aria-live': 'polite', id: 'signup-result'});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'signup-submit'}, t('portal.signup.submit'));
  const form = h('form', {id: 'signup-form', class: 'card', 'data-keep': true, novalidate: true},
    h('p', {}, t('portal.signup.intro')),
    summary,
    field('signup-email', requiredLabel(t('portal.signup.email')),
      h('input', {type: 'email', name: 'email', autocomplete: 'email', maxlength: 254, 'aria-required': 'true'}),
      t('portal.signup.emailHint')),
    field('signup-password', requiredLabel(t('portal.signup.password')),
      h('input', {type: 'password', name: 'password', autocomplete: 'new-password', maxlength: 128, 'aria-required': 'true'}),
      t('portal.signup.passwordHint')),
    field('signup-name', requiredLabel(t('portal.signup.displayName')),
      h('input', {type: 'text', name: 'displayName', autocomplete: 'name', maxlength: 64, 'aria-required': 'true'})),
    field('signup-country', requiredLabel(t('portal.signup.country')),
      h('input', {type: 'text', name: 'countryOfResidence', autocomplete: 'country', maxlength: 2,
        autocapitalize: 'characters', 'aria-required': 'true'}), t('portal.signup.countryHint')),
    submit);
  restoreForm(form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearFormErrors(form);
    render(result);
    const command = {
      email: form.elements.email.value.trim(),
      password: form.elements.password.value,
      displayName: form.elements.displayName.value.trim(),
      countryOfResidence: form.elements.countryOfResidence.value.trim().toUpperCase(),
    };
    submit.disabled = true;
    try {
      const account = await api('/api/identity/compatriots', {method: 'POST', body: command,
        idempotencyKey: idempotencyKeyFor('signup', command)});
      forgetIdempotencyKey('signup');
      form.replaceWith(h('div', {class: 'card', id: 'signup-done'},
        notice('success', t('portal.signup.done', {email: command.email, username: account.username})),
        h('p', {}, t('portal.signup.next')),
        h('button', {type: 'button', class: 'btn btn-primary', id: 'signup-sign-in', onclick: () => {
          history.replaceState(null, '', '#/register'); // after sign-in: the compatriot registration
          signIn();
        }}, t('portal.signup.signIn'))));
    } catch (error) {
      attachCodeToField(error, {EMAIL_ALREADY_REGISTERED: 'email'});
      showFormErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });
  container.append(form, result);
}
