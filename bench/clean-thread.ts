/**
 * Runs a benchmark's function in a worker thread started without tsx's loader, on an esbuild bundle
 * of its module: how the CLI's worker threads run the model (src/experiment/worker-bundle.ts).
 * A thread that loaded modules through tsx runs typed-array code ~20 % slower for the rest of its
 * life (worker-bundle.ts, `withoutTsx`, says why), so timing the model in `npm run bench`'s own
 * thread would time something no batch runs.
 */
import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// The thread imports the bundle and calls the named export with the arguments (structured clones).
const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.file)
  .then((module) => module[workerData.name](...workerData.args))
  .then((value) => parentPort.postMessage({ value }), (error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

// Under node_modules, so that the bundle's package imports resolve.
const CACHE = fileURLToPath(new URL('../node_modules/.cache/sahel-sahara/', import.meta.url));

/** Calls `name` of `module` (a bench file's URL) with `args` in a clean thread; resolves to its result. */
export async function inCleanThread<T>(module: URL, name: string, args: readonly unknown[]): Promise<T> {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, 'bench-'));
  try {
    const file = join(dir, 'bench.mjs');
    buildSync({ entryPoints: [fileURLToPath(module)], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: file, logLevel: 'silent' });
    const worker = new Worker(BOOT, { eval: true, execArgv: [], workerData: { file: pathToFileURL(file).href, name, args } });
    const reply = await new Promise<{ value?: T; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`bench thread exited with code ${code}`)));
    });
    await worker.terminate();
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply.value as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
