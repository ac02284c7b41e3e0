/**
 * Contract: what every model provides to the engine, and the run loop.
 *
 * A `ModelDefinition` names a model, lists its metrics and builds a `Simulation` from resolved
 * parameters and a seed — purely: no I/O, no clock, no global randomness. A `Simulation` advances
 * one tick at a time and writes the current value of each metric into a buffer. `runSimulation`
 * records the initial state as tick 0, then steps up to the tick budget (or until the model says
 * it is finished), recording after each tick.
 */
import { Recorder } from './recorder.ts';

/** A table a model writes beside its series at the end of a run (e.g. relations, displacement). */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export interface Simulation {
  /** The last completed tick (0 before the first step). */
  readonly tick: number;
  /** Advances one tick. */
  step(): void;
  /** Writes the current value of each metric, in the definition's order, into `out`. */
  measure(out: Float64Array): void;
  /** True when nothing can change any more; the run loop stops early. Optional. */
  isFinished?(): boolean;
  /** The state to draw on a map after the last tick (see `Frame`). Optional, with `mapInfo`. */
  frame?(): Frame;
  /** What does not change on the map: the grid's box, regions, labels. Optional, with `frame`. */
  mapInfo?(): MapInfo;
  /** End-of-run tables by name (written as `<name>.csv`, one block of rows per seed). Optional. */
  tables?(): Record<string, Table>;
}

/** What a map shows of one tick: per-cell layers of one byte each, and agents as points. */
export interface Frame {
  /** Layers by name, one byte per cell (row 0 north), each with its own encoding (the model documents it). */
  readonly layers: Readonly<Record<string, Uint8Array>>;
  /** Agents to draw, as (cell, kind, size) triples. */
  readonly points: Float32Array;
}

/** The static part of a model's map. */
export interface MapInfo {
  /** The grid's box in degrees; cell = row * width + col, row 0 the northern-most. */
  readonly grid: { readonly lonMin: number; readonly lonMax: number; readonly latMin: number; readonly latMax: number; readonly resolution: number; readonly width: number; readonly height: number };
  /** Region (country) of each cell as an index into `regions`; 0 for none (sea). */
  readonly region: Uint8Array;
  readonly regions: readonly string[];
  /** Names of the kinds of points (e.g. armed groups), by kind index. */
  readonly kinds: readonly string[];
  /** Border and coast polylines, [lon, lat] points. */
  readonly borders: readonly (readonly (readonly [number, number])[])[];
  readonly places: readonly { readonly name: string; readonly lon: number; readonly lat: number; readonly kind: string }[];
  /** Routes as polylines through their cells' centres. */
  readonly routes: readonly { readonly name: string; readonly commodity: string; readonly points: readonly (readonly [number, number])[] }[];
  /** How to read each layer of a frame, for legends. */
  readonly layers: Readonly<Record<string, string>>;
}

export interface ModelDefinition<P> {
  readonly name: string;
  readonly metrics: readonly string[];
  create(params: P, seed: number): Simulation;
  /**
   * Which way each outcome metric is better, for comparisons (win rates, regret); metrics not
   * listed are descriptive (operations run, fighters killed) and have no better direction.
   */
  readonly better?: Readonly<Record<string, 'lower' | 'higher'>>;
  /** The few metrics a summary or comparison shows first. Optional. */
  readonly headline?: readonly string[];
  /** How runs of variants that differ only from some tick on share their common beginning. Optional. */
  readonly fork?: ForkSupport<P>;
}

/**
 * Checkpoints for variants (framework options) that differ only from a fork tick on: the run up
 * to the tick before it is computed once, copied, and continued under each variant's parameters.
 * The result must be bit-identical to running each variant from the start (a test per model
 * checks this on its shipped scenarios).
 */
export interface ForkSupport<P> {
  /** The first tick at which a run of `params` may differ from its siblings; undefined: none. */
  forkTick(params: P): number | undefined;
  /**
   * Equal for two parameter sets (with the same fork tick) exactly when, for the same seed, their
   * runs are identical up to the tick before the fork.
   */
  prefixKey(params: P): string;
  /**
   * A new simulation continuing a copy of `checkpoint` — a simulation at tick forkTick − 1 built
   * from parameters with the same prefix key — under `params`. The checkpoint is left unchanged.
   */
  resume(checkpoint: Simulation, params: P): Simulation;
}

export interface RunResult {
  readonly seed: number;
  readonly ticks: number;
  readonly recorder: Recorder;
  readonly tables: Record<string, Table>;
}

/** Runs a model for `ticks` ticks (the budget) and returns its recorded metrics. */
export function runSimulation<P>(model: ModelDefinition<P>, params: P, seed: number, ticks: number): RunResult {
  const sim = model.create(params, seed);
  const recorder = new Recorder(model.metrics, ticks + 1);
  sim.measure(recorder.row);
  recorder.commitRow();
  advance(sim, recorder, ticks);
  return { seed, ticks: sim.tick, recorder, tables: sim.tables?.() ?? {} };
}

/**
 * Runs several variants of a model with one seed, and returns their results in the variants'
 * order. Variants with the same fork tick and prefix key share one run up to the tick before the
 * fork (the checkpoint), which each continues on its own; the others run from the start.
 */
export function runVariants<P>(model: ModelDefinition<P>, variants: readonly P[], seed: number, ticks: number): RunResult[] {
  const results = new Array<RunResult>(variants.length);
  const groups = new Map<string, number[]>();
  variants.forEach((params, k) => {
    const fork = model.fork?.forkTick(params);
    const key = fork === undefined || fork < 1 || fork > ticks ? `solo:${k}` : `${fork}:${model.fork?.prefixKey(params) ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(k);
    else groups.set(key, [k]);
  });
  for (const members of groups.values()) {
    const first = members[0] as number;
    const firstParams = variants[first] as P;
    if (members.length === 1 || !model.fork) {
      for (const k of members) results[k] = runSimulation(model, variants[k] as P, seed, ticks);
      continue;
    }
    const fork = model.fork;
    const checkpoint = model.create(firstParams, seed);
    const recorder = new Recorder(model.metrics, ticks + 1);
    checkpoint.measure(recorder.row);
    recorder.commitRow();
    advance(checkpoint, recorder, (fork.forkTick(firstParams) as number) - 1);
    for (const k of members) {
      const sim = fork.resume(checkpoint, variants[k] as P);
      const own = recorder.copy();
      advance(sim, own, ticks);
      results[k] = { seed, ticks: sim.tick, recorder: own, tables: sim.tables?.() ?? {} };
    }
  }
  return results;
}

/** Steps `sim` until its tick reaches `untilTick` or it is finished, recording every tick. */
export function advance(sim: Simulation, recorder: Recorder, untilTick: number): void {
  while (sim.tick < untilTick) {
    if (sim.isFinished?.()) break;
    sim.step();
    sim.measure(recorder.row);
    recorder.commitRow();
  }
}
