// Request aid (援助: type, priority, description, goods with quantities) and follow its fulfilment:
// per item type what was requested, allocated, shipped and received.

import {api} from '../js/api.js';
import {formatDateTime, formatNumber, t} from '../js/i18n.js';
import {clearFormErrors, field, h, notice, problemNotice, render, showFormErrors} from '../js/ui.js';
import {attachCodeToField, badge, forgetIdempotencyKey, idempotencyKeyFor, keptExtra, label,
  requireRegisteredCompatriot, requiredLabel, restoreForm, select} from './common.js';

const AID_TYPES = ['MEDICAL_SUPPLIES', 'MEDICINE_TCM', 'LEGAL_HELP', 'DOCUMENTS', 'FAMILY_CARE', 'EMERGENCY'];
const GOODS = new Set(['MEDICAL_SUPPLIES', 'MEDICINE_TCM']);
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const ITEM_TYPES = ['MASK', 'TCM_PACK', 'PROTECTIVE_SUIT', 'GLOVES', 'DISINFECTANT', 'THERMOMETER', 'MEDICINE', 'TEST_KIT', 'FOOD_PARCEL'];
const FULFILMENT_KIND = {NONE: 'warn', PARTIAL: 'warn', COMPLETE: 'ok', CANCELLED: ''};

export async function aidView(container) {
  container.append(h('h2', {id: 'aid-title'}, t('portal.aid.title')), h('p', {}, t('portal.aid.intro')));
  const mine = await requireRegisteredCompatriot(container, 'portal.aid.signIn');
  if (!mine) {
    return;
  }
  const list = h('div', {id: 'aid-requests', 'aria-live': 'polite'}, h('p', {class: 'muted'}, t('common.loading')));
  container.append(aidForm(() => load()), h('h3', {}, t('portal.aid.mine')), list);

  async function load() {
    let page;
    try {
      page = await api('/api/overseas/aid-requests', {query: {size: 50}});
    } catch (error) {
      render(list, problemNotice(error, 'portal.aid.unavailable'));
      return;
    }
    const requests = page.content || [];
    render(list, requests.length === 0 ? notice('info', t('portal.aid.none'))
      : h('ul', {class: 'list', id: 'aid-list'}, requests.map(request => aidItem(request, load))));
  }

  await load();
}

