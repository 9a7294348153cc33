import { JOURNEY_SCHEMA, type CardId, type EmotionScore, type Journey, type JourneyScope, type LaneId, type Persona, type PersonaId, type Stage, type StageId, type StepId } from '../journey';
import { DEFAULT_LANE_KINDS, STANDARD_LANE_TITLES, type StandardLaneKind } from './blank-journey';
import type { JourneyTemplate, TemplateId, TemplateLocale } from './template-catalog';
import { addTemplatePlans } from './template-plans';
import { spreadOverSteps, type PerStep } from './template-steps';

/** The stage id of a template's stage key. */
const toStageId = (key: string): StageId => `stage:${key}`;
/** The step id of a template's step key. */
const toStepId = (key: string): StepId => `step:${key}`;
/** The lane id of a template's lane key. */
const toLaneId = (key: string): LaneId => `lane:${key}`;

/** A card in a template cell: its text, or its text and the persona it speaks for. */
export type TemplateCard = string | { readonly text: string; readonly persona: PersonaId };

/** A score (−2…+2) and its short "why". */
export type TemplateScore = readonly [score: number, note: string];

/**
 * A persona's score at each stage, in stage order; for a stage with steps,
 * one score per step key (`{ queue: [-1, '…'], documents: [-2, '…'] }`).
 */
export type TemplateScores = readonly PerStep<TemplateScore>[];

/** A step of a template's stage: its key (the id is `step:<key>`), its name, and where and how the customer meets the company there. */
export interface TemplateStep {
  readonly key: string;
  readonly name: string;
  readonly touchpoint?: string;
  readonly channel?: string;
}

/** A stage of a template: its key and name, and its steps in reading order when it has them. */
export type TemplateStage = readonly [key: string, name: string, steps?: readonly TemplateStep[]];

/**
 * The cards of one cell: a list for a stage, or, for a stage with steps, a
 * list per step key (`{ queue: [...], documents: [...], sign: [...] }`).
 */
export type TemplateCell = PerStep<readonly TemplateCard[]>;

/**
 * A built-in template written compactly: stages by key, cells per lane as
 * one list of cards per stage (a list per step for a stage with steps).
 * Ids follow the online-store template (`stage:<key>`, `step:<key>`,
 * `lane:<kind>`, `card:<kind>-<stage>-<n>`, n counting through the stage
 * across its steps), so every language of a template gets the same ids when
 * its cells line up.
 */
export interface TemplateSpec {
  id: TemplateId;
  locale: TemplateLocale;
  name: string;
  description: string;
  title: string;
  scope: Required<JourneyScope>;
  personas: readonly Persona[];
  stages: readonly TemplateStage[];
  /** The lanes top to bottom, when not the default eight (a service blueprint has its own). */
  lanes?: readonly StandardLaneKind[];
  /** Lane titles other than the standard ones ("Customer actions" in a blueprint). */
  laneTitles?: Readonly<Partial<Record<StandardLaneKind, string>>>;
  /** The cards of each lane, one cell per stage: every lane of `lanes` (of the default eight without it). */
  cells: Readonly<Partial<Record<StandardLaneKind, readonly TemplateCell[]>>>;
  /** Today's experience per persona (the `as-is` line). */
  asIs: Readonly<Record<PersonaId, TemplateScores>>;
  /** The experience the team designs for (the `to-be` line), when the template shows one. */
  toBe?: Readonly<Record<PersonaId, TemplateScores>>;
}

/** The step keys of a template stage, in reading order. */
const stepKeysOf = ([, , steps]: TemplateStage): string[] => (steps ?? []).map((step) => step.key);

/** The journey's stage for a template stage, with its steps when it has them. */
function buildStage([key, name, steps]: TemplateStage): Stage {
  if (!steps || steps.length === 0) return { id: toStageId(key), name };
  return {
    id: toStageId(key),
    name,
    steps: steps.map((step) => ({
      id: toStepId(step.key),
      name: step.name,
      ...(step.touchpoint === undefined ? {} : { touchpoint: step.touchpoint }),
      ...(step.channel === undefined ? {} : { channel: step.channel }),
    })),
  };
}

/** Returns the scores of one line for every persona × place the spec fills in. */
function buildScores(spec: TemplateSpec, line: 'as-is' | 'to-be'): EmotionScore[] {
  const table = line === 'as-is' ? spec.asIs : spec.toBe;
  if (!table) return [];
  return spec.personas.flatMap((persona) =>
    (table[persona.id] ?? []).flatMap((scores, index): EmotionScore[] => {
      const stage = spec.stages[index];
      if (!stage) return [];
      return spreadOverSteps(scores, stage[0], stepKeysOf(stage)).map(({ step, value: [score, note] }) => ({
        persona: persona.id,
        stage: toStageId(stage[0]),
        ...(step === undefined ? {} : { step: toStepId(step) }),
        ...(line === 'as-is' ? {} : { line }),
        score,
        note,
      }));
    }),
  );
}

/**
 * Builds the gallery entry a spec describes. Returns a new journey whose
 * objects and lists share nothing with the spec, so callers may change it.
 */
export function buildJourneyTemplate(spec: TemplateSpec): JourneyTemplate {
  const titles = STANDARD_LANE_TITLES[spec.locale];
  const cards: Journey['cards'] = [];
  const lanes = spec.lanes ?? DEFAULT_LANE_KINDS;
  for (const kind of lanes) {
    spec.stages.forEach((stage, stageIndex) => {
      const [stageKey] = stage;
      let number = 0;
      for (const { step, value: cell } of spreadOverSteps(spec.cells[kind]?.[stageIndex], stageKey, stepKeysOf(stage))) {
        for (const card of cell) {
          number += 1;
          const base = {
            id: `card:${kind}-${stageKey}-${number}` as CardId,
            stage: toStageId(stageKey),
            ...(step === undefined ? {} : { step: toStepId(step) }),
            lane: toLaneId(kind),
          };
          cards.push(typeof card === 'string' ? { ...base, text: card } : { ...base, text: card.text, persona: card.persona });
        }
      }
    });
  }
  const journey: Journey = {
    schema: JOURNEY_SCHEMA,
    title: spec.title,
    locale: spec.locale,
    scope: { ...spec.scope },
    personas: spec.personas.map((persona) => ({
      ...persona,
      goals: [...persona.goals],
      needs: [...persona.needs],
      pains: [...persona.pains],
      behaviour: [...persona.behaviour],
      channels: [...persona.channels],
    })),
    stages: spec.stages.map(buildStage),
    lanes: lanes.map((kind) => ({ id: toLaneId(kind), kind, title: spec.laneTitles?.[kind] ?? titles[kind] })),
    cards,
    // As-is scores first, then the to-be line: the order people read them in.
    emotions: [...buildScores(spec, 'as-is'), ...buildScores(spec, 'to-be')],
  };
  return { id: spec.id, name: spec.name, description: spec.description, journey: addTemplatePlans(journey, spec.id, spec.locale) };
}
