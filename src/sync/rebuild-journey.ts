import { clampEmotionScore, EMOTION_STEPS } from '../model/emotion-scale';
import { findCardRelation, JOURNEY_SCHEMA, LANE_KINDS, type Card, type CardId, type EmotionScore, type EvidenceKind, type Journey, type JourneyPlace, type Lane, type LaneId, type LaneKind, type Persona, type PersonaId, type Stage, type Step } from '../model/journey';
import { MAX_CARD_TEXT, MAX_LONG_TEXT, MAX_SHORT_TEXT, parseJourney } from '../model/journey-schema';
import type { ValidationError } from '../model/parse-result';
import { hasRichForm, isFormOf, normalizeRichText } from '../model/rich-text';
import { STANDARD_LANE_TITLES } from '../model/templates/blank-journey';
import { clipText } from '../model/text-size';
import { describePersonaHeading, readStepContact } from '../layout/layout-journey';
import { findMapLabels, type MapLabels } from '../layout/map-labels';
import { emotionNoteKey, parseSceneKey, type SceneKeyInfo } from '../layout/scene-keys';
import { findMatrixRating, readMatrixGrid, readMatrixPlan } from '../layout/layout-matrix';
import { normalizeBoardText } from './board-text';
import { relink } from './merge-board-links';
import type { Snapshot, SnapshotItem } from './host-port';
import { findStickyPoint, parsePersonaCard } from './merge-board-edits';

/** What a journey rebuilt from the board says of how it was found. */
export interface RebuiltJourney {
  journey: Journey;
  /** Items of the map whose place could not be read exactly (no header or band to place them by): they went to the nearest cell. */
  guessed: number;
}

type Keyed = { item: SnapshotItem; info: SceneKeyInfo };

const LOCALES = ['en', 'ru', 'uk'] as const;

const centreX = (item: SnapshotItem): number => item.x + item.width / 2;
const centreY = (item: SnapshotItem): number => item.y + item.height / 2;
const firstLine = (text: string): string => normalizeBoardText(text).split('\n')[0] ?? '';
const oneLine = (text: string): string => normalizeBoardText(text).replace(/\n/g, ' ');

/** The language the map's own words are in: the one whose lane titles and persona labels the board shows most. */
function findLocale(keyed: readonly Keyed[]): (typeof LOCALES)[number] {
  let best: { locale: (typeof LOCALES)[number]; score: number } = { locale: 'en', score: 0 };
  for (const locale of LOCALES) {
    const titles = new Set(Object.values(STANDARD_LANE_TITLES[locale]));
    const labels = findMapLabels(locale);
    let score = 0;
    for (const { item, info } of keyed) {
      if (info.kind === 'lane' && titles.has(oneLine(item.text))) score += 1;
      if (info.kind === 'persona') {
        for (const label of [labels.goals, labels.needs, labels.pains, labels.behaviour, labels.channels]) {
          if (normalizeBoardText(item.text).split('\n').some((line) => line.startsWith(`${label}:`))) score += 1;
        }
      }
      if (info.kind === 'subtitle' && normalizeBoardText(item.text).startsWith(`${labels.goal}:`)) score += 1;
    }
    if (score > best.score) best = { locale, score };
  }
  return best.locale;
}

/**
 * A lane's kind from its title: the title the app gives a standard lane in
 * the map's language; else from its id, which names the kind for every lane
 * a template or the editor made (`lane:actions`, retitled "Customer
 * actions"); `custom` otherwise.
 */
function findLaneKind(title: string, locale: (typeof LOCALES)[number], id: LaneId): LaneKind {
  const titles = STANDARD_LANE_TITLES[locale];
  for (const kind of LANE_KINDS) {
    if (kind !== 'custom' && titles[kind] === title) return kind;
  }
  const named = id.slice('lane:'.length);
  return (LANE_KINDS as readonly string[]).includes(named) ? (named as LaneKind) : 'custom';
}

