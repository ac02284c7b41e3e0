/**
 * Contract: two ways to order work in a tick.
 * - `randomActivationOrder` gives random sequential activation (Mesa's `shuffle_do`): every agent
 *   acts once per tick in a fresh random order, each seeing the changes made before it.
 * - `runPhases` runs a model's named phases in their fixed order (the order of MODEL.md §3 for the
 *   regional model); a phase is a plain function of the world and the tick.
 */
import type { RandomStream } from './random-streams.ts';

/** Copies `ids[0..count)` into `out` and shuffles it; returns `count`. Allocates nothing. */
export function randomActivationOrder(ids: Int32Array, count: number, out: Int32Array, rng: RandomStream): number {
  for (let k = 0; k < count; k++) out[k] = ids[k] as number;
  rng.shuffle(out, count);
  return count;
}

export interface Phase<W> {
  readonly name: string;
  run(world: W, tick: number): void;
}

export function runPhases<W>(world: W, phases: readonly Phase<W>[], tick: number): void {
  for (let k = 0; k < phases.length; k++) (phases[k] as Phase<W>).run(world, tick);
}
