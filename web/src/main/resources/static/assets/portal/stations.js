// Find a station (警侨驿站) by country and city, with its local time and contacts. Public: no sign-in.

import {api} from '../js/api.js';
import {language, t} from '../js/i18n.js';
import {field, h, notice, problemNotice, render} from '../js/ui.js';
import {badge, countryName, label, languageName, restoreForm, select} from './common.js';

let allStations = null; // every station, for the country list

export async function stationsView(container) {
  const results = h('div', {id: 'station-results', 'aria-live': 'polite'}, h('p', {class: 'muted'}, t('common.loading')));
  const country = select('country', [], {empty: t('portal.stations.allCountries')});
  const city = h('input', {type: 'search', name: 'city', autocomplete: 'address-level2'});
  const form = h('form', {id: 'station-search', role: 'search', 'data-keep': true,
    onsubmit: event => { event.preventDefault(); search(); }},
  h('div', {class: 'row station-filters'},
    field('station-country', t('portal.stations.country'), country),
    field('station-city', t('portal.stations.city'), city, t('portal.stations.cityHint'))),
  h('button', {type: 'submit', class: 'btn btn-primary', id: 'station-search-submit'}, t('portal.stations.search')));
  country.addEventListener('change', () => search());
  container.append(h('h2', {}, t('portal.stations.title')), h('p', {}, t('portal.stations.intro')), form, results);

  let timer = null;
  let lastQuery = 0;

  async function search() {
    const query = ++lastQuery;
    render(results, h('p', {class: 'muted'}, t('common.loading')));
    let page;
    try {
      page = await api('/api/overseas/stations', {query: {country: country.value, active: true, size: 200}});
    } catch (error) {
      if (query === lastQuery) {
        render(results, problemNotice(error, 'portal.stations.unavailable'));
      }
      return;
    }
    if (query !== lastQuery) {
      return;
    }
    const wanted = city.value.trim().toLocaleLowerCase();
    const stations = (page.content || []).filter(station => !wanted
      || station.city.toLocaleLowerCase().includes(wanted) || station.name.toLocaleLowerCase().includes(wanted));
    if (stations.length === 0) {
      render(results, notice('info', t('portal.stations.none')));
      return;
    }
    const clocks = [];
    render(results,
      h('p', {class: 'muted', id: 'station-count'}, t('portal.stations.count', {count: stations.length})),
      h('ul', {class: 'cards plain-list', id: 'station-list'}, stations.map(station => stationCard(station, clocks))));
    clearInterval(timer);
    timer = setInterval(() => {
      if (!results.isConnected) {
        clearInterval(timer);
        return;
      }
      clocks.forEach(tick => tick());
    }, 30_000);
  }

  try {
    allStations ??= (await api('/api/overseas/stations', {query: {active: true, size: 200}})).content || [];
    const codes = [...new Set(allStations.map(station => station.country))];
    const options = codes.map(code => ({value: code, text: countryName(code)}))
      .sort((a, b) => a.text.localeCompare(b.text, language()));
    options.forEach(option => country.append(h('option', {value: option.value}, option.text)));
  } catch {
    // the search below says the list is unavailable
  }
  restoreForm(form); // what was chosen before a language switch

  await search();
}

function stationCard(station, clocks) {
  const time = h('span', {class: 'local-time', dataset: {timeZone: station.timeZone}});
  const tick = () => { time.textContent = localTime(station); };
  tick();
  clocks.push(tick);
  const contacts = [station.contactName, station.contactPhone].filter(Boolean);
  return h('li', {class: 'card station', id: `station-${station.id}`},
    h('h3', {}, station.name),
    h('p', {class: 'muted'}, `${station.city} · ${countryName(station.country)}`,
      station.active ? null : [' ', badge(t('portal.stations.closed'), 'warn')]),
    h('dl', {class: 'facts'},
      h('dt', {}, t('portal.stations.localTime')),
      h('dd', {}, time, ' ', h('span', {class: 'muted'}, `(UTC${station.utcOffset === 'Z' ? '+00:00' : station.utcOffset})`)),
      h('dt', {}, t('portal.stations.host')), h('dd', {}, station.hostOrganisation || '—'),
      h('dt', {}, t('portal.stations.homeCounty')),
      h('dd', {}, station.homeCountyName || station.homeCountyCode || '—'),
      h('dt', {}, t('portal.stations.contacts')),
      h('dd', {}, contacts.length ? contacts.join(' · ') : t('portal.stations.contactsViaHost')),
      h('dt', {}, t('portal.stations.languages')),
      h('dd', {}, (station.languages || []).map(languageName).join(t('portal.listSeparator')) || '—'),
      h('dt', {}, t('portal.stations.services')),
      h('dd', {}, h('ul', {class: 'tags'}, (station.services || []).map(service =>
        h('li', {}, badge(label('stationService', service))))))));
}

/** The station's time now, in its own time zone (the API's localTime when the zone is unknown here). */
function localTime(station) {
  try {
    return new Intl.DateTimeFormat(language(), {timeZone: station.timeZone, weekday: 'short', hour: '2-digit',
      minute: '2-digit', month: 'short', day: 'numeric'}).format(new Date());
  } catch {
    return station.localTime ? station.localTime.replace('T', ' ').slice(0, 16) : '—';
  }
}
