/**
 * Phase 10 — trust and frameworks (MODEL.md §3.10).
 *
 * Trust reverts slowly toward 1 − rivalry; joint successes raise it and leaks, ransoms, prisoner
 * releases and unilateral incursions lower it (in the phases where they happen), as does the
 * sight of officials next door profiting from smuggling and ransoms. A framework
 * backed by outsiders deepens the rift between its members and the sovereignty-sensitive states
 * it leaves out (seed: supporting ECOWAS "undoubtedly deepens the rift between the ECOWAS members
 * and … Mauritania, Libya and Algeria"). Operationalisation moves toward the cooperation its
 * members can realise — trust × engagement of each pair, less rivals' obstruction — so a
 * framework without engaged members stays on paper (seed: the pays du champ "failed to translate
 * into operational security cooperation"). Backers fund members in proportion to operationalisation.
 */
import { obstruction } from './frameworks.ts';
import type { World } from './world.ts';

const REVERSION = 0.002;
const RIFT_RATE = 0.004;
const OPERATIONALISATION_RATE = 0.05;
/** Trust lost per week per (k$ of officials' takings / 100) seen by a neighbour at full intelligence. */
const COLLUSION_TRUST_LOSS = 0.004;

export function relationsPhase(world: World): void {
  const C = world.countryCount;
  const { trust, rivalry, engagement } = world;
  for (let i = 1; i < C; i++) {
    for (let j = 1; j < C; j++) {
      if (i === j) continue;
      const v = trust[i * C + j] as number;
      trust[i * C + j] = v + REVERSION * (1 - (rivalry[i * C + j] as number) - v);
    }
  }
  // Neighbours' intelligence services see officials profit from smuggling and ransoms next door
  // (seed: Algerian papers close to military intelligence accused Touré of complicity in
  // organised crime; exasperation in Algiers and Nouakchott), and trust them less.
  const takings = world.tally.officialsByCountry;
  for (let k = 1; k < C; k++) {
    const seen = (takings[k] as number) / 100;
    if (seen <= 0) continue;
    for (let i = 1; i < C; i++) {
      if (i === k || world.isCoreState[i] !== 1) continue;
      const loss = COLLUSION_TRUST_LOSS * (world.intelligence[i] as number) * Math.min(1, seen) * (world.sovereignty[i] as number);
      trust[i * C + k] = Math.max(0, (trust[i * C + k] as number) - loss);
    }
  }
  world.support.fill(0);
  for (const f of world.frameworks) {
    if (world.tick < f.fromTick) continue;
    let sum = 0;
    let pairs = 0;
    for (let i = 1; i < C; i++) {
      if (f.members[i] !== 1) continue;
      for (let j = 1; j < C; j++) {
        if (j === i || f.members[j] !== 1) continue;
        sum += (trust[i * C + j] as number) * (engagement[i] as number) * (engagement[j] as number);
        pairs++;
      }
    }
    const cooperation = pairs > 0 ? (sum / pairs) * (1 - obstruction(world, f)) : 0;
    f.operationalisation += OPERATIONALISATION_RATE * (cooperation - f.operationalisation);
    if (f.backing <= 0) continue;
    for (let m = 1; m < C; m++) {
      if (f.members[m] !== 1) continue;
      world.support[m] = (world.support[m] as number) + f.backing * (0.5 + 0.5 * f.operationalisation);
      for (let i = 1; i < C; i++) {
        if (f.members[i] === 1 || world.isCoreState[i] !== 1) continue;
        const loss = RIFT_RATE * f.backing * (world.sovereignty[i] as number);
        trust[i * C + m] = Math.max(0, (trust[i * C + m] as number) - loss);
        trust[m * C + i] = Math.max(0, (trust[m * C + i] as number) - 0.5 * loss);
      }
    }
  }
}
