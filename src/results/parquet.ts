/**
 * Parquet tables written and read through DuckDB (`@duckdb/node-api`), as issue 4 asks: Parquet is
 * what analysts load into pandas, R, Polars or DuckDB itself, column-compressed and typed.
 *
 * Writing is deterministic — one DuckDB thread, rows appended in the caller's order, no timestamps
 * in the file — so the same rows give the same bytes; and atomic — the file is written beside its
 * final name, synced, then renamed, so a crash never leaves a half-written table.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteString = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
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
      if (typeof value !== 'number') break;
      return appender.appendDouble(value);
    case 'INTEGER':
      if (typeof value !== 'number' || !Number.isInteger(value)) break;
      return appender.appendInteger(value);
    case 'BIGINT':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) break;
      return appender.appendBigInt(BigInt(value));
    case 'BOOLEAN':
      if (typeof value !== 'boolean') break;
      return appender.appendBoolean(value);
  }
  throw new TypeError(`${where}: expected ${type}, got ${JSON.stringify(value)}`);
}

async function writeOne(connection: DuckDBConnection, path: string, table: ParquetTable): Promise<void> {
  const name = 'parquet_out';
  await connection.run(`DROP TABLE IF EXISTS ${name}`);
  await connection.run(`CREATE TABLE ${name} (${table.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ')})`);
  const appender = await connection.createAppender(name);
  let r = 0;
  try {
    for (const row of table.rows) {
      if (row.length !== table.columns.length) throw new TypeError(`${basename(path)} row ${r}: ${row.length} cells for ${table.columns.length} columns`);
      for (let c = 0; c < row.length; c++) {
        const column = table.columns[c] as ParquetColumn;
        append(appender, column.type, row[c] as ParquetCell, `${basename(path)} row ${r}, column ${column.name}`);
      }
      appender.endRow();
      r++;
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const temporary = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    // ZSTD is deterministic for the same input; row groups stay in insertion order (one thread).
    await connection.run(`COPY ${name} TO ${quoteString(temporary)} (FORMAT parquet, COMPRESSION zstd)`);
    const fd = openSync(temporary, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export async function writeParquet(path: string, table: ParquetTable): Promise<void> {
  await withConnection((connection) => writeOne(connection, path, table));
}

/** Writes several tables as `<dir>/<name>.parquet`, with one DuckDB instance. */
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
  return String(value);
}

export async function readParquet(path: string): Promise<{ columns: ParquetColumn[]; rows: ParquetCell[][] }> {
  if (!existsSync(path)) throw new SimError('SIM_ERR_RESULTS_READ', `${path} does not exist`, [{ file: path, message: 'no such file' }]);
  return withConnection(async (connection) => {
    let reader;
    try {
      reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${quoteString(path)})`);
    } catch (error) {
      throw new SimError('SIM_ERR_RESULTS_READ', `${path} is not a readable Parquet file: ${(error as Error).message}`, [{ file: path, message: 'not a readable Parquet file' }]);
    }
    const names = reader.columnNames();
    const types = reader.columnTypes().map((t) => String(t) as ParquetType);
    const columns = names.map((name, k) => ({ name, type: types[k] as ParquetType }));
    const rows = reader.getRows().map((row, r) => row.map((v, c) => fromDuckDb(v, `${basename(path)} row ${r}, column ${names[c]}`)));
    return { columns, rows };
  });
}

/** Writes a Parquet table as CSV with the project's number format, atomically. */
export async function parquetToCsv(parquetPath: string, csvPath: string): Promise<void> {
  const { columns, rows } = await readParquet(parquetPath);
  const temporary = join(dirname(csvPath), `.${basename(csvPath)}.tmp-${process.pid}`);
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, csvLine(columns.map((c) => c.name)));
    for (const row of rows) writeSync(fd, csvLine(row.map((v) => (v === null ? '' : typeof v === 'boolean' ? String(v) : v))));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, csvPath);
}
