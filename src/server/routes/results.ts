/**
 * The result folders and their tables: the listing, a folder's manifest, summary, model tables
 * and comparison report. A run folder's tables are CSV, a batch's Parquet; both are answered as
 * `{ columns, rows, total, offset, limit }` with at most MAX_ROWS rows per response.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerContext, RoutesOptions } from '../context.ts';
import type { Cell } from '../csv-table.ts';
import { HttpError, badRequest, notFound } from '../http-error.ts';
import type { Filter } from '../parquet-query.ts';
import type { ResultFolder } from '../result-folders.ts';
import {
  CompareResponse,
  DEFAULT_ROWS,
  IdParams,
  ListResponse,
  ManifestResponse,
  SummaryQuery,
  TableParams,
  TableQuery,
  TableResponse,
  withErrors,
  type TableBody,
} from '../schemas.ts';

/** Runs `work` on a Parquet file, turning a DuckDB failure into a 500 that names the file (not its path). */
export async function onParquet<T>(label: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(500, `${label} is not a readable Parquet file`);
  }
}

/** The path of a named file of a folder, or 404 (a running batch has no tables yet: say so). */
export function requireFile(context: ServerContext, folder: ResultFolder, name: string): string {
  const path = context.results.file(folder, name);
  if (path) return path;
  const running = folder.manifest.status === 'running' ? ' (the batch is still running or was interrupted)' : '';
  throw notFound(`${folder.id} has no ${name}${running}`);
}

const quoteList = (values: readonly Cell[], at = 12) =>
  values
    .slice(0, at)
    .map((v) => String(v))
    .join(', ') + (values.length > at ? ', …' : '');

/** A filter on a batch table's option: its index (`option` column) or its name (`scenario` column). */
export async function optionFilter(context: ServerContext, path: string, label: string, option: string): Promise<Filter> {
  const names = await onParquet(label, () => context.parquet.distinct(path, 'scenario'));
  if (/^\d+$/.test(option)) {
    const index = Number(option);
    if (index >= names.length) throw badRequest(`option ${index} out of range: ${label} has ${names.length} options (0 … ${names.length - 1})`);
    return ['option', index];
  }
  if (!names.includes(option)) throw badRequest(`unknown option ${JSON.stringify(option)}; options: ${quoteList(names)}`);
  return ['scenario', option];
}

function page(columns: string[], rows: Cell[][], offset: number, limit: number): TableBody {
  return { columns, rows: rows.slice(offset, offset + limit), total: rows.length, offset, limit };
}

const storeKinds = new Set(['batch', 'compare', 'sensitivity']);

export const resultRoutes: FastifyPluginAsyncTypebox<RoutesOptions> = async (app, { context }) => {
  const { results } = context;

  app.get('/results', { schema: { response: withErrors({ 200: ListResponse }) } }, async () => ({ results: results.list() }));

  app.get('/results/:id/manifest', { schema: { params: IdParams, response: withErrors({ 200: ManifestResponse }) } }, async (request) => {
    const folder = results.open(request.params.id);
    return folder.manifest as { kind: string };
  });

  app.get('/results/:id/summary', { schema: { params: IdParams, querystring: SummaryQuery, response: withErrors({ 200: TableResponse }) } }, async (request) => {
    const folder = results.open(request.params.id);
    const { metric, option, offset = 0, limit = DEFAULT_ROWS } = request.query;
    if (folder.kind === 'run') {
      if (option !== undefined) throw badRequest('option applies to batch and comparison results, not to a run');
      const table = context.csv.read(requireFile(context, folder, 'summary.csv'), `${folder.id}/summary.csv`);
      if (metric === undefined) return page(table.columns, table.rows, offset, limit);
      const metrics = Array.isArray(folder.manifest.metrics) ? folder.manifest.metrics : [];
      if (!metrics.includes(metric)) throw badRequest(`unknown metric ${JSON.stringify(metric)}; metrics: ${quoteList(metrics)}`);
      const wanted = new Set(['seed', 'ticks', `${metric}_final`, `${metric}_max`, `${metric}_mean`]);
      const keep = table.columns.flatMap((c, k) => (wanted.has(c) ? [k] : []));
      return page(
        keep.map((k) => table.columns[k] as string),
        table.rows.map((row) => keep.map((k) => row[k] ?? null)),
        offset,
        limit,
      );
    }
    if (!storeKinds.has(folder.kind)) throw notFound(`${folder.id} has no summary`);
    const label = `${folder.id}/summary.parquet`;
    const path = requireFile(context, folder, 'summary.parquet');
    const where: Filter[] = [];
    if (metric !== undefined) {
      const metrics = await onParquet(label, () => context.parquet.distinct(path, 'metric'));
      if (!metrics.includes(metric)) throw badRequest(`unknown metric ${JSON.stringify(metric)}; metrics: ${quoteList(metrics)}`);
      where.push(['metric', metric]);
    }
    if (option !== undefined) where.push(await optionFilter(context, path, label, option));
    return onParquet(label, async () => {
      const columns = (await context.parquet.columns(path)).map((c) => c.name);
      const total = await context.parquet.count(path, { where });
      const rows = await context.parquet.select(path, { columns, where, limit, offset });
      return { columns, rows, total, offset, limit };
    });
  });

  app.get('/results/:id/tables/:name', { schema: { params: TableParams, querystring: TableQuery, response: withErrors({ 200: TableResponse }) } }, async (request) => {
    const folder = results.open(request.params.id);
    const { name } = request.params;
    const { offset = 0, limit = DEFAULT_ROWS } = request.query;
    // A batch written with --format csv has both; Parquet is the typed original.
    const parquet = folder.kind === 'run' ? undefined : results.file(folder, `${name}.parquet`);
    if (parquet) {
      const label = `${folder.id}/${name}.parquet`;
      return onParquet(label, async () => {
        const columns = (await context.parquet.columns(parquet)).map((c) => c.name);
        const total = await context.parquet.count(parquet);
        const rows = await context.parquet.select(parquet, { columns, limit, offset });
        return { columns, rows, total, offset, limit };
      });
    }
    const table = context.csv.read(requireFile(context, folder, `${name}.csv`), `${folder.id}/${name}.csv`);
    return page(table.columns, table.rows, offset, limit);
  });

  app.get('/results/:id/compare', { schema: { params: IdParams, response: withErrors({ 200: CompareResponse }) } }, async (request) => {
    const folder = results.open(request.params.id);
    if (folder.kind !== 'compare') throw notFound(`${folder.id} is a ${folder.kind}, not a comparison`);
    const text = results.readText(folder, 'compare.json');
    try {
      return JSON.parse(text) as { kind: string; options: string[]; baseline: string; stat: string; design: unknown; metrics: { metric: string; better: string | null; pairs: number; options: unknown[] }[] };
    } catch {
      throw new HttpError(500, `${folder.id}/compare.json is not valid JSON`);
    }
  });
};
