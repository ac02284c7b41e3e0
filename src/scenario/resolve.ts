/**
 * The scenario pipeline: parse → extend → override → default → validate. `resolveScenario` reads
 * a file and everything it extends, applies `--set` overrides and `--ticks`, fills defaults from
 * the model's schema and checks the result, reporting every problem with its file, line, column
 * and path. The result is a plain document that `build` turns into a simulation.
 */
import { dirname, resolve as resolvePath } from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { SimError, type InputIssue } from '../errors.ts';
import { MODELS, modelNames, type RegisteredModel } from '../models/index.ts';
import { deepOverride, setAtPath } from './merge.ts';
import { checkOverridePath, parseOverride, type Override } from './override.ts';
import { allowedKeys, describeExpected, schemaAt, unionVariant, withDefaults } from './schema-walk.ts';
import { ScenarioEnvelopeSchema, scenarioSchema, type ResolvedScenario } from './schema.ts';
import { locate, readScenarioSource, type ScenarioSource } from './source.ts';
import { nearest } from './suggest.ts';

export interface ResolveOptions {
  /** `path=value` strings from `--set`. */
  readonly set?: readonly string[];
  readonly ticks?: number;
}

export interface Resolution {
  readonly scenario: ResolvedScenario;
  /** The files read, the named file first, then what it extends. */
  readonly files: readonly string[];
  readonly overrides: readonly string[];
}

/** Reads the file and its `extends` chain, leaf first. */
function readChain(file: string): ScenarioSource[] {
  const chain: ScenarioSource[] = [];
  const seen = new Set<string>();
  let next: string | undefined = resolvePath(file);
  while (next) {
    if (seen.has(next)) {
      const from = chain[chain.length - 1] as ScenarioSource;
      const at = locate(from, ['extends']);
      throw new SimError('SIM_ERR_SCENARIO_EXTENDS', `${from.file} extends ${next}, which forms a cycle`, [
        { file: from.file, line: at.line, column: at.column, path: '/extends', message: `extending ${next} forms a cycle` },
      ]);
    }
    seen.add(next);
    let source: ScenarioSource;
    try {
      source = readScenarioSource(next);
    } catch (error) {
      const from = chain[chain.length - 1];
      if (from && error instanceof SimError && error.code === 'SIM_ERR_SCENARIO_READ') {
        const at = locate(from, ['extends']);
        throw new SimError('SIM_ERR_SCENARIO_EXTENDS', `${from.file} extends ${next}, which cannot be read`, [
          { file: from.file, line: at.line, column: at.column, path: '/extends', message: `cannot read ${next}` },
        ]);
      }
      throw error;
    }
    chain.push(source);
    const parent = source.data.extends;
    if (parent !== undefined && typeof parent !== 'string') {
      const at = locate(source, ['extends']);
      throw new SimError('SIM_ERR_SCENARIO_INVALID', `${source.file}: extends must be a file path`, [
        { file: source.file, line: at.line, column: at.column, path: '/extends', message: 'expected a file path (a string)' },
      ]);
    }
    next = parent === undefined ? undefined : resolvePath(dirname(next), parent);
  }
  return chain;
}

/** Locates a problem at `path` in the leaf-most file that defines it, or in an override. */
function placeIssue(chain: readonly ScenarioSource[], overrides: readonly Override[], path: string[], message: string): InputIssue {
  const pointer = '/' + path.join('/');
  const override = overrides.find((o) => ['params', ...o.path].join('/') === path.slice(0, o.path.length + 1).join('/'));
  if (override) return { file: '--set', path: pointer, message: `${message} (from --set ${override.text})` };
  let best: { source: ScenarioSource; line: number; column: number } | undefined;
  for (const source of chain) {
    const at = locate(source, path);
    if (at.exact) return { file: source.file, line: at.line, column: at.column, path: pointer, message };
    best ??= { source, ...at };
  }
  const leaf = best as { source: ScenarioSource; line: number; column: number };
  return { file: leaf.source.file, line: leaf.line, column: leaf.column, path: pointer, message };
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? text.slice(0, 37) + '...' : text;
}

/**
 * Schema errors of `value`, with a failed tagged union (an event) replaced by the errors of the
 * variant its `type` names, so the user reads "missing key `weeks`", not "expected union value".
 */
function* schemaErrors(schema: TSchema, value: unknown, prefix = ''): Generator<{ error: ValueError; path: string; schema: TSchema }> {
  for (const error of Value.Errors(schema, value)) {
    if (error.type === ValueErrorType.Union) {
      const variant = unionVariant(error.schema, error.value);
      if (variant) {
        yield* schemaErrors(variant, error.value, prefix + error.path);
        continue;
      }
      const tags = ((error.schema as { anyOf?: { properties?: { type?: { const?: unknown } } }[] }).anyOf ?? [])
        .map((v) => v.properties?.type?.const)
        .filter((t) => t !== undefined);
      if (tags.length > 0) {
        yield {
          error: { ...error, message: `expected "type" to be one of ${tags.map((t) => JSON.stringify(t)).join(', ')}` },
          path: prefix + error.path + '/type',
          schema,
        };
        continue;
      }
    }
    yield { error, path: prefix + error.path, schema };
  }
}

