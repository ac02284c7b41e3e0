/**
 * Forking runs at the decision date (issue 4: options fork from one shared checkpoint). Framework
 * options extend one scenario with a `decision` date, frameworks in force from it and events
 * dated from it; before it their runs are the same run. The prefix key is the scenario without
 * what may only matter from the decision on, so two scenarios share a checkpoint exactly when
 * nothing before the decision can tell them apart; the rebase then gives the continued world the
 * option's scenario tree, events and frameworks, as if it had been run from the start.
 */
import { canonicalJson, copyState } from '../../engine/index.ts';
import { tickOfDate } from './calendar.ts';
import { createFrameworks, scheduleEvents } from './create-world.ts';
import { applySet } from './events.ts';
import type { SahelSaharaParams } from './params.ts';
import { applyPolicy } from './policy.ts';
import type { World } from './world.ts';

export function forkTick(params: SahelSaharaParams): number | undefined {
  return params.decision ? tickOfDate(params.start, params.decision) : undefined;
}

/**
 * The scenario as seen before the decision: without the decision itself, the sampling ranges
 * (`uncertainties`, never read by a run), events dated from the decision, and frameworks in force
 * only from it. Everything else — states, groups, places, earlier events — must be equal.
 */
export function prefixKey(params: SahelSaharaParams): string {
  const decision = forkTick(params) ?? Number.POSITIVE_INFINITY;
  const { decision: _decision, uncertainties: _uncertainties, events, frameworks, ...rest } = params;
  const before = (date: string | undefined): boolean => date === undefined || tickOfDate(params.start, date) < decision;
  return canonicalJson({
    ...rest,
    events: events.filter((e) => before(e.date)),
    frameworks: Object.fromEntries(Object.entries(frameworks).filter(([, f]) => before(f.from))),
  });
}

/**
 * A copy of `world` (at the tick before the decision) continued under `params`: the option's
 * scenario tree with the events already applied replayed on it, its events, its frameworks (those
 * already in force keep their operationalisation) and the policy arrays derived from its tree.
 */
export function copyWorldUnder(world: World, params: SahelSaharaParams): World {
  const copy = copyState(world, (o) => o === world.raster || o === world.spec);
  const events = scheduleEvents(params);
  let tree = params;
  for (let k = 0; k < world.nextEvent; k++) {
    const { event } = events[k] as (typeof events)[number];
    if (event.type === 'set') tree = applySet(tree, event);
  }
  copy.params = tree;
  copy.events = events;
  const previous = new Map(world.frameworks.map((f) => [f.name, f]));
  copy.frameworks = createFrameworks(tree, world.countries);
  for (const f of copy.frameworks) {
    const old = previous.get(f.name);
    if (old) f.operationalisation = old.operationalisation;
  }
  applyPolicy(copy, tree);
  return copy;
}
