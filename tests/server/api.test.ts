import { request } from 'node:http';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/index.ts';
import { COMPARE_ID, RUN_ID, makeResults } from './fixtures.ts';

let dir: string;
let outside: string;
let app: FastifyInstance;

async function get(url: string): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, unknown> }> {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

/** Sends `path` byte for byte over a socket: inject() normalises `.` and `..` segments as a URL parser would, a hand-made request does not. */
async function raw(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const { port } = app.server.address() as { port: number };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await makeResults();
  // Things the listing must skip or the API refuse: a folder without a manifest, a symlink to a
  // result folder outside, a folder whose series.csv is a symlink to a file outside, a comparison
  // whose summary is not Parquet.
  outside = `${dir}-outside`;
  mkdirSync(join(outside, 'escaped'), { recursive: true });
  writeFileSync(join(outside, 'escaped', 'manifest.json'), readFileSync(join(dir, RUN_ID, 'manifest.json')));
  writeFileSync(join(outside, 'secret.csv'), 'seed,tick,fighters\n1,0,42\n');
  mkdirSync(join(dir, 'no-manifest'));
  symlinkSync(join(outside, 'escaped'), join(dir, 'link-out'));
  mkdirSync(join(dir, 'leaky'));
  writeFileSync(join(dir, 'leaky', 'manifest.json'), readFileSync(join(dir, RUN_ID, 'manifest.json')));
  symlinkSync(join(outside, 'secret.csv'), join(dir, 'leaky', 'series.csv'));
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', 'manifest.json'), JSON.stringify({ kind: 'compare', status: 'complete', createdAt: '2000-01-01T00:00:00Z' }));
  writeFileSync(join(dir, 'broken', 'summary.parquet'), 'not parquet at all');
  mkdirSync(join(dir, 'running'));
  writeFileSync(join(dir, 'running', 'manifest.json'), JSON.stringify({ kind: 'batch', status: 'running', createdAt: '2000-01-02T00:00:00Z', design: { seeds: [1, 2] } }));
  app = buildApp({ resultsDir: dir, limits: { seriesValues: 40 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('GET /api/results', () => {
  it('lists the result folders with their kind, names, date, status and counts, skipping folders without a manifest or outside', async () => {
    const { status, body } = await get('/api/results');
    expect(status).toBe(200);
    const results = body.results as Record<string, unknown>[];
    const ids = results.map((r) => r.id);
    expect(ids).toContain(RUN_ID);
    expect(ids).toContain(COMPARE_ID);
    expect(ids).not.toContain('no-manifest');
    expect(ids).not.toContain('link-out');
    const run = results.find((r) => r.id === RUN_ID)!;
    expect(run).toMatchObject({ kind: 'run', name: 'sahel-small', scenarios: ['sahel-small'], model: 'sahel-sahara', status: 'complete', seeds: 2, runs: 2, ticks: 30 });
    expect(run.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const compare = results.find((r) => r.id === COMPARE_ID)!;
    expect(compare).toMatchObject({ kind: 'compare', name: 'small-baseline', scenarios: ['small-baseline', 'small-option'], status: 'complete', runs: 18, seeds: 3 });
  });
});

describe('GET /api/results/:id/manifest', () => {
  it('returns the manifest as written', async () => {
    const { status, body } = await get(`/api/results/${RUN_ID}/manifest`);
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(readFileSync(join(dir, RUN_ID, 'manifest.json'), 'utf8')));
  });

  it('answers 404 for a folder that does not exist or has no manifest', async () => {
    expect((await get('/api/results/nothing-here/manifest')).status).toBe(404);
    const { status, body } = await get('/api/results/no-manifest/manifest');
    expect(status).toBe(404);
    expect(body).toEqual({ error: 'Not Found', message: expect.stringContaining('no-manifest') });
  });
});

describe('result ids', () => {
  it.each([
    ['an encoded ../', '/api/results/..%2f..%2fetc/manifest'],
    ['a doubly encoded ..', '/api/results/%252e%252e/manifest'],
    ['an encoded ..', '/api/results/%2e%2e/manifest'],
    ['a dot', '/api/results/./manifest'],
    ['an absolute path', '/api/results/%2Fetc%2Fpasswd/manifest'],
    ['a backslash', '/api/results/..%5C..%5Cetc/manifest'],
    ['a NUL', `/api/results/${RUN_ID}%00/manifest`],
    ['a hidden folder', '/api/results/.git/manifest'],
  ])('refuses %s with 400 and a JSON error', async (_what, url) => {
    const { status, body } = await raw(url);
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'Bad Request', message: expect.stringContaining('malformed result id') });
  });

  it('refuses an empty id and dot segments in the path with a JSON 4xx', async () => {
    for (const url of ['/api/results//etc/passwd/manifest', '/api/results/../../etc/manifest', `/api/results/${RUN_ID}/../${RUN_ID}/manifest`, '/../../package.json']) {
      const { status, body } = await raw(url);
      expect(status, url).toBeGreaterThanOrEqual(400);
      expect(status, url).toBeLessThan(500);
      expect(body).toHaveProperty('error');
    }
  });

  it('refuses a symlink to a folder outside the results folder, and a file symlinked out of its folder', async () => {
    const link = await get('/api/results/link-out/manifest');
    expect(link.status).toBe(403);
    const leak = await get('/api/results/leaky/series?metric=fighters');
    expect(leak.status).toBe(403);
    expect(JSON.stringify(leak.body)).not.toContain('42');
  });
});

describe('GET /api/results/:id/summary', () => {
  it('returns a run summary.csv as columns and rows, one per seed', async () => {
    const { status, body } = await get(`/api/results/${RUN_ID}/summary`);
    expect(status).toBe(200);
    expect((body.columns as string[]).slice(0, 3)).toEqual(['seed', 'ticks', 'fighters_final']);
    expect(body.rows).toHaveLength(2);
    expect(body.total).toBe(2);
    expect((body.rows as unknown[][])[0]![0]).toBe(1);
  });

  it("keeps one metric's columns with ?metric=", async () => {
    const { body } = await get(`/api/results/${RUN_ID}/summary?metric=attacks`);
    expect(body.columns).toEqual(['seed', 'ticks', 'attacks_final', 'attacks_max', 'attacks_mean']);
  });

  it('filters a comparison summary by metric and option (name or index), with paging', async () => {
    const byName = await get(`/api/results/${COMPARE_ID}/summary?metric=fighters&option=small-option`);
    expect(byName.status).toBe(200);
    expect(byName.body.columns).toEqual(['key', 'scenario', 'option', 'point', 'replication', 'seed', 'metric', 'final', 'max', 'mean', 'after']);
    expect(byName.body.total).toBe(9);
    const rows = byName.body.rows as unknown[][];
    expect(rows.every((r) => r[1] === 'small-option' && r[6] === 'fighters')).toBe(true);
    const byIndex = await get(`/api/results/${COMPARE_ID}/summary?metric=fighters&option=1&offset=2&limit=3`);
    expect(byIndex.body).toMatchObject({ total: 9, offset: 2, limit: 3 });
    expect(byIndex.body.rows).toEqual(rows.slice(2, 5));
  });

  it.each([
    ['an unknown metric', `/api/results/${COMPARE_ID}/summary?metric=happiness`, 'unknown metric'],
    ['an unknown option', `/api/results/${COMPARE_ID}/summary?option=nope`, 'unknown option'],
    ['an option index out of range', `/api/results/${COMPARE_ID}/summary?option=7`, 'out of range'],
    ['an unknown metric of a run', `/api/results/${RUN_ID}/summary?metric=happiness`, 'unknown metric'],
    ['an option for a run', `/api/results/${RUN_ID}/summary?option=1`, 'option applies'],
    ['a limit over the cap', `/api/results/${RUN_ID}/summary?limit=100000`, 'limit'],
    ['a negative offset', `/api/results/${RUN_ID}/summary?offset=-1`, 'offset'],
  ])('refuses %s with 400', async (_what, url, message) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.message).toContain(message);
  });

  it('answers 404 for a batch that is still running, and says so', async () => {
    const { status, body } = await get('/api/results/running/summary');
    expect(status).toBe(404);
    expect(body.message).toBe('running has no summary.parquet (the batch is still running or was interrupted)');
    const listed = ((await get('/api/results')).body.results as Record<string, unknown>[]).find((r) => r.id === 'running');
    expect(listed).toMatchObject({ kind: 'batch', status: 'running', seeds: 2, runs: null });
  });

  it('answers an unreadable Parquet file with a 500 that names the file, never a stack or a path', async () => {
    const { status, body } = await get('/api/results/broken/summary');
    expect(status).toBe(500);
    expect(body).toEqual({ error: 'Internal Server Error', message: 'broken/summary.parquet is not a readable Parquet file' });
  });
});

describe('GET /api/results/:id/series', () => {
  it('returns ticks, their dates (start + 7 days per tick) and one value array per seed, every Nth tick and the last', async () => {
    const { status, body } = await get(`/api/results/${RUN_ID}/series?metric=fighters&every=7`);
    expect(status).toBe(200);
    expect(body.start).toBe('2012-01-02');
    expect(body.ticks).toEqual([0, 7, 14, 21, 28, 30]);
    expect(body.dates).toEqual(['2012-01-02', '2012-02-20', '2012-04-09', '2012-05-28', '2012-07-16', '2012-07-30']);
    const series = body.series as { label: string; seed: number; values: number[] }[];
    expect(series.map((s) => s.seed)).toEqual([1, 2]);
    expect(series[0]!.values[0]).toBe(450);
    const csv = readFileSync(join(dir, RUN_ID, 'series.csv'), 'utf8').split('\n');
    const header = csv[0]!.split(',');
    const final = csv.find((line) => line.startsWith('2,30,'))!.split(',');
    expect(series[1]!.values[5]).toBe(Number(final[header.indexOf('fighters')]));
  });

  it('selects one seed', async () => {
    const { body } = await get(`/api/results/${RUN_ID}/series?metric=fighters&seed=2&every=10`);
    expect((body.series as { seed: number }[]).map((s) => s.seed)).toEqual([2]);
  });

  it('returns a comparison run by key, or an option’s runs', async () => {
    const all = await get(`/api/results/${COMPARE_ID}/series?metric=destabilisation&option=small-option&every=30`);
    expect(all.status).toBe(200);
    const series = all.body.series as { key: string; option: string; point: number; values: number[] }[];
    expect(series).toHaveLength(9);
    expect(series.every((s) => s.option === 'small-option')).toBe(true);
    const one = await get(`/api/results/${COMPARE_ID}/series?metric=destabilisation&key=${series[4]!.key}`);
    const only = (one.body.series as { key: string; values: number[] }[])[0]!;
    expect(only.key).toBe(series[4]!.key);
    expect(only.values.filter((_, k) => (one.body.ticks as number[])[k]! % 30 === 0)).toEqual(series[4]!.values);
  });

  it('refuses a response over the value limit and names the every that fits', async () => {
    // The test app allows 40 values: 2 seeds × 31 ticks is 62.
    const { status, body } = await get(`/api/results/${RUN_ID}/series?metric=fighters`);
    expect(status).toBe(400);
    expect(body.message).toContain('every=2');
    expect((await get(`/api/results/${RUN_ID}/series?metric=fighters&every=2`)).status).toBe(200);
  });

  it.each([
    ['an unknown metric', `/api/results/${RUN_ID}/series?metric=happiness`, 400],
    ['no metric', `/api/results/${RUN_ID}/series`, 400],
    ['a negative seed', `/api/results/${RUN_ID}/series?metric=fighters&seed=-1`, 400],
    ['a seed that is not a number', `/api/results/${RUN_ID}/series?metric=fighters&seed=one`, 400],
    ['every=0', `/api/results/${RUN_ID}/series?metric=fighters&every=0`, 400],
    ['a malformed key', `/api/results/${COMPARE_ID}/series?metric=fighters&key=../x`, 400],
    ['an identity column as metric', `/api/results/${COMPARE_ID}/series?metric=seed&every=10`, 400],
    ['a seed the run does not have', `/api/results/${RUN_ID}/series?metric=fighters&seed=9`, 404],
  ])('answers %s with %i', async (_what, url, expected) => {
    const { status, body } = await get(url);
    expect(status).toBe(expected);
    expect(Object.keys(body).sort()).toEqual(['error', 'message']);
  });
});

describe('GET /api/results/:id/tables/:name', () => {
  it.each(['relations', 'displacement', 'groups', 'frameworks', 'destinations'])("returns a run's %s.csv", async (name) => {
    const { status, body } = await get(`/api/results/${RUN_ID}/tables/${name}`);
    expect(status).toBe(200);
    expect(body.columns).toEqual(readFileSync(join(dir, RUN_ID, `${name}.csv`), 'utf8').split('\n')[0]!.split(','));
    expect((body.rows as unknown[]).length).toBe(body.total);
  });

  it("returns a comparison's Parquet tables with the runs' identity columns", async () => {
    const { status, body } = await get(`/api/results/${COMPARE_ID}/tables/indices`);
    expect(status).toBe(200);
    expect(body.columns).toEqual(['key', 'scenario', 'option', 'point', 'replication', 'seed', 'balloon_index', 'members_change', 'neighbours_change']);
    expect(body.total).toBe(18);
  });

  it('answers 404 for a table the folder lacks and 400 for a name that is not a table', async () => {
    expect((await get(`/api/results/${RUN_ID}/tables/indices`)).status).toBe(404);
    expect((await get(`/api/results/${RUN_ID}/tables/manifest`)).status).toBe(400);
    expect((await get(`/api/results/${RUN_ID}/tables/..%2fmanifest.json`)).status).toBe(400);
  });
});

describe('GET /api/results/:id/compare', () => {
  it('returns compare.json', async () => {
    const { status, body } = await get(`/api/results/${COMPARE_ID}/compare`);
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(readFileSync(join(dir, COMPARE_ID, 'compare.json'), 'utf8')));
  });

  it('answers 404 for a run', async () => {
    expect((await get(`/api/results/${RUN_ID}/compare`)).status).toBe(404);
  });
});

