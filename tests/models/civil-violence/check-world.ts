/**
 * Test support: recomputes everything the civil violence world keeps incrementally — occupancy,
 * cell codes, counts by state, the seen field — from the agents alone, and lists every mismatch.
 * The seen field is recomputed by brute force from the torus distance, independently of the
 * model's neighbourhood code.
 */
import { ACTIVE, CITIZEN_KIND, COP, COP_KIND, EMPTY, JAILED, QUIET, type CivilViolenceWorld } from '../../../src/models/civil-violence/index.ts';

export function worldProblems(world: CivilViolenceWorld, { seen = true } = {}): string[] {
  const problems: string[] = [];
  const { grid, agents, occupant, code } = world;
  const { kind, cell, state, jailTerm } = agents.columns;
  const expectedOccupant = new Int32Array(grid.size).fill(-1);
  const expectedCode = new Uint8Array(grid.size);
  const counts = { active: 0, quiet: 0, jailed: 0 };
  let citizens = 0;
  let cops = 0;
  for (let k = 0; k < agents.count; k++) {
    const id = agents.ids[k]!;
    const c = cell[id]!;
    const s = state[id]!;
    if (c < 0 || c >= grid.size) {
      problems.push(`agent ${id} is on cell ${c}, outside the grid`);
      continue;
    }
    if (kind[id] === COP_KIND) {
      cops++;
      if (s !== COP) problems.push(`cop ${id} has state ${s}`);
    } else if (kind[id] === CITIZEN_KIND) {
      citizens++;
      if (s === ACTIVE) counts.active++;
      else if (s === QUIET) counts.quiet++;
      else if (s === JAILED) counts.jailed++;
      else problems.push(`citizen ${id} has state ${s}`);
      if (jailTerm[id]! < 0 || jailTerm[id]! > world.maxJailTerm) problems.push(`citizen ${id} has jail term ${jailTerm[id]}`);
      if (jailTerm[id]! > 0 && s !== JAILED) problems.push(`citizen ${id} has a jail term but is not jailed`);
      if (s === JAILED && world.leaveGrid) continue; // off the grid
    } else {
      problems.push(`agent ${id} has kind ${kind[id]}`);
    }
    if (expectedOccupant[c] !== -1) problems.push(`agents ${expectedOccupant[c]} and ${id} share cell ${c}`);
    expectedOccupant[c] = id;
    expectedCode[c] = s;
  }
  if (citizens !== world.citizens) problems.push(`${citizens} citizens, world says ${world.citizens}`);
  if (cops !== world.cops) problems.push(`${cops} cops, world says ${world.cops}`);
  if (counts.active !== world.active || counts.quiet !== world.quiet || counts.jailed !== world.jailed) {
    problems.push(`counts ${JSON.stringify(counts)}, world says ${JSON.stringify({ active: world.active, quiet: world.quiet, jailed: world.jailed })}`);
  }
  for (let c = 0; c < grid.size; c++) {
    if (occupant[c] !== expectedOccupant[c]) problems.push(`cell ${c}: occupant ${occupant[c]}, expected ${expectedOccupant[c]}`);
    if (code[c] !== expectedCode[c]) problems.push(`cell ${c}: code ${code[c]}, expected ${expectedCode[c]}`);
    if ((occupant[c] === -1) !== (code[c] === EMPTY)) problems.push(`cell ${c}: occupant ${occupant[c]} with code ${code[c]}`);
  }
  if (seen) problems.push(...seenProblems(world));
  return problems.slice(0, 20);
}

/** The seen field against a brute-force count over torus Manhattan distance. */
function seenProblems(world: CivilViolenceWorld): string[] {
  const { width, height, size } = world.grid;
  const r = world.params.citizenVision;
  const problems: string[] = [];
  for (let c = 0; c < size; c++) {
    const cx = c % width;
    const cy = Math.floor(c / width);
    let cops = 0;
    let actives = 0;
    for (let q = 0; q < size; q++) {
      if (q === c) continue;
      const ax = Math.abs((q % width) - cx);
      const ay = Math.abs(Math.floor(q / width) - cy);
      if (Math.min(ax, width - ax) + Math.min(ay, height - ay) > r) continue;
      if (world.code[q] === COP) cops++;
      else if (world.code[q] === ACTIVE) actives++;
    }
    const packed = world.seen[c]!;
    if ((packed & 0xffff) !== cops || packed >>> 16 !== actives) {
      problems.push(`cell ${c}: seen ${packed & 0xffff} cops and ${packed >>> 16} actives, expected ${cops} and ${actives}`);
    }
  }
  return problems;
}
