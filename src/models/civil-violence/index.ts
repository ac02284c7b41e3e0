/** Epstein's civil violence model (2002), the engine's reference model: see `model.ts`. */
export { civilViolenceModel, createCivilViolenceSimulation, CivilViolenceSimulation, CIVIL_VIOLENCE_METRICS } from './model.ts';
export { CivilViolenceParamsSchema, defaultCivilViolenceParams, MAX_VISION } from './params.ts';
export { arrestProbability, copActiveRatio } from './arrest-probability.ts';
export { EMPTY, COP, QUIET, ACTIVE, JAILED, CITIZEN_KIND, COP_KIND } from './codes.ts';

export type { CivilViolenceParams } from './params.ts';
export type { ArrestRounding } from './arrest-probability.ts';
export type { CivilViolenceWorld, CivilViolenceAgents } from './world.ts';
export type { Vision } from './vision.ts';
