/**
 * Walking a TypeBox (JSON Schema) document alongside a value: the sub-schema at a path, the keys
 * an object allows, and filling defaults — including inside records (`patternProperties`), which
 * TypeBox's own `Value.Default` leaves alone.
 */
import type { TSchema } from '@sinclair/typebox';

type Json = unknown;
type SchemaNode = TSchema & {
  properties?: Record<string, TSchema>;
  patternProperties?: Record<string, TSchema>;
  additionalProperties?: boolean | TSchema;
  items?: TSchema;
  anyOf?: TSchema[];
  default?: Json;
  const?: Json;
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema for a child `key` of an object or array schema, or undefined. */
export function childSchema(schema: TSchema, key: string): TSchema | undefined {
  const node = schema as SchemaNode;
  if (node.properties && key in node.properties) return node.properties[key];
  if (node.patternProperties) {
    for (const [pattern, sub] of Object.entries(node.patternProperties)) if (new RegExp(pattern).test(key)) return sub;
  }
  if (node.items && /^\d+$/.test(key)) return node.items;
  if (typeof node.additionalProperties === 'object') return node.additionalProperties;
  return undefined;
}

/** The schema at a path of keys, or undefined when the path leaves the schema. */
export function schemaAt(schema: TSchema, path: readonly string[]): TSchema | undefined {
  let node: TSchema | undefined = schema;
  for (const key of path) {
    if (!node) return undefined;
    node = childSchema(node, key);
  }
  return node;
}

/** The property names an object schema allows (empty for records and non-objects). */
export function allowedKeys(schema: TSchema | undefined): string[] {
  const node = schema as SchemaNode | undefined;
  return node?.properties ? Object.keys(node.properties) : [];
}

/** A short description of what a schema expects, for error messages. */
export function describeExpected(schema: TSchema | undefined): string | undefined {
  const node = schema as SchemaNode | undefined;
  if (!node) return undefined;
  if (node.anyOf && node.anyOf.every((s) => 'const' in s)) {
    return `one of ${node.anyOf.map((s) => JSON.stringify((s as SchemaNode).const)).join(', ')}`;
  }
  const parts: string[] = [];
  if (typeof node.type === 'string') parts.push(node.type === 'integer' ? 'an integer' : `a ${node.type}`);
  if (typeof node.minimum === 'number' && typeof node.maximum === 'number') parts.push(`from ${node.minimum} to ${node.maximum}`);
  else if (typeof node.minimum === 'number') parts.push(`≥ ${node.minimum}`);
  else if (typeof node.maximum === 'number') parts.push(`≤ ${node.maximum}`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * For a union of object schemas told apart by a literal `type` property (the scenario's events),
 * the variant that `value` names; undefined when the schema is no such union or none matches.
 */
export function unionVariant(schema: TSchema, value: unknown): TSchema | undefined {
  const node = schema as SchemaNode;
  if (!node.anyOf || !isPlainObject(value)) return undefined;
  return node.anyOf.find((variant) => {
    const tag = (variant as SchemaNode).properties?.type as SchemaNode | undefined;
    return tag !== undefined && 'const' in tag && tag.const === value.type;
  });
}

/** A deep copy of `value` with every missing property that has a schema default filled in. */
export function withDefaults(schema: TSchema, value: unknown): unknown {
  const variant = unionVariant(schema, value);
  if (variant) return withDefaults(variant, value);
  const node = schema as SchemaNode;
  if (value === undefined) {
    if (node.default === undefined) return undefined;
    value = structuredClone(node.default);
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const sub = childSchema(schema, key);
      out[key] = sub ? withDefaults(sub, child) : child;
    }
    for (const [key, sub] of Object.entries(node.properties ?? {})) {
      if (!(key in out)) {
        const filled = withDefaults(sub, undefined);
        if (filled !== undefined) out[key] = filled;
      }
    }
    return out;
  }
  if (Array.isArray(value) && node.items) return value.map((item) => withDefaults(node.items as TSchema, item));
  return value;
}
