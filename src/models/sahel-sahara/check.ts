/**
 * Checks of a scenario that the schema cannot express, each reported at its path (relative to
 * `params`) so the user sees the file and line: country codes that are not on the grid, places
 * that do not exist or lie at sea or off the grid, groups named but not defined, events dated
 * outside the run, and `set` events that name no parameter or try to set an outcome.
 */
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { cellOf, gridSpecProblems, rasteriseCountries, type CountryRaster } from '../../geo/index.ts';
import { tickOfDate } from './calendar.ts';
import { locate, type Location } from './geography.ts';
import { SAHEL_METRICS } from './metrics.ts';
import { SahelSaharaParamsSchema, type SahelSaharaParams } from './params.ts';

export interface Problem {
  path: string[];
  message: string;
}

/** Parameters an event may change: policies and structural relations, never outcomes. */
const SETTABLE = /^(states|peripheral|externals|groups\.[A-Z0-9_]+\.(cohesion|weapons|hostageTaking|alliances\.[A-Z0-9_]+)|frameworks\.[^.]+\.(intelligence|jointOperations|pursuit)|rivalry|tuning)(\.|$)/;

/** What a leaf schema accepts, in words. */
function describe(schema: TSchema): string {
  const s = schema as { type?: string; minimum?: number; maximum?: number };
  const range = s.minimum !== undefined && s.maximum !== undefined ? ` from ${s.minimum} to ${s.maximum}` : s.minimum !== undefined ? ` ≥ ${s.minimum}` : '';
  return `${s.type === 'integer' ? 'an integer' : `a ${s.type ?? 'value'}`}${range}`;
}

