/**
 * Epstein's civil violence model on the work Mesa 3.3's example does: the defaults (40×40 torus,
 * densities 0.7 / 0.074, vision 7, legitimacy 0.8, max jail term 1000) for 200 ticks, and the same
 * densities on 400×400 for 100 ticks. Each case warms up first (the JIT), then times several runs
 * with different seeds; world creation is not timed. Runs are timed in a thread of their own on a
 * bundle of the sources, as the CLI's worker threads run a model (clean-thread.ts).
 *
 * Reference: Mesa 3.3 takes ≈ 40 ms per step at 40×40 and ≈ 32 µs per agent-step on the machine
 * these figures were taken on (the issue's measurement).
 */
import { performance } from 'node:perf_hooks';
import { createCivilViolenceSimulation, defaultCivilViolenceParams } from '../src/models/civil-violence/index.ts';
import { inCleanThread } from './clean-thread.ts';
import { median, type BenchRow } from './table.ts';

const MESA_MS_PER_STEP_40 = 40;
const MESA_NS_PER_AGENT_STEP = 32_000;

interface Case {
  name: string;
  size: number;
  ticks: number;
  warmups: number;
  runs: number;
}

const CASES: Case[] = [
  { name: 'civil-violence 40×40 (Mesa defaults)', size: 40, ticks: 200, warmups: 3, runs: 9 },
  { name: 'civil-violence 400×400 (same densities)', size: 400, ticks: 100, warmups: 1, runs: 5 },
];

/** Times one run: `ticks` steps of a fresh world; returns ms and the number of agents. */
function timeRun(size: number, ticks: number, seed: number): { ms: number; agents: number } {
  const sim = createCivilViolenceSimulation({ ...defaultCivilViolenceParams, width: size, height: size }, seed);
  const start = performance.now();
  for (let t = 0; t < ticks; t++) sim.step();
  return { ms: performance.now() - start, agents: sim.world.agents.count };
}

/** Warms up, then times `runs` runs of a size × size world: ms per run and agents (exported for `inCleanThread`). */
export async function timeCivilCase(size: number, ticks: number, warmups: number, runs: number): Promise<{ ms: number; agents: number }[]> {
  for (let w = 0; w < warmups; w++) timeRun(size, ticks, 1000 + w);
  const timings: { ms: number; agents: number }[] = [];
  for (let r = 0; r < runs; r++) {
    timings.push(timeRun(size, ticks, r + 1));
    // Let other work (and the event loop) in between runs.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return timings;
}

export async function benchCivilViolence(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const c of CASES) {
    const timings = await inCleanThread<{ ms: number; agents: number }[]>(new URL(import.meta.url), 'timeCivilCase', [c.size, c.ticks, c.warmups, c.runs]);
    const msPerTick = timings.map((t) => t.ms / c.ticks);
    const nsPerAgentStep = timings.map((t) => (t.ms * 1e6) / (t.agents * c.ticks));
    const agents = timings.map((t) => t.agents);
    const row: BenchRow = {
      case: c.name,
      ticks: c.ticks,
      runs: c.runs,
      agents: Math.round(median(agents)),
      msPerTick: median(msPerTick),
      minMsPerTick: Math.min(...msPerTick),
      nsPerAgentStep: median(nsPerAgentStep),
    };
    row.reference =
      c.size === 40
        ? { name: 'Mesa 3.3', figure: `${MESA_MS_PER_STEP_40} ms/step`, speedup: MESA_MS_PER_STEP_40 / row.msPerTick }
        : { name: 'Mesa 3.3', figure: `${MESA_NS_PER_AGENT_STEP / 1000} µs/agent-step`, speedup: MESA_NS_PER_AGENT_STEP / (row.nsPerAgentStep as number) };
    rows.push(row);
  }
  return rows;
}
