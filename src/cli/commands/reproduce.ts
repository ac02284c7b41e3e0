import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchGroups, comparisonGroups, planTasks, runSeeds, type RunRequest } from '../../experiment/index.ts';
import { codeVersion, readParquet, writeRunFolder, type BatchManifest, type RunManifest } from '../../results/index.ts';
import { checkDocument, type ResolvedScenario } from '../../scenario/index.ts';
import { SimError } from '../../errors.ts';
import { onePositional, parseCommandArgs } from '../args.ts';
import { INTERRUPTED, runPlannedBatch, type BatchIo } from '../batch-runner.ts';

export const reproduceHelp = `Usage: sahel-sahara reproduce <result-dir> [--workers N]

Reruns what a result folder records — the resolved scenarios, seeds and design in its
manifest.json — in a temporary folder, and compares the results byte for byte: for a run folder
every CSV file; for a batch or comparison every Parquet table (runs.parquet without its wall
times and attempts). Exits 0 when everything is identical, 1 when a file differs.

Results made by another version of the code may differ for good reasons: the manifest's code
version is printed beside this one.`;

function fail(path: string, message: string): never {
  throw new SimError('SIM_ERR_RESULTS_READ', `${path}: ${message}`, [{ file: path, message }]);
}

export async function reproduce(argv: string[], io: BatchIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('reproduce', argv, { workers: { type: 'string' } });
  if (values.help) return io.out(reproduceHelp), 0;
  const dir = onePositional('reproduce', positionals);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) fail(dir, 'not a result folder (no manifest.json)');
  let manifest: (RunManifest | BatchManifest) & { kind: string };
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as typeof manifest;
  } catch {
    fail(manifestPath, 'not valid JSON');
  }
  const now = codeVersion();
  io.out(`recorded with ${manifest.code.package} (${manifest.code.commit?.slice(0, 10) ?? 'no commit'}${manifest.code.dirty ? ', dirty' : ''}); now ${now.package} (${now.commit?.slice(0, 10) ?? 'no commit'}${now.dirty ? ', dirty' : ''})`);
  const scratch = mkdtempSync(join(tmpdir(), 'sahel-reproduce-'));
  try {
    const again = join(scratch, 'again');
    let compared: { file: string; same: boolean }[];
    if (manifest.kind === 'run') {
      const run = manifest as RunManifest;
      const scenario = checkDocument(run.scenario, manifestPath);
      writeRunFolder({ dir: again, runs: runSeeds(scenario, run.seeds), manifest: { ...run, createdAt: run.createdAt } });
      compared = run.files.filter((f) => f !== 'manifest.json').map((file) => ({ file, same: sameBytes(join(dir, file), join(again, file)) }));
    } else if (manifest.kind === 'batch' || manifest.kind === 'compare') {
      const batch = manifest as BatchManifest;
      if (batch.status !== 'complete') fail(manifestPath, 'the batch is not complete; resume it with the command that made it first');
      const groups = groupsOf(batch, manifestPath);
      const { plan, tasks } = planTasks(groups);
      const outcome = await runPlannedBatch({ kind: batch.kind, dir: again, design: batch.design, plan, tasks, flags: { workers: values.workers } }, io);
      if (!outcome) return INTERRUPTED;
      compared = [];
      for (const file of readdirSync(again).filter((f) => f.endsWith('.parquet')).sort()) {
        const same = file === 'runs.parquet' ? await sameRuns(join(dir, file), join(again, file)) : sameBytes(join(dir, file), join(again, file));
        compared.push({ file, same });
      }
    } else {
      fail(manifestPath, `unknown kind ${JSON.stringify(manifest.kind)}`);
    }
    for (const c of compared) io.out(`${c.same ? 'identical' : 'DIFFERS  '}  ${c.file}`);
    const differing = compared.filter((c) => !c.same).length;
    io.out(differing === 0 ? `reproduced: ${compared.length} files identical` : `not reproduced: ${differing} of ${compared.length} files differ`);
    return differing === 0 ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function sameBytes(a: string, b: string): boolean {
  return existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b));
}

async function sameRuns(a: string, b: string): Promise<boolean> {
  if (!existsSync(a)) return false;
  const strip = async (path: string) => {
    const { columns, rows } = await readParquet(path);
    const keep = columns.flatMap((c, k) => (c.name === 'wall_time_ms' || c.name === 'attempts' ? [] : [k]));
    return JSON.stringify(rows.map((row) => keep.map((k) => row[k])));
  };
  return (await strip(a)) === (await strip(b));
}

/** The runs of a batch or comparison, rebuilt from the design its manifest records. */
function groupsOf(manifest: BatchManifest, path: string): RunRequest[][] {
  const design = manifest.design as {
    scenariosResolved?: unknown[];
    seeds?: number[];
    pointValues?: Record<string, number>[];
    replications?: number;
    masterSeed?: number;
  };
  if (!Array.isArray(design.scenariosResolved)) fail(path, 'the design has no resolved scenarios');
  const scenarios: ResolvedScenario[] = design.scenariosResolved.map((s, k) => checkDocument(s, `${path} scenario ${k}`));
  if (manifest.kind === 'batch') {
    if (!Array.isArray(design.seeds)) fail(path, 'the design has no seeds');
    return batchGroups(scenarios, design.seeds);
  }
  if (!Array.isArray(design.pointValues) || typeof design.replications !== 'number' || typeof design.masterSeed !== 'number') {
    fail(path, 'the design lacks its points, replications or master seed');
  }
  return comparisonGroups(scenarios, design.pointValues, design.replications, design.masterSeed);
}
