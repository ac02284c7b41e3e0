/** CSV text with one deterministic number format, so the same run gives the same bytes. */

/** Integers as they are; other numbers to 12 significant digits, which hides float noise. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Inf' : '-Inf';
  return String(Number(value.toPrecision(12)));
}

function quote(cell: string): string {
  return /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(cells: readonly (string | number)[]): string {
  return cells.map((c) => (typeof c === 'number' ? formatNumber(c) : quote(c))).join(',') + '\n';
}
