/**
 * A forest plot in SVG: for one metric, each option's paired difference to the baseline (dot)
 * with its simultaneous 95 % interval (line), against zero (dashed). Green: better, significant
 * after Holm's adjustment; red: worse; grey: inconclusive. Differences of different metrics have
 * different units, so each metric gets its own plot (small multiples).
 */
import { svg } from './dom.js';
import { num } from './format.js';
import { linear, niceTicks } from './scale.js';

const COLOURS = { better: '#2e7d32', worse: '#c62828', inconclusive: '#616161' };

export function forestPlot({ title, unit, better, baseline, rows }) {
  const labelWidth = 150;
  const width = 420;
  const rowHeight = 26;
  const top = 30;
  const plotHeight = Math.max(1, rows.length) * rowHeight;
  const height = top + plotHeight + 48;
  const values = rows.flatMap((r) => [r.low, r.high, r.mean]).filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 5);
  const domain = [ticks[0], ticks[ticks.length - 1]];
  const x = linear(domain, [labelWidth + 10, width - 14]);
  const root = svg('svg', { class: 'forest', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Differences to ${baseline}: ${title}` });
  root.append(svg('text', { x: 4, y: 16, class: 'plot-title' }, title));
  // Grid and axis.
  const axisY = top + plotHeight + 6;
  for (const t of ticks) {
    root.append(svg('line', { x1: x(t), x2: x(t), y1: top - 4, y2: axisY, class: 'grid' }));
    root.append(svg('text', { x: x(t), y: axisY + 14, class: 'tick', 'text-anchor': 'middle' }, num(t)));
  }
  root.append(svg('line', { x1: x(domain[0]), x2: x(domain[1]), y1: axisY, y2: axisY, class: 'axis' }));
  root.append(svg('line', { x1: x(0), x2: x(0), y1: top - 6, y2: axisY, class: 'zero' }));
  const direction = better === 'lower' ? '← better' : better === 'higher' ? 'better →' : 'no better direction';
  root.append(svg('text', { x: (labelWidth + width) / 2, y: axisY + 32, class: 'axis-label', 'text-anchor': 'middle' }, `Δ vs ${baseline}${unit ? ` (${unit})` : ''} · ${direction}`));
  rows.forEach((row, k) => {
    const y = top + k * rowHeight + rowHeight / 2;
    const colour = COLOURS[row.verdict] ?? COLOURS.inconclusive;
    const group = svg('g', { class: `forest-row verdict-${row.verdict ?? 'none'}`, 'data-option': row.option });
    group.append(svg('title', {}, `${row.option}: ${num(row.mean)} [${num(row.low)}, ${num(row.high)}], p (Holm) = ${num(row.pAdjusted)}`));
    group.append(svg('text', { x: labelWidth, y: y + 4, class: 'row-label', 'text-anchor': 'end' }, row.option.length > 22 ? `${row.option.slice(0, 21)}…` : row.option));
    if (Number.isFinite(row.low) && Number.isFinite(row.high)) {
      group.append(svg('line', { x1: x(row.low), x2: x(row.high), y1: y, y2: y, stroke: colour, 'stroke-width': 2 }));
      for (const end of [row.low, row.high]) group.append(svg('line', { x1: x(end), x2: x(end), y1: y - 5, y2: y + 5, stroke: colour, 'stroke-width': 2 }));
    }
    if (Number.isFinite(row.mean)) {
      group.append(svg('circle', { cx: x(row.mean), cy: y, r: 5, fill: row.significant ? colour : '#fff', stroke: colour, 'stroke-width': 2 }));
    }
    root.append(group);
  });
  return root;
}
