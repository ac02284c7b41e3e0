import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runSimulation } from '../../../src/engine/index.ts';
import {
  ACTIVE,
  JAILED,
  civilViolenceModel,
  createCivilViolenceSimulation,
  defaultCivilViolenceParams,
  type CivilViolenceParams,
} from '../../../src/models/civil-violence/index.ts';
import { worldProblems } from './check-world.ts';
import { mesaReferenceSeries } from './mesa-reference.ts';

const params = (overrides: Partial<CivilViolenceParams> = {}): CivilViolenceParams => ({ ...defaultCivilViolenceParams, ...overrides });

function series(p: CivilViolenceParams, seed: number, ticks: number): number[][] {
  const { recorder } = runSimulation(civilViolenceModel, p, seed, ticks);
  return civilViolenceModel.metrics.map((m) => Array.from(recorder.column(m)));
}

describe('civilViolenceModel', () => {
  it('names itself and its metrics', () => {
    expect(civilViolenceModel.name).toBe('civil-violence');
    expect(civilViolenceModel.metrics).toEqual(['active', 'quiet', 'jailed']);
  });

  it('places citizens and cops with the default densities and starts everyone quiet', () => {
    const sim = createCivilViolenceSimulation(params(), 1);
    const { world } = sim;
    expect(world.citizens).toBe(1089);
    expect(world.cops).toBe(142);
    const out = new Float64Array(3);
    sim.measure(out);
    expect(Array.from(out)).toEqual([0, 1089, 0]);
  });

  it('conserves the citizens: active + quiet + jailed equals the initial number every tick', () => {
    const [active, quiet, jailed] = series(params(), 1, 200);
    const citizens = quiet![0]!;
    for (let t = 0; t <= 200; t++) expect(active![t]! + quiet![t]! + jailed![t]!).toBe(citizens);
    expect(Math.max(...jailed!)).toBeGreaterThan(0);
  });

  it('never puts two agents on one cell and keeps every field consistent with the agents', () => {
    const sim = createCivilViolenceSimulation(params({ legitimacy: 0.5, maxJailTerm: 20 }), 3);
    expect(worldProblems(sim.world)).toEqual([]);
    for (let t = 0; t < 40; t++) {
      sim.step();
      expect(worldProblems(sim.world, { seen: t % 10 === 9 })).toEqual([]);
    }
    expect(sim.world.active + sim.world.jailed).toBeGreaterThan(0);
  });

  it('gives the same metric series for the same seed', () => {
    expect(series(params(), 42, 100)).toEqual(series(params(), 42, 100));
  });

  it('gives different series for different seeds', () => {
    expect(series(params(), 1, 100)).not.toEqual(series(params(), 2, 100));
  });

  it('keeps everyone quiet at legitimacy 1, where grievance H(1 − L) is 0', () => {
    const [active, quiet, jailed] = series(params({ legitimacy: 1, copDensity: 0 }), 5, 50);
    expect(Math.max(...active!)).toBe(0);
    expect(Math.max(...jailed!)).toBe(0);
    expect(new Set(quiet).size).toBe(1);
  });

  it('turns every citizen with G > T active when there are no cops', () => {
    // P = 1 − exp(0) = 0 without cops, so rule A reduces to G > T.
    const sim = createCivilViolenceSimulation(params({ copDensity: 0, legitimacy: 0.2 }), 9);
    const { grievance } = sim.world.agents.columns;
    let expected = 0;
    for (let k = 0; k < sim.world.agents.count; k++) if (grievance[sim.world.agents.ids[k]!]! > 0.1) expected++;
    sim.step();
    expect(sim.world.active).toBe(expected);
    expect(expected).toBe(975);
    expect(sim.world.active / sim.world.citizens).toBeGreaterThan(0.8);
  });

  it('never gives a jail term above the maximum, which is reached', () => {
    const sim = createCivilViolenceSimulation(params({ legitimacy: 0.4, maxJailTerm: 3 }), 11);
    const { state, jailTerm } = sim.world.agents.columns;
    let longest = 0;
    for (let t = 0; t < 60; t++) {
      sim.step();
      for (let k = 0; k < sim.world.agents.count; k++) {
        const id = sim.world.agents.ids[k]!;
        if (state[id] === JAILED) longest = Math.max(longest, jailTerm[id]!);
      }
    }
    expect(longest).toBe(3);
  });

  it('releases a citizen sentenced to 0 ticks on its next step, so no more are jailed than cops arrest in a tick', () => {
    const p = params({ legitimacy: 0.3, maxJailTerm: 0 });
    const sim = createCivilViolenceSimulation(p, 13);
    let arrestsSeen = 0;
    for (let t = 0; t < 50; t++) {
      sim.step();
      expect(sim.world.jailed).toBeLessThanOrEqual(sim.world.cops);
      arrestsSeen += sim.world.jailed;
    }
    expect(arrestsSeen).toBeGreaterThan(0);
  });

  it('keeps jailed citizens on their cell under keep-cell and off the grid under leave-grid', () => {
    for (const jailedAgents of ['keep-cell', 'leave-grid'] as const) {
      const sim = createCivilViolenceSimulation(params({ legitimacy: 0.4, maxJailTerm: 30, jailedAgents }), 17);
      for (let t = 0; t < 20; t++) sim.step();
      const { world } = sim;
      const { state, cell } = world.agents.columns;
      let jailed = 0;
      for (let k = 0; k < world.agents.count; k++) {
        const id = world.agents.ids[k]!;
        if (state[id] !== JAILED) continue;
        jailed++;
        expect(world.occupant[cell[id]!] === id).toBe(jailedAgents === 'keep-cell');
      }
      expect(jailed).toBeGreaterThan(0);
      expect(worldProblems(world)).toEqual([]);
    }
  });

  it('rejects citizenDensity + copDensity above 1 with a RangeError', () => {
    expect(() => createCivilViolenceSimulation(params({ citizenDensity: 0.8, copDensity: 0.3 }), 1)).toThrow(RangeError);
    expect(() => createCivilViolenceSimulation(params({ citizenDensity: 0.7, copDensity: 0.3 }), 1)).not.toThrow();
  });

  it('runs a full grid, where nobody can move', () => {
    const sim = createCivilViolenceSimulation(params({ width: 10, height: 10, citizenDensity: 0.9, copDensity: 0.1, legitimacy: 0.3 }), 2);
    for (let t = 0; t < 10; t++) sim.step();
    expect(worldProblems(sim.world)).toEqual([]);
  });

  it('keeps counts, occupancy and the seen field consistent on any small torus (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          width: fc.integer({ min: 1, max: 12 }),
          height: fc.integer({ min: 1, max: 12 }),
          citizenDensity: fc.double({ min: 0, max: 0.9, noNaN: true }),
          copShare: fc.double({ min: 0, max: 1, noNaN: true }),
          citizenVision: fc.integer({ min: 1, max: 5 }),
          copVision: fc.integer({ min: 1, max: 5 }),
          legitimacy: fc.double({ min: 0, max: 1, noNaN: true }),
          maxJailTerm: fc.integer({ min: 0, max: 6 }),
          movement: fc.boolean(),
          arrestRounding: fc.constantFrom('half-even' as const, 'floor' as const, 'none' as const),
          jailedAgents: fc.constantFrom('keep-cell' as const, 'leave-grid' as const),
          seed: fc.integer({ min: 0, max: 1_000_000 }),
        }),
        ({ copShare, seed, ...rest }) => {
          const p = params({ ...rest, copDensity: (1 - rest.citizenDensity) * copShare });
          const sim = createCivilViolenceSimulation(p, seed);
          const citizens = sim.world.citizens;
          for (let t = 0; t < 12; t++) {
            sim.step();
            expect(sim.world.active + sim.world.quiet + sim.world.jailed).toBe(citizens);
            expect(worldProblems(sim.world)).toEqual([]);
          }
        },
      ),
      { numRuns: 150, seed: 20020514 },
    );
  });

  it('agrees in distribution with a literal transcription of Mesa’s rules', () => {
    // Same parameters, independent draws: the mean counts over 12 seeds × 40 ticks must agree
    // within 4 standard errors of their difference.
    for (const overrides of [
      { width: 20, height: 20, legitimacy: 0.5, maxJailTerm: 15 },
      { width: 20, height: 20, legitimacy: 0.7, copDensity: 0.04, maxJailTerm: 15, arrestRounding: 'floor' as const },
    ]) {
      const p = params(overrides);
      const ours: number[] = [];
      const reference: number[] = [];
      for (let s = 0; s < 12; s++) {
        const [active] = series(p, 500 + s, 40);
        ours.push(mean(active!.slice(1)));
        reference.push(mean(mesaReferenceSeries(p, s, 40).map((row) => row[0]!)));
      }
      const se = Math.sqrt(variance(ours) / ours.length + variance(reference) / reference.length);
      expect(Math.abs(mean(ours) - mean(reference))).toBeLessThan(4 * se);
    }
  });

  it('shows punctuated outbursts with NetLogo Rebellion’s parameters and floor rounding, and none with the paper’s unrounded formula', () => {
    const rebellion = params({ copDensity: 0.04, legitimacy: 0.82, maxJailTerm: 30, arrestRounding: 'floor' });
    const late = series(rebellion, 1, 500)[0]!.slice(51);
    // Bursts: rises to ≥ 50 actives from < 10, after the opening transient.
    expect(Math.max(...late)).toBe(216);
    expect(bursts(late)).toBe(15);
    expect(late.filter((a) => a < 10).length).toBeGreaterThan(late.length / 2);
    const flat = series({ ...rebellion, arrestRounding: 'none' }, 1, 500)[0]!.slice(51);
    expect(Math.max(...flat)).toBe(14);
    expect(bursts(flat)).toBe(0);
  });

  it('records actives only where citizens are active', () => {
    const sim = createCivilViolenceSimulation(params({ legitimacy: 0.5 }), 21);
    for (let t = 0; t < 10; t++) sim.step();
    let onGrid = 0;
    for (let c = 0; c < sim.world.grid.size; c++) if (sim.world.code[c] === ACTIVE) onGrid++;
    expect(onGrid).toBe(sim.world.active);
  });
});

/** Rises to ≥ 50 actives from below 10. */
function bursts(active: number[]): number {
  let count = 0;
  let armed = false;
  for (const a of active) {
    if (armed && a >= 50) {
      count++;
      armed = false;
    } else if (!armed && a < 10) {
      armed = true;
    }
  }
  return count;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function variance(xs: number[]): number {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
}
