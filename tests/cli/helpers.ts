import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a user would, in a child process: through its launcher, which runs it bundled. */
export function cli(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, ['bin/sahel-sahara.mjs', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function temporaryDir(): string {
  return mkdtempSync(join(tmpdir(), 'sahel-sahara-test-'));
}
