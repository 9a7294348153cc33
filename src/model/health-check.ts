import { describePlace, findMomentsOfTruth, hasSteps, isAsIs, listPlaces, listSteps, type CardId, type Journey, type JourneyPlace, type LaneId, type PersonaId, type StageId, type StepId } from './journey';

/**
 * The map health check: rules run on a journey that point at what the
 * journey-mapping method asks for and the map lacks (CJM-METHOD: validate
 * the map against real data, keep it updated). Each rule has a stable id, a
 * severity and a one-line explanation; a finding says where. Emotions,
 * touchpoints and the moment of truth are checked per place: each stage
 * without steps, each step of the others (named "Stage › Step").
 */

export type Severity = 'error' | 'warning' | 'info';

export interface HealthRule {
  id: string;
  severity: Severity;
  explanation: string;
}

// Longer card text than this no longer reads at a glance on a sticky: FigJam
// grows the sticky, Miro shrinks the font.
export const MAX_STICKY_TEXT = 140;

export const HEALTH_RULES = [
  { id: 'missing-emotion', severity: 'error', explanation: 'A persona has no emotion score at a stage or step, so the emotion line has a gap.' },
  { id: 'card-too-long', severity: 'error', explanation: `A card's text is longer than a sticky shows at a glance (${MAX_STICKY_TEXT} characters).` },
  { id: 'stage-without-touchpoints', severity: 'warning', explanation: 'A stage has no touchpoint: where does the customer meet the company there?' },
  { id: 'step-without-touchpoint', severity: 'warning', explanation: 'A step names no touchpoint, and no touchpoint card sits at it: where does the customer meet the company at this step?' },
  { id: 'pain-without-opportunity', severity: 'warning', explanation: 'A pain that no opportunity addresses (on a map without links yet: a stage that names pains but no opportunity).' },
  { id: 'opportunity-without-owner', severity: 'info', explanation: 'An opportunity the team is planning (linked to pains, rated or given a status) has no owner: who moves it?' },
  { id: 'frontstage-without-backstage', severity: 'warning', explanation: 'In a service blueprint, a frontstage contact that no backstage or support card serves (on a map without such links yet: a stage with frontstage cards and nothing behind them).' },
  { id: 'empty-lane', severity: 'warning', explanation: 'A lane holds nothing at any stage: fill it or switch it off.' },
  { id: 'persona-without-goals', severity: 'warning', explanation: 'A persona has no goals, so the map cannot say what the customer is after.' },
  { id: 'stage-on-assumptions', severity: 'warning', explanation: 'Every card of a stage rests on assumptions: research it before acting on it.' },
  { id: 'moment-of-truth', severity: 'info', explanation: 'The lowest point of a persona’s emotion line (a stage, or a step of one): the moment of truth to work on first.' },
] as const satisfies readonly HealthRule[];

export type HealthRuleId = (typeof HEALTH_RULES)[number]['id'];

/**
 * What a finding's sentence is made of, for the panel to word in the
 * person's language: names as they are on the map, and the numbers.
 */
export interface FindingParams {
  persona?: string;
  /** The stage's name, or "Stage › Step" for a step. */
  stage?: string;
  lane?: string;
  /** `card-too-long`: the card's length and the most a sticky shows. */
  length?: number;
  max?: number;
  /** `pain-without-opportunity`: how many pains the stage names (on a map without links). */
  pains?: number;
  /** `pain-without-opportunity` of one pain, `opportunity-without-owner`: the card's text. */
  text?: string;
  /** `moment-of-truth`: the lowest score. */
  score?: number;
}

export interface HealthFinding {
  /** The finding's code: the panel words it from this and `params`. */
  rule: HealthRuleId;
  severity: Severity;
  /** What is wrong and where, in English (the CLI and logs). */
  message: string;
  params: FindingParams;
  stage?: StageId;
  /** The step of `stage` the finding is at. */
  step?: StepId;
  lane?: LaneId;
  persona?: PersonaId;
  card?: CardId;
}

