/**
 * The world of the regional model: static geography, dynamic per-cell fields (typed arrays),
 * bands (struct-of-arrays agents), the policy layer (states, groups, frameworks as numbers per
 * index, re-derived from the scenario tree when an event changes it), relations, and the tick's
 * accumulators. Phases read and write it in the order of MODEL.md §3.
 */
import type { AgentStore, KeyedDraws } from '../../engine/index.ts';
import type { CountryRaster, GridSpec } from '../../geo/index.ts';
import type { BilinearTable } from './coarse-field.ts';
import type { EventParams, SahelSaharaParams, Tuning } from './params.ts';

export const NO_COUNTRY = 0;

/** Control codes per cell (MODEL.md §3.9): a group index g is stored as g + 1. */
export const CONTROL_NONE = 0;
export const CONTROL_STATE = 255;
export const CONTROL_CONTESTED = 254;

export const TERRAIN_DESERT = 0;
export const TERRAIN_SAHEL = 1;
export const TERRAIN_SAVANNA = 2;
export const TERRAIN_COAST = 3;
export const TERRAIN_MASSIF = 4;

export const KIND_JIHADIST = 0;
export const KIND_SEPARATIST = 1;
export const KIND_MILITIA = 2;

export type BandSchema = {
  group: Uint8ArrayConstructor;
  cell: Int32ArrayConstructor;
  fighters: Float64ArrayConstructor;
  weapons: Float32ArrayConstructor;
  /** Fighters by nationality (vector column, one entry per nationality). */
  nationals: { type: Float64ArrayConstructor; width: number };
  /** Country of the band's cell at the end of the last tick. */
  country: Uint8ArrayConstructor;
  /** Tick of the band's last border crossing (−1000 when never). */
  crossedAt: Int32ArrayConstructor;
  /** Last tick the band stood in each country (vector column, one entry per country). */
  lastIn: { type: Int32ArrayConstructor; width: number };
  /** 1 when the host state detected the band this tick. */
  detected: Uint8ArrayConstructor;
  /** 1 when a leak warned the band this tick: it evades strikes. */
  warned: Uint8ArrayConstructor;
  /** A mark that follows a band's fighters through splits, for tracing where they go. */
  cohort: Uint8ArrayConstructor;
  /** Pressure on the band's cell at the last movement, for splitting. */
  pressure: Float32ArrayConstructor;
  /** Who the band is, for its keyed draws: from its scenario entry, its event, or its parent and the split. */
  key: Uint32ArrayConstructor;
};

export interface Place {
  readonly name: string;
  readonly cell: number;
  readonly kind: 'town' | 'capital' | 'site' | 'massif' | 'post';
  readonly population: number;
  readonly strategic: boolean;
}

export interface Route {
  readonly name: string;
  readonly commodity: string;
  readonly cells: Int32Array;
  /** Country of the route's first cell: where subsidised goods come from. */
  readonly origin: number;
  volume: number;
  value: number;
}

export interface Framework {
  readonly name: string;
  members: Uint8Array;
  leader: number;
  excludes: Uint8Array;
  backing: number;
  intelligence: boolean;
  jointOperations: boolean;
  pursuit: boolean;
  operationalisation: number;
  /** First tick it is in force. */
  fromTick: number;
}

export interface World {
  /** The scenario tree; events replace it (immer) and the policy arrays are re-derived. */
  params: SahelSaharaParams;
  /**
   * A plain copy of `params.tuning`, refreshed with the policy arrays: the frozen scenario tree
   * keeps its objects in slow dictionary mode, and phases read these values in their inner loops.
   */
  tuning: Tuning;
  readonly spec: GridSpec;
  readonly raster: CountryRaster;
  readonly width: number;
  readonly height: number;
  readonly size: number;
  readonly cellKm: number;
  /** Each phase's draws, keyed by tick and band (keyed-draws.ts): the runs of two options stay in step. */
  readonly draws: Readonly<Record<PhaseName, KeyedDraws>>;
  tick: number;

