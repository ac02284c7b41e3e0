/**
 * `GET /api/results/:id/series?metric=M[&seed=S|&key=K|&option=O][&every=N]`: one metric over
 * time, one value array per run (a run folder's seeds, a batch's runs), on a common tick axis.
 * `every` keeps ticks that are multiples of N, plus the last tick so the end state is never
 * dropped. A response holds at most `limits.seriesValues` values (MAX_SERIES_VALUES by default); past that the request is refused
 * with the smallest `every` that fits, rather than silently thinned.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RoutesOptions } from '../context.ts';
import type { Cell } from '../csv-table.ts';
import { tickDates } from '../dates.ts';
import { HttpError, badRequest, notFound } from '../http-error.ts';
import type { Filter } from '../parquet-query.ts';
import { scenariosOf, startOf } from '../result-folders.ts';
import { IdParams, SeriesQuery, SeriesResponse, withErrors, type SeriesBody } from '../schemas.ts';
import { onParquet, optionFilter, requireFile } from './results.ts';

/** Identity columns of a batch's series table (the rest are metrics). */
const IDENTITY = new Set(['key', 'scenario', 'option', 'point', 'replication', 'seed', 'tick']);

type Series = SeriesBody['series'][number];

function tooMany(values: number, every: number, limit: number): HttpError {
  const needed = Math.ceil((every * values) / limit);
  return badRequest(`${values} values exceed the limit of ${limit} per response: use every=${needed} or more, or select a seed, key or option`);
}

const keeps = (tick: number, every: number, last: number) => tick % every === 0 || tick === last;

/** Lays series gathered as (tick, value) pairs onto the sorted union of their ticks. */
function align(gathered: { series: Omit<Series, 'values'>; ticks: number[]; values: (number | null)[] }[]): { ticks: number[]; series: Series[] } {
  const all = new Set<number>();
  for (const g of gathered) for (const t of g.ticks) all.add(t);
  const ticks = [...all].sort((a, b) => a - b);
  const index = new Map(ticks.map((t, k) => [t, k]));
  const series = gathered.map((g) => {
    const values = new Array<number | null>(ticks.length).fill(null);
    for (let k = 0; k < g.ticks.length; k++) values[index.get(g.ticks[k] as number) as number] = g.values[k] ?? null;
    return { ...g.series, values };
  });
  return { ticks, series };
}

const numberOr = (cell: Cell | undefined, fallback: number | null): number | null => (typeof cell === 'number' ? cell : fallback);

export const seriesRoutes: FastifyPluginAsyncTypebox<RoutesOptions> = async (app, { context }) => {
  app.get('/results/:id/series', { schema: { params: IdParams, querystring: SeriesQuery, response: withErrors({ 200: SeriesResponse }) } }, async (request) => {
    const folder = context.results.open(request.params.id);
    const { metric, seed, key, option, every = 1 } = request.query;
    const scenarios = scenariosOf(folder);

    if (folder.kind === 'run') {
      if (key !== undefined || option !== undefined) throw badRequest('key and option apply to batch and comparison results; a run has seeds');
      const metrics = Array.isArray(folder.manifest.metrics) ? folder.manifest.metrics : [];
      if (!metrics.includes(metric)) throw badRequest(`unknown metric ${JSON.stringify(metric)}`);
      const seeds = Array.isArray(folder.manifest.seeds) ? folder.manifest.seeds : [];
      if (seed !== undefined && !seeds.includes(seed)) throw notFound(`seed ${seed} is not in ${folder.id} (seeds: ${seeds.join(', ')})`);
      const table = context.csv.read(requireFile(context, folder, 'series.csv'), `${folder.id}/series.csv`);
      const [s, t, m] = ['seed', 'tick', metric].map((c) => table.columns.indexOf(c)) as [number, number, number];
      if (s < 0 || t < 0 || m < 0) throw new HttpError(500, `${folder.id}/series.csv lacks the seed, tick or ${metric} column`);
      let last = 0;
      for (const row of table.rows) last = Math.max(last, numberOr(row[t], 0) ?? 0);
      const bySeed = new Map<number, { ticks: number[]; values: (number | null)[] }>();
      let count = 0;
      for (const row of table.rows) {
        const rowSeed = numberOr(row[s], -1) as number;
        const tick = numberOr(row[t], -1) as number;
        if ((seed !== undefined && rowSeed !== seed) || !keeps(tick, every, last)) continue;
        let entry = bySeed.get(rowSeed);
        if (!entry) bySeed.set(rowSeed, (entry = { ticks: [], values: [] }));
        entry.ticks.push(tick);
        entry.values.push(numberOr(row[m], null));
        count++;
      }
      if (count > context.limits.seriesValues) throw tooMany(count, every, context.limits.seriesValues);
      const { ticks, series } = align(
        [...bySeed].map(([runSeed, g]) => ({ series: { label: `seed ${runSeed}`, seed: runSeed, key: null, option: null, point: null }, ...g })),
      );
      const start = startOf(scenarios[0]) ?? null;
      return { metric, every, start, ticks, dates: tickDates(start, ticks), series };
    }

    const label = `${folder.id}/series.parquet`;
    const path = requireFile(context, folder, 'series.parquet');
    const columns = await onParquet(label, () => context.parquet.columns(path));
    if (!columns.some((c) => c.name === metric) || IDENTITY.has(metric)) throw badRequest(`unknown metric ${JSON.stringify(metric)}`);
    const where: Filter[] = [];
    if (seed !== undefined) where.push(['seed', seed]);
    if (key !== undefined) where.push(['key', key]);
    if (option !== undefined) where.push(await optionFilter(context, path, label, option));
    const rows = await onParquet(label, async () => {
      const last = (await context.parquet.max(path, 'tick')) ?? 0;
      // every and last are validated integers: safe to put in SQL.
      const condition = `tick % ${Math.trunc(every)} = 0 OR tick = ${Math.trunc(last)}`;
      const count = await context.parquet.count(path, { where, condition });
      if (count > context.limits.seriesValues) throw tooMany(count, every, context.limits.seriesValues);
      return context.parquet.select(path, { columns: ['key', 'scenario', 'point', 'seed', 'tick', metric], where, condition });
    });
    if (rows.length === 0) throw notFound(`no run of ${folder.id} matches${seed !== undefined ? ` seed ${seed}` : ''}${key !== undefined ? ` key ${key}` : ''}`);
    const byKey = new Map<string, { series: Omit<Series, 'values'>; ticks: number[]; values: (number | null)[] }>();
    for (const [runKey, scenario, point, runSeed, tick, value] of rows) {
      const id = String(runKey);
      let entry = byKey.get(id);
      if (!entry) {
        const pointIndex = numberOr(point, null);
        const series = {
          label: `${String(scenario)} · ${pointIndex !== null ? `point ${pointIndex} · ` : ''}seed ${String(runSeed)}`,
          seed: numberOr(runSeed, 0) as number,
          key: id,
          option: typeof scenario === 'string' ? scenario : null,
          point: pointIndex,
        };
        byKey.set(id, (entry = { series, ticks: [], values: [] }));
      }
      entry.ticks.push(numberOr(tick, 0) as number);
      entry.values.push(numberOr(value, null));
    }
    const { ticks, series } = align([...byKey.values()]);
    const start = startOf(scenarios[0]) ?? null;
    return { metric, every, start, ticks, dates: tickDates(start, ticks), series };
  });
};
