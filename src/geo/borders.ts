/**
 * Country borders and coastlines as polylines for drawing a map of a grid's box: the Natural Earth
 * 1:50m mesh (every arc once, shared borders not doubled), keeping the lines that reach into the
 * box (with a margin), coordinates rounded to 0.001° (~100 m, far below a cell).
 */
import { mesh } from 'topojson-client';
import topologyJson from 'world-atlas/countries-50m.json' with { type: 'json' };
import type { GridSpec } from './grid-spec.ts';

type Topology = Parameters<typeof mesh>[0];

const cache = new Map<string, [number, number][][]>();

export function borderLines(spec: GridSpec, marginDegrees = 1): [number, number][][] {
  const key = `${spec.lonMin},${spec.lonMax},${spec.latMin},${spec.latMax},${marginDegrees}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const topology = topologyJson as unknown as Topology;
  const object = topology.objects['countries'];
  if (!object) throw new Error('world-atlas countries-50m.json has no `countries` object');
  const lines = mesh(topology, object as Parameters<typeof mesh>[1]).coordinates;
  const inside = ([lon, lat]: number[]) =>
    (lon as number) >= spec.lonMin - marginDegrees && (lon as number) <= spec.lonMax + marginDegrees && (lat as number) >= spec.latMin - marginDegrees && (lat as number) <= spec.latMax + marginDegrees;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const out = lines.filter((line) => line.some(inside)).map((line) => line.map(([lon, lat]) => [round(lon as number), round(lat as number)] as [number, number]));
  cache.set(key, out);
  return out;
}
