import { JOURNEY_SCHEMA, type CardId, type EmotionScore, type Journey, type JourneyScope, type LaneId, type Persona, type PersonaId, type StageId } from '../journey';
import { DEFAULT_LANE_KINDS, STANDARD_LANE_TITLES, type StandardLaneKind } from './blank-journey';
import type { JourneyTemplate, TemplateId, TemplateLocale } from './template-catalog';

/** The stage id of a template's stage key. */
const toStageId = (key: string): StageId => `stage:${key}`;
/** The lane id of a template's lane key. */
const toLaneId = (key: string): LaneId => `lane:${key}`;

/** A card in a template cell: its text, or its text and the persona it speaks for. */
export type TemplateCard = string | { readonly text: string; readonly persona: PersonaId };

/** A persona's score (−2…+2) and its short "why" at each stage, in stage order. */
export type TemplateScores = readonly (readonly [score: number, note: string])[];

/**
 * A built-in template written compactly: stages by key, cells per lane as
 * one list of cards per stage. Ids follow the online-store template
 * (`stage:<key>`, `lane:<kind>`, `card:<kind>-<stage>-<n>`), so every
 * language of a template gets the same ids when its cells line up.
 */
export interface TemplateSpec {
  id: TemplateId;
  locale: TemplateLocale;
  name: string;
  description: string;
  title: string;
  scope: Required<JourneyScope>;
  personas: readonly Persona[];
  stages: readonly (readonly [key: string, name: string])[];
  /** The lanes top to bottom, when not the default eight (a service blueprint has its own). */
  lanes?: readonly StandardLaneKind[];
  /** Lane titles other than the standard ones ("Customer actions" in a blueprint). */
  laneTitles?: Readonly<Partial<Record<StandardLaneKind, string>>>;
  /** The cards of each lane, one list per stage: every lane of `lanes` (of the default eight without it). */
  cells: Readonly<Partial<Record<StandardLaneKind, readonly (readonly TemplateCard[])[]>>>;
  /** Today's experience per persona (the `as-is` line). */
  asIs: Readonly<Record<PersonaId, TemplateScores>>;
  /** The experience the team designs for (the `to-be` line), when the template shows one. */
  toBe?: Readonly<Record<PersonaId, TemplateScores>>;
}

/** Returns the scores of one line for every persona × stage the spec fills in. */
function buildScores(spec: TemplateSpec, line: 'as-is' | 'to-be'): EmotionScore[] {
  const table = line === 'as-is' ? spec.asIs : spec.toBe;
  if (!table) return [];
  return spec.personas.flatMap((persona) =>
    (table[persona.id] ?? []).flatMap(([score, note], index): EmotionScore[] => {
      const stage = spec.stages[index];
      if (!stage) return [];
      const stageId = toStageId(stage[0]);
      return [line === 'as-is' ? { persona: persona.id, stage: stageId, score, note } : { persona: persona.id, stage: stageId, line, score, note }];
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
    spec.stages.forEach(([stageKey], stageIndex) => {
      (spec.cells[kind]?.[stageIndex] ?? []).forEach((card, cardIndex) => {
        const base = {
          id: `card:${kind}-${stageKey}-${cardIndex + 1}` as CardId,
          stage: toStageId(stageKey),
          lane: toLaneId(kind),
        };
        cards.push(typeof card === 'string' ? { ...base, text: card } : { ...base, text: card.text, persona: card.persona });
      });
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
    stages: spec.stages.map(([key, name]) => ({ id: toStageId(key), name })),
    lanes: lanes.map((kind) => ({ id: toLaneId(kind), kind, title: spec.laneTitles?.[kind] ?? titles[kind] })),
    cards,
    // As-is scores first, then the to-be line: the order people read them in.
    emotions: [...buildScores(spec, 'as-is'), ...buildScores(spec, 'to-be')],
  };
  return { id: spec.id, name: spec.name, description: spec.description, journey };
}
