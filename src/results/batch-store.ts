/**
 * The result store of a batch (`batch`, `compare`, `sensitivity`): one folder, written only by the
 * coordinating process.
 *
 * While the batch runs, each finished run is appended to `journal.ndjson` (one JSON line per run,
 * series as base64 of little-endian float64), so a batch killed at any moment loses at most the
 * runs in flight: on a rerun the store reads the journal, ignores a torn last line, and the
 * caller skips every key it holds. A key seen twice (a duplicate completion) keeps its first
 * record. When every run is in, `finalize` writes the Parquet tables in the plan's order — never
 * in completion order — so the stored results do not depend on how many workers ran the batch or
 * in which order runs finished; then `manifest.json` last, marked complete.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, writeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from '../engine/index.ts';
import { SimError } from '../errors.ts';
import { codeVersion, type CodeVersion } from './code-version.ts';
import { parquetToCsv, writeParquetFiles, type ParquetColumn, type ParquetTable } from './parquet.ts';
import { summarise } from './tables.ts';

/** A run the batch must produce, in the order the stored tables list them. */
export interface PlannedRun {
  readonly key: string;
  /** The scenario's (option's) name. */
  readonly scenario: string;
  readonly option: number;
  readonly point: number;
  readonly replication: number;
  readonly seed: number;
  /** Uncertain parameters at the run's design point, by path. */
  readonly parameters: Readonly<Record<string, number>>;
  /** The decision tick, from which the summary's `after` mean is taken; undefined: none. */
  readonly decisionTick: number | undefined;
}

export interface StoredRun {
  readonly key: string;
  readonly status: 'done' | 'invalid' | 'failed';
  readonly attempts: number;
  readonly wallTimeMs: number;
  readonly error?: string;
  readonly metrics?: readonly string[];
  readonly rows?: number;
  /** Metric-major values, `series[m * rows + t]`. */
  readonly series?: Float64Array;
  readonly tables?: Readonly<Record<string, Table>>;
}

