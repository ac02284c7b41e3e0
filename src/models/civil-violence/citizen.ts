/**
 * A citizen's turn (Mesa 3.3, `Citizen.step`), in this order:
 * 1. a jailed citizen with jail ticks left serves one and does nothing else;
 * 2. (`leave-grid` only) a citizen whose term is over comes back onto the grid;
 * 3. it counts the cops C and the active citizens A in its vision (the seen field);
 * 4. it estimates its arrest probability P = 1 − exp(−k·round(C/(A+1))) — it counts itself as
 *    active, whatever its current state (Mesa's `actives_in_vision = 1`);
 * 5. Epstein 2002 rule A: it is active if G − R·P > T, and quiet otherwise;
 * 6. rule M: with movement on, it moves to a random empty cell in its vision, if there is one.
 * A citizen whose term has run out (0, still JAILED) thus acts at once on its next step.
 * Draws, all from the `citizens` stream: the cell to move to (and, under `leave-grid`, the cell
 * to return to when its own is taken).
 */
import { arrestProbability, copActiveRatio } from './arrest-probability.ts';
import { ACTIVE, EMPTY, JAILED, QUIET } from './codes.ts';
import { SEEN_ACTIVE, addSeen, moveSeen, seenActives, seenCops } from './seen-field.ts';
import { cellsInVision, countWithCode, nthWithCode, randomEmptyCell } from './vision.ts';
import { moveAgent, type CivilViolenceWorld } from './world.ts';

export function citizenStep(world: CivilViolenceWorld, id: number): void {
  const columns = world.agents.columns;
  const was = columns.state[id] as number;
  let cell = columns.cell[id] as number;
  if (was === JAILED) {
    const term = columns.jailTerm[id] as number;
    if (term > 0) {
      // Mesa: `if self.jail_sentence: self.jail_sentence -= 1; return`
      columns.jailTerm[id] = term - 1;
      return;
    }
    if (world.leaveGrid) {
      cell = returnFromJail(world, id, cell);
      if (cell < 0) return;
    }
  }

  let next: number;
  if (world.rounding === 'none') {
    const seen = world.seen[cell] as number;
    const p = arrestProbability(seenCops(seen), seenActives(seen), world.arrestConstant, 'none');
    // Epstein 2002, rule A: active if G − R·P > T.
    next = (columns.grievance[id] as number) - (columns.riskAversion[id] as number) * p > world.threshold ? ACTIVE : QUIET;
  } else {
    // The same rule, with G − R·P(n) > T precomputed for every n (`largestActiveRatio`). A
    // citizen with G ≤ T (-1) is quiet whatever it sees, so it need not look.
    const activeUpTo = columns.activeUpTo[id] as number;
    if (activeUpTo < 0) {
      next = QUIET;
    } else {
      const seen = world.seen[cell] as number;
      next = copActiveRatio(seenCops(seen), seenActives(seen), world.rounding) <= activeUpTo ? ACTIVE : QUIET;
    }
  }
  // Rule M. The state change above frees or fills no cell, so the choice can come first.
  const to = world.movement ? randomEmptyCell(world, world.citizenVision, cell, world.streams.citizens) : -1;

  if (next !== was) {
    if (was === QUIET) world.quiet--;
    else if (was === ACTIVE) world.active--;
    else world.jailed--;
    if (next === ACTIVE) world.active++;
    else world.quiet++;
    columns.state[id] = next;
    world.code[cell] = next;
  }
  // Actives are seen: take this one out of the seen field where it was, put it in where it is.
  if (was === ACTIVE) {
    if (next !== ACTIVE) addSeen(world, cell, -SEEN_ACTIVE);
    else if (to >= 0) moveSeen(world, cell, to, SEEN_ACTIVE);
  } else if (next === ACTIVE) {
    addSeen(world, to >= 0 ? to : cell, SEEN_ACTIVE);
  }
  if (to >= 0) moveAgent(world, id, cell, to, next);
}

/**
 * `leave-grid`: puts a citizen whose term is over back on the cell it was arrested in or, when
 * someone has taken it, on a random empty cell in vision of it; returns the cell, or -1 when none
 * is free (it then waits in jail until its next step). NetLogo lets a released agent share the
 * cell; here a cell holds one agent, so it takes the nearest rule that keeps it so.
 */
function returnFromJail(world: CivilViolenceWorld, id: number, cell: number): number {
  const { occupant, code } = world;
  let to = cell;
  if (code[cell] !== EMPTY) {
    const n = cellsInVision(world, world.citizenVision, cell);
    const empties = countWithCode(code, world.buffer, n, EMPTY);
    if (empties === 0) return -1;
    to = nthWithCode(code, world.buffer, n, EMPTY, world.streams.citizens.int(empties));
    world.agents.columns.cell[id] = to;
  }
  occupant[to] = id;
  code[to] = JAILED;
  return to;
}
