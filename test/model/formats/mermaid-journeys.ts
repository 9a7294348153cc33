import fc from 'fast-check';
import { foldName } from '../../../src/model/formats/lane-names';
import { JOURNEY_SCHEMA, type Card, type Journey, type PersonaId, type StageId } from '../../../src/model/journey';
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

/** A valid journey (the schema's normal form) of hostile texts, whose every persona is on a task of every stage and scored there. */
export function arbitraryHostileJourney(): fc.Arbitrary<Journey> {
  return fc
    .record({
      title: hostileText(6),
      scenario: fc.option(hostileText(8), { nil: undefined }),
      personas: fc.uniqueArray(hostileText(3), { minLength: 1, maxLength: 4, selector: nameKey }),
      stages: fc.uniqueArray(hostileText(4), { minLength: 1, maxLength: 5, selector: nameKey }),
      cards: fc.array(fc.tuple(fc.nat(), hostileText(6), fc.option(fc.nat(), { nil: undefined })), { maxLength: 12 }),
      otherLaneCards: fc.array(hostileText(2), { maxLength: 2 }),
      scores: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 20, maxLength: 20 }),
    })
    .map(({ title, scenario, personas, stages, cards, otherLaneCards, scores }) => {
      const personaIds = personas.map((_, index): PersonaId => `persona:p${index + 1}`);
      const stageIds = stages.map((_, index): StageId => `stage:s${index + 1}`);
      // Each stage starts with a card for everyone, so every persona is on a task there.
      const all: Card[] = stageIds.map((stage, index) => ({ id: `card:first${index}`, stage, lane: 'lane:actions', text: cards[index]?.[1] ?? 'Start' }));
      cards.forEach(([stage, text, persona], index) => {
        const card: Card = { id: `card:c${index}`, stage: stageIds[stage % stageIds.length] ?? 'stage:s1', lane: 'lane:actions', text };
        if (persona !== undefined) card.persona = personaIds[persona % personaIds.length] ?? 'persona:p1';
        all.push(card);
      });
      otherLaneCards.forEach((text, index) => all.push({ id: `card:o${index}`, stage: stageIds[0] ?? 'stage:s1', lane: 'lane:pains', text }));
      return {
        schema: JOURNEY_SCHEMA,
        title,
        scope: scenario === undefined ? {} : { scenario },
        personas: personas.map((name, index) => ({ id: personaIds[index] ?? 'persona:p1', name, goals: [], needs: [], pains: [], behaviour: [], channels: [] })),
        stages: stages.map((name, index) => ({ id: stageIds[index] ?? 'stage:s1', name })),
        lanes: [
          { id: 'lane:actions', kind: 'actions', title: 'Goals & actions' },
          { id: 'lane:emotions', kind: 'emotions', title: 'Emotions' },
          { id: 'lane:pains', kind: 'pains', title: 'Pains %%{x}%%' },
        ],
        // Cards in stage order, as a map lists them.
        cards: all.sort((first, second) => stageIds.indexOf(first.stage) - stageIds.indexOf(second.stage)),
        emotions: stageIds.flatMap((stage, stageIndex) => personaIds.map((persona, personaIndex) => ({ persona, stage, score: scores[(stageIndex * 4 + personaIndex) % scores.length] ?? 0 }))),
      } satisfies Journey;
    })
    .filter((journey) => {
      const checked = parseJourney(journey);
      // Texts must survive the schema's trimming (and stay apart after it).
      return checked.ok && new Set(checked.value.personas.map((persona) => nameKey(persona.name))).size === journey.personas.length && new Set(checked.value.stages.map((stage) => nameKey(stage.name))).size === journey.stages.length;
    });
}

/**
 * A journey as the schema keeps it, with what a diagram cannot tell apart
 * made one: with one persona, a card of that persona is a card for
 * everyone; an empty scenario is none.
 */
export function normaliseForMermaid(journey: Journey): Journey {
  const checked = parseJourney(journey);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const value = checked.value;
  if (value.personas.length === 1) value.cards = value.cards.map(({ persona: _persona, ...card }) => card);
  // An empty scenario is no scenario: nothing is written for it.
  if (value.scope.scenario === '') value.scope = {};
  return value;
}

/** What a Mermaid round trip keeps, by names and positions rather than ids. */
export function summariseJourney(journey: Journey) {
  const stageIndex = (id: string) => journey.stages.findIndex((stage) => stage.id === id);
  const personaName = (id: string | undefined) => (id ? journey.personas.find((persona) => persona.id === id)?.name : 'everyone');
  const actions = journey.lanes.find((lane) => lane.kind === 'actions')?.id;
  return {
    title: journey.title,
    scenario: journey.scope.scenario,
    stages: journey.stages.map((stage) => stage.name),
    personas: journey.personas.map((persona) => persona.name),
    cards: journey.cards.filter((card) => card.lane === actions).map((card) => [stageIndex(card.stage), card.text, personaName(card.persona)]),
    scores: journey.emotions.map((emotion) => [personaName(emotion.persona), stageIndex(emotion.stage), emotion.score]).sort((first, second) => JSON.stringify(first).localeCompare(JSON.stringify(second))),
  };
}
