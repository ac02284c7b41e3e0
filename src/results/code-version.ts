/** The version of the code that made a result: package version and git commit when available. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's folder: the first one above this module whose package.json is sahel-sahara's. Not
 * a fixed number of levels up, because this module also runs bundled (worker-bundle.ts), from a
 * file under node_modules/.cache.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'sahel-sahara') return dir;
    } catch {
      // No package.json here, or not readable: look further up.
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`no sahel-sahara package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export interface CodeVersion {
  readonly package: string;
  readonly commit: string | null;
  /** True when the work tree had uncommitted changes: the commit alone does not reproduce it. */
  readonly dirty: boolean | null;
}

let cached: CodeVersion | undefined;

export function codeVersion(): CodeVersion {
  if (cached) return cached;
  const root = packageRoot();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  let commit: string | null = null;
  let dirty: boolean | null = null;
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    commit = git(['rev-parse', 'HEAD']);
    dirty = git(['status', '--porcelain', '--', 'src', 'scenarios', 'package.json']).length > 0;
  } catch {
    // Not a git checkout (an npm install, a tarball): the package version is all we know.
  }
  cached = { package: pkg.version, commit, dirty };
  return cached;
}
