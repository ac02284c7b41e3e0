/**
 * PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999, "Bump hunting in
 * high-dimensional data", Statistics and Computing 9:123–143), for scenario discovery: find a box
 * of input space (a few ranges on a few factors) where the cases of interest (y true) are dense.
 *
 * Follows the EMA Workbench's implementation (Kwakkel 2017, prim.py), itself after RAND's
 * sdtoolkit, for real-valued inputs:
 * - peeling: each candidate removes the points below the α-quantile or above the (1−α)-quantile
 *   of one dimension (quantiles taken half-way between distinct order statistics, so a peel always
 *   removes points); the chosen peel maximises the gain in density per point removed (the
 *   workbench's default 'lenient1' objective; with continuous inputs every candidate removes about
 *   the same number of points, so this is the peel that most raises the density), ties going to
 *   the peel that restricts fewer dimensions. Peeling stops when the next box would fall under the
 *   minimum mass or no peel raises the density.
 * - selection: the first box on the peeling trajectory whose density reaches the threshold (the
 *   largest such box), else the densest.
 * - pasting: widen one restricted limit at a time, by the pasting α-quantile of the points just
 *   outside it, while that raises the density.
 * - covering (optional): further boxes are searched on the points outside the boxes already found.
 */

export interface PrimOptions {
  /** Share of the box's points removed by one peel (default 0.05). */
  readonly peelAlpha?: number;
  /** Share of the points just outside a limit added by one paste (default 0.05). */
  readonly pasteAlpha?: number;
  /** Peeling stops before the box holds less than this share of all points (default 0.05). */
  readonly minMass?: number;
  /** Density a box should reach (default 0.8). */
  readonly threshold?: number;
  /** Boxes to search, each on the points outside the previous ones (default 1). */
  readonly maxBoxes?: number;
}

