// The frame both pages share: the header with the page title, the language switch and the
// sign-in / sign-out button, and the start-up sequence (messages, completing a sign-in).

import {completeSignIn, onUserChange, signIn, signOut, user} from './auth.js';
import {language, loadMessages, onLanguageChange, setLanguage, t} from './i18n.js';
import {h, notice, render} from './ui.js';

/**
 * Starts a page: loads its messages, completes a sign-in redirect if this is one, and draws the
 * header into #app-header. Returns {signedIn}. onRender is called again after a language switch
 * or a sign-in/out so the page redraws its texts.
 */
export async function startPage(pageName, titleKey, onRender) {
  await loadMessages(pageName);
  let signInError = null;
  try {
    await completeSignIn();
  } catch (error) {
    signInError = error;
  }
  const header = document.getElementById('app-header');
  const drawHeader = () => {
    document.title = t(titleKey);
    const current = user();
    render(header,
      h('a', {class: 'skip-link', href: '#main'}, t('common.skipToContent')),
      h('div', {class: 'header-bar'},
        h('h1', {class: 'app-title'}, t(titleKey)),
        h('div', {class: 'header-actions'},
          h('button', {type: 'button', class: 'btn btn-link', id: 'language-switch', lang: language() === 'en' ? 'zh-CN' : 'en',
            'aria-label': t('common.language.switch.label'),
            onclick: () => setLanguage(language() === 'en' ? 'zh-CN' : 'en')}, t('common.language.switch')),
          current ? h('span', {class: 'user-name', id: 'user-name'}, t('common.signedInAs', {name: current.username})) : null,
          current
            ? h('button', {type: 'button', class: 'btn', id: 'sign-out', onclick: () => signOut()}, t('common.signOut'))
            : h('button', {type: 'button', class: 'btn btn-primary', id: 'sign-in', onclick: () => signIn()}, t('common.signIn')))),
      signInError ? notice('error', t('common.error.signIn', {reason: signInError.message})) : null);
  };
  const redraw = () => {
    drawHeader();
    onRender();
  };
  onLanguageChange(redraw);
  onUserChange(redraw);
  drawHeader();
  return {signedIn: !!user()};
}