  // Countries (index 0 = no country / sea).
  readonly countries: readonly string[];
  readonly countryCount: number;
  /** Countries given in `states` (the others are peripheral). */
  readonly isCoreState: Uint8Array;
  readonly nationalities: readonly string[];
  /** Nationality index → country index (0 when the country is outside the grid). */
  readonly nationalityCountry: Int32Array;
  /** Country index → nationality index (−1 when no group has members of that nationality). */
  readonly countryNationality: Int32Array;
  capacity: Float64Array;
  reachKm: Float64Array;
  legitimacy: Float64Array;
  borderControl: Float64Array;
  intelligence: Float64Array;
  collusion: Float64Array;
  sovereignty: Float64Array;
  engagement: Float64Array;
  returneeDisarmament: Float64Array;
  unilateralism: Float64Array;
  subsidy: Float64Array;
  hardshipBase: Float64Array;
  /** External funding per country from frameworks' backers, refreshed each tick. */
  support: Float64Array;

  // Static cell fields.
  readonly owner: Uint8Array;
  readonly land: Uint8Array;
  readonly landCells: Int32Array;
  readonly terrain: Uint8Array;
  readonly lon: Float32Array;
  readonly lat: Float32Array;
  readonly population: Float64Array;
  /** Population within a band's influence radius: what a band can recruit from. */
  readonly populationNear: Float64Array;
  readonly capitalKm: Float32Array;
  /** Reach of garrisons in towns, posts and sites: 1 at the place, falling off over ~50 km. */
  readonly garrison: Float32Array;
  /** Km to the nearest cell of each nationality's country: `[nationality * size + cell]`. */
  readonly homeKm: Float32Array;
  /** Pull of home for each nationality, exp(−km to its country / homeKm): `[nationality * size + cell]`. */
  readonly homePull: Float32Array;
  /** Countries (bit per country index) within pursuit range of each cell. */
  readonly nearCountries: Uint32Array;
  readonly places: readonly Place[];
  readonly routes: readonly Route[];
  /** Cells within a band's weekly move, as offsets on the grid. */
  readonly moveDx: Int32Array;
  readonly moveDy: Int32Array;
  readonly moveKm: Float32Array;
  /** Cells within a band's influence radius. */
  readonly influenceDx: Int32Array;
  readonly influenceDy: Int32Array;
  readonly influenceWeight: Float32Array;

  // Dynamic cell fields.
  presence: Float64Array;
  /** External forces (offensives) per cell. */
  external: Float64Array;
  /** Strength per group: `[group * size + cell]`. */
  strength: Float64Array;
  /** True when bands changed since `strength` was computed (it is then recomputed before use). */
  strengthStale: boolean;
  /** Network presence per group: `[group * size + cell]`. */
  network: Float64Array;
  /** Smoothed pull of each group's safe havens (0..1) on the coarse haven grid, `[group * cells + cell]`; see haven.ts. */
  haven: Float64Array;
  /** How map cells read `haven` on its coarse grid (coarse-field.ts). */
  havenTable: BilinearTable;
  /** Share of the land around held by groups, on `holdTable`'s grid (presence.ts). */
  regionalHold: Float64Array;
  /** Land cells around, blurred like `regionalHold`'s numerator. */
  regionalLand: Float64Array;
  holdTable: BilinearTable;
  regionalScratch: Float64Array;
  /** Whether groups held any cell at the last control phase. */
  regionHeld: boolean;
  flow: Float64Array;
  /** Band-independent appeal of refuge terrain and population (policy-derived; see policy.ts). */
  readonly staticAppeal: Float64Array;
  /** Presence shape: max(exp(−km to capital / reach), 0.7 × garrison), re-derived when reach changes. */
  readonly presenceShape: Float64Array;
  hardship: Float64Array;
  /** Civilian harm from operations, decaying; raises hardship. */
  harm: Float64Array;
  /** Hardship relief from subsidised goods this tick. */
  relief: Float64Array;
  grievance: Float64Array;
  control: Uint8Array;
  /** Weeks a cell has been a safe haven without interruption. */
  havenWeeks: Int32Array;
  /** Cells groups have ever reached (footprint.ts): elsewhere every network and strength is 0. */
  readonly reached: Uint8Array;
  /** The reached cells, in the order reached; the first `reachedCount` are valid. */
  readonly reachedCells: Int32Array;
  reachedCount: number;
  /** Cells whose influence footprint is already in `reached`. */
  readonly reachedCentre: Uint8Array;

