/**
 * Phase 10 — trust and frameworks (MODEL.md §3.10).
 *
 * Trust reverts slowly toward 1 − rivalry; joint successes raise it and leaks, ransoms, prisoner
 * releases and unilateral incursions lower it (in the phases where they happen), as does the
 * sight of officials next door profiting from smuggling and ransoms. A framework
 * backed by outsiders deepens the rift between its members and the sovereignty-sensitive states
 * it leaves out (seed: supporting ECOWAS "undoubtedly deepens the rift between the ECOWAS members
 * and … Mauritania, Libya and Algeria"). Operationalisation moves toward the cooperation its
 * members can realise (`cooperationTarget`), so a framework without an engaged leader stays on
 * paper (seed: the pays du champ "failed to translate into operational security cooperation").
 * Backers fund members in proportion to operationalisation.
 */
import { obstruction } from './frameworks.ts';
import type { Framework, World } from './world.ts';

const REVERSION = 0.002;
const RIFT_RATE = 0.004;
const OPERATIONALISATION_RATE = 0.05;
/** Trust lost per week per (k$ of officials' takings / 100) seen by a neighbour at full intelligence. */
const COLLUSION_TRUST_LOSS = 0.004;

export function relationsPhase(world: World): void {
  const C = world.countryCount;
  const { trust, rivalry } = world;
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
    const cooperation = cooperationTarget(world, f);
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

/**
 * The operationalisation a framework's members can realise: D × √(W × T) × (1 − obstruction),
 * where D is the driving engagement — the leader's, for a led framework, else the members' mean —
 * W the mean engagement of the other members and T their mean trust with the leader (both ways;
 * every pair when there is no leader).
 *
 * Why this form: a led framework is hub-and-spoke (the pays du champ's joint staff sat in
 * Tamanrasset and its intelligence unit in Algiers), and the seed makes the leader's will the
 * gate: expanding it "requires first and foremost a shift in Algeria's approach to regional
 * cooperation, as well as much stronger commitment by the Libyan authorities". So D multiplies,
 * while the members' commitment and trust enter as a geometric mean — either being low holds the
 * framework back, but two middling values do not compound into nothing, as a product of every
 * pair's trust × engagement × engagement did (it kept any framework near 0.1 whoever engaged).
 */
export function cooperationTarget(world: World, f: Framework): number {
  const C = world.countryCount;
  const { trust, engagement } = world;
  let others = 0;
  let engaged = 0;
  let trustSum = 0;
  let pairs = 0;
  for (let m = 1; m < C; m++) {
    if (f.members[m] !== 1 || m === f.leader) continue;
    others++;
    engaged += engagement[m] as number;
    if (f.leader > 0) {
      trustSum += 0.5 * ((trust[f.leader * C + m] as number) + (trust[m * C + f.leader] as number));
      pairs++;
      continue;
    }
    for (let j = 1; j < C; j++) {
      if (j === m || f.members[j] !== 1) continue;
      trustSum += trust[m * C + j] as number;
      pairs++;
    }
  }
  if (others === 0 || pairs === 0) return 0;
  const W = engaged / others;
  const D = f.leader > 0 ? (engagement[f.leader] as number) : W;
  return D * Math.sqrt(W * (trustSum / pairs)) * (1 - obstruction(world, f));
}