/** The persona a card stands for, read from its board text (heading first): a leading emoji is the avatar. */
function readPersona(id: PersonaId, text: string, labels: MapLabels): Persona | undefined {
  const heading = firstLine(text);
  const avatar = /^(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*)\s+\S/u.exec(heading)?.[1];
  const base: Persona = { id, name: '', goals: [], needs: [], pains: [], behaviour: [], channels: [], ...(avatar ? { avatar } : {}) };
  return parsePersonaCard(base, text, labels);
}

/** The scope line read without knowing which fields the map had: three parts are product, scenario and period. */
function readScope(text: string, labels: MapLabels): Journey['scope'] {
  const scope: Journey['scope'] = {};
  for (const line of normalizeBoardText(text).split('\n')) {
    if (line.startsWith(`${labels.goal}:`)) {
      scope.goal = clipText(line.slice(labels.goal.length + 1).trim(), MAX_LONG_TEXT);
      continue;
    }
    const parts = line.split(' · ').map((part) => part.trim());
    const [product, scenario, period] = parts.length >= 3 ? parts : [parts[0], parts[1], undefined];
    if (product) scope.product = clipText(product, MAX_SHORT_TEXT);
    if (scenario) scope.scenario = clipText(parts.length > 3 ? parts.slice(1, -1).join(' · ') : scenario, MAX_LONG_TEXT);
    if (period && parts.length >= 3) scope.period = clipText(parts[parts.length - 1] ?? period, MAX_SHORT_TEXT);
  }
  return scope;
}

/** A step read from its header: the name on the first line, "touchpoint · channel" under it. */
function readStep(id: Step['id'], text: string): Step {
  const [name = '', ...contact] = normalizeBoardText(text).split('\n');
  const step: Step = { id, name: clipText(name.trim(), MAX_SHORT_TEXT) || id.slice('step:'.length) };
  const read = readStepContact(contact.join(' '));
  if (read.touchpoint) step.touchpoint = clipText(read.touchpoint, MAX_SHORT_TEXT);
  if (read.channel) step.channel = clipText(read.channel, MAX_SHORT_TEXT);
  return step;
}

/** Index of the range (sorted by start) that holds `value`, else the nearest one. */
function findNearest<T>(ranges: readonly { start: number; end: number; value: T }[], value: number): { value: T; exact: boolean } | undefined {
  let best: { value: T; distance: number; exact: boolean } | undefined;
  for (const range of ranges) {
    const exact = value >= range.start && value < range.end;
    const distance = exact ? 0 : Math.min(Math.abs(value - range.start), Math.abs(value - range.end));
    if (!best || distance < best.distance) best = { value: range.value, distance, exact };
  }
  return best && { value: best.value, exact: best.exact };
}

/**
 * Rebuilds the journey of a map from its items alone, for when the record
 * stored with the map is missing, damaged, of another board or of an
 * unknown version. The layout is deterministic, so the board holds all of
 * it: stages from the headers (left to right), lanes from the labels and
 * bands (top to bottom; a lane's kind from its title), cards from the
 * stickies in the cells (in reading order, with the form their text has),
 * personas from their cards, emotion scores from the points (the face they
 * show, else their height on the scale), notes beside them, the title and
 * the scope line. Items without this map's identity are not read here: the
 * Regenerate that follows adopts them as it always does.
 *
 * Pure. Fails with the validation errors when the board holds no stage or
 * no lane (nothing to build a map on).
 */
