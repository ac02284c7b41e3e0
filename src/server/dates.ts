/**
 * Dates of ticks. In the regional model a tick is a week and tick 0 is the scenario's
 * `params.start`, so tick t falls on start + 7t days. Computed in UTC, so a server in any time
 * zone gives the same dates.
 */
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO dates of `ticks`, or [] when `start` is not a YYYY-MM-DD date. */
export function tickDates(start: string | undefined | null, ticks: readonly number[]): string[] {
  const match = start ? ISO_DATE.exec(start) : null;
  if (!match) return [];
  const origin = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (!Number.isFinite(origin)) return [];
  return ticks.map((t) => new Date(origin + 7 * t * DAY_MS).toISOString().slice(0, 10));
}
