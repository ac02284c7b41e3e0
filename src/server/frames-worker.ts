/**
 * A worker thread of the frames pool: replays one run (captureFrames) and encodes what the map
 * needs compactly — each layer's bytes and the bands' float triples as base64 — then writes the
 * whole `/frames` response as gzipped JSON (a 2012 run: ~3 MB of JSON, ~120 KB gzipped; cells
 * change little from week to week). The server's event loop neither runs the simulation nor
 * serialises megabytes: it sends the cached bytes.
 */
import { gzipSync } from 'node:zlib';
import { captureFrames } from '../experiment/index.ts';
import { checkDocument } from '../scenario/index.ts';
import { isSimError } from '../errors.ts';
import { tickDates } from './dates.ts';

export interface FramesTask {
  readonly scenario: unknown;
  readonly seed: number;
  /** Refuse runs whose layers exceed this many bytes (frames × cells × layers). */
  readonly maxBytes: number;
}

export interface EncodedMap {
  readonly grid: { lonMin: number; lonMax: number; latMin: number; latMax: number; resolution: number; width: number; height: number };
  /** base64 of one byte per cell: index into `regions` (0: none). */
  readonly region: string;
  readonly regions: string[];
  readonly kinds: string[];
  readonly borders: [number, number][][];
  readonly places: { name: string; lon: number; lat: number; kind: string }[];
  readonly routes: { name: string; commodity: string; points: [number, number][] }[];
  readonly layers: Record<string, string>;
}

/** The body of `GET /frames` (FramesResponse in schemas.ts). */
export interface FramesBody {
  readonly seed: number;
  readonly start: string | null;
  readonly frames: number;
  readonly cells: number;
  /** ISO date of each frame (start + 7 t days); empty without a start. */
  readonly dates: string[];
  /** base64 of frames × cells bytes per layer, frame-major. */
  readonly layers: Record<string, string>;
  /** base64 of little-endian float32 (cell, kind, size) triples, all frames one after another. */
  readonly points: string;
  /** base64 of little-endian uint32: frame t's points are floats offsets[t] … offsets[t + 1]. */
  readonly pointOffsets: string;
}

export interface EncodedFrames {
  readonly start: string | null;
  readonly frames: number;
  readonly cells: number;
  readonly map: EncodedMap;
  /** The FramesBody as gzipped JSON. */
  readonly gzip: Uint8Array;
}

export type FramesOutcome =
  | { readonly ok: true; readonly frames: EncodedFrames }
  | { readonly ok: false; readonly reason: 'no-map' | 'invalid' | 'too-large'; readonly message: string };

const base64 = (view: ArrayBufferView): string => Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');

export default function renderFrames(task: FramesTask): FramesOutcome {
  let set;
  try {
    set = captureFrames(checkDocument(task.scenario, 'manifest.json scenario'), task.seed);
  } catch (error) {
    if (isSimError(error)) {
      // A scenario that no longer validates is the recording's problem; the other user error
      // captureFrames raises is a model without a map.
      const noMap = !error.code.startsWith('SIM_ERR_SCENARIO');
      return { ok: false, reason: noMap ? 'no-map' : 'invalid', message: noMap ? 'this model has no map' : 'the recorded scenario is not valid for this version of the code' };
    }
    throw error;
  }
  const cells = set.map.region.length;
  const names = Object.keys(set.layers);
  if (set.frames * cells * names.length > task.maxBytes) {
    return { ok: false, reason: 'too-large', message: `the map has ${set.frames} frames × ${cells} cells × ${names.length} layers, over the ${task.maxBytes}-byte limit` };
  }
  const offsets = new Uint32Array(set.points.length + 1);
  for (let t = 0; t < set.points.length; t++) offsets[t + 1] = (offsets[t] as number) + (set.points[t] as Float32Array).length;
  const points = new Float32Array(offsets[set.points.length] as number);
  for (let t = 0; t < set.points.length; t++) points.set(set.points[t] as Float32Array, offsets[t] as number);
  const layers: Record<string, string> = {};
  for (const name of names) layers[name] = base64(set.layers[name] as Uint8Array);
  const start = set.start ?? null;
  const body: FramesBody = {
    seed: task.seed,
    start,
    frames: set.frames,
    cells,
    dates: tickDates(start, Array.from({ length: set.frames }, (_, t) => t)),
    layers,
    points: base64(points),
    pointOffsets: base64(offsets),
  };
  const { map } = set;
  return {
    ok: true,
    frames: {
      start,
      frames: set.frames,
      cells,
      gzip: gzipSync(JSON.stringify(body)),
      map: {
        grid: { ...map.grid },
        region: base64(map.region),
        regions: [...map.regions],
        kinds: [...map.kinds],
        borders: map.borders.map((line) => line.map(([lon, lat]) => [lon, lat] as [number, number])),
        places: map.places.map((p) => ({ name: p.name, lon: p.lon, lat: p.lat, kind: p.kind })),
        routes: map.routes.map((r) => ({ name: r.name, commodity: r.commodity, points: r.points.map(([lon, lat]) => [lon, lat] as [number, number]) })),
        layers: { ...map.layers },
      },
    },
  };
}
