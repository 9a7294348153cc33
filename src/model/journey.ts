/**
 * The journey document: the single source of truth that layout draws and
 * merge updates. Plain JSON, no classes, so it can be stored on a board,
 * posted between frames and saved to a file unchanged.
 */

import type { RichText } from './rich-text';
import { RECORD_VERSION } from './record-version';

/** Identifier of a persona, e.g. `persona:anna`. */
export type PersonaId = `persona:${string}`;
/** Identifier of a stage, e.g. `stage:search`. */
export type StageId = `stage:${string}`;
/** Identifier of a step inside a stage, e.g. `step:form`; unique in the journey. */
export type StepId = `step:${string}`;
/** Identifier of a lane, e.g. `lane:pains`. */
export type LaneId = `lane:${string}`;
/** Identifier of a card, e.g. `card:k3f9`. */
export type CardId = `card:${string}`;

/** The journey schema version written by this build: the record version, so one number says what a build reads. */
export const JOURNEY_SCHEMA = RECORD_VERSION;

/**
 * What a lane holds, following the journey-mapping method: the customer's
 * goals and actions, touchpoints, channels, thoughts, emotions, pains and
 * barriers, opportunities, the company's backstage, KPIs, or anything else;
 * and the service blueprint's lanes: the physical evidence the customer
 * sees, the frontstage (what staff do in front of the customer) and the
 * support processes behind the backstage.
 */
export const LANE_KINDS = [
  'actions',
  'touchpoints',
  'channels',
  'thoughts',
  'emotions',
  'pains',
  'opportunities',
  'backstage',
  'kpis',
  'physical-evidence',
  'frontstage',
  'support',
  'custom',
] as const;

/** One of {@link LANE_KINDS}. */
export type LaneKind = (typeof LANE_KINDS)[number];

/** Goal and scope of the map: what it is about and for. */
export interface JourneyScope {
  /** What the team wants to learn from the map. */
  goal?: string;
  /** The product or service mapped. */
  product?: string;
  /** The scenario, e.g. "ordering goods from the web shop". */
  scenario?: string;
  /** The period the research covers, e.g. "Q3 2026". */
  period?: string;
}

/** A typical customer. */
export interface Persona {
  id: PersonaId;
  name: string;
  /** An emoji or up to three initials. */
  avatar?: string;
  age?: string;
  role?: string;
  goals: string[];
  needs: string[];
  pains: string[];
  behaviour: string[];
  channels: string[];
  quote?: string;
  /**
   * Free lines a person added to the persona card on the board, drawn last
   * on the card; kept as written.
   */
  notes?: string[];
  /** Kept in the journey but not drawn on the map (no emotion lines), set from the panel. */
  hidden?: boolean;
}

/**
 * A step inside a stage ("fill in the form" in "Order & pay"): a column of
 * the map under its stage's header, with cards and emotion scores of its own.
 */
export interface Step {
  id: StepId;
  name: string;
  /** Where the customer meets the company at this step, e.g. "checkout page". */
  touchpoint?: string;
  /** The channel of that contact, e.g. "web", "phone". */
  channel?: string;
}

/** A stage of the journey: a column of the map, or a header over its steps' columns. */
export interface Stage {
  id: StageId;
  name: string;
  /** The stage's steps in reading order; absent or empty: the stage is one column. */
  steps?: Step[];
}

/** A row of the map. */
export interface Lane {
  id: LaneId;
  kind: LaneKind;
  title: string;
}

/** A note in one cell (stage × lane, or step × lane when the stage has steps). */
export interface Card {
  id: CardId;
  stage: StageId;
  /** The step of `stage` the card sits in: required when the stage has steps, absent when it has none. */
  step?: StepId;
  lane: LaneId;
  text: string;
  /** The persona this card speaks for, when the map has several. */
  persona?: PersonaId;
  /** What the card rests on; see EVIDENCE_KINDS. */
  evidence?: EvidenceKind;
  /**
   * The form a person gave the text on the board (bold, links, lists…),
   * kept while its words are `text` (see `rich-text.ts`); drawn when the
   * card's sticky is drawn again. Layout and exports use `text`.
   */
  form?: RichText;
  /** An opportunity's plan: the pains it addresses, its priority and who owns it (see {@link OpportunityPlan}). */
  plan?: OpportunityPlan;
  /**
   * The cards of the same stage or step, in other lanes, this card stands
   * behind: in a service blueprint, the backstage step or support process
   * that serves a frontstage contact. In the order they were linked.
   */
  serves?: CardId[];
}

