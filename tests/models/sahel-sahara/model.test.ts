import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../src/engine/index.ts';
import { SAHEL_METRICS, SahelSaharaSimulation, sahelSaharaModel, type SahelSaharaParams, type World } from '../../../src/models/sahel-sahara/index.ts';
import { metricRegions } from '../../../src/models/sahel-sahara/metrics.ts';
import { reachOfStates } from '../../../src/models/sahel-sahara/haven.ts';
import { cooperationTarget } from '../../../src/models/sahel-sahara/relations.ts';
import { cellOf } from '../../../src/geo/index.ts';
import { CONTROL_CONTESTED, CONTROL_NONE, CONTROL_STATE } from '../../../src/models/sahel-sahara/world.ts';
import { resolveScenario } from '../../../src/scenario/index.ts';

const small = resolveScenario('tests/fixtures/sahel-small.yaml').scenario;
const params = small.params as unknown as SahelSaharaParams;
const TICKS = small.ticks;

/** Tick of the fixture's events: returnees (2012-01-09), coup (2012-03-26), offensive (2012-05-21). */
const RETURNEES_TICK = 1;
const COUP_TICK = 12;
const OFFENSIVE_TICK = 20;

function run(p: SahelSaharaParams, seed: number, ticks = TICKS) {
  return runSimulation(sahelSaharaModel, p, seed, ticks);
}

function metric(out: Float64Array, name: (typeof SAHEL_METRICS)[number]): number {
  return out[SAHEL_METRICS.indexOf(name)] as number;
}

function groupFighters(world: World, group: string): number {
  const g = world.groups.indexOf(group);
  const b = world.bands.columns;
  let total = 0;
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k]!;
    if (b.group[id] === g) total += b.fighters[id]!;
  }
  return total;
}

/** Every invariant of MODEL.md §2–3 that must hold between ticks, as readable problems. */
function worldProblems(sim: SahelSaharaSimulation): string[] {
  const world = sim.world;
  const at = `tick ${world.tick}`;
  const problems: string[] = [];
  const b = world.bands.columns;
  const K = world.nationalities.length;
  for (let k = 0; k < world.bands.count; k++) {
    const id = world.bands.ids[k]!;
    const fighters = b.fighters[id]!;
    let sum = 0;
    for (let j = 0; j < K; j++) {
      const n = b.nationals[id * K + j]!;
      if (!(n >= 0)) problems.push(`${at}: band ${id} has ${n} fighters of nationality ${world.nationalities[j]}`);
      sum += n;
    }
    if (!(fighters >= 0) || !Number.isFinite(fighters)) problems.push(`${at}: band ${id} has ${fighters} fighters`);
    if (!(Math.abs(fighters - sum) <= 1e-6)) problems.push(`${at}: band ${id} has ${fighters} fighters but its nationals sum to ${sum}`);
    const cell = b.cell[id]!;
    if (cell < 0 || cell >= world.size || world.land[cell] !== 1) problems.push(`${at}: band ${id} stands on cell ${cell}, which is not land`);
  }
  const G = world.groups.length;
  for (let c = 0; c < world.size; c++) {
    const v = world.control[c]!;
    const valid = v === CONTROL_NONE || v === CONTROL_STATE || v === CONTROL_CONTESTED || (v >= 1 && v <= G);
    if (!valid) problems.push(`${at}: cell ${c} has control code ${v}`);
    if (world.land[c] !== 1 && v !== CONTROL_NONE) problems.push(`${at}: sea cell ${c} is controlled (${v})`);
    if (!(world.presence[c]! >= 0)) problems.push(`${at}: cell ${c} has presence ${world.presence[c]}`);
    // Phases skip cells no group has reached (footprint.ts): there every network and strength is 0.
    if (world.reached[c] === 0) {
      for (let g = 0; g < G; g++) {
        if (world.network[g * world.size + c] !== 0 || world.strength[g * world.size + c] !== 0) problems.push(`${at}: unreached cell ${c} has network or strength of group ${g}`);
      }
    }
  }
  const listed = new Set(world.reachedCells.subarray(0, world.reachedCount));
  if (listed.size !== world.reachedCount || world.reached.reduce((n, r) => n + r, 0) !== listed.size) problems.push(`${at}: reached cells and their list disagree`);
  const C = world.countryCount;
  for (let i = 1; i < C; i++) {
    for (let j = 1; j < C; j++) {
      const t = world.trust[i * C + j]!;
      if (!(t >= 0 && t <= 1)) problems.push(`${at}: trust ${world.countries[i]}-${world.countries[j]} is ${t}`);
    }
  }
  const out = new Float64Array(SAHEL_METRICS.length);
  sim.measure(out);
  const share = metric(out, 'north_mali_group_share');
  if (!(share >= 0 && share <= 1)) problems.push(`${at}: north_mali_group_share is ${share}`);
  return problems;
}