/** The closest name by edit distance, when close enough to be a typo. */
function nearestName(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = editDistance(word, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return bestDistance <= Math.max(2, Math.ceil(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function childSchema(schema: TSchema | undefined, key: string): TSchema | undefined {
  const node = schema as { properties?: Record<string, TSchema>; patternProperties?: Record<string, TSchema> } | undefined;
  if (!node) return undefined;
  if (node.properties?.[key]) return node.properties[key];
  for (const [pattern, sub] of Object.entries(node.patternProperties ?? {})) if (new RegExp(pattern).test(key)) return sub;
  return undefined;
}

export function checkSahelSahara(params: SahelSaharaParams, ticks: number): Problem[] {
  const problems: Problem[] = [];
  const gridProblems = gridSpecProblems(params.grid);
  if (gridProblems.length > 0) return gridProblems.map((message) => ({ path: ['grid'], message }));
  const raster: CountryRaster = rasteriseCountries(params.grid);
  const onGrid = new Set(raster.countries.slice(1));
  const country = (iso: string, path: string[]) => {
    if (!onGrid.has(iso)) problems.push({ path, message: `"${iso}" is not a country on the grid (${[...onGrid].join(' ')})` });
  };
  /** A place name or coordinates; unless `offGrid`, it must be on land within the grid (snapped within 100 km). */
  const place = (at: unknown, path: string[], offGrid = false) => {
    if (typeof at === 'string' && !params.places[at]) {
      problems.push({ path, message: `unknown place "${at}"; define it under places` });
      return;
    }
    if (offGrid) return;
    const [lon, lat] = typeof at === 'string' ? (params.places[at]?.at as [number, number]) : (at as [number, number]);
    const name = typeof at === 'string' ? `${at} [${lon}, ${lat}]` : `[${lon}, ${lat}]`;
    if (cellOf(params.grid, lon, lat) < 0) problems.push({ path, message: `${name} lies outside the grid` });
    else if (locate(params.grid, raster, params.places, at as Location) < 0) problems.push({ path, message: `${name} lies at sea, more than 100 km from land` });
  };
  const group = (name: string, path: string[]) => {
    if (!params.groups[name]) problems.push({ path, message: `unknown group "${name}"; groups are ${Object.keys(params.groups).join(', ')}` });
  };
  const during = (date: string, path: string[]) => {
    const tick = tickOfDate(params.start, date);
    if (tick < 0 || tick > ticks) problems.push({ path, message: `${date} lies outside the run (${params.start} plus ${ticks} weeks)` });
  };

  for (const [name, p] of Object.entries(params.places)) if (p.kind !== 'capital') place(name, ['places', name, 'at']);
  for (const [iso, s] of Object.entries(params.states)) {
    country(iso, ['states', iso]);
    if (s.capital !== undefined) place(s.capital, ['states', iso, 'capital'], true);
  }
  for (const [name, g] of Object.entries(params.groups)) {
    g.home.forEach((h, k) => place(h, ['groups', name, 'home', String(k)]));
    g.bands.forEach((b, k) => place(b.at, ['groups', name, 'bands', String(k), 'at']));
    for (const other of Object.keys(g.alliances)) group(other, ['groups', name, 'alliances', other]);
  }
  for (const [name, r] of Object.entries(params.routes)) r.via.forEach((v, k) => place(v, ['routes', name, 'via', String(k)]));
  for (const [key] of [...Object.entries(params.trust), ...Object.entries(params.rivalry)]) {
    const table = key in params.trust ? 'trust' : 'rivalry';
    for (const iso of key.split('-')) country(iso, [table, key]);
  }
  for (const [name, f] of Object.entries(params.frameworks)) {
    f.members.forEach((iso, k) => country(iso, ['frameworks', name, 'members', String(k)]));
    if (f.from) during(f.from, ['frameworks', name, 'from']);
    for (const backer of f.backers) {
      if (!params.externals[backer]) problems.push({ path: ['frameworks', name, 'backers'], message: `unknown external actor "${backer}"` });
    }
  }
  if (params.decision) during(params.decision, ['decision']);
  params.events.forEach((e, k) => {
    const at = ['events', String(k)];
    during(e.date, [...at, 'date']);
    switch (e.type) {
      case 'set':
        for (const [path, value] of Object.entries(e.set)) {
          const where = [...at, 'set', path];
          let schema: TSchema | undefined = SahelSaharaParamsSchema;
          for (const key of path.split('.')) schema = childSchema(schema, key);
          const [root, entry] = path.split('.');
          if (!schema) problems.push({ path: where, message: `"${path}" is not a parameter` });
          else if (!SETTABLE.test(path)) problems.push({ path: where, message: `"${path}" cannot be changed by an event: events change policies and agents, never outcomes` });
          else if ((schema as { type?: string }).type === 'object') problems.push({ path: where, message: `"${path}" is a group of parameters; set one value, e.g. "${path}.${Object.keys((schema as { properties?: object }).properties ?? { capacity: 0 })[0]}"` });
          else if (!Value.Check(schema, value)) problems.push({ path: where, message: `expected ${describe(schema)}, got ${JSON.stringify(value)}` });
          else if ((root === 'states' || root === 'groups' || root === 'externals') && entry && !(entry in (params[root] as object))) {
            problems.push({ path: where, message: `"${entry}" is not defined under ${root}; define it there before an event changes it` });
          }
        }
        break;
      case 'returnees':
        group(e.group, [...at, 'group']);
        country(e.to, [...at, 'to']);
        country(e.from, [...at, 'from']);
        e.at.forEach((a, i) => place(a, [...at, 'at', String(i)]));
        break;
      case 'offensive':
        country(e.host, [...at, 'host']);
        e.at.forEach((a, i) => place(a, [...at, 'at', String(i)]));
        break;
      case 'ransom':
        group(e.group, [...at, 'group']);
        if (e.via) country(e.via, [...at, 'via']);
        break;
    }
  });
  for (const key of Object.keys(params.weights)) {
    if (!(SAHEL_METRICS as readonly string[]).includes(key)) {
      const suggestion = nearestName(key, SAHEL_METRICS);
      problems.push({ path: ['weights', key], message: `"${key}" is not a metric${suggestion ? ` — did you mean "${suggestion}"?` : ''}` });
    }
  }
  for (const key of Object.keys(params.uncertainties)) {
    let schema: TSchema | undefined = SahelSaharaParamsSchema;
    for (const part of key.split('.')) schema = childSchema(schema, part);
    if (!schema) problems.push({ path: ['uncertainties', key], message: `"${key}" is not a parameter` });
  }
  return problems;
}
