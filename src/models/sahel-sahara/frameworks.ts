/** Helpers on frameworks shared by the intelligence and relations phases. */
import type { Framework, World } from './world.ts';

/**
 * How much the rivals a framework leaves out obstruct it: half the strongest rivalry between an
 * excluded state and the leader — or, for a framework without a leader, any member (seed:
 * Moroccan diplomacy sought to prevent a framework from which Morocco was excluded).
 */
export function obstruction(world: World, f: Framework): number {
  const C = world.countryCount;
  let worst = 0;
  for (let r = 1; r < C; r++) {
    if (f.excludes[r] !== 1) continue;
    if (f.leader > 0) {
      worst = Math.max(worst, world.rivalry[r * C + f.leader] as number);
      continue;
    }
    for (let m = 1; m < C; m++) if (f.members[m] === 1) worst = Math.max(worst, world.rivalry[r * C + m] as number);
  }
  return 0.5 * worst;
}
