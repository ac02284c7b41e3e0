import { parseSeedList, validate } from '../../experiment/index.ts';
import { SimError } from '../../errors.ts';
import { packageRoot } from '../../package-root.ts';
import { parseCommandArgs } from '../args.ts';
import { createExecutor } from '../batch-runner.ts';
import { formatTable, short } from '../print.ts';

export const validateHelp = `Usage: sahel-sahara validate [--seeds N | --seeds LIST] [--patterns LIST] [--set path=value]... [--workers N] [--json]

Runs the nine patterns of MODEL.md §6 on the shipped 2012 scenario and its framework options
(with the counterfactual runs each needs) and prints, per pattern, the share of seeds where it
holds against its threshold. Exits 0 when every pattern passes, 1 otherwise.

Options:
  --seeds N|LIST   a count (1..N) or a seed list, default 20
  --patterns LIST  only these patterns, e.g. 7,9 (default: all nine)
  --set path=value override a parameter in every scenario (e.g. tuning.controlMargin=0.2)
  --workers N      worker threads for the runs (default: the available cores; 0: this thread)
  --json           print the report as JSON
  -h, --help       show this help`;

/** `7,9`: pattern numbers 1–9. */
function parsePatternList(text: string): number[] {
  const ids = text.split(',').map((part) => part.trim());
  const bad = ids.find((id) => !/^[1-9]$/.test(id));
  if (bad !== undefined) throw new SimError('SIM_ERR_CLI_USAGE', `--patterns ${text}: "${bad}" is not a pattern; expected numbers 1 to 9 separated by commas, e.g. --patterns 7,9`);
  return ids.map(Number);
}

const root = packageRoot();

export async function validateCommand(argv: string[], io: { out(text: string): void; progress(text: string): void }): Promise<number> {
  const { values } = parseCommandArgs('validate', argv, {
    seeds: { type: 'string' },
    patterns: { type: 'string' },
    set: { type: 'string', multiple: true },
    workers: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return io.out(validateHelp), 0;
  const text = values.seeds ?? '20';
  const seeds = /^\d+$/.test(text) ? parseSeedList(`1..${text}`) : parseSeedList(text);
  const only = values.patterns === undefined ? undefined : parsePatternList(values.patterns);
  const executor = await createExecutor({ workers: values.workers });
  let report;
  try {
    report = await validate(root, seeds, {
      set: values.set ?? [],
      ...(only ? { only } : {}),
      executor,
      onRun: (done, total) => io.progress(`runs ${done}/${total}`),
      onPattern: (p) => io.progress(`pattern ${p.id}: ${p.holds}/${p.seeds} seeds`),
    });
  } finally {
    await executor.close();
  }
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
  } else {
    io.out(
      formatTable(
        ['#', 'pattern', 'holds', 'share [95 % CI]', 'needed', ''],
        report.patterns.map((p) => [
          String(p.id),
          p.name,
          `${p.holds}/${p.seeds}`,
          `${Math.round(p.share * 100)} % [${Math.round(p.low * 100)}, ${Math.round(p.high * 100)}]`,
          `${Math.round(p.threshold * 100)} %`,
          p.pass ? 'pass' : 'FAIL',
        ]),
      ) +
        '\n\n' +
        report.patterns
          .map((p) => `${p.id}. ${p.claim}\n   means: ${Object.entries(p.means).map(([k, v]) => `${k} ${short(v)}`).join(', ')}`)
          .join('\n') +
        `\n\n${report.runs} runs.`,
    );
  }
  return report.pass ? 0 : 1;
}
