import { describe, expect, it } from 'vitest';
import { createInlineExecutor, createLocalExecutor, planTasks, type Task, type TaskFailure, type TaskResult } from '../../src/experiment/index.ts';
import { runWithRetries } from '../../src/experiment/executor.ts';
import { resolveScenario } from '../../src/scenario/index.ts';
import { piscinaWorker, withoutTsx, workerBundle, workerBundleAsync } from '../../src/experiment/worker-bundle.ts';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const small = resolveScenario('tests/fixtures/sahel-small.yaml').scenario;
const { tasks } = planTasks([1, 2, 3, 4].map((seed, r) => [{ scenario: small, option: 0, point: 0, replication: r, seed, parameters: {} }]));

async function collect(run: (onResult: (r: TaskResult | TaskFailure, attempts: number) => void) => Promise<void>) {
  const results: { result: TaskResult | TaskFailure; attempts: number }[] = [];
  await run((result, attempts) => void results.push({ result, attempts }));
  return results;
}

function seriesById(results: { result: TaskResult | TaskFailure }[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const { result } of results) if (result.status === 'done') out[result.id] = Array.from(result.runs[0]!.series);
  return out;
}

describe('createLocalExecutor()', () => {
  it('gives the inline executor’s results, run for run, on two worker threads', async () => {
    const inline = await collect((onResult) => createInlineExecutor().run(tasks, { onResult }));
    const local = createLocalExecutor({ workers: 2 });
    try {
      const parallel = await collect((onResult) => local.run(tasks, { onResult }));
      expect(parallel).toHaveLength(4);
      expect(seriesById(parallel)).toEqual(seriesById(inline));
      expect(Object.keys(seriesById(inline))).toHaveLength(4);
    } finally {
      await local.close();
    }
  }, 60_000);

  it('reports an invalid scenario at once, without retrying it', async () => {
    const bad: Task = { id: 'bad', seed: 1, runs: [{ key: 'bad', scenario: { ...small, params: { ...(small.params as object), start: 'soon' } } as never }] };
    const results = await collect((onResult) => createInlineExecutor().run([bad], { onResult }));
    expect(results).toHaveLength(1);
    expect(results[0]!.result.status).toBe('invalid');
    expect(results[0]!.attempts).toBe(1);
    expect((results[0]!.result as { error: string }).error).toMatch(/start/);
  });
});

describe('workerBundle()', () => {
  it('builds the worker code into one module, reused while the sources are unchanged, that runs a task as the inline executor does', async () => {
    const entry = new URL('../../src/experiment/worker.ts', import.meta.url);
    const file = workerBundle(entry);
    expect(file).toMatch(/node_modules\/\.cache\/sahel-sahara\/experiment-worker-[0-9a-f]{16}\.mjs$/);
    expect(workerBundle(entry)).toBe(file);
    // Every module of the sources is inside: no relative import is left.
    expect(readFileSync(file!, 'utf8')).not.toMatch(/from ["']\.\.?\//);
    const { default: runTask } = (await import(pathToFileURL(file!).href)) as { default: (task: Task) => TaskResult };
    const inline = await collect((onResult) => createInlineExecutor().run([tasks[0]!], { onResult }));
    expect(seriesById([{ result: runTask(tasks[0]!) }])).toEqual(seriesById(inline));
  }, 60_000);

  // The web server builds its replay worker's bundle on its first map request: the event loop
  // must go on turning meanwhile, and the result must be the bundle the synchronous build makes.
  it('builds off the event loop in workerBundleAsync(), to the same file name and bytes', async () => {
    const entry = new URL('../../src/server/frames-worker.ts', import.meta.url);
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    try {
      // A build inside the call (buildSync) would settle before the loop's next turn.
      const pending = workerBundleAsync(entry, dir);
      const first = await Promise.race([pending.then(() => 'built'), new Promise<string>((r) => setImmediate(() => r('loop turned')))]);
      expect(first).toBe('loop turned');
      const file = await pending;
      expect(readdirSync(dir)).toEqual([file!.split('/').pop()]);
      expect(file).toBe(workerBundle(entry, dir));
      const again = mkdtempSync(join(tmpdir(), 'bundle-'));
      try {
        expect(readFileSync(workerBundle(entry, again)!, 'utf8')).toBe(readFileSync(file!, 'utf8'));
      } finally {
        rmSync(again, { recursive: true, force: true });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('withoutTsx()', () => {
  it("drops tsx's loader flags in every spelling and keeps the rest in order", () => {
    const argv = [
      '--require',
      '/repo/node_modules/tsx/dist/preflight.cjs',
      '--max-old-space-size=512',
      '--import',
      'file:///repo/node_modules/tsx/dist/loader.mjs',
      '--import=tsx',
      '-r',
      'tsx/cjs',
      '--loader=tsx',
      '--import',
      './instrument.mjs',
      '--enable-source-maps',
    ];
    expect(withoutTsx(argv)).toEqual(['--max-old-space-size=512', '--import', './instrument.mjs', '--enable-source-maps']);
    expect(withoutTsx([])).toEqual([]);
  });

  it('is what a pool running a bundle starts its threads with, whatever this process was started with', () => {
    const own = process.execArgv;
    // As the CLI through tsx is started (the test runner itself has no tsx flags).
    process.execArgv = ['--require', '/repo/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///repo/node_modules/tsx/dist/loader.mjs', '--max-old-space-size=512'];
    try {
      const options = piscinaWorker(new URL('../../src/experiment/worker.ts', import.meta.url));
      expect(options.filename).toMatch(/experiment-worker-[0-9a-f]{16}\.mjs$/);
      expect(options.execArgv).toEqual(['--max-old-space-size=512']);
    } finally {
      process.execArgv = own;
    }
  });
});

describe('runWithRetries()', () => {
  it('retries a crashing task with backoff and reports the attempts it took', async () => {
    let calls = 0;
    const retries: number[] = [];
    const results = await collect((onResult) =>
      runWithRetries(
        [tasks[0]!],
        1,
        { attempts: 3, backoffMs: 1 },
        async (task) => {
          if (++calls < 3) throw new Error('worker died');
          return { status: 'invalid', id: task.id, error: 'stand-in result' };
        },
        { onResult, onRetry: (_t, _e, attempt) => retries.push(attempt) },
      ),
    );
    expect(retries).toEqual([1, 2]);
    expect(results[0]!.attempts).toBe(3);
  });

  it('reports a task that crashes on every attempt as failed, and goes on with the others', async () => {
    const results = await collect((onResult) =>
      runWithRetries(
        tasks.slice(0, 2),
        2,
        { attempts: 2, backoffMs: 1 },
        async (task) => {
          if (task.id === tasks[0]!.id) throw new Error('segfault');
          return { status: 'invalid', id: task.id, error: 'ok' };
        },
        { onResult },
      ),
    );
    const failed = results.find((r) => r.result.status === 'failed')!;
    expect(failed.result).toEqual({ status: 'failed', id: tasks[0]!.id, error: 'segfault' });
    expect(failed.attempts).toBe(2);
    expect(results).toHaveLength(2);
  });

  it('stops starting tasks when cancelled, and rejects with an AbortError', async () => {
    const controller = new AbortController();
    let started = 0;
    const run = runWithRetries(
      tasks,
      1,
      { attempts: 3, backoffMs: 1 },
      async (task) => {
        started++;
        controller.abort();
        return { status: 'invalid', id: task.id, error: '' };
      },
      { onResult: () => {} },
      controller.signal,
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toBe(1);
  });
});
