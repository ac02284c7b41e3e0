/**
 * Phase 11 — metrics (MODEL.md §4). Per tick: the state of the world (fighters, control, trust,
 * grievance, presence) and what happened during the tick (attacks, crossings, revenue,
 * cooperation, casualties), then the tick's tallies are reset. The destabilisation index is a
 * weighted sum of the other metrics, with weights set in the scenario's `weights` (documented
 * there); metrics without a weight count 0.
 */
import { PRESENCE_FLOOR } from './control.ts';
import { KIND_MILITIA, type World } from './world.ts';

export const SAHEL_METRICS = [
  'fighters',
  'group_cells',
  'north_mali_group_share',
  'niger_group_share',
  'north_mali_group_cells',
  'attacks',
  'attacks_cross_border',
  'attacks_strategic',
  'displaced_fighters',
  'smuggling_volume',
  'revenue_groups',
  'revenue_officials',
  'intel_shares',
  'joint_ops',
  'trust_mean',
  'grievance_mean',
  'destabilisation',
  'presence_mean',
  'operations',
  'operations_mali',
  'fighters_killed',
  'soldiers_killed',
  'civilian_harm',
  'safe_havens',
  'haven_weeks_max',
  'recruits',
  'leaks',
  'ransoms',
  'group_funds',
  'attacks_algeria',
  'attacks_algeria_via_niger_libya',
  'fighters_mali',
  'fighters_southern_libya',
  'sahel_fighters_southern_libya',
  'fighters_northern_niger',
  'trust_dza_mli',
  'trust_mrt_mli',
] as const;

export type SahelMetric = (typeof SAHEL_METRICS)[number];

/**
 * Which way is better for a comparison of options: less armed activity, smuggling, grievance and
 * harm; more cooperation, trust and state presence. Operations run and fighters killed describe
 * what was done, not how well, and have no direction.
 */
export const SAHEL_BETTER: Readonly<Partial<Record<SahelMetric, 'lower' | 'higher'>>> = {
  ...Object.fromEntries(
    (
      [
        'fighters', 'group_cells', 'north_mali_group_share', 'niger_group_share', 'north_mali_group_cells', 'attacks',
        'attacks_cross_border', 'attacks_strategic', 'displaced_fighters', 'smuggling_volume', 'revenue_groups',
        'revenue_officials', 'grievance_mean', 'destabilisation', 'soldiers_killed', 'civilian_harm', 'safe_havens',
        'haven_weeks_max', 'recruits', 'leaks', 'ransoms', 'group_funds', 'attacks_algeria', 'attacks_algeria_via_niger_libya',
        'fighters_mali', 'fighters_southern_libya', 'sahel_fighters_southern_libya', 'fighters_northern_niger',
      ] as const
    ).map((m) => [m, 'lower']),
  ),
  ...Object.fromEntries((['intel_shares', 'joint_ops', 'trust_mean', 'presence_mean', 'trust_dza_mli', 'trust_mrt_mli'] as const).map((m) => [m, 'higher'])),
};

const index = Object.fromEntries(SAHEL_METRICS.map((m, i) => [m, i])) as Record<SahelMetric, number>;

/** Cells used by regional metrics, computed once per world. */
export interface MetricRegions {
  readonly northMali: Int32Array;
  readonly northNiger: Int32Array;
  readonly southLibya: Uint8Array;
  readonly northNigerMask: Uint8Array;
  readonly coreCells: Int32Array;
  readonly weights: Float64Array;
}

export function metricRegions(world: World): MetricRegions {
  const mli = world.countries.indexOf('MLI');
  const ner = world.countries.indexOf('NER');
  const lby = world.countries.indexOf('LBY');
  const northMali: number[] = [];
  const northNiger: number[] = [];
  const core: number[] = [];
  const southLibya = new Uint8Array(world.size);
  const northNigerMask = new Uint8Array(world.size);
  for (const c of world.landCells) {
    const owner = world.owner[c] as number;
    const lat = world.lat[c] as number;
    // "Northern Mali" = Mali north of 15°N (MODEL.md §4) and east of 6°W: the seed's northern
    // Mali is the regions of Timbuktu, Gao and Kidal, and west of 6°W the 15th parallel cuts
    // through the Kayes and Koulikoro regions (Nioro, Nara: ~270,000 people here) that no group
    // held. Niger north of 15°N for comparison.
    if (owner === mli && lat >= 15 && (world.lon[c] as number) >= -6) northMali.push(c);
    if (owner === ner && lat >= 15) {
      northNiger.push(c);
      northNigerMask[c] = 1;
    }
    // Southern Libya (the Fezzan and Kufra): south of 29°N.
    if (owner === lby && lat < 29) southLibya[c] = 1;
    if (world.isCoreState[owner] === 1) core.push(c);
  }
  const weights = Float64Array.from(SAHEL_METRICS, (m) => world.params.weights[m] ?? 0);
  return {
    northMali: Int32Array.from(northMali),
    northNiger: Int32Array.from(northNiger),
    southLibya,
    northNigerMask,
    coreCells: Int32Array.from(core),
    weights,
  };
}

/** Share of the region's cells held by groups, or of its population when `byPopulation`. */
function groupShare(world: World, cells: Int32Array, byPopulation: boolean): number {
  const G = world.groups.length;
  let held = 0;
  let total = 0;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k] as number;
    const weight = byPopulation ? (world.population[c] as number) : 1;
    const v = world.control[c] as number;
    if (v > 0 && v <= G) held += weight;
    total += weight;
  }
  return total > 0 ? held / total : 0;
}

