/**
 * `--set path=value` overrides. The path is dotted and relative to the scenario's `params`
 * (`--set legitimacy=0.7`, `--set states.MLI.collusion=0.9`; a leading `params.` is accepted);
 * the value is read as a YAML scalar or flow collection, so `0.7`, `true`, `floor` and `[1, 2]`
 * all mean what they look like.
 */
import { parse as parseYaml } from 'yaml';
import type { TSchema } from '@sinclair/typebox';
import { SimError } from '../errors.ts';
import { allowedKeys, childSchema } from './schema-walk.ts';
import { nearest } from './suggest.ts';

export interface Override {
  /** Path inside `params`. */
  readonly path: readonly string[];
  readonly value: unknown;
  /** As the user wrote it, for messages and the manifest. */
  readonly text: string;
}

export function parseOverride(text: string): Override {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    throw new SimError('SIM_ERR_OVERRIDE', `--set ${text}: expected path=value, e.g. --set legitimacy=0.7`, [
      { file: '--set', message: `expected path=value, got "${text}"` },
    ]);
  }
  let path = text.slice(0, eq).trim().split('.');
  if (path[0] === 'params' && path.length > 1) path = path.slice(1);
  if (path.some((p) => p === '')) {
    throw new SimError('SIM_ERR_OVERRIDE', `--set ${text}: the path has an empty segment`, [
      { file: '--set', message: `the path "${text.slice(0, eq)}" has an empty segment` },
    ]);
  }
  let value: unknown;
  try {
    value = parseYaml(text.slice(eq + 1));
  } catch {
    throw new SimError('SIM_ERR_OVERRIDE', `--set ${text}: the value is not a YAML value`, [
      { file: '--set', message: `cannot read the value "${text.slice(eq + 1)}"` },
    ]);
  }
  return { path, value: value ?? null, text };
}

/** Throws unless every segment of the override's path names a parameter in the schema. */
export function checkOverridePath(override: Override, paramsSchema: TSchema): void {
  let schema: TSchema | undefined = paramsSchema;
  for (let k = 0; k < override.path.length; k++) {
    const key = override.path[k] as string;
    const next: TSchema | undefined = schema ? childSchema(schema, key) : undefined;
    if (!next) {
      const where = override.path.slice(0, k).join('.') || 'params';
      const suggestion = nearest(key, allowedKeys(schema));
      const hint = suggestion ? ` — did you mean "${[...override.path.slice(0, k), suggestion].join('.')}"?` : '';
      throw new SimError('SIM_ERR_OVERRIDE', `--set ${override.text}: "${key}" is not a parameter of ${where}${hint}`, [
        { file: '--set', path: '/params/' + override.path.join('/'), message: `"${key}" is not a parameter of ${where}${hint}` },
      ]);
    }
    schema = next;
  }
}
