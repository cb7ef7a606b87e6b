// Grid map (网格地图): the grids of one town drawn as SVG paths from their GeoJSON boundaries (no map tiles,
// nothing from the internet). A click on the map, or Enter on a focused grid, asks the grid service which
// grid the point lies in (GET /api/grid/locate) and shows that grid, its village, its grid officer and the
// village's two chiefs (一村两警长). One town at a time: a county has hundreds of grids, a town a few dozen.

import {api} from '../js/api.js';
import {user} from '../js/auth.js';
import {formatNumber, t} from '../js/i18n.js';
import {h, notice, render} from '../js/ui.js';
import {failure, label, limited, regionName, svg} from './common.js';

/** Map units per degree of latitude (keeps the SVG's numbers readable). */
const SCALE = 10000;

const state = {county: null, town: null, selected: null};
const cache = {counties: null, towns: new Map(), grids: new Map()};

/** What to keep across a sign-in round trip. */
export function pageState() {
  return {county: state.county, town: state.town};
}

export function restore(saved) {
  state.county = saved?.county || null;
  state.town = saved?.town || null;
}


async function counties() {
  cache.counties ??= await api('/api/grid/counties');
  return cache.counties;
}

async function towns(county) {
  if (!cache.towns.has(county)) {
    cache.towns.set(county, (await api(`/api/grid/regions/${encodeURIComponent(county)}`)).children || []);
  }
  return cache.towns.get(county);
}

/** The grids of a town with their boundaries: its villages, their grids, each grid's GeoJSON. */
async function gridsOf(town, onProgress) {
  if (cache.grids.has(town)) {
    return cache.grids.get(town);
  }
  const villages = (await api(`/api/grid/regions/${encodeURIComponent(town)}`)).children || [];
  const details = await limited(villages.map(village => () => api(`/api/grid/regions/${encodeURIComponent(village.code)}`)), 4);
  const summaries = details.flatMap(village => (village.grids || []).map(grid => ({...grid, village})));
  const grids = await limited(summaries.map(summary => async () => ({
    ...(await api(`/api/grid/grids/${encodeURIComponent(summary.code)}`)), village: summary.village})), 4, onProgress);
  cache.grids.set(town, grids);
  return grids;
}

/** The outer rings of a GeoJSON Polygon or MultiPolygon, as [lng, lat] positions. */
function rings(boundary) {
  if (!boundary) {
    return [];
  }
  if (boundary.type === 'Polygon') {
    return boundary.coordinates || [];
  }
  if (boundary.type === 'MultiPolygon') {
    return (boundary.coordinates || []).flat();
  }
  return [];
}

/** An equirectangular projection around the drawn area's middle latitude. */
function projection(grids) {
  let west = Infinity, east = -Infinity, south = Infinity, north = -Infinity;
  for (const grid of grids) {
    for (const ring of rings(grid.boundary)) {
      for (const [lng, lat] of ring) {
        west = Math.min(west, lng); east = Math.max(east, lng);
        south = Math.min(south, lat); north = Math.max(north, lat);
      }
    }
  }
  const shrink = Math.cos(((south + north) / 2) * Math.PI / 180);
  return {
    toPoint: (lng, lat) => [lng * shrink * SCALE, -lat * SCALE],
    toLngLat: (x, y) => [x / (shrink * SCALE), -y / SCALE],
    viewBox: () => {
      const margin = Math.max(east - west, north - south) * 0.02 * SCALE;
      const x = west * shrink * SCALE - margin;
      const y = -north * SCALE - margin;
      return `${x} ${y} ${(east - west) * shrink * SCALE + 2 * margin} ${(north - south) * SCALE + 2 * margin}`;
    },
    empty: !Number.isFinite(west),
  };
}

function pathData(boundary, project) {
  return rings(boundary).map(ring => ring.map(([lng, lat], index) => {
    const [x, y] = project(lng, lat);
    return `${index === 0 ? 'M' : 'L'}${x.toFixed(2)} ${y.toFixed(2)}`;
  }).join(' ') + ' Z').join(' ');
}

/** A point inside a grid to locate when it is chosen with the keyboard: the middle of its outer ring. */
function insidePoint(boundary) {
  const ring = rings(boundary)[0] || [];
  const positions = ring.length > 1 ? ring.slice(0, -1) : ring;
  const lng = positions.reduce((sum, position) => sum + position[0], 0) / positions.length;
  const lat = positions.reduce((sum, position) => sum + position[1], 0) / positions.length;
  return {lat, lng};
}

function officerLine(officer) {
  if (!officer) {
    return h('p', {class: 'muted'}, t('console.map.noOfficer'));
  }
  return h('p', {class: 'officer'},
    h('strong', {}, officer.name), ' ',
    h('span', {class: 'badge'}, label('officer.kind', officer.kind)),
    officer.stationId ? h('span', {class: 'muted'}, ` ${officer.stationId}`) : null,
    officer.contactPhone ? h('span', {}, ` ${t('console.map.phone', {phone: officer.contactPhone})}`) : null);
}

function locatedPanel(located, point) {
  return h('div', {id: 'map-located'},
    h('h3', {}, t('console.map.located')),
    h('p', {class: 'muted', id: 'map-point'}, t('console.map.point',
      {lat: formatNumber(point.lat, {maximumFractionDigits: 5}), lng: formatNumber(point.lng, {maximumFractionDigits: 5})})),
    h('dl', {class: 'facts'},
      h('dt', {}, t('console.map.grid')), h('dd', {id: 'map-located-grid', dataset: {code: located.grid?.code || ''}},
        `${located.grid?.name || '—'} (${located.grid?.code || '—'})`),
      h('dt', {}, t('console.map.village')), h('dd', {id: 'map-located-village'}, located.village?.name || '—'),
      h('dt', {}, t('console.map.town')), h('dd', {}, located.town?.name || '—'),
      located.county ? h('dt', {}, t('console.map.county')) : null,
      located.county ? h('dd', {}, located.county.name) : null),
    h('h4', {}, t('console.map.gridOfficer')),
    h('div', {id: 'map-grid-officer'}, officerLine(located.gridOfficer)),
    h('h4', {}, t('console.map.villageChiefs')),
    (located.villageChiefs || []).length === 0 ? h('p', {class: 'muted'}, t('console.map.noChiefs'))
      : h('ul', {class: 'list', id: 'map-village-chiefs'}, located.villageChiefs.map(chief => h('li', {}, officerLine(chief)))));
}

