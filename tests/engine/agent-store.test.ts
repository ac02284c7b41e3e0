import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAgentStore } from '../../src/engine/index.ts';

describe('AgentStore', () => {
  it('does not count an added agent until commit', () => {
    const store = createAgentStore({ x: Float64Array }, 4);
    const id = store.add();
    store.columns.x[id] = 2.5;
    expect(store.count).toBe(0);
    expect(store.isAlive(id)).toBe(false);
    store.commit();
    expect(store.count).toBe(1);
    expect(store.ids[0]).toBe(id);
    expect(store.columns.x[id]).toBe(2.5);
  });

  it('keeps a removed agent alive until commit and reuses its id', () => {
    const store = createAgentStore({ x: Int32Array }, 2);
    const a = store.add();
    const b = store.add();
    store.commit();
    store.remove(a);
    store.remove(a);
    expect(store.count).toBe(2);
    store.commit();
    expect(store.count).toBe(1);
    expect(Array.from(store.ids.subarray(0, store.count))).toEqual([b]);
    expect(store.add()).toBe(a);
  });

  it('grows past its initial capacity and keeps the columns', () => {
    const store = createAgentStore({ v: Int32Array }, 1);
    for (let k = 0; k < 5; k++) {
      // add() first: growing replaces the column arrays.
      const id = store.add();
      store.columns.v[id] = k * 10;
    }
    store.commit();
    expect(store.capacity).toBe(8);
    expect(Array.from(store.columns.v.subarray(0, 5))).toEqual([0, 10, 20, 30, 40]);
  });

  it('keeps vector columns per agent and zeroes them for a new agent', () => {
    const store = createAgentStore({ mix: { type: Float32Array, width: 3 } }, 1);
    const a = store.add();
    store.columns.mix.set([0.5, 0.25, 0.25], a * 3);
    const b = store.add();
    store.commit();
    expect(Array.from(store.columns.mix.subarray(a * 3, a * 3 + 3))).toEqual([0.5, 0.25, 0.25]);
    expect(Array.from(store.columns.mix.subarray(b * 3, b * 3 + 3))).toEqual([0, 0, 0]);
    store.remove(a);
    store.commit();
    expect(store.add()).toBe(a);
    expect(Array.from(store.columns.mix.subarray(a * 3, a * 3 + 3))).toEqual([0, 0, 0]);
  });

  it('refuses to remove an agent that is not alive', () => {
    const store = createAgentStore({ v: Int32Array }, 2);
    expect(() => store.remove(0)).toThrow(/not alive/);
  });

  it('conserves the alive count over any sequence of additions and removals', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(10)), { maxLength: 40 }), (rounds) => {
        const store = createAgentStore({ v: Int32Array }, 2);
        let expected = 0;
        for (const [adds, removals] of rounds) {
          for (let k = 0; k < adds; k++) store.add();
          const removable = Math.min(removals, store.count);
          for (let k = 0; k < removable; k++) store.remove(store.ids[k]!);
          store.commit();
          expected += adds - removable;
          expect(store.count).toBe(expected);
          const ids = Array.from(store.ids.subarray(0, store.count));
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of ids) expect(store.isAlive(id)).toBe(true);
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
