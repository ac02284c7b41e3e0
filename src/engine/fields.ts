/**
 * Contract: a cell field is one typed array with one entry per grid cell (struct of arrays, as
 * Mesa's PropertyLayer and bitECS). Fields are created with the world and never reallocated, so
 * phases can hold on to them and loop over them with plain indices.
 */
import type { Grid } from './grid.ts';

export type TypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array;

export type TypedArrayConstructor<T extends TypedArray = TypedArray> = {
  new (length: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

export function createField<T extends TypedArray>(grid: Grid, ctor: TypedArrayConstructor<T>, fill = 0): T {
  const field = new ctor(grid.size);
  if (fill !== 0) field.fill(fill);
  return field;
}

/** Sum of a field (in float64), e.g. for metrics. */
export function sumField(field: TypedArray): number {
  let total = 0;
  for (let i = 0; i < field.length; i++) total += field[i] as number;
  return total;
}

/** Number of cells where the field equals `value`. */
export function countEqual(field: TypedArray, value: number): number {
  let n = 0;
  for (let i = 0; i < field.length; i++) if (field[i] === value) n++;
  return n;
}