describe('GET /api/results/:id/geography and /frames', () => {
  it('describes the map: grid, country of each cell (base64), borders, places', async () => {
    const { status, body } = await get(`/api/results/${RUN_ID}/geography`);
    expect(status).toBe(200);
    const map = body.map as { grid: { width: number; height: number }; region: string; regions: string[]; borders: unknown[]; places: { name: string }[] };
    expect(body.seeds).toEqual([1, 2]);
    expect(body.frames).toBe(31);
    expect(Buffer.from(map.region, 'base64').length).toBe(map.grid.width * map.grid.height);
    expect(map.regions).toContain('MLI');
    expect(map.borders.length).toBeGreaterThan(10);
    expect(map.places.map((p) => p.name)).toContain('Kidal');
  });

  it('returns every tick of a seed: layers of one byte per cell, bands as float triples, dates', async () => {
    const { status, body } = await get(`/api/results/${RUN_ID}/frames?seed=2`);
    expect(status).toBe(200);
    const cells = body.cells as number;
    const layers = body.layers as Record<string, string>;
    expect(Object.keys(layers).sort()).toEqual(['control', 'presence', 'strength']);
    for (const layer of Object.values(layers)) expect(Buffer.from(layer, 'base64').length).toBe(31 * cells);
    const offsets = new Uint32Array(new Uint8Array(Buffer.from(body.pointOffsets as string, 'base64')).buffer);
    expect(offsets.length).toBe(32);
    expect(Buffer.from(body.points as string, 'base64').length).toBe(4 * offsets[31]!);
    expect((body.dates as string[])[13]).toBe('2012-04-02');
  });

  it('sends the frames gzipped to a client that accepts gzip', async () => {
    const zipped = await app.inject({ url: `/api/results/${RUN_ID}/frames?seed=2`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toContain('application/json');
    const plain = await app.inject(`/api/results/${RUN_ID}/frames?seed=2`);
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
  });

  it.each([
    ['a seed not in the run', `/api/results/${RUN_ID}/frames?seed=5`, 404],
    ['a negative seed', `/api/results/${RUN_ID}/frames?seed=-2`, 400],
    ['a comparison', `/api/results/${COMPARE_ID}/frames`, 404],
  ])('answers %s with %i', async (_what, url, expected) => {
    expect((await get(url)).status).toBe(expected);
  });
});

describe('the app', () => {
  it('sends security headers, a strict content security policy among them', async () => {
    const { headers } = await get('/api/results');
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers unknown routes and methods with a JSON 404, and refuses large bodies', async () => {
    const missing = await get('/api/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: 'Not Found', message: 'no such page or route: GET /api/nothing' });
    const post = await app.inject({ method: 'POST', url: '/api/results', payload: 'x'.repeat(100_000), headers: { 'content-type': 'text/plain' } });
    expect([404, 413]).toContain(post.statusCode);
    expect(post.json()).toHaveProperty('error');
  });

  it('serves the pages and uPlot from node_modules, but no other file', async () => {
    const home = await app.inject('/');
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    const uplot = await app.inject('/vendor/uplot/uPlot.esm.js');
    expect(uplot.statusCode).toBe(200);
    expect(uplot.headers['content-type']).toContain('javascript');
    expect((await app.inject('/vendor/uplot/package.json')).statusCode).toBe(404);
    expect((await app.inject('/vendor/uplot/..%2f..%2fpackage.json')).statusCode).toBe(404);
    expect((await app.inject('/..%2f..%2fpackage.json')).statusCode).toBeGreaterThanOrEqual(400);
    const results = await app.inject(`/${RUN_ID}/manifest.json`);
    expect(results.statusCode).toBe(404);
  });
});
