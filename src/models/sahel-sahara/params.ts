/**
 * The parameters of the regional security model (MODEL.md §2, §5), as one TypeBox schema: what a
 * scenario file may say under `params`. Every number the seed does not give is an estimate; the
 * shipped scenarios document each estimate and give it a range under `uncertainties`.
 *
 * Places are referred to by name wherever a location is needed (bands, routes, events), so a
 * scenario reads like the analysis it comes from; `[lon, lat]` pairs are accepted too.
 */
import { Type, type Static } from '@sinclair/typebox';

const unit = (description: string, value: number) => Type.Number({ minimum: 0, maximum: 1, default: value, description });

const Iso3 = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 country code.' });
const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A date, YYYY-MM-DD.' });
const LonLat = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })], {
  description: '[longitude, latitude] in degrees.',
});
/** A place name from `places`, or coordinates. */
const Location = Type.Union([Type.String({ minLength: 1 }), LonLat], { description: 'A place name or [lon, lat].' });

export const StateSchema = Type.Object(
  {
    capital: Type.Optional(Location),
    capacity: unit('Military capacity: strength of the security forces where the state is present.', 0.3),
    reachKm: Type.Number({ minimum: 10, maximum: 5000, default: 600, description: 'Distance from the capital at which presence falls to 1/e.' }),
    legitimacy: unit('Legitimacy of the state in its population (Epstein L).', 0.5),
    borderControl: unit('Share of smuggling and crossings interdicted at its borders where present.', 0.2),
    intelligence: unit('Own intelligence capacity: chance of detecting a band where present.', 0.3),
    collusion: unit('Elites profiting from smuggling and ransoms: leaks, officials’ cuts, fewer operations.', 0.1),
    sovereignty: unit('Sensitivity to foreign forces and cross-border pursuit on its soil.', 0.5),
    engagement: unit('Engagement in regional cooperation.', 0.5),
    returneeDisarmament: unit('Share of returning fighters disarmed and co-opted.', 0.2),
    unilateralism: unit('Willingness to strike across borders without a framework.', 0.05),
    subsidy: unit('Subsidised fuel and food that leave the country along smuggling routes (Algeria, Libya).', 0),
    hardship: unit('Baseline hardship of the population (Epstein H).', 0.4),
  },
  { additionalProperties: false },
);

export const ExternalSchema = Type.Object(
  {
    ransomPolicy: unit('Chance of paying a ransom when one of its nationals is held.', 0),
    funding: unit('Support given to frameworks it backs, as added capacity of their members.', 0.1),
    pressForReleases: unit('Chance of pressing a host state into a prisoner release after a ransom deal.', 0),
  },
  { additionalProperties: false },
);

export const BandSchema = Type.Object(
  {
    at: Location,
    fighters: Type.Integer({ minimum: 1, maximum: 100000 }),
    weapons: Type.Optional(unit('Weapons level (0 light arms … 1 heavy weapons and vehicles).', 0.3)),
    nationality: Type.Optional(Type.Record(Iso3, Type.Number({ minimum: 0 }), { description: 'Shares by nationality; default: the group’s.' })),
  },
  { additionalProperties: false },
);

export const GroupSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('jihadist'), Type.Literal('separatist'), Type.Literal('militia')]),
    funds: Type.Number({ minimum: 0, default: 0, description: 'Funds, in thousands of US dollars.' }),
    cohesion: unit('Resistance to splitting and defection under pressure.', 0.6),
    weapons: unit('Default weapons level of its bands.', 0.3),
    nationality: Type.Record(Iso3, Type.Number({ minimum: 0 }), { description: 'Shares of members by nationality.' }),
    home: Type.Array(Location, { default: [], description: 'Places where its network starts strong.' }),
    alliances: Type.Record(Type.String(), unit('Affinity 0..1; allies do not contest cells.', 0.5), { default: {} }),
    bands: Type.Array(BandSchema, { default: [] }),
    hostageTaking: unit('Weekly chance per strong band of taking foreign hostages (ransom business).', 0),
  },
  { additionalProperties: false },
);

export const PlaceSchema = Type.Object(
  {
    at: LonLat,
    kind: Type.Union([Type.Literal('town'), Type.Literal('capital'), Type.Literal('site'), Type.Literal('massif'), Type.Literal('post')], {
      default: 'town',
    }),
    population: Type.Number({ minimum: 0, default: 0, description: 'Inhabitants.' }),
    radiusKm: Type.Number({ minimum: 0, default: 0, description: 'Extent of a massif or area.' }),
    strategic: Type.Boolean({ default: false, description: 'A strategic site (gas field, mine): attacks on it are counted apart.' }),
  },
  { additionalProperties: false },
);

export const RouteSchema = Type.Object(
  {
    commodity: Type.Union([
      Type.Literal('fuel-food'),
      Type.Literal('cigarettes'),
      Type.Literal('cannabis'),
      Type.Literal('arms'),
      Type.Literal('drugs'),
    ]),
    via: Type.Array(Location, { minItems: 2, description: 'Waypoints, rasterised to cells.' }),
    volume: Type.Number({ minimum: 0, description: 'Weekly volume, in tonnes.' }),
    value: Type.Number({ minimum: 0, description: 'Value per tonne, in thousands of US dollars.' }),
  },
  { additionalProperties: false },
);

