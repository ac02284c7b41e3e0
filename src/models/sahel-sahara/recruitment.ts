/**
 * Phase 7 — recruitment (MODEL.md §3.7), and the grievance it draws on.
 *
 * Hardship is the state's baseline, less relief from subsidised goods, plus civilian harm from
 * operations (decaying). Grievance is hardship × (1 − legitimacy of the cell's state), as in
 * Epstein's civil violence model (Epstein 2002: G = H(1 − L)). Each band recruits from the
 * population around it in proportion to grievance, its group's network there, its funds and the
 * weakness of the state; recruits are nationals of the cell's country. Networks build slowly where
 * bands operate and decay slowly everywhere.
 */
import { bandStrength, gainFighters } from './bands.ts';
import { reachAround } from './footprint.ts';
import type { World } from './world.ts';

const HARM_DECAY = 0.05;
const NETWORK_BUILD = 0.02;
const NETWORK_DECAY = 0.004;
/** Cost of a recruit, k$. */
const RECRUIT_COST = 0.5;

export function updateGrievance(world: World): void {
  const cells = world.landCells;
  const { owner, harm, hardshipBase, relief, hardship, grievance, legitimacy } = world;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k] as number;
    const o = owner[c] as number;
    const decayed = (harm[c] as number) * (1 - HARM_DECAY);
    harm[c] = decayed;
    const h = (hardshipBase[o] as number) - (relief[c] as number) + decayed;
    const clamped = h < 0 ? 0 : h > 1 ? 1 : h;
    hardship[c] = clamped;
    grievance[c] = clamped * (1 - (legitimacy[o] as number)); // Epstein 2002: G = H(1 − L)
  }
}

export function recruitmentPhase(world: World): void {
  updateGrievance(world);
  const { size, width, height } = world;
  const t = world.tuning;
  const b = world.bands.columns;
  const groupFighters = world.groupFighters;
  groupFighters.fill(0);
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    groupFighters[b.group[id] as number] = (groupFighters[b.group[id] as number] as number) + (b.fighters[id] as number);
  }
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    if ((b.fighters[id] as number) < 1) continue;
    const g = b.group[id] as number;
    const c = b.cell[id] as number;
    const owner = world.owner[c] as number;
    const funds = world.groupFunds[g] as number;
    const perFighter = funds / Math.max(1, groupFighters[g] as number);
    // Groups pay recruits (seed and press: ransoms made AQIM rich): tuning.fundsPerFighterHalf.
    const fundsFactor = 0.3 + 0.7 * (perFighter / (perFighter + t.fundsPerFighterHalf));
    const weakness = 1 - Math.min(1, world.presence[c] as number);
    const lambda =
      t.recruitRate *
      (world.grievance[c] as number) *
      ((world.populationNear[c] as number) / 10000) *
      (0.2 + (world.network[g * size + c] as number)) *
      fundsFactor *
      weakness;
    const recruits = world.draws.recruitment.at(world.tick, b.key[id] as number).poisson(lambda);
    if (recruits > 0) {
      const nationality = world.nationalities.indexOf(world.countries[owner] as string);
      gainFighters(world, id, nationality >= 0 ? nationality : 0, recruits);
      world.groupFunds[g] = Math.max(0, funds - RECRUIT_COST * recruits);
      world.groupRecruits[g] = (world.groupRecruits[g] as number) + recruits;
      world.tally.recruits += recruits;
    }
    // Networks grow where bands operate.
    reachAround(world, c);
    const s = Math.min(1, bandStrength(world, id));
    const x = c % width;
    const y = (c / width) | 0;
    for (let o = 0; o < world.influenceDx.length; o++) {
      const nx = x + (world.influenceDx[o] as number);
      const ny = y + (world.influenceDy[o] as number);
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const n = g * size + ny * width + nx;
      const v = world.network[n] as number;
      world.network[n] = v + NETWORK_BUILD * s * (world.influenceWeight[o] as number) * (1 - v);
    }
  }
  // Networks are 0 outside the reached cells (footprint.ts).
  const { network, reachedCells } = world;
  const G = world.groups.length;
  for (let k = 0; k < world.reachedCount; k++) {
    const c = reachedCells[k] as number;
    for (let g = 0; g < G; g++) network[g * size + c] = (network[g * size + c] as number) * (1 - NETWORK_DECAY);
  }
}
