/**
 * The browser view: the static files of src/web at `/`, and uPlot's two files from node_modules
 * at `/vendor/uplot/` (nothing from a CDN: the view works offline). Only these two folders are
 * served; result folders are never exposed as files — the API reads named files for the pages.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { packageRoot } from '../../package-root.ts';

const WEB_ROOT = join(packageRoot(), 'src', 'web');
const UPLOT_FILES = new Set(['/uPlot.esm.js', '/uPlot.min.css']);

export const webRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, { root: WEB_ROOT, prefix: '/', index: 'index.html', serveDotFiles: false, list: false });
  // uplot's package.json has no `exports`: its main file locates the dist folder.
  const uplotDist = dirname(createRequire(join(packageRoot(), 'package.json')).resolve('uplot'));
  await app.register(fastifyStatic, {
    root: uplotDist,
    prefix: '/vendor/uplot/',
    decorateReply: false,
    list: false,
    allowedPath: (path) => UPLOT_FILES.has(path),
  });
};
