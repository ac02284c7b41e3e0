/** Numbers, dates and metric labels as the pages show them. */

const three = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** Three significant digits (thousands separated, whole above 1000); '—' for missing. */
export function num(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Math.abs(value) >= 1000 ? whole.format(value) : three.format(value);
}

export function pct(value) {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${Math.round(value * 100)} %`;
}

/** `mean [low, high]`. */
export function interval(mean, low, high) {
  return `${num(mean)} [${num(low)}, ${num(high)}]`;
}

/** A timestamp as `2026-11-28 11:15` (UTC, as recorded). */
export function when(iso) {
  return typeof iso === 'string' ? iso.replace('T', ' ').slice(0, 16) : '—';
}

/** Unix seconds (UTC midnight) of an ISO date, for uPlot's time axis. */
export function dateSeconds(iso) {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 1000;
}

/**
 * What each regional metric measures and in which unit (README, "Regional metrics"). A metric not
 * listed is shown by its name without a unit.
 */
const METRICS = {
  fighters: ['armed group fighters', 'fighters'],
  group_cells: ['cells held by armed groups', 'cells'],
  north_mali_group_share: ['population of northern Mali held by groups', 'share (0–1)'],
  north_mali_group_cells: ['cells of northern Mali held by groups', 'share (0–1)'],
  niger_group_share: ['population of northern Niger held by groups', 'share (0–1)'],
  attacks: ['attacks', 'per week'],
  attacks_cross_border: ['cross-border attacks', 'per week'],
  attacks_strategic: ['attacks on strategic sites', 'per week'],
  attacks_algeria: ['attacks in Algeria', 'per week'],
  attacks_algeria_via_niger_libya: ['attacks in Algeria from Niger or Libya', 'per week'],
  displaced_fighters: ['fighters crossing a border', 'fighters per week'],
  smuggling_volume: ['smuggled goods delivered', 'tonnes per week'],
  revenue_groups: ['armed groups’ revenue', 'k$ per week'],
  revenue_officials: ['officials’ revenue from smuggling', 'k$ per week'],
  intel_shares: ['intelligence shared (sum of realised sharing)', 'index'],
  joint_ops: ['joint operations', 'per week'],
  trust_mean: ['mean trust between core states', 'trust (0–1)'],
  trust_dza_mli: ['trust of Algeria in Mali', 'trust (0–1)'],
  trust_mrt_mli: ['trust of Mauritania in Mali', 'trust (0–1)'],
  grievance_mean: ['mean grievance (core states’ cells)', 'index (0–1)'],
  presence_mean: ['mean state presence (core states’ cells)', 'index'],
  destabilisation: ['destabilisation (weighted sum of metrics)', 'index'],
  operations: ['state operations', 'per week'],
  operations_mali: ['state operations in Mali', 'per week'],
  fighters_killed: ['fighters killed', 'per week'],
  soldiers_killed: ['soldiers killed', 'per week'],
  civilian_harm: ['civilian harm', 'per week'],
  safe_havens: ['safe havens (group cells without state presence)', 'cells'],
  haven_weeks_max: ['longest-lasting safe haven', 'weeks'],
  recruits: ['recruits', 'per week'],
  leaks: ['intelligence leaks', 'per week'],
  ransoms: ['ransoms paid', 'per week'],
  group_funds: ['armed groups’ funds', 'k$'],
  fighters_mali: ['fighters in Mali', 'fighters'],
  fighters_southern_libya: ['fighters in southern Libya (south of 29°N)', 'fighters'],
  sahel_fighters_southern_libya: ['Sahel groups’ fighters in southern Libya', 'fighters'],
  fighters_northern_niger: ['fighters in northern Niger', 'fighters'],
};

export function metricTitle(metric) {
  return METRICS[metric]?.[0] ?? metric.replace(/_/g, ' ');
}

export function metricUnit(metric) {
  return METRICS[metric]?.[1] ?? '';
}

/** Colours for runs, options and groups: distinct, readable on white (Tableau 10). */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