export interface BatchManifest {
  readonly kind: 'batch' | 'compare' | 'sensitivity';
  readonly tool: 'sahel-sahara';
  readonly status: 'running' | 'complete';
  /** What determines the results: resuming requires the same design. */
  readonly design: unknown;
  readonly designHash: string;
  readonly code: CodeVersion;
  readonly createdAt: string;
  readonly command: readonly string[];
  readonly runs?: { readonly planned: number; readonly done: number; readonly invalid: number; readonly failed: number };
  readonly files?: readonly string[];
  readonly wallTimeMs?: number;
  /** Anything the command adds (a comparison's report file, a sensitivity's method). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

const JOURNAL = 'journal.ndjson';
const MANIFEST = 'manifest.json';
/** Synced to disk at most this often while runs arrive (a kill loses nothing written; a power cut up to this). */
const SYNC_MS = 1000;

/** Writes a file through a synced temporary sibling renamed into place: never half-written. */
export function writeFileAtomically(path: string, content: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** A report as JSON, written atomically; NaN and infinities (undefined statistics) become null. */
export function writeJsonAtomically(path: string, value: unknown): void {
  writeFileAtomically(path, JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
}

function readManifest(dir: string): BatchManifest | undefined {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BatchManifest;
  } catch {
    throw new SimError('SIM_ERR_RESULTS_READ', `${path} is not valid JSON`, [{ file: path, message: 'not valid JSON' }]);
  }
}

function encodeSeries(series: Float64Array): string {
  return Buffer.from(series.buffer, series.byteOffset, series.byteLength).toString('base64');
}

function decodeSeries(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  // Copy into an aligned buffer: a Buffer's offset in its pool need not be a multiple of 8.
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

interface JournalLine extends Omit<StoredRun, 'series'> {
  readonly series?: string;
}

export class BatchStore {
  readonly dir: string;
  private readonly keys = new Set<string>();
  private fd: number;
  private lastSync = 0;
  private manifest: BatchManifest;

  private constructor(dir: string, manifest: BatchManifest, fd: number, keys: Iterable<string>) {
    this.dir = dir;
    this.manifest = manifest;
    this.fd = fd;
    for (const key of keys) this.keys.add(key);
  }

  /**
   * Opens the store in `dir`, creating it, or resuming it when it holds the same design. Refuses
   * a folder that is not a batch folder, and a batch folder of another design.
   */
  static open(dir: string, manifest: Omit<BatchManifest, 'tool' | 'status' | 'code'>): BatchStore {
    const existing = readManifest(dir);
    if (existing) {
      if (existing.designHash !== manifest.designHash || existing.kind !== manifest.kind) {
        throw new SimError(
          'SIM_ERR_BATCH_MISMATCH',
          `${dir} holds another ${existing.kind} (design ${existing.designHash.slice(0, 10)}, this one ${manifest.designHash.slice(0, 10)}); give another --out, or rerun the command that made it to resume`,
          [{ file: join(dir, MANIFEST), path: '/designHash', message: 'a different design' }],
        );
      }
    } else if (existsSync(dir) && readdirSync(dir).length > 0) {
      throw new SimError('SIM_ERR_OUTPUT_EXISTS', `${dir} exists and is not a result folder (it has no ${MANIFEST}); choose another --out`, [
        { file: dir, message: `exists and is not a result folder (no ${MANIFEST})` },
      ]);
    }
    mkdirSync(dir, { recursive: true });
    const full: BatchManifest = existing
      ? { ...existing, status: 'running', command: manifest.command }
      : { ...manifest, tool: 'sahel-sahara', status: 'running', code: codeVersion() };
    writeFileAtomically(join(dir, MANIFEST), JSON.stringify(full, null, 2) + '\n');
    const journal = join(dir, JOURNAL);
    const keys = existsSync(journal) ? repairJournal(journal) : [];
    const fd = openSync(journal, 'a');
    return new BatchStore(dir, full, fd, keys);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  get stored(): number {
    return this.keys.size;
  }

  /**
   * Appends a finished run. A duplicate of a stored key is ignored; a failed run is written but not
   * counted as stored, so a rerun tries it again (and its later record supersedes the failure).
   */
  record(run: StoredRun): void {
    if (this.keys.has(run.key)) return;
    const { series, ...rest } = run;
    const line: JournalLine = series ? { ...rest, series: encodeSeries(series) } : rest;
    writeSync(this.fd, JSON.stringify(line) + '\n');
    if (run.status !== 'failed') this.keys.add(run.key);
    const now = Date.now();
    if (now - this.lastSync >= SYNC_MS) {
      fsyncSync(this.fd);
      this.lastSync = now;
    }
  }

  close(): void {
    if (this.fd < 0) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = -1;
  }

  /** Every run in the journal by key: the first success, else the last failure (reads the journal). */
  readRuns(): Map<string, StoredRun> {
    const runs = new Map<string, StoredRun>();
    for (const line of readJournal(join(this.dir, JOURNAL)).lines) {
      const previous = runs.get(line.key);
      if (previous && !(previous.status === 'failed' && line.status !== 'failed')) continue;
      const { series, ...rest } = line;
      runs.set(line.key, series === undefined ? rest : { ...rest, series: decodeSeries(series) });
    }
    return runs;
  }

  /**
   * Writes the Parquet tables (and CSV copies with `csv`) for `plan`, then the manifest, complete.
   * Runs of the plan not in the journal are listed as `missing` in runs.parquet.
   */
  async finalize(plan: readonly PlannedRun[], options: { csv?: boolean; wallTimeMs: number; extra?: Record<string, unknown>; files?: readonly string[] }): Promise<BatchManifest> {
    this.close();
    const runs = this.readRuns();
    const tables = batchTables(plan, runs);
    await writeParquetFiles(this.dir, tables);
    const files = [...Object.keys(tables).map((name) => `${name}.parquet`), ...(options.files ?? [])];
    if (options.csv) {
      for (const name of Object.keys(tables)) await parquetToCsv(join(this.dir, `${name}.parquet`), join(this.dir, `${name}.csv`));
      files.push(...Object.keys(tables).map((name) => `${name}.csv`));
    }
    const count = (status: StoredRun['status']) => plan.filter((p) => runs.get(p.key)?.status === status).length;
    this.manifest = {
      ...this.manifest,
      status: 'complete',
      runs: { planned: plan.length, done: count('done'), invalid: count('invalid'), failed: count('failed') },
      files: files.sort(),
      wallTimeMs: Math.round(options.wallTimeMs),
      ...(options.extra ? { extra: options.extra } : {}),
    };
    writeFileAtomically(join(this.dir, MANIFEST), JSON.stringify(this.manifest, null, 2) + '\n');
    return this.manifest;
  }
}

function readJournal(path: string): { lines: JournalLine[]; goodBytes: number } {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const lines: JournalLine[] = [];
  let goodBytes = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) break; // a torn last line (killed mid-write) has no newline: ignored
    try {
      lines.push(JSON.parse(text.slice(start, end)) as JournalLine);
    } catch {
      break; // a corrupt line: keep what precedes it
    }
    // Line by line: the byte length of the whole prefix each time made reading quadratic.
    goodBytes += Buffer.byteLength(text.slice(start, end + 1));
    start = end + 1;
  }
  return { lines, goodBytes };
}

/** Cuts a torn or corrupt tail off the journal, so appends start on a fresh line; returns the keys. */
function repairJournal(path: string): string[] {
  const { lines, goodBytes } = readJournal(path);
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, goodBytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return lines.filter((l) => l.status !== 'failed').map((l) => l.key);
}

const ID_COLUMNS: ParquetColumn[] = [
  { name: 'key', type: 'VARCHAR' },
  { name: 'scenario', type: 'VARCHAR' },
  { name: 'option', type: 'INTEGER' },
  { name: 'point', type: 'INTEGER' },
  { name: 'replication', type: 'INTEGER' },
  { name: 'seed', type: 'BIGINT' },
];

function ids(p: PlannedRun): (string | number)[] {
  return [p.key, p.scenario, p.option, p.point, p.replication, p.seed];
}

/** The batch's tables, rows in plan order. */
export function batchTables(plan: readonly PlannedRun[], runs: ReadonlyMap<string, StoredRun>): Record<string, ParquetTable> {
  const parameterNames = [...new Set(plan.flatMap((p) => Object.keys(p.parameters)))].sort();
  const done = plan.flatMap((p) => {
    const run = runs.get(p.key);
    return run?.status === 'done' && run.series && run.metrics && run.rows !== undefined ? [{ plan: p, run, rows: run.rows, metrics: run.metrics, series: run.series }] : [];
  });
  const metrics = done[0]?.metrics ?? [];
  const tables: Record<string, ParquetTable> = {
    runs: {
      columns: [
        ...ID_COLUMNS,
        ...parameterNames.map((name): ParquetColumn => ({ name: `param:${name}`, type: 'DOUBLE' })),
        { name: 'status', type: 'VARCHAR' },
        { name: 'attempts', type: 'INTEGER' },
        { name: 'wall_time_ms', type: 'DOUBLE' },
        { name: 'error', type: 'VARCHAR' },
      ],
      rows: plan.map((p) => {
        const run = runs.get(p.key);
        return [...ids(p), ...parameterNames.map((n) => p.parameters[n] ?? null), run?.status ?? 'missing', run?.attempts ?? 0, run ? Math.round(run.wallTimeMs * 1000) / 1000 : null, run?.error ?? null];
      }),
    },
    summary: {
      columns: [...ID_COLUMNS, { name: 'metric', type: 'VARCHAR' }, ...['final', 'max', 'mean', 'after'].map((name): ParquetColumn => ({ name, type: 'DOUBLE' }))],
      rows: (function* () {
        for (const { plan: p, rows, metrics: ms, series } of done) {
          for (let m = 0; m < ms.length; m++) {
            const values = series.subarray(m * rows, (m + 1) * rows);
            const s = summarise(values);
            const from = p.decisionTick;
            const after = from === undefined || from >= rows ? Number.NaN : summarise(values.subarray(from)).mean;
            yield [...ids(p), ms[m] as string, s.final, s.max, s.mean, after];
          }
        }
      })(),
    },
    series: {
      columns: [...ID_COLUMNS, { name: 'tick', type: 'INTEGER' }, ...metrics.map((name): ParquetColumn => ({ name, type: 'DOUBLE' }))],
      rows: (function* () {
        for (const { plan: p, rows, metrics: ms, series } of done) {
          for (let t = 0; t < rows; t++) {
            const row: (string | number)[] = [...ids(p), t];
            for (let m = 0; m < ms.length; m++) row.push(series[m * rows + t] as number);
            yield row;
          }
        }
      })(),
    },
  };
  const tableNames = [...new Set(done.flatMap((d) => Object.keys(d.run.tables ?? {})))].sort();
  for (const name of tableNames) {
    const first = done.find((d) => d.run.tables?.[name])?.run.tables?.[name] as Table;
    const numeric = first.columns.map((_c, k) => done.every((d) => (d.run.tables?.[name]?.rows ?? []).every((row) => typeof row[k] === 'number')));
    tables[name] = {
      columns: [...ID_COLUMNS, ...first.columns.map((c, k): ParquetColumn => ({ name: c, type: numeric[k] ? 'DOUBLE' : 'VARCHAR' }))],
      rows: done.flatMap((d) => (d.run.tables?.[name]?.rows ?? []).map((row) => [...ids(d.plan), ...row.map((v, k) => (numeric[k] ? v : String(v)))])),
    };
  }
  return tables;
}
