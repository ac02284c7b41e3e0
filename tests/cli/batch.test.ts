import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readParquet } from '../../src/results/index.ts';
import { cli, temporaryDir } from './helpers.ts';

const root = temporaryDir();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SCENARIOS = ['tests/fixtures/sahel-small.yaml', 'tests/fixtures/sahel-small-baseline.yaml'];
const RESULTS = ['summary.parquet', 'series.parquet', 'relations.parquet', 'groups.parquet'];

function bytes(dir: string, file: string): Buffer {
  return readFileSync(join(dir, file));
}

/** runs.parquet without the columns that depend on the machine's timing (wall time, attempts). */
async function runsWithoutTiming(dir: string): Promise<unknown[][]> {
  const { columns, rows } = await readParquet(join(dir, 'runs.parquet'));
  const keep = columns.map((c, k) => (['wall_time_ms', 'attempts'].includes(c.name) ? -1 : k)).filter((k) => k >= 0);
  return rows.map((row) => keep.map((k) => row[k]));
}

/** Starts a batch and sends it `signal` once `runs` runs are in its journal; resolves with its exit. */
function signalAfter(dir: string, runs: number, args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'batch', ...args, '--out', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setInterval(() => {
      const journal = join(dir, 'journal.ndjson');
      const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 1 : 0;
      if (lines >= runs) {
        clearInterval(timer);
        child.kill(signal);
      }
    }, 5);
    child.on('exit', (code, sig) => {
      clearInterval(timer);
      resolve({ code, signal: sig, stderr });
    });
  });
}

/** Starts a batch and SIGKILLs it once `runs` runs are in its journal. */
function killAfter(dir: string, runs: number, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'batch', ...args, '--out', dir], { stdio: 'ignore' });
    const timer = setInterval(() => {
      const journal = join(dir, 'journal.ndjson');
      const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 1 : 0;
      if (lines >= runs) {
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the batch ended on its own (code ${code}) before it could be killed`));
    });
  });
}

describe('sahel-sahara batch', () => {
  const one = join(root, 'workers-1');
  const two = join(root, 'workers-2');
  const args = [...SCENARIOS, '--seeds', '1..8'];

  it('stores the same result bytes with one worker thread and with two', async () => {
    const a = cli('batch', ...args, '--workers', '1', '--out', one);
    expect(a.stderr).not.toMatch(/error/i);
    expect(a.status).toBe(0);
    expect(a.stdout).toMatch(/16 of 16 runs done/);
    expect(a.stdout).toMatch(/small-baseline/);
    const b = cli('batch', ...args, '--workers', '2', '--out', two);
    expect(b.status).toBe(0);
    for (const file of RESULTS) expect(bytes(two, file).equals(bytes(one, file)), file).toBe(true);
    expect(await runsWithoutTiming(two)).toEqual(await runsWithoutTiming(one));
    const manifest = JSON.parse(readFileSync(join(one, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'batch', status: 'complete', runs: { planned: 16, done: 16, failed: 0, invalid: 0 } });
    const summary = await readParquet(join(one, 'summary.parquet'));
    expect(summary.rows.length).toBe(16 * 37);
  }, 120_000);

  it('resumes a batch killed with SIGKILL and ends with the bytes of an uninterrupted one', async () => {
    const dir = join(root, 'killed');
    await killAfter(dir, 5, [...args, '--workers', '2']);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).status).toBe('running');
    expect(existsSync(join(dir, 'summary.parquet'))).toBe(false);
    const resumed = cli('batch', ...args, '--workers', '2', '--out', dir);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(/already stored/);
    for (const file of RESULTS) expect(bytes(dir, file).equals(bytes(one, file)), file).toBe(true);
    expect(await runsWithoutTiming(dir)).toEqual(await runsWithoutTiming(one));
  }, 120_000);

  it('stops cleanly on Ctrl-C (exit 130), saying how to resume, and resumes to the same bytes', async () => {
    const dir = join(root, 'interrupted');
    const stopped = await signalAfter(dir, 3, [...args, '--workers', '1'], 'SIGINT');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/stopped: \d+ of 16 runs are stored .* run the same command again to resume/);
    const resumed = cli('batch', ...args, '--workers', '1', '--out', dir);
    expect(resumed.status).toBe(0);
    for (const file of RESULTS) expect(bytes(dir, file).equals(bytes(one, file)), file).toBe(true);
  }, 120_000);

  it('skips every run on a rerun of a finished batch', () => {
    const again = cli('batch', ...args, '--workers', '0', '--out', one);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/16 of 16 runs done \(16 were already stored\)/);
  });

  it('refuses to resume into a folder that holds another batch, with exit code 2', () => {
    const other = cli('batch', SCENARIOS[0] as string, '--seeds', '1..3', '--out', one);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/holds another batch/);
    expect(other.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes CSV copies of every table with --format csv', () => {
    const dir = join(root, 'csv');
    const result = cli('batch', SCENARIOS[0] as string, '--seeds', '1..2', '--workers', '0', '--format', 'csv', '--out', dir);
    expect(result.status).toBe(0);
    const summary = readFileSync(join(dir, 'summary.csv'), 'utf8').split('\n');
    expect(summary[0]).toBe('key,scenario,option,point,replication,seed,metric,final,max,mean,after');
    expect(summary.length - 2).toBe(2 * 37);
  });
});
