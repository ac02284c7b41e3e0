/**
 * Identities in a batch. A run's key is a hash of what determines its output — the resolved
 * scenario (option and design point applied) and the seed — so a stored run is recognised on a
 * rerun, and a duplicate completion is harmless. A comparison's seeds derive from (master seed,
 * point, replication), never from the option: every option sees the same draws.
 */
import { canonicalJson, scenarioHash, sha256, type ResolvedScenario } from '../scenario/index.ts';

export function runKey(scenario: ResolvedScenario, seed: number): string {
  return runKeyOf(scenarioHash(scenario), seed);
}

/** The run key from the scenario's hash (`scenarioHash`), when the caller has it already. */
export function runKeyOf(hash: string, seed: number): string {
  return sha256(canonicalJson({ scenario: hash, seed })).slice(0, 32);
}

/** A 32-bit seed from (master seed, point, replication); distinct inputs collide with odds 2^-32. */
export function deriveSeed(master: number, point: number, replication: number): number {
  return Number.parseInt(sha256(`sahel-sahara-seed:${master}:${point}:${replication}`).slice(0, 8), 16);
}
