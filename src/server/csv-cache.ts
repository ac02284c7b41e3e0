/**
 * Parsed CSV tables of run folders, kept while the file is unchanged: a run page asks for the
 * series of each metric in turn, and each would otherwise parse the whole series.csv again.
 * Bounded by entries, not bytes: run tables are small (a 2012 run of 10 seeds is ~1 MB of CSV).
 */
import { readFileSync, statSync } from 'node:fs';
import { parseCsv, type Table } from './csv-table.ts';
import { HttpError } from './http-error.ts';
import { MAX_TEXT_FILE_BYTES } from './result-folders.ts';

export class CsvCache {
  private readonly tables = new Map<string, { stamp: string; table: Table }>();

  constructor(private readonly entries = 16) {}

  /** The table at `path` (a checked path inside a result folder); `label` names it in errors. */
  read(path: string, label: string): Table {
    const stat = statSync(path);
    if (stat.size > MAX_TEXT_FILE_BYTES) throw new HttpError(413, `${label} is too large to serve`);
    const stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    const cached = this.tables.get(path);
    if (cached && cached.stamp === stamp) {
      this.tables.delete(path);
      this.tables.set(path, cached);
      return cached.table;
    }
    let table: Table;
    try {
      table = parseCsv(readFileSync(path, 'utf8'));
    } catch {
      throw new HttpError(500, `${label} is not a readable CSV file`);
    }
    this.tables.set(path, { stamp, table });
    while (this.tables.size > this.entries) {
      const oldest = this.tables.keys().next().value;
      if (oldest === undefined) break;
      this.tables.delete(oldest);
    }
    return table;
  }
}
