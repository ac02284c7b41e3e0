/**
 * Contract: per-tick metrics in preallocated columns (one Float64Array per metric, one row per
 * recorded tick, row 0 = the initial state). Recording writes numbers into existing arrays and
 * allocates nothing; the columns are read out after the run.
 */
export class Recorder {
  readonly metrics: readonly string[];
  readonly columns: Float64Array[];
  /** Rows written so far. */
  length = 0;
  private readonly scratch: Float64Array;

  constructor(metrics: readonly string[], rows: number) {
    this.metrics = metrics;
    this.columns = metrics.map(() => new Float64Array(rows));
    this.scratch = new Float64Array(metrics.length);
  }

  get capacity(): number {
    return this.columns[0]?.length ?? 0;
  }

  /** A buffer of one value per metric that `commitRow` copies into the next row. */
  get row(): Float64Array {
    return this.scratch;
  }

  /** Appends the values in `row` as the next row. */
  commitRow(): void {
    if (this.length >= this.capacity) throw new RangeError(`recorder is full (${this.capacity} rows)`);
    for (let m = 0; m < this.columns.length; m++) (this.columns[m] as Float64Array)[this.length] = this.scratch[m] as number;
    this.length++;
  }

  /** An independent recorder with the same rows, to continue a checkpointed run. */
  copy(): Recorder {
    const out = new Recorder(this.metrics, this.capacity);
    this.columns.forEach((column, m) => (out.columns[m] as Float64Array).set(column));
    out.length = this.length;
    return out;
  }

  /** The recorded values of one metric. */
  column(metric: string): Float64Array {
    const m = this.metrics.indexOf(metric);
    if (m < 0) throw new RangeError(`unknown metric ${metric}`);
    return (this.columns[m] as Float64Array).subarray(0, this.length);
  }
}
