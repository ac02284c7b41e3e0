/** Experiments: running scenarios over seeds, and the statistics that summarise them. */
export { runOne, runSeeds } from './run.ts';
export { parseSeedList } from './seeds.ts';
export { mean, standardDeviation, meanInterval, tQuantile975 } from './statistics.ts';

export type { SeedResult, RunProgress } from './run.ts';
export type { Interval } from './statistics.ts';
export { validate } from './validation/validate.ts';
export type { ValidationReport, PatternReport } from './validation/validate.ts';
