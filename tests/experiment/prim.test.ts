import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRandomStreams } from '../../src/engine/index.ts';
import { latinHypercube } from '../../src/experiment/sampling.ts';
import { prim, type PrimBox } from '../../src/experiment/prim.ts';

const NAMES = ['x1', 'x2', 'x3'];
const cube = (names: readonly string[]) => names.map((name) => ({ name, min: 0, max: 1 }));

/** The points inside a box's limits (unlisted dimensions are unrestricted). */
function inside(x: readonly (readonly number[])[], names: readonly string[], box: PrimBox): number[] {
  return x
    .map((_, i) => i)
    .filter((i) =>
      box.limits.every((limit) => {
        const v = (x[i] as readonly number[])[names.indexOf(limit.name)] as number;
        return v >= limit.min && v <= limit.max;
      }),
    );
}

/** 2000 uniform points with y = (x1 > 0.7 && x2 < 0.4), 5 % of labels flipped. */
function noisyCorner(seed: number): { x: number[][]; y: boolean[] } {
  const x = latinHypercube(cube(NAMES), 2000, seed);
  const noise = createRandomStreams(seed).stream('noise');
  return { x, y: x.map((p) => ((p[0] as number) > 0.7 && (p[1] as number) < 0.4) !== noise.chance(0.05)) };
}

