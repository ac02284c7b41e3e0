/**
 * A citizen's estimated arrest probability, Epstein 2002: P = 1 − exp(−k · (C/A)_v), where C is
 * the number of cops and A the number of active citizens in vision, the citizen counting itself
 * as active (A = actives seen + 1). Implementations round the ratio differently, and the dynamics
 * depend on it (see `model.ts`):
 * - `half-even`: Mesa 3.3, Python's `round`, halves to the even neighbour (0.5 → 0, 1.5 → 2);
 * - `floor`: NetLogo Rebellion, the integer part (0.5 → 0, 1.5 → 1);
 * - `none`: the formula as printed in the paper.
 */
export type ArrestRounding = 'half-even' | 'floor' | 'none';

/**
 * C/(A+1) rounded as `rounding` says, where `actives` (A) excludes the citizen itself. Exact: the
 * integer modes work on integers, so no float division decides a tie.
 */
export function copActiveRatio(cops: number, actives: number, rounding: ArrestRounding): number {
  const a = actives + 1;
  if (rounding === 'none') return cops / a;
  const q = Math.floor(cops / a);
  if (rounding === 'floor') return q;
  const twiceRemainder = 2 * (cops - q * a);
  // Python's round(): to nearest, halves to even.
  if (twiceRemainder > a || (twiceRemainder === a && (q & 1) === 1)) return q + 1;
  return q;
}

/** P = 1 − exp(−k · round(C/(A+1))), with A the actives seen (the citizen itself excluded). */
export function arrestProbability(cops: number, actives: number, k: number, rounding: ArrestRounding): number {
  return 1 - Math.exp(-k * copActiveRatio(cops, actives, rounding));
}

/**
 * P for every rounded ratio 0..maxRatio, so the hot loop looks P up instead of calling `exp`
 * (the integer modes only; `none` computes P directly).
 */
export function createArrestProbabilityTable(k: number, maxRatio: number): Float64Array {
  const table = new Float64Array(maxRatio + 1);
  for (let n = 0; n <= maxRatio; n++) table[n] = 1 - Math.exp(-k * n);
  return table;
}

/**
 * The largest rounded ratio n at which a citizen with grievance `g` and risk aversion `r` is
 * active — G − R·P(n) > T, evaluated exactly as the tick would — or -1 if it is never active.
 * P(n) grows with n, so the citizen is active exactly when round(C/(A+1)) ≤ this value: the tick
 * compares two integers and never reads G and R (`world.ts`).
 */
export function largestActiveRatio(g: number, r: number, threshold: number, table: Float64Array): number {
  let n = 0;
  while (n < table.length && g - r * (table[n] as number) > threshold) n++;
  return n - 1;
}
