/** Comparison page: compare.json as tables, forest plots and the robustness panel. */
import { api } from './lib/api.js';
import { el, fill, pageId, showError } from './lib/dom.js';
import { forestPlot } from './lib/forest.js';
import { interval, metricTitle, metricUnit, num, pct } from './lib/format.js';

const STAT_LABELS = {
  after: 'mean of each run from the decision to the end',
  mean: 'mean of each run over all weeks',
  final: 'value at the end of each run',
  max: 'maximum of each run',
};

const arrow = (better) => (better === 'lower' ? ' ↓' : better === 'higher' ? ' ↑' : '');
const betterText = (better) => (better === 'lower' ? 'lower is better' : better === 'higher' ? 'higher is better' : 'descriptive: no better direction');

function metricHeader(m) {
  const unit = metricUnit(m.metric);
  return el('th', { scope: 'col', title: `${metricTitle(m.metric)}${unit ? ` (${unit})` : ''}; ${betterText(m.better)}` }, m.metric, arrow(m.better), unit ? el('div', { class: 'unit' }, unit) : null);
}

function describeDesign(report) {
  const d = report.design ?? {};
  const points = Array.isArray(d.points) ? d.points.length : 0;
  const parts = [
    `baseline ${report.baseline}`,
    `${report.options.length - 1} option${report.options.length === 2 ? '' : 's'}`,
    points > 0 ? `${points} design point${points === 1 ? '' : 's'} (${d.sample ?? 'scenario values'}) × ${d.replications ?? '?'} seeds` : `${d.replications ?? '?'} seeds`,
    `outcome: ${STAT_LABELS[report.stat] ?? report.stat}`,
  ];
  if (report.sharedCheckpoint) parts.push('options share each run up to the decision');
  return parts.join(' · ');
}

function optionsTable(report) {
  const head = el('tr', {}, el('th', { scope: 'col' }, 'option'), ...report.metrics.map(metricHeader));
  const rows = report.options.map((option, k) =>
    el(
      'tr',
      { 'data-option': option },
      el('th', { scope: 'row' }, option, k === 0 ? el('span', { class: 'badge' }, 'baseline') : null),
      ...report.metrics.map((m) => {
        const o = m.options[k];
        const s = o?.summary;
        const verdict = o?.difference?.verdict;
        const title = o?.difference ? `Δ ${num(o.difference.mean)} [${num(o.difference.low)}, ${num(o.difference.high)}], p (Holm) ${num(o.difference.pAdjusted)}` : `n = ${s?.n ?? 0}, median ${num(s?.median)}, p10–p90 ${num(s?.p10)} … ${num(s?.p90)}`;
        return el('td', { class: `num ${verdict ? `verdict-${verdict}` : ''}`, title }, s ? interval(s.mean, s.low, s.high) : '—', o?.difference?.significant ? ' *' : '');
      }),
    ),
  );
  return el('table', { class: 'data', id: 'options-table' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function forests(report) {
  return report.metrics.map((m) =>
    el(
      'figure',
      { class: 'forest-figure', 'data-metric': m.metric },
      forestPlot({
        title: `${m.metric}${arrow(m.better)}`,
        unit: metricUnit(m.metric),
        better: m.better,
        baseline: report.baseline,
        rows: m.options.slice(1).map((o) => ({
          option: o.option,
          mean: o.difference?.mean ?? NaN,
          low: o.difference?.low ?? NaN,
          high: o.difference?.high ?? NaN,
          pAdjusted: o.difference?.pAdjusted ?? NaN,
          significant: o.difference?.significant ?? false,
          verdict: o.difference?.verdict ?? 'inconclusive',
        })),
      }),
      el('figcaption', {}, `${metricTitle(m.metric)} — ${betterText(m.better)}; ${m.pairs} pairs`),
    ),
  );
}

function winTable(report) {
  const head = el('tr', {}, el('th', { scope: 'col' }, 'option'), ...report.metrics.map(metricHeader));
  const rows = report.options.slice(1).map((option, j) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, option),
      ...report.metrics.map((m) => {
        const o = m.options[j + 1];
        const crn = o?.crn ? `CRN ${pct(o.crn.reduction)}` : '';
        if (!o?.win) return el('td', { class: 'num muted', title: 'descriptive metric: no better direction' }, '—', crn ? el('div', { class: 'unit' }, crn) : null);
        const shade = o.win.low > 0.5 ? 'verdict-better' : o.win.high < 0.5 ? 'verdict-worse' : '';
        return el('td', { class: `num ${shade}`, title: `${o.win.wins} wins, ${o.win.ties} ties of ${o.win.n}` }, `${pct(o.win.rate)} [${pct(o.win.low)}, ${pct(o.win.high)}]`, crn ? el('div', { class: 'unit' }, crn) : null);
      }),
    ),
  );
  return el('table', { class: 'data', id: 'wins-table' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function robustnessTable(report, metric) {
  const m = report.metrics.find((x) => x.metric === metric);
  if (!m) return el('p', {}, 'No such metric.');
  if (m.options.every((o) => !o.robustness)) return el('p', { class: 'muted' }, `${metric} has no better direction, so no worst case or regret.`);
  const constraints = m.options[0]?.satisficing?.map((s) => s.constraint) ?? [];
  const unit = metricUnit(metric);
  const head = el('tr', {}, ...['option', 'mean over points', 'worst point', 'bad tail', 'max regret', 'p90 regret', ...constraints.map((c) => `share meeting ${c}`)].map((h) => el('th', { scope: 'col' }, h)));
  const rows = m.options.map((o) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, o.option),
      ...['mean', 'worst', 'badTail', 'maxRegret', 'p90Regret'].map((key) => el('td', { class: 'num' }, num(o.robustness?.[key]))),
      ...(o.satisficing ?? []).map((s) => el('td', { class: 'num' }, pct(s.share))),
    ),
  );
  return el('div', {}, el('p', { class: 'muted' }, `${metricTitle(metric)}${unit ? ` (${unit})` : ''}; ${betterText(m.better)}. Regret: how far an option is from the best option at the same design point.`), el('table', { class: 'data', id: 'robustness-table' }, el('thead', {}, head), el('tbody', {}, ...rows)));
}

async function main() {
  const id = pageId();
  const table = document.getElementById('table');
  try {
    const report = await api.compare(id);
    document.title = `sahel-sahara · ${report.baseline} vs ${report.options.length - 1} options`;
    fill(document.getElementById('title'), `comparison ${id}`);
    fill(document.getElementById('design'), describeDesign(report));
    fill(table, optionsTable(report));
    fill(document.getElementById('forest'), ...forests(report));
    fill(document.getElementById('wins'), winTable(report));
    const select = document.getElementById('robustness-metric');
    fill(select, ...report.metrics.map((m) => el('option', { value: m.metric }, m.metric)));
    const showRobustness = () => fill(document.getElementById('robustness'), robustnessTable(report, select.value));
    select.addEventListener('change', showRobustness);
    showRobustness();
  } catch (error) {
    showError(table, error);
  }
  document.body.dataset.ready = 'true';
}

main();
