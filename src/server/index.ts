/** The web view's server: `buildApp()` (Fastify plugins and routes over a results folder). */
export { buildApp, BODY_LIMIT } from './app.ts';
export { MAX_ROWS, MAX_SERIES_VALUES, TABLE_NAMES } from './schemas.ts';

export type { AppOptions } from './app.ts';
