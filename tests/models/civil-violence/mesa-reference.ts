/**
 * Test support: a literal, slow transcription of Mesa 3.3's `epstein_civil_violence` (agents.py,
 * model.py) — neighbourhoods as sets, lists of empty cells and of actives, `random.choice`,
 * Python's round — with its own seeded generator. The model under test shares no code with it, so
 * agreement in distribution checks the model's fast paths (seen field, probing, precomputed
 * decisions) against the rules they implement.
 */
import seedrandom from 'seedrandom';
import type { CivilViolenceParams } from '../../../src/models/civil-violence/index.ts';

interface RefAgent {
  cop: boolean;
  cell: number;
  grievance: number;
  riskAversion: number;
  /** 2 quiet, 3 active, 4 arrested (cops: 1). */
  state: number;
  jail: number;
}

function pythonRound(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d !== 0.5) return d > 0.5 ? f + 1 : f;
  return f % 2 === 0 ? f : f + 1;
}

/** Active, quiet and jailed citizens after each of `ticks` steps. */
export function mesaReferenceSeries(p: CivilViolenceParams, seed: number, ticks: number): number[][] {
  const prng = seedrandom.alea(`mesa-reference-${seed}`);
  const random = (): number => prng.double();
  const choice = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const { width, height } = p;
  const grid: (number | null)[] = new Array<number | null>(width * height).fill(null);
  const agents: RefAgent[] = [];
  for (let c = 0; c < width * height; c++) {
    const u = random();
    if (u < p.citizenDensity) {
      const h = random();
      agents.push({ cop: false, cell: c, grievance: h * (1 - p.legitimacy), riskAversion: random(), state: 2, jail: 0 });
      grid[c] = agents.length - 1;
    } else if (u < p.citizenDensity + p.copDensity) {
      agents.push({ cop: true, cell: c, grievance: 0, riskAversion: 0, state: 1, jail: 0 });
      grid[c] = agents.length - 1;
    }
  }
  const neighbourhood = (c: number, v: number): number[] => {
    const x = c % width;
    const y = Math.floor(c / width);
    const cells = new Set<number>();
    for (let dy = -v; dy <= v; dy++) {
      const span = v - Math.abs(dy);
      for (let dx = -span; dx <= span; dx++) {
        const q = ((((y + dy) % height) + height) % height) * width + ((((x + dx) % width) + width) % width);
        if (q !== c) cells.add(q);
      }
    }
    return [...cells];
  };
  const move = (id: number, empties: number[]): void => {
    if (!p.movement || empties.length === 0) return;
    const a = agents[id] as RefAgent;
    const to = choice(empties);
    grid[a.cell] = null;
    grid[to] = id;
    a.cell = to;
  };
  const series: number[][] = [];
  for (let t = 0; t < ticks; t++) {
    const order = agents.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const id of order) {
      const a = agents[id] as RefAgent;
      if (a.cop) {
        const cells = neighbourhood(a.cell, p.copVision);
        const empties = cells.filter((q) => grid[q] === null);
        const actives = cells.filter((q) => grid[q] !== null && agents[grid[q] as number]?.state === 3);
        if (actives.length > 0) {
          const arrestee = agents[grid[choice(actives)] as number] as RefAgent;
          arrestee.jail = Math.floor(random() * (p.maxJailTerm + 1));
          arrestee.state = 4;
        }
        move(id, empties);
      } else {
        if (a.jail > 0) {
          a.jail--;
          continue;
        }
        const cells = neighbourhood(a.cell, p.citizenVision);
        const empties = cells.filter((q) => grid[q] === null);
        let cops = 0;
        let actives = 1;
        for (const q of cells) {
          const other = grid[q] === null ? undefined : agents[grid[q] as number];
          if (other?.cop) cops++;
          else if (other?.state === 3) actives++;
        }
        const ratio =
          p.arrestRounding === 'floor' ? Math.floor(cops / actives) : p.arrestRounding === 'none' ? cops / actives : pythonRound(cops / actives);
        const probability = 1 - Math.exp(-p.arrestConstant * ratio);
        a.state = a.grievance - a.riskAversion * probability > p.activeThreshold ? 3 : 2;
        move(id, empties);
      }
    }
    const row = [0, 0, 0];
    for (const a of agents) if (!a.cop) (row[a.state === 3 ? 0 : a.state === 2 ? 1 : 2] as number)++;
    series.push(row);
  }
  return series;
}