/** The language a journey's words are in, of those the app speaks: `ru`, `uk` (`uk-UA` too), else English. */
export function findJourneyLanguage(locale: string | undefined): 'en' | 'ru' | 'uk' {
  const base = (locale ?? 'en').toLowerCase().split('-')[0];
  return base === 'ru' || base === 'uk' ? base : 'en';
}

/** Where an opportunity stands. */
export const OPPORTUNITY_STATUSES = ['idea', 'planned', 'in-progress', 'done'] as const;
/** One of {@link OPPORTUNITY_STATUSES}. */
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
/** The 1…5 scale of an opportunity's impact and effort. */
export const PLAN_RATING_MIN = 1;
export const PLAN_RATING_MAX = 5;

/**
 * What a team decided about an opportunity card: the pain cards it
 * addresses (any stage, any persona), its impact and effort (1…5), who owns
 * it, where it stands, and the KPI it should move. Every field is optional:
 * an opportunity starts as an idea.
 */
export interface OpportunityPlan {
  /** Ids of the pain cards this opportunity addresses, in the order they were linked. */
  addresses?: CardId[];
  impact?: number;
  effort?: number;
  owner?: string;
  status?: OpportunityStatus;
  kpi?: string;
}

/**
 * An opportunity's priority: impact over effort (a quick win, high impact
 * for little effort, comes first); undefined until both are rated.
 */
export function findPriority(plan: OpportunityPlan | undefined): number | undefined {
  return plan?.impact !== undefined && plan.effort !== undefined ? plan.impact / plan.effort : undefined;
}

/** How two cards are linked: an opportunity addresses a pain; a card serves another of its place. */
export type CardRelation = 'addresses' | 'serves';

/** One link between two cards: `from` holds it (`plan.addresses` or `serves`), `to` is the card it names. */
export interface CardLink {
  from: CardId;
  to: CardId;
  relation: CardRelation;
}

/** Every link of the journey, card by card, in the order each card holds them. */
export function listCardLinks(journey: Pick<Journey, 'cards'>): CardLink[] {
  return journey.cards.flatMap((card) => [
    ...(card.plan?.addresses ?? []).map((to): CardLink => ({ from: card.id, to, relation: 'addresses' })),
    ...(card.serves ?? []).map((to): CardLink => ({ from: card.id, to, relation: 'serves' })),
  ]);
}

/**
 * The link a person means by joining cards `a` and `b` (a connector drawn
 * on the board, in either direction): a pain and an opportunity, the
 * opportunity addressing the pain; two cards of one stage or step in other
 * lanes, the lower one in a lane of the company's side of a service
 * blueprint (frontstage, backstage, support), the lower serving the other
 * (the backstage serves the frontstage, the frontstage the customer's
 * action). Undefined for any other pair: a connector between them is a
 * person's drawing, not a link the journey holds.
 */
export function findCardRelation(journey: Pick<Journey, 'lanes'>, a: Card, b: Card): CardLink | undefined {
  if (a.id === b.id) return undefined;
  const kindOf = (card: Card) => journey.lanes.find((lane) => lane.id === card.lane)?.kind;
  const [kindA, kindB] = [kindOf(a), kindOf(b)];
  if (kindA === 'opportunities' && kindB === 'pains') return { from: a.id, to: b.id, relation: 'addresses' };
  if (kindA === 'pains' && kindB === 'opportunities') return { from: b.id, to: a.id, relation: 'addresses' };
  if (a.stage !== b.stage || a.step !== b.step || a.lane === b.lane) return undefined;
  const rank = (card: Card) => journey.lanes.findIndex((lane) => lane.id === card.lane);
  const [lower, upper] = rank(a) > rank(b) ? [a, b] : [b, a];
  const kind = kindOf(lower);
  return kind !== undefined && SERVING_KINDS.has(kind) ? { from: lower.id, to: upper.id, relation: 'serves' } : undefined;
}

/** The lanes of the company's side of a service blueprint, whose cards serve the cards above them. */
export const SERVING_KINDS: ReadonlySet<LaneKind> = new Set(['frontstage', 'backstage', 'support']);

