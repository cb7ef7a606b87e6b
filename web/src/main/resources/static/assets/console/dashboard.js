// Dashboard (态势总览): the seed article's figures from the platform's own overview APIs. Each source is a
// card that loads by itself, so one service being down leaves the other cards showing.

import {api} from '../js/api.js';
import {hasRole} from '../js/auth.js';
import {formatDate, formatNumber, t} from '../js/i18n.js';
import {h} from '../js/ui.js';
import {change, figure, label, loadingSection, percent, regionName} from './common.js';

const AID_KINDS = ['masks', 'tcmPacks', 'protectiveSuits', 'gloves', 'disinfectant', 'thermometers', 'medicines',
  'testKits', 'foodParcels'];

function sum(values) {
  return Object.values(values || {}).reduce((total, value) => total + (Number(value) || 0), 0);
}

function card(id, titleKey, load, draw) {
  const section = loadingSection({class: 'card dashboard-card', id: `card-${id}`, 'aria-labelledby': `card-${id}-title`}, load, draw);
  section.prepend(h('div', {class: 'row'},
    h('h3', {id: `card-${id}-title`}, t(titleKey)),
    h('span', {class: 'spacer'}),
    h('button', {type: 'button', class: 'btn btn-small', 'aria-label': t('console.dashboard.reloadCard', {card: t(titleKey)}),
      onclick: () => section.reload()}, t('common.refresh'))));
  return section;
}

function figures(...items) {
  return h('div', {class: 'figures'}, ...items);
}

function yoyNote(pair) {
  return t('console.dashboard.yoy', {previous: formatNumber(pair.previous), change: change(pair.yoyChangePercent)});
}


function gridCard() {
  return card('grid', 'console.dashboard.grid.title', () => api('/api/grid/stats/overview'), overview => [
    figures(
      figure('grids', overview.grids, t('console.dashboard.grid.grids')),
      figure('grids-covered', overview.gridsCovered, t('console.dashboard.grid.gridsCovered')),
      figure('villages', overview.villages, t('console.dashboard.grid.villages')),
      figure('villages-two-chiefs', overview.villagesWithTwoChiefs, t('console.dashboard.grid.villagesWithTwoChiefs')),
      figure('towns', overview.towns, t('console.dashboard.grid.towns')),
      figure('officers-police', overview.officers?.police, t('console.dashboard.grid.police')),
      figure('officers-auxiliary', overview.officers?.auxiliary, t('console.dashboard.grid.auxiliary'))),
    h('details', {},
      h('summary', {}, t('console.dashboard.grid.perCounty')),
      h('div', {class: 'table-scroll'}, h('table', {id: 'table-grid-counties'},
        h('thead', {}, h('tr', {},
          h('th', {scope: 'col'}, t('console.dashboard.grid.county')),
          h('th', {scope: 'col'}, t('console.dashboard.grid.towns')),
          h('th', {scope: 'col'}, t('console.dashboard.grid.villages')),
          h('th', {scope: 'col'}, t('console.dashboard.grid.grids')))),
        h('tbody', {}, (overview.perCounty || []).map(county => h('tr', {},
          h('th', {scope: 'row'}, regionName(county)),
          h('td', {}, formatNumber(county.towns)),
          h('td', {}, formatNumber(county.villages)),
          h('td', {}, formatNumber(county.grids)))))))),
  ]);
}

function incidentCard() {
  return card('incidents', 'console.dashboard.incidents.title', () => api('/api/grid/stats/incidents'), report => [
    h('p', {class: 'muted', id: 'incidents-period'}, t('console.dashboard.incidents.period',
      {from: formatDate(report.from), to: formatDate(report.to)})),
    figures(
      figure('incidents-total', report.total?.current, t('console.dashboard.incidents.total'), {note: yoyNote(report.total)}),
      figure('incidents-criminal', report.criminal?.current, t('console.dashboard.incidents.criminal'), {note: yoyNote(report.criminal)}),
      figure('zero-case-villages', report.zeroCaseVillages?.zeroCaseVillages, t('console.dashboard.incidents.zeroCase'),
        {note: t('console.dashboard.incidents.zeroCaseNote', {
          villages: formatNumber(report.zeroCaseVillages?.villages), days: report.zeroCaseVillages?.days})}),
      figure('solved-by-station', report.solvedCriminalCases?.stationSharePercent == null ? null : report.solvedCriminalCases.stationSharePercent / 100,
        t('console.dashboard.incidents.solvedByStation'), {format: percent, note: t('console.dashboard.incidents.solvedNote', {
          solved: formatNumber(report.solvedCriminalCases?.solved), byStation: formatNumber(report.solvedCriminalCases?.solvedByStation)})}),
      figure('dispatch-p50', report.dispatchSeconds?.p50, t('console.dashboard.incidents.dispatchP50'),
        {format: seconds => t('console.dashboard.seconds', {seconds: formatNumber(seconds)})}),
      figure('arrival-p50', report.arrivalSeconds?.p50, t('console.dashboard.incidents.arrivalP50'),
        {format: seconds => t('console.dashboard.minutes', {minutes: formatNumber(seconds / 60, {maximumFractionDigits: 0})})})),
    h('details', {},
      h('summary', {}, t('console.dashboard.incidents.byCategory')),
      h('div', {class: 'table-scroll'}, h('table', {id: 'table-incident-categories'},
        h('thead', {}, h('tr', {},
          h('th', {scope: 'col'}, t('console.dashboard.incidents.category')),
          h('th', {scope: 'col'}, t('console.dashboard.incidents.current')),
          h('th', {scope: 'col'}, t('console.dashboard.incidents.previous')),
          h('th', {scope: 'col'}, t('console.dashboard.incidents.change')))),
        h('tbody', {}, (report.byCategory || []).map(row => h('tr', {},
          h('th', {scope: 'row'}, label('incident.category', row.category)),
          h('td', {}, formatNumber(row.current)),
          h('td', {}, formatNumber(row.previous)),
          h('td', {}, change(row.yoyChangePercent)))))))),
  ]);
}

