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
import { COPY_STATE } from './state-copy.ts';

export type StreamState = object;
type AleaState = seedrandom.State.Alea;

export class RandomStream {
  readonly name: string;
  private prng: seedrandom.StatefulPRNG<AleaState>;
  /** The second normal deviate of the last Box–Muller pair, or NaN. */
  private spareNormal = Number.NaN;

  constructor(seed: number | string, name: string, state?: AleaState) {
    this.name = name;
    this.prng = state
      ? seedrandom.alea('', { state })
      : seedrandom.alea(`${seed}\u0000${name}`, { state: true });
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.prng.double();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.prng.double() * n);
  }

  /** Uniform integer in [min, max], both inclusive. */
  intBetween(min: number, max: number): number {
    return min + Math.floor(this.prng.double() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.prng.double() < p;
  }

  /** Normal deviate (Box–Muller, polar form). */
  normal(mean = 0, sd = 1): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = Number.NaN;
      return mean + sd * z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = this.prng.double() * 2 - 1;
      v = this.prng.double() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return mean + sd * u * f;
  }

  /**
   * Binomial(n, p) deviate: exact by inversion for small n·p, normal approximation (rounded,
   * clamped to [0, n]) when both n·p and n·(1−p) exceed 30, where its error is negligible next to
   * the model's own uncertainty.
   */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    const mean = n * p;
    if (mean > 30 && n - mean > 30) {
      const k = Math.round(this.normal(mean, Math.sqrt(mean * (1 - p))));
      return k < 0 ? 0 : k > n ? n : k;
    }
    // Inversion: walk the cumulative distribution from 0.
    const q = 1 - p;
    const ratio = p / q;
    let prob = Math.pow(q, n);
    let cumulative = prob;
    const u = this.prng.double();
    let k = 0;
    while (u > cumulative && k < n) {
      prob *= (ratio * (n - k)) / (k + 1);
      cumulative += prob;
      k++;
    }
    return k;
  }

  /** Poisson(λ) deviate by inversion up to λ = 30, normal approximation (by its quantile) above. */
  poisson(lambda: number): number {
    // Inversion from one uniform, drawn whatever λ is: two runs whose λ differ stay in step on
    // this stream (common random numbers), and for the same draw the count never falls as λ rises.
    const u = this.prng.double();
    if (lambda <= 0) return 0;
    if (lambda > 30) {
      const k = Math.round(lambda + Math.sqrt(lambda) * normalQuantile(u));
      return k < 0 ? 0 : k;
    }
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    while (u > cdf && p > 0) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }

  /** Shuffles `items[0..n)` in place (Fisher–Yates). */
  shuffle(items: Int32Array | number[], n = items.length): void {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.prng.double() * (i + 1));
      const t = items[i] as number;
      items[i] = items[j] as number;
      items[j] = t;
    }
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

/**
 * The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9), for
 * draws that must take exactly one uniform.
 */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = Math.min(Math.max(p, 1e-300), 1 - 1e-16);
  const poly = (coef: number[], x: number) => coef.reduce((acc, v) => acc * x + v, 0);
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    return poly(c, r) / (poly(d, r) * r + 1);
  }
  if (q > 1 - 0.02425) {
    const r = Math.sqrt(-2 * Math.log(1 - q));
    return -poly(c, r) / (poly(d, r) * r + 1);
  }
  const r = q - 0.5;
  const s = r * r;
  return (poly(a, s) * r) / (poly(b, s) * s + 1);
}
