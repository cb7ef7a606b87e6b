// My applications: the overseas portal's record of each (QUEUED while public-service has not taken it,
// SUBMITTED, REJECTED) with public-service's status and the SLA countdown to its due time.

import {api} from '../js/api.js';
import {formatDateTime, t} from '../js/i18n.js';
import {countdown, h, notice, problemNotice, render} from '../js/ui.js';
import {badge, label, localName, requireRegisteredCompatriot, takeFlash} from './common.js';
import {globalItems} from './catalogue.js';

const FINISHED = new Set(['NOT_ACCEPTED', 'DENIED', 'DELIVERED']);

export async function applicationsView(container) {
  container.append(takeFlash(), h('div', {class: 'row'},
    h('h2', {id: 'applications-title'}, t('portal.applications.title')),
    h('span', {class: 'spacer'}),
    h('a', {class: 'btn', href: '#/items', id: 'new-application'}, t('portal.applications.new'))));
  const mine = await requireRegisteredCompatriot(container, 'portal.applications.signIn');
  if (!mine) {
    return;
  }
  const body = h('div', {id: 'applications', 'aria-live': 'polite'}, h('p', {class: 'muted'}, t('common.loading')));
  const refresh = h('button', {type: 'button', class: 'btn', id: 'applications-refresh', onclick: () => load()}, t('common.refresh'));
  container.append(h('p', {}, refresh), body);
  let timer = null;

  async function load() {
    refresh.disabled = true;
    const [portal, sla, catalogue] = await Promise.allSettled([
      api('/api/overseas/portal/applications', {query: {size: 100}}),
      api('/api/public/applications', {query: {mine: true, size: 200}}),
      globalItems(),
    ]);
    refresh.disabled = false;
    if (portal.status === 'rejected') {
      render(body, problemNotice(portal.reason, 'portal.applications.unavailable'));
      return;
    }
    const applications = portal.value.content || [];
    const byPublicId = new Map(sla.status === 'fulfilled'
      ? (sla.value.content || []).map(application => [application.id, application]) : []);
    const names = new Map(catalogue.status === 'fulfilled'
      ? catalogue.value.items.map(item => [item.code, localName(item.name, item.nameEn)]) : []);
    const countdowns = [];
    render(body,
      sla.status === 'rejected' ? notice('warning', h('span', {id: 'sla-unavailable'}, sla.reason.unavailable
        ? t('portal.applications.slaUnavailable') : sla.reason.message)) : null,
      applications.length === 0 ? notice('info', h('span', {id: 'applications-none'}, t('portal.applications.none')))
        : h('ul', {class: 'list', id: 'application-list'}, applications.map(application =>
          applicationItem(application, byPublicId.get(application.publicApplicationId), countdowns, names))));
    clearInterval(timer);
    timer = setInterval(() => {
      if (!body.isConnected) {
        clearInterval(timer);
        return;
      }
      countdowns.forEach(tick => tick());
    }, 60_000);
  }

  await load();
}

function stateBadge(application) {
  switch (application.state) {
    case 'QUEUED': return badge(t('portal.applications.state.QUEUED'), 'warn', {class: 'badge badge-warn state'});
    case 'REJECTED': return badge(t('portal.applications.state.REJECTED'), 'error', {class: 'badge badge-error state'});
    default: return badge(t('portal.applications.state.SUBMITTED'), 'ok', {class: 'badge badge-ok state'});
  }
}

function applicationItem(application, publicApplication, countdowns, names) {
  const details = [];
  if (application.state === 'QUEUED') {
    details.push(h('p', {class: 'queued-note'}, t('portal.applications.queuedNote', {attempts: application.attempts})),
      application.nextAttemptAt ? h('p', {class: 'muted'}, t('portal.applications.nextAttempt',
        {time: formatDateTime(application.nextAttemptAt)})) : null);
  } else if (application.state === 'REJECTED') {
    details.push(h('p', {}, t('portal.applications.rejectedNote')));
  }
  const status = publicApplication?.status || application.status;
  if (application.state === 'SUBMITTED' && status) {
    details.push(h('p', {}, t('portal.applications.status'), ' ',
      badge(label('applicationStatus', status), FINISHED.has(status) ? '' : 'ok', {class: 'badge app-status'}),
      application.statusStale ? [' ', h('span', {class: 'muted'}, t('portal.applications.statusStale'))] : null));
    if (publicApplication?.reason) {
      details.push(h('p', {}, t('portal.applications.reason', {reason: publicApplication.reason})));
    }
    if (publicApplication?.missingMaterials?.length) {
      details.push(h('p', {}, t('portal.applications.missing', {materials: publicApplication.missingMaterials.join(t('portal.listSeparator'))})));
    }
  }
  if (publicApplication?.dueAt && !FINISHED.has(publicApplication.status)) {
    const text = h('span', {class: 'countdown'});
    const tick = () => {
      const left = countdown(publicApplication.dueAt);
      text.textContent = left.text;
      text.className = left.overdue ? 'countdown badge badge-error' : 'countdown badge';
    };
    tick();
    countdowns.push(tick);
    details.push(h('p', {}, t('portal.applications.due', {time: formatDateTime(publicApplication.dueAt)}), ' ', text));
  } else if (publicApplication?.finishedAt) {
    details.push(h('p', {class: 'muted'}, t('portal.applications.finished', {time: formatDateTime(publicApplication.finishedAt)})));
  }
  return h('li', {id: `application-${application.id}`, class: 'application', dataset: {state: application.state}},
    h('div', {class: 'row'},
      h('strong', {class: 'item-name'}, names.get(application.itemCode) || application.itemName || application.itemCode),
      stateBadge(application)),
    h('p', {class: 'muted small'}, t('portal.applications.meta', {code: application.itemCode,
      time: formatDateTime(application.createdAt)})),
    details);
}
