/**
 * `buildApp()`: the Fastify app of the web view — a read-only JSON API over one results folder at
 * `/api` and the static pages at `/`. It does not listen (the `serve` command does; tests use
 * `inject`). It validates and routes; reading result files is in the modules beside it and
 * replaying runs for maps happens on a worker thread.
 *
 * Safety: helmet's headers (a strict Content-Security-Policy: scripts and styles only from this
 * origin); a small body limit (the API takes no bodies); ids confined to folders directly inside
 * the results folder (result-folders.ts); bounded responses; every error answered as
 * `{ error, message }` without a stack trace.
 */
import helmet from '@fastify/helmet';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Limits, ServerContext } from './context.ts';
import { CsvCache } from './csv-cache.ts';
import { FrameStore, type FrameStoreOptions } from './frame-store.ts';
import { errorBody, isHttpError } from './http-error.ts';
import { ParquetQueries } from './parquet-query.ts';
import { ResultsRoot } from './result-folders.ts';
import { MAX_SERIES_VALUES } from './schemas.ts';
import { mapRoutes } from './routes/map.ts';
import { resultRoutes } from './routes/results.ts';
import { seriesRoutes } from './routes/series.ts';
import { webRoutes } from './routes/web.ts';

export interface AppOptions {
  /** The folder whose result folders are served. */
  readonly resultsDir: string;
  /** Fastify's logger option (default: off). */
  readonly logger?: FastifyServerOptions['logger'];
  /** Worker threads and cache of map frames. */
  readonly frames?: FrameStoreOptions;
  /** Response bounds; the defaults suit a browser. */
  readonly limits?: Partial<Limits>;
}

/** Request bodies are never needed (the API is GET only): anything larger is refused at once. */
export const BODY_LIMIT = 1024;

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Result ids may be up to 200 characters (the default limit is 100).
    routerOptions: { maxParamLength: 256 },
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const context: ServerContext = {
    results: new ResultsRoot(options.resultsDir),
    parquet: new ParquetQueries(),
    frames: new FrameStore(options.frames),
    csv: new CsvCache(),
    limits: { seriesValues: options.limits?.seriesValues ?? MAX_SERIES_VALUES },
  };
  app.addHook('onClose', async () => {
    await context.frames.close();
    await context.parquet.close();
  });

  app.setErrorHandler((error, request, reply) => {
    if (isHttpError(error)) return reply.status(error.statusCode).send(errorBody(error.statusCode, error.message));
    const fields = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown; message?: unknown }) : {};
    const statusCode = typeof fields.statusCode === 'number' ? fields.statusCode : 500;
    // The id pattern means nothing to a reader: say what an id is instead.
    if (statusCode === 400 && String(fields.message).startsWith('params/id ')) {
      return reply.status(400).send(errorBody(400, 'malformed result id: expected the name of one folder inside the results folder'));
    }
    // Fastify's own 4xx (validation, body too large, bad content type) carry messages meant for the client.
    if (statusCode >= 400 && statusCode < 500) return reply.status(statusCode).send(errorBody(statusCode, String(fields.message ?? 'bad request')));
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(errorBody(500, 'internal error (see the server log)'));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    return reply.status(404).send(errorBody(404, `no such page or route: ${request.method} ${path.slice(0, 200)}`));
  });

  void app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // Everything is served by this server; no fonts or styles from elsewhere.
        'style-src': ["'self'", "'unsafe-inline'"],
        'font-src': ["'self'"],
        // Served over plain HTTP on loopback: upgrading would break every request.
        'upgrade-insecure-requests': null,
      },
    },
    // HSTS means nothing over plain HTTP, and pinning localhost to HTTPS would break other local tools.
    strictTransportSecurity: false,
  });

  void app.register(
    async (api) => {
      await api.register(resultRoutes, { context });
      await api.register(seriesRoutes, { context });
      await api.register(mapRoutes, { context });
    },
    { prefix: '/api' },
  );
  void app.register(webRoutes);
  return app;
}
