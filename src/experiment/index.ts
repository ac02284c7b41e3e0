/** Experiments: running scenarios over seeds, and the statistics that summarise them. */
export { runOne, runSeeds } from './run.ts';
export { parseSeedList } from './seeds.ts';
export { mean, standardDeviation, meanInterval } from './statistics.ts';

export type { SeedResult, RunProgress } from './run.ts';
export type { Interval } from './statistics.ts';
export { validate } from './validation/validate.ts';
export { runKey, deriveSeed } from './run-key.ts';
export { executeTask } from './task.ts';
export { createInlineExecutor } from './inline-executor.ts';
export { createLocalExecutor } from './local-executor.ts';
export { DEFAULT_RETRY, isAbortError } from './executor.ts';
export { planTasks, runBatch } from './batch.ts';
export { forkTickOf, metricDirections, headlineMetrics, sharesCheckpoint } from './model-info.ts';
export { planComparison, uncertainFactors, designPoints, comparisonGroups, batchGroups } from './compare.ts';
export { comparisonReport, outcomeOf } from './comparison-report.ts';
export { parseSatisficing } from './compare-statistics.ts';
export type { ComparisonDesign, SampleMethod } from './compare.ts';
export type { ComparisonReport, OutcomeStat } from './comparison-report.ts';
export type { Satisficing } from './compare-statistics.ts';

export type { Task, RunSpec, RunOutput, TaskResult } from './task.ts';
export type { Executor, ExecutorHandlers, RetryPolicy, TaskFailure } from './executor.ts';
export type { BatchProgress, BatchOutcome, RunRequest } from './batch.ts';
export type { ValidationReport, PatternReport } from './validation/validate.ts';
export { sensitivityDesign, sensitivityFactors, sensitivityGroups, sensitivityIndices } from './sensitivity-design.ts';
export type { SensitivityDesign, SensitivityIndices, SensitivityMethod, SensitivitySettings } from './sensitivity-design.ts';
export { prim } from './prim.ts';
export type { PrimBox, PrimResult } from './prim.ts';
export { captureFrames } from './frames.ts';
export type { FrameSet } from './frames.ts';
