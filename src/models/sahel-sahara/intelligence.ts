/**
 * Phase 3 — intelligence (MODEL.md §3.3).
 *
 * Realised sharing from j to i is, summed over frameworks in force with an intelligence
 * mechanism, member(i)·member(j)·operationalisation·trust(i,j)·engagement(i)·engagement(j)
 * (obstruction by rivals the framework excludes acts through operationalisation).
 *
 * A state detects a band on its soil with its own intelligence × presence (plus external ISR
 * where offensives operate), and with what partners share about it: a partner knows of the band
 * when it stood on the partner's soil in the last weeks. Leaks: a collusive state's detection may
 * reach the band, which then evades (seed: senior officers of northern origin leaked to AQIM);
 * partners who shared and see it lose trust (seed: Mauritania then withheld information).
 */
import type { World } from './world.ts';

/** Weeks for which a partner still knows of a band that left its soil. */
const TRACK_WEEKS = 4;
const LEAK_TRUST_LOSS = 0.05;

export function computeSharing(world: World): void {
  const C = world.countryCount;
  const { sharing, trust, engagement } = world;
  sharing.fill(0);
  let total = 0;
  for (const f of world.frameworks) {
    if (!f.intelligence || world.tick < f.fromTick || f.operationalisation <= 0) continue;
    for (let i = 1; i < C; i++) {
      if (f.members[i] !== 1) continue;
      for (let j = 1; j < C; j++) {
        if (j === i || f.members[j] !== 1) continue;
        const s = f.operationalisation * (trust[i * C + j] as number) * (engagement[i] as number) * (engagement[j] as number);
        sharing[i * C + j] = Math.min(1, (sharing[i * C + j] as number) + s);
      }
    }
  }
  for (let i = 0; i < C * C; i++) total += sharing[i] as number;
  world.tally.intelShares += total;
}

export function intelligencePhase(world: World): void {
  computeSharing(world);
  const C = world.countryCount;
  const b = world.bands.columns;
  const { sharing } = world;
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    const cell = b.cell[id] as number;
    const host = world.owner[cell] as number;
    b.warned[id] = 0;
    const rng = world.draws.intelligence.at(world.tick, b.key[id] as number);
    const own = Math.min(1, (world.intelligence[host] as number) * (world.presence[cell] as number) + 0.8 * (world.external[cell] as number));
    let missed = 1 - own;
    for (let j = 1; j < C; j++) {
      const s = sharing[host * C + j] as number;
      if (s <= 0) continue;
      // A partner knows of the band if it stood on the partner's soil lately, or if it sits within
      // pursuit range of the partner's border, which its border posts and informants watch.
      const near = j < 32 && ((world.nearCountries[cell] as number) & (1 << j)) !== 0;
      if (!near && (b.lastIn[id * C + j] as number) < world.tick - TRACK_WEEKS) continue;
      missed *= 1 - s * (world.intelligence[j] as number);
    }
    const detected = rng.float() < 1 - missed;
    b.detected[id] = detected ? 1 : 0;
    if (!detected) continue;
    if (rng.float() < 0.5 * (world.collusion[host] as number)) {
      b.warned[id] = 1;
      world.tally.leaks++;
      for (let j = 1; j < C; j++) {
        const s = sharing[host * C + j] as number;
        if (s > 0 && rng.float() < s) world.trust[j * C + host] = Math.max(0, (world.trust[j * C + host] as number) - LEAK_TRUST_LOSS);
      }
    }
  }
}