export interface PrimLimit {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

export interface PrimBox {
  /** The restricted dimensions only; a side left unrestricted is the data's minimum or maximum. */
  readonly limits: PrimLimit[];
  /** Share of all cases of interest inside the box. */
  readonly coverage: number;
  /** Share of the box's points that are cases of interest. */
  readonly density: number;
  /** Share of all points inside the box. */
  readonly mass: number;
}

export interface PrimStep {
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  /** Number of restricted dimensions. */
  readonly restricted: number;
  readonly limits: PrimLimit[];
}

export interface PrimResult {
  readonly boxes: PrimBox[];
  /** The peeling trajectory of the first box, from the whole space inward. */
  readonly trajectory: PrimStep[];
}

interface Box {
  readonly lower: number[];
  readonly upper: number[];
}

/**
 * The sdtoolkit quantile: half-way between the order statistics around (n−1)·q, moving outward past
 * ties, so that a peel at the lower end (q < ½) or the upper end (q > ½) removes at least one point
 * unless all remaining values are equal.
 */
function peelQuantile(values: Float64Array, q: number): number {
  const sorted = values.slice().sort();
  const n = sorted.length;
  const i = (n - 1) * q;
  let lo = Math.floor(i);
  let hi = Math.ceil(i);
  if (q > 0.5) {
    while (sorted[lo] === sorted[hi] && lo > 0) lo--;
  } else {
    while (sorted[lo] === sorted[hi] && hi < n - 1) hi++;
  }
  return ((sorted[lo] as number) + (sorted[hi] as number)) / 2;
}

function inBox(point: readonly number[], box: Box): boolean {
  for (let j = 0; j < point.length; j++) {
    const v = point[j] as number;
    if (v < (box.lower[j] as number) || v > (box.upper[j] as number)) return false;
  }
  return true;
}

function countTrue(y: readonly boolean[], indices: readonly number[]): number {
  let count = 0;
  for (const i of indices) if (y[i]) count++;
  return count;
}

/**
 * Finds boxes where y is mostly true. `x` holds one row per point and one column per name; boxes
 * are described in x's own units.
 */
export function prim(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  names: readonly string[],
  options: PrimOptions = {},
): PrimResult {
  const peelAlpha = options.peelAlpha ?? 0.05;
  const pasteAlpha = options.pasteAlpha ?? 0.05;
  const minMass = options.minMass ?? 0.05;
  const threshold = options.threshold ?? 0.8;
  const maxBoxes = options.maxBoxes ?? 1;
  if (x.length !== y.length) throw new RangeError(`x has ${x.length} rows but y has ${y.length} values`);
  if (x.length === 0) throw new RangeError('PRIM needs at least one point');
  for (const row of x) {
    if (row.length !== names.length) throw new RangeError(`every row of x needs ${names.length} values (one per name), got ${row.length}`);
  }
  for (const [what, value] of [['peelAlpha', peelAlpha], ['pasteAlpha', pasteAlpha]] as const) {
    if (!(value > 0 && value < 0.5)) throw new RangeError(`${what} must lie in (0, 0.5), got ${value}`);
  }
  if (!(minMass > 0 && minMass <= 1)) throw new RangeError(`minMass must lie in (0, 1], got ${minMass}`);
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold must lie in [0, 1], got ${threshold}`);
  if (!Number.isInteger(maxBoxes) || maxBoxes < 1) throw new RangeError(`maxBoxes must be an integer ≥ 1, got ${maxBoxes}`);

  const n = x.length;
  const d = names.length;
  const totalTrue = countTrue(y, x.map((_, i) => i));
  // The initial box: the data's range in every dimension (as the workbench's box_init).
  const init: Box = { lower: new Array<number>(d).fill(Infinity), upper: new Array<number>(d).fill(-Infinity) };
  for (const row of x) {
    for (let j = 0; j < d; j++) {
      const v = row[j] as number;
      if (!Number.isFinite(v)) throw new RangeError(`x holds a non-finite value (${v}) for ${names[j]}`);
      if (v < (init.lower[j] as number)) init.lower[j] = v;
      if (v > (init.upper[j] as number)) init.upper[j] = v;
    }
  }
  const restrictedDims = (box: Box): number[] => {
    const dims: number[] = [];
    for (let j = 0; j < d; j++) if (box.lower[j] !== init.lower[j] || box.upper[j] !== init.upper[j]) dims.push(j);
    return dims;
  };
  const describe = (box: Box, inside: readonly number[]): PrimBox => {
    const hits = countTrue(y, inside);
    return {
      limits: restrictedDims(box).map((j) => ({ name: names[j] as string, min: box.lower[j] as number, max: box.upper[j] as number })),
      coverage: totalTrue > 0 ? hits / totalTrue : Number.NaN,
      density: inside.length > 0 ? hits / inside.length : Number.NaN,
      mass: inside.length / n,
    };
  };
  /** Gain in density per point removed or added: the workbench's 'lenient1' objective. */
  const objective = (oldInside: readonly number[], newInside: readonly number[]): number => {
    if (newInside.length === oldInside.length) return 0;
    const oldMean = countTrue(y, oldInside) / oldInside.length;
    const newMean = newInside.length > 0 ? countTrue(y, newInside) / newInside.length : 0;
    return (newMean - oldMean) / Math.abs(oldInside.length - newInside.length);
  };

  /** Of candidate boxes, the best by objective, then by fewer restricted dimensions; null if none. */
  const best = (
    inside: readonly number[],
    candidates: { box: Box; inside: number[] }[],
  ): { box: Box; inside: number[]; score: number } | null => {
    let chosen: { box: Box; inside: number[]; score: number; restricted: number } | null = null;
    for (const candidate of candidates) {
      const score = objective(inside, candidate.inside);
      const restricted = restrictedDims(candidate.box).length;
      if (!chosen || score > chosen.score || (score === chosen.score && restricted < chosen.restricted)) {
        chosen = { ...candidate, score, restricted };
      }
    }
    return chosen;
  };

  /** One box on the points `remaining`: peel, select, paste. */
  const findBox = (remaining: readonly number[]): { box: PrimBox; trajectory: PrimStep[]; inside: number[] } => {
    let box: Box = { lower: init.lower.slice(), upper: init.upper.slice() };
    let inside = remaining.slice();
    const trajectory: { box: Box; inside: number[] }[] = [{ box, inside }];

    // Peeling.
    for (;;) {
      const candidates: { box: Box; inside: number[] }[] = [];
      // A dimension whose remaining values are all tied cannot be peeled: such candidates are left out.
      const consider = (candidate: Box, kept: number[]): void => {
        if (kept.length < inside.length) candidates.push({ box: candidate, inside: kept });
      };
      for (let j = 0; j < d; j++) {
        const values = Float64Array.from(inside, (i) => (x[i] as readonly number[])[j] as number);
        const low = peelQuantile(values, peelAlpha);
        const high = peelQuantile(values, 1 - peelAlpha);
        const lowBox: Box = { lower: box.lower.slice(), upper: box.upper };
        lowBox.lower[j] = low;
        consider(lowBox, inside.filter((i) => ((x[i] as readonly number[])[j] as number) >= low));
        const highBox: Box = { lower: box.lower, upper: box.upper.slice() };
        highBox.upper[j] = high;
        consider(highBox, inside.filter((i) => ((x[i] as readonly number[])[j] as number) <= high));
      }
      const next = best(inside, candidates);
      // Peel on to the minimum mass even when no peel raises the density (Friedman & Fisher; the
      // workbench stops there): the greedy path often crosses such a plateau between two regions
      // of interest, and the selection below only looks back along the trajectory.
      if (!next || next.inside.length / n < minMass) break;
      box = next.box;
      inside = next.inside;
      trajectory.push({ box, inside });
    }

    // Selection: the largest box that is dense enough, else the densest.
    const densities = trajectory.map((step) => countTrue(y, step.inside) / step.inside.length);
    let pick = densities.findIndex((density) => density >= threshold);
    if (pick < 0) pick = densities.indexOf(Math.max(...densities));
    const picked = trajectory[pick] as { box: Box; inside: number[] };
    box = picked.box;
    inside = picked.inside;

    // Pasting: widen one restricted limit by the paste quantile of the remaining points between
    // it and the initial limit (and inside the box in every other dimension).
    for (;;) {
      const candidates: { box: Box; inside: number[] }[] = [];
      for (const j of restrictedDims(box)) {
        for (const side of ['lower', 'upper'] as const) {
          const slab: Box = { lower: box.lower.slice(), upper: box.upper.slice() };
          if (side === 'lower') slab.upper[j] = box.lower[j] as number;
          else slab.lower[j] = box.upper[j] as number;
          slab[side][j] = init[side][j] as number;
          const outside = remaining.filter((i) => inBox(x[i] as readonly number[], slab));
          if (outside.length === 0) continue;
          const values = Float64Array.from(outside, (i) => (x[i] as readonly number[])[j] as number);
          const pasted: Box = { lower: box.lower.slice(), upper: box.upper.slice() };
          pasted[side][j] = peelQuantile(values, side === 'lower' ? 1 - pasteAlpha : pasteAlpha);
          candidates.push({ box: pasted, inside: remaining.filter((i) => inBox(x[i] as readonly number[], pasted)) });
        }
      }
      const next = best(inside, candidates);
      if (!next || next.inside.length <= inside.length || !(next.score > 0)) break;
      box = next.box;
      inside = next.inside;
    }

    return {
      box: describe(box, inside),
      trajectory: trajectory.map((step) => {
        const described = describe(step.box, step.inside);
        return { ...described, restricted: described.limits.length };
      }),
      inside,
    };
  };

  const boxes: PrimBox[] = [];
  let trajectory: PrimStep[] = [];
  let remaining = x.map((_, i) => i);
  for (let b = 0; b < maxBoxes; b++) {
    if (countTrue(y, remaining) === 0) break;
    const found = findBox(remaining);
    if (b === 0) trajectory = found.trajectory;
    // The first box is always reported (its density says whether it met the threshold); a box
    // below the threshold ends the search, as its points say little about what remains.
    if (b > 0 && !(found.box.density >= threshold)) break;
    boxes.push(found.box);
    if (!(found.box.density >= threshold)) break;
    const taken = new Set(found.inside);
    remaining = remaining.filter((i) => !taken.has(i));
    if (remaining.length === 0) break;
  }
  return { boxes, trajectory };
}
