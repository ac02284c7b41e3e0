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
  /** End-of-run tables by name (written as `<name>.csv`, one block of rows per seed). Optional. */
  tables?(): Record<string, Table>;
}

export interface ModelDefinition<P> {
  readonly name: string;
  readonly metrics: readonly string[];
  create(params: P, seed: number): Simulation;
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

/** Steps `sim` until its tick reaches `untilTick` or it is finished, recording every tick. */
export function advance(sim: Simulation, recorder: Recorder, untilTick: number): void {
  while (sim.tick < untilTick) {
    if (sim.isFinished?.()) break;
    sim.step();
    sim.measure(recorder.row);
    recorder.commitRow();
  }
}
