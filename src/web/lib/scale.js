/** Linear scales and "nice" axis ticks (1, 2 or 5 × 10^k steps), for the SVG plots. */

export function niceTicks(min, max, count = 5) {
  if (!(max > min)) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  // Outward to whole steps, so the first and last ticks bound every value.
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks = [];
  // Computed from the index, not accumulated, and rounded: 0.6, not 0.6000000000000001.
  for (let k = 0; ticks.length === 0 || ticks[ticks.length - 1] < max - step * 1e-9; k++) ticks.push(Number((first + k * step).toPrecision(12)) || 0);
  return ticks;
}

/** Maps [d0, d1] onto [r0, r1]. */
export function linear([d0, d1], [r0, r1]) {
  const span = d1 - d0 || 1;
  return (x) => r0 + ((x - d0) / span) * (r1 - r0);
}
