import { EMOTION_MAX, EMOTION_MIN } from '../emotion-scale';
import { JOURNEY_SCHEMA, type Card, type CardId, type EmotionLine, type EmotionScore, type Journey, type Lane, type LaneId, type Persona, type PersonaId, type Stage, type StageId, type Step, type StepId } from '../journey';
import { findLaneKind, foldName } from './lane-names';

/** Where a value came from in an imported file, for error messages. */
export type SourcePlace = string;

/**
 * Collects a journey from rows of a file (CSV, Mermaid) by names: stages,
 * lanes and personas in the order they first appear, ids made up from their
 * position (`stage:s1`, `lane:actions`, `persona:p1`, `card:c1`), so the
 * same file always gives the same journey.
 */
export interface JourneyBuilder {
  stage(name: string): StageId;
  /**
   * A step of `stage` named `name`: the one of that name already there, or
   * (`separate`, for a format whose every row is a step of its own) always a
   * new one. Ids run through the journey: `step:t1`, `step:t2`, …
   */
  step(stage: StageId, name: string, options?: { separate?: boolean }): StepId;
  /** How many steps the journey has so far. */
  countSteps(): number;
  lane(name: string): LaneId;
  persona(name: string): PersonaId;
  /** The persona of rows that name none: the first one when built, or a default "Customer". */
  defaultPersona(): PersonaId;
  /** Adds a card; returns its id. */
  card(card: Omit<Card, 'id'>): CardId;
  /** Records a score; returns the earlier, different score of the same persona and stage, if any. */
  /** Scores `persona` at `stage` on the as-is line (or the to-be one); the score already there when it differs. */
  score(persona: PersonaId, stage: StageId, score: number, line?: EmotionLine, step?: StepId): number | undefined;
  hasStages(): boolean;
  build(title: string): Journey;
}

/** The language of imported text: Ukrainian or Russian when written so, else English. */
export function detectLocale(texts: readonly string[]): 'en' | 'ru' | 'uk' {
  const all = texts.join(' ');
  if (/[іїєґІЇЄҐ]/.test(all)) return 'uk';
  if (/[а-яёА-ЯЁ]/.test(all)) return 'ru';
  return 'en';
}

const UNNAMED: PersonaId = 'persona:';
const DEFAULT_PERSONA: Readonly<Record<'en' | 'ru' | 'uk', string>> = { en: 'Customer', ru: 'Клиент', uk: 'Клієнт' };

export function createJourneyBuilder(): JourneyBuilder {
  const stages: Stage[] = [];
  const lanes: Lane[] = [];
  const personas: Persona[] = [];
  const cards: Card[] = [];
  const emotions: EmotionScore[] = [];
  const stageByName = new Map<string, StageId>();
  const stepByName = new Map<string, StepId>();
  let stepCount = 0;
  const laneByName = new Map<string, LaneId>();
  const personaByName = new Map<string, PersonaId>();
  // Scores by persona and stage: a file may hold many, and a search of the list for each would be quadratic.
  const emotionByPair = new Map<string, EmotionScore>();
  const texts: string[] = [];

  const addPersona = (name: string): PersonaId => {
    const id: PersonaId = `persona:p${personas.length + 1}`;
    personas.push({ id, name, goals: [], needs: [], pains: [], behaviour: [], channels: [] });
    personaByName.set(foldName(name) || name, id);
    return id;
  };

  return {
    stage(name) {
      const key = foldName(name) || name;
      const known = stageByName.get(key);
      if (known) return known;
      const id: StageId = `stage:s${stages.length + 1}`;
      stages.push({ id, name });
      stageByName.set(key, id);
      texts.push(name);
      return id;
    },
    step(stage, name, options = {}) {
      const key = `${stage} ${foldName(name) || name}`;
      const known = options.separate ? undefined : stepByName.get(key);
      if (known) return known;
      const owner = stages.find((candidate) => candidate.id === stage);
      if (!owner) throw new Error(`no stage ${stage} to hold the step ${name}`);
      stepCount += 1;
      const step: Step = { id: `step:t${stepCount}`, name };
      (owner.steps ??= []).push(step);
      if (!stepByName.has(key)) stepByName.set(key, step.id);
      texts.push(name);
      return step.id;
    },
    countSteps() {
      return stepCount;
    },
    lane(name) {
      const key = foldName(name) || name;
      const known = laneByName.get(key);
      if (known) return known;
      let kind = findLaneKind(name);
      // One emotions lane a map, one lane of each standard kind by id.
      if (kind !== 'custom' && lanes.some((lane) => lane.kind === kind)) kind = 'custom';
      const id: LaneId = kind === 'custom' ? `lane:l${lanes.length + 1}` : `lane:${kind}`;
      lanes.push({ id, kind, title: name });
      laneByName.set(key, id);
      texts.push(name);
      return id;
    },
    persona(name) {
      return personaByName.get(foldName(name) || name) ?? addPersona(name);
    },
    defaultPersona() {
      // Resolved when the journey is built: the first persona, or a default one.
      return UNNAMED;
    },
    card(card) {
      const id: CardId = `card:c${cards.length + 1}`;
      cards.push({ id, ...card });
      texts.push(card.text);
      return id;
    },
    score(persona, stage, score, line = 'as-is', step) {
      const pair = `${persona} ${step ?? stage} ${line}`;
      const known = emotionByPair.get(pair);
      if (known) return known.score === score ? undefined : known.score;
      const emotion: EmotionScore = { persona, stage, ...(step ? { step } : {}), score: Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, score)), ...(line === 'to-be' ? { line } : {}) };
      emotions.push(emotion);
      emotionByPair.set(pair, emotion);
      return undefined;
    },
    hasStages() {
      return stages.length > 0;
    },
    build(title) {
      const locale = detectLocale(texts);
      if (personas.length === 0) addPersona(DEFAULT_PERSONA[locale]);
      // Rows that named no persona speak for the first one.
      const first = personas[0]?.id;
      const resolved = emotions.filter((emotion) => emotion.persona !== UNNAMED || !emotionByPair.has(`${first} ${emotion.step ?? emotion.stage} ${emotion.line ?? 'as-is'}`));
      for (const emotion of resolved) if (emotion.persona === UNNAMED && first) emotion.persona = first;
      return { schema: JOURNEY_SCHEMA, title, locale, scope: {}, personas, stages, lanes, cards, emotions: resolved };
    },
  };
}

/** Reads a score of the −2…+2 scale: "2", "+1", "−2" (a minus sign too); undefined otherwise. */
export function parseScore(text: string): number | undefined {
  const match = /^([+\-\u2212]?)\s*(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[2]) * (match[1] === '-' || match[1] === '\u2212' ? -1 : 1);
  return Number.isInteger(value) ? value : undefined;
}
