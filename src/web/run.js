/**
 * Run page: the map by week (slider, play/pause), every metric over time (uPlot, one line per
 * seed), trust between states as a heat map, and fighters' border crossings as an origin ×
 * destination matrix.
 */
import { api, inBatches } from './lib/api.js';
import { seriesChart } from './lib/charts.js';
import { el, fill, pageId, showError } from './lib/dom.js';
import { PALETTE, metricTitle, metricUnit, num } from './lib/format.js';
import { CONTESTED, LAND, RegionMap, SEA, STATE, groupColour } from './lib/map.js';

const id = pageId();
const MAX_CHART_POINTS = 400;
const PLAY_MS = 300;

const state = { manifest: undefined, map: undefined, playing: undefined, charts: [], seeds: [] };

// ---------------------------------------------------------------- map

function legend(geography, layer) {
  const { map } = geography;
  const swatch = (colour, label, shape = 'square') => el('span', { class: 'swatch-item' }, el('span', { class: `swatch ${shape}`, style: { background: colour } }), label);
  const items = [];
  if (layer === 'control') {
    items.push(swatch(STATE, 'held by the state'), swatch(CONTESTED, 'contested'), ...map.kinds.map((kind, g) => swatch(groupColour(g), `held by ${kind}`)), swatch(LAND, 'no control'));
  } else {
    const to = layer === 'presence' ? '#2b5c8a' : '#b2182b';
    items.push(el('span', { class: 'swatch-item' }, el('span', { class: 'gradient', style: { background: `linear-gradient(to right, ${LAND}, ${to})` } }), map.layers[layer] ?? layer));
  }
  items.push(swatch(SEA, 'sea / outside the region'));
  items.push(el('br'));
  items.push(...map.kinds.map((kind, g) => swatch(groupColour(g), `${kind} band (area ∝ fighters)`, 'circle')));
  items.push(swatch('#111', 'capital'), swatch('#111', 'town', 'circle'), el('span', { class: 'swatch-item' }, el('span', { class: 'swatch route' }), 'smuggling route'), el('span', { class: 'swatch-item' }, el('span', { class: 'swatch border' }), 'border / coast'));
  return items;
}

function tickLabel(frames, tick) {
  const date = frames.dates[tick];
  const bands = state.map.bands(tick);
  const fighters = bands.reduce((sum, b) => sum + b.fighters, 0);
  return `week ${tick}${date ? ` · ${date}` : ''} · ${bands.length} bands, ${num(fighters)} fighters`;
}

async function loadMap(geography) {
  const canvas = document.getElementById('map');
  const slider = document.getElementById('tick');
  const layer = document.getElementById('layer');
  const play = document.getElementById('play');
  const status = document.getElementById('map-status');
  const seed = document.getElementById('seed');
  if (!state.map) state.map = new RegionMap(canvas, geography);
  const draw = () => {
    const tick = Number(slider.value);
    state.map.draw(tick, layer.value);
    fill(document.getElementById('date'), tickLabel(state.frames, tick));
  };
  const stop = () => {
    clearInterval(state.playing);
    state.playing = undefined;
    play.textContent = '▶ play';
  };
  const showSeed = async () => {
    stop();
    status.textContent = `Replaying seed ${seed.value}…`;
    slider.disabled = play.disabled = true;
    const frames = await api.frames(id, seed.value);
    state.frames = frames;
    state.map.setFrames(frames);
    slider.max = String(frames.frames - 1);
    if (Number(slider.value) > frames.frames - 1) slider.value = '0';
    slider.disabled = play.disabled = false;
    status.textContent = '';
    draw();
  };
  slider.addEventListener('input', draw);
  layer.addEventListener('change', () => {
    fill(document.getElementById('legend'), ...legend(geography, layer.value));
    draw();
  });
  play.addEventListener('click', () => {
    if (state.playing) return stop();
    play.textContent = '❚❚ pause';
    if (Number(slider.value) >= Number(slider.max)) slider.value = '0';
    state.playing = setInterval(() => {
      const next = Number(slider.value) + 1;
      if (next > Number(slider.max)) return stop();
      slider.value = String(next);
      draw();
    }, PLAY_MS);
  });
  seed.addEventListener('change', () => showSeed().catch((error) => showError(status, error)));
  fill(document.getElementById('legend'), ...legend(geography, layer.value));
  state.map.draw(0, layer.value);
  await showSeed();
}

