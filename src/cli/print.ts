/** Printing for people: errors located in their files, and aligned tables. */
import type { SimError } from '../errors.ts';

export function formatError(error: SimError): string {
  const lines = [`error: ${error.message}`];
  for (const issue of error.issues) {
    const where = issue.file ? `${issue.file}${issue.line ? `:${issue.line}${issue.column ? `:${issue.column}` : ''}` : ''}` : '';
    const parts = [where, issue.path ?? '', issue.message].filter((p) => p !== '');
    if (parts.length > 1 || !error.message.includes(issue.message)) lines.push(`  ${parts.join('  ')}`);
  }
  return lines.join('\n');
}

/** A table with a header row; numbers right-aligned, text left-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^[-+\d.,%[\] …]*$/.test(r[c] ?? '')));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (numeric[c] && c > 0 ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number))).join('  ').trimEnd();
  return [line(header), line(header.map((_, c) => '─'.repeat(widths[c] as number))), ...rows.map(line)].join('\n');
}

/** A number for a table: integers as they are, others to 3 significant digits. */
export function short(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : abs >= 1 ? value.toFixed(2) : value.toPrecision(3);
}
