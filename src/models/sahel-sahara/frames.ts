/**
 * What the map of a run shows at a tick (engine `Frame`):
 * - `control`: the control code of each cell (0 none, 255 state, 254 contested, g + 1 group g);
 * - `presence`: state presence, byte = round(255 · min(1, presence / PRESENCE_SCALE));
 * - `strength`: armed groups' summed strength, byte = round(255 · min(1, strength / STRENGTH_SCALE));
 * - points: each band as (cell, group, fighters).
 * The scales cover the 2012 scenario's range (presence up to ~1.25 with external support,
 * strength up to ~2.5) with room to spare.
 */
import type { Frame, MapInfo } from '../../engine/index.ts';
import { borderLines, cellCenter } from '../../geo/index.ts';
import { computeStrength } from './presence.ts';
import type { World } from './world.ts';

export const PRESENCE_SCALE = 1.5;
export const STRENGTH_SCALE = 3;

export function frameOf(world: World): Frame {
  if (world.strengthStale) computeStrength(world);
  const { size } = world;
  const G = world.groups.length;
  const presence = new Uint8Array(size);
  const strength = new Uint8Array(size);
  for (let c = 0; c < size; c++) {
    presence[c] = Math.round(255 * Math.min(1, (world.presence[c] as number) / PRESENCE_SCALE));
    let s = 0;
    for (let g = 0; g < G; g++) s += world.strength[g * size + c] as number;
    strength[c] = Math.round(255 * Math.min(1, s / STRENGTH_SCALE));
  }
  const b = world.bands.columns;
  const points = new Float32Array(3 * world.bands.count);
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k] as number;
    points[3 * k] = b.cell[id] as number;
    points[3 * k + 1] = b.group[id] as number;
    points[3 * k + 2] = b.fighters[id] as number;
  }
  return { layers: { control: world.control.slice(), presence, strength }, points };
}

export function mapInfoOf(world: World): MapInfo {
  const { spec } = world;
  const centre = (cell: number): [number, number] => {
    const [lon, lat] = cellCenter(spec, cell);
    return [Math.round(lon * 1000) / 1000, Math.round(lat * 1000) / 1000];
  };
  return {
    grid: { lonMin: spec.lonMin, lonMax: spec.lonMax, latMin: spec.latMin, latMax: spec.latMax, resolution: spec.resolution, width: world.width, height: world.height },
    region: world.owner.slice(),
    regions: world.countries.map((c, k) => (k === 0 ? '' : c)),
    kinds: world.groups,
    borders: borderLines(spec),
    places: Object.entries(world.params.places).map(([name, p]) => ({ name, lon: p.at[0], lat: p.at[1], kind: p.kind })),
    routes: world.routes.map((r) => ({ name: r.name, commodity: r.commodity, points: Array.from(r.cells, centre) })),
    layers: {
      control: '0 no control, 255 the state, 254 contested, g + 1 armed group g (kinds[g])',
      presence: `state presence: byte / 255 × ${PRESENCE_SCALE}`,
      strength: `armed groups' summed strength: byte / 255 × ${STRENGTH_SCALE}`,
      points: 'bands: (cell, group, fighters)',
    },
  };
}
