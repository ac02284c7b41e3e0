/**
 * The world of the civil violence model and its creation: a torus of cells, each holding at most
 * one agent; cops and citizens in one struct-of-arrays store; three per-cell fields kept in step
 * by every change — `occupant` (agent id or -1), `code` (what a neighbour sees there: empty, cop,
 * quiet, active or jailed citizen) and `seen` (the cops and actives in citizen vision of the cell,
 * `seen-field.ts`); and the scratch buffers and streams the tick uses, created here once so that
 * the tick allocates nothing.
 */
import { AgentStore, createGrid, type Grid, type RandomStream, type RandomStreams } from '../../engine/index.ts';
import { createArrestProbabilityTable, largestActiveRatio, type ArrestRounding } from './arrest-probability.ts';
import { CITIZEN_KIND, COP, COP_KIND, EMPTY, QUIET } from './codes.ts';
import type { CivilViolenceParams } from './params.ts';
import { SEEN_COP, addSeen } from './seen-field.ts';
import { MIN_EMPTY_SHARE_FOR_PROBING, createVision, type Vision } from './vision.ts';

export const agentSchema = {
  /** CITIZEN_KIND or COP_KIND. */
  kind: Uint8Array,
  /** The agent's cell; for a jailed citizen under `leave-grid`, the cell it was arrested in. */
  cell: Int32Array,
  /** Citizens: QUIET, ACTIVE or JAILED. Cops: COP. */
  state: Uint8Array,
  /** Citizens: jail ticks left; a jailed citizen acts again on its first step at 0. */
  jailTerm: Int32Array,
  /** Citizens: perceived hardship H ~ U(0, 1). */
  hardship: Float64Array,
  /** Citizens: risk aversion R ~ U(0, 1). */
  riskAversion: Float64Array,
  /** Citizens: grievance G = H(1 − L), fixed since L is. */
  grievance: Float64Array,
  /**
   * Citizens: the largest round(C/(A+1)) at which G − R·P > T, or -1 (`largestActiveRatio`);
   * the rule A decision for the integer rounding modes, as one integer comparison.
   */
  activeUpTo: Int16Array,
};

export type CivilViolenceAgents = AgentStore<typeof agentSchema>;

export interface CivilViolenceWorld {
  readonly params: CivilViolenceParams;
  readonly grid: Grid;
  readonly citizenVision: Vision;
  readonly copVision: Vision;
  /** True when cops see what citizens see, so that a cop can read the seen field too. */
  readonly sameVision: boolean;
  readonly agents: CivilViolenceAgents;
  /** Agent id per cell, or -1. */
  readonly occupant: Int32Array;
  /** What a neighbour sees per cell: EMPTY, COP, QUIET, ACTIVE or JAILED. */
  readonly code: Uint8Array;
  /** Cops + actives · 2^16 in citizen vision of each cell (`seen-field.ts`). */
  readonly seen: Int32Array;
  readonly citizens: number;
  readonly cops: number;
  // Citizen counts by state, kept current by every state change.
  active: number;
  quiet: number;
  jailed: number;
  // Parameters the tick reads, unpacked.
  readonly threshold: number;
  readonly arrestConstant: number;
  readonly maxJailTerm: number;
  readonly movement: boolean;
  readonly rounding: ArrestRounding;
  readonly leaveGrid: boolean;
  /** Whether a random empty cell is first looked for by probing (`vision.ts`). */
  readonly probeForEmptyCells: boolean;
  readonly streams: {
    /** The order of the agents each tick. */
    readonly activation: RandomStream;
    /** Citizens' moves and returns from jail. */
    readonly citizens: RandomStream;
    /** Cops' choice of arrestee, jail terms and moves. */
    readonly cops: RandomStream;
  };
  // Scratch, sized with the world.
  /** Cells in vision. */
  readonly buffer: Int32Array;
  /** The activation order. */
  readonly order: Int32Array;
}

