/** `buildSimulation(scenario, seed)`: a resolved scenario and a seed become a simulation — purely. */
import type { Simulation } from '../engine/index.ts';
import { SimError } from '../errors.ts';
import { MODELS } from '../models/index.ts';
import type { ResolvedScenario } from './schema.ts';

export function modelOf(scenario: ResolvedScenario) {
  const registered = MODELS[scenario.model];
  if (!registered) throw new SimError('SIM_ERR_SCENARIO_MODEL', `unknown model "${scenario.model}"`);
  return registered;
}

export function buildSimulation(scenario: ResolvedScenario, seed: number): Simulation {
  return modelOf(scenario).definition.create(scenario.params as never, seed);
}