/** Problems found after construction and after every tick of a run. */
function problemsOverRun(p: SahelSaharaParams, seed: number, ticks = TICKS): string[] {
  const sim = new SahelSaharaSimulation(p, seed);
  const problems = worldProblems(sim);
  for (let t = 0; t < ticks; t++) {
    sim.step();
    problems.push(...worldProblems(sim));
  }
  return problems;
}

describe('sahelSaharaModel', () => {
  it('names itself and records every metric of MODEL.md §4 once per tick, tick 0 included', () => {
    expect(sahelSaharaModel.name).toBe('sahel-sahara');
    const { recorder, ticks } = run(params, 1);
    expect(ticks).toBe(30);
    expect(recorder.metrics).toEqual(SAHEL_METRICS);
    expect(recorder.length).toBe(31);
    // The four starting bands: 150 + 100 AQIM and 100 + 100 MNLA fighters.
    expect(recorder.column('fighters')[0]).toBe(450);
  });

  it('gives identical metric columns and tables for the same seed', () => {
    const a = run(params, 7);
    const b = run(params, 7);
    for (const m of SAHEL_METRICS) expect(a.recorder.column(m), m).toEqual(b.recorder.column(m));
    expect(a.tables).toEqual(b.tables);
    expect(Object.keys(a.tables).sort()).toEqual(['destinations', 'displacement', 'frameworks', 'groups', 'relations']);
  });

  it('gives different series for another seed', () => {
    const a = run(params, 7);
    const b = run(params, 8);
    const differs = SAHEL_METRICS.some((m) => a.recorder.column(m).some((v, t) => v !== b.recorder.column(m)[t]));
    expect(differs).toBe(true);
  });

  it('keeps bands, control, trust and presence consistent after every tick', () => {
    for (const seed of [1, 2, 3]) expect(problemsOverRun(params, seed), `seed ${seed}`).toEqual([]);
  });

  it('keeps the same invariants for any seed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        expect(problemsOverRun(params, seed)).toEqual([]);
      }),
      { numRuns: 10, seed: 20120109 },
    );
  });
});

