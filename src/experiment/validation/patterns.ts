/**
 * The nine patterns of MODEL.md §6 (pattern-oriented validation). Each is a claim of the seed,
 * checked seed by seed (paired across variants: the same seed gives the same draws wherever the
 * variants do not differ) and reported as the share of seeds where it holds, against a documented
 * threshold. Windows are in weeks from the scenario's start; the offensive and decision ticks
 * come from the scenario files, not from constants here.
 */
import { tickOfDate, type SahelSaharaParams } from '../../models/index.ts';
import type { ResolvedScenario } from '../../scenario/index.ts';
import { max, mean, sum, type ValidationRunner, type ValidationRun, type Variant } from './runner.ts';

export interface PatternOutcome {
  readonly holds: boolean;
  /** The numbers the verdict rests on, for the report. */
  readonly values: Readonly<Record<string, number>>;
}

export interface Pattern {
  readonly id: number;
  readonly name: string;
  readonly claim: string;
  /** Share of seeds in which the claim must hold. */
  readonly threshold: number;
  /** The runs `check` reads for a seed, so that they can be computed beforehand (runner.ts). */
  readonly variants: readonly Variant[];
  check(seed: number): PatternOutcome;
}

const ECOWAS_CORE = ['MLI', 'NER', 'BFA', 'NGA'];
const NORTHERN_NEIGHBOURS = ['DZA', 'MRT', 'LBY'];

/**
 * A claim made of several parts holds when all do; each part is also reported as 0/1, so its mean
 * over seeds is the share of seeds where that part alone holds (`part:<name>`).
 */
function verdict(parts: Readonly<Record<string, boolean>>, values: Record<string, number>): PatternOutcome {
  const all = { ...values };
  for (const [name, ok] of Object.entries(parts)) all[`part:${name}`] = ok ? 1 : 0;
  return { holds: Object.values(parts).every(Boolean), values: all };
}

function trustBetween(run: ValidationRun, from: readonly string[], to: readonly string[]): number {
  const C = run.countries.length;
  let total = 0;
  let n = 0;
  for (const a of from) {
    for (const b of to) {
      const i = run.countries.indexOf(a);
      const j = run.countries.indexOf(b);
      if (i <= 0 || j <= 0) continue;
      total += (run.trustFinal[i * C + j] as number) + (run.trustFinal[j * C + i] as number);
      n += 2;
    }
  }
  return n > 0 ? total / n : 0;
}

function firstTick(scenario: ResolvedScenario, type: string): number {
  const params = scenario.params as SahelSaharaParams;
  const event = params.events.find((e) => e.type === type);
  if (!event) throw new Error(`the scenario has no ${type} event`);
  return tickOfDate(params.start, event.date);
}

