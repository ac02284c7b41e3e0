/**
 * Reading parts of a batch's Parquet tables: only the columns and rows a request asks for, with
 * a row limit, through one DuckDB instance kept for the app's life (creating one per request costs
 * more than most queries). `readParquet` in src/results reads a whole table; a comparison's
 * series table can hold millions of cells, and a chart wants one metric of it.
 *
 * Column names come from the file's own schema (a request naming anything else is refused before
 * any SQL is built) and are quoted as identifiers; filter values are bound parameters; the path
 * is one the caller resolved inside a result folder, quoted as a string literal. DuckDB keeps the
 * file's row order (insertion order is preserved by default), which is the plan order.
 *
 * Results of small queries are kept (LRU) until their file changes: a stored table never changes
 * once written, and a page asks for the same slices again and again. A query costs DuckDB a few
 * milliseconds; a cached one nothing (bench/server.ts: ~160 → several thousand requests/s).
 */
import { statSync } from 'node:fs';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import type { Cell } from './csv-table.ts';

export interface ParquetColumnInfo {
  readonly name: string;
  readonly type: string;
}

export type Filter = readonly [column: string, value: string | number];

export interface SelectRequest {
  readonly columns: readonly string[];
  readonly where?: readonly Filter[];
  /** Extra condition built by the caller from validated integers only (e.g. `tick % 5 = 0`). */
  readonly condition?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** Query results kept, and the largest kept (bigger ones are rare: a whole series table). */
const CACHED_QUERIES = 128;
const CACHED_ROWS = 20_000;

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** DuckDB values as JSON cells: BIGINT as a number, non-finite doubles as null (JSON has neither). */
function cellOf(value: DuckDBValue): Cell {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

export class ParquetQueries {
  private instance: Promise<DuckDBInstance> | undefined;
  private readonly schemas = new Map<string, { stamp: string; columns: ParquetColumnInfo[] }>();
  private readonly distincts = new Map<string, { stamp: string; values: Cell[] }>();
  private readonly results = new Map<string, DuckDBValue[][]>();

  private async connect() {
    this.instance ??= DuckDBInstance.create(':memory:', { threads: '2' });
    return (await this.instance).connect();
  }

  /** Rows of a query on the file at `path`, from the cache while the file is unchanged. */
  private async rowsOf(path: string, sql: string, values: DuckDBValue[] = []): Promise<DuckDBValue[][]> {
    const stat = statSync(path);
    const key = `${stat.mtimeMs}:${stat.size}:${stat.ino}\0${sql}\0${JSON.stringify(values, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`;
    const cached = this.results.get(key);
    if (cached) {
      this.results.delete(key);
      this.results.set(key, cached);
      return cached;
    }
    const { rows } = await this.query(sql, values);
    if (rows.length <= CACHED_ROWS) {
      this.results.set(key, rows);
      while (this.results.size > CACHED_QUERIES) {
        const oldest = this.results.keys().next().value;
        if (oldest === undefined) break;
        this.results.delete(oldest);
      }
    }
    return rows;
  }

  private async query(sql: string, values: DuckDBValue[] = []): Promise<{ names: string[]; types: string[]; rows: DuckDBValue[][] }> {
    const connection = await this.connect();
    try {
      const reader = await connection.runAndReadAll(sql, values);
      return { names: reader.columnNames(), types: reader.columnTypes().map((t) => t.toString()), rows: reader.getRows() };
    } finally {
      connection.closeSync();
    }
  }

  /** The file's columns, cached until the file changes. */
  async columns(path: string): Promise<ParquetColumnInfo[]> {
    const stat = statSync(path);
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    const cached = this.schemas.get(path);
    if (cached && cached.stamp === stamp) return cached.columns;
    const { names, types } = await this.query(`SELECT * FROM read_parquet(${quoteString(path)}) LIMIT 0`);
    const columns = names.map((name, k) => ({ name, type: types[k] ?? 'UNKNOWN' }));
    this.schemas.set(path, { stamp, columns });
    return columns;
  }

  private whereClause(request: Pick<SelectRequest, 'where' | 'condition'>): { sql: string; values: DuckDBValue[] } {
    const parts: string[] = [];
    const values: DuckDBValue[] = [];
    for (const [column, value] of request.where ?? []) {
      values.push(value);
      parts.push(`${quoteIdentifier(column)} = $${values.length}`);
    }
    if (request.condition) parts.push(`(${request.condition})`);
    return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', values };
  }

  async count(path: string, request: Pick<SelectRequest, 'where' | 'condition'> = {}): Promise<number> {
    const where = this.whereClause(request);
    const rows = await this.rowsOf(path, `SELECT count(*) FROM read_parquet(${quoteString(path)})${where.sql}`, where.values);
    return Number(rows[0]?.[0] ?? 0);
  }

  /** The largest value of a numeric column (e.g. the last tick); null for an empty table. */
  async max(path: string, column: string): Promise<number | null> {
    const rows = await this.rowsOf(path, `SELECT max(${quoteIdentifier(column)}) FROM read_parquet(${quoteString(path)})`);
    const value = cellOf(rows[0]?.[0] ?? null);
    return typeof value === 'number' ? value : null;
  }

  /** Selected columns of the matching rows, in file order. Columns must be the file's (checked by the caller). */
  async select(path: string, request: SelectRequest): Promise<Cell[][]> {
    const where = this.whereClause(request);
    let sql = `SELECT ${request.columns.map(quoteIdentifier).join(', ')} FROM read_parquet(${quoteString(path)})${where.sql}`;
    if (request.limit !== undefined) sql += ` LIMIT ${Math.trunc(request.limit)}`;
    if (request.offset) sql += ` OFFSET ${Math.trunc(request.offset)}`;
    const rows = await this.rowsOf(path, sql, where.values);
    return rows.map((row) => row.map(cellOf));
  }

  /** Distinct values of one column in order of first appearance (e.g. a summary's metrics), cached until the file changes. */
  async distinct(path: string, column: string): Promise<Cell[]> {
    const stat = statSync(path);
    const key = `${path}\0${column}`;
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    const cached = this.distincts.get(key);
    if (cached && cached.stamp === stamp) return cached.values;
    const { rows } = await this.query(
      `SELECT v FROM (SELECT ${quoteIdentifier(column)} AS v, min(file_row_number) AS first FROM read_parquet(${quoteString(path)}, file_row_number = true) GROUP BY v) ORDER BY first`,
    );
    const values = rows.map((row) => cellOf(row[0] ?? null));
    this.distincts.set(key, { stamp, values });
    return values;
  }

  async close(): Promise<void> {
    this.results.clear();
    const instance = this.instance;
    this.instance = undefined;
    if (instance) (await instance).closeSync();
  }
}
