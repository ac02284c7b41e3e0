/**
 * The regional model on the shipped historical scenario (scenarios/sahel-sahara-2012.yaml, 156
 * weekly ticks) at 0.5°, 0.25° and 0.1°, the resolution set through `resolveScenario`'s `set`
 * option as `--set grid.resolution=…` would. Each case warms up first (the JIT), then times
 * several runs with different seeds, in this process. A run is timed from the first tick to the
 * last; building the world (rasterising borders, distance fields) is timed apart.
 *
 * Besides the shared table it prints, per resolution, ms per run and per tick, the land cells and
 * the mean number of bands, and the time per cell-tick and per band-tick: whichever stays flat
 * as the grid refines tells what the tick's cost scales with.
 *
 * The model is timed in a worker thread on a bundle of the sources, as the CLI's worker threads
 * run it (clean-thread.ts). At 0.5° it is also timed in this thread, through tsx, as the sources
 * run without the launcher (the tests, `tsx src/cli/main.ts`): ~20 % slower, for reasons
 * clean-thread.ts gives.
 *
 * Goal (the issue): ≤ 20 ms per run at 0.5°.
 */
import { performance } from 'node:perf_hooks';
import { inCleanThread } from './clean-thread.ts';
import { SimError } from '../src/errors.ts';
import { SahelSaharaSimulation, type SahelSaharaParams } from '../src/models/sahel-sahara/index.ts';
import { resolveScenario } from '../src/scenario/index.ts';
import { median, type BenchRow } from './table.ts';

const SCENARIO = 'scenarios/sahel-sahara-2012.yaml';
const GOAL_MS_PER_RUN = 20;
const GOAL_RESOLUTION = 0.5;

interface Case {
  resolution: number;
  warmups: number;
  runs: number;
  /** Where the model runs: a worker thread on the bundle, or this thread through tsx. */
  thread: 'worker' | 'tsx';
}

const CASES: Case[] = [
  { resolution: 0.5, warmups: 5, runs: 9, thread: 'worker' },
  { resolution: 0.5, warmups: 5, runs: 9, thread: 'tsx' },
  { resolution: 0.25, warmups: 2, runs: 5, thread: 'worker' },
  { resolution: 0.1, warmups: 1, runs: 3, thread: 'worker' },
];

interface Timing {
  buildMs: number;
  runMs: number;
  landCells: number;
  meanBands: number;
}

/** Builds a world and runs it to the horizon; the world's construction is not in `runMs`. */
function timeRun(params: SahelSaharaParams, ticks: number, seed: number): Timing {
  const built = performance.now();
  const sim = new SahelSaharaSimulation(params, seed);
  const start = performance.now();
  let bandTicks = 0;
  for (let t = 0; t < ticks; t++) {
    sim.step();
    bandTicks += sim.world.bands.count;
  }
  const end = performance.now();
  return { buildMs: start - built, runMs: end - start, landCells: sim.world.landCells.length, meanBands: bandTicks / ticks };
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((cell, k) => (k === 0 ? cell.padEnd(widths[k] as number) : cell.padStart(widths[k] as number))).join('  ');
}

function printScaling(lines: string[][]): void {
  const header = ['resolution', 'thread', 'land cells', 'bands (mean)', 'build ms', 'ms/run', 'ms/tick', 'µs/cell-tick', 'µs/band-tick', 'goal'];
  const widths = header.map((h, k) => Math.max(h.length, ...lines.map((l) => (l[k] as string).length)));
  console.log(`\nsahel-sahara-2012 (${SCENARIO}), medians over the timed runs:`);
  console.log(pad(header, widths));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(pad(line, widths));
  console.log('');
}

/** What timing one resolution gives: the runs, or why the scenario does not run there. */
type CaseTimings = { ticks: number; runs: Timing[] } | { error: string };

/**
 * Warms up, then times `runs` runs at `resolution`, in whichever thread calls it (exported for
 * `inCleanThread`). A resolution the scenario does not support (a place snapping to sea) is a
 * finding, not a crash.
 */
export async function timeCase(resolution: number, warmups: number, runs: number): Promise<CaseTimings> {
  let params: SahelSaharaParams;
  let ticks: number;
  try {
    const { scenario } = resolveScenario(SCENARIO, { set: [`grid.resolution=${resolution}`] });
    params = scenario.params as unknown as SahelSaharaParams;
    ticks = scenario.ticks;
  } catch (error) {
    if (!(error instanceof SimError)) throw error;
    return { error: `${error.message}\n${error.issues.map((i) => `  ${i.path ?? ''}  ${i.message}`).join('\n')}` };
  }
  for (let w = 0; w < warmups; w++) timeRun(params, ticks, 1000 + w);
  const timings: Timing[] = [];
  for (let r = 0; r < runs; r++) {
    timings.push(timeRun(params, ticks, r + 1));
    // Let other work (and the event loop) in between runs.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { ticks, runs: timings };
}

export async function benchSahelSahara(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const scaling: string[][] = [];
  for (const c of CASES) {
    const args = [c.resolution, c.warmups, c.runs] as const;
    const timed = c.thread === 'worker' ? await inCleanThread<CaseTimings>(new URL(import.meta.url), 'timeCase', args) : await timeCase(...args);
    if ('error' in timed) {
      process.stderr.write(`sahel-sahara at ${c.resolution}°: ${timed.error}\n`);
      continue;
    }
    const { ticks, runs } = timed;
    const landCells = runs[0]?.landCells ?? 0;
    const runMs = median(runs.map((t) => t.runMs));
    const msPerTick = runs.map((t) => t.runMs / ticks);
    const bands = median(runs.map((t) => t.meanBands));
    const nsPerBandTick = median(runs.map((t) => (t.runMs * 1e6) / (t.meanBands * ticks)));
    rows.push({
      case: `sahel-sahara-2012 ${c.resolution}° ${c.thread} (${landCells} land cells)`,
      ticks,
      runs: c.runs,
      agents: Math.round(bands),
      msPerTick: median(msPerTick),
      minMsPerTick: Math.min(...msPerTick),
      nsPerAgentStep: nsPerBandTick,
    });
    const goal = c.resolution === GOAL_RESOLUTION && c.thread === 'worker' ? `≤ ${GOAL_MS_PER_RUN} ms/run: ${runMs <= GOAL_MS_PER_RUN ? 'met' : `×${(runMs / GOAL_MS_PER_RUN).toFixed(1)} over`}` : '';
    scaling.push([
      `${c.resolution}°`,
      c.thread,
      String(landCells),
      bands.toFixed(1),
      median(runs.map((t) => t.buildMs)).toFixed(0),
      runMs.toFixed(1),
      median(msPerTick).toFixed(3),
      ((median(msPerTick) * 1000) / landCells).toFixed(3),
      (nsPerBandTick / 1000).toFixed(1),
      goal,
    ]);
  }
  printScaling(scaling);
  return rows;
}