export function rebuildJourneyFromBoard(snapshot: Snapshot): { ok: true; value: RebuiltJourney } | { ok: false; errors: ValidationError[] } {
  const keyed: Keyed[] = [];
  const taken = new Set<string>();
  for (const item of [...snapshot.items].sort((a, b) => a.itemId.localeCompare(b.itemId))) {
    if (item.identity.map !== snapshot.mapId) continue;
    const info = parseSceneKey(item.identity.key);
    if (info) keyed.push({ item, info });
  }
  const locale = findLocale(keyed);
  const labels = findMapLabels(locale);
  const of = <K extends SceneKeyInfo['kind']>(kind: K): { item: SnapshotItem; info: Extract<SceneKeyInfo, { kind: K }> }[] =>
    keyed.filter((entry): entry is { item: SnapshotItem; info: Extract<SceneKeyInfo, { kind: K }> } => entry.info.kind === kind);
  const once = <T extends { item: SnapshotItem }>(entries: T[], id: (entry: T) => string): T[] =>
    entries.filter((entry) => {
      const key = id(entry);
      if (taken.has(key)) return false;
      taken.add(key);
      return true;
    });

  // Stages, left to right, each with its steps from their headers (name, then "touchpoint · channel"), left to right.
  const headers = once(of('stage'), (entry) => entry.info.stage).sort((a, b) => centreX(a.item) - centreX(b.item));
  const stepHeaders = once(of('step'), (entry) => entry.info.step).sort((a, b) => centreX(a.item) - centreX(b.item));
  const stages: Stage[] = headers.map(({ item, info }) => {
    const steps = stepHeaders.filter((header) => header.info.stage === info.stage).map(({ item: stepItem, info: stepInfo }) => readStep(stepInfo.step, stepItem.text));
    return { id: info.stage, name: clipText(oneLine(item.text), MAX_SHORT_TEXT) || info.stage.slice('stage:'.length), ...(steps.length > 0 ? { steps } : {}) };
  });
  // The columns of the cells: a stage's header for a stage without steps, its steps' headers for the others.
  const columnBoxes = headers.flatMap(({ item, info }): { item: SnapshotItem; place: JourneyPlace }[] => {
    const own = stepHeaders.filter((header) => header.info.stage === info.stage);
    return own.length === 0 ? [{ item, place: { stage: info.stage } }] : own.map((header) => ({ item: header.item, place: { stage: info.stage, step: header.info.step } }));
  });
  const columns = columnBoxes.map(({ item, place }, index) => {
    const previous = columnBoxes[index - 1]?.item;
    const next = columnBoxes[index + 1]?.item;
    const start = previous ? (previous.x + previous.width + item.x) / 2 : item.x - item.width / 2;
    const end = next ? (item.x + item.width + next.x) / 2 : item.x + item.width * 1.5;
    return { start, end, value: place };
  });

  // Lanes, top to bottom: a label or a band is enough to know one.
  const laneBoxes = new Map<LaneId, { title?: string; top: number; bottom: number }>();
  for (const { item, info } of of('row')) laneBoxes.set(info.lane, { ...laneBoxes.get(info.lane), top: item.y, bottom: item.y + item.height });
  for (const { item, info } of of('lane')) {
    const known = laneBoxes.get(info.lane);
    laneBoxes.set(info.lane, { top: known?.top ?? item.y, bottom: known?.bottom ?? item.y + item.height, title: clipText(oneLine(item.text), MAX_SHORT_TEXT) });
  }
  const points = of('emotion');
  const laneOrder = [...laneBoxes.entries()].sort((a, b) => a[1].top - b[1].top);
  const rows = laneOrder.map(([lane, box]) => ({ start: box.top, end: box.bottom, value: lane }));
  // The lane the emotion points lie in is the emotions lane, whatever its title.
  const emotionLane = points.length > 0 ? findNearest(rows, centreY(points[0]?.item as SnapshotItem))?.value : undefined;
  const lanes: Lane[] = laneOrder.map(([id, box]) => {
    const named = findLaneKind(box.title ?? '', locale, id);
    const kind: LaneKind = id === emotionLane ? 'emotions' : named === 'emotions' && emotionLane !== undefined ? 'custom' : named;
    const title = box.title || (kind === 'custom' ? id.slice('lane:'.length) : STANDARD_LANE_TITLES[locale][kind]);
    return { id, kind, title };
  });
  // Only one lane may hold the chart.
  let sawEmotions = false;
  for (const lane of lanes) {
    if (lane.kind !== 'emotions') continue;
    if (sawEmotions) lane.kind = 'custom';
    sawEmotions = true;
  }

  // Cards, in reading order within each cell; a twin of a card becomes a card of its own.
  let guessed = 0;
  const evidence = new Map<string, EvidenceKind>();
  for (const { item, info } of of('evidence')) {
    const text = oneLine(item.text);
    const kind = (Object.entries(labels.evidence) as [EvidenceKind, string][]).find(([, label]) => label === text)?.[0];
    if (kind) evidence.set(info.card, kind);
  }
  // Within a cell the layout places stickies in rows, left to right, each row top-aligned.
  const cardItems = of('card')
    .filter(({ item }) => item.type === 'sticky' && normalizeBoardText(item.text) !== '')
    .sort((a, b) => a.item.y - b.item.y || a.item.x - b.item.x);
  const cards: Card[] = [];
  const cardIds = new Set<string>();
  for (const { item, info } of cardItems) {
    const column = findNearest(columns, centreX(item));
    const row = findNearest(rows, centreY(item));
    if (!column || !row) continue;
    if (!column.exact || !row.exact) guessed += 1;
    let id: CardId = info.card;
    for (let index = 2; cardIds.has(id); index += 1) id = `${info.card}-${index}` as CardId;
    cardIds.add(id);
    const card: Card = { id, stage: column.value.stage, ...(column.value.step ? { step: column.value.step } : {}), lane: row.value, text: clipText(item.text.trim(), MAX_CARD_TEXT) };
    const kind = evidence.get(info.card);
    if (kind && id === info.card) card.evidence = kind;
    const rich = item.rich ? normalizeRichText(item.rich) : undefined;
    if (rich && hasRichForm(rich) && isFormOf(rich, card.text)) card.form = rich;
    cards.push(card);
  }

  // Personas from their cards; a persona whose card is gone but whose line is drawn keeps its id.
  const personas: Persona[] = [];
  for (const { item, info } of once(of('persona'), (entry) => entry.info.persona).sort((a, b) => a.item.y - b.item.y || a.item.x - b.item.x)) {
    const persona = readPersona(info.persona, item.text, labels);
    if (persona) personas.push(persona);
  }
  const knownPersonas = new Set<string>(personas.map((persona) => persona.id));
  for (const { info } of points) {
    if (knownPersonas.has(info.persona)) continue;
    knownPersonas.add(info.persona);
    personas.push({ id: info.persona, name: info.persona.slice('persona:'.length), goals: [], needs: [], pains: [], behaviour: [], channels: [] });
  }

  // Whom each card speaks for: the persona its mark names (avatar and name, as the persona's card heads it).
  const byLabel = new Map(personas.map((persona) => [oneLine(describePersonaHeading(persona)), persona.id]));
  for (const { item, info } of of('persona-mark')) {
    const persona = byLabel.get(oneLine(item.text));
    const card = cards.find((candidate) => candidate.id === info.card);
    if (card && persona) card.persona = persona;
  }
  // A host that tags stickies: the persona whose tag the sticky carries.
  for (const { item, info } of cardItems) {
    const card = cards.find((candidate) => candidate.id === info.card);
    const persona = item.tags?.map((tag) => byLabel.get(oneLine(tag))).find((found) => found !== undefined);
    if (card && persona) card.persona = persona;
  }

  // Emotion scores: the face a point shows, else its height against the scale labels.
  const scale = of('emotion-scale').map(({ item, info }) => ({ score: info.score, y: centreY(item) }));
  const notes = new Map(of('emotion-note').map(({ item }) => [item.identity.key, item] as const));
  // A point is read at a place the rebuilt journey has: a step of its stage when the stage has steps, the stage when it has none.
  const placesOf = new Map(stages.map((stage) => [stage.id as string, new Set<string>((stage.steps ?? []).map((step) => step.id))]));
  const scored = new Set<string>();
  const emotions: EmotionScore[] = [];
  for (const { item, info } of points.sort((a, b) => centreX(a.item) - centreX(b.item))) {
    const steps = placesOf.get(info.stage);
    if (!steps || (info.step ? !steps.has(info.step) : steps.size > 0)) continue;
    const pair = `${info.persona} ${info.step ?? info.stage} ${info.line}`;
    if (scored.has(pair)) continue;
    scored.add(pair);
    const face = EMOTION_STEPS.find((step) => normalizeBoardText(item.text) === step.face)?.score;
    const nearest = scale.length > 0 ? scale.reduce((best, step) => (Math.abs(step.y - centreY(item)) < Math.abs(best.y - centreY(item)) ? step : best)).score : undefined;
    const score = clampEmotionScore(face ?? nearest ?? 0);
    const place: JourneyPlace = info.step ? { stage: info.stage, step: info.step } : { stage: info.stage };
    const emotion: EmotionScore = { persona: info.persona, ...place, score, ...(info.line === 'to-be' ? { line: 'to-be' as const } : {}) };
    const noteKey = emotionNoteKey(info.persona, place, info.line);
    const note = notes.get(noteKey);
    if (note && oneLine(note.text)) emotion.note = clipText(oneLine(note.text), MAX_LONG_TEXT);
    emotions.push(emotion);
  }

  // Links between cards: each of the map's connectors between two of its cards, when that pair can be linked.
  const cardsById = new Map(cards.map((card) => [card.id as string, card]));
  for (const { info } of of('link')) {
    const [from, to] = [cardsById.get(info.from), cardsById.get(info.to)];
    const link = from && to ? findCardRelation({ lanes }, from, to) : undefined;
    if (from && link && link.from === from.id && link.to === info.to) relink(cardsById, link);
  }

  // The prioritisation matrix: each opportunity's ratings where its sticky lies, its owner, status and KPI from the line under it.
  const matrix = readMatrixGrid(keyed.map(({ item }) => ({ ...item, key: item.identity.key })));
  if (matrix) {
    const plans = new Map(of('matrix-plan').map(({ item, info }) => [info.card as string, readMatrixPlan(oneLine(item.text))]));
    for (const { item, info } of of('matrix-card')) {
      const card = cardsById.get(info.card);
      if (!card || lanes.find((lane) => lane.id === card.lane)?.kind !== 'opportunities') continue;
      const rating = findMatrixRating(matrix, findStickyPoint(item, snapshot.anchor));
      const plan = { ...card.plan, ...plans.get(info.card), ...(rating && rating !== 'unrated' ? rating : {}) };
      if (Object.keys(plan).length > 0) card.plan = plan;
    }
  }

  const title = of('title')[0]?.item;
  const subtitle = of('subtitle')[0]?.item;
  const frame = snapshot.items.find((item) => item.identity.key === 'map' && item.identity.map === snapshot.mapId);
  const journey = {
    schema: JOURNEY_SCHEMA,
    title: clipText(oneLine(title?.text ?? '') || oneLine(frame?.text ?? '') || 'Customer journey', MAX_SHORT_TEXT),
    locale,
    scope: subtitle ? readScope(subtitle.text, labels) : {},
    personas,
    stages,
    lanes,
    cards,
    emotions,
    // A matrix whose grid a person deleted is still the map's: drawn again, its ratings as stored on the cards.
    ...(keyed.some(({ info }) => info.kind === 'matrix-part' || info.kind === 'matrix-card') ? { matrix: true } : {}),
  };
  const checked = parseJourney(journey);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  return { ok: true, value: { journey: checked.value, guessed } };
}