export const FrameworkSchema = Type.Object(
  {
    members: Type.Array(Iso3, { minItems: 1 }),
    leader: Type.Optional(Iso3),
    excludes: Type.Array(Iso3, { default: [], description: 'Rivals it leaves out, who may obstruct it.' }),
    backers: Type.Array(Type.String(), { default: [], description: 'External actors that fund it.' }),
    intelligence: Type.Boolean({ default: true, description: 'Mechanism: intelligence sharing.' }),
    jointOperations: Type.Boolean({ default: false, description: 'Mechanism: joint operations.' }),
    pursuit: Type.Boolean({ default: false, description: 'Mechanism: cross-border pursuit among members.' }),
    operationalisation: unit('Initial operationalisation; grows with realised cooperation, decays with distrust.', 0.1),
    from: Type.Optional(DateString),
  },
  { additionalProperties: false },
);

const SetEvent = Type.Object(
  {
    date: DateString,
    type: Type.Literal('set'),
    label: Type.Optional(Type.String()),
    set: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Boolean(), Type.String()]), {
      description: 'Parameter paths relative to params, e.g. `states.LBY.capacity: 0.2`.',
    }),
  },
  { additionalProperties: false },
);

const ReturneesEvent = Type.Object(
  {
    date: DateString,
    type: Type.Literal('returnees'),
    label: Type.Optional(Type.String()),
    group: Type.String({ description: 'Group the armed returnees join.' }),
    from: Type.String({ pattern: '^[A-Z]{3}$', default: 'LBY', description: 'Country they return from.' }),
    to: Iso3,
    at: Type.Array(Location, { minItems: 1, description: 'Where they arrive; the fighters are split evenly.' }),
    fighters: Type.Integer({ minimum: 1 }),
    weapons: unit('Weapons level of the returnees.', 0.8),
  },
  { additionalProperties: false },
);

const OffensiveEvent = Type.Object(
  {
    date: DateString,
    type: Type.Literal('offensive'),
    label: Type.Optional(Type.String()),
    by: Type.String({ description: 'The external actor or state that leads it.' }),
    host: Iso3,
    at: Type.Array(Location, { minItems: 1 }),
    radiusKm: Type.Number({ minimum: 10, default: 400 }),
    weeks: Type.Integer({ minimum: 1 }),
    strength: unit('Force committed, on the scale of state presence × capacity.', 0.8),
  },
  { additionalProperties: false },
);

const RansomEvent = Type.Object(
  {
    date: DateString,
    type: Type.Literal('ransom'),
    label: Type.Optional(Type.String()),
    payer: Type.String(),
    group: Type.String(),
    amount: Type.Number({ minimum: 0, description: 'Thousands of US dollars.' }),
    via: Type.Optional(Iso3),
    release: Type.Optional(Type.Array(Iso3, { description: 'Nationalities of prisoners released as part of the deal.' })),
  },
  { additionalProperties: false },
);

export const EventSchema = Type.Union([SetEvent, ReturneesEvent, OffensiveEvent, RansomEvent]);

