/**
 * Reads the CSV tables of a run folder into `{ columns, rows }`. The files are ours (csvLine in
 * src/results): a header line, cells quoted only when they hold `"`, `,` or a newline, numbers in
 * one format with `NaN`, `Inf` and `-Inf` for the non-finite. JSON has no NaN or infinity, so
 * those become null: the client shows them as missing, which is what they mean here (an index
 * that is undefined, a mean over no ticks).
 */

export type Cell = string | number | boolean | null;

export interface Table {
  readonly columns: string[];
  readonly rows: Cell[][];
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function cellOf(text: string, quoted: boolean): Cell {
  if (quoted) return text;
  if (NUMBER.test(text)) return Number(text);
  if (text === 'NaN' || text === 'Inf' || text === '-Inf' || text === '') return null;
  return text;
}

/** Parses RFC 4180 CSV (as csvLine writes it) with a header line. */
export function parseCsv(text: string): Table {
  const records: Cell[][] = [];
  let record: Cell[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let cell: string;
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      let end = i + 1;
      cell = '';
      for (;;) {
        const close = text.indexOf('"', end);
        if (close < 0) throw new Error('unterminated quoted cell');
        cell += text.slice(end, close);
        if (text[close + 1] === '"') {
          cell += '"';
          end = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    } else {
      let end = i;
      while (end < n && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
      cell = text.slice(i, end);
      i = end;
    }
    record.push(cellOf(cell, quoted));
    if (text[i] === ',') {
      i++;
      if (i === n) record.push(null);
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n' || i >= n) {
      i++;
      records.push(record);
      record = [];
    }
  }
  const [header, ...rows] = records;
  return { columns: (header ?? []).map((c) => String(c)), rows };
}
