/**
 * Where the package is on disk, for the files the code opens by path (its sources for worker
 * threads, the web view's pages, package.json). Found by walking up from this module to the
 * package.json named sahel-sahara, never a fixed number of levels up: the code also runs bundled
 * into one file under node_modules/.cache (the CLI and the worker threads; worker-bundle.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let root: string | undefined;

/** The package's folder. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'sahel-sahara') return (root = dir);
    } catch {
      // No package.json here, or not readable: look further up.
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`no sahel-sahara package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** The URL of a source file, given by its path under src/ (`experiment/worker.ts`). */
export function sourceUrl(path: string): URL {
  return pathToFileURL(join(packageRoot(), 'src', path));
}
