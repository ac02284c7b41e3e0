/**
 * Cell codes — what a neighbour sees on a cell — and agent kinds. A citizen's state uses the same
 * numbers as its cell's code (QUIET, ACTIVE, JAILED), and a cop's state is COP, so a cell's code
 * is the state of the agent on it.
 */
export const EMPTY = 0;
export const COP = 1;
export const QUIET = 2;
export const ACTIVE = 3;
export const JAILED = 4;

export const CITIZEN_KIND = 0;
export const COP_KIND = 1;
