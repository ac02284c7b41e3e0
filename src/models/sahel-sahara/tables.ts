/**
 * Per-run tables written beside the series (MODEL.md §4): trust at the start and the end for
 * every pair of core states, border crossings of fighters by origin and destination, and each
 * group's final strength, funds, recruits and attacks.
 */
import type { Table } from '../../engine/index.ts';
import type { World } from './world.ts';

export function runTables(world: World): Record<string, Table> {
  const C = world.countryCount;
  const relations: (string | number)[][] = [];
  for (let i = 1; i < C; i++) {
    if (world.isCoreState[i] !== 1) continue;
    for (let j = 1; j < C; j++) {
      if (j === i || world.isCoreState[j] !== 1) continue;
      relations.push([world.countries[i] as string, world.countries[j] as string, world.trustStart[i * C + j] as number, world.trust[i * C + j] as number]);
    }
  }
  const displacement: (string | number)[][] = [];
  for (let i = 1; i < C; i++) {
    for (let j = 1; j < C; j++) {
      const n = world.crossings[i * C + j] as number;
      if (n > 0) displacement.push([world.countries[i] as string, world.countries[j] as string, n, world.foreignCrossings[i * C + j] as number]);
    }
  }
  const b = world.bands.columns;
  const groups = world.groups.map((name, g) => {
    let fighters = 0;
    for (let k = 0; k < world.bands.count; k++) {
      const id = world.bands.ids[k] as number;
      if (b.group[id] === g) fighters += b.fighters[id] as number;
    }
    return [name, fighters, world.groupFunds[g] as number, world.groupRecruits[g] as number, world.groupAttacks[g] as number];
  });
  const frameworks = world.frameworks.map((f) => [f.name, f.operationalisation]);
  return {
    relations: { columns: ['from', 'to', 'trust_start', 'trust_final'], rows: relations },
    displacement: { columns: ['origin', 'destination', 'fighters', 'foreign_fighters'], rows: displacement },
    groups: { columns: ['group', 'fighters_final', 'funds_final', 'recruits_total', 'attacks'], rows: groups },
    frameworks: { columns: ['framework', 'operationalisation_final'], rows: frameworks },
  };
}
