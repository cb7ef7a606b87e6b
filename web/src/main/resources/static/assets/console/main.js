// The operator console (综合勤务指挥室): a signed-in page for the command room and the staff. Hash routes
// pick a view (#/dashboard, #/incidents, #/map, #/disputes, #/applications); each view is shown only to the
// roles that can use it. Each view is a module whose view() builds the view's element and starts its loading.

import {hasRole, signIn, signOut, takeRestoredState, user} from '../js/auth.js';
import {setPageStateProvider} from '../js/api.js';
import {startPage} from '../js/shell.js';
import {t} from '../js/i18n.js';
import {h, notice, render} from '../js/ui.js';
import * as dashboard from './dashboard.js';
import * as incidents from './incidents.js';
import * as map from './map.js';
import * as disputes from './disputes.js';
import * as applications from './applications.js';

/** Every staff role may open the console; citizens and compatriots use the portal. */
const STAFF = ['GRID_OFFICER', 'POLICE', 'MEDIATOR', 'WINDOW_CLERK', 'COMMANDER', 'ADMIN'];

/** The views, in the order of the tabs, with the roles that can use them (the services' own rules). */
const VIEWS = [
  {route: 'dashboard', module: dashboard, roles: STAFF},
  {route: 'incidents', module: incidents, roles: ['GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN']},
  {route: 'map', module: map, roles: STAFF},
  {route: 'disputes', module: disputes, roles: ['MEDIATOR', 'GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN']},
  {route: 'applications', module: applications, roles: ['WINDOW_CLERK', 'COMMANDER', 'ADMIN']},
];

const nav = document.getElementById('app-nav');
const main = document.getElementById('main');

function allowedViews() {
  return VIEWS.filter(view => hasRole(...view.roles));
}

function currentRoute() {
  const match = /^#\/([a-z-]+)/.exec(location.hash);
  return match ? match[1] : null;
}

function drawNav(views, active) {
  nav.setAttribute('aria-label', t('console.nav.label'));
  render(nav, views.length === 0 ? null : h('ul', {},
    views.map(view => h('li', {},
      h('a', {href: `#/${view.route}`, id: `nav-${view.route}`, 'aria-current': view.route === active ? 'page' : null},
        t(`console.nav.${view.route}`))))));
}

/** Draws the current route's view; moveFocus after a tab change so keyboard users land on the view. */
function draw(moveFocus = false) {
  const current = user();
  if (!current) {
    render(nav);
    render(main, notice('info', t('console.signInRequired')),
      h('button', {type: 'button', class: 'btn btn-primary', onclick: () => signIn()}, t('common.signIn')));
    return;
  }
  const views = allowedViews();
  if (views.length === 0) {
    render(nav);
    render(main, notice('warning', t('console.notStaff', {name: current.username})),
      h('p', {class: 'row'}, h('a', {href: '/', class: 'btn'}, t('console.toPortal')),
        h('button', {type: 'button', class: 'btn', onclick: () => signOut()}, t('common.signOut'))));
    return;
  }
  const route = currentRoute();
  const view = views.find(candidate => candidate.route === route);
  if (!view) {
    const known = VIEWS.some(candidate => candidate.route === route);
    drawNav(views, views[0].route);
    if (known) { // a view of another role: say so rather than quietly showing something else
      render(main, notice('warning', t('console.forbiddenView')));
      return;
    }
    history.replaceState(null, '', `#/${views[0].route}`);
    draw(moveFocus);
    return;
  }
  drawNav(views, view.route);
  render(main, view.module.view());
  if (moveFocus) {
    main.querySelector('h2')?.focus();
  }
}

setPageStateProvider(() => ({map: map.pageState()}));

// a failed return from the sign-in page is shown (by the header), not answered by another redirect
const returningFromSignIn = /[?&](code|error)=/.test(location.search);
const {signedIn} = await startPage('console', 'console.title', () => draw());
if (!signedIn && !returningFromSignIn) {
  await signIn();
} else {
  const restored = takeRestoredState();
  if (restored?.map) {
    map.restore(restored.map);
  }
  window.addEventListener('hashchange', () => draw(true));
  draw();
}
