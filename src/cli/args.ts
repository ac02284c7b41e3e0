/** Command-line parsing on node:util's parseArgs, with usage mistakes turned into SimErrors (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SimError } from '../errors.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new SimError('SIM_ERR_CLI_USAGE', `${command}: ${message} (see sahel-sahara ${command} --help)`);
  }
}

export function integerOption(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new SimError('SIM_ERR_CLI_USAGE', `--${name} ${value}: expected an integer ≥ ${min}`);
  }
  return Number(value);
}

export function onePositional(command: string, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new SimError('SIM_ERR_CLI_USAGE', `${command}: expected one scenario file, got ${positionals.length} (see sahel-sahara ${command} --help)`);
  }
  return positionals[0] as string;
}
