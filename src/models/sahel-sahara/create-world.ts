/**
 * Building the world of one run from resolved parameters and a seed — purely: geography, the
 * policy layer, relations, frameworks and the initial bands and networks. Nothing here draws a
 * random number: a run's randomness starts with its first tick.
 */
import { freeze } from 'immer';
import { combineKeys, createAgentStore, KeyedDraws } from '../../engine/index.ts';
import { haversineKm } from '../../geo/index.ts';
import { tickOfDate } from './calendar.ts';
import { emptyTable } from './coarse-field.ts';
import { reachAround } from './footprint.ts';
import { buildGeography, countryDistances, diskOffsets, locate, lonLatOf, routeCells, type Geography, type Location } from './geography.ts';
import type { SahelSaharaParams } from './params.ts';
import { applyPolicy, stateParams } from './policy.ts';
import { addBand } from './bands.ts';
import { presenceBase } from './presence.ts';
import { CONTROL_NONE, type BandSchema, type Framework, type Route, type Tally, type World } from './world.ts';

/** Km within which a state may pursue a band across its border. */
export const PURSUIT_KM = 200;

export function createTally(countryCount: number): Tally {
  return {
    attacks: 0,
    attacksCrossBorder: 0,
    attacksStrategic: 0,
    attacksAlgeriaViaNigerLibya: 0,
    displaced: 0,
    smugglingVolume: 0,
    revenueGroups: 0,
    revenueOfficials: 0,
    intelShares: 0,
    jointOps: 0,
    operations: 0,
    fightersKilled: 0,
    soldiersKilled: 0,
    civilianHarm: 0,
    recruits: 0,
    leaks: 0,
    ransoms: 0,
    attacksByCountry: new Float64Array(countryCount),
    operationsByCountry: new Float64Array(countryCount),
    officialsByCountry: new Float64Array(countryCount),
  };
}

function pairIndex(countries: readonly string[], key: string): [number, number] | undefined {
  const [a, b] = key.split('-');
  const i = countries.indexOf(a as string);
  const j = countries.indexOf(b as string);
  return i > 0 && j > 0 ? [i, j] : undefined;
}

/** The scenario's frameworks as the phases read them, with their starting operationalisation. */
export function createFrameworks(params: SahelSaharaParams, countries: readonly string[]): Framework[] {
  const C = countries.length;
  return Object.entries(params.frameworks).map(([name, f]) => {
    const members = new Uint8Array(C);
    for (const iso of f.members) if (countries.indexOf(iso) > 0) members[countries.indexOf(iso)] = 1;
    const excludes = new Uint8Array(C);
    for (const iso of f.excludes) if (countries.indexOf(iso) > 0) excludes[countries.indexOf(iso)] = 1;
    return {
      name,
      members,
      leader: f.leader ? Math.max(0, countries.indexOf(f.leader)) : 0,
      excludes,
      backing: f.backers.reduce((sum, b) => sum + (params.externals[b]?.funding ?? 0), 0),
      intelligence: f.intelligence,
      jointOperations: f.jointOperations,
      pursuit: f.pursuit,
      operationalisation: f.operationalisation,
      fromTick: f.from ? tickOfDate(params.start, f.from) : 0,
    };
  });
}

/** The scenario's events by tick (a stable sort: events of one tick keep the scenario's order). */
export function scheduleEvents(params: SahelSaharaParams): { tick: number; event: SahelSaharaParams['events'][number] }[] {
  return params.events.map((event) => ({ tick: tickOfDate(params.start, event.date), event })).sort((a, b) => a.tick - b.tick);
}

