/**
 * Parquet tables written and read through DuckDB (`@duckdb/node-api`), as issue 4 asks: Parquet is
 * what analysts load into pandas, R, Polars or DuckDB itself, column-compressed and typed, and
 * DuckDB's writer is a maintained one we need not reimplement.
 *
 * Writing is deterministic — one DuckDB thread, rows appended in the caller's order, no timestamp,
 * path or random id in the file (the footer's `created_by` names only the DuckDB version) — so the
 * same rows give the same bytes with the same DuckDB; and atomic — the file is written beside its
 * final name, synced, then renamed, so a crash never leaves a half-written table under that name.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { SimError } from '../errors.ts';
import { csvLine } from './csv.ts';

export type ParquetType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN';
export type ParquetCell = string | number | boolean | null;

export interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetType;
}

export interface ParquetTable {
  readonly columns: readonly ParquetColumn[];
  readonly rows: Iterable<readonly ParquetCell[]>;
}

const TYPES: ReadonlySet<string> = new Set<ParquetType>(['VARCHAR', 'INTEGER', 'BIGINT', 'DOUBLE', 'BOOLEAN']);
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** A SQL string literal: paths may hold quotes and spaces; values never go through SQL (the appender takes them). */
const quoteString = (text: string) => `'${text.replace(/'/g, "''")}'`;

// A counter, not the clock, keeps two writes to one path in this process from sharing a temporary.
let temporaries = 0;
const temporaryBeside = (path: string) => join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${temporaries++}`);

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The rename is durable only once the folder is synced; some platforms cannot sync a folder, which costs durability, not correctness. */
function syncFolder(dir: string): void {
  try {
    syncFile(dir);
  } catch {
    // EISDIR/EPERM on Windows: nothing more we can do.
  }
}

async function withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  // One thread: with several, DuckDB may write row groups in the order threads finish.
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function append(appender: DuckDBAppender, type: ParquetType, value: ParquetCell, where: string): void {
  if (value === null) return appender.appendNull();
  switch (type) {
    case 'VARCHAR':
      if (typeof value !== 'string') break;
      return appender.appendVarchar(value);
    case 'DOUBLE':
      // Stored as IEEE 754 bits: NaN, ±Infinity, -0 and subnormals come back exactly.
      if (typeof value !== 'number') break;
      return appender.appendDouble(value);
    case 'INTEGER':
      // Checked here so the error names the row and column (DuckDB would only say "out of int32 range").
      if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) break;
      return appender.appendInteger(value);
    case 'BIGINT':
      // Safe integers only, so what we write is what readParquet can give back as a number.
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) break;
      return appender.appendBigInt(BigInt(value));
    case 'BOOLEAN':
      if (typeof value !== 'boolean') break;
      return appender.appendBoolean(value);
  }
  throw new TypeError(`${where}: expected ${type}, got ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`);
}

async function writeOne(connection: DuckDBConnection, path: string, table: ParquetTable): Promise<void> {
  const file = basename(path);
  if (table.columns.length === 0) throw new TypeError(`${file}: a Parquet table needs at least one column`);
  for (const column of table.columns) if (!TYPES.has(column.type)) throw new TypeError(`${file}: column ${column.name} has unknown type ${String(column.type)}`);
  const name = 'parquet_out';
  await connection.run(`DROP TABLE IF EXISTS ${name}`);
  await connection.run(`CREATE TABLE ${name} (${table.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ')})`);
  const appender = await connection.createAppender(name);
  let r = 0;
  try {
    for (const row of table.rows) {
      if (row.length !== table.columns.length) throw new TypeError(`${file} row ${r}: ${row.length} cells for ${table.columns.length} columns`);
      for (let c = 0; c < row.length; c++) {
        const column = table.columns[c] as ParquetColumn;
        append(appender, column.type, row[c] as ParquetCell, `${file} row ${r}, column ${column.name}`);
      }
      appender.endRow();
      r++;
    }
    appender.flushSync();
  } finally {
    // Closing drops a half-appended row without complaint, so the caller sees the first error.
    appender.closeSync();
  }
  const temporary = temporaryBeside(path);
  try {
    // ZSTD: smaller than snappy and deterministic (same rows, same bytes; a test checks it).
    // A table scan with one thread keeps insertion order, so row groups follow the caller's order.
    await connection.run(`COPY ${name} TO ${quoteString(temporary)} (FORMAT parquet, COMPRESSION zstd)`);
    syncFile(temporary);
    renameSync(temporary, path);
    syncFolder(dirname(path));
  } finally {
    rmSync(temporary, { force: true });
  }
  await connection.run(`DROP TABLE ${name}`);
}

/** Writes `table` to `path` (replacing it), rows in the given order. */
export async function writeParquet(path: string, table: ParquetTable): Promise<void> {
  await withConnection((connection) => writeOne(connection, path, table));
}

/** Writes several tables as `<dir>/<name>.parquet` with one DuckDB instance (creating one is not free). */
export async function writeParquetFiles(dir: string, tables: Readonly<Record<string, ParquetTable>>): Promise<void> {
  await withConnection(async (connection) => {
    for (const [name, table] of Object.entries(tables)) await writeOne(connection, join(dir, `${name}.parquet`), table);
  });
}

function fromDuckDb(value: unknown, where: string): ParquetCell {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`${where}: ${value} is not a safe integer`);
    return Number(value);
  }
  throw new TypeError(`${where}: unexpected value ${String(value)}`);
}

