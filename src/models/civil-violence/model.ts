/**
 * Epstein's civil violence model ("Modeling civil violence: an agent-based computational
 * approach", PNAS 99 suppl. 3, 2002, Model I), the engine's reference model.
 *
 * What Mesa 3.3 does (projectmesa/mesa, mesa/examples/advanced/epstein_civil_violence/model.py
 * and agents.py; neighbourhoods from mesa/discrete_space/cell.py and grid.py), which the defaults
 * follow:
 * - Space: `OrthogonalVonNeumannGrid((width, height), capacity=1, torus=True)`: one agent per cell.
 * - Placement: for every cell, `random.choices([Citizen, Cop, None], cum_weights=[cd, cd + pd, 1])`
 *   — one u ~ U(0,1): citizen if u < cd, cop if u < cd + pd, else empty; a citizen then draws
 *   hardship and risk aversion, both U(0,1). cd + pd > 1 is an error. All citizens start quiet.
 * - Step: `self.agents.shuffle_do("step")` — all agents, cops and citizens together, act once in
 *   a fresh random order, each seeing every change made before it (random sequential activation).
 * - Vision: `cell.get_neighborhood(radius=vision)` on the von Neumann grid: the Manhattan diamond
 *   of radius v without the centre, 2v(v+1) cells (112 at v = 7); a set of cells, so on a torus
 *   narrower than 2v+1 no cell is counted twice.
 * - Citizen: jailed with `jail_sentence > 0` → decrement it and stop. Otherwise count cops and
 *   active citizens in vision (`actives_in_vision` starts at 1: the citizen counts itself, whatever
 *   its state; jailed and quiet citizens are not counted), P = 1 − exp(−k·round(C/A)) with Python's
 *   `round` (halves to even), become ACTIVE if G − R·P > T else QUIET (this also ends a finished
 *   sentence: the state stays ARRESTED until the citizen's first step at sentence 0), then move.
 * - Cop: collect the active citizens in vision; if any, `random.choice` one, set its sentence to
 *   `randint(0, max_jail_term)` (inclusive) and its state to ARRESTED; then move. The cop does not
 *   move to the arrestee's cell.
 * - Move (both kinds, only when `movement`): `random.choice` among the empty cells in vision,
 *   computed before acting; none → stay. Jailed citizens stay on their cell and keep it occupied.
 * - Counts: citizens by state ACTIVE / QUIET / ARRESTED after each step (our active, quiet, jailed).
 * - Defaults: 40×40, citizen density 0.7, cop density 0.074, vision 7 and 7, legitimacy 0.8,
 *   max jail term 1000, threshold 0.1, k = 2.3, movement on.
 *
 * Where Mesa departs from the paper and NetLogo's Rebellion (Wilensky 2004), selectable here:
 * - `arrestRounding`: the paper prints P = 1 − exp(−k·(C/A)_v), no rounding (`none`); NetLogo
 *   takes the floor (`floor`), noting that without it the model shows no punctuated equilibrium
 *   (so does Mesa's comment: "the round is not in the pnas paper but without it, its impossible
 *   to replicate the dynamics shown there"); Mesa rounds halves to even (`half-even`, default).
 * - `jailedAgents`: in NetLogo a jailed agent's patch counts as unoccupied and the arresting cop
 *   moves onto it (`leave-grid`); in Mesa jailed citizens keep their cell (`keep-cell`, default).
 * Noted, not selectable: NetLogo's vision is a Euclidean disk (`in-radius`) that includes the own
 * patch, so an active agent counts itself twice; its jail terms run 0..max−1; each turtle moves
 * before it decides (Mesa: after); cops move even with movement off; jail terms count down for
 * everyone at the end of the tick. The paper defines vision as the lattice positions "north,
 * south, east and west" an agent can inspect, which Mesa reads as the diamond.
 *
 * How this implementation reaches the same distribution faster (not draw for draw):
 * - draws come from named streams: `placement` (cell contents, hardship, risk aversion),
 *   `activation` (the order), `citizens` (citizens' moves, returns from jail), `cops` (arrestee,
 *   jail term, cops' moves);
 * - C and A come from the seen field (`seen-field.ts`), kept exact at every change, not a scan;
 * - rule A compares round(C/(A+1)) with a per-citizen bound computed once from the same formula
 *   (`largestActiveRatio`), so the decisions are bit for bit those of the formula;
 * - a random empty cell is found by probing random offsets, and a random active by taking the
 *   k-th in the neighbourhood's order (`vision.ts`), not by `random.choice` on a list.
 * A literal transcription of Mesa's rules (tests/models/civil-violence/mesa-reference.ts) checks
 * that the two agree in distribution.
 */
import { createRandomStreams, randomActivationOrder, type ModelDefinition, type Simulation } from '../../engine/index.ts';
import { citizenStep } from './citizen.ts';
import { copStep } from './cop.ts';
import type { CivilViolenceParams } from './params.ts';
import { COP } from './codes.ts';
import { createWorld, type CivilViolenceWorld } from './world.ts';

export const CIVIL_VIOLENCE_METRICS = ['active', 'quiet', 'jailed'] as const;

/** A running civil violence model; `world` is exposed for inspection (tests, views). */
export class CivilViolenceSimulation implements Simulation {
  readonly world: CivilViolenceWorld;
  private ticks = 0;

  constructor(params: CivilViolenceParams, seed: number) {
    this.world = createWorld(params, createRandomStreams(seed));
  }

  get tick(): number {
    return this.ticks;
  }

  /** One tick: every agent acts once, in a fresh random order (Mesa's `shuffle_do`). */
  step(): void {
    const world = this.world;
    const { order } = world;
    const state = world.agents.columns.state;
    const n = randomActivationOrder(world.agents.ids, world.agents.count, order, world.streams.activation);
    for (let k = 0; k < n; k++) {
      const id = order[k] as number;
      // A cop's state is COP: one read tells the kind, and it is the read citizenStep starts with.
      if (state[id] === COP) copStep(world, id);
      else citizenStep(world, id);
    }
    this.ticks++;
  }

  /** Citizens by state: active, quiet, jailed. */
  measure(out: Float64Array): void {
    out[0] = this.world.active;
    out[1] = this.world.quiet;
    out[2] = this.world.jailed;
  }
}

export function createCivilViolenceSimulation(params: CivilViolenceParams, seed: number): CivilViolenceSimulation {
  return new CivilViolenceSimulation(params, seed);
}

export const civilViolenceModel: ModelDefinition<CivilViolenceParams> = {
  name: 'civil-violence',
  metrics: CIVIL_VIOLENCE_METRICS,
  create: createCivilViolenceSimulation,
};
