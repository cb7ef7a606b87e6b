// Applications queue (办件队列) for the service windows: the public service's applications, the most urgent
// first, each with its SLA countdown (refreshed every half minute). A window clerk takes the next step of an
// application's plain path (accept → start → approve → deliver); a refusal is shown as the API words it.

import {api, newIdempotencyKey} from '../js/api.js';
import {hasRole} from '../js/auth.js';
import {formatDateTime, formatNumber, t} from '../js/i18n.js';
import {countdown, h, notice, render} from '../js/ui.js';
import {failure, label} from './common.js';

const FINISHED = new Set(['NOT_ACCEPTED', 'DENIED', 'DELIVERED']);
/** The next step of each status on the plain path (rejections and denials need a reason: not offered here). */
const NEXT = {SUBMITTED: 'accept', NEEDS_MATERIALS: 'accept', ACCEPTED: 'start', IN_PROGRESS: 'approve', APPROVED: 'deliver'};
const PAGE_SIZE = 100;

const state = {showFinished: false};

function countdownCell(application) {
  if (FINISHED.has(application.status) || !application.dueAt) {
    return h('td', {dataset: {label: t('console.applications.countdown')}}, application.slaBreached ? h('span', {class: 'badge badge-error'}, t('console.applications.breached'))
      : h('span', {class: 'muted'}, t('console.applications.finished')));
  }
  const due = countdown(application.dueAt);
  return h('td', {class: 'sla', dataset: {due: application.dueAt, label: t('console.applications.countdown')}},
    h('span', {class: `badge ${due.overdue ? 'badge-error' : 'badge-ok'} countdown`}, due.text),
    application.slaBreached ? h('span', {class: 'badge badge-error'}, t('console.applications.breached')) : null);
}

export function view() {
  const status = h('div', {id: 'applications-status', 'aria-live': 'polite', tabindex: '-1'});
  const holder = h('div', {id: 'applications-queue'}, h('p', {class: 'muted'}, t('common.loading')));
  const clerk = hasRole('WINDOW_CLERK');

  async function act(application, action, button) {
    button.disabled = true;
    try {
      const updated = await api(`/api/public/applications/${encodeURIComponent(application.id)}/actions/${action}`,
        {method: 'POST', idempotencyKey: newIdempotencyKey()});
      render(status, notice('success', t('console.applications.done',
        {item: updated.itemName, status: label('application.status', updated.status)})));
      await load();
      status.focus(); // the pressed button is gone with the redrawn queue
    } catch (error) {
      button.disabled = false;
      render(status, failure(error));
    }
  }

  function row(application) {
    const next = clerk ? NEXT[application.status] : null;
    const cell = (key, ...content) => h('td', {dataset: {label: t(`console.applications.${key}`)}}, ...content);
    return h('tr', {id: `application-${application.id}`, dataset: {status: application.status}},
      h('th', {scope: 'row'}, application.itemName, h('br'), h('small', {class: 'muted'}, application.itemCode)),
      countdownCell(application),
      cell('status', h('span', {class: 'badge'}, label('application.status', application.status))),
      cell('channel', label('application.channel', application.channel)),
      cell('submittedAt', formatDateTime(application.submittedAt)),
      cell('dueAt', formatDateTime(application.dueAt)),
      clerk ? cell('next', next ? h('button', {type: 'button', class: 'btn btn-small', id: `act-${application.id}`,
        onclick: event => act(application, next, event.currentTarget)},
      t(`console.applications.action.${next}`)) : '—') : null);
  }

  function draw(page) {
    const all = page.content || [];
    const shown = state.showFinished ? all : all.filter(application => !FINISHED.has(application.status));
    const breaches = all.filter(application => application.slaBreached || application.overdue).length;
    render(holder,
      h('p', {class: 'muted', id: 'applications-summary'}, t('console.applications.summary', {
        shown: formatNumber(shown.length), total: formatNumber(page.page?.totalElements ?? all.length), breaches: formatNumber(breaches)})),
      shown.length === 0 ? h('p', {class: 'muted'}, t('console.applications.empty'))
        : h('div', {class: 'table-scroll'}, h('table', {id: 'applications-table', class: 'stack-on-phone'},
          h('caption', {class: 'visually-hidden'}, t('console.applications.title')),
          h('thead', {}, h('tr', {},
            h('th', {scope: 'col'}, t('console.applications.item')),
            h('th', {scope: 'col'}, t('console.applications.countdown')),
            h('th', {scope: 'col'}, t('console.applications.status')),
            h('th', {scope: 'col'}, t('console.applications.channel')),
            h('th', {scope: 'col'}, t('console.applications.submittedAt')),
            h('th', {scope: 'col'}, t('console.applications.dueAt')),
            clerk ? h('th', {scope: 'col'}, t('console.applications.next')) : null)),
          h('tbody', {}, shown.map(row)))));
  }

  async function load() {
    holder.setAttribute('aria-busy', 'true');
    try {
      draw(await api('/api/public/applications', {query: {size: PAGE_SIZE, sort: 'dueAt,asc'}}));
    } catch (error) {
      render(holder, failure(error));
    } finally {
      holder.removeAttribute('aria-busy');
    }
  }

  // the countdowns move on while the queue is on screen
  const ticker = setInterval(() => {
    if (!holder.isConnected) {
      clearInterval(ticker);
      return;
    }
    holder.querySelectorAll('td.sla').forEach(cell => {
      const due = countdown(cell.dataset.due);
      const badge = cell.querySelector('.countdown');
      badge.textContent = due.text;
      badge.className = `badge ${due.overdue ? 'badge-error' : 'badge-ok'} countdown`;
    });
  }, 30_000);

  const finishedBox = h('input', {type: 'checkbox', id: 'applications-show-finished', checked: state.showFinished,
    onchange: event => { state.showFinished = event.target.checked; load(); }});
  load();
  return h('div', {class: 'view', id: 'view-applications'},
    h('h2', {tabindex: '-1'}, t('console.applications.title')),
    h('div', {class: 'row toolbar'},
      h('div', {class: 'check-field'}, finishedBox, h('label', {for: 'applications-show-finished'}, t('console.applications.showFinished'))),
      h('span', {class: 'spacer'}),
      h('button', {type: 'button', class: 'btn', onclick: () => { render(status); load(); }}, t('common.refresh'))),
    status,
    holder);
}