function unreadable(path: string, why: string): SimError {
  return new SimError('SIM_ERR_RESULTS_READ', `${path} ${why}`, [{ file: path, message: why }]);
}

/** Reads a table written by writeParquet: BIGINT as a number (throws if not safe), DOUBLE as number, VARCHAR as string. */
export async function readParquet(path: string): Promise<{ columns: ParquetColumn[]; rows: ParquetCell[][] }> {
  if (!existsSync(path)) throw unreadable(path, 'does not exist');
  return withConnection(async (connection) => {
    let reader;
    try {
      reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${quoteString(path)})`);
    } catch (error) {
      throw unreadable(path, `is not a readable Parquet file: ${error instanceof Error ? error.message : String(error)}`);
    }
    const names = reader.columnNames();
    const columns = reader.columnTypes().map((type, k): ParquetColumn => {
      const name = names[k] as string;
      // Only our five types: anything else was not written by writeParquet, and a cast would lie.
      if (!TYPES.has(type.toString())) throw unreadable(path, `has column ${name} of type ${type.toString()}, not one of ${[...TYPES].join(', ')}`);
      return { name, type: type.toString() as ParquetType };
    });
    const file = basename(path);
    const rows = reader.getRows().map((row, r) => row.map((v, c) => fromDuckDb(v, `${file} row ${r}, column ${names[c]}`)));
    return { columns, rows };
  });
}

/** Writes a Parquet table as CSV with the project's number format (csvLine), atomically; null is an empty cell. */
export async function parquetToCsv(parquetPath: string, csvPath: string): Promise<void> {
  const { columns, rows } = await readParquet(parquetPath);
  const temporary = temporaryBeside(csvPath);
  try {
    const fd = openSync(temporary, 'w');
    try {
      // Lines gathered into ~1 MB writes: one write per line costs a system call each.
      let chunk = csvLine(columns.map((c) => c.name));
      for (const row of rows) {
        chunk += csvLine(row.map((v) => (v === null ? '' : typeof v === 'boolean' ? String(v) : v)));
        if (chunk.length >= 1 << 20) {
          writeFileSync(fd, chunk); // with an fd, loops until all is written, unlike one writeSync
          chunk = '';
        }
      }
      writeFileSync(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, csvPath);
    syncFolder(dirname(csvPath));
  } finally {
    rmSync(temporary, { force: true });
  }
}
