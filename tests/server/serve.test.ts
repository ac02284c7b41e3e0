import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.ts';

const empty = mkdtempSync(join(tmpdir(), 'sahel-sahara-serve-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('sahel-sahara serve', () => {
  it('binds 127.0.0.1 on a free port, prints the address, answers, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--results', empty, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.on('close', (code) => reject(new Error(`exited ${code} before listening: ${stdout}`)));
    });
    const response = await fetch(`${url}api/results`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ results: [] });
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stdout).toContain('stopped');
  });

  it('refuses a results folder that does not exist, and a bad port, with exit 2', () => {
    const missing = cli('serve', '--results', join(empty, 'nope'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such results folder');
    const port = cli('serve', '--results', empty, '--port', '70000');
    expect(port.status).toBe(2);
  });
});
