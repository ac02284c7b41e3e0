/**
 * A small results folder for the server and browser tests, made as a user would: the CLI runs
 * the small scenario (2 seeds) and compares its baseline with an option (3 points × 3 seeds), in
 * parallel child processes (a few seconds together).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function cli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sahel-sahara ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`))));
  });
}

export const RUN_ID = 'small-run';
export const COMPARE_ID = 'small-compare';

/** A temporary results folder holding `small-run` (run, seeds 1 and 2) and `small-compare` (compare). */
export async function makeResults(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sahel-sahara-server-'));
  await Promise.all([
    cli(['run', 'tests/fixtures/sahel-small.yaml', '--seeds', '1..2', '--out', join(dir, RUN_ID)]),
    cli(['compare', 'tests/fixtures/sahel-small-baseline.yaml', 'tests/fixtures/sahel-small-option.yaml', '--seeds', '3', '--points', '3', '--workers', '0', '--out', join(dir, COMPARE_ID)]),
  ]);
  return dir;
}