export function view() {
  const countySelect = h('select', {id: 'map-county'});
  const townSelect = h('select', {id: 'map-town'});
  const status = h('div', {id: 'map-status', 'aria-live': 'polite'});
  const frame = h('div', {class: 'map-holder'});
  const result = h('aside', {class: 'card map-result', id: 'map-result', 'aria-live': 'polite', 'aria-labelledby': 'map-result-title'},
    h('h3', {id: 'map-result-title', class: 'visually-hidden'}, t('console.map.located')),
    h('p', {class: 'muted'}, t('console.map.nothingChosen')));
  let drawn = null; // {svg, project}
  let locating = null;

  async function locate(point, gridCode) {
    locating?.abort();
    const controller = new AbortController();
    locating = controller;
    render(result, h('p', {class: 'muted'}, t('console.map.locating')));
    try {
      const located = await api('/api/grid/locate', {query: {lat: point.lat.toFixed(7), lng: point.lng.toFixed(7)}, signal: controller.signal});
      state.selected = located.grid?.code || gridCode || null;
      markSelected();
      render(result, locatedPanel(located, point));
      result.scrollIntoView({block: 'nearest'}); // below the map on a phone
    } catch (error) {
      if (error.name !== 'AbortError') {
        render(result, failure(error));
      }
    }
  }

  function markSelected() {
    drawn?.svg.querySelectorAll('path').forEach(path => {
      path.classList.toggle('selected', path.dataset.code === state.selected);
      path.setAttribute('aria-pressed', String(path.dataset.code === state.selected));
    });
  }

  function drawMap(grids) {
    const proj = projection(grids);
    if (proj.empty) {
      render(frame, notice('info', t('console.map.noGrids')));
      drawn = null;
      return;
    }
    const map = svg('svg', {class: 'map-frame', id: 'map-svg', viewBox: proj.viewBox(), role: 'group',
      'aria-label': t('console.map.svgLabel', {count: grids.length}),
      onclick: event => {
        const matrix = map.getScreenCTM();
        if (!matrix) {
          return;
        }
        const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
        const [lng, lat] = proj.toLngLat(point.x, point.y);
        locate({lat, lng}, event.target?.dataset?.code);
      }},
    grids.map(grid => svg('path', {d: pathData(grid.boundary, proj.toPoint), tabindex: '0', role: 'button',
      'aria-label': t('console.map.gridLabel', {grid: grid.name, village: regionName(grid.village)}),
      'aria-pressed': 'false', 'data-code': grid.code, id: `grid-${grid.code}`,
      onkeydown: event => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          locate(insidePoint(grid.boundary), grid.code);
        }
      }}, svg('title', {}, `${grid.name} · ${regionName(grid.village)}`))));
    drawn = {svg: map};
    render(frame, map);
    markSelected();
  }

  async function loadTown() {
    if (!state.town) {
      render(frame);
      return;
    }
    const town = state.town;
    render(status, h('p', {class: 'muted'}, t('common.loading')));
    try {
      const grids = await gridsOf(town, (done, total) => render(status,
        h('p', {class: 'muted'}, t('console.map.progress', {done, total}))));
      if (state.town !== town) {
        return; // another town was chosen meanwhile
      }
      render(status, h('p', {class: 'muted', id: 'map-count'}, t('console.map.count', {count: formatNumber(grids.length)})));
      drawMap(grids);
    } catch (error) {
      render(status, failure(error));
    }
  }

  async function loadCounty() {
    render(townSelect);
    try {
      const list = await towns(state.county);
      list.forEach(town => townSelect.append(h('option', {value: town.code}, regionName(town))));
      if (!list.some(town => town.code === state.town)) {
        state.town = list[0]?.code || null;
      }
      townSelect.value = state.town || '';
      await loadTown();
    } catch (error) {
      render(status, failure(error));
    }
  }

  countySelect.addEventListener('change', () => {
    state.county = countySelect.value;
    state.town = null;
    state.selected = null;
    loadCounty();
  });
  townSelect.addEventListener('change', () => {
    state.town = townSelect.value;
    state.selected = null;
    loadTown();
  });

  counties().then(list => {
    list.forEach(county => countySelect.append(h('option', {value: county.code}, regionName(county))));
    if (!list.some(county => county.code === state.county)) {
      const own = user()?.countyCode;
      state.county = list.some(county => county.code === own) ? own : list[0]?.code || null;
    }
    countySelect.value = state.county || '';
    return loadCounty();
  }).catch(error => render(status, failure(error)));

  return h('div', {class: 'view', id: 'view-map'},
    h('h2', {tabindex: '-1'}, t('console.map.title')),
    h('div', {class: 'row toolbar'},
      h('div', {class: 'field inline-field'}, h('label', {for: 'map-county'}, t('console.map.county')), countySelect),
      h('div', {class: 'field inline-field'}, h('label', {for: 'map-town'}, t('console.map.town')), townSelect)),
    h('p', {class: 'hint', id: 'map-hint'}, t('console.map.hint')),
    status,
    h('div', {class: 'map-layout'}, frame, result));
}