/** Whether `card` may serve `other`: another card of its stage or step, in another lane. */
export function canServe(card: Pick<Card, 'id' | 'stage' | 'step' | 'lane'>, other: Pick<Card, 'id' | 'stage' | 'step' | 'lane'>): boolean {
  return card.id !== other.id && card.stage === other.stage && card.step === other.step && card.lane !== other.lane;
}

/**
 * `journey` with every link to a card it no longer has dropped, every
 * `serves` link whose cards no longer share a place or now share a lane
 * dropped (a person moved one), and plans left empty by that removed: what
 * keeps a map valid after a person deletes or moves a card (on the board or
 * in the panel). Returns `journey` itself when no link dangles.
 */
export function dropDanglingLinks<T extends Pick<Journey, 'cards'>>(journey: T): T {
  const byId = new Map<string, Card>(journey.cards.map((card) => [card.id, card]));
  /** Whether `card` may keep its link to `id`: a card there, and not itself. */
  const holds = (card: Card) => (id: CardId) => byId.has(id) && id !== card.id;
  const serves = (card: Card) => (id: CardId) => {
    const other = byId.get(id);
    return other !== undefined && canServe(card, other);
  };
  const intact = (card: Card) => (card.plan?.addresses ?? []).every(holds(card)) && (card.serves ?? []).every(serves(card));
  if (journey.cards.every(intact)) return journey;
  return {
    ...journey,
    cards: journey.cards.map((card) => {
      if (intact(card)) return card;
      let next: Card = card;
      const addresses = card.plan?.addresses;
      if (card.plan && addresses && !addresses.every(holds(card))) {
        const { addresses: _old, ...rest } = card.plan;
        const kept = addresses.filter(holds(card));
        const plan: OpportunityPlan = kept.length > 0 ? { ...rest, addresses: kept } : rest;
        const { plan: _plan, ...others } = next;
        next = Object.keys(plan).length > 0 ? { ...others, plan } : others;
      }
      const served = card.serves?.filter(serves(card));
      if (served && served.length !== card.serves?.length) {
        const { serves: _serves, ...others } = next;
        next = served.length > 0 ? { ...others, serves: served } : others;
      }
      return next;
    }),
  };
}

/**
 * Where a card's content comes from, so a team sees which parts of a map
 * are researched and which rest on assumptions.
 */
export const EVIDENCE_KINDS = ['interview', 'survey', 'analytics', 'support', 'observation', 'assumption'] as const;

/** One of {@link EVIDENCE_KINDS}. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * Which experience an emotion score describes: the one customers have today
 * (`as-is`, drawn solid) or the one the team designs for (`to-be`, dashed).
 */
export const EMOTION_LINES = ['as-is', 'to-be'] as const;

/** One of {@link EMOTION_LINES}. */
export type EmotionLine = (typeof EMOTION_LINES)[number];

/** A persona's feeling at one stage (or one step of it), on the scale of `emotion-scale.ts`. */
export interface EmotionScore {
  persona: PersonaId;
  stage: StageId;
  /** The step of `stage` the score is for: required when the stage has steps, absent when it has none. */
  step?: StepId;
  /** The line the score belongs to; absent means `as-is`. */
  line?: EmotionLine;
  /** An integer from -2 (very negative) to +2 (very positive). */
  score: number;
  /** Why the persona feels so; shown next to the point. */
  note?: string;
}

/** The line a score is on: `as-is` when it does not say. */
export function findEmotionLine(emotion: Pick<EmotionScore, 'line'>): EmotionLine {
  return emotion.line ?? 'as-is';
}

/**
 * Whether a score is on the as-is line: the experience customers have today,
 * which checks, comparisons and flat exports (CSV, Markdown, Mermaid) speak of.
 */
export function isAsIs(emotion: Pick<EmotionScore, 'line'>): boolean {
  return findEmotionLine(emotion) === 'as-is';
}

/**
 * Each persona's moment of truth: the first lowest place of its as-is
 * line (a step of a stage where the stage has steps), with that score;
 * none for a persona without scores.
 */
export function findMomentsOfTruth(journey: Pick<Journey, 'personas' | 'stages' | 'emotions'>): { persona: PersonaId; place: JourneyPlace; score: number }[] {
  const places = listPlaces(journey);
  return journey.personas.flatMap((persona) => {
    let lowest: { place: JourneyPlace; score: number } | undefined;
    for (const place of places) {
      const score = journey.emotions.find((emotion) => emotion.persona === persona.id && emotion.stage === place.stage && emotion.step === place.step && isAsIs(emotion))?.score;
      if (score !== undefined && (!lowest || score < lowest.score)) lowest = { place, score };
    }
    return lowest ? [{ persona: persona.id, ...lowest }] : [];
  });
}

