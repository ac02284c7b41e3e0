import { SimError } from '../src/errors.ts';

/** The SimError `run` throws; fails the test when it throws something else or nothing. */
export function simErrorOf(run: () => unknown): SimError {
  try {
    run();
  } catch (error) {
    if (error instanceof SimError) return error;
    throw error;
  }
  throw new Error('expected a SimError');
}
