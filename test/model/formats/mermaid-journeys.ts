import fc from 'fast-check';
import { foldName } from '../../../src/model/formats/lane-names';
import { JOURNEY_SCHEMA, type Card, type Journey, type PersonaId, type StageId, type Step } from '../../../src/model/journey';
import { decodeMermaidText, escapeMermaidText } from '../../../src/model/formats/mermaid-text';
import { parseJourney } from '../../../src/model/journey-schema';

/**
 * Journeys whose every text is hostile to Mermaid: its keywords, the
 * characters its lexer stops at, comments, directives, entity codes, HTML,
 * line breaks of every kind, emoji and arbitrary Unicode.
 */

const HOSTILE_PIECES = [
  '#', ':', ';', '%', '%%', '{', '}', '{}', ',', ', ', '"', "'", '\\', '&', '<', '>', '&amp;', '-', '---',
  'journey', 'Journey ', 'title ', 'Title page review', 'section ', 'section Payment', 'accTitle', 'accTitle: x', 'accDescr', 'accDescr {x}', 'accDescr: y',
  '%%{init: {}}%%', '%%{wrap}%%', '%% comment', '#35;', '#58;', '#quot;', '#x;', '#123', 'Order #123 confirmed', 'style', 'style:#a;', 'classDef x:#f00;',
  '<br>', '<br/>', '<BR />', '<b>bold</b>', '<script>x</script>', '<!-- -->',
  '\n', '\r', '\r\n', '\u2028', '\u2029', ' ', '  ', '\t', '\u00a0', '\ufeff', '\u202e',
  'é', 'Заказ', 'їжак', '注文', '😀', '👨‍👩‍👧‍👦', 'Me', 'a', '5', ': 5: Me',
];

/** Text made of hostile pieces and arbitrary characters (lone surrogates too). */
export const hostileText = (maxPieces: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) }), { minLength: 1, maxLength: maxPieces })
    .map((pieces) => pieces.join(''));

/** The key by which the importer tells names apart (as the journey builder folds them). */
const nameKey = (name: string): string => foldName(name.trim()) || `\u0000${name.trim()}`;

/**
 * A valid journey (the schema's normal form) of hostile texts: stages of one
 * to four steps, every persona scored at every step, as a Mermaid journey
 * imports (each task a step). Cards of other lanes are there to be left out.
 */
export function arbitraryHostileJourney(): fc.Arbitrary<Journey> {
  return fc
    .record({
      title: hostileText(6),
      scenario: fc.option(hostileText(8), { nil: undefined }),
      personas: fc.uniqueArray(hostileText(3), { minLength: 1, maxLength: 4, selector: nameKey }),
      stages: fc.uniqueArray(fc.tuple(hostileText(4), fc.array(hostileText(5), { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 5, selector: ([name]) => nameKey(name) }),
      otherLaneCards: fc.array(hostileText(2), { maxLength: 2 }),
      scores: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 23, maxLength: 23 }),
    })
    .map(({ title, scenario, personas, stages, otherLaneCards, scores }) => {
      const personaIds = personas.map((_, index): PersonaId => `persona:p${index + 1}`);
      const stageIds = stages.map((_, index): StageId => `stage:s${index + 1}`);
      let stepCount = 0;
      const withSteps = stages.map(([name, steps], index) => ({ id: stageIds[index] ?? 'stage:s1', name, steps: steps.map((stepName): Step => ({ id: `step:t${(stepCount += 1)}`, name: stepName })) }));
      let next = 0;
      const emotions = withSteps.flatMap((stage) => stage.steps.flatMap((step) => personaIds.map((persona) => ({ persona, stage: stage.id, step: step.id, score: scores[(next += 1) % scores.length] ?? 0 }))));
      return {
        schema: JOURNEY_SCHEMA,
        title,
        scope: scenario === undefined ? {} : { scenario },
        personas: personas.map((name, index) => ({ id: personaIds[index] ?? 'persona:p1', name, goals: [], needs: [], pains: [], behaviour: [], channels: [] })),
        stages: withSteps,
        lanes: [
          { id: 'lane:actions', kind: 'actions', title: 'Goals & actions' },
          { id: 'lane:emotions', kind: 'emotions', title: 'Emotions' },
          { id: 'lane:pains', kind: 'pains', title: 'Pains %%{x}%%' },
        ],
        cards: otherLaneCards.map((text, index): Card => ({ id: `card:o${index}`, stage: stageIds[0] ?? 'stage:s1', step: withSteps[0]?.steps[0]?.id ?? 'step:t1', lane: 'lane:pains', text })),
        emotions,
      } satisfies Journey;
    })
    .filter((journey) => {
      const checked = parseJourney(journey);
      // Texts must survive the schema's trimming (and stay apart after it), and a step's name must say something in Mermaid.
      return (
        checked.ok &&
        new Set(checked.value.personas.map((persona) => nameKey(persona.name))).size === journey.personas.length &&
        new Set(checked.value.stages.map((stage) => nameKey(stage.name))).size === journey.stages.length &&
        checked.value.stages.every((stage) => (stage.steps ?? []).every((step) => decodeMermaidText(escapeMermaidText(step.name, 'task'), 'newline').trim() === step.name))
      );
    });
}

/**
 * A journey as the schema keeps it, with what a diagram cannot tell apart
 * made one: an empty scenario is none.
 */
export function normaliseForMermaid(journey: Journey): Journey {
  const checked = parseJourney(journey);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const value = checked.value;
  // An empty scenario is no scenario: nothing is written for it.
  if (value.scope.scenario === '') value.scope = {};
  return value;
}

/** What a Mermaid round trip keeps, by names and positions rather than ids: stages, their steps, personas, and each score at its stage and step. */
export function summariseJourney(journey: Journey) {
  const stageIndex = (id: string) => journey.stages.findIndex((stage) => stage.id === id);
  const stepIndex = (stage: string, id: string | undefined) => journey.stages.find((candidate) => candidate.id === stage)?.steps?.findIndex((step) => step.id === id) ?? -1;
  const personaName = (id: string | undefined) => (id ? journey.personas.find((persona) => persona.id === id)?.name : 'everyone');
  return {
    title: journey.title,
    scenario: journey.scope.scenario,
    stages: journey.stages.map((stage) => [stage.name, (stage.steps ?? []).map((step) => step.name)]),
    personas: journey.personas.map((persona) => persona.name),
    scores: journey.emotions.map((emotion) => [personaName(emotion.persona), stageIndex(emotion.stage), stepIndex(emotion.stage, emotion.step), emotion.score]).sort((first, second) => JSON.stringify(first).localeCompare(JSON.stringify(second))),
  };
}
