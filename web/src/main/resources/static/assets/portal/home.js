// The landing view: what the portal offers, with a way into each part.

import {user} from '../js/auth.js';
import {t} from '../js/i18n.js';
import {h} from '../js/ui.js';
import {takeFlash} from './common.js';

export function homeView(container) {
  const card = (id, titleKey, textKey, href, linkKey) => h('div', {class: 'card', id},
    h('h3', {}, t(titleKey)), h('p', {}, t(textKey)), h('a', {class: 'btn', href}, t(linkKey)));
  container.append(
    takeFlash(),
    h('h2', {id: 'home-title'}, t('portal.home.title')),
    h('p', {}, t('portal.home.intro')),
    h('div', {class: 'cards'},
      card('home-stations', 'portal.home.stations.title', 'portal.home.stations.text', '#/stations', 'portal.home.stations.link'),
      card('home-items', 'portal.home.items.title', 'portal.home.items.text', '#/items', 'portal.home.items.link'),
      user()
        ? card('home-applications', 'portal.home.applications.title', 'portal.home.applications.text', '#/applications', 'portal.home.applications.link')
        : card('home-signup', 'portal.home.signup.title', 'portal.home.signup.text', '#/signup', 'portal.home.signup.link'),
      card('home-aid', 'portal.home.aid.title', 'portal.home.aid.text', '#/aid', 'portal.home.aid.link'),
      card('home-care', 'portal.home.care.title', 'portal.home.care.text', '#/care', 'portal.home.care.link')));
}
