/** Scenarios: the file format, the pipeline from file to resolved document, and building a run. */
export { SCENARIO_VERSION, ScenarioEnvelopeSchema, scenarioSchema } from './schema.ts';
export { resolveScenario, checkDocument, applyPoint } from './resolve.ts';
export { parseScenarioText, readScenarioSource } from './source.ts';
export { parseOverride } from './override.ts';
export { buildSimulation, modelOf } from './build.ts';
export { canonicalJson, scenarioHash, sha256 } from './hash.ts';
export { nearest } from './suggest.ts';

export type { ResolvedScenario, ScenarioEnvelope } from './schema.ts';
export type { ResolveOptions, Resolution } from './resolve.ts';
export type { Override } from './override.ts';
