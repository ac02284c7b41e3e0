import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { csvLine } from '../../src/results/csv.ts';
import { parquetToCsv, readParquet, writeParquet, writeParquetFiles, type ParquetTable } from '../../src/results/parquet.ts';

const root = mkdtempSync(join(tmpdir(), 'sahel-sahara-parquet-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A folder with a space and a single quote: paths go into DuckDB SQL as string literals.
let folders = 0;
function folder(): string {
  const dir = join(root, `it's folder ${folders++}`);
  mkdirSync(dir);
  return dir;
}

const table: ParquetTable = {
  columns: [
    { name: 'key', type: 'VARCHAR' },
    { name: 'n', type: 'INTEGER' },
    { name: 'seed', type: 'BIGINT' },
    { name: 'x', type: 'DOUBLE' },
    { name: 'ok', type: 'BOOLEAN' },
  ],
  rows: [
    ['a', 1, 4294967295, 0.1 + 0.2, true],
    ['é ✓ "quoted", text 日本語 🐪', -2, 0, Number.NaN, false],
    ['inf', 3, Number.MAX_SAFE_INTEGER, Number.POSITIVE_INFINITY, null],
    ['-inf', -2147483648, Number.MIN_SAFE_INTEGER, Number.NEGATIVE_INFINITY, true],
    ['tiny', 2147483647, 9, 1e-300, true],
    ['subnormal', 5, 10, Number.MIN_VALUE, false],
    ['max', 6, 11, Number.MAX_VALUE, false],
    ['-max', 7, 12, -Number.MAX_VALUE, false],
    ['minus zero', 8, 13, -0, true],
    ['', 9, 14, 1 / 3, true],
    [null, null, null, null, null],
  ],
};

describe('writeParquet()', () => {
  it('round-trips every type exactly (NaN, ±Infinity, -0, tiny and huge doubles, unicode, nulls)', async () => {
    const path = join(folder(), 'all.parquet');
    await writeParquet(path, table);
    const back = await readParquet(path);
    expect(back.columns).toEqual(table.columns);
    // toEqual treats NaN as equal to NaN and tells -0 from 0 (Object.is), which is what we want.
    expect(back.rows).toEqual(table.rows);
    expect(back.rows[0]![3]).toBe(0.30000000000000004);
    expect(Object.is(back.rows[8]![3], -0)).toBe(true);
  });

  it('keeps the rows in the given order', async () => {
    const path = join(folder(), 'order.parquet');
    // Not sorted by any column, so an order DuckDB chose itself would show.
    const rows = Array.from({ length: 5000 }, (_, i) => [`k${(i * 7919) % 5000}`, (i * 7919) % 5000, Math.sin(i)] as const);
    await writeParquet(path, {
      columns: [
        { name: 'key', type: 'VARCHAR' },
        { name: 'n', type: 'INTEGER' },
        { name: 'x', type: 'DOUBLE' },
      ],
      rows,
    });
    expect((await readParquet(path)).rows).toEqual(rows);
  });

  it('writes the same bytes for the same rows, at another time and in another folder (no timestamp, id or path in the file)', async () => {
    const one = join(folder(), 't.parquet');
    const two = join(folder(), 't.parquet');
    await writeParquet(one, table);
    // Past a second, so a timestamp of second resolution would differ too.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await writeParquet(two, table);
    expect(readFileSync(one).equals(readFileSync(two))).toBe(true);
  });

  it('replaces the file through a temporary and leaves no temporary behind', async () => {
    const dir = folder();
    const path = join(dir, 't.parquet');
    await writeParquet(path, table);
    await writeParquet(path, { columns: table.columns, rows: [['b', 2, 3, 4, false]] });
    expect((await readParquet(path)).rows).toEqual([['b', 2, 3, 4, false]]);
    expect(readdirSync(dir)).toEqual(['t.parquet']);
  });

  it('leaves the previous file unchanged and no temporary behind when a row is malformed', async () => {
    const dir = folder();
    const path = join(dir, 't.parquet');
    await writeParquet(path, table);
    const before = readFileSync(path);
    const bad = (row: readonly (string | number | boolean | null)[]) => writeParquet(path, { columns: table.columns, rows: [['ok', 1, 2, 3, true], row] });
    await expect(bad(['a', 1, 2, 3])).rejects.toThrow(/row 1: 4 cells for 5 columns/);
    await expect(bad(['a', 1.5, 2, 3, true])).rejects.toThrow(/row 1, column n: expected INTEGER/);
    await expect(bad(['a', 2 ** 31, 2, 3, true])).rejects.toThrow(/expected INTEGER/);
    await expect(bad(['a', 1, 2 ** 53, 3, true])).rejects.toThrow(/column seed: expected BIGINT/);
    await expect(bad(['a', 1, 2, '3', true])).rejects.toThrow(/column x: expected DOUBLE/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['t.parquet']);
  });
});

describe('writeParquetFiles()', () => {
  it('writes each table as <name>.parquet, the same bytes as writeParquet', async () => {
    const dir = folder();
    const other: ParquetTable = { columns: [{ name: 'v', type: 'DOUBLE' }], rows: [[1.5], [Number.NaN]] };
    await writeParquetFiles(dir, { runs: table, summary: other });
    expect(readdirSync(dir).sort()).toEqual(['runs.parquet', 'summary.parquet']);
    expect((await readParquet(join(dir, 'summary.parquet'))).rows).toEqual(other.rows);
    const single = join(folder(), 'runs.parquet');
    await writeParquet(single, table);
    expect(readFileSync(join(dir, 'runs.parquet')).equals(readFileSync(single))).toBe(true);
  });
});

describe('readParquet()', () => {
  it('reports a missing file as SIM_ERR_RESULTS_READ', async () => {
    await expect(readParquet(join(root, 'missing.parquet'))).rejects.toMatchObject({ code: 'SIM_ERR_RESULTS_READ' });
  });

  it('reports a file that is not Parquet as SIM_ERR_RESULTS_READ', async () => {
    const path = join(folder(), 'not.parquet');
    writeFileSync(path, 'key,n\na,1\n');
    await expect(readParquet(path)).rejects.toMatchObject({ code: 'SIM_ERR_RESULTS_READ' });
  });

  it('reports a truncated Parquet file as SIM_ERR_RESULTS_READ', async () => {
    const path = join(folder(), 'cut.parquet');
    await writeParquet(path, table);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 20));
    await expect(readParquet(path)).rejects.toMatchObject({ code: 'SIM_ERR_RESULTS_READ' });
  });

  it('refuses a column type writeParquet never writes, rather than mislabel it', async () => {
    const path = join(folder(), 'float.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 1.5::FLOAT AS f) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    await expect(readParquet(path)).rejects.toThrow(/column f of type FLOAT/);
  });
});

describe('parquetToCsv()', () => {
  it('writes what csvLine gives for the header and every row (null as an empty cell), with no temporary left', async () => {
    const dir = folder();
    const parquet = join(dir, 't.parquet');
    const csv = join(dir, 't.csv');
    await writeParquet(parquet, table);
    await parquetToCsv(parquet, csv);
    const expected =
      csvLine(table.columns.map((c) => c.name)) +
      [...table.rows].map((row) => csvLine(row.map((v) => (v === null ? '' : typeof v === 'boolean' ? String(v) : v)))).join('');
    expect(readFileSync(csv, 'utf8')).toBe(expected);
    // And what that looks like, so a change to csvLine is seen here too.
    expect(readFileSync(csv, 'utf8').split('\n').slice(0, 5)).toEqual([
      'key,n,seed,x,ok',
      'a,1,4294967295,0.3,true',
      '"é ✓ ""quoted"", text 日本語 🐪",-2,0,NaN,false',
      'inf,3,9007199254740991,Inf,',
      '-inf,-2147483648,-9007199254740991,-Inf,true',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['t.csv', 't.parquet']);
  });

  it('leaves no CSV when the Parquet file is missing', async () => {
    const dir = folder();
    await expect(parquetToCsv(join(dir, 'missing.parquet'), join(dir, 't.csv'))).rejects.toMatchObject({ code: 'SIM_ERR_RESULTS_READ' });
    expect(existsSync(join(dir, 't.csv'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
