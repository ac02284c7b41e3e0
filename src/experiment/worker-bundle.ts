/**
 * Worker threads' code (the local executor's, the web view's frame replay) as one ES module per
 * entry, bundled by esbuild.
 *
 * Why: piscina loads a worker's file with require() first, so tsx compiled worker.ts and every
 * module under it to CommonJS, whose imports are property getters in the model's hot loops; a
 * worker ran the 2012 scenario 25–40 % slower than the main thread, which was the whole of the
 * executor's measured overhead. As one ES module it runs as fast as in the main thread
 * (`npm run bench -- experiments`: overhead 0.5 % on a 2-core VM). The bundle is
 * rebuilt whenever a source file changes (its name hashes the path, size and modification time of
 * every file under src/), written atomically so that processes can share it, and kept under
 * node_modules/.cache. When it cannot be built, workers load the TypeScript through tsx as before.
 * Packages stay external: the bundle imports them from node_modules like the sources do.
 *
 * Threads that run a bundle start without tsx's loader flags (`withoutTsx`): with them, the model
 * ran ~20 % slower in each thread.
 */
import { build, buildSync, version as esbuildVersion, type BuildOptions } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { packageRoot } from '../package-root.ts';

const root = packageRoot();
const sources = join(root, 'src');

/** Hash of every source file's path, size and modification time. */
function sourceKey(): string {
  const hash = createHash('sha256').update(esbuildVersion);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const s = statSync(path);
        hash.update(`${relative(sources, path)}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(sources);
  return hash.digest('hex').slice(0, 16);
}

/** Where the bundle of `entry` for the current sources lives, and how esbuild makes it. */
function bundlePlan(entry: URL, dir: string): { file: string; temporary: string; options: BuildOptions } {
  // Named by the entry's path under src/ (experiment/worker.ts: experiment-worker-…), so that two
  // entries with one file name (two index.ts) never share a bundle.
  const name = relative(sources, fileURLToPath(entry)).replace(/\.ts$/, '').split(/[\\/]/).join('-');
  const file = join(dir, `${name}-${sourceKey()}.mjs`);
  // Threads of one process (a test runner's) may build at once: the name tells them apart.
  const temporary = `${file}.tmp-${process.pid}-${threadId}`;
  const options: BuildOptions = {
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: temporary,
    logLevel: 'silent',
  };
  return { file, temporary, options };
}

const CACHE = join(root, 'node_modules', '.cache', 'sahel-sahara');

/** Path of an up-to-date bundle of `entry` (a module under src/), building it if needed; undefined if it cannot be built. */
export function workerBundle(entry: URL, dir = CACHE): string | undefined {
  try {
    const { file, temporary, options } = bundlePlan(entry, dir);
    if (existsSync(file)) return file;
    mkdirSync(dir, { recursive: true });
    buildSync(options);
    renameSync(temporary, file);
    removeStale(dir);
    return file;
  } catch {
    return undefined;
  }
}

/**
 * `workerBundle` without blocking the event loop while esbuild works (0.3–1.5 s): for the web
 * server, which must keep answering while its first map replay waits for the bundle.
 */
export async function workerBundleAsync(entry: URL, dir = CACHE): Promise<string | undefined> {
  try {
    const { file, temporary, options } = bundlePlan(entry, dir);
    if (existsSync(file)) return file;
    await mkdir(dir, { recursive: true });
    await build(options);
    await rename(temporary, file);
    removeStale(dir);
    return file;
  } catch {
    return undefined;
  }
}

/**
 * Bundles of earlier sources, removed after a day rather than at once, since a pool started
 * before an edit may still start threads from one. Best effort: another process may be at it.
 */
function removeStale(dir: string): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(dir)) {
    try {
      const path = join(dir, name);
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { force: true });
    } catch {
      // Gone already.
    }
  }
}

/**
 * What a piscina pool needs to run `entry`: its bundle, or else the TypeScript through tsx,
 * reusing this process's loader flags when it has them (the CLI), else registering tsx (tests).
 */
export function piscinaWorker(entry: URL): { filename: string; execArgv: string[] } {
  return poolOptions(entry, workerBundle(entry));
}

/** `piscinaWorker` with the bundle built off the event loop (`workerBundleAsync`). */
export async function piscinaWorkerAsync(entry: URL): Promise<{ filename: string; execArgv: string[] }> {
  return poolOptions(entry, await workerBundleAsync(entry));
}

function poolOptions(entry: URL, bundle: string | undefined): { filename: string; execArgv: string[] } {
  if (bundle !== undefined) return { filename: pathToFileURL(bundle).href, execArgv: withoutTsx(process.execArgv) };
  const hasTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  return { filename: entry.href, execArgv: hasTsx ? [...process.execArgv] : [...process.execArgv, '--import', 'tsx'] };
}

/**
 * `execArgv` without tsx's loader flags, which a bundle does not need. Why it matters: in a thread
 * with tsx's loader the model ran 69–73 ms/run against 57 without (2-core VM), exactly as slowly as
 * after detaching one ArrayBuffer by hand. Once any ArrayBuffer of a V8 isolate has been detached,
 * V8 drops for good its assumption that none ever was, and every typed-array access checks for
 * detachment from then on; the model is nothing but typed-array accesses.
 */
export function withoutTsx(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let k = 0; k < execArgv.length; k++) {
    const arg = execArgv[k] as string;
    if (/^--(require|import|loader)=/.test(arg) && arg.includes('tsx')) continue;
    if ((arg === '--require' || arg === '-r' || arg === '--import' || arg === '--loader') && (execArgv[k + 1] ?? '').includes('tsx')) {
      k++;
      continue;
    }
    kept.push(arg);
  }
  return kept;
}
