/** The Sahel-Sahara regional security model (MODEL.md §1–6). */
export { sahelSaharaModel, SahelSaharaSimulation } from './model.ts';
export { SahelSaharaParamsSchema } from './params.ts';
export { SAHEL_METRICS } from './metrics.ts';
export { checkSahelSahara } from './check.ts';
export { DISPLACEMENT_WEEKS } from './cohort.ts';
export { dateOfTick, tickOfDate } from './calendar.ts';

export type { SahelSaharaParams } from './params.ts';
export type { World } from './world.ts';
