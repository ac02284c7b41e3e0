/**
 * Contract: `copyState(value)` returns a deep copy of a simulation's state — the object graph of
 * plain objects, arrays, typed arrays, Maps, Sets and class instances (prototype kept, own fields
 * copied) — that shares nothing mutable with the original, so a checkpoint can be continued many
 * times. Shared references inside the graph stay shared in the copy (a stream reachable by two
 * paths is one stream in the copy). Frozen objects (scenario trees) are immutable and are shared,
 * not copied, as is anything `isShared` accepts (static geography). An object whose state is not
 * in its fields (a generator closure) provides `[COPY_STATE]()`; a bare function is an error,
 * because a checkpoint that silently shared it would not be independent.
 */

/** A method that returns an independent copy of the object, for objects whose state is hidden. */
export const COPY_STATE: unique symbol = Symbol('copyState');

interface SelfCopying {
  [COPY_STATE](): unknown;
}

function isSelfCopying(value: object): value is SelfCopying {
  return typeof (value as Partial<SelfCopying>)[COPY_STATE] === 'function';
}

export function copyState<T>(value: T, isShared: (value: object) => boolean = () => false): T {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown, path: string): unknown => {
    if (typeof v === 'function') throw new TypeError(`copyState: ${path} is a function, which a checkpoint cannot copy`);
    if (typeof v !== 'object' || v === null) return v;
    if (Object.isFrozen(v) || isShared(v)) return v;
    const seen = copies.get(v);
    if (seen !== undefined) return seen;
    if (ArrayBuffer.isView(v)) {
      if (v instanceof DataView) throw new TypeError(`copyState: ${path} is a DataView`);
      const out = (v as unknown as { slice(): object }).slice();
      copies.set(v, out);
      return out;
    }
    if (isSelfCopying(v)) {
      const out = v[COPY_STATE]();
      copies.set(v, out);
      return out;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      copies.set(v, out);
      for (let k = 0; k < v.length; k++) out.push(copy(v[k], `${path}[${k}]`));
      return out;
    }
    if (v instanceof Map) {
      const out = new Map<unknown, unknown>();
      copies.set(v, out);
      for (const [key, item] of v) out.set(copy(key, `${path} key`), copy(item, `${path}.get(${String(key)})`));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set<unknown>();
      copies.set(v, out);
      for (const item of v) out.add(copy(item, `${path} item`));
      return out;
    }
    // A plain object is cloned with spread first: V8 then gives the copy the original's hidden
    // class. Adding ~100 fields one by one (a world) would leave it in slow dictionary mode, and
    // every phase reading it would run several times slower.
    const prototype = Object.getPrototypeOf(v) as object | null;
    const out = (prototype === Object.prototype ? { ...v } : Object.create(prototype)) as Record<string, unknown>;
    copies.set(v, out);
    for (const key of Object.keys(v)) out[key] = copy((v as Record<string, unknown>)[key], `${path}.${key}`);
    return out;
  };
  return copy(value, 'state') as T;
}
