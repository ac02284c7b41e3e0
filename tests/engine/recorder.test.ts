import { describe, expect, it } from 'vitest';
import { Recorder, runSimulation, type ModelDefinition } from '../../src/engine/index.ts';

const counter: ModelDefinition<{ step: number }> = {
  name: 'counter',
  metrics: ['value', 'double'],
  create(params) {
    let value = 0;
    return {
      get tick() {
        return value / params.step;
      },
      step() {
        value += params.step;
      },
      measure(out) {
        out[0] = value;
        out[1] = 2 * value;
      },
      isFinished: () => value >= 3 * params.step,
    };
  },
};

describe('Recorder', () => {
  it('stores committed rows column by column', () => {
    const r = new Recorder(['a', 'b'], 3);
    r.row[0] = 1;
    r.row[1] = 2;
    r.commitRow();
    r.row[0] = 3;
    r.commitRow();
    expect(Array.from(r.column('a'))).toEqual([1, 3]);
    expect(Array.from(r.column('b'))).toEqual([2, 2]);
  });

  it('refuses a row past its capacity', () => {
    const r = new Recorder(['a'], 1);
    r.commitRow();
    expect(() => r.commitRow()).toThrow(/full/);
  });
});

describe('runSimulation()', () => {
  it('records the initial state and each tick, stopping when the model is finished', () => {
    const result = runSimulation(counter, { step: 2 }, 1, 10);
    expect(Array.from(result.recorder.column('value'))).toEqual([0, 2, 4, 6]);
    expect(result.ticks).toBe(3);
  });
});
