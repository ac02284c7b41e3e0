/**
 * The regional security model as an engine `ModelDefinition`: one tick runs the phases of
 * MODEL.md §3 in order, then records the metrics. Bands split off while moving join right after
 * the movement phase; bands too small to go on are removed at the end of the tick.
 */
import { freeze } from 'immer';
import { copyState, type Frame, type MapInfo, type ModelDefinition, type Simulation, type Table } from '../../engine/index.ts';
import { attacksPhase } from './attacks.ts';
import { balloonIndex, createBalloonTracker, recordBalloon, type BalloonTracker } from './balloon.ts';
import { createDisplacementTracker, displacementTable, trackDisplacement, type DisplacementTracker } from './cohort.ts';
import { controlPhase } from './control.ts';
import { createWorld } from './create-world.ts';
import { economyPhase } from './economy.ts';
import { eventsPhase } from './events.ts';
import { copyWorldUnder, forkTick, prefixKey } from './fork.ts';
import { frameOf, mapInfoOf } from './frames.ts';
import { intelligencePhase } from './intelligence.ts';
import { measure, metricRegions, resetTally, SAHEL_BETTER, SAHEL_METRICS, type MetricRegions } from './metrics.ts';
import { movementPhase } from './movement.ts';
import { operationsPhase } from './operations.ts';
import type { SahelSaharaParams } from './params.ts';
import { presencePhase } from './presence.ts';
import { recruitmentPhase } from './recruitment.ts';
import { relationsPhase } from './relations.ts';
import { runTables } from './tables.ts';
import type { World } from './world.ts';

/** Bands below this size disband. */
const MIN_BAND = 3;

export class SahelSaharaSimulation implements Simulation {
  // Not readonly: `resumeUnder` assembles a copy field by field.
  world: World;
  private regions: MetricRegions;
  private balloon: BalloonTracker | undefined;
  private displacement: DisplacementTracker | undefined;

  constructor(params: SahelSaharaParams, seed: number) {
    this.world = createWorld(params, seed);
    // Events dated at the start apply before the first measurement.
    eventsPhase(this.world);
    controlPhase(this.world);
    this.regions = metricRegions(this.world);
    this.balloon = createBalloonTracker(this.world);
    this.displacement = createDisplacementTracker(this.world);
  }

  /** A simulation continuing a copy of this one under `params` (see fork.ts). */
  resumeUnder(params: SahelSaharaParams): SahelSaharaSimulation {
    freeze(params, true);
    const copy = Object.create(SahelSaharaSimulation.prototype) as SahelSaharaSimulation;
    copy.world = copyWorldUnder(this.world, params);
    copy.regions = this.regions;
    copy.balloon = this.balloon && copyState(this.balloon);
    // The tracker follows the scenario's first offensive: an option may add one after the decision.
    const mark = this.displacement && this.displacement.markTick <= this.world.tick ? this.displacement : createDisplacementTracker(copy.world);
    copy.displacement = mark && copyState(mark);
    return copy;
  }

  get tick(): number {
    return this.world.tick;
  }

  step(): void {
    const world = this.world;
    resetTally(world);
    world.tick++;
    eventsPhase(world);
    if (this.displacement) trackDisplacement(world, this.displacement);
    presencePhase(world);
    intelligencePhase(world);
    operationsPhase(world);
    movementPhase(world);
    // Bands split off during movement act from here on (and count toward control this tick).
    world.bands.commit();
    economyPhase(world);
    recruitmentPhase(world);
    attacksPhase(world);
    if (this.balloon) recordBalloon(world, this.balloon);
    controlPhase(world);
    relationsPhase(world);
    const b = world.bands.columns;
    for (let k = 0; k < world.bands.count; k++) {
      const id = world.bands.ids[k] as number;
      if ((b.fighters[id] as number) < MIN_BAND) {
        world.bands.remove(id);
        world.strengthStale = true;
      }
    }
    world.bands.commit();
  }

  measure(out: Float64Array): void {
    measure(this.world, this.regions, out);
  }

  frame(): Frame {
    return frameOf(this.world);
  }

  mapInfo(): MapInfo {
    return mapInfoOf(this.world);
  }

  tables(): Record<string, Table> {
    const tables = runTables(this.world);
    const destinations = this.displacement && displacementTable(this.world, this.displacement);
    if (destinations) tables.destinations = destinations;
    if (this.balloon) {
      const { balloon, membersChange, neighboursChange } = balloonIndex(this.world, this.balloon);
      tables.indices = { columns: ['balloon_index', 'members_change', 'neighbours_change'], rows: [[balloon, membersChange, neighboursChange]] };
    }
    return tables;
  }
}

export const sahelSaharaModel: ModelDefinition<SahelSaharaParams> = {
  name: 'sahel-sahara',
  metrics: SAHEL_METRICS,
  better: SAHEL_BETTER,
  headline: ['destabilisation', 'attacks', 'attacks_cross_border', 'north_mali_group_share', 'fighters', 'joint_ops', 'trust_mean'],
  create: (params, seed) => new SahelSaharaSimulation(params, seed),
  fork: {
    forkTick,
    prefixKey,
    resume: (checkpoint, params) => (checkpoint as SahelSaharaSimulation).resumeUnder(params),
  },
};
