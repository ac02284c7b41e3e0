/**
 * The row every benchmark returns and the table `npm run bench` prints. A row names its case and
 * gives the median time per tick over several timed runs after warm-up; benches with agents add
 * ns per agent-step (agent-steps = agents × ticks), and a reference figure to compare with when
 * one is published.
 */
export interface BenchRow {
  case: string;
  /** Ticks per timed run. */
  ticks: number;
  /** Timed runs (after warm-up) the medians are taken over. */
  runs: number;
  /** Agents in the world, when the bench has agents. */
  agents?: number;
  /** Median wall time per tick, ms. */
  msPerTick: number;
  /** Fastest run's time per tick, ms. */
  minMsPerTick: number;
  /** Median wall time per agent-step, ns. */
  nsPerAgentStep?: number;
  /** A published figure for the same work elsewhere, and how many times faster this is. */
  reference?: { name: string; figure: string; speedup: number };
}

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined ? '' : value.toFixed(digits);
}

/** The rows as an aligned text table, one line per row, with a header. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['case', 'ticks', 'runs', 'agents', 'ms/tick (median)', 'ms/tick (min)', 'ns/agent-step', 'reference', 'speed-up'];
  const numeric = [false, true, true, true, true, true, true, false, true];
  const body = rows.map((row) => [
    row.case,
    String(row.ticks),
    String(row.runs),
    row.agents === undefined ? '' : String(row.agents),
    fixed(row.msPerTick, 3),
    fixed(row.minMsPerTick, 3),
    fixed(row.nsPerAgentStep, 0),
    row.reference ? `${row.reference.name}: ${row.reference.figure}` : '',
    row.reference ? `×${row.reference.speedup.toFixed(0)}` : '',
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...body.map((cells) => (cells[k] as string).length)));
  const line = (cells: string[]) =>
    cells.map((cell, k) => (numeric[k] ? cell.padStart(widths[k] as number) : cell.padEnd(widths[k] as number))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function printTable(rows: readonly BenchRow[]): void {
  console.log(formatTable(rows));
}