/** A user-facing message for one schema error, with the nearest valid key when one is misspelt. */
function explain(schema: TSchema, error: ValueError): string {
  const path = error.path.split('/').slice(1);
  const key = path[path.length - 1] ?? '';
  const parentSchema = schemaAt(schema, path.slice(0, -1));
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties: {
      const suggestion = nearest(key, allowedKeys(parentSchema));
      const allowed = allowedKeys(parentSchema);
      return suggestion
        ? `unknown key "${key}" — did you mean "${suggestion}"?`
        : `unknown key "${key}"; expected one of: ${allowed.join(', ')}`;
    }
    case ValueErrorType.ObjectRequiredProperty:
      return `missing required key "${key}"${describeExpected(error.schema) ? ` (${describeExpected(error.schema)})` : ''}`;
    case ValueErrorType.Union:
      return error.message;
    default: {
      const expected = describeExpected(error.schema) ?? error.message;
      return `expected ${expected}, got ${describeValue(error.value)}`;
    }
  }
}

/**
 * Fills defaults into a merged document and checks it against the model's schema and checks;
 * `place` turns a problem's path into a located issue. Throws SIM_ERR_SCENARIO_INVALID.
 */
function validateDocument(
  registered: RegisteredModel,
  merged: Record<string, unknown>,
  place: (path: string[], message: string) => InputIssue,
  origin: string,
): ResolvedScenario {
  const schema = scenarioSchema(registered.paramsSchema);
  const filled = withDefaults(schema, merged) as Record<string, unknown>;
  const issues: InputIssue[] = [];
  const seenPaths = new Set<string>();
  // The envelope first, so that a wrong `version` is not drowned in parameter errors.
  for (const s of [ScenarioEnvelopeSchema, schema]) {
    for (const { error, path, schema: within } of schemaErrors(s, filled)) {
      if (s === ScenarioEnvelopeSchema && path.startsWith('/params')) continue;
      if (seenPaths.has(path)) continue;
      seenPaths.add(path);
      // `explain` reads sub-schemas by the error's own path, inside the schema it came from.
      issues.push(place(path.split('/').slice(1), explain(within, error)));
      if (issues.length >= 20) break;
    }
  }
  if (issues.length === 0 && registered.check) {
    for (const problem of registered.check(filled.params as never, filled.ticks as number)) {
      issues.push(place(['params', ...problem.path], problem.message));
    }
  }
  if (issues.length > 0) {
    throw new SimError('SIM_ERR_SCENARIO_INVALID', `${origin} does not match the scenario schema`, issues);
  }
  return filled as unknown as ResolvedScenario;
}

/**
 * Checks a resolved scenario that did not come from a file — a job from a queue, a design point —
 * as strictly as `resolveScenario` checks a file: the queue's contents are input, not trusted.
 * Problems are reported against `origin` with their paths.
 */
export function checkDocument(document: unknown, origin: string): ResolvedScenario {
  const fail = (message: string): never => {
    throw new SimError('SIM_ERR_SCENARIO_INVALID', `${origin}: ${message}`, [{ file: origin, path: '/', message }]);
  };
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return fail('expected a scenario object');
  const model = (document as Record<string, unknown>).model;
  const registered = typeof model === 'string' ? MODELS[model] : undefined;
  if (!registered) return fail(`unknown model ${describeValue(model)}; expected one of: ${modelNames().join(', ')}`);
  return validateDocument(registered, document as Record<string, unknown>, (path, message) => ({ file: origin, path: '/' + path.join('/'), message }), origin);
}

/**
 * The scenario with parameter values set at a design point (`states.MLI.collusion` → 0.6), checked
 * again: a point is an override like `--set`, and may not leave the schema.
 */
export function applyPoint(scenario: ResolvedScenario, point: Readonly<Record<string, number>>, origin: string): ResolvedScenario {
  let document = scenario as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(point)) document = setAtPath(document, ['params', ...path.split('.')], value);
  return checkDocument(document, origin);
}

export function resolveScenario(file: string, options: ResolveOptions = {}): Resolution {
  const chain = readChain(file);
  const leaf = chain[0] as ScenarioSource;
  let merged: Record<string, unknown> = {};
  for (let k = chain.length - 1; k >= 0; k--) merged = deepOverride(merged, (chain[k] as ScenarioSource).data);
  // `extends` has done its work; the resolved scenario does not carry it.
  const { extends: _extends, ...withoutExtends } = merged;
  merged = withoutExtends;

  const model = merged.model;
  const registered = typeof model === 'string' ? MODELS[model] : undefined;
  if (!registered) {
    const suggestion = typeof model === 'string' ? nearest(model, modelNames()) : undefined;
    const message =
      model === undefined
        ? `missing required key "model"; expected one of: ${modelNames().join(', ')}`
        : `unknown model ${describeValue(model)}${suggestion ? ` — did you mean "${suggestion}"?` : `; expected one of: ${modelNames().join(', ')}`}`;
    throw new SimError('SIM_ERR_SCENARIO_MODEL', `${leaf.file}: ${message}`, [placeIssue(chain, [], ['model'], message)]);
  }

  const overrides = (options.set ?? []).map(parseOverride);
  for (const override of overrides) {
    checkOverridePath(override, registered.paramsSchema);
    merged = setAtPath(merged, ['params', ...override.path], override.value);
  }
  if (options.ticks !== undefined) merged = { ...merged, ticks: options.ticks };
  merged.ticks ??= registered.defaultTicks;
  merged.params ??= {};

  const filled = validateDocument(registered, merged, (path, message) => placeIssue(chain, overrides, path, message), leaf.file);
  return { scenario: filled, files: chain.map((s) => s.file), overrides: overrides.map((o) => o.text) };
}
