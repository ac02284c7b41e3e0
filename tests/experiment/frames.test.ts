import { describe, expect, it } from 'vitest';
import { captureFrames } from '../../src/experiment/index.ts';
import { runSimulation } from '../../src/engine/index.ts';
import { sahelSaharaModel } from '../../src/models/index.ts';
import { resolveScenario } from '../../src/scenario/index.ts';

const small = resolveScenario('tests/fixtures/sahel-small.yaml').scenario;

describe('captureFrames()', () => {
  const set = captureFrames(small, 3);
  const cells = set.map.grid.width * set.map.grid.height;

  it('records every tick of the run: control, presence and strength per cell, bands as points', () => {
    expect(set.frames).toBe(small.ticks + 1);
    expect(Object.keys(set.layers).sort()).toEqual(['control', 'presence', 'strength']);
    for (const layer of Object.values(set.layers)) expect(layer.length).toBe(set.frames * cells);
    expect(set.points).toHaveLength(set.frames);
    expect(set.points[0]!.length % 3).toBe(0);
    expect(set.start).toBe('2012-01-02');
  });

  it('describes the map: grid, countries of cells, borders, places and routes', () => {
    expect(set.map.region.length).toBe(cells);
    expect(set.map.regions).toContain('MLI');
    const kidal = set.map.places.find((p) => p.name === 'Kidal')!;
    expect(kidal.lon).toBeCloseTo(1.4078, 4);
    expect(set.map.borders.length).toBeGreaterThan(10);
    expect(set.map.routes[0]!.points.length).toBeGreaterThan(1);
    expect(set.map.kinds).toEqual(['AQIM', 'MNLA']);
  });

  it('shows the run the metrics describe: the frame count of group-held cells matches group_cells', () => {
    const run = runSimulation(sahelSaharaModel, small.params as never, 3, small.ticks);
    const groupCells = run.recorder.column('group_cells');
    const control = set.layers.control!;
    for (const t of [0, 10, small.ticks]) {
      let held = 0;
      for (let c = 0; c < cells; c++) {
        const v = control[t * cells + c] as number;
        if (v > 0 && v < 254) held++;
      }
      expect(held, `tick ${t}`).toBe(groupCells[t]);
    }
  });
});