// ---------------------------------------------------------------- time series

async function loadCharts(manifest) {
  const container = document.getElementById('charts');
  const every = Math.max(1, Math.ceil((manifest.ticks + 1) / MAX_CHART_POINTS));
  fill(container);
  const boxes = manifest.metrics.map((metric) => {
    const box = el('figure', { class: 'chart', 'data-metric': metric }, el('figcaption', {}, metricTitle(metric), el('span', { class: 'muted' }, ` (${metric})`)));
    container.append(box);
    return box;
  });
  // As many columns of at least 360 px as fit (16 px gaps), each at most 480 px.
  const columns = Math.max(1, Math.floor((container.clientWidth + 16) / 376));
  const width = Math.min(480, Math.floor((container.clientWidth - 16 * (columns - 1)) / columns));
  await inBatches(manifest.metrics, 4, async (metric, k) => {
    try {
      const response = await api.series(id, { metric, every: String(every) });
      const chart = seriesChart(boxes[k], response, { title: '', unit: metricUnit(metric), width, colours: PALETTE });
      state.charts.push({ chart, seeds: response.series.map((s) => s.seed) });
      applySeedToggles();
    } catch (error) {
      boxes[k].append(el('p', { class: 'error' }, error.message));
    }
  });
}

function seedToggles(seeds) {
  const container = document.getElementById('seed-toggles');
  fill(
    container,
    el('span', {}, 'Seeds shown:'),
    ...seeds.map((seed, k) => {
      const box = el('input', { type: 'checkbox', checked: true, value: String(seed), 'data-seed': String(seed) });
      box.addEventListener('change', applySeedToggles);
      return el('label', { class: 'seed-toggle' }, box, el('span', { class: 'swatch line', style: { background: PALETTE[k % PALETTE.length] } }), `seed ${seed}`);
    }),
  );
}

function applySeedToggles() {
  const shown = new Set([...document.querySelectorAll('#seed-toggles input:checked')].map((box) => Number(box.value)));
  for (const { chart, seeds } of state.charts) {
    seeds.forEach((seed, k) => {
      const show = shown.has(seed);
      if (chart.series[k + 1].show !== show) chart.setSeries(k + 1, { show });
    });
  }
}

// ---------------------------------------------------------------- tables

function rowsOf(table) {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, k) => [c, row[k]])));
}

const blue = (share) => `rgba(33, 102, 172, ${(0.08 + 0.8 * Math.max(0, Math.min(1, share))).toFixed(3)})`;
const textOn = (share) => (share > 0.6 ? '#fff' : '#111');

function trustMatrix(rows) {
  if (rows.length === 0) return el('p', { class: 'muted' }, 'No trust recorded for this seed.');
  const states = [...new Set(rows.flatMap((r) => [r.from, r.to]))].sort();
  const at = new Map(rows.map((r) => [`${r.from}→${r.to}`, r]));
  const head = el('tr', {}, el('th', { scope: 'col' }, 'from \\ to'), ...states.map((s) => el('th', { scope: 'col' }, s)));
  const body = states.map((from) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, from),
      ...states.map((to) => {
        const r = at.get(`${from}→${to}`);
        if (!r) return el('td', { class: 'num muted' }, from === to ? '' : '—');
        const v = r.trust_final ?? 0;
        const change = (r.trust_final ?? 0) - (r.trust_start ?? 0);
        return el(
          'td',
          { class: 'num heat', style: { background: blue(v), color: textOn(v) }, title: `${from} → ${to}: ${num(r.trust_start)} at the start, ${num(r.trust_final)} at the end` },
          num(v),
          el('div', { class: 'unit' }, `${change >= 0 ? '+' : ''}${num(change)}`),
        );
      }),
    ),
  );
  const key = el('div', { class: 'scale-key' }, '0', el('span', { class: 'gradient', style: { background: `linear-gradient(to right, ${blue(0)}, ${blue(1)})` } }), '1 (trust at the end; below: change since the start)');
  return el('div', {}, el('table', { class: 'data matrix', id: 'trust-table' }, el('thead', {}, head), el('tbody', {}, ...body)), key);
}