  // Groups.
  readonly groups: readonly string[];
  readonly groupKind: Uint8Array;
  groupFunds: Float64Array;
  groupCohesion: Float64Array;
  groupWeapons: Float64Array;
  groupHostageTaking: Float64Array;
  /** Affinity between groups, `[g * G + h]`; allies (≥ 0.5) do not contest cells. */
  alliance: Float64Array;
  readonly groupRecruits: Float64Array;
  /** Fighters per group, recounted by the recruitment phase. */
  readonly groupFighters: Float64Array;
  readonly groupAttacks: Float64Array;
  readonly bands: AgentStore<BandSchema>;

  // External actors.
  readonly externals: readonly string[];
  ransomPolicy: Float64Array;
  funding: Float64Array;
  pressForReleases: Float64Array;

  // Relations and frameworks.
  /** Trust of i in j, `[i * C + j]`. */
  readonly trust: Float64Array;
  readonly trustStart: Float64Array;
  readonly rivalry: Float64Array;
  /** Realised intelligence sharing from j to i this tick, `[i * C + j]`. */
  readonly sharing: Float64Array;
  frameworks: Framework[];
  /** Events by tick, sorted; `nextEvent` is the first not yet applied. */
  events: readonly { tick: number; event: EventParams }[];
  nextEvent: number;
  /** Active offensives: cells, strength and the last tick. */
  offensives: { cells: Int32Array; weights: Float32Array; strength: number; untilTick: number; host: number }[];

  // Scratch buffers, created once.
  readonly scratchScores: Float64Array;
  readonly scratchCells: Int32Array;

  // Per-tick accumulators (reset by the metrics phase) and run totals.
  readonly tally: Tally;
  /** Border crossings by fighters over the run, `[from * C + to]`. */
  readonly crossings: Float64Array;
  /** Crossings of fighters who are not nationals of the country they leave, `[from * C + to]`. */
  readonly foreignCrossings: Float64Array;
  /** Crossings of fighters into their own nationality's country, `[from * C + to]`. */
  readonly homeCrossings: Float64Array;
}

export interface Tally {
  attacks: number;
  attacksCrossBorder: number;
  attacksStrategic: number;
  /** Attacks in Algeria by bands that stood in Niger or Libya within the cross-border window. */
  attacksAlgeriaViaNigerLibya: number;
  displaced: number;
  smugglingVolume: number;
  revenueGroups: number;
  revenueOfficials: number;
  intelShares: number;
  jointOps: number;
  operations: number;
  fightersKilled: number;
  soldiersKilled: number;
  civilianHarm: number;
  recruits: number;
  leaks: number;
  ransoms: number;
  attacksByCountry: Float64Array;
  operationsByCountry: Float64Array;
  officialsByCountry: Float64Array;
}

/** The phases that draw random numbers, each with its own keyed draws. */
export type PhaseName = 'intelligence' | 'operations' | 'movement' | 'economy' | 'recruitment' | 'attacks';

export function groupIndex(world: World, name: string): number {
  return world.groups.indexOf(name);
}

export function countryOf(world: World, iso3: string): number {
  return world.countries.indexOf(iso3);
}
