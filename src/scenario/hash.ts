/** Canonical JSON (sorted keys) and its SHA-256: the identity of a resolved scenario. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../engine/index.ts';

export { canonicalJson };

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** SHA-256 of the scenario without its default seeds: the same world, whatever seeds are run. */
export function scenarioHash(scenario: object): string {
  const { seeds: _seeds, ...rest } = scenario as Record<string, unknown>;
  return sha256(canonicalJson(rest));
}
