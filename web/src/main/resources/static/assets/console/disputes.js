// Dispute board (矛盾纠纷): the mediation service's disputes by state, in three columns: being mediated, agreed,
// ended. The command room sees every case; a mediator, officer or policeman the cases they take part in (the
// service decides). Open cases show the time left to their one-month limit.

import {api} from '../js/api.js';
import {hasRole} from '../js/auth.js';
import {formatDateTime, formatNumber, t} from '../js/i18n.js';
import {countdown, h, render} from '../js/ui.js';
import {failure, label, regionName} from './common.js';

const COLUMNS = [
  {id: 'open', statuses: ['REGISTERED', 'ACCEPTED', 'ASSIGNED', 'IN_MEDIATION'], size: 20},
  {id: 'agreed', statuses: ['AGREED', 'FOLLOWED_UP'], size: 10},
  {id: 'ended', statuses: ['CLOSED', 'FAILED', 'DECLINED', 'WITHDRAWN'], size: 5},
];
const OPEN = new Set(COLUMNS[0].statuses);

const state = {county: '', overdue: false};
let counties = null;

function disputeCard(dispute) {
  const titleId = `dispute-${dispute.id}-title`;
  const due = dispute.dueAt && OPEN.has(dispute.status) ? countdown(dispute.dueAt) : null;
  const kind = dispute.status === 'CLOSED' || dispute.status === 'FOLLOWED_UP' ? 'badge-ok'
    : dispute.status === 'FAILED' || dispute.status === 'DECLINED' ? 'badge-error' : '';
  return h('li', {class: 'dispute card', id: `dispute-${dispute.id}`, dataset: {status: dispute.status}, 'aria-labelledby': titleId},
    h('div', {class: 'row'},
      h('strong', {id: titleId}, label('dispute.category', dispute.category)),
      h('span', {class: `badge ${kind}`}, label('dispute.status', dispute.status)),
      dispute.overdue ? h('span', {class: 'badge badge-error'}, t('console.disputes.overdue')) : null),
    h('p', {class: 'dispute-description'}, dispute.description),
    h('dl', {class: 'facts'},
      h('dt', {}, t('console.disputes.registeredAt')), h('dd', {}, formatDateTime(dispute.registeredAt)),
      h('dt', {}, t('console.disputes.mediator')), h('dd', {}, dispute.mediatorName || t('console.disputes.noMediator')),
      h('dt', {}, t('console.disputes.parties')), h('dd', {}, formatNumber((dispute.parties || []).length)),
      dispute.amountAtStake ? h('dt', {}, t('console.disputes.amount')) : null,
      dispute.amountAtStake ? h('dd', {}, formatNumber(dispute.amountAtStake / 100, {style: 'currency', currency: 'CNY'})) : null,
      due ? h('dt', {}, t('console.disputes.due')) : null,
      due ? h('dd', {class: due.overdue ? 'overdue' : ''}, due.text) : null));
}

async function loadColumn(column) {
  const pages = await Promise.all(column.statuses.map(status => api('/api/mediation/disputes', {query: {
    status, countyCode: state.county, overdue: state.overdue ? 'true' : null, size: column.size,
    sort: 'registeredAt,desc'}})));
  const disputes = pages.flatMap(page => page.content || [])
    .sort((a, b) => String(b.registeredAt).localeCompare(String(a.registeredAt)));
  return {disputes, total: pages.reduce((sum, page) => sum + (page.page?.totalElements ?? 0), 0)};
}


export function view() {
  const board = h('div', {class: 'board', id: 'dispute-board'}, h('p', {class: 'muted'}, t('common.loading')));

  function drawColumn(column, result) {
    const headingId = `dispute-column-${column.id}-title`;
    const skipped = state.overdue && column.id !== 'open';
    const body = result instanceof Error ? failure(result)
      : skipped ? h('p', {class: 'muted'}, t('console.disputes.overdueOnlyOpen'))
        : result.disputes.length === 0 ? h('p', {class: 'muted'}, t('console.disputes.empty'))
          : h('ul', {class: 'list dispute-list'}, result.disputes.map(disputeCard));
    return h('section', {class: 'board-column', id: `dispute-column-${column.id}`, 'aria-labelledby': headingId},
      h('h3', {id: headingId}, t(`console.disputes.column.${column.id}`),
        result instanceof Error || skipped ? null : h('span', {class: 'badge column-count'},
          t('console.disputes.count', {shown: formatNumber(result.disputes.length), total: formatNumber(result.total)}))),
      body);
  }

  async function drawBoard() {
    board.setAttribute('aria-busy', 'true');
    const results = await Promise.all(COLUMNS.map(column =>
      (state.overdue && column.id !== 'open' ? Promise.resolve({disputes: [], total: 0}) : loadColumn(column)).catch(error => error)));
    render(board, COLUMNS.map((column, index) => drawColumn(column, results[index])));
    board.removeAttribute('aria-busy');
  }

  const wholeCity = hasRole('COMMANDER', 'ADMIN');
  const countySelect = h('select', {id: 'dispute-county', onchange: event => { state.county = event.target.value; drawBoard(); }},
    h('option', {value: ''}, t('console.disputes.allCounties')));
  const fillCounties = list => {
    list.forEach(county => countySelect.append(h('option', {value: county.code}, regionName(county))));
    countySelect.value = state.county;
  };
  if (wholeCity) {
    if (counties) {
      fillCounties(counties);
    } else {
      api('/api/grid/counties').then(list => { counties = list; fillCounties(list); }).catch(() => {});
    }
  }
  const overdueBox = h('input', {type: 'checkbox', id: 'dispute-overdue', checked: state.overdue,
    onchange: event => { state.overdue = event.target.checked; drawBoard(); }});

  drawBoard();
  return h('div', {class: 'view', id: 'view-disputes'},
    h('h2', {tabindex: '-1'}, t('console.disputes.title')),
    h('div', {class: 'row toolbar'},
      wholeCity ? h('div', {class: 'field inline-field'}, h('label', {for: 'dispute-county'}, t('console.disputes.county')), countySelect) : null,
      h('div', {class: 'check-field'}, overdueBox, h('label', {for: 'dispute-overdue'}, t('console.disputes.overdueOnly'))),
      h('span', {class: 'spacer'}),
      h('button', {type: 'button', class: 'btn', onclick: () => drawBoard()}, t('common.refresh'))),
    board);
}
