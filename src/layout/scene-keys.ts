import { listPlaces, listSteps, type CardId, type EmotionLine, type JourneyPlace, type LaneId, type PersonaId, type StageId, type StepId } from '../model/journey';
import type { BlueprintLine } from './blueprint-lines';

/**
 * The one key format of cjm-board. Every item the app draws carries its key,
 * so the board can be read back and matched to the journey. Keys are built
 * from model ids only, never from positions or text.
 *
 * | key                          | item                                   |
 * | ---------------------------- | -------------------------------------- |
 * | `map`                        | the map's frame / section              |
 * | `title`, `subtitle`          | map title and scope line               |
 * | `persona:<p>`                | persona card                           |
 * | `stage:<s>`                  | stage header                           |
 * | `step:<s>@<t>`               | header of step t of stage s            |
 * | `lane:<l>`                   | lane label                             |
 * | `row:<l>`                    | lane background band                   |
 * | `card:<c>`                   | sticky note of a card                  |
 * | `emotion:<p>:<s>`            | emotion point of persona p at stage s  |
 * | `emotion-note:<p>:<s>`       | the "why" beside that point            |
 * | `emotion-line:<p>`           | emotion line of persona p              |
 * | `emotion-scale:<n>`          | scale label for score n                |
 * | `evidence:<c>`               | evidence marker under card c's sticky  |
 * | `persona-mark:<c>`           | whom card c speaks for, under its sticky |
 * | `legend:<p>`                 | persona p's entry in the lines' legend |
 * | `blueprint:<line>`           | a service blueprint's line across the map (interaction, visibility, internal) |
 * | `blueprint-label:<line>`     | that line's name                       |
 * | `link:<c>:<d>`               | link from card c to card d (a connector) |
 * | `moment:<s>`                 | moment-of-truth mark over the pains at stage s (`<s>@<t>` at a step) |
 * | `matrix:<part>`              | a part of the prioritisation matrix (its grid, quadrants, tray, names and scales) |
 * | `matrix-card:<c>`            | opportunity card c's sticky in the matrix |
 * | `matrix-plan:<c>`            | the owner, status and KPI line under it |
 *
 * `<p>`, `<s>`, `<t>`, `<l>`, `<c>` are the ids without their prefix. A
 * point or note at a step names its stage and step: `emotion:<p>:<s>@<t>`
 * (`@` is no id's character, so a key reads one way). The three
 * emotion keys of the to-be line end in `:to-be` (`emotion:<p>:<s>:to-be`);
 * the as-is line's keys have no suffix, as before to-be lines existed.
 */
export type SceneKey = string & { readonly __sceneKey?: never };

/** A parsed key: what the item stands for. */
export type SceneKeyInfo =
  | { kind: 'map' }
  | { kind: 'title' }
  | { kind: 'subtitle' }
  | { kind: 'persona'; persona: PersonaId }
  | { kind: 'stage'; stage: StageId }
  | { kind: 'step'; stage: StageId; step: StepId }
  | { kind: 'lane'; lane: LaneId }
  | { kind: 'row'; lane: LaneId }
  | { kind: 'card'; card: CardId }
  | { kind: 'emotion'; persona: PersonaId; stage: StageId; step?: StepId; line: EmotionLine }
  | { kind: 'emotion-note'; persona: PersonaId; stage: StageId; step?: StepId; line: EmotionLine }
  | { kind: 'emotion-line'; persona: PersonaId; line: EmotionLine }
  | { kind: 'emotion-scale'; score: number }
  | { kind: 'evidence'; card: CardId }
  | { kind: 'persona-mark'; card: CardId }
  | { kind: 'legend'; persona: PersonaId }
  | { kind: 'blueprint-line'; line: BlueprintLine }
  | { kind: 'blueprint-label'; line: BlueprintLine }
  | { kind: 'link'; from: CardId; to: CardId }
  | { kind: 'moment'; stage: StageId; step?: StepId }
  | { kind: 'matrix-part'; part: MatrixPart }
  | { kind: 'matrix-card'; card: CardId }
  | { kind: 'matrix-plan'; card: CardId };

