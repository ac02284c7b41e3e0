/**
 * Contract: a struct-of-arrays store of agents with numeric ids (as bitECS). Each property is a
 * typed array indexed by id. Additions and removals are *deferred*: `add()` reserves an id whose
 * columns may be written at once but which is not alive — not in `ids`, not counted — until
 * `commit()`; `remove(id)` queues the id and `commit()` frees it. A tick therefore iterates a
 * stable population while it queues births and deaths, then commits them in one step.
 *
 * A column may be a vector: `{ type: Float32Array, width: k }` holds k values per agent at
 * `id * k .. id * k + k - 1` (e.g. a band's fighters by nationality).
 *
 * Ids of removed agents are reused, last freed first, so a run's ids are deterministic. When the
 * store is full, `add()` doubles the capacity: the column arrays are replaced, so code that keeps
 * a column in a local variable must read it again after adding.
 */
import { SimError } from '../errors.ts';
import type { TypedArray, TypedArrayConstructor } from './fields.ts';

export interface VectorColumn<T extends TypedArrayConstructor = TypedArrayConstructor> {
  readonly type: T;
  readonly width: number;
}
export type AgentSchema = Record<string, TypedArrayConstructor | VectorColumn>;
export type AgentColumns<S extends AgentSchema> = {
  [K in keyof S]: S[K] extends VectorColumn<infer T> ? InstanceType<T> : S[K] extends TypedArrayConstructor ? InstanceType<S[K]> : never;
};

function columnType(entry: TypedArrayConstructor | VectorColumn): TypedArrayConstructor {
  return 'type' in entry ? entry.type : entry;
}

function columnWidth(entry: TypedArrayConstructor | VectorColumn): number {
  return 'width' in entry ? entry.width : 1;
}

export class AgentStore<S extends AgentSchema> {
  readonly schema: S;
  readonly columns: AgentColumns<S>;
  /** 1 when the id is alive (committed and not removed). */
  alive: Uint8Array;
  /** The alive ids in `ids[0..count)`, in an order that is deterministic but not meaningful. */
  ids: Int32Array;
  count = 0;
  private capacityValue: number;
  /** Position of each alive id in `ids`, for O(1) removal. */
  private position: Int32Array;
  private free: Int32Array;
  private freeCount = 0;
  private nextFresh = 0;
  private pendingAdd: Int32Array;
  private pendingAddCount = 0;
  private pendingRemove: Int32Array;
  private pendingRemoveCount = 0;
  /** 1 while an id is queued for removal, so a double remove is harmless. */
  private removing: Uint8Array;

  constructor(schema: S, capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    // Frozen: a schema is configuration (it names constructors), shared by checkpoints, never state.
    for (const entry of Object.values(schema)) if (typeof entry === 'object') Object.freeze(entry);
    this.schema = Object.freeze(schema);
    this.capacityValue = capacity;
    const columns: Partial<Record<keyof S, TypedArray>> = {};
    for (const key of Object.keys(schema) as (keyof S)[]) {
      const entry = schema[key] as TypedArrayConstructor | VectorColumn;
      columns[key] = new (columnType(entry))(capacity * columnWidth(entry));
    }
    this.columns = columns as AgentColumns<S>;
    this.alive = new Uint8Array(capacity);
    this.ids = new Int32Array(capacity);
    this.position = new Int32Array(capacity);
    this.free = new Int32Array(capacity);
    this.pendingAdd = new Int32Array(capacity);
    this.pendingRemove = new Int32Array(capacity);
    this.removing = new Uint8Array(capacity);
  }

  get capacity(): number {
    return this.capacityValue;
  }

  /** Agents alive plus those added and not yet committed. */
  get reserved(): number {
    return this.count + this.pendingAddCount;
  }

  /** Reserves an id; its columns are zero and writable now, and it joins `ids` at `commit()`. */
  add(): number {
    let id: number;
    if (this.freeCount > 0) {
      id = this.free[--this.freeCount] as number;
    } else {
      if (this.nextFresh === this.capacityValue) this.grow(this.capacityValue * 2);
      id = this.nextFresh++;
    }
    for (const key in this.columns) {
      const width = columnWidth(this.schema[key] as TypedArrayConstructor | VectorColumn);
      this.columns[key].fill(0, id * width, id * width + width);
    }
    this.pendingAdd[this.pendingAddCount++] = id;
    return id;
  }

  /** Queues an alive id for removal at `commit()`. Removing twice in one tick is harmless. */
  remove(id: number): void {
    if (this.alive[id] !== 1) {
      throw new SimError('SIM_ERR_ENGINE_STATE', `agent ${id} is not alive and cannot be removed`);
    }
    if (this.removing[id] === 1) return;
    this.removing[id] = 1;
    this.pendingRemove[this.pendingRemoveCount++] = id;
  }

  isAlive(id: number): boolean {
    return id >= 0 && id < this.capacityValue && this.alive[id] === 1;
  }

  /** Applies queued removals, then queued additions, in the order they were queued. */
  commit(): void {
    for (let k = 0; k < this.pendingRemoveCount; k++) {
      const id = this.pendingRemove[k] as number;
      this.removing[id] = 0;
      this.alive[id] = 0;
      const at = this.position[id] as number;
      const last = this.ids[--this.count] as number;
      this.ids[at] = last;
      this.position[last] = at;
      this.free[this.freeCount++] = id;
    }
    this.pendingRemoveCount = 0;
    for (let k = 0; k < this.pendingAddCount; k++) {
      const id = this.pendingAdd[k] as number;
      this.alive[id] = 1;
      this.position[id] = this.count;
      this.ids[this.count++] = id;
    }
    this.pendingAddCount = 0;
  }

  private grow(capacity: number): void {
    const copy = <T extends TypedArray>(from: T, ctor: TypedArrayConstructor<T>, width = 1): T => {
      const to = new ctor(capacity * width);
      to.set(from as never);
      return to;
    };
    for (const key of Object.keys(this.schema) as (keyof S)[]) {
      const entry = this.schema[key] as TypedArrayConstructor | VectorColumn;
      this.columns[key] = copy(this.columns[key] as TypedArray, columnType(entry), columnWidth(entry)) as AgentColumns<S>[keyof S];
    }
    this.alive = copy(this.alive, Uint8Array);
    this.ids = copy(this.ids, Int32Array);
    this.position = copy(this.position, Int32Array);
    this.free = copy(this.free, Int32Array);
    this.pendingAdd = copy(this.pendingAdd, Int32Array);
    this.pendingRemove = copy(this.pendingRemove, Int32Array);
    this.removing = copy(this.removing, Uint8Array);
    this.capacityValue = capacity;
  }
}

export function createAgentStore<S extends AgentSchema>(schema: S, capacity: number): AgentStore<S> {
  return new AgentStore(schema, capacity);
}
