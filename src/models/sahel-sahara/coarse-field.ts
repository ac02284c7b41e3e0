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

/** Where each map cell reads a coarse field: its lower-left coarse neighbour, the steps to the others, and the weights. */
export interface BilinearTable {
  readonly grid: CoarseGrid;
  readonly index: Int32Array;
  readonly stepX: Uint8Array;
  readonly stepY: Int32Array;
  readonly fx: Float64Array;
  readonly fy: Float64Array;
}

/** For every map cell, the bilinear read between the centres of the coarse cells around it. */
export function bilinearTable(world: World, grid: CoarseGrid): BilinearTable {
  const { size, width } = world;
  const { factor: f, width: cw, height: ch } = grid;
  const table = { grid, index: new Int32Array(size), stepX: new Uint8Array(size), stepY: new Int32Array(size), fx: new Float64Array(size), fy: new Float64Array(size) };
  for (let c = 0; c < size; c++) {
    const cx = Math.min(cw - 1, Math.max(0, ((c % width) + 0.5) / f - 0.5));
    const cy = Math.min(ch - 1, Math.max(0, (((c / width) | 0) + 0.5) / f - 0.5));
    const x0 = cx | 0;
    const y0 = cy | 0;
    table.index[c] = y0 * cw + x0;
    table.stepX[c] = x0 + 1 < cw ? 1 : 0;
    table.stepY[c] = y0 + 1 < ch ? cw : 0;
    table.fx[c] = cx - x0;
    table.fy[c] = cy - y0;
  }
  return table;
}

/** A coarse field (from `base`) at map cell c. */
export function sampleTable(field: Float64Array, base: number, table: BilinearTable, c: number): number {
  const i = base + (table.index[c] as number);
  const sx = table.stepX[c] as number;
  const sy = table.stepY[c] as number;
  const fx = table.fx[c] as number;
  const fy = table.fy[c] as number;
  const top = (field[i] as number) * (1 - fx) + (field[i + sx] as number) * fx;
  const bottom = (field[i + sy] as number) * (1 - fx) + (field[i + sy + sx] as number) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** A table for no grid yet: fields are laid out on first use. */
export function emptyTable(): BilinearTable {
  return { grid: { factor: 1, width: 0, height: 0, rx: 1, ry: 1 }, index: new Int32Array(0), stepX: new Uint8Array(0), stepY: new Int32Array(0), fx: new Float64Array(0), fy: new Float64Array(0) };
}
