import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerBundle } from '../../src/experiment/worker-bundle.ts';
import { packageRoot, sourceUrl } from '../../src/package-root.ts';
import { cli, temporaryDir } from './helpers.ts';

describe('bin/sahel-sahara.mjs', () => {
  it('runs the CLI bundled, from the bundle worker-bundle.ts would name for cli/main.ts', () => {
    const help = cli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^sahel-sahara — /);
    const built = Date.now();
    // Same sources, same name: workerBundle finds the launcher's bundle instead of building one.
    const file = workerBundle(sourceUrl('cli/main.ts'));
    expect(file).toMatch(/node_modules\/\.cache\/sahel-sahara\/cli-main-[0-9a-f]{16}\.mjs$/);
    expect(statSync(file!).mtimeMs).toBeLessThanOrEqual(built);
  }, 60_000);

  it('writes the same bytes as the CLI run through tsx', () => {
    const dir = temporaryDir();
    try {
      const args = ['run', 'scenarios/sahel-sahara-2012.yaml', '--seeds', '1..2'];
      expect(cli(...args, '--out', join(dir, 'bundled')).status).toBe(0);
      const tsx = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--out', join(dir, 'tsx')], { encoding: 'utf8' });
      expect(tsx.status).toBe(0);
      for (const name of ['series.csv', 'summary.csv', 'relations.csv', 'displacement.csv', 'groups.csv']) {
        expect(readFileSync(join(dir, 'bundled', name), 'utf8')).toBe(readFileSync(join(dir, 'tsx', name), 'utf8'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('packageRoot()', () => {
  it("is the folder of sahel-sahara's package.json, and sourceUrl points under its src/", () => {
    const root = packageRoot();
    expect((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string }).name).toBe('sahel-sahara');
    expect(existsSync(sourceUrl('cli/main.ts'))).toBe(true);
    expect(sourceUrl('experiment/worker.ts').pathname).toBe(join(root, 'src', 'experiment', 'worker.ts'));
  });
});
