// Small DOM helpers: elements built with textContent only (no innerHTML with data), notices, and the
// display of an ApiError next to the form fields it names.

import {t} from './i18n.js';

/**
 * h('button', {class: 'btn', onclick: fn, 'aria-label': '...'}, 'text', child...)
 * Attributes starting with "on" become listeners; "dataset" an object of data-*; false/null are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'value') {
      element.value = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function render(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A notice: kind is 'info', 'success', 'warning' or 'error' (errors are announced: role=alert). */
export function notice(kind, ...content) {
  return h('div', {class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status'}, ...content);
}

/** The notice of a failed call: a plain "service unavailable" for an outage, else the problem's detail. */
export function problemNotice(error, unavailableKey = 'common.error.unavailable') {
  if (error && error.unavailable) {
    return notice('warning', t(unavailableKey));
  }
  const parts = [error?.message || t('common.error.unexpected')];
  if (error?.traceId) {
    parts.push(h('small', {class: 'trace'}, ` (${t('common.traceId')}: ${error.traceId})`));
  }
  return notice('error', ...parts);
}

/**
 * Shows an ApiError on a form: each errors[] entry next to the input whose name is the field
 * (aria-invalid, aria-describedby), the rest in the form's [data-form-errors] element.
 * Returns true when at least one field error was placed.
 */
export function showFormErrors(form, error) {
  clearFormErrors(form);
  let placed = false;
  for (const [field, message] of Object.entries(error.fieldErrors || {})) {
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`)
      || form.querySelector(`[name="${CSS.escape(field.replace(/^.*\./, ''))}"]`);
    if (!input) {
      continue;
    }
    const id = `${input.id || input.name}-error`;
    const hint = h('p', {class: 'field-error', id}, message);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    input.closest('.field')?.append(hint) ?? input.after(hint);
    placed = true;
  }
  const summary = form.querySelector('[data-form-errors]');
  if (summary) {
    render(summary, placed && !error.unavailable ? notice('error', t('common.error.fields')) : problemNotice(error));
  }
  if (placed) {
    form.querySelector('[aria-invalid="true"]')?.focus();
  }
  return placed;
}

export function clearFormErrors(form) {
  form.querySelectorAll('.field-error').forEach(element => element.remove());
  form.querySelectorAll('[aria-invalid]').forEach(element => {
    element.removeAttribute('aria-invalid');
    element.removeAttribute('aria-describedby');
  });
  const summary = form.querySelector('[data-form-errors]');
  if (summary) {
    summary.replaceChildren();
  }
}

/** A labelled form field: label + control (+ optional hint), wired by id for screen readers. */
export function field(id, labelText, control, hintText) {
  control.id = id;
  const children = [h('label', {for: id}, labelText), control];
  if (hintText) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    children.push(h('p', {class: 'hint', id: hintId}, hintText));
  }
  return h('div', {class: 'field'}, ...children);
}

/** A countdown text to a deadline, e.g. "还剩 2 天 3 小时" / "overdue by 5 h". */
export function countdown(deadline, now = Date.now()) {
  const millis = new Date(deadline).getTime() - now;
  const overdue = millis < 0;
  const minutes = Math.floor(Math.abs(millis) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const span = days > 0 ? t('common.time.daysHours', {days, hours})
    : hours > 0 ? t('common.time.hoursMinutes', {hours, minutes: minutes % 60})
      : t('common.time.minutes', {minutes});
  return {overdue, text: t(overdue ? 'common.countdown.overdue' : 'common.countdown.left', {span})};
}
