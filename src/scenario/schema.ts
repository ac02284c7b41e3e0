/**
 * The scenario file format, as TypeBox schemas (so the server can publish them as JSON Schema).
 * A scenario is an envelope — version, model, name, ticks, seeds — around the model's `params`,
 * whose schema comes from the model registry.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const SCENARIO_VERSION = 1;

const envelopeProperties = {
  version: Type.Literal(SCENARIO_VERSION, { description: 'Scenario format version; must be 1.' }),
  model: Type.String({ description: 'The model to run, e.g. `civil-violence`.' }),
  name: Type.String({
    pattern: '^[a-z0-9][a-z0-9._-]*$',
    description: 'Short lowercase name, used to name result folders.',
  }),
  description: Type.Optional(Type.String({ description: 'What the scenario represents, and its sources.' })),
  extends: Type.Optional(Type.String({ description: 'Path of a scenario this one overrides, relative to this file.' })),
  ticks: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Number of ticks to run.' }),
  seeds: Type.Array(Type.Integer({ minimum: 0, maximum: 2 ** 32 - 1 }), {
    minItems: 1,
    default: [1],
    description: 'Default seeds when the command line gives none.',
  }),
};

/** The schema of a whole scenario for one model. */
export function scenarioSchema(paramsSchema: TSchema) {
  return Type.Object({ ...envelopeProperties, params: paramsSchema }, { additionalProperties: false });
}

/** The envelope alone, with `params` left open: used before the model is known. */
export const ScenarioEnvelopeSchema = Type.Object(
  { ...envelopeProperties, params: Type.Optional(Type.Unknown()) },
  { additionalProperties: false },
);

export type ScenarioEnvelope = Static<typeof ScenarioEnvelopeSchema>;

/** A scenario after extends, overrides and defaults: everything a run needs, and nothing else. */
export interface ResolvedScenario {
  readonly version: number;
  readonly model: string;
  readonly name: string;
  readonly description?: string;
  readonly ticks: number;
  readonly seeds: readonly number[];
  readonly params: Readonly<Record<string, unknown>>;
}