/** A quadrant of the prioritisation matrix: high impact for low effort first. */
export type MatrixQuadrant = 'quick-wins' | 'big-bets' | 'fill-ins' | 'money-pits';
type Rating = 1 | 2 | 3 | 4 | 5;
/** A part of the prioritisation matrix that holds no journey data. */
export type MatrixPart =
  | 'title'
  | 'hint'
  | 'grid'
  | 'tray'
  | 'tray-label'
  | 'axis-impact'
  | 'axis-effort'
  | MatrixQuadrant
  | `label-${MatrixQuadrant}`
  | `impact-${Rating}`
  | `effort-${Rating}`;

const local = (id: string): string => id.slice(id.indexOf(':') + 1);

export const MAP_KEY: SceneKey = 'map';
export const TITLE_KEY: SceneKey = 'title';
export const SUBTITLE_KEY: SceneKey = 'subtitle';
export const personaCardKey = (persona: PersonaId): SceneKey => persona;
export const stageHeaderKey = (stage: StageId): SceneKey => stage;
/** The part of a key that names a place: `<s>` for a stage, `<s>@<t>` for a step of it. */
const placePart = (place: StageId | JourneyPlace): string => (typeof place === 'string' ? local(place) : place.step ? `${local(place.stage)}@${local(place.step)}` : local(place.stage));
/** Key of the header of step `step` of stage `stage`. */
export const stepHeaderKey = (stage: StageId, step: StepId): SceneKey => `step:${local(stage)}@${local(step)}`;
export const laneLabelKey = (lane: LaneId): SceneKey => lane;
export const laneRowKey = (lane: LaneId): SceneKey => `row:${local(lane)}`;
export const cardKey = (card: CardId): SceneKey => card;
const lineSuffix = (line: EmotionLine): string => (line === 'to-be' ? ':to-be' : '');
/** Key of persona `persona`'s point at a stage or at a step (a place: `{ stage, step? }`, as a card or score names it). */
export const emotionPointKey = (persona: PersonaId, place: StageId | JourneyPlace, line: EmotionLine = 'as-is'): SceneKey =>
  `emotion:${local(persona)}:${placePart(place)}${lineSuffix(line)}`;
export const emotionNoteKey = (persona: PersonaId, place: StageId | JourneyPlace, line: EmotionLine = 'as-is'): SceneKey =>
  `emotion-note:${local(persona)}:${placePart(place)}${lineSuffix(line)}`;
export const emotionLineKey = (persona: PersonaId, line: EmotionLine = 'as-is'): SceneKey => `emotion-line:${local(persona)}${lineSuffix(line)}`;
export const emotionScaleKey = (score: number): SceneKey => `emotion-scale:${score}`;
export const evidenceKey = (card: CardId): SceneKey => `evidence:${local(card)}`;
/** Key of the mark under card `card`'s sticky naming the persona it speaks for. */
export const personaMarkKey = (card: CardId): SceneKey => `persona-mark:${local(card)}`;
/** Key of persona `persona`'s entry in the legend of the emotion lines. */
export const legendKey = (persona: PersonaId): SceneKey => `legend:${local(persona)}`;
/** Key of a service blueprint's line across the map, and of its name. */
export const blueprintLineKey = (line: BlueprintLine): SceneKey => `blueprint:${line}`;
export const blueprintLabelKey = (line: BlueprintLine): SceneKey => `blueprint-label:${line}`;
/** Key of the moment-of-truth mark over the pains at a stage or step. */
export const momentKey = (place: JourneyPlace): SceneKey => `moment:${placePart(place)}`;
/** Keys of the prioritisation matrix: a part of it, an opportunity's sticky in it and the plan line under that sticky. */
export const matrixPartKey = (part: MatrixPart): SceneKey => `matrix:${part}`;
export const matrixCardKey = (card: CardId): SceneKey => `matrix-card:${local(card)}`;
export const matrixPlanKey = (card: CardId): SceneKey => `matrix-plan:${local(card)}`;
/** Key of the link from card `from` (which holds it) to card `to`. */
export const linkKey = (from: CardId, to: CardId): SceneKey => `link:${local(from)}:${local(to)}`;