describe('prim()', () => {
  it('finds the box x1 > 0.7, x2 < 0.4 under 5 % label noise, leaving x3 free', () => {
    const { x, y } = noisyCorner(1);
    const { boxes } = prim(x, y, NAMES);
    expect(boxes).toHaveLength(1);
    const box = boxes[0]!;
    expect(box.limits.map((l) => l.name).sort()).toEqual(['x1', 'x2']);
    const x1 = box.limits.find((l) => l.name === 'x1')!;
    const x2 = box.limits.find((l) => l.name === 'x2')!;
    expect(Math.abs(x1.min - 0.7)).toBeLessThan(0.1);
    expect(x1.max).toBeGreaterThan(0.99); // unrestricted side: the data's maximum
    expect(Math.abs(x2.max - 0.4)).toBeLessThan(0.1);
    expect(x2.min).toBeLessThan(0.01);
    expect(box.density).toBeGreaterThanOrEqual(0.8);
    expect(box.coverage).toBeGreaterThan(0.6);
  });

  it('reports the coverage, density and mass of the points inside the reported limits', () => {
    const { x, y } = noisyCorner(2);
    const box = prim(x, y, NAMES).boxes[0]!;
    const members = inside(x, NAMES, box);
    const hits = members.filter((i) => y[i]).length;
    expect(box.mass).toBe(members.length / x.length);
    expect(box.density).toBe(hits / members.length);
    expect(box.coverage).toBe(hits / y.filter(Boolean).length);
  });

  it('records the peeling trajectory from the whole space down to the minimum mass', () => {
    const { x, y } = noisyCorner(3);
    const { trajectory } = prim(x, y, NAMES, { minMass: 0.05 });
    expect(trajectory[0]).toMatchObject({ coverage: 1, mass: 1, restricted: 0, limits: [] });
    expect(trajectory[0]!.density).toBeCloseTo(y.filter(Boolean).length / y.length, 12);
    for (let s = 1; s < trajectory.length; s++) {
      expect(trajectory[s]!.mass).toBeLessThan(trajectory[s - 1]!.mass);
      expect(trajectory[s]!.coverage).toBeLessThanOrEqual(trajectory[s - 1]!.coverage);
      expect(trajectory[s]!.restricted).toBe(trajectory[s]!.limits.length);
    }
    const last = trajectory[trajectory.length - 1]!;
    expect(last.mass).toBeGreaterThanOrEqual(0.05);
    expect(last.mass * 0.95).toBeLessThan(0.05 + 0.01); // one more peel would cross the minimum
    expect(Math.max(...trajectory.map((s) => s.density))).toBeGreaterThan(0.9);
  });

  it('trades coverage for density when the threshold is raised', () => {
    const { x, y } = noisyCorner(1);
    const loose = prim(x, y, NAMES, { threshold: 0.8 }).boxes[0]!;
    const tight = prim(x, y, NAMES, { threshold: 0.9 }).boxes[0]!;
    expect(tight.density).toBeGreaterThanOrEqual(0.9);
    expect(tight.density).toBeGreaterThan(loose.density);
    expect(tight.coverage).toBeLessThanOrEqual(loose.coverage);
  });

  it('finds a second region on the points outside the first box (covering)', () => {
    const names = ['x1', 'x2', 'x3', 'x4'];
    const x = latinHypercube(cube(names), 2000, 4);
    const y = x.map(([x1, x2, x3, x4]) => (x1! > 0.7 && x2! < 0.4) || (x3! > 0.8 && x4! > 0.7));
    const { boxes } = prim(x, y, names, { threshold: 0.9, maxBoxes: 3 });
    expect(boxes).toHaveLength(2); // the third search finds nothing dense enough
    const restricted = (box: PrimBox, name: string) => box.limits.find((l) => l.name === name);
    expect(Math.abs(restricted(boxes[0]!, 'x1')!.min - 0.7)).toBeLessThan(0.1);
    expect(Math.abs(restricted(boxes[0]!, 'x2')!.max - 0.4)).toBeLessThan(0.1);
    expect(Math.abs(restricted(boxes[1]!, 'x3')!.min - 0.8)).toBeLessThan(0.1);
    expect(Math.abs(restricted(boxes[1]!, 'x4')!.min - 0.7)).toBeLessThan(0.1);
    for (const box of boxes) expect(box.density).toBeGreaterThanOrEqual(0.9);
    expect(boxes[0]!.coverage + boxes[1]!.coverage).toBeGreaterThan(0.9);
  });

  it('returns no box when there is no case of interest', () => {
    const x = latinHypercube(cube(NAMES), 50, 1);
    expect(prim(x, new Array<boolean>(50).fill(false), NAMES).boxes).toEqual([]);
  });

  it('throws a RangeError on mismatched inputs', () => {
    const x = latinHypercube(cube(NAMES), 10, 1);
    expect(() => prim(x, new Array<boolean>(9).fill(true), NAMES)).toThrow(RangeError);
    expect(() => prim(x, new Array<boolean>(10).fill(true), ['x1', 'x2'])).toThrow(RangeError);
    expect(() => prim(x, new Array<boolean>(10).fill(true), NAMES, { peelAlpha: 0.6 })).toThrow(RangeError);
  });

  it('describes any data set consistently: stats match the points inside, mass at least the minimum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((d) =>
          fc.array(
            fc.tuple(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: d, maxLength: d }), fc.boolean()),
            { minLength: 20, maxLength: 150 },
          ),
        ),
        (rows) => {
          const x = rows.map(([p]) => p);
          const y = rows.map(([, v]) => v);
          const names = (x[0] as number[]).map((_, j) => `v${j}`);
          const { boxes, trajectory } = prim(x, y, names, { minMass: 0.1 });
          if (!y.some(Boolean)) {
            expect(boxes).toEqual([]);
            return;
          }
          const box = boxes[0]!;
          const members = inside(x, names, box);
          const hits = members.filter((i) => y[i]).length;
          expect(box.mass).toBe(members.length / x.length);
          expect(box.density).toBe(hits / members.length);
          expect(box.coverage).toBe(hits / y.filter(Boolean).length);
          expect(box.mass).toBeGreaterThanOrEqual(0.1);
          expect(box.density).toBeGreaterThanOrEqual(trajectory[0]!.density);
          for (const limit of box.limits) expect(limit.min).toBeLessThanOrEqual(limit.max);
        },
      ),
      { numRuns: 60 },
    );
  });
});
