/**
 * Map data of a run folder: `/geography` (grid, country of each cell, borders, places, routes)
 * and `/frames?seed=S` (per tick control, presence and strength of each cell, bands). Runs are
 * deterministic, so nothing is stored: the run is replayed from the manifest's resolved scenario
 * on a worker thread (FrameStore) and cached as gzipped JSON, sent as is to clients that accept
 * gzip (every browser) and unzipped for the others. Only run folders: a batch run's scenario is its
 * option at a design point, which the manifest holds only as a design.
 */
import { gunzipSync } from 'node:zlib';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { RoutesOptions, ServerContext } from '../context.ts';
import { HttpError, notFound } from '../http-error.ts';
import type { EncodedFrames } from '../frame-store.ts';
import type { ResultFolder } from '../result-folders.ts';
import { FramesQuery, FramesResponse, GeographyResponse, IdParams, withErrors } from '../schemas.ts';

function seedsOf(folder: ResultFolder): number[] {
  const seeds = folder.manifest.seeds;
  return Array.isArray(seeds) ? seeds.filter((s): s is number => Number.isInteger(s)) : [];
}

async function framesOf(context: ServerContext, folder: ResultFolder, seed: number | undefined): Promise<{ seed: number; frames: EncodedFrames }> {
  if (folder.kind !== 'run') throw notFound(`maps are drawn for run folders; ${folder.id} is a ${folder.kind}`);
  const seeds = seedsOf(folder);
  const chosen = seed ?? seeds[0];
  if (chosen === undefined) throw notFound(`${folder.id} records no seeds`);
  if (!seeds.includes(chosen)) throw notFound(`seed ${chosen} is not in ${folder.id} (seeds: ${seeds.join(', ')})`);
  let outcome;
  try {
    outcome = await context.frames.get(`${folder.dir}\0${folder.stamp}\0${chosen}`, folder.manifest.scenario, chosen);
  } catch {
    throw new HttpError(500, `replaying ${folder.id} seed ${chosen} failed`);
  }
  if (!outcome.ok) {
    const status = outcome.reason === 'no-map' ? 404 : outcome.reason === 'too-large' ? 413 : 500;
    throw new HttpError(status, `${folder.id}: ${outcome.message}`);
  }
  return { seed: chosen, frames: outcome.frames };
}

export const mapRoutes: FastifyPluginAsyncTypebox<RoutesOptions> = async (app, { context }) => {
  app.get('/results/:id/geography', { schema: { params: IdParams, response: withErrors({ 200: GeographyResponse }) } }, async (request) => {
    const folder = context.results.open(request.params.id);
    const { frames } = await framesOf(context, folder, undefined);
    return { seeds: seedsOf(folder), start: frames.start, frames: frames.frames, map: frames.map };
  });

  app.get('/results/:id/frames', { schema: { params: IdParams, querystring: FramesQuery, response: withErrors({ 200: FramesResponse }) } }, async (request, reply) => {
    const folder = context.results.open(request.params.id);
    const { frames } = await framesOf(context, folder, request.query.seed);
    // Already JSON (FramesResponse, written by the worker): a string or Buffer skips the serialiser.
    const gzip = Buffer.from(frames.gzip.buffer, frames.gzip.byteOffset, frames.gzip.byteLength);
    // The typed reply accepts only the schema's object; these bytes are that object, serialised.
    const raw = reply as unknown as FastifyReply;
    void raw.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return raw.header('content-encoding', 'gzip').send(gzip);
    return raw.send(gunzipSync(gzip));
  });
};
