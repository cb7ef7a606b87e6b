// What the portal's views share: the signed-in compatriot's registration, labels of enum values, form
// values kept across a language switch or an expired session, and small building blocks.

import {hasRole, signIn, user} from '../js/auth.js';
import {api} from '../js/api.js';
import {has, language, t} from '../js/i18n.js';
import {h, notice, problemNotice} from '../js/ui.js';

/** The label of an enum value (portal.enum.<kind>.<value>), the value itself when there is none. */
export function label(kind, value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const key = `portal.enum.${kind}.${value}`;
  return has(key) ? t(key) : String(value);
}

/** The name of something with a Chinese and an optional English name, in the current language. */
export function localName(zh, en) {
  return language() === 'en' && en ? en : zh;
}

let displayNames = {};

/** A country's name from its ISO code, in the current language. */
export function countryName(code) {
  if (!code) {
    return '—';
  }
  try {
    displayNames.region ??= new Intl.DisplayNames([language()], {type: 'region'});
    return displayNames.region.of(code) || code;
  } catch {
    return code;
  }
}

/** A language's name from its tag (zh, it, zh-wuu), in the current language. */
export function languageName(tag) {
  if (has(`portal.enum.language.${tag}`)) {
    return t(`portal.enum.language.${tag}`);
  }
  try {
    displayNames.language ??= new Intl.DisplayNames([language()], {type: 'language'});
    return displayNames.language.of(tag) || tag;
  } catch {
    return tag;
  }
}

/** Forgets cached locale formatters (after a language switch). */
export function resetLocaleCaches() {
  displayNames = {};
}

// ---- the compatriot's registration ----

let registration; // undefined: not asked; null: not registered; object: the registration
let registrationOf = null;

/** The caller's compatriot registration (GET /api/overseas/compatriots/me), null when there is none. */
export async function myRegistration(refresh = false) {
  const subject = user()?.subject || null;
  if (registrationOf !== subject) {
    registration = undefined;
    registrationOf = subject;
  }
  if (!subject) {
    return null;
  }
  if (registration === undefined || refresh) {
    try {
      registration = await api('/api/overseas/compatriots/me');
    } catch (error) {
      if (error.status === 404 && error.code === 'COMPATRIOT_NOT_REGISTERED') {
        registration = null;
      } else {
        throw error;
      }
    }
  }
  return registration;
}

export function rememberRegistration(value) {
  registration = value;
  registrationOf = user()?.subject || null;
}

let continueAfterRegistration = null;

/** Where the compatriot was going when the portal asked them to register first (once), or null. */
export function takeContinueAfterRegistration() {
  const hash = continueAfterRegistration;
  continueAfterRegistration = null;
  return hash;
}

/**
 * Renders into container what a signed-in compatriot's view needs first: a sign-in invitation for an
 * anonymous visitor, a notice for other roles, the invitation to register. Returns the registration
 * when the view can go on, else null.
 */
export async function requireRegisteredCompatriot(container, purposeKey) {
  if (!user()) {
    container.append(signInCard(purposeKey));
    return null;
  }
  if (!hasRole('COMPATRIOT')) {
    container.append(notice('info', t('portal.compatriotsOnly')));
    return null;
  }
  let mine;
  try {
    mine = await myRegistration();
  } catch (error) {
    container.append(problemNotice(error, 'portal.error.overseasUnavailable'));
    return null;
  }
  if (!mine) {
    continueAfterRegistration = location.hash;
    container.append(h('div', {class: 'card', id: 'register-first'},
      h('p', {}, t('portal.register.first')),
      h('a', {class: 'btn btn-primary', href: '#/register', id: 'go-register'}, t('portal.register.go'))));
    return null;
  }
  return mine;
}

/** An invitation to sign in (the current hash and form values come back after the round trip). */
export function signInCard(purposeKey) {
  return h('div', {class: 'card', id: 'sign-in-needed'},
    h('p', {}, t(purposeKey)),
    h('div', {class: 'row'},
      h('button', {type: 'button', class: 'btn btn-primary', id: 'sign-in-to-continue', onclick: () => signIn(pageState())},
        t('common.signIn')),
      h('a', {class: 'btn', href: '#/signup'}, t('portal.signup.link'))));
}

// ---- form values kept across a re-render, a language switch and an expired session ----