describe('sahelSaharaModel events', () => {
  it('adds returnees as armed bands, less the share the receiving state disarms', () => {
    // Dated at the start, the event applies while the world is built, before any phase runs.
    const atStart = produce(params, (d) => {
      const e = d.events.find((x) => x.type === 'returnees')!;
      e.date = d.start;
    });
    const before = groupFighters(new SahelSaharaSimulation(params, 1).world, 'MNLA');
    const world = new SahelSaharaSimulation(atStart, 1).world;
    // Mali disarms 5 %: 600 × 0.95 = 570 armed, split evenly between Kidal and Gao.
    expect(before).toBe(200);
    expect(groupFighters(world, 'MNLA')).toBeCloseTo(200 + 600 * (1 - 0.05), 9);
    // Returnees are the bands that crossed a border at tick 0; the scenario's own bands never did.
    const b = world.bands.columns;
    const mli = world.nationalities.indexOf('MLI');
    const K = world.nationalities.length;
    const added = Array.from(world.bands.ids.subarray(0, world.bands.count)).filter((id) => b.crossedAt[id] === 0);
    expect(added.map((id) => b.fighters[id])).toEqual([285, 285]);
    for (const id of added) {
      expect(b.nationals[id * K + mli]).toBe(285);
      expect(world.countries[world.owner[b.cell[id]!]!]).toBe('MLI');
    }
  });

  it('lets Niger disarm most of its returnees (returneeDisarmament 0.7)', () => {
    const toNiger = produce(params, (d) => {
      const e = d.events.find((x) => x.type === 'returnees')!;
      if (e.type !== 'returnees') throw new Error('expected a returnees event');
      e.date = d.start;
      e.to = 'NER';
      e.at = ['Agadez'];
    });
    const world = new SahelSaharaSimulation(toNiger, 1).world;
    expect(groupFighters(world, 'MNLA')).toBeCloseTo(200 + 600 * (1 - 0.7), 9);
  });

  it('adds the armed returnees during their tick, give or take that tick’s recruits and losses', () => {
    const sim = new SahelSaharaSimulation(params, 3);
    const before = groupFighters(sim.world, 'MNLA');
    const recruitsBefore = sim.world.groupRecruits[sim.world.groups.indexOf('MNLA')]!;
    sim.step();
    expect(sim.tick).toBe(RETURNEES_TICK);
    const gained = groupFighters(sim.world, 'MNLA') - before;
    const recruits = sim.world.groupRecruits[sim.world.groups.indexOf('MNLA')]! - recruitsBefore;
    const armed = 600 * (1 - 0.05);
    expect(gained).toBeLessThanOrEqual(armed + recruits + 1e-9);
    expect(gained).toBeGreaterThanOrEqual(armed - sim.world.tally.fightersKilled - 1e-9);
  });

  it('changes policy parameters from the set event’s tick on, without touching the scenario it was given', () => {
    const sim = new SahelSaharaSimulation(params, 1);
    const mli = sim.world.countries.indexOf('MLI');
    while (sim.tick < COUP_TICK - 1) sim.step();
    expect(sim.world.capacity[mli]).toBe(0.35);
    expect(sim.world.legitimacy[mli]).toBe(0.4);
    sim.step();
    expect(sim.world.capacity[mli]).toBe(0.2);
    expect(sim.world.legitimacy[mli]).toBe(0.25);
    expect(sim.world.params.states.MLI?.capacity).toBe(0.2);
    expect(params.states.MLI?.capacity).toBe(0.35);
  });

  it('runs an offensive for its weeks and then ends it', () => {
    const sim = new SahelSaharaSimulation(params, 1);
    const gao = sim.world.places.find((p) => p.name === 'Gao')!.cell;
    while (sim.tick < OFFENSIVE_TICK - 1) sim.step();
    expect(sim.world.offensives).toHaveLength(0);
    expect(sim.world.external[gao]).toBe(0);
    sim.step();
    expect(sim.world.offensives).toHaveLength(1);
    expect(sim.world.offensives[0]?.untilTick).toBe(OFFENSIVE_TICK + 8 - 1);
    // Full strength at the centre: 0.8 × (1 − 0.5 × d / radius), d < one 1° cell.
    expect(sim.world.external[gao]).toBeGreaterThan(0.7);
    while (sim.tick < OFFENSIVE_TICK + 8) sim.step();
    expect(sim.world.offensives).toHaveLength(0);
    expect(sim.world.external[gao]).toBe(0);
  });

  it('shares every draw before a changed event (common random numbers)', () => {
    const weaker = produce(params, (d) => {
      const e = d.events.find((x) => x.type === 'offensive')!;
      if (e.type !== 'offensive') throw new Error('expected an offensive event');
      e.strength = 0.2;
    });
    for (const seed of [1, 2]) {
      const a = run(params, seed).recorder;
      const b = run(weaker, seed).recorder;
      for (const m of SAHEL_METRICS) expect(b.column(m).subarray(0, OFFENSIVE_TICK), `${m}, seed ${seed}`).toEqual(a.column(m).subarray(0, OFFENSIVE_TICK));
      const later = SAHEL_METRICS.some((m) => a.column(m).subarray(OFFENSIVE_TICK).some((v, t) => v !== b.column(m)[OFFENSIVE_TICK + t]));
      expect(later, `seed ${seed}`).toBe(true);
    }
  });
});

