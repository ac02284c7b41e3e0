/**
 * The cells armed groups have ever reached. A group's network and strength are spread only by the
 * influence kernel around its bands (and around its home areas at the start), so outside the
 * union of those footprints both are exactly 0 for every group. Phases that loop over groups per
 * cell (strength, presence, control, movement, network decay) visit only these cells: in the 2012
 * scenario they are about a quarter of the land at the end, a tenth at the start. The set only
 * grows, so skipping the rest changes no result, only the cost.
 */
import type { World } from './world.ts';

/** Adds the influence footprint of `cell` to the reached cells (once per centre cell). */
export function reachAround(world: World, cell: number): void {
  if (world.reachedCentre[cell] === 1) return;
  world.reachedCentre[cell] = 1;
  const { width, height, reached, reachedCells } = world;
  const x = cell % width;
  const y = (cell / width) | 0;
  for (let o = 0; o < world.influenceDx.length; o++) {
    const nx = x + (world.influenceDx[o] as number);
    const ny = y + (world.influenceDy[o] as number);
    if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
    const c = ny * width + nx;
    if (reached[c] === 1) continue;
    reached[c] = 1;
    reachedCells[world.reachedCount++] = c;
  }
}