export interface PersonaHappiness {
  persona: PersonaId;
  name: string;
  /** Share of places (stages, or their steps where they have steps) where the persona feels positive (score above 0), 0…1. */
  score: number;
  positiveStages: number;
  stages: number;
  /** What was counted: stages, or stages and steps when the map has steps. */
  counted: 'stages' | 'steps';
}

export interface HealthReport {
  findings: HealthFinding[];
  happiness: PersonaHappiness[];
  errors: number;
  warnings: number;
}

const severityOf = (rule: HealthRuleId): Severity => HEALTH_RULES.find((entry) => entry.id === rule)?.severity ?? 'warning';

export function checkJourneyHealth(journey: Journey): HealthReport {
  const findings: HealthFinding[] = [];
  const add = (rule: HealthRuleId, message: string, params: FindingParams, where: Omit<HealthFinding, 'rule' | 'severity' | 'message' | 'params'> = {}) =>
    findings.push({ rule, severity: severityOf(rule), message, params, ...where });
  const lanesOf = (kind: string) => new Set<string>(journey.lanes.filter((lane) => lane.kind === kind).map((lane) => lane.id));
  const cardsAt = (stage: StageId, lanes: ReadonlySet<string>) => journey.cards.filter((card) => card.stage === stage && lanes.has(card.lane));
  const places = listPlaces(journey);
  const scoreAt = (persona: PersonaId, place: JourneyPlace) => journey.emotions.find((emotion) => emotion.persona === persona && emotion.stage === place.stage && emotion.step === place.step && isAsIs(emotion))?.score;
  const nameOf = (place: { stage: StageId; step?: StepId | undefined }): string => describePlace(journey, place);
  const whereOf = (place: { stage: StageId; step?: StepId | undefined }) => ({ stage: place.stage, ...(place.step ? { step: place.step } : {}) });

  for (const persona of journey.personas) {
    for (const place of places) {
      if (scoreAt(persona.id, place) === undefined) add('missing-emotion', `${persona.name} has no emotion score at "${nameOf(place)}"`, { persona: persona.name, stage: nameOf(place) }, { persona: persona.id, ...whereOf(place) });
    }
  }
  for (const card of journey.cards) {
    if (card.text.length > MAX_STICKY_TEXT) {
      const stage = nameOf(card);
      add('card-too-long', `a card at "${stage}" has ${card.text.length} characters ("${card.text.slice(0, 40)}…"); keep it under ${MAX_STICKY_TEXT}`, { stage, length: card.text.length, max: MAX_STICKY_TEXT }, { card: card.id, ...whereOf(card), lane: card.lane });
    }
  }
  // In a service blueprint the customer meets the company on the frontstage and in the physical evidence too.
  const touchpoints = new Set([...lanesOf('touchpoints'), ...lanesOf('frontstage'), ...lanesOf('physical-evidence')]);
  const plainStages = journey.stages.filter((stage) => listSteps(stage).length === 0);
  // A step may name its own touchpoint; a stage has only its touchpoint cards.
  if (touchpoints.size === 0 && (plainStages.length > 0 || !hasSteps(journey))) add('stage-without-touchpoints', 'the map has no touchpoints lane; add one so every stage shows where the customer meets the company', {});
  else if (touchpoints.size > 0) for (const stage of plainStages) if (cardsAt(stage.id, touchpoints).length === 0) add('stage-without-touchpoints', `"${stage.name}" has no touchpoint`, { stage: stage.name }, { stage: stage.id });
  for (const stage of journey.stages) {
    for (const step of listSteps(stage)) {
      if (step.touchpoint || journey.cards.some((card) => card.step === step.id && touchpoints.has(card.lane))) continue;
      const place = { stage: stage.id, step: step.id };
      add('step-without-touchpoint', `"${nameOf(place)}" names no touchpoint`, { stage: nameOf(place) }, place);
    }
  }

  const pains = lanesOf('pains');
  const opportunities = lanesOf('opportunities');
  const addressed = new Set<string>(journey.cards.flatMap((card) => card.plan?.addresses ?? []));
  if (addressed.size > 0) {
    // Once opportunities name the pains they address, each pain is checked: is anything done about it?
    for (const card of journey.cards) {
      if (!pains.has(card.lane) || addressed.has(card.id)) continue;
      add('pain-without-opportunity', `the pain "${card.text.slice(0, 60)}" at "${nameOf(card)}" is addressed by no opportunity`, { stage: nameOf(card), text: card.text.slice(0, 60) }, { card: card.id, ...whereOf(card), lane: card.lane });
    }
  } else {
    for (const stage of journey.stages) {
      const stagePains = cardsAt(stage.id, pains);
      if (stagePains.length > 0 && cardsAt(stage.id, opportunities).length === 0) {
        add('pain-without-opportunity', `"${stage.name}" has ${stagePains.length} pain${stagePains.length === 1 ? '' : 's'} and no opportunity`, { stage: stage.name, pains: stagePains.length }, { stage: stage.id });
      }
    }
  }
  for (const card of journey.cards) {
    if (card.plan && !card.plan.owner && card.plan.status !== 'done') {
      add('opportunity-without-owner', `the opportunity "${card.text.slice(0, 60)}" at "${nameOf(card)}" has no owner`, { stage: nameOf(card), text: card.text.slice(0, 60) }, { card: card.id, ...whereOf(card), lane: card.lane });
    }
  }
  const frontstage = lanesOf('frontstage');
  const behind = new Set([...lanesOf('backstage'), ...lanesOf('support')]);
  const served = new Set<string>(journey.cards.flatMap((card) => card.serves ?? []));
  if (frontstage.size > 0 && served.size > 0) {
    // Once cards name the frontstage contacts they serve, each contact is checked: does anything stand behind it?
    for (const card of journey.cards) {
      if (!frontstage.has(card.lane) || served.has(card.id)) continue;
      add('frontstage-without-backstage', `the frontstage contact "${card.text.slice(0, 60)}" at "${nameOf(card)}" has nothing behind it`, { stage: nameOf(card), text: card.text.slice(0, 60) }, { card: card.id, ...whereOf(card), lane: card.lane });
    }
  } else if (frontstage.size > 0) {
    for (const stage of journey.stages) {
      if (cardsAt(stage.id, frontstage).length > 0 && cardsAt(stage.id, behind).length === 0) {
        add('frontstage-without-backstage', `"${stage.name}" shows what staff do in front of the customer, and nothing behind it`, { stage: stage.name }, { stage: stage.id });
      }
    }
  }
  for (const lane of journey.lanes) {
    const empty = !journey.cards.some((card) => card.lane === lane.id) && !(lane.kind === 'emotions' && journey.emotions.length > 0);
    if (empty) add('empty-lane', `the lane "${lane.title}" is empty at every stage`, { lane: lane.title }, { lane: lane.id });
  }
  for (const persona of journey.personas) if (persona.goals.length === 0) add('persona-without-goals', `${persona.name} has no goals`, { persona: persona.name }, { persona: persona.id });
  for (const stage of journey.stages) {
    const cards = journey.cards.filter((card) => card.stage === stage.id);
    if (cards.length > 0 && cards.every((card) => card.evidence === 'assumption')) add('stage-on-assumptions', `every card of "${stage.name}" rests on an assumption`, { stage: stage.name }, { stage: stage.id });
  }
  for (const moment of findMomentsOfTruth(journey)) {
    const persona = journey.personas.find((candidate) => candidate.id === moment.persona);
    const stage = nameOf(moment.place);
    add('moment-of-truth', `${persona?.name ?? moment.persona} feels worst at "${stage}" (${moment.score > 0 ? '+' : ''}${moment.score}): the moment of truth to work on first`, { persona: persona?.name ?? moment.persona, stage, score: moment.score }, { persona: moment.persona, ...whereOf(moment.place) });
  }

  const counted = hasSteps(journey) ? 'steps' : 'stages';
  const happiness = journey.personas.map((persona): PersonaHappiness => {
    const positiveStages = places.filter((place) => (scoreAt(persona.id, place) ?? 0) > 0).length;
    return { persona: persona.id, name: persona.name, score: places.length === 0 ? 0 : positiveStages / places.length, positiveStages, stages: places.length, counted };
  });
  return {
    findings,
    happiness,
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
  };
}
