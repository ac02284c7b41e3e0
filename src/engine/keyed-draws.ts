/**
 * Contract: draws keyed by (seed, name, tick, key, salt) — what an agent draws at a tick depends
 * on who it is and when, not on how many draws other agents made before it.
 *
 * Why: a named stream (random-streams.ts) gives two runs with the same seed the same sequence of
 * draws, but agents take them in turn. Once two runs differ by one conditional draw (a band that
 * splits in one run and not the other), every later agent of that phase gets another agent's
 * numbers, and the runs decorrelate completely within a few ticks. A comparison of options then
 * pays the full noise of two independent runs. Keyed draws keep the common random numbers
 * synchronised (Glasserman & Yao 1992; Law, "Simulation Modeling and Analysis", §11.2: give each
 * entity its own random numbers): a band that is the same band in both runs draws the same
 * numbers, so the runs differ only where the option really changes something.
 *
 * `at(tick, key, salt)` positions the draws; `next()` then gives that position's sequence. The
 * generator is sfc32 (Doerr's small fast chaotic generator, PractRand-clean), seeded through
 * MurmurHash3's finaliser and warmed up by a few outputs. Nothing of the state
 * outlives a position, so a checkpoint needs only the seed.
 */
import { Draws } from './draws.ts';

/** MurmurHash3's 32-bit finaliser: full avalanche of a 32-bit word. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit key from two: for entities made from others (a band split off a band). */
export function combineKeys(a: number, b: number): number {
  return mix32((mix32(a) + Math.imul(b ^ 0x9e3779b9, 0x27d4eb2f)) >>> 0);
}

/** A 32-bit hash of a string (FNV-1a, then mixed), for stream names. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return mix32(h >>> 0);
}

/**
 * Outputs discarded after seeding: sfc32's author uses 12 for a seed of one word spread over three;
 * here the three words are hashed apart already, and 8 outputs make every bit of the first
 * draw depend on every bit of the seed (checked in the tests).
 */
const WARM_UP = 8;

export class KeyedDraws extends Draws {
  readonly name: string;
  private readonly base: number;
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 1;
  private tick = -1;
  private tickBase = 0;

  constructor(seed: number, name: string) {
    super();
    this.name = name;
    this.base = combineKeys(hashString(`${seed}`), hashString(name));
    this.at(0, 0);
  }

  /** Positions the draws at (tick, key, salt) and returns this. */
  at(tick: number, key: number, salt = 0): this {
    // A phase positions its draws once per band and tick: the tick's part is hashed once.
    if (tick !== this.tick) {
      this.tick = tick;
      this.tickBase = combineKeys(this.base, tick);
    }
    const h = combineKeys(salt === 0 ? this.tickBase : combineKeys(this.tickBase, salt), key);
    this.a = h;
    this.b = mix32(h ^ 0x6a09e667);
    this.c = mix32(h ^ 0xbb67ae85);
    this.d = 1;
    this.spareNormal = Number.NaN;
    for (let k = 0; k < WARM_UP; k++) this.step();
    return this;
  }

  /** One sfc32 output. */
  private step(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.step() >>> 5;
    const lo = this.step() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }
}