export function measure(world: World, regions: MetricRegions, out: Float64Array): void {
  const C = world.countryCount;
  const G = world.groups.length;
  const b = world.bands.columns;
  const t = world.tally;
  const mli = world.countries.indexOf('MLI');
  let fighters = 0;
  let fightersMali = 0;
  let fightersLibya = 0;
  let fightersNiger = 0;
  let sahelLibya = 0;
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    const f = b.fighters[id] as number;
    const c = b.cell[id] as number;
    fighters += f;
    if (world.owner[c] === mli) fightersMali += f;
    if (regions.southLibya[c] === 1) {
      fightersLibya += f;
      // Spill-over: fighters of the Sahel's groups, not the local militias.
      if (world.groupKind[b.group[id] as number] !== KIND_MILITIA) sahelLibya += f;
    }
    if (regions.northNigerMask[c] === 1) fightersNiger += f;
  }
  let groupCells = 0;
  let havens = 0;
  let havenMax = 0;
  // Groups hold cells and havens only where they have reached (footprint.ts).
  for (let k = 0; k < world.reachedCount; k++) {
    const c = world.reachedCells[k] as number;
    const v = world.control[c] as number;
    if (v > 0 && v <= G) groupCells++;
    if ((world.havenWeeks[c] as number) > 0) havens++;
    if ((world.havenWeeks[c] as number) > havenMax) havenMax = world.havenWeeks[c] as number;
  }
  let trust = 0;
  let pairs = 0;
  for (let i = 1; i < C; i++) {
    if (world.isCoreState[i] !== 1) continue;
    for (let j = 1; j < C; j++) {
      if (j === i || world.isCoreState[j] !== 1) continue;
      trust += world.trust[i * C + j] as number;
      pairs++;
    }
  }
  let grievance = 0;
  let presence = 0;
  const core = regions.coreCells;
  const cellGrievance = world.grievance;
  const cellPresence = world.presence;
  for (let k = 0; k < core.length; k++) {
    const c = core[k] as number;
    grievance += cellGrievance[c] as number;
    const p = cellPresence[c] as number;
    presence += p > PRESENCE_FLOOR ? p : 0;
  }
  const n = Math.max(1, core.length);
  let funds = 0;
  for (let g = 0; g < G; g++) funds += world.groupFunds[g] as number;
  const dza = world.countries.indexOf('DZA');
  const mrt = world.countries.indexOf('MRT');

  out[index.fighters] = fighters;
  out[index.group_cells] = groupCells;
  // Shares of population: holding the towns is what taking a region means (MODEL.md §4 counts
  // cells and population; the empty desert would otherwise dominate).
  out[index.north_mali_group_share] = groupShare(world, regions.northMali, true);
  out[index.niger_group_share] = groupShare(world, regions.northNiger, true);
  out[index.north_mali_group_cells] = groupShare(world, regions.northMali, false);
  out[index.attacks] = t.attacks;
  out[index.attacks_cross_border] = t.attacksCrossBorder;
  out[index.attacks_strategic] = t.attacksStrategic;
  out[index.displaced_fighters] = t.displaced;
  out[index.smuggling_volume] = t.smugglingVolume;
  out[index.revenue_groups] = t.revenueGroups;
  out[index.revenue_officials] = t.revenueOfficials;
  out[index.intel_shares] = t.intelShares;
  out[index.joint_ops] = t.jointOps;
  out[index.trust_mean] = pairs > 0 ? trust / pairs : 0;
  out[index.grievance_mean] = grievance / n;
  out[index.presence_mean] = presence / n;
  out[index.operations] = t.operations;
  out[index.operations_mali] = mli > 0 ? (t.operationsByCountry[mli] as number) : 0;
  out[index.fighters_killed] = t.fightersKilled;
  out[index.soldiers_killed] = t.soldiersKilled;
  out[index.civilian_harm] = t.civilianHarm;
  out[index.safe_havens] = havens;
  out[index.haven_weeks_max] = havenMax;
  out[index.recruits] = t.recruits;
  out[index.leaks] = t.leaks;
  out[index.ransoms] = t.ransoms;
  out[index.group_funds] = funds;
  out[index.attacks_algeria] = dza > 0 ? (t.attacksByCountry[dza] as number) : 0;
  out[index.attacks_algeria_via_niger_libya] = t.attacksAlgeriaViaNigerLibya;
  out[index.fighters_mali] = fightersMali;
  out[index.fighters_southern_libya] = fightersLibya;
  out[index.sahel_fighters_southern_libya] = sahelLibya;
  out[index.fighters_northern_niger] = fightersNiger;
  out[index.trust_dza_mli] = dza > 0 && mli > 0 ? (world.trust[dza * C + mli] as number) : 0;
  out[index.trust_mrt_mli] = mrt > 0 && mli > 0 ? (world.trust[mrt * C + mli] as number) : 0;
  out[index.destabilisation] = 0;
  let index_ = 0;
  for (let m = 0; m < SAHEL_METRICS.length; m++) index_ += (regions.weights[m] as number) * (out[m] as number);
  out[index.destabilisation] = index_;
}

/** Clears the per-tick tallies (after `measure`). */
export function resetTally(world: World): void {
  const t = world.tally;
  t.attacks = t.attacksCrossBorder = t.attacksStrategic = t.attacksAlgeriaViaNigerLibya = 0;
  t.displaced = t.smugglingVolume = t.revenueGroups = t.revenueOfficials = 0;
  t.intelShares = t.jointOps = t.operations = 0;
  t.fightersKilled = t.soldiersKilled = t.civilianHarm = t.recruits = t.leaks = t.ransoms = 0;
  t.attacksByCountry.fill(0);
  t.operationsByCountry.fill(0);
  t.officialsByCountry.fill(0);
}
