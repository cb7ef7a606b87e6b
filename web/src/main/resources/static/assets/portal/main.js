// The overseas portal (警侨驿站): a hash router over the views, the tabs in nav#app-nav, and the
// page state kept across a language switch and an expired session.

import {takeRestoredState, user} from '../js/auth.js';
import {setPageStateProvider} from '../js/api.js';
import {t} from '../js/i18n.js';
import {startPage} from '../js/shell.js';
import {h, problemNotice, render} from '../js/ui.js';
import {keepFormsForRerender, pageState, resetLocaleCaches, restorePageState} from './common.js';
import {homeView} from './home.js';
import {stationsView} from './stations.js';
import {itemsView, itemView} from './items.js';
import {applyView} from './apply.js';
import {applicationsView} from './applications.js';
import {aidView} from './aid.js';
import {careView} from './care.js';
import {signupView} from './signup.js';
import {registerView} from './register.js';

const main = document.getElementById('main');
const nav = document.getElementById('app-nav');

/** Routes: a hash pattern, the tab it belongs to, the view. */
const ROUTES = [
  {pattern: /^#?\/?$/, tab: 'home', view: homeView},
  {pattern: /^#\/stations$/, tab: 'stations', view: stationsView},
  {pattern: /^#\/items$/, tab: 'items', view: itemsView},
  {pattern: /^#\/items\/([^/]+)$/, tab: 'items', view: itemView},
  {pattern: /^#\/apply\/([^/]+)$/, tab: 'items', view: applyView},
  {pattern: /^#\/applications$/, tab: 'applications', view: applicationsView},
  {pattern: /^#\/aid$/, tab: 'aid', view: aidView},
  {pattern: /^#\/care$/, tab: 'care', view: careView},
  {pattern: /^#\/signup$/, tab: 'signup', view: signupView},
  {pattern: /^#\/register$/, tab: 'register', view: registerView},
];

function tabs() {
  const signedIn = !!user();
  return [
    {id: 'home', href: '#/', key: 'portal.nav.home'},
    {id: 'stations', href: '#/stations', key: 'portal.nav.stations'},
    {id: 'items', href: '#/items', key: 'portal.nav.items'},
    {id: 'applications', href: '#/applications', key: 'portal.nav.applications'},
    {id: 'aid', href: '#/aid', key: 'portal.nav.aid'},
    {id: 'care', href: '#/care', key: 'portal.nav.care'},
    signedIn ? {id: 'register', href: '#/register', key: 'portal.nav.register'}
      : {id: 'signup', href: '#/signup', key: 'portal.nav.signup'},
  ];
}

function drawNav(activeTab) {
  nav.setAttribute('aria-label', t('portal.nav.label'));
  render(nav, h('ul', {},
    tabs().map(tab => h('li', {},
      h('a', {href: tab.href, id: `tab-${tab.id}`, 'aria-current': tab.id === activeTab ? 'page' : null}, t(tab.key))))));
}

let renderedHash = null;

function route() {
  const hash = location.hash || '#/';
  for (const candidate of ROUTES) {
    const match = hash.match(candidate.pattern);
    if (match) {
      try {
        return {...candidate, params: match.slice(1).map(decodeURIComponent)};
      } catch {
        break; // a malformed escape: no such page
      }
    }
  }
  return {tab: null, view: notFoundView, params: []};
}

function notFoundView(container) {
  container.append(h('h2', {}, t('portal.notFound.title')),
    h('p', {}, h('a', {href: '#/'}, t('portal.notFound.home'))));
}

/** Draws the current route; moves the focus to the new view when the route changed (not on a redraw). */
function draw() {
  const current = route();
  drawNav(current.tab);
  const container = h('div', {class: 'view', id: `view-${current.tab || 'none'}`});
  render(main, container);
  const routeChanged = renderedHash !== location.hash;
  renderedHash = location.hash;
  Promise.resolve().then(() => current.view(container, ...current.params)).catch(error => {
    console.error(error);
    container.append(problemNotice(error));
  }).finally(() => {
    if (routeChanged && document.activeElement === document.body) {
      main.focus({preventScroll: true});
    }
  });
}

setPageStateProvider(pageState);

window.addEventListener('hashchange', draw);

const {signedIn} = await startPage('portal', 'portal.title', () => {
  // a language switch or a sign-in/out: keep what was typed, redraw every text
  resetLocaleCaches();
  keepFormsForRerender();
  draw();
});
if (signedIn) {
  restorePageState(takeRestoredState());
}
draw();
