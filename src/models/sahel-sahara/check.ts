/**
 * Checks of a scenario that the schema cannot express, each reported at its path (relative to
 * `params`) so the user sees the file and line: country codes that are not on the grid, places
 * that do not exist or lie at sea or off the grid, groups named but not defined, events dated
 * outside the run, and `set` events that name no parameter or try to set an outcome.
 */
import type { TSchema } from '@sinclair/typebox';
import { cellOf, gridSpecProblems, rasteriseCountries, type CountryRaster } from '../../geo/index.ts';
import { tickOfDate } from './calendar.ts';
import { locate, type Location } from './geography.ts';
import { SahelSaharaParamsSchema, type SahelSaharaParams } from './params.ts';

export interface Problem {
  path: string[];
  message: string;
}

/** Parameters an event may change: policies and structural relations, never outcomes. */
const SETTABLE = /^(states|peripheral|externals|groups\.[A-Z0-9_]+\.(cohesion|weapons|hostageTaking|alliances\.[A-Z0-9_]+)|frameworks\.[^.]+\.(intelligence|jointOperations|pursuit)|rivalry|tuning)(\.|$)/;

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
        for (const path of Object.keys(e.set)) {
          let schema: TSchema | undefined = SahelSaharaParamsSchema;
          for (const key of path.split('.')) schema = childSchema(schema, key);
          if (!schema) problems.push({ path: [...at, 'set', path], message: `"${path}" is not a parameter` });
          else if (!SETTABLE.test(path)) problems.push({ path: [...at, 'set', path], message: `"${path}" cannot be changed by an event: events change policies and agents, never outcomes` });
        }
        break;
      case 'returnees':
        group(e.group, [...at, 'group']);
        country(e.to, [...at, 'to']);
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
  for (const key of Object.keys(params.uncertainties)) {
    let schema: TSchema | undefined = SahelSaharaParamsSchema;
    for (const part of key.split('.')) schema = childSchema(schema, part);
    if (!schema) problems.push({ path: ['uncertainties', key], message: `"${key}" is not a parameter` });
  }
  return problems;
}
