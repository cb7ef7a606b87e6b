// Messages of the web pages. Every text a page shows comes from a message file under /assets/i18n/:
// common.<lang>.json (shared) and <page>.<lang>.json (portal, console). zh-CN is the default; the
// choice of the language switch is remembered in localStorage.

export const LANGUAGES = ['zh-CN', 'en'];
const STORAGE_KEY = 'fengqiao.lang';

let current = LANGUAGES.includes(localStorage.getItem(STORAGE_KEY)) ? localStorage.getItem(STORAGE_KEY) : 'zh-CN';
let page = null;
let messages = {};
const listeners = new Set();

/** Loads the messages of the current language for a page ('portal' or 'console'). */
export async function loadMessages(pageName) {
  page = pageName;
  const [common, own] = await Promise.all([fetchMessages('common'), fetchMessages(pageName)]);
  messages = {...common, ...own};
  document.documentElement.lang = current;
  applyTranslations(document);
}

async function fetchMessages(name) {
  const response = await fetch(`/assets/i18n/${name}.${current}.json`, {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(`messages ${name}.${current}: HTTP ${response.status}`);
  }
  return response.json();
}

/** The current language tag ('zh-CN' or 'en'), also sent as Accept-Language to the API. */
export function language() {
  return current;
}

/** Switches the language, reloads the messages and tells every listener (pages re-render). */
export async function setLanguage(lang) {
  if (!LANGUAGES.includes(lang) || lang === current) {
    return;
  }
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  await loadMessages(page);
  listeners.forEach(listener => listener(lang));
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** The message of a key with {name} placeholders filled in; the key itself when it is missing. */
export function t(key, params = {}) {
  const template = messages[key];
  if (template === undefined) {
    console.warn('missing message', key);
    return key;
  }
  return template.replace(/\{(\w+)}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Whether a message exists (e.g. an optional label for an enum value). */
export function has(key) {
  return key in messages;
}

/**
 * Fills the static texts of a DOM tree: data-i18n (text), data-i18n-placeholder, data-i18n-aria-label,
 * data-i18n-title.
 */
export function applyTranslations(root) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)));
  root.querySelectorAll('[data-i18n-title]').forEach(el => { el.title = t(el.dataset.i18nTitle); });
}

/** Numbers, dates and date-times in the current language. */
export function formatNumber(value, options) {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(current, options).format(value);
}

export function formatDateTime(value, options = {dateStyle: 'medium', timeStyle: 'short'}) {
  return value ? new Intl.DateTimeFormat(current, options).format(new Date(value)) : '—';
}

export function formatDate(value) {
  return value ? new Intl.DateTimeFormat(current, {dateStyle: 'medium'}).format(new Date(value)) : '—';
}