export function buildPatterns(runner: ValidationRunner): Pattern[] {
  const base = runner.scenario('scenarios/sahel-sahara-2012.yaml');
  const offensive = firstTick(base, 'offensive');
  const T = base.ticks;
  const historical = runner.variant('historical', base);
  // Without the armed return there is no rout of the army in the north, and so none of the coup
  // it provoked (the March 2012 coup followed the defeats at Aguelhok and Tessalit): the
  // counterfactual drops the returnees to Mali and the coup's parameter changes with them.
  const noReturn = runner.variant('no-armed-return', base, (p) => {
    p.events = p.events.filter((e) => !(e.type === 'returnees' && e.to === 'MLI') && !(e.label ?? '').toLowerCase().includes('coup'));
  });
  const collusion = (level: number) =>
    runner.variant(`collusion-${level}`, base, (p) => {
      p.events = p.events.filter((e) => !(e.type === 'set' && Object.keys(e.set).includes('states.MLI.collusion')));
      (p.states.MLI as { collusion: number }).collusion = level;
    });
  const collusionHigh = collusion(0.9);
  const collusionLow = collusion(0.2);
  const noRansom = runner.variant('no-ransoms', base, (p) => {
    p.events = p.events.filter((e) => e.type !== 'ransom');
    for (const e of Object.values(p.externals)) e.ransomPolicy = 0;
  });
  const option = (name: string) => runner.scenario(`scenarios/options/${name}.yaml`);
  const decisionOf = (s: ResolvedScenario) => tickOfDate((s.params as SahelSaharaParams).start, (s.params as SahelSaharaParams).decision ?? (s.params as SahelSaharaParams).start);
  const statusQuo = option('status-quo');
  const decision = decisionOf(statusQuo);
  const sq = runner.variant('status-quo', statusQuo);
  const none = runner.variant('none', option('none'));
  const expanded = runner.variant('expanded', option('expanded-pays-du-champ'));
  // The same members without Algeria's shift to engagement or Libya's commitment.
  const expandedLow = runner.variant('expanded-no-shift', option('expanded-pays-du-champ-no-shift'));
  const cenSad = runner.variant('cen-sad', option('cen-sad'));
  const ecowas = runner.variant('ecowas-france', option('ecowas-france'));

  // Spill-over: fighters of the Sahel's groups (not the local militias) in southern Libya, and cross-border attacks.
  const spill = (run: ValidationRun) =>
    mean(run.series('sahel_fighters_southern_libya'), decision, T + 1) + sum(run.series('attacks_cross_border'), decision, T + 1);
  const after = (run: ValidationRun, metric: string) => mean(run.series(metric), decision, T + 1);

  return [
    {
      id: 1,
      name: 'armed return takes northern Mali, not Niger',
      claim: 'Within months of the returnees, groups hold most of northern Mali (≥ 50 % of its population, up ≥ 20 points); Niger’s peak stays under half of Mali’s.',
      threshold: 0.8,
      variants: [historical],
      check(seed) {
        const run = runner.run(historical, seed);
        const mali = run.series('north_mali_group_share');
        const peak = max(mali, 4, 53);
        const niger = max(run.series('niger_group_share'), 4, 53);
        const parts = { most: peak >= 0.5, rise: peak - (mali[0] as number) >= 0.2, notNiger: niger < 0.5 * peak };
        return verdict(parts, { start: mali[0] as number, peak2012: peak, nigerPeak2012: niger });
      },
    },
    {
      id: 2,
      name: 'no armed return, far less control',
      claim: 'Without the armed return from Libya (and so without the coup that followed the army’s rout), group control of northern Mali in 2012 is far lower (mean share lower by ≥ 0.15).',
      threshold: 0.8,
      variants: [historical, noReturn],
      check(seed) {
        const a = mean(runner.run(historical, seed).series('north_mali_group_share'), 8, 53);
        const b = mean(runner.run(noReturn, seed).series('north_mali_group_share'), 8, 53);
        return { holds: a - b >= 0.15, values: { withReturn: a, withoutReturn: b } };
      },
    },
    {
      id: 3,
      name: 'offensive: collapse and displacement to home or southern Libya',
      claim: 'After the 2013 offensive, group control of northern Mali falls below half its pre-offensive level; displaced foreign fighters are mostly at home or in Libya, Libya leads the non-home destinations, and northern Niger sees more fighters.',
      threshold: 0.7,
      variants: [historical],
      check(seed) {
        const run = runner.run(historical, seed);
        const share = run.series('north_mali_group_share');
        const before = mean(share, offensive - 12, offensive + 1);
        const afterShare = mean(share, offensive + 12, offensive + 31);
        // The model traces the foreign fighters in Mali when the offensive starts (destinations table).
        const rows = run.tables.destinations?.rows ?? [];
        const count = (where: string) => rows.filter((r) => r[1] === where).reduce((n, r) => n + (r[2] as number), 0);
        const elsewhere = rows.filter((r) => r[1] !== 'home' && r[1] !== 'stayed');
        const home = count('home');
        const displaced = home + elsewhere.reduce((n, r) => n + (r[2] as number), 0);
        const libya = count('LBY');
        const homeOrLibya = displaced > 0 ? (home + libya) / displaced : 0;
        const niger = run.series('fighters_northern_niger');
        const nigerBefore = mean(niger, offensive - 20, offensive + 1);
        const nigerAfter = mean(niger, offensive + 1, offensive + 31);
        const parts = { collapse: afterShare < 0.5 * before, homeOrLibya: homeOrLibya >= 0.5, libyaLeads: elsewhere[0]?.[1] === 'LBY', nigerTransit: nigerAfter > nigerBefore };
        return verdict(parts, { shareBefore: before, shareAfter: afterShare, displaced, homeOrLibyaShare: homeOrLibya, libya, nigerBefore, nigerAfter });
      },
    },
    {
      id: 4,
      name: 'cross-border attacks on Algeria via Niger or Libya',
      claim: 'Bands that stood in Niger or Libya within the cross-border window attack Algerian sites at least once.',
      threshold: 0.5,
      variants: [historical],
      check(seed) {
        const run = runner.run(historical, seed);
        const n = sum(run.series('attacks_algeria_via_niger_libya'));
        return { holds: n >= 1, values: { attacks: n, attacksAlgeria: sum(run.series('attacks_algeria')) } };
      },
    },
    {
      id: 5,
      name: 'collusion protects groups and costs trust',
      claim: 'With Mali’s collusion at 0.9 rather than 0.2: fewer operations in Mali, more revenue to groups, lower Algerian and Mauritanian trust in Mali.',
      threshold: 0.7,
      variants: [collusionHigh, collusionLow],
      check(seed) {
        const hi = runner.run(collusionHigh, seed);
        const lo = runner.run(collusionLow, seed);
        const ops = [sum(hi.series('operations_mali')), sum(lo.series('operations_mali'))] as const;
        const rev = [sum(hi.series('revenue_groups')), sum(lo.series('revenue_groups'))] as const;
        const last = (r: ValidationRun, m: string) => r.series(m)[T] as number;
        const parts = {
          fewerOps: ops[0] < ops[1],
          moreRevenue: rev[0] > rev[1],
          lessTrust: last(hi, 'trust_dza_mli') < last(lo, 'trust_dza_mli') && last(hi, 'trust_mrt_mli') < last(lo, 'trust_mrt_mli'),
        };
        return verdict(parts, { opsHigh: ops[0], opsLow: ops[1], revenueHigh: rev[0], revenueLow: rev[1], trustDzaHigh: last(hi, 'trust_dza_mli'), trustDzaLow: last(lo, 'trust_dza_mli') });
      },
    },
    {
      id: 6,
      name: 'a framework on paper changes little',
      claim: 'The pays du champ as it was (members, little operationalisation) changes destabilisation after the decision by less than 10 % against no framework.',
      threshold: 0.7,
      variants: [sq, none],
      check(seed) {
        const a = after(runner.run(sq, seed), 'destabilisation');
        const b = after(runner.run(none, seed), 'destabilisation');
        return { holds: Math.abs(a - b) <= 0.1 * Math.max(Math.abs(b), 1e-9), values: { statusQuo: a, none: b } };
      },
    },
    {
      id: 7,
      name: 'expanded pays du champ works only if Algeria engages',
      claim: 'The expanded pays du champ lowers spill-over (fighters of the Sahel’s groups in southern Libya + cross-border attacks) against the status quo, and by more than the same framework without Algeria engaging and Libya committing.',
      threshold: 0.6,
      variants: [sq, expanded, expandedLow],
      check(seed) {
        const s = spill(runner.run(sq, seed));
        const high = s - spill(runner.run(expanded, seed));
        const low = s - spill(runner.run(expandedLow, seed));
        return verdict({ gain: high > 0, moreThanNoShift: high > low }, { statusQuo: s, gainEngaged: high, gainLowEngagement: low });
      },
    },
    {
      id: 8,
      name: 'CEN-SAD no better; ECOWAS deepens the rift',
      claim: 'CEN-SAD without Algeria does not lower destabilisation by more than 5 %; an ECOWAS-centred response leaves lower trust between ECOWAS members and Algeria, Mauritania and Libya.',
      threshold: 0.7,
      variants: [sq, cenSad, ecowas],
      check(seed) {
        const base = runner.run(sq, seed);
        const a = after(base, 'destabilisation');
        const c = after(runner.run(cenSad, seed), 'destabilisation');
        const e = runner.run(ecowas, seed);
        const trustSq = trustBetween(base, ECOWAS_CORE, NORTHERN_NEIGHBOURS);
        const trustEcowas = trustBetween(e, ECOWAS_CORE, NORTHERN_NEIGHBOURS);
        return verdict({ cenSadNoBetter: c >= 0.95 * a, rift: trustEcowas < trustSq }, { statusQuo: a, cenSad: c, riftTrustStatusQuo: trustSq, riftTrustEcowas: trustEcowas });
      },
    },
    {
      id: 9,
      name: 'ransoms fund AQIM and poison Algeria–Mali trust',
      claim: 'With ransoms paid (as in the scenario) rather than none: AQIM ends with more funds and more recruits, and Algeria trusts Mali less.',
      threshold: 0.7,
      variants: [historical, noRansom],
      check(seed) {
        const paid = runner.run(historical, seed);
        const unpaid = runner.run(noRansom, seed);
        const funds = [paid.groupFunds.get('AQIM') ?? 0, unpaid.groupFunds.get('AQIM') ?? 0] as const;
        const recruits = [paid.groupRecruits.get('AQIM') ?? 0, unpaid.groupRecruits.get('AQIM') ?? 0] as const;
        const trust = [paid.series('trust_dza_mli')[T] as number, unpaid.series('trust_dza_mli')[T] as number] as const;
        return verdict(
          { moreFunds: funds[0] > funds[1], moreRecruits: recruits[0] > recruits[1], lessTrust: trust[0] < trust[1] },
          { fundsPaid: funds[0], fundsUnpaid: funds[1], recruitsPaid: recruits[0], recruitsUnpaid: recruits[1], trustPaid: trust[0], trustUnpaid: trust[1] },
        );
      },
    },
  ];
}
