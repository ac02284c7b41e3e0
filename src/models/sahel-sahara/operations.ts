/**
 * Phase 4 — operations (MODEL.md §3.4).
 *
 * The host state strikes a band it detected unless warned by a leak; collusion makes it less
 * willing (seed: Touré was reluctant to move against AQIM and criminal networks). Partners in a
 * framework with joint operations add forces; a joint strike that kills fighters raises their
 * mutual trust. Neighbours whose soil the band used recently may pursue it across the border:
 * with pursuit rights under a common framework, or unilaterally (seed: the 2010 Mauritanian
 * offensive on Malian territory), which costs the host's trust in proportion to its sovereignty
 * sensitivity. External forces of an offensive fight wherever they operate.
 *
 * Attrition is binomial, with the kill chance rising with the force ratio. Strikes harm civilians
 * in proportion to their imprecision (Bennett 2008, JASSS: precision matters more than capture
 * rate), which raises hardship and so grievance. Bands of groups that are not allied clash where
 * they share a cell (seed: mid-2012, the better-armed Islamists pushed the MNLA out of the towns).
 */
import { combineKeys, type KeyedDraws } from '../../engine/index.ts';
import { bandStrength, loseFighters } from './bands.ts';
import type { World } from './world.ts';

const KILL_RATE = 0.3;
const THREAT_WEEKS = 8;
const JOINT_TRUST_GAIN = 0.01;

function strike(world: World, id: number, force: number, rng: KeyedDraws): number {
  const b = world.bands.columns;
  const cell = b.cell[id] as number;
  const s = bandStrength(world, id);
  const ratio = force / (force + s + 1e-9);
  const fighters = Math.round(b.fighters[id] as number);
  const killed = rng.binomial(fighters, KILL_RATE * ratio);
  loseFighters(world, id, killed);
  world.tally.fightersKilled += killed;
  world.tally.soldiersKilled += rng.poisson(0.3 * killed * (1 - ratio) + 0.02 * fighters * (1 - ratio));
  world.tally.operations++;
  // A band that holds its ground knocks down the state's posts.
  if (s > force) world.presence[cell] = (world.presence[cell] as number) * (1 - 0.2 * (1 - ratio));
  const g = b.group[id] as number;
  const n = g * world.size + cell;
  world.network[n] = (world.network[n] as number) * (1 - 0.1 * ratio);
  const harm = world.tuning.imprecision * force * ((world.population[cell] as number) / ((world.population[cell] as number) + 10000));
  world.harm[cell] = (world.harm[cell] as number) + harm;
  world.tally.civilianHarm += harm;
  return killed;
}

export function operationsPhase(world: World): void {
  const C = world.countryCount;
  const b = world.bands.columns;
  const { trust } = world;
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    if ((b.fighters[id] as number) < 1) continue;
    const rng = world.draws.operations.at(world.tick, b.key[id] as number);
    const cell = b.cell[id] as number;
    const host = world.owner[cell] as number;
    const external = world.external[cell] as number;
    if (b.detected[id] === 1 && b.warned[id] === 0 && rng.float() < 1 - 0.7 * (world.collusion[host] as number)) {
      let force = (world.presence[cell] as number) * (world.capacity[host] as number) + external;
      let partners = 0;
      for (const f of world.frameworks) {
        if (!f.jointOperations || f.members[host] !== 1 || world.tick < f.fromTick) continue;
        for (let j = 1; j < C; j++) {
          if (j === host || f.members[j] !== 1) continue;
          const will = f.operationalisation * (trust[j * C + host] as number) * (world.engagement[j] as number);
          if (rng.float() < will) {
            // Operationalisation decides whether the partner joins (`will`), not how hard it hits.
            force += 0.5 * (world.capacity[j] as number);
            partners |= j < 32 ? 1 << j : 0;
          }
        }
      }
      world.tally.operationsByCountry[host] = (world.tally.operationsByCountry[host] as number) + 1;
      const killed = strike(world, id, force, rng);
      if (partners !== 0) {
        world.tally.jointOps++;
        if (killed > 0) {
          for (let j = 1; j < C && j < 32; j++) {
            if ((partners & (1 << j)) === 0) continue;
            trust[j * C + host] = Math.min(1, (trust[j * C + host] as number) + JOINT_TRUST_GAIN);
            trust[host * C + j] = Math.min(1, (trust[host * C + j] as number) + JOINT_TRUST_GAIN);
          }
        }
      }
    } else if (external > 0 && b.warned[id] === 0 && rng.float() < Math.min(1, external)) {
      // External forces strike on their own intelligence.
      strike(world, id, external, rng);
    }

    // Pursuit across the border by neighbours the band threatened.
    const near = world.nearCountries[cell] as number;
    if (near === 0) continue;
    for (let i = 1; i < C && i < 32; i++) {
      if (i === host || (near & (1 << i)) === 0 || world.isCoreState[i] !== 1) continue;
      if ((b.lastIn[id * C + i] as number) < world.tick - THREAT_WEEKS) continue;
      let rights = 0;
      for (const f of world.frameworks) {
        if (f.pursuit && f.members[i] === 1 && f.members[host] === 1 && world.tick >= f.fromTick) rights = Math.max(rights, f.operationalisation);
      }
      const detect = (world.intelligence[i] as number) * (0.5 + 0.5 * (world.sharing[i * C + host] as number));
      if (rng.float() >= detect) continue;
      if (rights > 0 && rng.float() < rights) {
        strike(world, id, 0.5 * (world.capacity[i] as number), rng);
        world.tally.jointOps++;
      } else if (rng.float() < (world.unilateralism[i] as number)) {
        strike(world, id, 0.5 * (world.capacity[i] as number), rng);
        trust[host * C + i] = Math.max(0, (trust[host * C + i] as number) - 0.1 * (world.sovereignty[host] as number));
      }
    }
  }
  clashes(world);
}

/** Bands of groups that are not allied fight where they share a cell. */
function clashes(world: World): void {
  const draws = world.draws.operations;
  const b = world.bands.columns;
  const G = world.groups.length;
  const n = world.bands.count;
  for (let x = 0; x < n; x++) {
    const a = world.bands.ids[x] as number;
    for (let y = x + 1; y < n; y++) {
      const c = world.bands.ids[y] as number;
      if (b.cell[a] !== b.cell[c]) continue;
      if ((world.alliance[(b.group[a] as number) * G + (b.group[c] as number)] as number) >= 0.5) continue;
      // Salt 1: a pair's draws, apart from either band's own, whichever of the two comes first.
      const ka = b.key[a] as number;
      const kc = b.key[c] as number;
      const rng = draws.at(world.tick, combineKeys(Math.min(ka, kc), Math.max(ka, kc)), 1);
      if (rng.float() >= 0.5) continue;
      const sa = bandStrength(world, a);
      const sc = bandStrength(world, c);
      const lossA = rng.binomial(Math.round(b.fighters[a] as number), 0.15 * (sc / (sa + sc + 1e-9)));
      const lossC = rng.binomial(Math.round(b.fighters[c] as number), 0.15 * (sa / (sa + sc + 1e-9)));
      loseFighters(world, a, lossA);
      loseFighters(world, c, lossC);
      world.tally.fightersKilled += lossA + lossC;
    }
  }
}