/** The whole journey document. */
export interface Journey {
  schema: typeof JOURNEY_SCHEMA;
  title: string;
  /** BCP 47 language of the content, e.g. `en`, `ru`, `uk`. */
  locale?: string;
  scope: JourneyScope;
  personas: Persona[];
  stages: Stage[];
  lanes: Lane[];
  /** Cards in reading order; the order within a cell is the drawing order. */
  cards: Card[];
  emotions: EmotionScore[];
  /**
   * Whether the map draws its prioritisation matrix under the lanes: impact
   * (up) against effort (right), each opportunity a sticky where its ratings
   * put it, so a team re-rates an opportunity by dragging it.
   */
  matrix?: boolean;
}

/**
 * A column of the map: a stage without steps, or one step of a stage. Cards
 * and emotion scores sit at a place; a stage with steps has no place of its own.
 */
export interface JourneyPlace {
  stage: StageId;
  step?: StepId;
}

/**
 * A place as people read it: the stage's name, or "Stage › Step" for a step.
 * A name left empty, or a stage or step the journey lacks, reads as `empty`
 * (the panel shows "…").
 */
export function describePlace(journey: { stages: readonly { id: StageId; name: string; steps?: readonly { id: StepId; name: string }[] }[] }, place: { stage: StageId; step?: StepId | undefined }, empty = ''): string {
  const stage = journey.stages.find((candidate) => candidate.id === place.stage);
  const stageName = stage?.name.trim() || empty;
  if (!place.step) return stageName;
  const step = listSteps(stage ?? {}).find((candidate) => candidate.id === place.step);
  return `${stageName} › ${step?.name.trim() || empty}`;
}

/** The steps of a stage, in reading order (none for a stage that is one column). */
export function listSteps<T extends { id: StepId } = Step>(stage: { steps?: readonly T[] }): readonly T[] {
  return stage.steps ?? [];
}

/** The map's columns in reading order: each stage without steps, each step of the others. */
export function listPlaces(journey: { stages: readonly { id: StageId; steps?: readonly { id: StepId }[] }[] }): JourneyPlace[] {
  return journey.stages.flatMap((stage) => listPlacesOf(stage));
}

/** The columns of one stage: the stage itself, or each of its steps. */
export function listPlacesOf(stage: { id: StageId; steps?: readonly { id: StepId }[] }): JourneyPlace[] {
  const steps = listSteps(stage);
  return steps.length === 0 ? [{ stage: stage.id }] : steps.map((step) => ({ stage: stage.id, step: step.id }));
}

/** One string per place, for maps keyed by place: the step id when there is one, else the stage id. */
export function placeId(place: JourneyPlace): StageId | StepId {
  return place.step ?? place.stage;
}

/** Whether two places are the same column. */
export function isSamePlace(a: JourneyPlace, b: JourneyPlace): boolean {
  return a.stage === b.stage && a.step === b.step;
}

/** Whether the journey has a step anywhere. */
export function hasSteps(journey: Pick<Journey, 'stages'>): boolean {
  return journey.stages.some((stage) => listSteps(stage).length > 0);
}

/**
 * The place a card or score belongs to in `journey` as it is now: its own
 * step while the stage still has it, the stage's first step when the stage
 * gained steps since, the stage itself when it has none (any step is
 * dropped). Undefined when the stage is gone. What merges and edits use so
 * that splitting a stage into steps, or merging them back, loses no card.
 */
export function settlePlace(journey: Pick<Journey, 'stages'>, place: JourneyPlace): JourneyPlace | undefined {
  const stage = journey.stages.find((candidate) => candidate.id === place.stage);
  if (!stage) return undefined;
  const steps = listSteps(stage);
  if (steps.length === 0) return { stage: stage.id };
  const step = steps.find((candidate) => candidate.id === place.step) ?? steps[0];
  return step ? { stage: stage.id, step: step.id } : { stage: stage.id };
}

/** The stage and step of a step id, when the journey has it. */
export function findStep(journey: Pick<Journey, 'stages'>, step: StepId): { stage: Stage; step: Step } | undefined {
  for (const stage of journey.stages) {
    const found = listSteps(stage).find((candidate) => candidate.id === step);
    if (found) return { stage, step: found };
  }
  return undefined;
}
