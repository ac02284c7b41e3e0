/** Seed lists as users write them: `7`, `1..5` (inclusive), `1,4,9`, or a mix `1..3,10`. */
import { SimError } from '../errors.ts';

const MAX_SEED = 2 ** 32 - 1;
const MAX_SEEDS = 100_000;

export function parseSeedList(text: string): number[] {
  const fail = (why: string): never => {
    throw new SimError('SIM_ERR_SEEDS', `seeds "${text}": ${why}; expected N, A..B or A,B,C (non-negative integers)`, [
      { file: '--seeds', message: why },
    ]);
  };
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const range = /^\s*(\d+)\s*\.\.\s*(\d+)\s*$/.exec(part);
    const single = /^\s*(\d+)\s*$/.exec(part);
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (b < a) fail(`the range ${a}..${b} is empty`);
      if (b - a + 1 + seeds.length > MAX_SEEDS) fail(`more than ${MAX_SEEDS} seeds`);
      for (let s = a; s <= b; s++) seeds.push(s);
    } else if (single) {
      seeds.push(Number(single[1]));
    } else {
      fail(`"${part.trim()}" is not a seed or a range`);
    }
  }
  for (const s of seeds) if (s > MAX_SEED) fail(`${s} is larger than ${MAX_SEED}`);
  if (new Set(seeds).size !== seeds.length) fail('a seed is listed twice, which would count one run twice');
  return seeds;
}
