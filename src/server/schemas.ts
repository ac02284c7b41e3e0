/**
 * TypeBox schemas of every route's params, query and responses. Fastify validates requests
 * against them (a mismatch is a 400 before any handler runs) and serialises responses with them
 * (fast-json-stringify: only the properties described here are sent).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ID_PATTERN } from './result-folders.ts';

/** The model tables a result folder may hold (as CSV for a run, Parquet for a batch). */
export const TABLE_NAMES = ['relations', 'displacement', 'groups', 'frameworks', 'destinations', 'indices'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Rows per table response, at most (`limit`). */
export const MAX_ROWS = 10_000;
export const DEFAULT_ROWS = 1_000;
/** Values (series × ticks) per series response, at most: past it, ask for a larger `every` or fewer runs. */
export const MAX_SERIES_VALUES = 500_000;

// JSON type arrays (not anyOf): fast-json-stringify picks the branch by the value's type directly.
const NullableNumber = Type.Unsafe<number | null>({ type: ['number', 'null'] });
const Cell = Type.Unsafe<string | number | boolean | null>({ type: ['string', 'number', 'boolean', 'null'] });

export const ErrorResponse = Type.Object({ error: Type.String(), message: Type.String() });

/** The error responses every route may give. */
export const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse, 500: ErrorResponse };

export const IdParams = Type.Object({ id: Type.String({ pattern: ID_PATTERN, maxLength: 200, description: 'a result folder directly inside the results folder' }) });

export const TableParams = Type.Object({
  id: IdParams.properties.id,
  name: Type.Union(TABLE_NAMES.map((n) => Type.Literal(n))),
});

const Paging = {
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ROWS, default: DEFAULT_ROWS })),
};

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Seed = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const SummaryQuery = Type.Object({
  metric: Type.Optional(Name),
  option: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'option (scenario) name or index' })),
  ...Paging,
});

export const TableQuery = Type.Object({ ...Paging });

export const SeriesQuery = Type.Object({
  metric: Name,
  seed: Type.Optional(Seed),
  key: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,128}$', description: 'a run key of a batch' })),
  option: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'option (scenario) name or index' })),
  every: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1, description: 'keep every Nth tick (and the last)' })),
});

export const FramesQuery = Type.Object({ seed: Type.Optional(Seed) });

export const TableResponse = Type.Object({
  columns: Type.Array(Type.String()),
  rows: Type.Array(Type.Array(Cell)),
  /** Matching rows before paging. */
  total: Type.Integer(),
  offset: Type.Integer(),
  limit: Type.Integer(),
});
export type TableBody = Static<typeof TableResponse>;

export const ResultEntrySchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('run'), Type.Literal('batch'), Type.Literal('compare'), Type.Literal('sensitivity')]),
  name: Type.String(),
  scenarios: Type.Array(Type.String()),
  model: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  seeds: Type.Union([Type.Integer(), Type.Null()]),
  runs: Type.Union([Type.Integer(), Type.Null()]),
  ticks: Type.Union([Type.Integer(), Type.Null()]),
});

export const ListResponse = Type.Object({ results: Type.Array(ResultEntrySchema) });

/** A manifest as written (run or batch); its shape is the results layer's, passed through. */
export const ManifestResponse = Type.Object({ kind: Type.String() }, { additionalProperties: true });

/** compare.json (see comparisonReport in src/experiment): the parts the pages rely on are described, the rest passes through. */
export const CompareResponse = Type.Object(
  {
    kind: Type.String(),
    options: Type.Array(Type.String()),
    baseline: Type.String(),
    stat: Type.String(),
    design: Type.Unknown(),
    metrics: Type.Array(
      Type.Object(
        {
          metric: Type.String(),
          better: Type.Union([Type.String(), Type.Null()]),
          pairs: Type.Integer(),
          options: Type.Array(Type.Unknown()),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: true },
);

export const SeriesResponse = Type.Object({
  metric: Type.String(),
  every: Type.Integer(),
  /** The date of tick 0 (ticks are then weeks), or null. */
  start: Type.Union([Type.String(), Type.Null()]),
  ticks: Type.Array(Type.Integer()),
  /** ISO date of each tick (start + 7 t days); empty without a start. */
  dates: Type.Array(Type.String()),
  series: Type.Array(
    Type.Object({
      label: Type.String(),
      seed: Type.Integer(),
      key: Type.Union([Type.String(), Type.Null()]),
      option: Type.Union([Type.String(), Type.Null()]),
      point: Type.Union([Type.Integer(), Type.Null()]),
      values: Type.Array(NullableNumber),
    }),
  ),
});
export type SeriesBody = Static<typeof SeriesResponse>;

const Lonlat = Type.Tuple([Type.Number(), Type.Number()]);

export const MapSchema = Type.Object({
  grid: Type.Object({
    lonMin: Type.Number(),
    lonMax: Type.Number(),
    latMin: Type.Number(),
    latMax: Type.Number(),
    resolution: Type.Number(),
    width: Type.Integer(),
    height: Type.Integer(),
  }),
  region: Type.String({ description: 'base64, one byte per cell: index into regions (0 none)' }),
  regions: Type.Array(Type.String()),
  kinds: Type.Array(Type.String()),
  borders: Type.Array(Type.Array(Lonlat)),
  places: Type.Array(Type.Object({ name: Type.String(), lon: Type.Number(), lat: Type.Number(), kind: Type.String() })),
  routes: Type.Array(Type.Object({ name: Type.String(), commodity: Type.String(), points: Type.Array(Lonlat) })),
  layers: Type.Record(Type.String(), Type.String()),
});

export const GeographyResponse = Type.Object({
  seeds: Type.Array(Type.Integer()),
  start: Type.Union([Type.String(), Type.Null()]),
  frames: Type.Integer(),
  map: MapSchema,
});

export const FramesResponse = Type.Object({
  seed: Type.Integer(),
  start: Type.Union([Type.String(), Type.Null()]),
  frames: Type.Integer(),
  cells: Type.Integer(),
  dates: Type.Array(Type.String()),
  layers: Type.Record(Type.String(), Type.String(), { description: 'base64 of frames × cells bytes, frame-major' }),
  points: Type.String({ description: 'base64 of little-endian float32 (cell, kind, size) triples' }),
  pointOffsets: Type.String({ description: 'base64 of little-endian uint32: frame t uses floats offsets[t] … offsets[t + 1]' }),
});

/** A route's schema with the shared error responses added. */
export function withErrors<T extends Record<number, TSchema>>(responses: T): T & typeof errors {
  return { ...errors, ...responses };
}