export function createWorld(params: SahelSaharaParams, seed: number): World {
  // Freeze the scenario tree once (a no-op when it already is): events edit it with immer, which
  // would otherwise walk and freeze the whole tree at every event of every run.
  freeze(params, true);
  const geoKey = JSON.stringify([params.grid, params.places]);
  const geo = remember(geographies, geoKey, () => buildGeography(params));
  const { size, width } = geo;
  const countries = geo.raster.countries;
  const C = countries.length;
  const draws = {
    intelligence: new KeyedDraws(seed, 'intelligence'),
    operations: new KeyedDraws(seed, 'operations'),
    movement: new KeyedDraws(seed, 'movement'),
    economy: new KeyedDraws(seed, 'economy'),
    recruitment: new KeyedDraws(seed, 'recruitment'),
    attacks: new KeyedDraws(seed, 'attacks'),
  };

  const isCoreState = new Uint8Array(C);
  for (const iso of Object.keys(params.states)) {
    const c = countries.indexOf(iso);
    if (c > 0) isCoreState[c] = 1;
  }

  // Nationalities: every country named in a group's or band's mix, or receiving returnees.
  const nationalitySet = new Set<string>();
  for (const g of Object.values(params.groups)) {
    for (const iso of Object.keys(g.nationality)) nationalitySet.add(iso);
    for (const b of g.bands) for (const iso of Object.keys(b.nationality ?? {})) nationalitySet.add(iso);
  }
  for (const e of params.events) if (e.type === 'returnees') nationalitySet.add(e.to);
  const nationalities = [...nationalitySet].sort();
  const nationalityCountry = Int32Array.from(nationalities, (iso) => Math.max(0, countries.indexOf(iso)));
  const countryNationality = Int32Array.from(countries, (iso) => nationalities.indexOf(iso));

  const { countryKm, capitalKm, garrison, nearCountries, homePull, move, influence, influenceWeight, populationNear } = layoutOf(params, geo, geoKey, nationalityCountry);
  const tuning = params.tuning;

  const groups = Object.keys(params.groups);
  const G = groups.length;
  const externals = Object.keys(params.externals);

  const routes: Route[] = Object.entries(params.routes).map(([name, r]) => {
    const cells = routeCells(geo, params.places, r.via as Location[]);
    return { name, commodity: r.commodity, cells, origin: cells.length > 0 ? (geo.raster.owner[cells[0] as number] as number) : 0, volume: r.volume, value: r.value };
  });

  const trust = new Float64Array(C * C);
  const rivalry = new Float64Array(C * C);
  for (const [key, value] of Object.entries(params.rivalry)) {
    const pair = pairIndex(countries, key);
    if (!pair) continue;
    rivalry[pair[0] * C + pair[1]] = value;
    rivalry[pair[1] * C + pair[0]] = value;
  }
  // MODEL.md §3.10: trust reverts toward 1 − rivalry; pairs the scenario does not name start there.
  for (let i = 0; i < C * C; i++) trust[i] = 1 - (rivalry[i] as number);
  for (const [key, value] of Object.entries(params.trust)) {
    const pair = pairIndex(countries, key);
    if (pair) trust[pair[0] * C + pair[1]] = value;
  }

  const frameworks = createFrameworks(params, countries);

  const bandCapacity = 64 + 8 * Object.values(params.groups).reduce((n, g) => n + g.bands.length, 0);
  const bandSchema: BandSchema = {
    group: Uint8Array,
    cell: Int32Array,
    fighters: Float64Array,
    weapons: Float32Array,
    nationals: { type: Float64Array, width: Math.max(1, nationalities.length) },
    country: Uint8Array,
    crossedAt: Int32Array,
    lastIn: { type: Int32Array, width: C },
    detected: Uint8Array,
    warned: Uint8Array,
    cohort: Uint8Array,
    pressure: Float32Array,
    key: Uint32Array,
  };

  const f64 = () => new Float64Array(C);
  const world: World = {
    params,
    tuning: { ...tuning },
    spec: geo.spec,
    raster: geo.raster,
    width,
    height: geo.height,
    size,
    cellKm: geo.cellKm,
    draws,
    tick: 0,
    countries,
    countryCount: C,
    isCoreState,
    nationalities,
    nationalityCountry,
    countryNationality,
    capacity: f64(),
    reachKm: f64(),
    legitimacy: f64(),
    borderControl: f64(),
    intelligence: f64(),
    collusion: f64(),
    sovereignty: f64(),
    engagement: f64(),
    returneeDisarmament: f64(),
    unilateralism: f64(),
    subsidy: f64(),
    hardshipBase: f64(),
    support: f64(),
    owner: geo.raster.owner,
    land: geo.land,
    landCells: geo.landCells,
    terrain: geo.terrain,
    lon: geo.lon,
    lat: geo.lat,
    population: geo.population,
    populationNear,
    capitalKm,
    garrison,
    homeKm: countryKm,
    homePull,
    nearCountries,
    places: geo.places,
    routes,
    moveDx: move.dx,
    moveDy: move.dy,
    moveKm: move.km,
    influenceDx: influence.dx,
    influenceDy: influence.dy,
    influenceWeight,
    presence: new Float64Array(size),
    external: new Float64Array(size),
    strength: new Float64Array(G * size),
    strengthStale: true,
    network: new Float64Array(G * size),
    haven: new Float64Array(0),
    havenTable: emptyTable(),
    regionalHold: new Float64Array(0),
    regionalLand: new Float64Array(0),
    regionalScratch: new Float64Array(0),
    holdTable: emptyTable(),
    regionHeld: false,
    flow: new Float64Array(size),
    staticAppeal: new Float64Array(size),
    presenceShape: new Float64Array(size),
    hardship: new Float64Array(size),
    harm: new Float64Array(size),
    relief: new Float64Array(size),
    grievance: new Float64Array(size),
    control: new Uint8Array(size).fill(CONTROL_NONE),
    havenWeeks: new Int32Array(size),
    reached: new Uint8Array(size),
    reachedCells: new Int32Array(size),
    reachedCount: 0,
    reachedCentre: new Uint8Array(size),
    groups,
    groupKind: new Uint8Array(G),
    groupFunds: Float64Array.from(groups, (g) => params.groups[g]?.funds ?? 0),
    groupCohesion: new Float64Array(G),
    groupWeapons: new Float64Array(G),
    groupHostageTaking: new Float64Array(G),
    alliance: new Float64Array(G * G),
    groupRecruits: new Float64Array(G),
    groupFighters: new Float64Array(G),
    groupAttacks: new Float64Array(G),
    bands: createAgentStore(bandSchema, bandCapacity),
    externals,
    ransomPolicy: new Float64Array(externals.length),
    funding: new Float64Array(externals.length),
    pressForReleases: new Float64Array(externals.length),
    trust,
    trustStart: trust.slice(),
    rivalry,
    sharing: new Float64Array(C * C),
    frameworks,
    events: scheduleEvents(params),
    nextEvent: 0,
    offensives: [],
    scratchScores: new Float64Array(move.dx.length),
    scratchCells: new Int32Array(move.dx.length),
    tally: createTally(C),
    crossings: new Float64Array(C * C),
    foreignCrossings: new Float64Array(C * C),
    homeCrossings: new Float64Array(C * C),
  };
  applyPolicy(world, params);

  // Initial presence at its target, so a run does not open with a transient.
  for (const c of geo.landCells) {
    const k = geo.raster.owner[c] as number;
    world.presence[c] = presenceBase(world, c);
    world.hardship[c] = world.hardshipBase[k] as number;
  }

  // Networks start where groups are at home (seed: AQIM's networks in northern Mali since ~2006,
  // and existing extremist networks in southern Libya) and where their bands stand.
  groups.forEach((name, g) => {
    const p = params.groups[name];
    if (!p) return;
    const homes = (p.home as Location[]).map((h) => locate(geo.spec, geo.raster, params.places, h)).filter((c) => c >= 0);
    for (const home of homes) seedNetwork(world, g, home, 0.6);
    p.bands.forEach((band, n) => {
      const cell = locate(geo.spec, geo.raster, params.places, band.at as Location);
      if (cell < 0) return;
      seedNetwork(world, g, cell, 0.3);
      const key = combineKeys(combineKeys(1, g), n);
      addBand(world, g, cell, band.fighters, band.weapons ?? p.weapons, band.nationality ?? p.nationality, -1000, key);
    });
  });
  world.bands.commit();
  return world;
}

