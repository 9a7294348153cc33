import fc from 'fast-check';
import { JOURNEY_SCHEMA, LANE_KINDS, type Card, type Journey, type LaneKind, type Persona, type Stage, type Step, type StepId } from '../../src/model/journey';
import { parseJourney } from '../../src/model/journey-schema';

/** The seed every property test of the core uses, so a failure replays. */
export const PROPERTY_SEED = 20261123;

// Words that stress wrapping: Latin, Cyrillic, CJK, emoji (incl. ZWJ
// sequences), punctuation and words too long for one sticky line.
const WORDS = [
  'order',
  'pay',
  'delivery',
  'Wait',
  'MMMMMM',
  'illicit',
  'Заказ',
  'оплата',
  'ЩЩЩЖЖЖ',
  'доставка',
  'їжак',
  '注文',
  '😫',
  '🎉',
  '👩‍💼',
  '&',
  '<b>',
  '"quoted"',
  'Supercalifragilisticexpialidocious',
  'Непереводимаяиграслов'.repeat(3),
  'W'.repeat(40),
];

const wordArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-zА-Яа-я0-9]{1,30}$/) },
);

/**
 * Non-blank text of at most `maxWords` words, separated by spaces or line
 * breaks, and at most `maxLength` characters (words that would pass it are
 * dropped, so the text stays within the schema's limit).
 */
export function textArbitrary(maxWords: number, maxLength = 200): fc.Arbitrary<string> {
  return fc.array(fc.tuple(wordArbitrary, fc.constantFrom(' ', ' ', ' ', '\n')), { minLength: 1, maxLength: maxWords }).map((parts) => {
    let text = '';
    parts.forEach(([word, separator], index) => {
      const next = index === 0 ? word : `${text}${separator}${word}`;
      if (next.length <= maxLength) text = next;
    });
    return text;
  });
}

const NON_EMOTION_KINDS = LANE_KINDS.filter((kind) => kind !== 'emotions');

/** Options of {@link journeyArbitrary}. */
export interface JourneyArbitraryOptions {
  /** Most lanes of kind `emotions` (the emotion chart); 0 to 3. */
  maxEmotionLanes?: number;
  /** Whether stages may hold steps (0–4 each): cards and scores then sit at the steps. */
  steps?: boolean;
}

/**
 * Valid journeys: 1–4 personas, 1–8 stages, 1–9 lanes of random kinds,
 * 0–5 cards per cell with varied text, and emotion scores for a random
 * subset of persona × stage pairs. Every value is checked by `parseJourney`,
 * so a property never runs on a journey the app would refuse.
 */