let pendingForms = {};
const idempotency = {}; // purpose → {key, body}

/** Values of every form of the page marked data-keep, by form id. */
export function captureForms() {
  const forms = {};
  document.querySelectorAll('form[data-keep][id]').forEach(form => {
    const values = {};
    form.querySelectorAll('input[name], select[name], textarea[name]').forEach(input => {
      if (input.type === 'password') {
        return;
      }
      if (input.type === 'checkbox' || input.type === 'radio') {
        (values[input.name] ??= []);
        if (input.checked) {
          values[input.name].push(input.value);
        }
      } else {
        values[input.name] = input.value;
      }
    });
    const extra = form.keepExtra ? form.keepExtra() : undefined;
    forms[form.id] = {values, extra};
  });
  return forms;
}

/** What api.js keeps when the session expires: the forms' values and the idempotency keys in use. */
export function pageState() {
  // an expired session first redraws the page signed out (keepFormsForRerender kept the forms), then asks
  return {forms: {...pendingForms, ...captureForms()}, idempotency: {...idempotency}};
}

/** Puts back a state saved by pageState() (after sign-in) or captureForms() (before a re-render). */
export function restorePageState(state) {
  if (!state) {
    return;
  }
  pendingForms = {...pendingForms, ...(state.forms || {})};
  Object.assign(idempotency, state.idempotency || {});
}

export function keepFormsForRerender() {
  pendingForms = {...pendingForms, ...captureForms()};
}

/** The kept extra state of a form (e.g. its number of item lines), before it is built. */
export function keptExtra(formId) {
  return pendingForms[formId]?.extra;
}

/** Fills a newly built form with the values kept for it, once. */
export function restoreForm(form) {
  const kept = pendingForms[form.id];
  if (!kept) {
    return;
  }
  delete pendingForms[form.id];
  form.querySelectorAll('input[name], select[name], textarea[name]').forEach(input => {
    const value = kept.values[input.name];
    if (value === undefined) {
      return;
    }
    if (input.type === 'checkbox' || input.type === 'radio') {
      input.checked = Array.isArray(value) && value.includes(input.value);
    } else if (input.type !== 'password') {
      input.value = value;
    }
  });
}

/**
 * The Idempotency-Key of a create: the same key while the same body is retried (a lost answer, a
 * service that was down), a new one for a different body.
 */
export function idempotencyKeyFor(purpose, body) {
  const json = JSON.stringify(body);
  const known = idempotency[purpose];
  if (known && known.body === json) {
    return known.key;
  }
  const key = crypto.randomUUID();
  idempotency[purpose] = {key, body: json};
  return key;
}

/** Forgets the key once the create went through (or was refused for good). */
export function forgetIdempotencyKey(purpose) {
  delete idempotency[purpose];
}

// ---- building blocks ----

/** A notice shown once at the top of the next view (e.g. "application sent"). */
let flash = null;

export function setFlash(kind, text) {
  flash = {kind, text};
}

export function takeFlash() {
  const current = flash;
  flash = null;
  return h('div', {id: 'flash'}, current ? notice(current.kind, current.text) : null);
}

/** A badge: kind is ok, warn, error or empty for neutral. */
export function badge(text, kind = '', attributes = {}) {
  return h('span', {class: kind ? `badge badge-${kind}` : 'badge', ...attributes}, text);
}

/** A select of options [{value, text}], with an optional empty first option. */
export function select(name, options, {empty, value, required} = {}) {
  const element = h('select', {name, 'aria-required': required ? 'true' : null},
    empty !== undefined ? h('option', {value: ''}, empty) : null,
    options.map(option => h('option', {value: option.value}, option.text)));
  if (value !== undefined && value !== null) {
    element.value = value;
  }
  return element;
}

/** A label text with the "required" mark of the message file. */
export function requiredLabel(text, required = true) {
  return required ? t('portal.field.required', {label: text}) : text;
}

/**
 * Adds a field error to an ApiError that names no field but whose problem code belongs to one
 * (e.g. INVALID_PASSPORT_NUMBER → passportNumber), so it is shown next to that field.
 */
export function attachCodeToField(error, fieldsByCode) {
  if (error && error.code && fieldsByCode[error.code] && Object.keys(error.fieldErrors || {}).length === 0) {
    error.fieldErrors = {[fieldsByCode[error.code]]: error.message};
  }
  return error;
}
