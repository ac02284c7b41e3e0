import { describe, expect, it } from 'vitest';
import { copyState, createAgentStore, createRandomStreams } from '../../src/engine/index.ts';

describe('copyState()', () => {
  it('copies typed arrays, nested objects, arrays and maps so the copy shares nothing mutable', () => {
    const state = { a: new Float64Array([1, 2]), nested: { list: [1, { x: 2 }] }, map: new Map([['k', new Int32Array([3])]]) };
    const copy = copyState(state);
    copy.a[0] = 9;
    (copy.nested.list[1] as { x: number }).x = 7;
    copy.map.get('k')![0] = 5;
    expect(Array.from(state.a)).toEqual([1, 2]);
    expect(state.nested.list[1]).toEqual({ x: 2 });
    expect(state.map.get('k')![0]).toBe(3);
    expect(Array.from(copy.a)).toEqual([9, 2]);
  });

  it('keeps a shared reference shared, shares frozen objects and what isShared accepts', () => {
    const shared = new Float32Array(4);
    const frozen = Object.freeze({ p: 1 });
    const big = new Uint8Array(8);
    const state = { one: shared, two: shared, frozen, big };
    const copy = copyState(state, (o) => o === big);
    expect(copy.one).toBe(copy.two);
    expect(copy.one).not.toBe(shared);
    expect(copy.frozen).toBe(frozen);
    expect(copy.big).toBe(big);
  });

  it('continues a random stream from the same state, independently of the original', () => {
    const streams = createRandomStreams(42);
    const stream = streams.stream('movement');
    stream.float();
    const copy = copyState({ stream }).stream;
    const fromCopy = [copy.float(), copy.float(), copy.normal(0, 1)];
    const fromOriginal = [stream.float(), stream.float(), stream.normal(0, 1)];
    expect(fromCopy).toEqual(fromOriginal);
  });

  it('copies an agent store with its methods, and the copy evolves on its own', () => {
    const store = createAgentStore({ x: Float64Array }, 2);
    store.columns.x[store.add()] = 1;
    store.commit();
    const copy = copyState(store);
    copy.columns.x[copy.add()] = 2;
    copy.commit();
    expect(copy.count).toBe(2);
    expect(store.count).toBe(1);
  });

  it('refuses a function, whose hidden state a checkpoint could not copy', () => {
    expect(() => copyState({ f: () => 1 })).toThrow(/state\.f is a function/);
  });
});
