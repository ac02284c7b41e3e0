/** What the experiment layer asks of a scenario's model: where options may differ, which way is better. */
import { modelOf, type ResolvedScenario } from '../scenario/index.ts';

/** The decision tick of a scenario: where options may start to differ (the model's fork tick). */
export function forkTickOf(scenario: ResolvedScenario): number | undefined {
  return modelOf(scenario).definition.fork?.forkTick(scenario.params as never);
}

/** The model's better direction for each outcome metric (empty when the model gives none). */
export function metricDirections(scenario: ResolvedScenario): Readonly<Record<string, 'lower' | 'higher'>> {
  return modelOf(scenario).definition.better ?? {};
}

/** The model's headline metrics, else its first six. */
export function headlineMetrics(scenario: ResolvedScenario): readonly string[] {
  const { definition } = modelOf(scenario);
  return definition.headline ?? definition.metrics.slice(0, 6);
}

/** True when every scenario shares the run up to its decision with the first (one checkpoint per seed). */
export function sharesCheckpoint(scenarios: readonly ResolvedScenario[]): boolean {
  const first = scenarios[0];
  if (!first) return false;
  const fork = modelOf(first).definition.fork;
  if (!fork) return false;
  const key = (s: ResolvedScenario) => `${s.model}:${fork.forkTick(s.params as never) ?? 'none'}:${fork.prefixKey(s.params as never)}`;
  return fork.forkTick(first.params as never) !== undefined && scenarios.every((s) => key(s) === key(first));
}
