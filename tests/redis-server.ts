/**
 * A throwaway redis-server for the BullMQ tests: on a free loopback port, without persistence,
 * stopped after the tests. The tests skip (saying why) only when redis-server is not installed;
 * CI (.ci/run) installs it, so there they run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

export const NO_REDIS_REASON = 'redis-server is not installed (apt-get install redis-server); the BullMQ tests are skipped';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts redis-server with `extra` arguments (e.g. --requirepass) and waits until it answers. */
export async function startRedis(extra: string[] = [], password?: string): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--save', '', '--appendonly', 'no', '--port', String(port), '--bind', '127.0.0.1', ...extra], { stdio: 'ignore' });
  const auth = password === undefined ? '' : `:${encodeURIComponent(password)}@`;
  const url = `redis://${auth}127.0.0.1:${port}`;
  for (let k = 0; ; k++) {
    const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      break;
    } catch (error) {
      client.disconnect();
      if (k > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    port,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
