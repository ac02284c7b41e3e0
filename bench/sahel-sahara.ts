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
 * Goal (the issue): ≤ 20 ms per run at 0.5°.
 */
import { performance } from 'node:perf_hooks';
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
}

const CASES: Case[] = [
  { resolution: 0.5, warmups: 5, runs: 9 },
  { resolution: 0.25, warmups: 2, runs: 5 },
  { resolution: 0.1, warmups: 1, runs: 3 },
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
  const header = ['resolution', 'land cells', 'bands (mean)', 'build ms', 'ms/run', 'ms/tick', 'µs/cell-tick', 'µs/band-tick', 'goal'];
  const widths = header.map((h, k) => Math.max(h.length, ...lines.map((l) => (l[k] as string).length)));
  console.log(`\nsahel-sahara-2012 (${SCENARIO}), medians over the timed runs:`);
  console.log(pad(header, widths));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(pad(line, widths));
  console.log('');
}

export async function benchSahelSahara(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const scaling: string[][] = [];
  for (const c of CASES) {
    let params: SahelSaharaParams;
    let ticks: number;
    try {
      const { scenario } = resolveScenario(SCENARIO, { set: [`grid.resolution=${c.resolution}`] });
      params = scenario.params as unknown as SahelSaharaParams;
      ticks = scenario.ticks;
    } catch (error) {
      // A resolution the scenario does not support (a place snapping to sea) is a finding, not a crash.
      if (!(error instanceof SimError)) throw error;
      const detail = error.issues.map((i) => `  ${i.path ?? ''}  ${i.message}`).join('\n');
      process.stderr.write(`sahel-sahara at ${c.resolution}°: ${error.message}\n${detail}\n`);
      continue;
    }
    for (let w = 0; w < c.warmups; w++) timeRun(params, ticks, 1000 + w);
    const runs: Timing[] = [];
    for (let r = 0; r < c.runs; r++) {
      runs.push(timeRun(params, ticks, r + 1));
      // Let other work (and the event loop) in between runs.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const landCells = runs[0]?.landCells ?? 0;
    const runMs = median(runs.map((t) => t.runMs));
    const msPerTick = runs.map((t) => t.runMs / ticks);
    const bands = median(runs.map((t) => t.meanBands));
    const nsPerBandTick = median(runs.map((t) => (t.runMs * 1e6) / (t.meanBands * ticks)));
    rows.push({
      case: `sahel-sahara-2012 ${c.resolution}° (${landCells} land cells)`,
      ticks,
      runs: c.runs,
      agents: Math.round(bands),
      msPerTick: median(msPerTick),
      minMsPerTick: Math.min(...msPerTick),
      nsPerAgentStep: nsPerBandTick,
    });
    const goal = c.resolution === GOAL_RESOLUTION ? `≤ ${GOAL_MS_PER_RUN} ms/run: ${runMs <= GOAL_MS_PER_RUN ? 'met' : `×${(runMs / GOAL_MS_PER_RUN).toFixed(1)} over`}` : '';
    scaling.push([
      `${c.resolution}°`,
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