describe('displacement and isolation mechanisms', () => {
  it('lets a band feel the pressure that drove it out fade by pressureMemory a week, never faster', () => {
    const sim = new SahelSaharaSimulation(params, 3);
    const memory = sim.world.tuning.pressureMemory;
    let before = new Map<number, number>();
    let remembered = 0;
    for (let t = 0; t < TICKS; t++) {
      sim.step();
      const w = sim.world;
      const now = new Map<number, number>();
      for (let k = 0; k < w.bands.count; k++) {
        const id = w.bands.ids[k]!;
        const felt = w.bands.columns.pressure[id]!;
        now.set(id, felt);
        const last = before.get(id);
        // Float32 storage: allow its rounding.
        if (last !== undefined && last > 0) {
          expect(felt).toBeGreaterThanOrEqual(memory * last * (1 - 1e-6));
          if (felt < last) remembered++;
        }
      }
      before = now;
    }
    expect(remembered).toBeGreaterThan(0);
  });

  it('takes presence from posts whose region groups hold (isolation), the more so the larger the share', () => {
    const sim = new SahelSaharaSimulation(params, 1);
    while (sim.tick < RETURNEES_TICK + 4) sim.step();
    const presenceAfterOneTick = (isolation: number, held: boolean): Float64Array => {
      const copy = sim.resumeUnder(produce(params, (d) => { d.tuning = { ...d.tuning, isolation }; }));
      const w = copy.world;
      // Every land cell held by the first group, or none: the region around every post has fallen, or not.
      for (const c of w.landCells) w.control[c] = held ? 1 : CONTROL_STATE;
      for (const c of w.landCells) if (held) w.reached[c] = 1;
      w.reachedCount = 0;
      for (const c of w.landCells) if (w.reached[c] === 1) w.reachedCells[w.reachedCount++] = c;
      copy.step();
      return w.presence;
    };
    const kayes = sim.world.places.find((p) => p.name === 'Kayes') ?? sim.world.places.find((p) => p.name === 'Bamako')!;
    const free = presenceAfterOneTick(1.8, false)[kayes.cell]!;
    const isolated = presenceAfterOneTick(1.8, true)[kayes.cell]!;
    const ignored = presenceAfterOneTick(0, true)[kayes.cell]!;
    expect(isolated).toBeLessThan(0.9 * free);
    expect(ignored).toBeGreaterThan(isolated);
  });
});

describe('metric regions', () => {
  it('counts northern Mali as Mali north of 15°N and east of 6°W: Timbuktu, Gao and Kidal, not Nioro or Nara', () => {
    const { scenario } = resolveScenario('scenarios/sahel-sahara-2012.yaml');
    const sim = new SahelSaharaSimulation(scenario.params as SahelSaharaParams, 1);
    const w = sim.world;
    const north = new Set(metricRegions(w).northMali);
    const cellAt = (lon: number, lat: number) => cellOf(w.spec, lon, lat);
    for (const name of ['Timbuktu', 'Gao', 'Kidal', 'Tessalit', 'Menaka', 'Lere']) expect(north.has(w.places.find((p) => p.name === name)!.cell), name).toBe(true);
    expect(w.owner[cellAt(-9.6, 15.2)]).toBe(w.countries.indexOf('MLI'));
    expect(north.has(cellAt(-9.6, 15.2)), 'Nioro du Sahel').toBe(false);
    expect(north.has(cellAt(-7.28, 15.16)), 'Nara').toBe(false);
    expect(north.has(w.places.find((p) => p.name === 'Mopti-Sevare')!.cell), 'Mopti').toBe(false);
  });
});