function displacementMatrix(rows, kind) {
  if (rows.length === 0) return el('p', { class: 'muted' }, 'No fighter crossed a border in this seed.');
  const origins = [...new Set(rows.map((r) => r.origin))].sort();
  const destinations = [...new Set(rows.map((r) => r.destination))].sort();
  const at = new Map(rows.map((r) => [`${r.origin}→${r.destination}`, r[kind] ?? 0]));
  const max = Math.max(...at.values(), 1e-9);
  const head = el('tr', {}, el('th', { scope: 'col' }, 'origin \\ destination'), ...destinations.map((d) => el('th', { scope: 'col' }, d)), el('th', { scope: 'col' }, 'total'));
  const body = origins.map((origin) => {
    const cells = destinations.map((destination) => at.get(`${origin}→${destination}`) ?? 0);
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, origin),
      ...cells.map((v, k) => el('td', { class: 'num heat', style: { background: v > 0 ? blue(v / max) : '', color: textOn(v / max) }, title: `${origin} → ${destinations[k]}: ${num(v)}` }, v > 0 ? num(v) : '')),
      el('td', { class: 'num total' }, num(cells.reduce((a, b) => a + b, 0))),
    );
  });
  return el('table', { class: 'data matrix', id: 'displacement-table' }, el('thead', {}, head), el('tbody', {}, ...body));
}

async function loadTables(seedSelect) {
  const trust = document.getElementById('trust');
  const displacement = document.getElementById('displacement');
  const kind = document.getElementById('displacement-kind');
  const tables = {};
  for (const [name, container] of [
    ['relations', trust],
    ['displacement', displacement],
  ]) {
    if (!state.manifest.files.includes(`${name}.csv`)) {
      fill(container, el('p', { class: 'muted' }, `This run has no ${name} table (its model does not record one).`));
      continue;
    }
    try {
      tables[name] = rowsOf(await api.table(id, name));
    } catch (error) {
      showError(container, error);
    }
  }
  const show = () => {
    const seed = Number(seedSelect.value);
    if (tables.relations) fill(trust, trustMatrix(tables.relations.filter((r) => r.seed === seed)));
    if (tables.displacement) fill(displacement, displacementMatrix(tables.displacement.filter((r) => r.seed === seed), kind.value));
  };
  seedSelect.addEventListener('change', show);
  kind.addEventListener('change', show);
  show();
}

// ---------------------------------------------------------------- page

async function main() {
  try {
    const manifest = await api.manifest(id);
    if (manifest.kind !== 'run') throw new Error(`${id} is a ${manifest.kind}, not a run`);
    state.manifest = manifest;
    const scenario = manifest.scenario ?? {};
    const start = scenario.params?.start;
    document.title = `sahel-sahara · ${scenario.name ?? id}`;
    fill(document.getElementById('title'), `run ${scenario.name ?? id}`);
    fill(
      document.getElementById('description'),
      `${manifest.model} model · ${manifest.seeds.length} seed${manifest.seeds.length === 1 ? '' : 's'} (${manifest.seeds.join(', ')}) · ${manifest.ticks} weeks${start ? ` from ${start}` : ''} · folder ${id}`,
    );
    const seedSelect = document.getElementById('seed');
    fill(seedSelect, ...manifest.seeds.map((seed) => el('option', { value: String(seed) }, `seed ${seed}`)));
    seedToggles(manifest.seeds);
    const mapPart = api
      .geography(id)
      .then(loadMap)
      .catch((error) => {
        showError(document.getElementById('map-status'), error);
        document.getElementById('map').hidden = true;
      });
    await Promise.all([mapPart, loadCharts(manifest), loadTables(seedSelect)]);
  } catch (error) {
    showError(document.getElementById('map-status'), error);
    fill(document.getElementById('charts'));
  }
  document.body.dataset.ready = 'true';
}

main();
