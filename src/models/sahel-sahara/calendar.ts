/** Dates and ticks: one tick is one week from the scenario's `start` (MODEL.md §1). */

const DAY_MS = 86_400_000;

export function parseDate(text: string): number {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** The tick during which `date` falls (0 for the start week); negative before the start. */
export function tickOfDate(start: string, date: string): number {
  return Math.floor((parseDate(date) - parseDate(start)) / (7 * DAY_MS));
}

/** The first day of a tick, as YYYY-MM-DD. */
export function dateOfTick(start: string, tick: number): string {
  return new Date(parseDate(start) + tick * 7 * DAY_MS).toISOString().slice(0, 10);
}
