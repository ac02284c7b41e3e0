import { resolveScenario } from '../../scenario/index.ts';
import { onePositional, parseCommandArgs } from '../args.ts';

export const checkHelp = `Usage: sahel-sahara check <scenario> [--set path=value]... [--json]

Validates a scenario file (and every file it extends) without running it: prints "ok" and the
resolved scenario's model, ticks and seeds, or each problem with its file, line, column and path
and exits with code 2.

Options:
  --set path=value   override a parameter, e.g. --set legitimacy=0.7 (repeatable)
  --json             print the resolved scenario as JSON
  -h, --help         show this help`;

export function check(argv: string[], out: (text: string) => void): number {
  const { values, positionals } = parseCommandArgs('check', argv, {
    set: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (values.help) return out(checkHelp), 0;
  const file = onePositional('check', positionals);
  const { scenario, files } = resolveScenario(file, { set: values.set ?? [] });
  if (values.json) out(JSON.stringify(scenario, null, 2));
  else out(`ok: ${files.join(' ← ')}\n  model ${scenario.model}, ${scenario.ticks} ticks, default seeds ${scenario.seeds.join(',')}`);
  return 0;
}
