/**
 * `sahel-sahara serve`: the web view of a results folder. Binds loopback by default — the API is
 * read-only but unauthenticated, so exposing it is the user's explicit choice (`--host`). Stops
 * cleanly on Ctrl-C (SIGINT) or SIGTERM: open requests finish, worker threads and DuckDB close.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SimError } from '../../errors.ts';
import { buildApp } from '../../server/index.ts';
import { integerOption, parseCommandArgs } from '../args.ts';

export const serveHelp = `Usage: sahel-sahara serve [--results DIR] [--port N] [--host H]

Serves the web view of the result folders in DIR (default: results): a list of runs and
comparisons, a comparison page (options × metrics with CIs, differences to the baseline, win
rates, robustness) and a run page (map of the region by week, time series, trust, displacement).
Prints the address to open; Ctrl-C stops it.

Options:
  --results DIR   the folder holding result folders (default: results)
  --port N        TCP port (default 8080; 0 picks a free one)
  --host H        address to bind (default 127.0.0.1, this machine only; the API has no login,
                  so bind another address only on a network you trust)`;

export interface ServeIo {
  readonly out: (text: string) => void;
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  readonly stop?: Promise<void>;
}

function signalled(): Promise<void> {
  return new Promise((resolveStop) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolveStop();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export async function serve(argv: string[], io: ServeIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('serve', argv, {
    results: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  });
  if (values.help) return io.out(serveHelp), 0;
  if (positionals.length > 0) throw new SimError('SIM_ERR_CLI_USAGE', `serve: unexpected argument ${positionals[0]} (see sahel-sahara serve --help)`);
  const resultsDir = resolve(values.results ?? 'results');
  if (!existsSync(resultsDir) || !statSync(resultsDir).isDirectory()) {
    throw new SimError('SIM_ERR_RESULTS_READ', `${resultsDir}: no such results folder`, [{ file: resultsDir, message: 'no such folder' }]);
  }
  const port = integerOption('port', values.port, 0) ?? 8080;
  if (port > 65535) throw new SimError('SIM_ERR_CLI_USAGE', `--port ${port}: expected an integer ≤ 65535`);
  const host = values.host ?? '127.0.0.1';
  const app = buildApp({ resultsDir });
  const stop = io.stop ?? signalled();
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new SimError('SIM_ERR_CLI_USAGE', `serve: cannot listen on ${host}:${port} (${String(code)})`);
    }
    throw error;
  }
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  io.out(`sahel-sahara web view of ${resultsDir}`);
  io.out(`open http://${shown}:${bound}/  (Ctrl-C to stop)`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') io.out(`warning: listening on ${host}: anyone who can reach it can read these results`);
  await stop;
  await app.close();
  io.out('stopped');
  return 0;
}
