// The global (全球通办) items: a searchable list and each item's service guide (办事指南).

import {language, t, formatDateTime, formatNumber} from '../js/i18n.js';
import {field, h, notice, problemNotice, render} from '../js/ui.js';
import {badge, label, localName, restoreForm, select} from './common.js';
import {globalItemOrNotice, globalItems} from './catalogue.js';

/** The notice of a list or item shown from an older copy. */
export function staleNotice(fetchedAt) {
  return notice('warning', h('span', {id: 'stale-notice'}, t('portal.items.stale', {time: formatDateTime(fetchedAt)})));
}

export async function itemsView(container) {
  const results = h('div', {id: 'item-results', 'aria-live': 'polite'}, h('p', {class: 'muted'}, t('common.loading')));
  const query = h('input', {type: 'search', name: 'q'});
  const department = select('department', [], {empty: t('portal.items.allDepartments')});
  const form = h('form', {id: 'item-search', role: 'search', 'data-keep': true,
    onsubmit: event => { event.preventDefault(); show(); }},
  h('div', {class: 'row station-filters'},
    field('item-query', t('portal.items.search'), query, t('portal.items.searchHint')),
    field('item-department', t('portal.items.department'), department)));
  query.addEventListener('input', () => show());
  department.addEventListener('change', () => show());
  container.append(h('h2', {}, t('portal.items.title')), h('p', {}, t('portal.items.intro')), form, results);

  let listing;
  try {
    listing = await globalItems();
  } catch (error) {
    render(results, problemNotice(error, 'portal.items.unavailable'));
    return;
  }
  const departments = [...new Set(listing.items.map(item => item.department).filter(Boolean))];
  departments.forEach(code => department.append(h('option', {value: code}, label('department', code))));
  restoreForm(form);
  show();

  function show() {
    const wanted = query.value.trim().toLocaleLowerCase();
    const items = listing.items.filter(item => (!department.value || item.department === department.value)
      && (!wanted || [item.code, item.name, item.nameEn].some(text => text && text.toLocaleLowerCase().includes(wanted))));
    render(results,
      listing.stale ? staleNotice(listing.fetchedAt) : null,
      h('p', {class: 'muted', id: 'item-count'}, t('portal.items.count', {count: items.length, total: listing.items.length})),
      items.length === 0 ? notice('info', t('portal.items.none')) : h('ul', {class: 'list', id: 'item-list'},
        items.map(item => h('li', {id: `item-${item.code}`},
          h('a', {href: `#/items/${encodeURIComponent(item.code)}`, class: 'item-link'}, localName(item.name, item.nameEn)),
          h('div', {class: 'row muted small'},
            h('span', {}, item.code),
            item.department ? badge(label('department', item.department)) : null,
            item.zeroVisit ? badge(t('portal.items.zeroVisit'), 'ok') : null,
            item.instant ? badge(t('portal.items.instant'), 'ok') : null,
            limitText(item))))));
  }
}

function limitText(item) {
  if (item.promisedLimitDays === undefined || item.promisedLimitDays === null) {
    return null;
  }
  return h('span', {}, item.promisedLimitDays === 0 ? t('portal.items.sameDay')
    : t('portal.items.promisedDays', {days: item.promisedLimitDays}));
}

export async function itemView(container, code) {
  const body = h('div', {id: 'item-detail', 'aria-live': 'polite'}, h('p', {class: 'muted'}, t('common.loading')));
  container.append(h('p', {}, h('a', {href: '#/items', id: 'back-to-items'}, t('portal.items.back'))), body);
  const answer = await globalItemOrNotice(body, code);
  if (!answer) {
    return;
  }
  const item = answer.item;
  const facts = [];
  const add = (termKey, ...value) => facts.push(h('dt', {}, t(termKey)), h('dd', {}, ...value));
  add('portal.guide.code', item.code);
  if (item.department) add('portal.guide.department', label('department', item.department));
  if (item.legalBasis) add('portal.guide.legalBasis', item.legalBasis);
  if (item.statutoryLimitDays !== undefined) add('portal.guide.statutoryLimit', t('portal.guide.days', {days: item.statutoryLimitDays}));
  if (item.promisedLimitDays !== undefined) add('portal.guide.promisedLimit', limitText(item));
  if (item.feeYuan !== undefined) add('portal.guide.fee', item.feeYuan === 0 ? t('portal.guide.free')
    : t('portal.guide.yuan', {amount: formatNumber(item.feeYuan)}));
  if (item.maxVisits !== undefined) add('portal.guide.maxVisits', t('portal.guide.visits', {count: item.maxVisits}));
  if (item.channels) add('portal.guide.channels', (item.channels || []).map(channel => label('channel', channel)).join(t('portal.listSeparator')));
  render(body,
    answer.stale ? staleNotice(answer.fetchedAt) : null,
    h('h2', {id: 'item-title'}, localName(item.name, item.nameEn)),
    language() === 'en' || !item.nameEn ? null : h('p', {class: 'muted', lang: 'en'}, item.nameEn),
    h('p', {}, h('a', {class: 'btn btn-primary', id: 'apply-link', href: `#/apply/${encodeURIComponent(item.code)}`},
      t('portal.guide.apply'))),
    h('div', {class: 'card'}, h('h3', {}, t('portal.guide.title')), h('dl', {class: 'facts'}, facts)),
    item.conditions?.length ? h('div', {class: 'card'}, h('h3', {}, t('portal.guide.conditions')),
      h('ul', {}, item.conditions.map(condition => h('li', {}, condition)))) : null,
    item.materials?.length ? h('div', {class: 'card'}, h('h3', {}, t('portal.guide.materials')),
      h('ul', {id: 'item-materials'}, item.materials.map(material => h('li', {},
        material.name, ' ', h('span', {class: 'muted'}, t('portal.guide.material', {
          form: label('materialForm', material.form), count: material.count ?? 1})),
        material.eCertificateAccepted ? [' ', badge(t('portal.guide.eCertificate'), 'ok')] : null)))) : null,
    item.form?.length ? h('div', {class: 'card'}, h('h3', {}, t('portal.guide.form')),
      h('ul', {}, item.form.map(attribute => h('li', {},
        localName(attribute.labelZh, attribute.labelEn), ' ',
        h('span', {class: 'muted'}, t(attribute.required ? 'portal.guide.attributeRequired' : 'portal.guide.attributeOptional',
          {type: label('attributeType', attribute.type)})))))) : null,
    h('p', {}, h('a', {class: 'btn btn-primary', id: 'apply-link-bottom', href: `#/apply/${encodeURIComponent(item.code)}`},
      t('portal.guide.apply'))));
}