describe('the balloon index', () => {
  const run = (set: string[]) => {
    const { scenario } = resolveScenario('tests/fixtures/sahel-small.yaml', { set });
    const sim = new SahelSaharaSimulation(scenario.params as SahelSaharaParams, 1);
    while (sim.tick < scenario.ticks) sim.step();
    return sim.tables();
  };

  it('is written only when the scenario has a decision date', () => {
    expect(run([]).indices).toBeUndefined();
    const indices = run(['decision=2012-03-05']).indices!;
    expect(indices.columns).toEqual(['balloon_index', 'members_change', 'neighbours_change']);
    const [balloon, members, neighbours] = indices.rows[0] as [number, number, number];
    expect(Number.isFinite(members) && Number.isFinite(neighbours)).toBe(true);
    // Defined exactly when the members' activity fell, as the share of it that reappeared next door.
    if (members < 0) expect(balloon).toBeCloseTo(neighbours / -members, 12);
    else expect(balloon).toBeNaN();
  });
});

describe('framework operationalisation and reach', () => {
  const world = () => new SahelSaharaSimulation(params, 1).world;

  it('aims operationalisation in proportion to the leader’s engagement (the seed’s “first and foremost”)', () => {
    const w = world();
    const f = w.frameworks[0]!;
    const dza = w.countries.indexOf('DZA');
    w.engagement[dza] = 0.3;
    const low = cooperationTarget(w, f);
    w.engagement[dza] = 0.8;
    const high = cooperationTarget(w, f);
    expect(low).toBeGreaterThan(0);
    expect(high / low).toBeCloseTo(0.8 / 0.3, 10);
    expect(high).toBeLessThan(1);
  });

  it('aims lower when the other members are disengaged or distrust the leader, and at nothing when none engage', () => {
    const w = world();
    const f = w.frameworks[0]!;
    const C = w.countryCount;
    const [dza, mli, ner] = ['DZA', 'MLI', 'NER'].map((iso) => w.countries.indexOf(iso)) as [number, number, number];
    const base = cooperationTarget(w, f);
    w.trust[dza * C + mli] = 0;
    w.trust[mli * C + dza] = 0;
    expect(cooperationTarget(w, f)).toBeLessThan(base);
    w.engagement[mli] = 0;
    w.engagement[ner] = 0;
    expect(cooperationTarget(w, f)).toBe(0);
  });

  it('lets an operational framework’s partners reach a weak member’s soil, never beyond full capacity', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (op) => {
        const w = world();
        const f = w.frameworks[0]!;
        f.operationalisation = op;
        const reach = reachOfStates(w);
        const mli = w.countries.indexOf('MLI');
        const lby = w.countries.indexOf('LBY');
        // Libya is not a member: only its own capacity counts.
        expect(reach[lby]).toBe(w.capacity[lby]);
        expect(reach[mli]).toBeGreaterThanOrEqual(w.capacity[mli]!);
        expect(reach[mli]).toBeLessThanOrEqual(1);
        if (op > 0.01) expect(reach[mli]).toBeGreaterThan(w.capacity[mli]!);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the map-derived layout shared between runs', () => {
  it('is shared by runs of the same map and tuning distances, and rebuilt when one of them changes', () => {
    const a = new SahelSaharaSimulation(params, 1).world;
    const b = new SahelSaharaSimulation(params, 2).world;
    expect(b.homePull).toBe(a.homePull);
    const farther = produce(params, (p) => {
      p.tuning.homeKm = 2 * params.tuning.homeKm;
    });
    const c = new SahelSaharaSimulation(farther, 1).world;
    expect(c.homePull).not.toBe(a.homePull);
    const i = a.homePull.findIndex((v) => v > 0 && v < 1);
    expect(c.homePull[i]).toBeCloseTo(Math.sqrt(a.homePull[i]!), 5);
    expect(c.capitalKm).not.toBe(a.capitalKm);
    expect(c.capitalKm).toEqual(a.capitalKm);
  });
});
