/**
 * A cop's turn (Mesa 3.3, `Cop.step`), in this order:
 * 1. Epstein 2002 rule C: if it sees active citizens in its vision, it arrests one at random, who
 *    is jailed for a term drawn uniformly from 0 to maxJailTerm inclusive (Python's
 *    `randint(0, max)`);
 * 2. rule M: with movement on, it moves to a random empty cell in its vision (under `keep-cell`
 *    the arrest frees no cell, so this is the cell Mesa lists before the arrest). Under
 *    `leave-grid` the arrestee leaves its cell and, with movement on, the cop moves onto it
 *    instead (NetLogo's `move-to suspect`).
 * Draws, all from the `cops` stream: the arrestee, the jail term, the cell to move to.
 */
import { ACTIVE, COP, EMPTY, JAILED } from './codes.ts';
import { SEEN_ACTIVE, SEEN_COP, addSeen, moveSeen, seenActives } from './seen-field.ts';
import { cellsInVision, countWithCode, nthWithCode, randomEmptyCell } from './vision.ts';
import { moveAgent, type CivilViolenceWorld } from './world.ts';

export function copStep(world: CivilViolenceWorld, id: number): void {
  const { code, occupant, buffer } = world;
  const columns = world.agents.columns;
  const rng = world.streams.cops;
  const cell = columns.cell[id] as number;
  let n = -1;
  let actives: number;
  if (world.sameVision) {
    // The seen field counts the actives in citizen vision, which is cop vision too.
    actives = seenActives(world.seen[cell] as number);
  } else {
    n = cellsInVision(world, world.copVision, cell);
    actives = countWithCode(code, buffer, n, ACTIVE);
  }

  let to = -1;
  if (actives > 0) {
    if (n < 0) n = cellsInVision(world, world.copVision, cell);
    const at = nthWithCode(code, buffer, n, ACTIVE, rng.int(actives));
    const arrestee = occupant[at] as number;
    columns.jailTerm[arrestee] = rng.intBetween(0, world.maxJailTerm);
    columns.state[arrestee] = JAILED;
    world.active--;
    world.jailed++;
    addSeen(world, at, -SEEN_ACTIVE);
    if (world.leaveGrid) {
      occupant[at] = -1;
      code[at] = EMPTY;
      if (world.movement) to = at;
    } else {
      code[at] = JAILED;
    }
  }

  if (!world.movement) return;
  if (to < 0) {
    to = randomEmptyCell(world, world.copVision, cell, rng);
    if (to < 0) return;
  }
  moveSeen(world, cell, to, SEEN_COP);
  moveAgent(world, id, cell, to, COP);
}
