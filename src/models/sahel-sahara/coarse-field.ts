/**
 * Smooth fields over hundreds of km (the pull of distant havens, the hold groups have on a region)
 * live on a coarse grid of their own, sized in km rather than in map cells: their cost does not
 * grow with the map's resolution, and a scenario gives the same field at any resolution. Each
 * coarse cell covers `factor` × `factor` map cells; values are read back bilinearly between the
 * coarse cells' centres. Three box blurs approximate a Gaussian.
 */
import type { World } from './world.ts';

export interface CoarseGrid {
  /** Map cells per side of a coarse cell. */
  readonly factor: number;
  readonly width: number;
  readonly height: number;
  /** Box-blur radii in coarse cells, west–east and south–north. */
  readonly rx: number;
  readonly ry: number;
}

/** A coarse grid of cells about `cellKm` wide, for blurs of radius about `radiusKm` / 3 per box. */
export function coarseGrid(world: World, cellKm: number, radiusKm: number): CoarseGrid {
  const factor = Math.max(1, Math.round(cellKm / world.cellKm));
  const km = world.cellKm * factor;
  const cosLat = Math.cos((((world.spec.latMin + world.spec.latMax) / 2) * Math.PI) / 180);
  return {
    factor,
    width: Math.ceil(world.width / factor),
    height: Math.ceil(world.height / factor),
    rx: Math.max(1, Math.round(radiusKm / 3 / (km * cosLat))),
    ry: Math.max(1, Math.round(radiusKm / 3 / km)),
  };
}

/** The coarse cell holding map cell c. */
export function coarseCellOf(world: World, grid: CoarseGrid, c: number): number {
  const x = c % world.width;
  const y = (c / world.width) | 0;
  return ((y / grid.factor) | 0) * grid.width + ((x / grid.factor) | 0);
}

/** Box blur of a width × height field in place (zero outside), `scratch` of the same size. */
export function boxBlur(src: Float64Array, scratch: Float64Array, width: number, height: number, rx: number, ry: number): void {
  // Horizontal pass into scratch, vertical pass back into src.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let acc = 0;
    for (let x = -rx; x <= rx; x++) if (x >= 0 && x < width) acc += src[row + x] as number;
    for (let x = 0; x < width; x++) {
      scratch[row + x] = acc / (2 * rx + 1);
      const out = x - rx;
      const inn = x + rx + 1;
      if (out >= 0) acc -= src[row + out] as number;
      if (inn < width) acc += src[row + inn] as number;
    }
  }
  for (let x = 0; x < width; x++) {
    let acc = 0;
    for (let y = -ry; y <= ry; y++) if (y >= 0 && y < height) acc += scratch[y * width + x] as number;
    for (let y = 0; y < height; y++) {
      src[y * width + x] = acc / (2 * ry + 1);
      const out = y - ry;
      const inn = y + ry + 1;
      if (out >= 0) acc -= scratch[out * width + x] as number;
      if (inn < height) acc += scratch[inn * width + x] as number;
    }
  }
}

/** Three box blurs with the grid's radii: close to a Gaussian. */
export function smooth(field: Float64Array, scratch: Float64Array, grid: CoarseGrid): void {
  for (let pass = 0; pass < 3; pass++) boxBlur(field, scratch, grid.width, grid.height, grid.rx, grid.ry);
}

/** The field (`base` .. `base` + coarse cells) at map cell (x, y), bilinear between coarse centres. */
export function sampleCoarse(field: Float64Array, base: number, grid: CoarseGrid, x: number, y: number): number {
  const { factor: f, width: cw, height: ch } = grid;
  const cx = Math.min(cw - 1, Math.max(0, (x + 0.5) / f - 0.5));
  const cy = Math.min(ch - 1, Math.max(0, (y + 0.5) / f - 0.5));
  const x0 = cx | 0;
  const y0 = cy | 0;
  const x1 = x0 + 1 < cw ? x0 + 1 : x0;
  const y1 = y0 + 1 < ch ? y0 + 1 : y0;
  const fx = cx - x0;
  const fy = cy - y0;
  const top = (field[base + y0 * cw + x0] as number) * (1 - fx) + (field[base + y0 * cw + x1] as number) * fx;
  const bottom = (field[base + y1 * cw + x0] as number) * (1 - fx) + (field[base + y1 * cw + x1] as number) * fx;
  return top * (1 - fy) + bottom * fy;
}
