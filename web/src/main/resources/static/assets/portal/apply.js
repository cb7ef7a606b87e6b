// Apply for a global item: a form built from the item's typed attributes (string, number, date, single
// and multiple choice), checked here the way public-service checks it, sent to the overseas portal's
// application API with an Idempotency-Key kept for retries of the same form. The API's validation
// errors are shown next to the fields; a queued application (public-service down) is said plainly.

import {api} from '../js/api.js';
import {t} from '../js/i18n.js';
import {clearFormErrors, field, h, notice, render, showFormErrors} from '../js/ui.js';
import {forgetIdempotencyKey, idempotencyKeyFor, label, localName, requireRegisteredCompatriot, requiredLabel,
  restoreForm, select, setFlash} from './common.js';
import {globalItemOrNotice} from './catalogue.js';
import {staleNotice} from './items.js';

export async function applyView(container, code) {
  container.append(h('p', {}, h('a', {href: `#/items/${encodeURIComponent(code)}`}, t('portal.apply.backToGuide'))));
  const heading = h('h2', {id: 'apply-title'}, t('portal.apply.title'));
  container.append(heading);
  const mine = await requireRegisteredCompatriot(container, 'portal.apply.signIn');
  if (!mine) {
    return;
  }
  const body = h('div', {}, h('p', {class: 'muted'}, t('common.loading')));
  container.append(body);
  const answer = await globalItemOrNotice(body, code);
  if (!answer) {
    return;
  }
  const item = answer.item;
  heading.textContent = t('portal.apply.titleOf', {name: localName(item.name, item.nameEn)});
  const attributes = Array.isArray(item.form) ? item.form : [];
  const summary = h('div', {'data-form-errors': true, id: 'apply-errors'});
  const result = h('div', {id: 'apply-result', 'aria-live': 'polite'});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'apply-submit'}, t('portal.apply.submit'));
  const form = h('form', {id: `apply-${item.code}`, class: 'apply-form', 'data-keep': true, novalidate: true},
    summary,
    attributes.map(attribute => attributeField(attribute)),
    h('p', {class: 'hint'}, t('portal.apply.applicantHint', {name: mine.name})),
    submit);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearFormErrors(form);
    render(result);
    const {values, errors} = readForm(form, attributes);
    if (Object.keys(errors).length) {
      showFormErrors(form, {fieldErrors: errors, unavailable: false});
      return;
    }
    const command = {itemCode: item.code, form: values};
    const purpose = `apply:${item.code}`;
    submit.disabled = true;
    try {
      const application = await api('/api/overseas/portal/applications', {method: 'POST', body: command,
        idempotencyKey: idempotencyKeyFor(purpose, command)});
      forgetIdempotencyKey(purpose);
      if (application.state === 'REJECTED') {
        render(result, notice('error', h('span', {id: 'apply-rejected'}, t('portal.apply.rejected'))));
        return;
      }
      setFlash(application.state === 'QUEUED' ? 'warning' : 'success', t(application.state === 'QUEUED'
        ? 'portal.apply.queued' : 'portal.apply.submitted', {name: localName(item.name, item.nameEn)}));
      form.reset();
      location.hash = '#/applications';
    } catch (error) {
      if (error.status === 422 || error.status === 400) {
        forgetIdempotencyKey(purpose); // a corrected form is a new request
      }
      showFormErrors(form, error);
      if (error.unavailable) {
        render(result, notice('warning', t('portal.apply.unavailable')));
      }
    } finally {
      submit.disabled = false;
    }
  });
  render(body,
    answer.stale ? staleNotice(answer.fetchedAt) : null,
    attributes.length === 0 ? h('p', {}, t('portal.apply.noFields')) : h('p', {class: 'hint'}, t('portal.apply.intro')),
    form, result);
  restoreForm(form);
}

/** The input of one attribute, named after it (so the API's form.<name> errors land next to it). */
function attributeField(attribute) {
  const id = `attr-${attribute.name}`;
  const text = requiredLabel(localName(attribute.labelZh, attribute.labelEn), attribute.required);
  const required = attribute.required ? 'true' : null;
  switch (attribute.type) {
    case 'NUMBER':
      return field(id, text, h('input', {type: 'number', name: attribute.name, step: 'any', inputmode: 'decimal', 'aria-required': required}));
    case 'DATE':
      return field(id, text, h('input', {type: 'date', name: attribute.name, 'aria-required': required}), t('portal.apply.dateHint'));
    case 'SINGLE_CHOICE':
      return field(id, text, select(attribute.name, attribute.values.map(value => ({value, text: label('choice', value)})),
        {empty: t('portal.apply.choose'), required: attribute.required}));
    case 'MULTI_CHOICE':
      return h('div', {class: 'field'},
        h('fieldset', {id, 'aria-required': required},
          h('legend', {}, text),
          attribute.values.map((value, index) => h('label', {class: 'choice'},
            h('input', {type: 'checkbox', name: attribute.name, value, id: `${id}-${index}`}), ' ', label('choice', value)))));
    default:
      return field(id, text, h('input', {type: 'text', name: attribute.name, maxlength: 500, 'aria-required': required}));
  }
}

/** The form's values typed as the API wants them, and the errors public-service would report. */
function readForm(form, attributes) {
  const values = {};
  const errors = {};
  for (const attribute of attributes) {
    const inputs = [...form.querySelectorAll(`[name="${CSS.escape(attribute.name)}"]`)];
    let value;
    if (attribute.type === 'MULTI_CHOICE') {
      value = inputs.filter(input => input.checked).map(input => input.value);
      if (value.length === 0) value = null;
    } else {
      if (inputs[0]?.validity?.badInput) {
        errors[attribute.name] = t(attribute.type === 'NUMBER' ? 'portal.form.notANumber' : 'portal.form.notADate');
        continue;
      }
      const raw = inputs[0]?.value.trim() ?? '';
      value = raw === '' ? null : raw;
      if (value !== null && attribute.type === 'NUMBER') {
        const number = Number(value);
        if (!Number.isFinite(number)) {
          errors[attribute.name] = t('portal.form.notANumber');
          continue;
        }
        value = number;
      }
      if (value !== null && attribute.type === 'DATE' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        errors[attribute.name] = t('portal.form.notADate');
        continue;
      }
      if (value !== null && attribute.type === 'STRING' && value.length > 500) {
        errors[attribute.name] = t('portal.form.tooLong');
        continue;
      }
    }
    if (value === null) {
      if (attribute.required) {
        errors[attribute.name] = t('portal.form.required');
      }
      continue;
    }
    values[attribute.name] = value;
  }
  return {values, errors};
}
