// Helpers the console's views share: SVG elements (ui.h() makes HTML elements only), figures with a
// stable id and their raw value, sections that load on their own, and labels of enum values.

import {formatNumber, has, language, t} from '../js/i18n.js';
import {h, notice, problemNotice, render} from '../js/ui.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes (listeners for on*), like ui.h() but in the SVG namespace. */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.setAttribute('class', value);
    } else {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/**
 * A figure: a value with a stable id (figure-<name>) carrying the raw number in data-value, so a test or a
 * screen scraper can compare it with the API, and its label. value null → "—".
 */
export function figure(name, value, label, {format = formatNumber, note = null} = {}) {
  return h('div', {class: 'figure', id: `figure-${name}-card`},
    h('span', {class: 'value', id: `figure-${name}`, dataset: {value: value ?? ''}}, value === null || value === undefined ? '—' : format(value)),
    h('span', {class: 'label'}, label),
    note ? h('span', {class: 'figure-note'}, note) : null);
}

/** A rate 0..1 as a percentage with one decimal. */
export function percent(rate) {
  return formatNumber(rate, {style: 'percent', maximumFractionDigits: 1});
}

/** A change in percent (e.g. -2.75) with its sign. */
export function change(percentValue) {
  return percentValue === null || percentValue === undefined ? '—'
    : formatNumber(percentValue / 100, {style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero'});
}

/** How long a section whose service is unavailable waits before it tries again by itself. */
const RETRY_UNAVAILABLE_MS = 15_000;

/**
 * A section that loads by itself: shows "loading", then render(data) or the failure as a notice (a service
 * that is down says so plainly, and the section tries again by itself while it is on screen; a 403 says the
 * caller may not see it). Returns the section element; call section.reload() to load again.
 */
export function loadingSection(attributes, load, draw) {
  const body = h('div', {class: 'section-body', 'aria-live': 'polite'});
  const section = h('section', attributes, body);
  let retry = null;
  section.reload = async () => {
    clearTimeout(retry);
    section.setAttribute('aria-busy', 'true');
    if (!body.querySelector('.notice')) { // keep the outage notice up while trying again
      render(body, h('p', {class: 'muted'}, t('common.loading')));
    }
    try {
      const data = await load();
      render(body, draw(data));
    } catch (error) {
      render(body, failure(error));
      if (error?.unavailable) {
        retry = setTimeout(() => { if (section.isConnected) { section.reload(); } }, RETRY_UNAVAILABLE_MS);
      }
    } finally {
      section.removeAttribute('aria-busy');
    }
  };
  section.reload();
  return section;
}

/** The notice for a failed call: outage, no permission, or the problem's own detail. */
export function failure(error) {
  if (error?.status === 403) {
    return notice('warning', t('console.error.forbidden'), error.message ? ` ${error.message}` : '');
  }
  return problemNotice(error, 'console.error.unavailable');
}

/** The label of an enum value (console.<kind>.<VALUE>), or the value itself when there is none. */
export function label(kind, value) {
  if (value === null || value === undefined) {
    return '—';
  }
  const key = `console.${kind}.${value}`;
  return has(key) ? t(key) : String(value);
}

/** A region's (county's, town's, village's) name in the current language. */
export function regionName(region) {
  if (!region) {
    return '—';
  }
  return language() === 'en' && region.nameEn ? region.nameEn : region.name;
}

/** Runs tasks (functions returning promises) with at most `limit` at a time; resolves to their results. */
export async function limited(tasks, limit, onProgress = () => {}) {
  const results = new Array(tasks.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
      onProgress(++done, tasks.length);
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, tasks.length)}, worker));
  return results;
}