const LOCAL_ID = '[A-Za-z0-9][A-Za-z0-9_.-]{0,63}';
const PATTERNS: readonly [RegExp, (m: RegExpMatchArray) => SceneKeyInfo][] = [
  [/^map$/, () => ({ kind: 'map' })],
  [/^title$/, () => ({ kind: 'title' })],
  [/^subtitle$/, () => ({ kind: 'subtitle' })],
  [new RegExp(`^persona:(${LOCAL_ID})$`), (m) => ({ kind: 'persona', persona: `persona:${m[1]}` })],
  [new RegExp(`^stage:(${LOCAL_ID})$`), (m) => ({ kind: 'stage', stage: `stage:${m[1]}` })],
  [new RegExp(`^step:(${LOCAL_ID})@(${LOCAL_ID})$`), (m) => ({ kind: 'step', stage: `stage:${m[1]}`, step: `step:${m[2]}` })],
  [new RegExp(`^lane:(${LOCAL_ID})$`), (m) => ({ kind: 'lane', lane: `lane:${m[1]}` })],
  [new RegExp(`^row:(${LOCAL_ID})$`), (m) => ({ kind: 'row', lane: `lane:${m[1]}` })],
  [new RegExp(`^card:(${LOCAL_ID})$`), (m) => ({ kind: 'card', card: `card:${m[1]}` })],
  [
    new RegExp(`^emotion:(${LOCAL_ID}):(${LOCAL_ID})(?:@(${LOCAL_ID}))?(:to-be)?$`),
    (m) => ({ kind: 'emotion', persona: `persona:${m[1]}`, stage: `stage:${m[2]}`, ...(m[3] ? { step: `step:${m[3]}` } : {}), line: m[4] ? 'to-be' : 'as-is' }),
  ],
  [
    new RegExp(`^emotion-note:(${LOCAL_ID}):(${LOCAL_ID})(?:@(${LOCAL_ID}))?(:to-be)?$`),
    (m) => ({ kind: 'emotion-note', persona: `persona:${m[1]}`, stage: `stage:${m[2]}`, ...(m[3] ? { step: `step:${m[3]}` } : {}), line: m[4] ? 'to-be' : 'as-is' }),
  ],
  [new RegExp(`^emotion-line:(${LOCAL_ID})(:to-be)?$`), (m) => ({ kind: 'emotion-line', persona: `persona:${m[1]}`, line: m[2] ? 'to-be' : 'as-is' })],
  [new RegExp(`^legend:(${LOCAL_ID})$`), (m) => ({ kind: 'legend', persona: `persona:${m[1]}` })],
  [/^emotion-scale:(-?[0-9])$/, (m) => ({ kind: 'emotion-scale', score: Number(m[1]) })],
  [new RegExp(`^evidence:(${LOCAL_ID})$`), (m) => ({ kind: 'evidence', card: `card:${m[1]}` })],
  [new RegExp(`^persona-mark:(${LOCAL_ID})$`), (m) => ({ kind: 'persona-mark', card: `card:${m[1]}` })],
  [/^blueprint:(interaction|visibility|internal)$/, (m) => ({ kind: 'blueprint-line', line: m[1] as BlueprintLine })],
  [/^blueprint-label:(interaction|visibility|internal)$/, (m) => ({ kind: 'blueprint-label', line: m[1] as BlueprintLine })],
  [new RegExp(`^link:(${LOCAL_ID}):(${LOCAL_ID})$`), (m) => ({ kind: 'link', from: `card:${m[1]}`, to: `card:${m[2]}` })],
  [new RegExp(`^moment:(${LOCAL_ID})(?:@(${LOCAL_ID}))?$`), (m) => ({ kind: 'moment', stage: `stage:${m[1]}`, ...(m[2] ? { step: `step:${m[2]}` } : {}) })],
  [
    /^matrix:(title|hint|grid|tray|tray-label|axis-impact|axis-effort|(?:label-)?(?:quick-wins|big-bets|fill-ins|money-pits)|(?:impact|effort)-[1-5])$/,
    (m) => ({ kind: 'matrix-part', part: m[1] as MatrixPart }),
  ],
  [new RegExp(`^matrix-card:(${LOCAL_ID})$`), (m) => ({ kind: 'matrix-card', card: `card:${m[1]}` })],
  [new RegExp(`^matrix-plan:(${LOCAL_ID})$`), (m) => ({ kind: 'matrix-plan', card: `card:${m[1]}` })],
];

