/**
 * The web view's server under load (issue 5): requests per second and p99 latency of the routes
 * a page leans on, on loopback with autocannon (10 connections, a few seconds per route), against
 * a results folder made by the CLI — a 2012-scenario run (2 seeds) and a small comparison.
 *
 * Routes: a run's summary (CSV, parsed once and cached), a comparison's summary filtered by
 * metric (Parquet through DuckDB on every request), a metric's series, and a seed's map frames
 * (replayed once on the worker thread, then served from the cache as gzipped JSON). autocannon
 * runs in this process, so it shares the two cores with the server: the figures are a floor.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/server/index.ts';

const DURATION_S = 4;
const CONNECTIONS = 10;

export interface ServerFigure {
  readonly route: string;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly kilobytesPerRequest: number;
}

function cli(args: string[]): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sahel-sahara ${args.join(' ')}: ${result.stderr}`);
}

export async function benchServer(): Promise<ServerFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sahel-bench-server-'));
  try {
    cli(['run', 'scenarios/sahel-sahara-2012.yaml', '--seeds', '1..2', '--out', join(dir, 'run')]);
    cli(['compare', 'tests/fixtures/sahel-small-baseline.yaml', 'tests/fixtures/sahel-small-option.yaml', '--seeds', '3', '--points', '3', '--workers', '0', '--out', join(dir, 'compare')]);
    const app = buildApp({ resultsDir: dir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const origin = `http://127.0.0.1:${port}`;
    const routes = [
      '/api/results/run/summary',
      '/api/results/compare/summary?metric=fighters',
      '/api/results/run/series?metric=fighters',
      '/api/results/run/frames?seed=1',
    ];
    const figures: ServerFigure[] = [];
    try {
      // The first frames request replays the run; the benchmark measures the cached route.
      await fetch(`${origin}/api/results/run/frames?seed=1`).then((r) => r.arrayBuffer());
      for (const route of routes) {
        const result = await autocannon({ url: `${origin}${route}`, connections: CONNECTIONS, duration: DURATION_S, headers: { 'accept-encoding': 'gzip' } });
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${route}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
        figures.push({
          route,
          requestsPerSecond: result.requests.average,
          p99Ms: result.latency.p99,
          kilobytesPerRequest: result.throughput.total / Math.max(1, result.requests.total) / 1024,
        });
      }
    } finally {
      await app.close();
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatServerFigures(figures: readonly ServerFigure[]): string {
  const width = Math.max(...figures.map((f) => f.route.length));
  const lines = [`${'route'.padEnd(width)}  requests/s  p99 ms  KB/response`];
  for (const f of figures) {
    lines.push(`${f.route.padEnd(width)}  ${f.requestsPerSecond.toFixed(0).padStart(10)}  ${f.p99Ms.toFixed(0).padStart(6)}  ${f.kilobytesPerRequest.toFixed(1).padStart(11)}`);
  }
  return lines.join('\n') + `\n(${CONNECTIONS} connections × ${DURATION_S} s per route on loopback; gzip accepted)`;
}

// `tsx bench/server.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) console.log(formatServerFigures(await benchServer()));