/**
 * Builds the world for `params`, drawing from `streams`. Placement follows Mesa 3.3: every cell,
 * in turn, draws u ~ U(0, 1) from the `placement` stream and holds a citizen when
 * u < citizenDensity, a cop when u < citizenDensity + copDensity, and nothing otherwise; a new
 * citizen then draws its hardship and its risk aversion, in that order, from the same stream.
 * (Mesa visits the cells column by column, this visits them row by row: the same distribution.)
 */
export function createWorld(params: CivilViolenceParams, streams: RandomStreams): CivilViolenceWorld {
  const { width, height, citizenDensity, copDensity, legitimacy, activeThreshold } = params;
  // Mesa: "Cop density + citizen density must be less than 1", tested as > 1, as here.
  if (citizenDensity + copDensity > 1) {
    throw new RangeError(`citizenDensity + copDensity is ${citizenDensity + copDensity}; at most 1 fits one agent per cell`);
  }
  const grid = createGrid(width, height, true);
  const citizenVision = createVision(grid, params.citizenVision);
  const sameVision = params.copVision === params.citizenVision;
  const copVision = sameVision ? citizenVision : createVision(grid, params.copVision);
  // C/(A+1) ≤ C ≤ the cells a citizen sees.
  const table = createArrestProbabilityTable(params.arrestConstant, citizenVision.count);

  const agents = new AgentStore(agentSchema, grid.size);
  const occupant = new Int32Array(grid.size).fill(-1);
  const code = new Uint8Array(grid.size);
  const placement = streams.stream('placement');
  const { kind, cell, state, hardship, riskAversion, grievance, activeUpTo } = agents.columns;
  let citizens = 0;
  let cops = 0;
  for (let c = 0; c < grid.size; c++) {
    const u = placement.float();
    if (u < citizenDensity) {
      const id = agents.add();
      const h = placement.float();
      const r = placement.float();
      // Epstein 2002: G = H(1 − L)
      const g = h * (1 - legitimacy);
      kind[id] = CITIZEN_KIND;
      state[id] = QUIET;
      hardship[id] = h;
      riskAversion[id] = r;
      grievance[id] = g;
      activeUpTo[id] = largestActiveRatio(g, r, activeThreshold, table);
      cell[id] = c;
      occupant[c] = id;
      code[c] = QUIET;
      citizens++;
    } else if (u < citizenDensity + copDensity) {
      const id = agents.add();
      kind[id] = COP_KIND;
      state[id] = COP;
      cell[id] = c;
      occupant[c] = id;
      code[c] = COP;
      cops++;
    }
  }
  agents.commit();

  const world: CivilViolenceWorld = {
    params,
    grid,
    citizenVision,
    copVision,
    sameVision,
    agents,
    occupant,
    code,
    seen: new Int32Array(grid.size),
    citizens,
    cops,
    active: 0,
    quiet: citizens,
    jailed: 0,
    threshold: activeThreshold,
    arrestConstant: params.arrestConstant,
    maxJailTerm: params.maxJailTerm,
    movement: params.movement,
    rounding: params.arrestRounding,
    leaveGrid: params.jailedAgents === 'leave-grid',
    probeForEmptyCells: (grid.size - citizens - cops) / grid.size >= MIN_EMPTY_SHARE_FOR_PROBING,
    streams: {
      activation: streams.stream('activation'),
      citizens: streams.stream('citizens'),
      cops: streams.stream('cops'),
    },
    buffer: new Int32Array(Math.max(citizenVision.neighbourhood.count, copVision.neighbourhood.count)),
    order: new Int32Array(Math.max(1, agents.count)),
  };
  // Citizens start quiet, so only the cops are seen.
  for (let c = 0; c < grid.size; c++) if (code[c] === COP) addSeen(world, c, SEEN_COP);
  return world;
}

/**
 * Moves agent `id`, whose cell code is `value`, from cell `from` to the empty cell `to`. The
 * seen field is the caller's business: only cops and active citizens change it.
 */
export function moveAgent(world: CivilViolenceWorld, id: number, from: number, to: number, value: number): void {
  world.occupant[from] = -1;
  world.code[from] = EMPTY;
  world.occupant[to] = id;
  world.code[to] = value;
  world.agents.columns.cell[id] = to;
}
