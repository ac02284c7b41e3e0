import { describe, expect, it } from 'vitest';
import { createGrid } from '../../../src/engine/index.ts';
import { createVision } from '../../../src/models/civil-violence/vision.ts';

describe('createVision()', () => {
  it('sees the 112 cells of the von Neumann diamond of radius 7, as Mesa', () => {
    const vision = createVision(createGrid(40, 40, true), 7);
    expect(vision.count).toBe(112);
    expect(vision.narrow).toBe(false);
  });

  it('counts each cell once, and never the centre, on a torus narrower than the diamond', () => {
    // 5 × 5 torus, radius 7: every other cell, once.
    expect(createVision(createGrid(5, 5, true), 7).count).toBe(24);
    // 3 × 40 torus, radius 2: rows dy = -2..2 (5 rows) × 3 columns, minus what radius 2 misses
    // (|dy| = 2 with |dx| ≥ 1) and the centre: 15 − 4 − 1 = 10.
    expect(createVision(createGrid(3, 40, true), 2).count).toBe(10);
    expect(createVision(createGrid(1, 1, true), 3).count).toBe(0);
  });
});
