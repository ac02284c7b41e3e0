/**
 * The engine: model-agnostic pieces every model is built from — grid, neighbourhoods, typed-array
 * fields, agent stores, named random streams and keyed draws, schedules, the recorder and the run loop.
 */
export { createGrid, cellIndex, cellX, cellY, cellAt } from './grid.ts';
export { createNeighbourhood, neighbours } from './neighbourhood.ts';
export { createField, sumField, countEqual } from './fields.ts';
export { AgentStore, createAgentStore } from './agent-store.ts';
export { RandomStream, RandomStreams, createRandomStreams, normalQuantile } from './random-streams.ts';
export { Draws } from './draws.ts';
export { KeyedDraws, combineKeys, mix32 } from './keyed-draws.ts';
export { randomActivationOrder, runPhases } from './schedule.ts';
export { Recorder } from './recorder.ts';
export { runSimulation, runVariants, advance } from './simulation.ts';
export { copyState, COPY_STATE } from './state-copy.ts';
export { canonicalJson } from './canonical-json.ts';
export { expNonPositive } from './fast-exp.ts';

export type { Grid } from './grid.ts';
export type { Neighbourhood, NeighbourhoodKind } from './neighbourhood.ts';
export type { TypedArray, TypedArrayConstructor } from './fields.ts';
export type { AgentSchema, AgentColumns, VectorColumn } from './agent-store.ts';
export type { StreamState } from './random-streams.ts';
export type { Phase } from './schedule.ts';
export type { Simulation, ModelDefinition, ForkSupport, Frame, MapInfo, RunResult, Table } from './simulation.ts';
