/** Canonical JSON (sorted keys) and its SHA-256: the identity of a resolved scenario. */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** SHA-256 of the scenario without its default seeds: the same world, whatever seeds are run. */
export function scenarioHash(scenario: object): string {
  const { seeds: _seeds, ...rest } = scenario as Record<string, unknown>;
  return sha256(canonicalJson(rest));
}