function aidForm(reload) {
  const formId = 'aid-form';
  const lines = h('div', {id: 'aid-lines'});
  const type = select('type', AID_TYPES.map(value => ({value, text: label('aidType', value)})),
    {empty: t('portal.apply.choose'), required: true});
  const summary = h('div', {'data-form-errors': true});
  const result = h('div', {'aria-live': 'polite', id: 'aid-result'});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'aid-submit'}, t('portal.aid.submit'));
  let count = 0;
  const addLine = () => {
    const index = count++;
    const line = h('div', {class: 'row aid-line', dataset: {index}},
      field(`aid-item-${index}`, t('portal.aid.itemType'),
        select(`items[${index}].itemType`, ITEM_TYPES.map(value => ({value, text: label('itemType', value)})),
          {empty: t('portal.apply.choose')})),
      field(`aid-quantity-${index}`, t('portal.aid.quantity'),
        h('input', {type: 'number', name: `items[${index}].quantity`, min: 1, step: 1, inputmode: 'numeric'})),
      h('button', {type: 'button', class: 'btn', 'aria-label': t('portal.aid.removeLineOf', {n: index + 1}),
        onclick: () => line.remove()}, t('portal.aid.removeLine')));
    lines.append(line);
  };
  const form = h('form', {id: formId, class: 'card', 'data-keep': true, novalidate: true},
    h('h3', {}, t('portal.aid.new')),
    summary,
    field('aid-type', requiredLabel(t('portal.aid.type')), type, t('portal.aid.typeHint')),
    field('aid-priority', t('portal.aid.priority'),
      select('priority', PRIORITIES.map(value => ({value, text: label('priority', value)})), {value: 'NORMAL'})),
    field('aid-description', requiredLabel(t('portal.aid.description')),
      h('textarea', {name: 'description', rows: 3, maxlength: 2000, 'aria-required': 'true'})),
    h('fieldset', {},
      h('legend', {}, t('portal.aid.items')),
      h('p', {class: 'hint'}, t('portal.aid.itemsHint')),
      lines,
      h('button', {type: 'button', class: 'btn', id: 'aid-add-line', onclick: addLine}, t('portal.aid.addLine'))),
    submit, result);
  form.keepExtra = () => ({lines: lines.children.length});
  const kept = keptExtra(formId);
  for (let i = 0; i < Math.max(1, kept?.lines || 1); i++) {
    addLine();
  }
  restoreForm(form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearFormErrors(form);
    render(result);
    const items = [...lines.querySelectorAll('.aid-line')].map(line => ({
      itemType: line.querySelector('select').value,
      quantity: line.querySelector('input').value === '' ? null : Number(line.querySelector('input').value),
      line,
    })).filter(line => line.itemType || line.quantity !== null);
    const errors = {};
    if (!type.value) errors.type = t('portal.form.required');
    if (!form.elements.description.value.trim()) errors.description = t('portal.form.required');
    items.forEach(line => {
      const index = line.line.dataset.index;
      if (!line.itemType) errors[`items[${index}].itemType`] = t('portal.form.required');
      if (!Number.isInteger(line.quantity) || line.quantity < 1) errors[`items[${index}].quantity`] = t('portal.aid.quantityInvalid');
    });
    if (GOODS.has(type.value) && items.length === 0) errors[`items[${lines.querySelector('.aid-line')?.dataset.index ?? 0}].itemType`] = t('portal.aid.itemsRequired');
    if (Object.keys(errors).length) {
      showFormErrors(form, {fieldErrors: errors});
      return;
    }
    const command = {type: type.value, priority: form.elements.priority.value,
      description: form.elements.description.value.trim(),
      items: items.map(line => ({itemType: line.itemType, quantity: line.quantity}))};
    submit.disabled = true;
    try {
      await api('/api/overseas/aid-requests', {method: 'POST', body: command, idempotencyKey: idempotencyKeyFor('aid', command)});
      forgetIdempotencyKey('aid');
      form.reset();
      render(lines);
      addLine();
      render(result, notice('success', h('span', {id: 'aid-sent'}, t('portal.aid.sent'))));
      await reload();
    } catch (error) {
      attachCodeToField(error, {ITEMS_REQUIRED: 'items[0].itemType'});
      showFormErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function aidItem(request, reload) {
  const cancellable = request.fulfilment === 'NONE';
  return h('li', {id: `aid-${request.id}`, class: 'aid-request'},
    h('div', {class: 'row'},
      h('strong', {}, label('aidType', request.type)),
      badge(label('fulfilment', request.fulfilment), FULFILMENT_KIND[request.fulfilment] ?? '', {class: 'badge fulfilment'}),
      badge(label('priority', request.priority))),
    h('p', {}, request.description),
    h('p', {class: 'muted small'}, t('portal.aid.meta', {time: formatDateTime(request.createdAt)})),
    request.items?.length ? h('div', {class: 'table-scroll'}, h('table', {},
      h('caption', {class: 'visually-hidden'}, t('portal.aid.progress')),
      h('thead', {}, h('tr', {}, ['itemType', 'requested', 'allocated', 'shipped', 'received']
        .map(column => h('th', {scope: 'col'}, t(`portal.aid.column.${column}`))))),
      h('tbody', {}, request.items.map(line => h('tr', {},
        h('th', {scope: 'row'}, label('itemType', line.itemType)),
        [line.requested, line.allocated, line.shipped, line.received].map(value => h('td', {}, formatNumber(value)))))))) : null,
    cancellable ? h('button', {type: 'button', class: 'btn', onclick: async event => {
      if (!confirm(t('portal.aid.cancelConfirm'))) {
        return;
      }
      event.target.disabled = true;
      try {
        await api(`/api/overseas/aid-requests/${encodeURIComponent(request.id)}/actions/cancel`, {method: 'POST',
          idempotencyKey: crypto.randomUUID()});
        await reload();
      } catch (error) {
        event.target.disabled = false;
        event.target.after(problemNotice(error));
      }
    }}, t('portal.aid.cancel')) : null);
}
