// The compatriot registry (侨胞登记): what the portal needs before an application, an aid request or a
// family-care visit. Self-registration: passport, residence, the station, the home village (looked up
// by name in grid-service's regions), the family at home and the consent to keep their details.

import {user, hasRole} from '../js/auth.js';
import {api} from '../js/api.js';
import {formatDateTime, t} from '../js/i18n.js';
import {clearFormErrors, field, h, notice, problemNotice, render, showFormErrors} from '../js/ui.js';
import {attachCodeToField, badge, countryName, forgetIdempotencyKey, idempotencyKeyFor, keptExtra, label, localName,
  myRegistration, rememberRegistration, requiredLabel, restoreForm, select, signInCard,
  takeContinueAfterRegistration} from './common.js';

const RELATIONS = ['FATHER', 'MOTHER', 'GRANDPARENT', 'SPOUSE', 'CHILD', 'GRANDCHILD', 'SIBLING', 'OTHER'];
const VILLAGE_STATUS_KIND = {VERIFIED: 'ok', UNVERIFIED: 'warn', NOT_FOUND: 'error'};

export async function registerView(container) {
  container.append(h('h2', {id: 'register-title'}, t('portal.register.title')));
  if (!user()) {
    container.append(signInCard('portal.register.signIn'));
    return;
  }
  if (!hasRole('COMPATRIOT')) {
    container.append(notice('info', t('portal.compatriotsOnly')));
    return;
  }
  let mine;
  try {
    mine = await myRegistration();
  } catch (error) {
    container.append(problemNotice(error, 'portal.error.overseasUnavailable'));
    return;
  }
  if (mine) {
    container.append(registrationCard(mine));
    return;
  }
  container.append(h('p', {}, t('portal.register.intro')));
  let stations = [];
  try {
    stations = (await api('/api/overseas/stations', {query: {active: true, size: 200}})).content || [];
  } catch (error) {
    container.append(problemNotice(error, 'portal.stations.unavailable'));
    return;
  }
  container.append(registrationForm(stations));
}

function registrationCard(mine, next = null) {
  const facts = [];
  const add = (key, ...value) => facts.push(h('dt', {}, t(key)), h('dd', {}, ...value));
  add('portal.register.name', mine.name);
  add('portal.register.passport', typeof mine.passportNumber === 'string' ? mine.passportNumber : '—');
  add('portal.register.residence', `${mine.cityOfResidence} · ${countryName(mine.countryOfResidence)}`);
  const stationName = h('span', {id: 'registration-station'}, mine.stationId);
  add('portal.register.station', stationName);
  api(`/api/overseas/stations/${encodeURIComponent(mine.stationId)}`)
    .then(station => { stationName.textContent = t('portal.register.stationOf', {name: station.name, place: station.city}); })
    .catch(() => { /* the id stays */ });
  add('portal.register.village', mine.homeVillageName || mine.homeVillageCode, ' ',
    badge(label('villageStatus', mine.villageStatus), VILLAGE_STATUS_KIND[mine.villageStatus] ?? ''));
  add('portal.register.familyCount', String((mine.family || []).length));
  add('portal.register.consent.short', mine.familyConsent?.given ? t('common.yes') : t('common.no'));
  add('portal.register.registeredAt', formatDateTime(mine.registeredAt));
  return h('div', {class: 'card', id: 'registration'},
    notice('success', h('span', {id: 'registered'}, t('portal.register.registered'))),
    h('dl', {class: 'facts'}, facts),
    h('div', {class: 'row'},
      next ? h('a', {class: 'btn btn-primary', href: next, id: 'continue'}, t('portal.register.continue')) : null,
      h('a', {class: next ? 'btn' : 'btn btn-primary', href: '#/items', id: 'go-items'}, t('portal.register.goItems')),
      h('a', {class: 'btn', href: '#/applications'}, t('portal.nav.applications'))));
}

