/**
 * Map frames of one run, for the web view: the run is replayed from its resolved scenario and
 * seed (runs are deterministic, so nothing needs storing) and each tick's frame is recorded — per
 * layer one byte per cell per tick, and the agents as points. A 2012-scenario run at 0.5° gives
 * 3 layers × 157 ticks × 4,644 cells ≈ 2.2 MB before compression. Call it off the server's event
 * loop (a worker thread): it runs a simulation.
 */
import type { MapInfo } from '../engine/index.ts';
import { SimError } from '../errors.ts';
import { modelOf, type ResolvedScenario } from '../scenario/index.ts';

export interface FrameSet {
  readonly map: MapInfo;
  /** The date of tick 0 when the scenario has one (ticks are then weeks). */
  readonly start: string | undefined;
  /** Frames recorded: ticks + 1 (tick 0 is the initial state). */
  readonly frames: number;
  /** Each layer as frames × cells bytes, frame-major: `layer[t * cells + c]`. */
  readonly layers: Readonly<Record<string, Uint8Array>>;
  /** Points (cell, kind, size triples) per frame. */
  readonly points: readonly Float32Array[];
}

export function captureFrames(scenario: ResolvedScenario, seed: number): FrameSet {
  const sim = modelOf(scenario).definition.create(scenario.params as never, seed);
  if (!sim.frame || !sim.mapInfo) throw new SimError('SIM_ERR_CLI_USAGE', `the ${scenario.model} model has no map`);
  const map = sim.mapInfo();
  const cells = map.region.length;
  const frames = scenario.ticks + 1;
  const layers: Record<string, Uint8Array> = {};
  const points: Float32Array[] = [];
  const record = (t: number): void => {
    const frame = (sim.frame as () => ReturnType<NonNullable<typeof sim.frame>>)();
    for (const [name, layer] of Object.entries(frame.layers)) {
      (layers[name] ??= new Uint8Array(frames * cells)).set(layer, t * cells);
    }
    points.push(frame.points);
  };
  record(0);
  let t = 0;
  while (sim.tick < scenario.ticks && !sim.isFinished?.()) {
    sim.step();
    record(++t);
  }
  const start = (scenario.params as { start?: unknown }).start;
  return { map, start: typeof start === 'string' ? start : undefined, frames: t + 1, layers, points };
}
