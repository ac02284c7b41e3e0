import { mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchStore } from '../../src/results/index.ts';

const manifest = { kind: 'batch' as const, design: {}, designHash: 'test', createdAt: '', command: [] };

describe('BatchStore journal', () => {
  it('cuts a torn last line off on reopening, counting bytes right after lines with non-ASCII text', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'store-')), 'out');
    const store = BatchStore.open(dir, manifest);
    store.record({ key: 'a', status: 'invalid', attempts: 1, wallTimeMs: 1, error: 'scénario « invalide » — ça' });
    store.record({ key: 'b', status: 'invalid', attempts: 1, wallTimeMs: 2, error: 'ok' });
    store.close();
    const journal = join(dir, 'journal.ndjson');
    const good = readFileSync(journal);
    appendFileSync(journal, '{"key":"c","stat');
    const reopened = BatchStore.open(dir, manifest);
    reopened.close();
    expect(readFileSync(journal).equals(good)).toBe(true);
    expect([...reopened.readRuns().keys()]).toEqual(['a', 'b']);
    expect(reopened.readRuns().get('a')?.error).toBe('scénario « invalide » — ça');
  });
});
