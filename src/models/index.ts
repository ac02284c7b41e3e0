/** The models: the regional security model and Epstein's civil violence, behind one registry. */
export { MODELS, modelNames } from './registry.ts';
export {
  sahelSaharaModel,
  SahelSaharaSimulation,
  SahelSaharaParamsSchema,
  SAHEL_METRICS,
  dateOfTick,
  DISPLACEMENT_WEEKS,
  tickOfDate,
} from './sahel-sahara/index.ts';
export { civilViolenceModel, CivilViolenceParamsSchema } from './civil-violence/index.ts';

export type { RegisteredModel } from './registry.ts';
export type { SahelSaharaParams } from './sahel-sahara/index.ts';
