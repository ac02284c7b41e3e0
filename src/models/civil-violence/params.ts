/**
 * The parameters of Epstein's civil violence model (Epstein 2002, Model I), as one TypeBox schema:
 * what a scenario file may say under `params`. Defaults are those of Mesa 3.3's
 * `epstein_civil_violence` example, so that the two run identical work; the options marked
 * "paper" / "NetLogo" select the rules where Mesa departs from them (see `model.ts`).
 */
import { Type, type Static } from '@sinclair/typebox';

/** Largest vision radius: keeps the per-cell counts of a vision scan below 2^16 (`vision.ts`). */
export const MAX_VISION = 100;

export const CivilViolenceParamsSchema = Type.Object(
  {
    width: Type.Integer({ minimum: 1, maximum: 4096, default: 40, description: 'Grid width in cells (the grid is a torus).' }),
    height: Type.Integer({ minimum: 1, maximum: 4096, default: 40, description: 'Grid height in cells (the grid is a torus).' }),
    citizenDensity: Type.Number({
      minimum: 0,
      maximum: 1,
      default: 0.7,
      description: 'Chance that a cell starts with a citizen; citizenDensity + copDensity must not exceed 1.',
    }),
    copDensity: Type.Number({ minimum: 0, maximum: 1, default: 0.074, description: 'Chance that a cell starts with a cop.' }),
    citizenVision: Type.Integer({
      minimum: 1,
      maximum: MAX_VISION,
      default: 7,
      description: 'Citizen vision v: radius of the von Neumann (Manhattan) diamond a citizen sees, 2v(v+1) cells.',
    }),
    copVision: Type.Integer({
      minimum: 1,
      maximum: MAX_VISION,
      default: 7,
      description: 'Cop vision v*: radius of the von Neumann (Manhattan) diamond a cop sees.',
    }),
    legitimacy: Type.Number({ minimum: 0, maximum: 1, default: 0.8, description: 'Regime legitimacy L, the same for every citizen; grievance G = H(1 − L).' }),
    maxJailTerm: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 1000, description: 'J_max: jail terms are drawn uniformly from 0 to J_max inclusive (ticks).' }),
    activeThreshold: Type.Number({ minimum: -1, maximum: 1, default: 0.1, description: 'T: a citizen is active when G − R·P > T.' }),
    arrestConstant: Type.Number({ minimum: 0, maximum: 100, default: 2.3, description: 'k in the estimated arrest probability P = 1 − exp(−k·round(C/(A+1))).' }),
    movement: Type.Boolean({ default: true, description: 'Whether free agents move to a random empty cell in vision after acting.' }),
    arrestRounding: Type.Union([Type.Literal('half-even'), Type.Literal('floor'), Type.Literal('none')], {
      default: 'half-even',
      description:
        'How C/(A+1) is rounded in P: `half-even` as Mesa (Python round), `floor` as NetLogo Rebellion (needed for punctuated outbursts), `none` as the formula printed in the paper.',
    }),
    jailedAgents: Type.Union([Type.Literal('keep-cell'), Type.Literal('leave-grid')], {
      default: 'keep-cell',
      description:
        'Where jailed citizens are: `keep-cell` as Mesa (they stay on their cell, which stays occupied), `leave-grid` as NetLogo Rebellion (their cell is free, the arresting cop moves onto it, and on release they return to it or, if it is taken, to a random empty cell in vision).',
    }),
  },
  { additionalProperties: false },
);

export type CivilViolenceParams = Static<typeof CivilViolenceParamsSchema>;

/** Every parameter at its default (Mesa 3.3's example). */
export const defaultCivilViolenceParams: CivilViolenceParams = {
  width: 40,
  height: 40,
  citizenDensity: 0.7,
  copDensity: 0.074,
  citizenVision: 7,
  copVision: 7,
  legitimacy: 0.8,
  maxJailTerm: 1000,
  activeThreshold: 0.1,
  arrestConstant: 2.3,
  movement: true,
  arrestRounding: 'half-even',
  jailedAgents: 'keep-cell',
};