/** Parses a key read from the board; returns undefined for anything not ours. */
export function parseSceneKey(key: string): SceneKeyInfo | undefined {
  for (const [pattern, build] of PATTERNS) {
    const match = key.match(pattern);
    if (match) return build(match);
  }
  return undefined;
}

/**
 * The keys of the items that show a place in the journey: a card; a
 * persona's emotion point at a stage; a stage (its header and cards); a lane
 * (its label and band); a persona (its card). For "show on board".
 */
export function findKeysOfPlace(
  journey: { stages?: readonly { id: StageId; steps?: readonly { id: StepId }[] }[]; cards: readonly { id: CardId; stage: StageId; step?: StepId }[] },
  place: { card?: CardId; stage?: StageId; step?: StepId; lane?: LaneId; persona?: PersonaId },
): SceneKey[] {
  if (place.card) return [cardKey(place.card)];
  if (place.stage && place.step && place.persona) return [emotionPointKey(place.persona, { stage: place.stage, step: place.step }), stepHeaderKey(place.stage, place.step)];
  if (place.stage && place.persona) return [emotionPointKey(place.persona, place.stage), stageHeaderKey(place.stage)];
  if (place.stage && place.step) {
    return [stepHeaderKey(place.stage, place.step), ...journey.cards.filter((card) => card.step === place.step).map((card) => cardKey(card.id))];
  }
  if (place.stage) {
    const stage = journey.stages?.find((candidate) => candidate.id === place.stage);
    const steps = stage ? listSteps(stage).map((step) => stepHeaderKey(stage.id, step.id)) : [];
    return [stageHeaderKey(place.stage), ...steps, ...journey.cards.filter((card) => card.stage === place.stage).map((card) => cardKey(card.id))];
  }
  if (place.lane) return [laneLabelKey(place.lane), laneRowKey(place.lane)];
  if (place.persona) return [personaCardKey(place.persona)];
  return [];
}

/**
 * Keys of everything on a map that speaks for persona `persona`: its card
 * and legend entry, its lines with their points and notes, and the cards
 * (with their marks) that speak for it; what "show this persona on the
 * board" selects. Cards for everyone are left out: they speak for all.
 */
export function findKeysOfPersona(
  journey: { stages: readonly { id: StageId; steps?: readonly { id: StepId }[] }[]; cards: readonly { id: CardId; persona?: PersonaId }[] },
  persona: PersonaId,
): SceneKey[] {
  const lines: EmotionLine[] = ['as-is', 'to-be'];
  const places = listPlaces(journey);
  return [
    personaCardKey(persona),
    legendKey(persona),
    ...lines.flatMap((line) => [
      emotionLineKey(persona, line),
      ...places.flatMap((place) => [emotionPointKey(persona, place, line), emotionNoteKey(persona, place, line)]),
    ]),
    ...journey.cards.filter((card) => card.persona === persona).flatMap((card) => [cardKey(card.id), personaMarkKey(card.id)]),
  ];
}
