/**
 * Time-series charts with uPlot (small and fast: dozens of charts of hundreds of points draw at
 * once). The x axis is the date of each tick (weeks from the scenario's start, in UTC) or the tick
 * when the scenario has no start; one line per run.
 */
import uPlot from '/vendor/uplot/uPlot.esm.js';
import { dateSeconds, num } from './format.js';

/** A chart of one /series response in `container`. */
export function seriesChart(container, response, { title, unit, width = 440, height = 220, colours }) {
  const dated = response.dates.length === response.ticks.length && response.dates.length > 0;
  const xs = dated ? response.dates.map(dateSeconds) : response.ticks;
  const options = {
    title,
    width,
    height,
    scales: { x: { time: dated } },
    // uPlot shows dates in the browser's time zone by default; the model's dates are UTC days.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    legend: { live: true },
    cursor: { drag: { x: true, y: false } },
    series: [
      { label: dated ? 'week of' : 'tick', value: dated ? (_u, v) => (v === null || v === undefined ? '—' : new Date(v * 1000).toISOString().slice(0, 10)) : undefined },
      ...response.series.map((s, k) => ({
        label: s.label,
        stroke: colours[k % colours.length],
        width: 1.5,
        value: (_u, v) => num(v),
        spanGaps: false,
      })),
    ],
    axes: [
      { label: dated ? 'date (week)' : 'tick', labelSize: 16, size: 36 },
      { label: unit || 'value', labelSize: 16, size: 62, values: (_u, splits) => splits.map((v) => num(v)) },
    ],
  };
  return new uPlot(options, [xs, ...response.series.map((s) => s.values)], container);
}
