/**
 * Contract: every random draw of a run comes from a named stream. A run has one root seed; the
 * stream called `name` is seeded from (seed, name) alone, so adding, removing or reordering draws
 * in one system never shifts another system's draws, and two runs with the same seed share every
 * draw of every stream they both use (common random numbers). Streams are created on first use
 * and cached; their state can be saved and restored for checkpoints.
 *
 * The generator is seedrandom's Alea: a fast, well-tested generator with a small state that can be
 * exported, which is what checkpoints need.
 */
import seedrandom from 'seedrandom';
import { Draws } from './draws.ts';
import { normalQuantile } from './normal-quantile.ts';
import { COPY_STATE } from './state-copy.ts';

export type StreamState = object;
type AleaState = seedrandom.State.Alea;

export class RandomStream extends Draws {
  readonly name: string;
  private prng: seedrandom.StatefulPRNG<AleaState>;

  constructor(seed: number | string, name: string, state?: AleaState) {
    super();
    this.name = name;
    this.prng = state
      ? seedrandom.alea('', { state })
      : seedrandom.alea(`${seed}\u0000${name}`, { state: true });
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.prng.double();
  }

  saveState(): StreamState {
    return { prng: this.prng.state(), spareNormal: this.spareNormal };
  }

  /** An independent stream in the same state: a checkpoint's copy draws what the original would. */
  [COPY_STATE](): RandomStream {
    return RandomStream.fromState(this.name, this.saveState());
  }

  static fromState(name: string, saved: StreamState): RandomStream {
    const { prng, spareNormal } = saved as { prng: AleaState; spareNormal: number };
    const stream = new RandomStream('', name, prng);
    stream.spareNormal = spareNormal;
    return stream;
  }
}

export class RandomStreams {
  readonly seed: number;
  private readonly streams = new Map<string, RandomStream>();

  constructor(seed: number) {
    this.seed = seed;
  }

  /** The stream for `name`, created from (seed, name) on first use. */
  stream(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = new RandomStream(this.seed, name);
      this.streams.set(name, stream);
    }
    return stream;
  }

  /** Every stream's state, by name, for a checkpoint. */
  saveState(): Record<string, StreamState> {
    const out: Record<string, StreamState> = {};
    for (const [name, stream] of this.streams) out[name] = stream.saveState();
    return out;
  }

  static fromState(seed: number, saved: Record<string, StreamState>): RandomStreams {
    const streams = new RandomStreams(seed);
    for (const [name, state] of Object.entries(saved)) streams.streams.set(name, RandomStream.fromState(name, state));
    return streams;
  }
}

export function createRandomStreams(seed: number): RandomStreams {
  return new RandomStreams(seed);
}

export { normalQuantile };
