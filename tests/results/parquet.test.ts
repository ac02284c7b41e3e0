import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parquetToCsv, readParquet, writeParquet, type ParquetTable } from '../../src/results/index.ts';
import { temporaryDir } from '../cli/helpers.ts';

const root = temporaryDir();
afterAll(() => rmSync(root, { recursive: true, force: true }));

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
    ['é ✓ "quoted", text', -2, 0, Number.NaN, false],
    ['inf', 3, 7, Number.POSITIVE_INFINITY, null],
    ['tiny', 4, 9, 1e-300, true],
    ['max', 5, 11, Number.MAX_VALUE, false],
    [null, null, null, null, null],
  ],
};

describe('writeParquet()', () => {
  it('round-trips every type exactly, NaN, infinities and nulls included, in row order', async () => {
    const path = join(root, 'all.parquet');
    await writeParquet(path, table);
    const back = await readParquet(path);
    expect(back.columns).toEqual(table.columns);
    expect(back.rows).toEqual(table.rows);
    expect(back.rows[0]![3]).toBe(0.30000000000000004);
  });

  it('writes the same bytes for the same rows', async () => {
    await writeParquet(join(root, 'one.parquet'), table);
    await writeParquet(join(root, 'two.parquet'), table);
    expect(readFileSync(join(root, 'one.parquet')).equals(readFileSync(join(root, 'two.parquet')))).toBe(true);
  });

  it('leaves the previous file and no temporary behind when a row is malformed', async () => {
    const dir = join(root, "it's a dir");
    mkdirSync(dir);
    const path = join(dir, 't.parquet');
    await writeParquet(path, table);
    const before = readFileSync(path);
    await expect(writeParquet(path, { columns: table.columns, rows: [['a', 1, 2, 3]] })).rejects.toThrow(/4 cells for 5 columns/);
    await expect(writeParquet(path, { columns: table.columns, rows: [['a', 1.5, 2, 3, true]] })).rejects.toThrow(/expected INTEGER/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['t.parquet']);
  });
});

describe('readParquet()', () => {
  it('reports a missing or unreadable file as a user error', async () => {
    await expect(readParquet(join(root, 'missing.parquet'))).rejects.toMatchObject({ code: 'SIM_ERR_RESULTS_READ' });
    const csv = join(root, 'x.csv');
    await writeParquet(join(root, 'for-csv.parquet'), table);
    await parquetToCsv(join(root, 'for-csv.parquet'), csv);
    await expect(readParquet(csv)).rejects.toMatchObject({ code: 'SIM_ERR_RESULTS_READ' });
  });
});

describe('parquetToCsv()', () => {
  it('writes the table with the project’s CSV number format', async () => {
    const csv = join(root, 'x.csv');
    expect(existsSync(csv)).toBe(true);
    expect(readFileSync(csv, 'utf8').split('\n')).toEqual([
      'key,n,seed,x,ok',
      'a,1,4294967295,0.3,true',
      '"é ✓ ""quoted"", text",-2,0,NaN,false',
      'inf,3,7,Inf,',
      'tiny,4,9,1e-300,true',
      'max,5,11,1.7976931348623157e+308,false',
      ',,,,',
      '',
    ]);
  });
});