/** Raises a group's network presence around a cell to at least `level`, falling off with distance. */
export function seedNetwork(world: World, g: number, cell: number, level: number): void {
  const { width, height, size } = world;
  reachAround(world, cell);
  const x = cell % width;
  const y = (cell / width) | 0;
  for (let k = 0; k < world.influenceDx.length; k++) {
    const nx = x + (world.influenceDx[k] as number);
    const ny = y + (world.influenceDy[k] as number);
    if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
    const c = ny * width + nx;
    if (world.land[c] !== 1) continue;
    const v = level * (world.influenceWeight[k] as number);
    if (v > (world.network[g * size + c] as number)) world.network[g * size + c] = v;
  }
}

/**
 * What a run derives from the map alone — geography, distances to countries and capitals,
 * garrisons, the pull of home, move and influence disks, population within reach — depends only
 * on the grid, the places, the capitals and three distances of the tuning, and costs ~15 % of a
 * 0.5° run. It is computed once per such input and shared, read-only, by every run that has it
 * (a batch or a comparison creates thousands of worlds from a handful of layouts).
 */
const LAYOUT_CACHE_SIZE = 8;
const geographies = new Map<string, Geography>();
const layouts = new Map<string, Layout>();

type Layout = ReturnType<typeof computeLayout>;

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  if (cache.size >= LAYOUT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

/** `geoKey`: the grid and places the geography was built from. */
function layoutOf(params: SahelSaharaParams, geo: Geography, geoKey: string, nationalityCountry: Int32Array): Layout {
  const capitals = geo.raster.countries.map((iso) => stateParams(params, iso).capital ?? null);
  const t = params.tuning;
  const key = JSON.stringify([geoKey, capitals, [...nationalityCountry], t.homeKm, t.bandMoveKm, t.influenceKm]);
  return remember(layouts, key, () => computeLayout(params, geo, nationalityCountry));
}

function computeLayout(params: SahelSaharaParams, geo: Geography, nationalityCountry: Int32Array) {
  const { size, width } = geo;
  const countries = geo.raster.countries;
  const C = countries.length;
  const tuning = params.tuning;
  const countryKm = countryDistances(geo, C);

  // Distance from each cell to its own state's capital (or, for a state without one, to the
  // centre of its cells): presence decays with it.
  // A capital may lie off the grid (Abuja): its coordinates are used as they are.
  const capitalAt = new Float64Array(C * 2).fill(Number.NaN);
  for (let c = 1; c < C; c++) {
    const capital = stateParams(params, countries[c] as string).capital;
    const point = capital === undefined ? undefined : lonLatOf(params.places, capital as Location);
    if (point) capitalAt.set(point, c * 2);
  }
  const centroid = new Float64Array(C * 3);
  for (const c of geo.landCells) {
    const k = geo.raster.owner[c] as number;
    centroid[k * 3] = (centroid[k * 3] as number) + (geo.lon[c] as number);
    centroid[k * 3 + 1] = (centroid[k * 3 + 1] as number) + (geo.lat[c] as number);
    centroid[k * 3 + 2] = (centroid[k * 3 + 2] as number) + 1;
  }
  const capitalKm = new Float32Array(size);
  for (const c of geo.landCells) {
    const k = geo.raster.owner[c] as number;
    const known = !Number.isNaN(capitalAt[k * 2] as number);
    const x = known ? (capitalAt[k * 2] as number) : (centroid[k * 3] as number) / (centroid[k * 3 + 2] as number);
    const y = known ? (capitalAt[k * 2 + 1] as number) : (centroid[k * 3 + 1] as number) / (centroid[k * 3 + 2] as number);
    capitalKm[c] = haversineKm(geo.lon[c] as number, geo.lat[c] as number, x, y);
  }

  // Garrisons: the state holds its towns, posts and sites even far from the capital (seed: the
  // army held Kidal, Tessalit, Aguelhok, Gao and Timbuktu until the 2012 rebellion overran them).
  const garrison = new Float32Array(size);
  for (const place of geo.places) {
    if (place.cell < 0 || place.kind === 'massif') continue;
    const px = geo.lon[place.cell] as number;
    const py = geo.lat[place.cell] as number;
    for (const c of geo.landCells) {
      if (Math.abs((geo.lat[c] as number) - py) > 1.5) continue;
      const d = haversineKm(geo.lon[c] as number, geo.lat[c] as number, px, py);
      if (d < 150) garrison[c] = Math.max(garrison[c] as number, Math.exp(-d / 50));
    }
  }

  const nearCountries = new Uint32Array(size);
  for (let k = 1; k < C && k < 32; k++) {
    for (const c of geo.landCells) if ((countryKm[k * size + c] as number) <= PURSUIT_KM) nearCountries[c] = (nearCountries[c] as number) | (1 << k);
  }

  const homePull = new Float32Array(Math.max(1, nationalityCountry.length) * size);
  nationalityCountry.forEach((country, j) => {
    if (country <= 0) return;
    for (const c of geo.landCells) homePull[j * size + c] = Math.exp(-(countryKm[country * size + c] as number) / tuning.homeKm);
  });
  const move = diskOffsets(geo, tuning.bandMoveKm);
  const influence = diskOffsets(geo, tuning.influenceKm);
  // Linear fall-off to a quarter at the edge: a band dominates its own cell and weighs on the area around it.
  const influenceWeight = Float32Array.from(influence.km, (km) => 1 - 0.75 * (km / tuning.influenceKm));

  const populationNear = new Float64Array(size);
  for (const c of geo.landCells) {
    const x = c % width;
    const y = (c / width) | 0;
    let total = 0;
    for (let k = 0; k < influence.dx.length; k++) {
      const nx = x + (influence.dx[k] as number);
      const ny = y + (influence.dy[k] as number);
      if (nx >= 0 && ny >= 0 && nx < width && ny < geo.height) total += geo.population[ny * width + nx] as number;
    }
    populationNear[c] = total;
  }

  return { countryKm, capitalKm, garrison, nearCountries, homePull, move, influence, influenceWeight, populationNear };
}
