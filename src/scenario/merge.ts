/**
 * Deep override of scenario documents (immer): objects merge key by key, anything else —
 * numbers, strings, arrays — is replaced whole, so an override of a list says the whole list.
 * A key written `name+` appends its list to the list `name` it overrides (`events+: [...]` adds
 * events to those of the scenario it extends).
 */
import { produce, type Draft } from 'immer';

type Tree = Record<string, unknown>;

function isPlainObject(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeInto(target: Draft<Tree>, patch: Tree): void {
  for (const [key, value] of Object.entries(patch)) {
    if (key.endsWith('+') && Array.isArray(value)) {
      const name = key.slice(0, -1);
      const current = target[name];
      target[name] = [...(Array.isArray(current) ? current : []), ...structuredClone(value)];
      continue;
    }
    const current = target[key];
    if (isPlainObject(value) && isPlainObject(current)) mergeInto(current as Draft<Tree>, value);
    else target[key] = structuredClone(value);
  }
}

/** `base` with `patch` deep-merged over it; neither input changes. */
export function deepOverride(base: Tree, patch: Tree): Tree {
  return produce(base, (draft) => mergeInto(draft, patch));
}

/** `base` with the value at `path` set, creating intermediate objects; `base` does not change. */
export function setAtPath(base: Tree, path: readonly string[], value: unknown): Tree {
  return produce(base, (draft) => {
    let node: Draft<Tree> = draft;
    for (const key of path.slice(0, -1)) {
      if (!isPlainObject(node[key])) node[key] = {};
      node = node[key] as Draft<Tree>;
    }
    node[path[path.length - 1] as string] = structuredClone(value);
  });
}