export const UncertaintySchema = Type.Object(
  {
    min: Type.Number(),
    max: Type.Number(),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const TuningSchema = Type.Object(
  {
    bandMoveKm: Type.Number({ minimum: 10, default: 250, description: 'How far a band can move in a week.' }),
    influenceKm: Type.Number({ minimum: 10, default: 150, description: 'Radius over which a band projects strength (calibrated: with 120 km groups never held half of northern Mali’s population; see the README).' }),
    attackKm: Type.Number({ minimum: 10, default: 350, description: 'Raid range of a band.' }),
    crossBorderWeeks: Type.Integer({ minimum: 1, default: 8, description: 'An attack is cross-border if the band crossed within this many weeks.' }),
    moveTemperature: Type.Number({ minimum: 0.01, default: 0.2, description: 'Softmax temperature of band movement.' }),
    controlMargin: Type.Number({ minimum: 0, default: 0.2, description: 'Margin by which a group must exceed state presence to hold a cell (0.2 ≈ 60 lightly armed fighters: a network alone holds nothing).' }),
    fighterScale: Type.Number({ minimum: 1, default: 300, description: 'Fighters that match full state presence in a cell.' }),
    recruitRate: Type.Number({ minimum: 0, default: 0.05, description: 'Weekly recruits per unit grievance per 10,000 inhabitants.' }),
    attackRate: Type.Number({ minimum: 0, default: 0.08, description: 'Weekly attack chance of a full-strength band at an undefended target.' }),
    imprecision: unit('Civilian harm per unit of operations (Bennett 2008).', 0.3),
    ransomAmount: Type.Number({ minimum: 0, default: 4000, description: 'Ransom per hostage deal, k$ (press estimates of 2008–12 deals: $3–5M).' }),
    wPressure: Type.Number({ minimum: 0, default: 2, description: 'Movement: weight of pressure (−).' }),
    wNetwork: Type.Number({ minimum: 0, default: 1.4, description: 'Movement: weight of the group’s network (+).' }),
    wHome: Type.Number({ minimum: 0, default: 1.5, description: 'Movement: weight of closeness to members’ home countries (+).' }),
    wSmuggling: Type.Number({ minimum: 0, default: 0.5, description: 'Movement: weight of smuggling income (+).' }),
    wRefuge: Type.Number({ minimum: 0, default: 0.5, description: 'Movement: weight of refuge terrain (+).' }),
    wTown: Type.Number({ minimum: 0, default: 0.2, description: 'Movement: weight of population to tax and hold (+).' }),
    wTravel: Type.Number({ minimum: 0, default: 0.5, description: 'Movement: weight of travel cost (−).' }),
    garrisonWeight: Type.Number({ minimum: 0, default: 2.7, description: 'Presence of a garrison town relative to the capital’s: states concentrate their forces in towns.' }),
    fundsPerFighterHalf: Type.Number({ minimum: 0.1, default: 30, description: 'Funds per fighter (k$) at which money gives half its effect on recruitment: several years of pay plus the vehicles, weapons and payments to families and notables that draw recruits.' }),
    bandSize: Type.Number({ minimum: 10, default: 200, description: 'Fighters above which a band divides in two.' }),
    wCrowd: Type.Number({ minimum: 0, default: 0.5, description: 'Movement: weight of crowding by the group’s own strength (−).' }),
    wHaven: Type.Number({ minimum: 0, default: 1, description: 'Movement: weight of progress toward the best distant haven (+), per week’s move of progress, scaled by the pressure the band still feels.' }),
    havenKm: Type.Number({ minimum: 50, default: 1500, description: 'Scale over which distant havens pull bands (the Kidal–Ubari distance is ~1,300 km).' }),
    wStay: Type.Number({ minimum: 0, default: 0.5, description: 'Movement: bonus for staying in the current cell.' }),
    isolation: Type.Number({ minimum: 0, default: 1.8, description: 'How fast a state abandons posts as groups take the region around them: presence × max(0, 1 − isolation × share of the region held); 2 = abandoned once half the region has fallen.' }),
    isolationKm: Type.Number({ minimum: 50, default: 300, description: 'Radius of the region whose fall isolates a post (a few days by road).' }),
    pressureMemory: Type.Number({ minimum: 0, maximum: 0.99, default: 0.95, description: 'Share of the pressure a band felt that it still feels a week later: bands driven out by an offensive keep heading for a haven for weeks (0.95: half-life ~13.5 weeks).' }),
    homeKm: Type.Number({ minimum: 1, default: 300, description: 'Distance over which the pull of home falls by 1/e.' }),
  },
  { additionalProperties: false, default: {} },
);

export const SahelSaharaParamsSchema = Type.Object(
  {
    start: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', default: '2012-01-02', description: 'Date of tick 0; one tick is one week.' }),
    decision: Type.Optional(DateString),
    grid: Type.Object(
      {
        lonMin: Type.Number({ default: -18 }),
        lonMax: Type.Number({ default: 25 }),
        latMin: Type.Number({ default: 10 }),
        latMax: Type.Number({ default: 37 }),
        resolution: Type.Number({ minimum: 0.05, maximum: 5, default: 0.5 }),
      },
      { additionalProperties: false, default: {} },
    ),
    states: Type.Record(Iso3, StateSchema, { default: {} }),
    peripheral: Type.Object(StateSchema.properties, { additionalProperties: false, default: {}, description: 'Defaults for every other country.' }),
    externals: Type.Record(Type.String(), ExternalSchema, { default: {} }),
    groups: Type.Record(Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' }), GroupSchema, { default: {} }),
    places: Type.Record(Type.String(), PlaceSchema, { default: {} }),
    routes: Type.Record(Type.String(), RouteSchema, { default: {} }),
    trust: Type.Record(Type.String({ pattern: '^[A-Z]{3}-[A-Z]{3}$' }), unit('Trust of the first state in the second.', 0.5), { default: {} }),
    rivalry: Type.Record(Type.String({ pattern: '^[A-Z]{3}-[A-Z]{3}$' }), unit('Structural rivalry (symmetric).', 0), { default: {} }),
    frameworks: Type.Record(Type.String(), FrameworkSchema, { default: {} }),
    events: Type.Array(EventSchema, { default: [] }),
    uncertainties: Type.Record(Type.String(), UncertaintySchema, { default: {} }),
    weights: Type.Record(Type.String(), Type.Number(), { default: {}, description: 'Destabilisation index weights by metric.' }),
    tuning: TuningSchema,
  },
  { additionalProperties: false },
);

export type SahelSaharaParams = Static<typeof SahelSaharaParamsSchema>;
export type Tuning = Static<typeof TuningSchema>;
export type StateParams = Static<typeof StateSchema>;
export type GroupParams = Static<typeof GroupSchema>;
export type FrameworkParams = Static<typeof FrameworkSchema>;
export type EventParams = Static<typeof EventSchema>;
export type PlaceParams = Static<typeof PlaceSchema>;
