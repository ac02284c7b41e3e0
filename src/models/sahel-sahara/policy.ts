/**
 * The policy layer: states', external actors' and groups' parameters as numbers per index,
 * derived from the scenario tree. Events change the tree (with immer, between ticks) and this
 * re-derives the arrays the phases read, so a tick never walks the tree.
 */
import type { SahelSaharaParams, StateParams } from './params.ts';
import { KIND_JIHADIST, KIND_MILITIA, KIND_SEPARATIST, TERRAIN_DESERT, TERRAIN_MASSIF, type World } from './world.ts';

/** Refuge value of terrain for bands: massifs most, open desert some (seed: the Adrar des Ifoghas). */
export function refuge(terrain: number): number {
  return terrain === TERRAIN_MASSIF ? 1 : terrain === TERRAIN_DESERT ? 0.4 : 0;
}

/** The parameters of each country's state: its own entry under `states`, else `peripheral`. */
export function stateParams(params: SahelSaharaParams, iso3: string): StateParams {
  return params.states[iso3] ?? params.peripheral;
}

export function applyPolicy(world: World, params: SahelSaharaParams): void {
  world.tuning = { ...params.tuning };
  for (let c = 1; c < world.countryCount; c++) {
    const s = stateParams(params, world.countries[c] as string);
    world.capacity[c] = s.capacity;
    world.reachKm[c] = s.reachKm;
    world.legitimacy[c] = s.legitimacy;
    world.borderControl[c] = s.borderControl;
    world.intelligence[c] = s.intelligence;
    world.collusion[c] = s.collusion;
    world.sovereignty[c] = s.sovereignty;
    world.engagement[c] = s.engagement;
    world.returneeDisarmament[c] = s.returneeDisarmament;
    world.unilateralism[c] = s.unilateralism;
    world.subsidy[c] = s.subsidy;
    world.hardshipBase[c] = s.hardship;
  }
  world.groups.forEach((name, g) => {
    const p = params.groups[name];
    if (!p) return;
    world.groupCohesion[g] = p.cohesion;
    world.groupWeapons[g] = p.weapons;
    world.groupHostageTaking[g] = p.hostageTaking;
    world.groupKind[g] = p.kind === 'jihadist' ? KIND_JIHADIST : p.kind === 'separatist' ? KIND_SEPARATIST : KIND_MILITIA;
    const G = world.groups.length;
    for (let h = 0; h < G; h++) {
      if (h === g) {
        world.alliance[g * G + h] = 1;
        continue;
      }
      const other = world.groups[h] as string;
      // Affinity is symmetric in effect: the lower of the two stated affinities governs.
      const mine = p.alliances[other];
      const theirs = params.groups[other]?.alliances[name];
      const values = [mine, theirs].filter((v): v is number => v !== undefined);
      world.alliance[g * G + h] = values.length > 0 ? Math.min(...values) : 0;
    }
  });
  world.externals.forEach((name, e) => {
    const p = params.externals[name];
    if (!p) return;
    world.ransomPolicy[e] = p.ransomPolicy;
    world.funding[e] = p.funding;
    world.pressForReleases[e] = p.pressForReleases;
  });
  // Cell fields that depend only on policy parameters: derived here, read every tick. Garrisons
  // (tuning.garrisonWeight, an estimate: Mali's northern garrisons of a few hundred men held their
  // towns against the lightly armed groups of 2011, not against the returnees of 2012).
  const t = world.tuning;
  for (let k = 0; k < world.landCells.length; k++) {
    const c = world.landCells[k] as number;
    const owner = world.owner[c] as number;
    world.presenceShape[c] = Math.max(Math.exp(-(world.capitalKm[c] as number) / (world.reachKm[owner] as number)), t.garrisonWeight * (world.garrison[c] as number));
    world.staticAppeal[c] = t.wRefuge * refuge(world.terrain[c] as number) + t.wTown * Math.log1p((world.population[c] as number) / 20000);
  }
  for (const f of world.frameworks) {
    const p = params.frameworks[f.name];
    if (!p) continue;
    f.intelligence = p.intelligence;
    f.jointOperations = p.jointOperations;
    f.pursuit = p.pursuit;
  }
}
