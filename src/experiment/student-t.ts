/**
 * Student's t distribution: the cdf through the regularised incomplete beta function, evaluated by
 * its continued fraction with the modified Lentz method (Press et al., Numerical Recipes, 3rd ed.,
 * §6.4); ln Γ by the Lanczos approximation (g = 7, 9 terms); the quantile by safeguarded Newton.
 * Shared by the confidence intervals of `run` and `batch` and the tests of `compare`.
 */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x > 0 (Lanczos, g = 7): relative error ~1e-15, ample for the 1e-6 asked of the t functions. */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x); // reflection
  const z = x - 1;
  let sum: number = LANCZOS[0];
  for (let k = 1; k < LANCZOS.length; k++) sum += (LANCZOS[k] as number) / (z + k);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const TINY = 1e-300;
const EPSILON = 1e-15;
// The continued fraction needs O(√max(a, b)) terms near its switch point: generous for any df in use.
const MAX_TERMS = 10_000;

/** The continued fraction of I_x(a, b) (Numerical Recipes `betacf`), by the modified Lentz method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    // Even step.
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return h;
}

/**
 * The regularised incomplete beta function I_x(a, b), given x and y = 1 − x separately so that a
 * caller who knows y to full relative precision (t²/(ν + t²) for small t) does not lose it.
 */
function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(y) + logGamma(a + b) - logGamma(a) - logGamma(b));
  // The fraction converges fast only on this side of the mean; use the symmetry I_x(a,b) = 1 − I_y(b,a) on the other.
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(y, b, a)) / b;
}

/** P(T > t) for t ≥ 0, computed directly (not as 1 − cdf) so small p-values keep their relative precision. */
export function studentTUpperTail(t: number, df: number): number {
  if (t === Infinity) return 0;
  const t2 = t * t;
  return 0.5 * incompleteBeta(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
}

function validDf(df: number): boolean {
  return Number.isFinite(df) && df > 0;
}

/** P(T ≤ t) for Student's t with `df` > 0 degrees of freedom (non-integer df allowed); NaN for invalid input. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !validDf(df)) return Number.NaN;
  const tail = studentTUpperTail(Math.abs(t), df);
  return t >= 0 ? 1 - tail : tail;
}

function studentTDensity(t: number, df: number): number {
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** The p-quantile of Student's t with `df` > 0 degrees of freedom; ±Infinity at p = 1 and 0, NaN for invalid input. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !validDf(df)) return Number.NaN;
  if (p === 0.5) return 0;
  if (p === 0 || p === 1) return p === 1 ? Infinity : -Infinity;
  // Solve P(T > t) = q for t > 0 and use symmetry: the tail is exact for q = p (< 0.5) and 1 − p (exact in floating point for p ≥ 0.5).
  const q = p < 0.5 ? p : 1 - p;
  let lo = 0;
  let hi = 1;
  while (studentTUpperTail(hi, df) > q) {
    lo = hi;
    hi *= 2;
  }
  // Newton on the tail (its derivative is −density), falling back to bisection when a step leaves the bracket.
  let t = (lo + hi) / 2;
  for (let k = 0; k < 200; k++) {
    const f = studentTUpperTail(t, df) - q;
    if (f === 0) break;
    if (f > 0) lo = t;
    else hi = t;
    const next = t + f / studentTDensity(t, df);
    const inside = next > lo && next < hi;
    const candidate = inside ? next : (lo + hi) / 2;
    const moved = Math.abs(candidate - t);
    t = candidate;
    if (moved <= 1e-14 * Math.max(1, t) || hi - lo <= 1e-14 * Math.max(1, t)) break;
  }
  return p < 0.5 ? -t : t;
}

