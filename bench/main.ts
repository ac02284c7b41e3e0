/**
 * `npm run bench`: runs every benchmark and prints one table. Benchmarks are not tests.
 * `npm run bench -- sahel-sahara experiments` runs only the named parts (civil-violence,
 * sahel-sahara, experiments, bullmq, server).
 */
import { benchCivilViolence } from './civil-violence.ts';
import { benchSahelSahara } from './sahel-sahara.ts';
import { benchExperiments, formatExperimentFigures } from './executor.ts';
import { printTable, type BenchRow } from './table.ts';
import { benchServer, formatServerFigures } from './server.ts';
import { benchBullmq } from './bullmq.ts';

const only = new Set(process.argv.slice(2));
const wanted = (name: string) => only.size === 0 || only.has(name);

const BENCHES: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: 'civil-violence', run: benchCivilViolence },
  { name: 'sahel-sahara', run: benchSahelSahara },
];

const rows: BenchRow[] = [];
for (const bench of BENCHES.filter((b) => wanted(b.name))) {
  process.stderr.write(`running ${bench.name}…\n`);
  rows.push(...(await bench.run()));
}
if (rows.length > 0) printTable(rows);
if (wanted('experiments')) {
  process.stderr.write('running experiments…\n');
  console.log(`\nExperiments (batches and comparisons):\n\n${formatExperimentFigures(await benchExperiments())}`);
}
if (wanted('bullmq')) console.log(`\nDistributed batches (BullMQ; skipped without redis-server):\n\n${formatExperimentFigures(await benchBullmq())}`);
if (wanted('server')) console.log(`\nWeb view server (sahel-sahara serve):\n\n${formatServerFigures(await benchServer())}`);
console.log(`\nnode ${process.version} · ${process.platform}/${process.arch} · median of the timed runs after warm-up`);
