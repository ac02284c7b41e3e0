/**
 * The models a scenario can name, each with the TypeBox schema of its `params` (defaults
 * included) so that the scenario layer can validate, fill and document them.
 */
import type { TSchema } from '@sinclair/typebox';
import type { ModelDefinition } from '../engine/index.ts';
import { SahelSaharaParamsSchema, checkSahelSahara, sahelSaharaModel } from './sahel-sahara/index.ts';
import { CivilViolenceParamsSchema, civilViolenceModel, type CivilViolenceParams } from './civil-violence/index.ts';

export interface RegisteredModel {
  readonly definition: ModelDefinition<never>;
  readonly paramsSchema: TSchema;
  /** Ticks when a scenario gives none. */
  readonly defaultTicks: number;
  /** Checks across parameters that a schema cannot express; paths are relative to `params`. */
  readonly check?: (params: never, ticks: number) => { path: string[]; message: string }[];
}

export const MODELS: Readonly<Record<string, RegisteredModel>> = {
  'sahel-sahara': {
    definition: sahelSaharaModel as ModelDefinition<never>,
    paramsSchema: SahelSaharaParamsSchema,
    defaultTicks: 156,
    check: checkSahelSahara,
  },
  'civil-violence': {
    definition: civilViolenceModel as ModelDefinition<never>,
    paramsSchema: CivilViolenceParamsSchema,
    defaultTicks: 200,
    check: (p: CivilViolenceParams) =>
      p.citizenDensity + p.copDensity > 1
        ? [{ path: ['citizenDensity'], message: `citizenDensity + copDensity is ${p.citizenDensity + p.copDensity}; at most 1 fits one agent per cell` }]
        : [],
  },
};

export function modelNames(): string[] {
  return Object.keys(MODELS);
}