export function journeyArbitrary(options: JourneyArbitraryOptions = {}): fc.Arbitrary<Journey> {
  const maxEmotionLanes = options.maxEmotionLanes ?? 1;
  const maxSteps = options.steps ? 4 : 0;
  const laneKinds = fc
    .tuple(
      fc.array(fc.constantFrom(...NON_EMOTION_KINDS), { minLength: 0, maxLength: 9 }),
      fc.integer({ min: 0, max: maxEmotionLanes }),
      fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    )
    .map(([kinds, emotionLanes, positions]) => {
      const result: LaneKind[] = kinds.slice(0, 9 - emotionLanes);
      for (let index = 0; index < emotionLanes; index += 1) {
        result.splice((positions[index] ?? 0) % (result.length + 1), 0, 'emotions');
      }
      return result;
    })
    .filter((kinds) => kinds.length >= 1);

  return fc
    .record({
      personaCount: fc.integer({ min: 1, max: 4 }),
      stageCount: fc.integer({ min: 1, max: 8 }),
      laneKinds,
    })
    .chain(({ personaCount, stageCount, laneKinds: kinds }) => {
      const cellCount = stageCount * kinds.length;
      const cardArbitrary = fc.record({ text: textArbitrary(14, 1000), persona: fc.option(fc.nat({ max: personaCount - 1 }), { nil: undefined }) });
      return fc.record({
        title: textArbitrary(8),
        locale: fc.constantFrom(undefined, 'en', 'ru', 'uk-UA'),
        scope: fc.record(
          { goal: textArbitrary(10), product: textArbitrary(4), scenario: textArbitrary(6), period: fc.constantFrom('Q3 2026', '2026') },
          { requiredKeys: [] },
        ),
        personas: fc.array(
          fc.record({
            name: textArbitrary(3),
            avatar: fc.option(fc.constantFrom('👩‍💼', '🧑‍💻', 'AP', '😀'), { nil: undefined }),
            role: fc.option(textArbitrary(5), { nil: undefined }),
            goals: fc.array(textArbitrary(6), { maxLength: 3 }),
            pains: fc.array(textArbitrary(6), { maxLength: 2 }),
            quote: fc.option(textArbitrary(10), { nil: undefined }),
          }),
          { minLength: personaCount, maxLength: personaCount },
        ),
        stageNames: fc.array(textArbitrary(4), { minLength: stageCount, maxLength: stageCount }),
        stepNames: fc.array(fc.array(textArbitrary(3), { maxLength: maxSteps }), { minLength: stageCount, maxLength: stageCount }),
        stepDetails: fc.array(fc.record({ touchpoint: fc.option(textArbitrary(3), { nil: undefined }), channel: fc.option(fc.constantFrom('web', 'телефон', 'e-mail'), { nil: undefined }) }), { minLength: maxSteps, maxLength: maxSteps }),
        laneTitles: fc.array(textArbitrary(3), { minLength: kinds.length, maxLength: kinds.length }),
        cells: fc.array(fc.array(cardArbitrary, { maxLength: 5 }), { minLength: cellCount, maxLength: cellCount }),
        emotions: fc.array(
          fc.option(fc.record({ score: fc.integer({ min: -2, max: 2 }), note: fc.option(textArbitrary(8), { nil: undefined }) }), { nil: undefined }),
          { minLength: personaCount * stageCount, maxLength: personaCount * stageCount },
        ),
      }).map((parts) => {
        const personas: Persona[] = parts.personas.map((persona, index) => ({
          id: `persona:p${index}-x.y_${index}`,
          name: persona.name,
          ...(persona.avatar === undefined ? {} : { avatar: persona.avatar }),
          ...(persona.role === undefined ? {} : { role: persona.role }),
          goals: persona.goals,
          needs: [],
          pains: persona.pains,
          behaviour: [],
          channels: [],
          ...(persona.quote === undefined ? {} : { quote: persona.quote }),
        }));
        const stages: Stage[] = parts.stageNames.map((name, index) => {
          const steps = (parts.stepNames[index] ?? []).map((stepName, stepIndex): Step => {
            const details = parts.stepDetails[stepIndex];
            return {
              id: `step:s${index}-${stepIndex}`,
              name: stepName,
              ...(details?.touchpoint === undefined ? {} : { touchpoint: details.touchpoint }),
              ...(details?.channel === undefined ? {} : { channel: details.channel }),
            };
          });
          return { id: `stage:s${index}` as const, name, ...(steps.length > 0 ? { steps } : {}) };
        });
        // A card or score of a stage with steps goes to one of them, by its index.
        const placeOf = (stage: Stage, index: number): { stage: Stage['id']; step?: StepId } => {
          const steps = stage.steps ?? [];
          const step = steps[index % Math.max(1, steps.length)];
          return step ? { stage: stage.id, step: step.id } : { stage: stage.id };
        };
        const lanes = kinds.map((kind, index) => ({ id: `lane:l${index}` as const, kind, title: parts.laneTitles[index] ?? 'Lane' }));
        const cards: Card[] = [];
        parts.cells.forEach((cell, cellIndex) => {
          const stage = stages[cellIndex % stageCount];
          const lane = lanes[Math.floor(cellIndex / stageCount)];
          if (!stage || !lane) throw new Error('cell outside the grid');
          for (const card of cell) {
            cards.push({
              id: `card:c${cards.length}`,
              ...placeOf(stage, cards.length),
              lane: lane.id,
              text: card.text,
              ...(card.persona === undefined ? {} : { persona: personas[card.persona]?.id ?? personas[0]!.id }),
            });
          }
        });
        const emotions: Journey['emotions'] = [];
        parts.emotions.forEach((emotion, index) => {
          if (!emotion) return;
          const persona = personas[Math.floor(index / stageCount)];
          const stage = stages[index % stageCount];
          if (!persona || !stage) throw new Error('emotion outside the grid');
          const steps = stage.steps ?? [];
          if (steps.length === 0) {
            emotions.push({ persona: persona.id, stage: stage.id, score: emotion.score, ...(emotion.note === undefined ? {} : { note: emotion.note }) });
            return;
          }
          // One score per step, moving step by step; the note on the first.
          steps.forEach((step, stepIndex) => {
            const score = ((((emotion.score + 2 + stepIndex * (index + 1)) % 5) + 5) % 5) - 2;
            emotions.push({ persona: persona.id, stage: stage.id, step: step.id, score, ...(emotion.note === undefined || stepIndex > 0 ? {} : { note: emotion.note }) });
          });
        });
        const journey: Journey = {
          schema: JOURNEY_SCHEMA,
          title: parts.title,
          ...(parts.locale === undefined ? {} : { locale: parts.locale }),
          scope: parts.scope,
          personas,
          stages,
          lanes,
          cards,
          emotions,
        };
        const parsed = parseJourney(journey);
        if (!parsed.ok) throw new Error(`the journey arbitrary made an invalid journey: ${JSON.stringify(parsed.errors)}`);
        return parsed.value;
      });
    });
}
