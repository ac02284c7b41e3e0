/**
 * Contract: the distributions every random source of the engine offers, built on one uniform
 * draw `next()` in [0, 1). A named stream (random-streams.ts) and keyed draws (keyed-draws.ts)
 * differ only in where their uniforms come from.
 */
import { normalQuantile } from './normal-quantile.ts';

export abstract class Draws {
  /** The second normal deviate of the last Box–Muller pair, or NaN. */
  protected spareNormal = Number.NaN;

  /** The next uniform in [0, 1). */
  abstract next(): number;

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max], both inclusive. */
  intBetween(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
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
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
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
    const u = this.next();
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
    const u = this.next();
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
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i] as number;
      items[i] = items[j] as number;
      items[j] = t;
    }
  }
}
