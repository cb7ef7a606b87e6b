// Incident board (警令调度): new (REPORTED) → in hand (DISPATCHED, ACKNOWLEDGED, ON_SCENE) → closed, from the
// grid service. The command room dispatches a new incident to the grid officer of its location (the API's
// default dispatch); a refusal (e.g. 409: no officer there, already dispatched) is shown as the API words it.

import {api, newIdempotencyKey} from '../js/api.js';
import {hasRole, user} from '../js/auth.js';
import {formatDateTime, formatNumber, t} from '../js/i18n.js';
import {h, notice, render} from '../js/ui.js';
import {failure, label, regionName} from './common.js';

const COLUMNS = [
  {id: 'new', statuses: ['REPORTED'], size: 50},
  {id: 'active', statuses: ['DISPATCHED', 'ACKNOWLEDGED', 'ON_SCENE'], size: 20},
  {id: 'closed', statuses: ['CLOSED'], size: 10},
];

const state = {county: ''};
let counties = null;

function statusBadge(status) {
  const kind = status === 'REPORTED' ? 'badge-warn' : status === 'CLOSED' ? 'badge-ok' : '';
  return h('span', {class: `badge ${kind}`, dataset: {status}}, label('incident.status', status));
}

function place(location) {
  if (!location) {
    return '—';
  }
  return location.address || t('console.incidents.place', {grid: location.gridCode || '—', village: location.villageCode || '—'});
}

function incidentCard(incident, onDispatch) {
  // a dispatched incident may be sent to another officer, but not by the default dispatch: only new ones here
  const canDispatch = incident.status === 'REPORTED' && hasRole('COMMANDER') && (incident.allowedActions || []).includes('dispatch');
  const message = h('div', {class: 'incident-message', 'aria-live': 'polite'});
  const titleId = `incident-${incident.id}-title`;
  return h('li', {class: 'incident card', id: `incident-${incident.id}`, dataset: {status: incident.status, number: incident.number},
    'aria-labelledby': titleId},
    h('div', {class: 'row'},
      h('strong', {id: titleId}, label('incident.category', incident.category)),
      statusBadge(incident.status),
      incident.criminal ? h('span', {class: 'badge badge-error'}, t('console.incidents.criminal')) : null),
    h('p', {class: 'incident-number muted'}, incident.number),
    h('p', {class: 'incident-description'}, incident.description),
    h('dl', {class: 'facts'},
      h('dt', {}, t('console.incidents.reportedAt')), h('dd', {}, formatDateTime(incident.timeline?.reportedAt)),
      h('dt', {}, t('console.incidents.location')), h('dd', {}, place(incident.location)),
      h('dt', {}, t('console.incidents.officer')), h('dd', {class: 'incident-officer'}, incident.officer?.name || t('console.incidents.noOfficer'))),
    canDispatch ? h('button', {type: 'button', class: 'btn btn-primary', id: `dispatch-${incident.id}`,
      'aria-describedby': titleId,
      onclick: event => onDispatch(incident, event.currentTarget, message)}, t('console.incidents.dispatch')) : null,
    message);
}

async function loadColumn(column) {
  const pages = await Promise.all(column.statuses.map(status =>
    api('/api/grid/incidents', {query: {status, county: state.county, size: column.size}})));
  const incidents = pages.flatMap(page => page.content || [])
    .sort((a, b) => String(b.timeline?.reportedAt).localeCompare(String(a.timeline?.reportedAt)));
  const total = pages.reduce((sum, page) => sum + (page.page?.totalElements ?? 0), 0);
  return {incidents, total};
}


export function view() {
  const status = h('div', {id: 'incident-board-status', 'aria-live': 'polite', tabindex: '-1'});
  const board = h('div', {class: 'board', id: 'incident-board'});

  async function dispatch(incident, button, message) {
    button.disabled = true;
    render(message);
    try {
      const dispatched = await api(`/api/grid/incidents/${encodeURIComponent(incident.id)}/actions/dispatch`,
        {method: 'POST', idempotencyKey: newIdempotencyKey()});
      render(status, notice('success', t('console.incidents.dispatched',
        {number: dispatched.number, officer: dispatched.officer?.name || '—'})));
      await drawBoard();
      status.focus(); // the pressed button is gone with the redrawn board: keep the keyboard user's place
    } catch (error) {
      button.disabled = false;
      render(message, failure(error));
    }
  }

  function drawColumn(column, result) {
    const headingId = `column-${column.id}-title`;
    const body = result instanceof Error ? failure(result)
      : result.incidents.length === 0 ? h('p', {class: 'muted'}, t('console.incidents.empty'))
        : h('ul', {class: 'list incident-list'}, result.incidents.map(incident => incidentCard(incident, dispatch)));
    return h('section', {class: 'board-column', id: `column-${column.id}`, 'aria-labelledby': headingId},
      h('h3', {id: headingId}, t(`console.incidents.column.${column.id}`),
        result instanceof Error ? null : h('span', {class: 'badge column-count'},
          t('console.incidents.count', {shown: formatNumber(result.incidents.length), total: formatNumber(result.total)}))),
      body);
  }

  async function drawBoard() {
    board.setAttribute('aria-busy', 'true');
    const results = await Promise.all(COLUMNS.map(column => loadColumn(column).catch(error => error)));
    render(board, COLUMNS.map((column, index) => drawColumn(column, results[index])));
    board.removeAttribute('aria-busy');
  }

  // the command room sees all of Lishui; everyone else only the county of their account
  const wholeCity = hasRole('COMMANDER', 'ADMIN');
  const ownCounty = user()?.countyCode || '';
  if (!wholeCity) {
    state.county = ownCounty;
  }
  const countySelect = h('select', {id: 'incident-county', onchange: event => {
    state.county = event.target.value;
    render(status);
    drawBoard();
  }}, wholeCity ? h('option', {value: ''}, t('console.incidents.allCounties')) : null);
  const fillCounties = list => {
    list.filter(county => wholeCity || county.code === ownCounty)
      .forEach(county => countySelect.append(h('option', {value: county.code}, regionName(county))));
    countySelect.value = state.county;
  };
  if (counties) {
    fillCounties(counties);
  } else {
    api('/api/grid/counties').then(list => { counties = list; fillCounties(list); }).catch(() => {});
  }

  render(board, h('p', {class: 'muted'}, t('common.loading')));
  drawBoard();
  return h('div', {class: 'view', id: 'view-incidents'},
    h('h2', {tabindex: '-1'}, t('console.incidents.title')),
    h('div', {class: 'row toolbar'},
      h('div', {class: 'field inline-field'}, h('label', {for: 'incident-county'}, t('console.incidents.county')), countySelect),
      h('span', {class: 'spacer'}),
      h('button', {type: 'button', class: 'btn', id: 'incident-refresh', onclick: () => { render(status); drawBoard(); }}, t('common.refresh'))),
    status,
    board);
}
