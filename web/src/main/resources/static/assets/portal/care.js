// Family care (亲情关爱): ask for a visit to the family at the home village and follow it. The visit is
// handed to the village's grid officer (QUEUED while grid-service cannot take it), then its state is
// grid-service's: OPEN, ACCEPTED, VISITED (with the result) or CANCELLED.

import {api} from '../js/api.js';
import {formatDateTime, t} from '../js/i18n.js';
import {clearFormErrors, field, h, notice, problemNotice, render, showFormErrors} from '../js/ui.js';
import {attachCodeToField, badge, forgetIdempotencyKey, idempotencyKeyFor, label, requireRegisteredCompatriot,
  requiredLabel, restoreForm} from './common.js';

const DONE = new Set(['VISITED', 'CANCELLED']);

export async function careView(container) {
  container.append(h('h2', {id: 'care-title'}, t('portal.care.title')), h('p', {}, t('portal.care.intro')));
  const mine = await requireRegisteredCompatriot(container, 'portal.care.signIn');
  if (!mine) {
    return;
  }
  container.append(h('p', {id: 'care-village'}, t('portal.care.village', {
    village: mine.homeVillageName || mine.homeVillageCode, code: mine.homeVillageCode})));
  if (!mine.familyConsent?.given) {
    container.append(notice('warning', h('span', {id: 'care-consent-needed'}, t('portal.care.consentNeeded'))));
  }
  const list = h('div', {id: 'care-visits', 'aria-live': 'polite'}, h('p', {class: 'muted'}, t('common.loading')));
  container.append(careForm(() => load()), h('h3', {}, t('portal.care.mine')), list);

  async function load() {
    let page;
    try {
      page = await api('/api/overseas/portal/care-visits', {query: {size: 50}});
    } catch (error) {
      render(list, problemNotice(error, 'portal.care.unavailable'));
      return;
    }
    const visits = page.content || [];
    if (visits.length === 0) {
      render(list, notice('info', t('portal.care.none')));
      return;
    }
    const items = new Map(visits.map(visit => [visit.id, careItem(visit)]));
    render(list, h('ul', {class: 'list', id: 'care-list'}, [...items.values()]));
    // the list shows the last known state: ask grid-service for the open ones' current state
    await Promise.all(visits.filter(visit => visit.gridVisitId && !DONE.has(visit.status)).slice(0, 10).map(async visit => {
      try {
        const current = await api(`/api/overseas/portal/care-visits/${encodeURIComponent(visit.id)}`);
        items.get(visit.id).replaceWith(careItem(current));
      } catch {
        // the last known state stays
      }
    }));
  }

  await load();
}

function careForm(reload) {
  const summary = h('div', {'data-form-errors': true});
  const result = h('div', {'aria-live': 'polite', id: 'care-result'});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'care-submit'}, t('portal.care.submit'));
  const form = h('form', {id: 'care-form', class: 'card', 'data-keep': true, novalidate: true},
    h('h3', {}, t('portal.care.new')),
    summary,
    field('care-family', requiredLabel(t('portal.care.familyMembers')),
      h('textarea', {name: 'familyMembers', rows: 2, maxlength: 500, 'aria-required': 'true'}), t('portal.care.familyHint')),
    field('care-note', t('portal.care.note'), h('textarea', {name: 'note', rows: 3, maxlength: 1000})),
    submit, result);
  restoreForm(form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearFormErrors(form);
    render(result);
    const command = {familyMembers: form.elements.familyMembers.value.trim(), note: form.elements.note.value.trim() || null};
    if (!command.familyMembers) {
      showFormErrors(form, {fieldErrors: {familyMembers: t('portal.form.required')}});
      return;
    }
    submit.disabled = true;
    try {
      const visit = await api('/api/overseas/portal/care-visits', {method: 'POST', body: command,
        idempotencyKey: idempotencyKeyFor('care', command)});
      forgetIdempotencyKey('care');
      form.reset();
      render(result, notice(visit.handOff === 'QUEUED' ? 'warning' : 'success', h('span', {id: 'care-sent'},
        t(visit.handOff === 'QUEUED' ? 'portal.care.queued' : 'portal.care.sent'))));
      await reload();
    } catch (error) {
      attachCodeToField(error, {FAMILY_CONSENT_REQUIRED: 'familyMembers'});
      showFormErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function careItem(visit) {
  const handOff = visit.handOff === 'QUEUED' ? badge(t('portal.care.handOff.QUEUED'), 'warn')
    : visit.handOff === 'REJECTED' ? badge(t('portal.care.handOff.REJECTED'), 'error') : null;
  return h('li', {id: `care-${visit.id}`, class: 'care-visit'},
    h('div', {class: 'row'},
      h('strong', {}, visit.familyMembers),
      handOff,
      visit.status ? badge(label('careStatus', visit.status), visit.status === 'VISITED' ? 'ok' : '', {class: 'badge care-status'}) : null),
    visit.note ? h('p', {}, visit.note) : null,
    h('p', {class: 'muted small'}, t('portal.care.meta', {time: formatDateTime(visit.createdAt)})),
    visit.handOff === 'QUEUED' ? h('p', {}, t('portal.care.queuedNote')) : null,
    visit.officerName ? h('p', {}, t('portal.care.officer', {name: visit.officerName})) : null,
    visit.visitedAt ? h('p', {}, t('portal.care.visitedAt', {time: formatDateTime(visit.visitedAt)})) : null,
    visit.result ? h('p', {}, t('portal.care.result', {result: visit.result})) : null,
    visit.statusStale ? h('p', {class: 'muted'}, t('portal.care.stale')) : null);
}
