/**
 * The `sahel-sahara` command line: parses, dispatches, prints. A user's mistake (SimError with a
 * user code) prints a located message and exits 2, without a stack trace; anything else is a bug
 * and exits 1 with the stack.
 */
import { isSimError } from '../errors.ts';
import { batch, batchHelp } from './commands/batch.ts';
import { check, checkHelp } from './commands/check.ts';
import { compare, compareHelp } from './commands/compare.ts';
import { discover, discoverHelp } from './commands/discover.ts';
import { reproduce, reproduceHelp } from './commands/reproduce.ts';
import { run, runHelp } from './commands/run.ts';
import { sensitivity, sensitivityHelp } from './commands/sensitivity.ts';
import { serve, serveHelp } from './commands/serve.ts';
import { validateCommand, validateHelp } from './commands/validate.ts';
import { worker, workerHelp } from './commands/worker.ts';
import { formatError } from './print.ts';

const mainHelp = `sahel-sahara — agent-based simulation of regional security in the Sahel-Sahara

Usage: sahel-sahara <command> [options]

Commands:
  run <scenario>     run a scenario for one or more seeds and write a result folder
  batch <scenario>…  run scenarios × seeds on all cores into a resumable Parquet store
  compare <base> <option>…
                     compare framework options on common seeds and uncertainty points
  sensitivity <scenario>
                     Morris or Sobol' sensitivity to the scenario's uncertain parameters
  discover <dir>     scenario discovery (PRIM): where an option beats the baseline
  reproduce <dir>    rerun a result folder from its manifest and check the bytes
  serve              the web view of a results folder (maps, charts, comparisons)
  check <scenario>   validate a scenario without running it
  validate           check the regional model against the patterns of MODEL.md §6
  worker --redis URL run tasks of distributed batches (--executor bullmq) from Redis
  help [command]     show help for a command

Run "sahel-sahara <command> --help" for a command's options.`;

const helps: Record<string, string> = { run: runHelp, batch: batchHelp, compare: compareHelp, reproduce: reproduceHelp, sensitivity: sensitivityHelp, discover: discoverHelp, serve: serveHelp, check: checkHelp, validate: validateHelp, worker: workerHelp };

export async function main(argv: string[]): Promise<number> {
  const out = (text: string) => process.stdout.write(text + '\n');
  const progress = (text: string) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
    else process.stderr.write(text + '\n');
  };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run': {
        const code = run(rest, { out, progress, argv: rest });
        if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        return code;
      }
      case 'batch':
        return await batch(rest, { out, argv: rest });
      case 'compare':
        return await compare(rest, { out, argv: rest });
      case 'sensitivity':
        return await sensitivity(rest, { out, argv: rest });
      case 'discover':
        return await discover(rest, { out });
      case 'reproduce':
        return await reproduce(rest, { out, argv: rest });
      case 'serve':
        return await serve(rest, { out });
      case 'check':
        return check(rest, out);
      case 'worker':
        return await worker(rest, { out });
      case 'validate': {
        const code = await validateCommand(rest, { out, progress });
        if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        return code;
      }
      case undefined:
      case '-h':
      case '--help':
        return out(mainHelp), command === undefined ? 2 : 0;
      case 'help': {
        const topic = rest[0];
        return out(topic && helps[topic] ? (helps[topic] as string) : mainHelp), 0;
      }
      default:
        process.stderr.write(`error: unknown command "${command}"\n\n${mainHelp}\n`);
        return 2;
    }
  } catch (error) {
    if (isSimError(error) && error.isUserError) {
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      process.stderr.write(formatError(error) + '\n');
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