function registrationForm(stations) {
  const formId = 'register-form';
  const summary = h('div', {'data-form-errors': true, id: 'register-errors'});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'register-submit'}, t('portal.register.submit'));
  const country = h('input', {type: 'text', name: 'countryOfResidence', maxlength: 2, autocapitalize: 'characters',
    autocomplete: 'country', 'aria-required': 'true'});
  const stationOptions = () => {
    const wanted = country.value.trim().toUpperCase();
    return stations
      .filter(station => !wanted || station.country === wanted || stations.every(s => s.country !== wanted))
      .map(station => ({value: station.id, text: t('portal.register.stationOf', {name: station.name, place: countryName(station.country)})}));
  };
  const station = select('stationId', stationOptions(), {empty: t('portal.apply.choose'), required: true});
  country.addEventListener('change', () => {
    const chosen = station.value;
    render(station, h('option', {value: ''}, t('portal.apply.choose')),
      stationOptions().map(option => h('option', {value: option.value}, option.text)));
    station.value = chosen;
  });

  // the home village: its 12-digit code, found by name
  const village = h('input', {type: 'text', name: 'homeVillageCode', inputmode: 'numeric', maxlength: 12,
    pattern: '3311[0-9]{8}', 'aria-required': 'true'});
  const villageQuery = h('input', {type: 'search', name: 'villageQuery'});
  const villageResults = h('div', {id: 'village-results', 'aria-live': 'polite'});
  const findVillage = async () => {
    const q = villageQuery.value.trim();
    if (!q) {
      return;
    }
    render(villageResults, h('p', {class: 'muted'}, t('common.loading')));
    try {
      const page = await api('/api/grid/regions', {query: {q, size: 20}});
      const villages = (page.content || []).filter(region => region.level === 'VILLAGE');
      render(villageResults, villages.length === 0 ? notice('info', t('portal.register.villageNone'))
        : h('ul', {class: 'list', id: 'village-list'}, villages.map(region => h('li', {},
          h('button', {type: 'button', class: 'btn btn-link', dataset: {code: region.code}, onclick: () => {
            village.value = region.code;
            render(villageResults, notice('success', t('portal.register.villageChosen', {
              name: localName(region.name, region.nameEn), code: region.code})));
            village.focus();
          }}, `${localName(region.name, region.nameEn)} (${region.code})`)))));
    } catch (error) {
      render(villageResults, problemNotice(error, 'portal.register.villageUnavailable'));
    }
  };
  villageQuery.addEventListener('keydown', event => {
    if (event.key === 'Enter') {
      event.preventDefault();
      findVillage();
    }
  });

  // the family at home
  const family = h('div', {id: 'family-members'});
  let count = 0;
  const addMember = () => {
    const index = count++;
    const member = h('fieldset', {class: 'family-member', dataset: {index}},
      h('legend', {}, t('portal.register.member', {n: family.children.length + 1})),
      field(`member-relation-${index}`, requiredLabel(t('portal.register.relation')),
        select(`family[${index}].relation`, RELATIONS.map(value => ({value, text: label('relation', value)})),
          {empty: t('portal.apply.choose')})),
      field(`member-name-${index}`, requiredLabel(t('portal.register.memberName')),
        h('input', {type: 'text', name: `family[${index}].name`, maxlength: 50})),
      field(`member-age-${index}`, t('portal.register.memberAge'),
        h('input', {type: 'number', name: `family[${index}].age`, min: 0, max: 130, step: 1, inputmode: 'numeric'})),
      h('label', {class: 'choice'}, h('input', {type: 'checkbox', name: `family[${index}].livesAlone`, value: 'true'}),
        ' ', t('portal.register.livesAlone')),
      h('p', {}, h('button', {type: 'button', class: 'btn', onclick: () => member.remove()}, t('portal.register.removeMember'))));
    family.append(member);
  };

  const form = h('form', {id: formId, class: 'card', 'data-keep': true, novalidate: true},
    summary,
    field('register-name', requiredLabel(t('portal.register.name')),
      h('input', {type: 'text', name: 'name', maxlength: 50, autocomplete: 'name', 'aria-required': 'true'}),
      t('portal.register.nameHint')),
    field('register-passport', requiredLabel(t('portal.register.passport')),
      h('input', {type: 'text', name: 'passportNumber', maxlength: 20, autocapitalize: 'characters', 'aria-required': 'true'}),
      t('portal.register.passportHint')),
    field('register-passport-country', t('portal.register.passportCountry'),
      h('input', {type: 'text', name: 'passportCountry', maxlength: 2, autocapitalize: 'characters', placeholder: 'CN'}),
      t('portal.register.passportCountryHint')),
    field('register-phone', t('portal.register.phone'),
      h('input', {type: 'tel', name: 'phone', maxlength: 30, autocomplete: 'tel'}), t('portal.register.phoneHint')),
    field('register-country', requiredLabel(t('portal.register.country')), country, t('portal.signup.countryHint')),
    field('register-city', requiredLabel(t('portal.register.city')),
      h('input', {type: 'text', name: 'cityOfResidence', maxlength: 100, autocomplete: 'address-level2', 'aria-required': 'true'})),
    field('register-station', requiredLabel(t('portal.register.station')), station, t('portal.register.stationHint')),
    h('fieldset', {},
      h('legend', {}, t('portal.register.village')),
      field('register-village-query', t('portal.register.villageQuery'), villageQuery, t('portal.register.villageQueryHint')),
      h('p', {}, h('button', {type: 'button', class: 'btn', id: 'village-search', onclick: findVillage}, t('portal.register.villageSearch'))),
      villageResults,
      field('register-village', requiredLabel(t('portal.register.villageCode')), village, t('portal.register.villageCodeHint'))),
    h('fieldset', {},
      h('legend', {}, t('portal.register.family')),
      h('p', {class: 'hint'}, t('portal.register.familyHint')),
      family,
      h('button', {type: 'button', class: 'btn', id: 'add-member', onclick: addMember}, t('portal.register.addMember'))),
    h('div', {class: 'field'},
      h('label', {class: 'choice', for: 'register-consent'},
        h('input', {type: 'checkbox', name: 'familyConsent', value: 'true', id: 'register-consent'}),
        ' ', t('portal.register.consent'))),
    submit);
  form.keepExtra = () => ({members: family.children.length});
  for (let i = 0; i < (keptExtra(formId)?.members || 0); i++) {
    addMember();
  }
  restoreForm(form);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearFormErrors(form);
    const value = name => form.elements[name]?.value.trim() || null;
    const members = [...family.querySelectorAll('.family-member')].map(member => {
      const index = member.dataset.index;
      const age = value(`family[${index}].age`);
      return {relation: value(`family[${index}].relation`), name: value(`family[${index}].name`),
        age: age === null ? null : Number(age), livesAlone: form.elements[`family[${index}].livesAlone`].checked};
    });
    const command = {
      name: value('name'),
      passportNumber: value('passportNumber')?.toUpperCase() ?? null,
      passportCountry: value('passportCountry')?.toUpperCase() ?? null,
      phone: value('phone'),
      countryOfResidence: value('countryOfResidence')?.toUpperCase() ?? null,
      cityOfResidence: value('cityOfResidence'),
      stationId: value('stationId'),
      homeVillageCode: value('homeVillageCode'),
      family: members,
      familyConsent: form.elements.familyConsent.checked,
    };
    submit.disabled = true;
    try {
      const registration = await api('/api/overseas/compatriots', {method: 'POST', body: command,
        idempotencyKey: idempotencyKeyFor('register', command)});
      forgetIdempotencyKey('register');
      rememberRegistration(registration);
      form.replaceWith(registrationCard(registration, takeContinueAfterRegistration()));
      document.getElementById('registered')?.focus?.();
    } catch (error) {
      attachCodeToField(error, {INVALID_PASSPORT_NUMBER: 'passportNumber', PASSPORT_ALREADY_REGISTERED: 'passportNumber',
        VILLAGE_NOT_FOUND: 'homeVillageCode', FAMILY_CONSENT_REQUIRED: 'familyConsent', STATION_INACTIVE: 'stationId'});
      if (error.code === 'COMPATRIOT_ALREADY_REGISTERED') {
        rememberRegistration(undefined);
      }
      showFormErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