function mediationCard() {
  return card('mediation', 'console.dashboard.mediation.title', () => api('/api/mediation/stats/overview'), overview => [
    figures(
      figure('disputes', overview.disputes, t('console.dashboard.mediation.disputes')),
      figure('resolution-rate', overview.resolutionRate, t('console.dashboard.mediation.resolutionRate'), {format: percent}),
      figure('success-rate', overview.successRate, t('console.dashboard.mediation.successRate'), {format: percent}),
      figure('disputes-closed', overview.closed, t('console.dashboard.mediation.closed')),
      figure('disputes-overdue', overview.overdue, t('console.dashboard.mediation.overdue')),
      figure('mediation-organisations', overview.organisations, t('console.dashboard.mediation.organisations')),
      figure('mediators', overview.mediators, t('console.dashboard.mediation.mediators'))),
  ]);
}

function publicCard() {
  return card('public', 'console.dashboard.public.title', () => api('/api/public/stats/overview'), overview => [
    figures(
      figure('items', overview.items, t('console.dashboard.public.items')),
      figure('global-items', overview.globalItems, t('console.dashboard.public.globalItems')),
      figure('zero-visit-items', overview.zeroVisitItems, t('console.dashboard.public.zeroVisitItems')),
      figure('applications', sum(overview.applicationsByStatus), t('console.dashboard.public.applications')),
      figure('sla-breaches', overview.slaBreaches, t('console.dashboard.public.slaBreaches'),
        {note: overview.slaBreachRate == null ? null : t('console.dashboard.public.slaBreachRate', {rate: percent(overview.slaBreachRate)})}),
      figure('satisfaction-rate', overview.satisfactionRate, t('console.dashboard.public.satisfactionRate'), {format: percent})),
  ]);
}

function overseasCard() {
  return card('overseas', 'console.dashboard.overseas.title', () => api('/api/overseas/stats/overview'), overview => [
    figures(
      figure('stations', overview.stations, t('console.dashboard.overseas.stations')),
      figure('countries', overview.countries, t('console.dashboard.overseas.countries')),
      figure('aid-requests', sum(overview.aidRequests), t('console.dashboard.overseas.aidRequests')),
      figure('aid-donated', sum(overview.itemsDonated), t('console.dashboard.overseas.donated')),
      figure('aid-shipped', sum(overview.itemsShipped), t('console.dashboard.overseas.shipped'))),
    h('div', {class: 'table-scroll'}, h('table', {id: 'table-aid-items'},
      h('caption', {class: 'visually-hidden'}, t('console.dashboard.overseas.byKind')),
      h('thead', {}, h('tr', {},
        h('th', {scope: 'col'}, t('console.dashboard.overseas.kind')),
        h('th', {scope: 'col'}, t('console.dashboard.overseas.donated')),
        h('th', {scope: 'col'}, t('console.dashboard.overseas.shipped')),
        h('th', {scope: 'col'}, t('console.dashboard.overseas.received')))),
      h('tbody', {}, AID_KINDS.filter(kind => overview.itemsDonated?.[kind] || overview.itemsShipped?.[kind]).map(kind => h('tr', {},
        h('th', {scope: 'row'}, label('aid.kind', kind)),
        h('td', {id: `figure-donated-${kind}`, dataset: {value: overview.itemsDonated?.[kind] ?? 0}}, formatNumber(overview.itemsDonated?.[kind] ?? 0)),
        h('td', {id: `figure-shipped-${kind}`, dataset: {value: overview.itemsShipped?.[kind] ?? 0}}, formatNumber(overview.itemsShipped?.[kind] ?? 0)),
        h('td', {}, formatNumber(overview.itemsReceived?.[kind] ?? 0))))))),
  ]);
}

export function view() {
  return h('div', {class: 'view', id: 'view-dashboard'},
    h('h2', {tabindex: '-1'}, t('console.dashboard.title')),
    h('div', {class: 'dashboard'},
      gridCard(),
      // the crime KPIs are for the police side only (the service answers 403 to the others)
      hasRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN') ? incidentCard() : null,
      mediationCard(),
      publicCard(),
      overseasCard()));
}
