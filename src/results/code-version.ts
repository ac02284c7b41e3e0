/** The version of the code that made a result: package version and git commit when available. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.ts';

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
