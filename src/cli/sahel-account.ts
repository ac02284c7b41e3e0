/**
 * A readable account of a regional run across seeds (the main job, `npm start`): control of
 * northern Mali quarter by quarter, attacks by year, where fighters crossed to, and trust at the
 * end — each as a mean over seeds with its range, so the reader sees the spread, not one story.
 */
import type { SeedResult } from '../experiment/index.ts';
import { DISPLACEMENT_WEEKS, dateOfTick } from '../models/index.ts';
import { formatTable, short } from './print.ts';

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
  return values.length > 1 ? `${short(mean)} (${short(sorted[0] as number)}–${short(sorted[sorted.length - 1] as number)})` : short(mean);
}

export function sahelAccount(results: readonly SeedResult[], start: string): string {
  const ticks = (results[0]?.recorder.length ?? 1) - 1;
  const column = (r: SeedResult, m: string) => r.recorder.column(m);
  const lines: string[] = [];

  const quarters: string[][] = [];
  for (let t = 0; t <= ticks; t += 13) {
    quarters.push([
      dateOfTick(start, t),
      spread(results.map((r) => 100 * (column(r, 'north_mali_group_share')[t] as number))),
      spread(results.map((r) => 100 * (column(r, 'north_mali_group_cells')[t] as number))),
      spread(results.map((r) => column(r, 'fighters_mali')[t] as number)),
      spread(results.map((r) => column(r, 'fighters_southern_libya')[t] as number)),
      spread(results.map((r) => column(r, 'fighters_northern_niger')[t] as number)),
    ]);
  }
  lines.push('Northern Mali (north of 15°N) and its neighbours, mean over seeds (min–max):');
  lines.push(formatTable(['week of', 'pop. held %', 'cells held %', 'fighters Mali', 'S. Libya', 'N. Niger'], quarters));

  const years: string[][] = [];
  for (let from = 1; from <= ticks; from += 52) {
    const to = Math.min(ticks, from + 51);
    const total = (m: string) => spread(results.map((r) => column(r, m).subarray(from, to + 1).reduce((s, v) => s + v, 0)));
    years.push([`${dateOfTick(start, from)} – ${dateOfTick(start, to)}`, total('attacks'), total('attacks_cross_border'), total('attacks_strategic'), total('attacks_algeria'), total('fighters_killed')]);
  }
  lines.push('', 'Attacks and losses by year:');
  lines.push(formatTable(['period', 'attacks', 'cross-border', 'strategic', 'in Algeria', 'fighters killed'], years));

  const flows = new Map<string, number[]>();
  results.forEach((r, i) => {
    for (const row of r.tables.displacement?.rows ?? []) {
      const key = `${row[0]} → ${row[1]}`;
      const list = flows.get(key) ?? new Array<number>(results.length).fill(0);
      list[i] = row[3] as number;
      flows.set(key, list);
    }
  });
  const topFlows = [...flows.entries()].sort((a, b) => b[1].reduce((s, v) => s + v, 0) - a[1].reduce((s, v) => s + v, 0)).slice(0, 8);
  lines.push('', 'Where foreign fighters crossed to (fighter-crossings over the run, largest first):');
  lines.push(formatTable(['border', 'foreign fighters'], topFlows.map(([k, v]) => [k, spread(v)])));

  const trust = new Map<string, { start: number; final: number[] }>();
  results.forEach((r, i) => {
    for (const row of r.tables.relations?.rows ?? []) {
      const key = `${row[0]} → ${row[1]}`;
      const entry = trust.get(key) ?? { start: row[2] as number, final: new Array<number>(results.length).fill(0) };
      entry.final[i] = row[3] as number;
      trust.set(key, entry);
    }
  });
  const pairs = ['DZA → MLI', 'MRT → MLI', 'MLI → DZA', 'DZA → MAR', 'DZA → LBY', 'NER → DZA', 'DZA → NER'];
  lines.push('', 'Trust at the end (from its start value):');
  lines.push(formatTable(['pair', 'start', 'end'], pairs.filter((p) => trust.has(p)).map((p) => [p, short(trust.get(p)!.start), spread(trust.get(p)!.final)])));
  // Where the foreign fighters standing in the offensive's host went (the model's destinations table).
  const shares = new Map<string, number[]>();
  results.forEach((r, i) => {
    const rows = r.tables.destinations?.rows ?? [];
    const total = rows.reduce((n, row) => n + (row[2] as number), 0);
    for (const row of rows) {
      const list = shares.get(row[1] as string) ?? new Array<number>(results.length).fill(0);
      list[i] = total > 0 ? (100 * (row[2] as number)) / total : 0;
      shares.set(row[1] as string, list);
    }
  });
  if (shares.size > 0) {
    const origin = results.find((r) => r.tables.destinations)?.tables.destinations?.rows[0]?.[0] ?? '';
    lines.push('', `Foreign fighters in ${origin} when the first offensive began, ${DISPLACEMENT_WEEKS} weeks later (% of them):`);
    const ordered = [...shares.entries()].sort((a, b) => b[1].reduce((s, v) => s + v, 0) - a[1].reduce((s, v) => s + v, 0));
    lines.push(formatTable(['where', '% of foreign fighters'], ordered.map(([k, v]) => [k, spread(v)])));
  }

  const balloon = results.map((r) => r.tables.indices?.rows[0]?.[0]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (balloon.length > 0) {
    lines.push('', `Balloon index after the decision (share of the members' fall in armed activity that reappears next door; 1 = pure displacement): ${spread(balloon)} over ${balloon.length} seed(s)`);
  }
  return lines.join('\n');
}
