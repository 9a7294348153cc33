import { clampEmotionScore } from '../model/emotion-scale';
import { listSteps, settlePlace, type Card, type CardId, type Journey, type JourneyPlace, type LaneId, type Persona, type StageId, type Step, type StepId } from '../model/journey';
import { MAX_CARD_TEXT, MAX_LONG_TEXT, MAX_PERSONA_NOTES, MAX_SHORT_TEXT, MAX_STEPS, MAX_STEPS_PER_STAGE } from '../model/journey-schema';
import { hasRichForm, isFormOf, normalizeRichText, type RichText } from '../model/rich-text';
import { clipText } from '../model/text-size';
import type { HostMetrics } from '../layout/host-metrics';
import { describePersonaHeading, describeStepContact, layoutJourney, readStepContact } from '../layout/layout-journey';
import { findMapLabels, type MapLabels } from '../layout/map-labels';
import { createMatrixSticky, findMatrixRating, listMatrixCards, readMatrixGrid, type MatrixGrid } from '../layout/layout-matrix';
import type { TextMeasurer } from '../layout/measure-text';
import type { Scene, SceneNode } from '../layout/scene';
import { cardKey, emotionNoteKey, emotionPointKey, linkKey, matrixPartKey, parseSceneKey, stageHeaderKey, stepHeaderKey, type SceneKey, type SceneKeyInfo } from '../layout/scene-keys';
import { normalizeBoardText } from './board-text';
import { mergeBoardLinks } from './merge-board-links';
import { hashSceneNode } from './diff-scene';
import { hashContent } from './content-hash';
import type { ForeignItem, LeftAloneItem, Snapshot, SnapshotItem } from './host-port';

export { normalizeBoardText };

/** One edit found on the board and what became of it. */
export interface BoardChange {
  kind:
    | 'card-text'
    | 'card-persona'
    | 'card-moved'
    | 'card-deleted'
    | 'card-adopted'
    | 'emotion'
    | 'note'
    | 'stage-renamed'
    | 'step-renamed'
    | 'step-added'
    | 'lane-renamed'
    | 'title'
    | 'persona'
    | 'scope'
    | 'link-added'
    | 'link-removed'
    | 'plan-rated'
    | 'released';
  key: SceneKey;
  /** For people: what changed, e.g. `Order & pay → Checkout`. */
  detail: string;
}

/** A sticky a person added inside a cell, now a card; or a connector they drew between two cards, now a link. */
export interface Adoption {
  itemId: string;
  key: SceneKey;
  /** What the item is drawn for: a sticky unless said. */
  type?: 'sticky' | 'link';
}

/** Items of this app whose text the journey cannot hold: handed over to people. */
export interface Release {
  key: SceneKey;
  itemIds: string[];
}

/** The journey with the board's edits, and what the board must do about them. */
export interface MergedBoard {
  journey: Journey;
  changes: BoardChange[];
  adoptions: Adoption[];
  releases: Release[];
  /** Stickies on the map left to people this time (not adopted), where they lie. */
  leftAlone: LeftAloneItem[];
  /** The map as the base journey drew it, by key: what the board showed before people edited it. */
  drawn: Map<SceneKey, SceneNode>;
  /** Items that doubled a map item with nothing of their own (same key, same text): removed, so the map heals to one. */
  removals: { key: SceneKey; itemIds: string[] }[];
  /** Cards whose sticky holds more text than a card takes: the journey keeps the first part, the board keeps all of it. */
  cut: SceneKey[];
  /** People's stickies whose words became a new step's name, by the step header's key: removed, the header shows their words. */
  absorbed: { key: SceneKey; itemIds: string[] }[];
}

/** Kinds of items the layout derives from the journey and that hold no journey data of their own (bands, scale, markers, legend, a blueprint's lines, the moment of truth's mark, the matrix's grid, names and plan lines). */
const DERIVED_KINDS: ReadonlySet<SceneKeyInfo['kind']> = new Set(['row', 'emotion-scale', 'evidence', 'persona-mark', 'legend', 'blueprint-line', 'blueprint-label', 'moment', 'matrix-part', 'matrix-plan']);

/** What merging needs besides the journey and the snapshot. */
export interface MergeBoardOptions {
  /** Metrics the map was drawn with: cells are where that layout put them. */
  metrics: HostMetrics;
  measureText?: TextMeasurer;
  /**
   * Whether the last run finished drawing the map. While it had not, an item
   * missing from the board was never drawn, so its card is not deleted.
   */
  complete: boolean;
  /** Stickies the last run left alone: not adopted while they lie where they were. */
  leftAlone?: readonly LeftAloneItem[];
}


interface Cell extends JourneyPlace {
  lane: LaneId;
}

interface Grid {
  /** The columns of the cells: a stage without steps, or a step of one. */
  columns: (JourneyPlace & { left: number; right: number })[];
  rows: { lane: LaneId; top: number; bottom: number }[];
  /** Centre y of each score on the emotion chart. */
  scoreCentres: { score: number; y: number }[];
  /**
   * Where a sticky makes a new step: over a stage's header or in the row of
   * step headers under it, from the headers' top to the first lane; each
   * stage reaches halfway into the gutters, as its cells do.
   */
  stepRow: { top: number; bottom: number; stages: { stage: StageId; left: number; right: number }[] } | undefined;
}

const joinLines = (text: string): string => normalizeBoardText(text).replace(/\n/g, ' ');

/** Boxes in reading order, each reaching halfway into the gutters, so a sticky dropped between two belongs to the nearer one. */
function spanColumns<T>(boxes: readonly { place: T; x: number; width: number }[]): (T & { left: number; right: number })[] {
  return boxes.map((box, index) => {
    const previous = boxes[index - 1];
    const next = boxes[index + 1];
    const left = previous ? (previous.x + previous.width + box.x) / 2 : box.x - box.width / 2;
    const right = next ? (box.x + box.width + next.x) / 2 : box.x + box.width * 1.5;
    return { ...box.place, left, right };
  });
}

function readGrid(scene: Scene, journey: Journey): Grid {
  const grid: Grid = { columns: [], rows: [], scoreCentres: [], stepRow: undefined };
  const byKey = new Map(scene.nodes.map((node) => [node.key, node]));
  // The columns are the journey's places: a stage's header for a stage without steps, a step's header for each step of the others.
  const columns: { place: JourneyPlace; x: number; width: number }[] = [];
  const stages: { place: { stage: StageId }; x: number; width: number }[] = [];
  let headersBottom = Number.NEGATIVE_INFINITY;
  let headersTop = Number.POSITIVE_INFINITY;
  for (const stage of journey.stages) {
    const header = byKey.get(stageHeaderKey(stage.id));
    if (!header) continue;
    stages.push({ place: { stage: stage.id }, x: header.x, width: header.width });
    headersTop = Math.min(headersTop, header.y);
    headersBottom = Math.max(headersBottom, header.y + header.height);
    const steps = listSteps(stage);
    if (steps.length === 0) columns.push({ place: { stage: stage.id }, x: header.x, width: header.width });
    for (const step of steps) {
      const stepHeader = byKey.get(stepHeaderKey(stage.id, step.id));
      if (!stepHeader) continue;
      columns.push({ place: { stage: stage.id, step: step.id }, x: stepHeader.x, width: stepHeader.width });
      headersBottom = Math.max(headersBottom, stepHeader.y + stepHeader.height);
    }
  }
  grid.columns = spanColumns(columns);
  const bands = scene.nodes.filter((node) => parseSceneKey(node.key)?.kind === 'row');
  bands.forEach((band, index) => {
    const info = parseSceneKey(band.key);
    if (info?.kind !== 'row') return;
    const next = bands[index + 1];
    grid.rows.push({ lane: info.lane, top: band.y, bottom: next ? next.y : band.y + band.height });
  });
  for (const node of scene.nodes) {
    const info = parseSceneKey(node.key);
    if (info?.kind === 'emotion-scale') grid.scoreCentres.push({ score: info.score, y: node.y + node.height / 2 });
  }
  const firstRow = grid.rows[0];
  if (stages.length > 0) grid.stepRow = { top: headersTop, bottom: Math.max(headersBottom, firstRow ? firstRow.top : headersBottom), stages: spanColumns(stages) };
  return grid;
}

/** The stage whose header or step-header row a sticky lies on, when it does. */
function findStepRowStage(grid: Grid, box: { x: number; y: number; width: number; height: number }, anchor: Snapshot['anchor']): StageId | undefined {
  const row = grid.stepRow;
  if (!row) return undefined;
  const { x: cx, y: cy } = findStickyPoint(box, anchor);
  if (cy < row.top || cy >= row.bottom) return undefined;
  return row.stages.find((candidate) => cx >= candidate.left && cx < candidate.right)?.stage;
}

/**
 * The point of a sticky that says where it lies: its centre, or on a host
 * that grows stickies downwards with their text (FigJam: anchored top-left)
 * the centre of its top square, so a sticky a person filled with a long text
 * stays in the cell and the place in reading order where its top is.
 */
export function findStickyPoint(box: { x: number; y: number; width: number; height: number }, anchor: Snapshot['anchor']): { x: number; y: number } {
  const height = anchor === 'top-left' ? Math.min(box.height, box.width) : box.height;
  return { x: box.x + box.width / 2, y: box.y + height / 2 };
}

function findCell(grid: Grid, box: { x: number; y: number; width: number; height: number }, anchor: Snapshot['anchor']): Cell | undefined {
  const { x: cx, y: cy } = findStickyPoint(box, anchor);
  const column = grid.columns.find((candidate) => cx >= candidate.left && cx < candidate.right);
  const row = grid.rows.find((candidate) => cy >= candidate.top && cy < candidate.bottom);
  if (!column || !row) return undefined;
  return column.step ? { stage: column.stage, step: column.step, lane: row.lane } : { stage: column.stage, lane: row.lane };
}

function findNearestScore(grid: Grid, centreY: number): number | undefined {
  let best: { score: number; distance: number } | undefined;
  for (const step of grid.scoreCentres) {
    const distance = Math.abs(step.y - centreY);
    if (!best || distance < best.distance) best = { score: step.score, distance };
  }
  return best === undefined ? undefined : clampEmotionScore(best.score);
}

function drawnText(node: SceneNode | undefined): string {
  if (!node) return '';
  if (node.type === 'shape') return node.text ? `${node.heading}\n${node.text}` : node.heading;
  if (node.type === 'text' || node.type === 'sticky') return node.text;
  if (node.type === 'frame') return node.title;
  return '';
}

const clip = clipText;

/**
 * On a host that tags stickies, whom a card speaks for is the persona whose
 * tag the sticky carries (the first in the journey's order when a person put
 * several); no persona's tag, no persona. Other tags are a person's own.
 */
function absorbPersonaTag(card: Card, item: { tags?: string[] }, personaByTag: ReadonlyMap<string, Card['persona']>, changes: BoardChange[], drawnWithTags: boolean): void {
  if (item.tags === undefined) return;
  const tags = new Set(item.tags);
  const persona = [...personaByTag].find(([label]) => tags.has(label))?.[1];
  if (persona === card.persona || (persona === undefined && !drawnWithTags)) return;
  if (persona) card.persona = persona;
  else delete card.persona;
  changes.push({ kind: 'card-persona', key: card.id, detail: persona ?? '' });
}

/** Takes the form the board shows for a card's text into the card, or drops a form the board no longer shows. */
function absorbForm(card: Card, item: { text: string; rich?: RichText }): void {
  const rich = item.rich ? normalizeRichText(item.rich) : undefined;
  if (rich && hasRichForm(rich) && isFormOf(rich, card.text)) card.form = rich;
  else delete card.form;
}

/** Reads a persona card back over `persona`; undefined when it has no name line. */
export function parsePersonaCard(persona: Persona, text: string, labels: MapLabels): Persona | undefined {
  const lines = normalizeBoardText(text).split('\n');
  const heading = lines.shift();
  if (!heading) return undefined;
  const next: Persona = { ...persona, goals: [], needs: [], pains: [], behaviour: [], channels: [] };
  next.name = clip(persona.avatar && heading.startsWith(persona.avatar) ? heading.slice(persona.avatar.length).trim() : heading, MAX_SHORT_TEXT);
  if (!next.name) return undefined;
  delete next.quote;
  const lists: [string, 'goals' | 'needs' | 'pains' | 'behaviour' | 'channels'][] = [
    [labels.goals, 'goals'],
    [labels.needs, 'needs'],
    [labels.pains, 'pains'],
    [labels.behaviour, 'behaviour'],
    [labels.channels, 'channels'],
  ];
  let sawWho = false;
  let sawField = false;
  const notes: string[] = [];
  for (const line of lines) {
    const list = lists.find(([label]) => line.startsWith(`${label}:`));
    if (list) {
      sawField = true;
      next[list[1]] = line
        .slice(list[0].length + 1)
        .split(';')
        .map((item) => clip(item.trim(), MAX_LONG_TEXT))
        .filter(Boolean);
      continue;
    }
    const quote = /^[\u201c"](.*)[\u201d"]$/.exec(line);
    if (quote && next.quote === undefined) {
      sawField = true;
      next.quote = clip((quote[1] ?? '').trim(), MAX_LONG_TEXT);
      continue;
    }
    if (sawWho || sawField) {
      // Any other line is a free line of the person's: kept as written.
      notes.push(line);
      continue;
    }
    sawWho = true;
    // "Role, age 34": the age is the last part after a comma; the role is the rest as written (commas in it stay: "30,000 km a year").
    const ageLabel = persona.age ? labels.age(persona.age) : undefined;
    let role = line.trim();
    if (ageLabel && role === ageLabel) role = '';
    else if (ageLabel && role.endsWith(ageLabel) && /,\s*$/.test(role.slice(0, -ageLabel.length))) role = role.slice(0, -ageLabel.length).replace(/\s*,\s*$/, '');
    else delete next.age;
    if (role) next.role = clip(role, MAX_SHORT_TEXT);
    else delete next.role;
  }
  if (!sawWho) {
    delete next.role;
    delete next.age;
  }
  // More free lines than a card keeps: the last ones share the last line, so none is lost.
  const kept = notes.slice(0, MAX_PERSONA_NOTES - 1);
  const overflow = notes.slice(MAX_PERSONA_NOTES - 1);
  if (overflow.length > 0) kept.push(overflow.join(' '));
  const clipped = kept.map((note) => clip(note, MAX_LONG_TEXT)).filter(Boolean);
  if (clipped.length > 0) next.notes = clipped;
  else delete next.notes;
  return next;
}

/** Reads the scope line back; undefined when it cannot be understood. */
function parseScope(journey: Journey, text: string, labels: MapLabels): Journey['scope'] | undefined {
  const scope: Journey['scope'] = {};
  const known = (['product', 'scenario', 'period'] as const).filter((field) => journey.scope[field]);
  const free: string[] = [];
  let sawFields = false;
  for (const line of normalizeBoardText(text).split('\n')) {
    if (line.startsWith(`${labels.goal}:`)) {
      scope.goal = clip(line.slice(labels.goal.length + 1).trim(), MAX_LONG_TEXT);
      continue;
    }
    if (sawFields) {
      // A line a person added: it joins the goal line, so no word is lost.
      free.push(line);
      continue;
    }
    sawFields = true;
    const parts = line.split(' \u00b7 ').map((part) => part.trim());
    // Parts a person removed drop their fields; parts they added join the last one.
    const fields = known.length > 0 ? known : parts.length >= 3 ? (['product', 'scenario', 'period'] as const) : (['product', 'scenario'] as const).slice(0, parts.length);
    fields.forEach((field, index) => {
      const value = index === fields.length - 1 ? parts.slice(index).join(' \u00b7 ') : parts[index];
      if (value) scope[field] = clip(value, field === 'scenario' ? MAX_LONG_TEXT : MAX_SHORT_TEXT);
    });
  }
  if (free.length > 0) scope.goal = clip([scope.goal, ...free].filter(Boolean).join(' '), MAX_LONG_TEXT);
  return scope;
}

/**
 * Takes a step header's second line back into the step: unchanged, it keeps
 * the touchpoint and channel; emptied, both go; rewritten, "touchpoint ·
 * channel" (one part: the field the step had, the touchpoint when it had none).
 */
function absorbStepContact(step: Step, contact: string, drawnContact: string): void {
  if (normalizeBoardText(contact) === normalizeBoardText(drawnContact)) return;
  const read = readStepContact(contact);
  delete step.touchpoint;
  delete step.channel;
  if (read.touchpoint) step.touchpoint = clip(read.touchpoint, MAX_SHORT_TEXT);
  if (read.channel) step.channel = clip(read.channel, MAX_SHORT_TEXT);
}

/**
 * Makes a sticky a person put over a stage's header or in the row of step
 * headers a new step of that stage, named by its text and placed among the
 * stage's steps where the sticky lies; a stage that had no steps gets this
 * one, and its cards and scores move into it. The step's id comes from the
 * sticky's, so a run cut off after saving the journey adds it once. Returns
 * the new header's key; undefined (nothing changed) for a text a step's name
 * cannot hold whole (too long, or with a form beyond plain words) or a stage
 * already holding the most steps a map takes.
 */
function addBoardStep(journey: Journey, stageId: StageId, item: { itemId: string; text: string; rich?: RichText; x: number; y: number; width: number; height: number }, grid: Grid, anchor: Snapshot['anchor'], changes: BoardChange[]): SceneKey | undefined {
  const stage = journey.stages.find((candidate) => candidate.id === stageId);
  const name = joinLines(item.text).trim();
  if (!stage || !name || name.length > MAX_SHORT_TEXT || (item.rich && hasRichForm(normalizeRichText(item.rich)))) return undefined;
  const id = `step:b${hashContent(item.itemId)}` as StepId;
  const key = stepHeaderKey(stageId, id);
  const steps = [...listSteps(stage)];
  if (steps.some((step) => step.id === id)) return key;
  const total = journey.stages.reduce((sum, candidate) => sum + listSteps(candidate).length, 0);
  if (steps.length >= MAX_STEPS_PER_STAGE || total >= MAX_STEPS) return undefined;
  const { x } = findStickyPoint(item, anchor);
  const after = grid.columns.filter((column) => column.stage === stageId && column.step !== undefined && (column.left + column.right) / 2 <= x).length;
  const at = steps.length === 0 ? 0 : Math.min(after, steps.length);
  steps.splice(at, 0, { id, name });
  stage.steps = steps;
  changes.push({ kind: 'step-added', key, detail: name });
  return key;
}

/** Every card at a place the journey has: a card of a stage that gained steps goes to its first step (see settlePlace). */
function settleCards(journey: Journey, cards: readonly Card[]): Card[] {
  return cards.map((card) => {
    const place = settlePlace(journey, card);
    if (!place || (place.stage === card.stage && place.step === card.step)) return card;
    const { step: _step, ...rest } = card;
    return place.step ? { ...rest, step: place.step } : rest;
  });
}

/** Every score at a place the journey has: a stage that gained its first step on the board gives its scores to that step. */
function settleScores(journey: Journey): void {
  journey.emotions = journey.emotions.map((emotion) => {
    const place = settlePlace(journey, emotion);
    if (!place || place.step === emotion.step) return emotion;
    const { step: _step, ...rest } = emotion;
    return place.step ? { ...rest, step: place.step } : rest;
  });
}

function createAdoptedCardId(itemId: string, taken: ReadonlySet<string>): CardId {
  const base = `card:b${hashContent(itemId)}`;
  let id = base;
  for (let index = 2; taken.has(id); index += 1) id = `${base}-${index}`;
  return id as CardId;
}

/**
 * Absorbs what people did on the board into the journey last drawn there:
 * edited, moved, deleted and added stickies, dragged emotion points (snapped
 * to the nearest step), renamed stage headers and lane labels, and edits of
 * the title, scope line, persona cards and emotion notes. Structure people
 * deleted (headers, labels, the title, the emotion line) is simply drawn
 * again. Text on an item of this app that the journey cannot hold is released
 * to people rather than overwritten; items the app did not draw are never
 * changed, except stickies placed inside a cell, which become cards there.
 *
 * Pure: the same journey and snapshot give the same result.
 */
export function mergeBoardEdits(base: Journey, snapshot: Snapshot, options: MergeBoardOptions): MergedBoard {
  const lastScene = layoutJourney(base, { metrics: options.metrics, measureText: options.measureText });
  const drawn = new Map(lastScene.nodes.map((node) => [node.key, node]));
  const grid = readGrid(lastScene, base);
  const labels = findMapLabels(base.locale);
  const journey: Journey = JSON.parse(JSON.stringify(base)) as Journey;
  const changes: BoardChange[] = [];
  const releases: Release[] = [];
  const adoptions: Adoption[] = [];

  const items = new Map<string, SnapshotItem[]>();
  for (const item of snapshot.items) {
    if (item.identity.map !== snapshot.mapId) continue;
    const list = items.get(item.identity.key);
    if (list) list.push(item);
    else items.set(item.identity.key, [item]);
  }
  // A person's copy of a map item (Duplicate, copy and paste) can carry its
  // identity. The item nearest the place the map gave the key is the map's;
  // the others are the person's: a copied card sticky inside a cell becomes
  // a card of its own, anything else is handed over as it is. An emotion
  // line may be drawn as several items (Miro: a connector per segment).
  const copies: SnapshotItem[] = [];
  const linkCopies: SnapshotItem[] = [];
  // A card sticky whose card the journey does not have (taken off the map
  // and brought back, say) is a person's sticky like a copy: never deleted.
  const knownCards = new Set<string>(base.cards.map((card) => cardKey(card.id)));
  for (const [key, list] of items) {
    if (parseSceneKey(key)?.kind === 'card' && !knownCards.has(key)) {
      copies.push(...list);
      items.delete(key);
    }
  }
  const removals: { key: SceneKey; itemIds: string[] }[] = [];
  const heal = (key: SceneKey, item: SnapshotItem): void => {
    const entry = removals.find((removal) => removal.key === key);
    if (entry) entry.itemIds.push(item.itemId);
    else removals.push({ key, itemIds: [item.itemId] });
  };
  for (const [key, list] of items) {
    const node = drawn.get(key);
    if (list.length < 2) continue;
    if (node?.type === 'emotion-line') {
      // A line may be drawn as several items (Miro: a connector per
      // segment); two with the same box are the same segment drawn twice
      // (two runs at once): one goes.
      const seen = new Set<string>();
      const kept: SnapshotItem[] = [];
      for (const item of [...list].sort((a, b) => a.itemId.localeCompare(b.itemId))) {
        const box = [item.type, item.x, item.y, item.width, item.height].map((n) => (typeof n === 'number' ? Math.round(n) : n)).join(',');
        if (seen.has(box)) heal(key, item);
        else {
          seen.add(box);
          kept.push(item);
        }
      }
      items.set(key, kept);
      continue;
    }
    const distance = (item: SnapshotItem) => (node ? Math.hypot(item.x - node.x, item.y - node.y) : 0);
    const sorted = [...list].sort((a, b) => Number(b.type === node?.type) - Number(a.type === node?.type) || distance(a) - distance(b) || a.itemId.localeCompare(b.itemId));
    const [first, ...rest] = sorted;
    if (!first) continue;
    items.set(key, [first]);
    for (const item of rest) {
      // A connector copied with the cards it joins (a person duplicated
      // both) joins other stickies: it may link the copies, so the links
      // read it, as a person's connector.
      const otherEnds = node?.type === 'link' && (item.ends?.start !== first.ends?.start || item.ends?.end !== first.ends?.end);
      if (otherEnds) linkCopies.push(item);
      // A twin that says what the map's item says holds nothing of a
      // person's: the map heals to one. A twin with words of its own stays.
      else if (item.type === first.type && normalizeBoardText(item.text) === normalizeBoardText(first.text)) heal(key, item);
      else copies.push(item);
    }
  }
  /** The item showing a key, when exactly one of the expected type does. */
  const findItem = (key: string, type: SceneNode['type']): SnapshotItem | undefined => items.get(key)?.find((item) => item.type === type);
  /** The board text of a key when a person changed it, else undefined. */
  const findEditedText = (key: string, type: SceneNode['type']): { item: SnapshotItem; text: string } | undefined => {
    const item = findItem(key, type);
    if (!item) return undefined;
    const text = normalizeBoardText(item.text);
    return text === normalizeBoardText(drawnText(drawn.get(key))) ? undefined : { item, text };
  };
  const release = (key: string, reason: string) => {
    const list = items.get(key);
    if (!list || list.length === 0) return;
    releases.push({ key, itemIds: list.map((item) => item.itemId) });
    changes.push({ kind: 'released', key, detail: reason });
  };

  const title = findEditedText('title', 'text');
  if (title && title.text) {
    journey.title = clip(joinLines(title.text), MAX_SHORT_TEXT);
    changes.push({ kind: 'title', key: 'title', detail: journey.title });
  }

  const subtitle = findEditedText('subtitle', 'text');
  if (subtitle) {
    const scope = parseScope(base, subtitle.text, labels);
    if (scope) {
      journey.scope = scope;
      changes.push({ kind: 'scope', key: 'subtitle', detail: joinLines(subtitle.text) });
    } else release('subtitle', 'the scope line was rewritten in a way the map cannot read; it is kept as you wrote it');
  }

  journey.personas = journey.personas.map((persona) => {
    const edited = findEditedText(persona.id, 'shape');
    if (!edited) return persona;
    const parsed = parsePersonaCard(persona, edited.text, labels);
    if (parsed) {
      changes.push({ kind: 'persona', key: persona.id, detail: parsed.name });
      return parsed;
    }
    release(persona.id, 'the persona card was rewritten in a way the map cannot read; it is kept as you wrote it');
    return persona;
  });

  for (const stage of journey.stages) {
    const edited = findEditedText(stage.id, 'shape');
    if (edited && edited.text) {
      const name = clip(joinLines(edited.text), MAX_SHORT_TEXT);
      changes.push({ kind: 'stage-renamed', key: stage.id, detail: `${stage.name} \u2192 ${name}` });
      stage.name = name;
    }
  }
  for (const stage of journey.stages) {
    for (const step of listSteps(stage)) {
      const key = stepHeaderKey(stage.id, step.id);
      const edited = findEditedText(key, 'shape');
      if (!edited) continue;
      const [name = '', ...contact] = edited.text.split('\n');
      if (!name.trim()) continue;
      const before = { name: step.name, contact: describeStepContact(step) };
      step.name = clip(name.trim(), MAX_SHORT_TEXT);
      absorbStepContact(step, contact.join(' ').trim(), before.contact);
      changes.push({ kind: 'step-renamed', key, detail: `${before.name} \u2192 ${step.name}` });
    }
  }
  for (const lane of journey.lanes) {
    const edited = findEditedText(lane.id, 'shape');
    if (edited && edited.text) {
      const title = clip(joinLines(edited.text), MAX_SHORT_TEXT);
      changes.push({ kind: 'lane-renamed', key: lane.id, detail: `${lane.title} \u2192 ${title}` });
      lane.title = title;
    }
  }

  for (const emotion of journey.emotions) {
    const pointKey = emotionPointKey(emotion.persona, emotion, emotion.line);
    const point = findItem(pointKey, 'emotion-point');
    const drawnPoint = drawn.get(pointKey);
    if (point && drawnPoint) {
      const moved = Math.abs(point.y + point.height / 2 - (drawnPoint.y + drawnPoint.height / 2)) > 0.5;
      const score = moved ? findNearestScore(grid, point.y + point.height / 2) : undefined;
      if (score !== undefined && score !== emotion.score) {
        changes.push({ kind: 'emotion', key: pointKey, detail: `${emotion.score} \u2192 ${score}` });
        emotion.score = score;
      }
    }
    const noteKey = emotionNoteKey(emotion.persona, emotion, emotion.line);
    const note = findEditedText(noteKey, 'text');
    if (note) {
      if (note.text) emotion.note = clip(joinLines(note.text), MAX_LONG_TEXT);
      else delete emotion.note;
      changes.push({ kind: 'note', key: noteKey, detail: note.text });
    }
  }

  // Derived items carry no journey data: text typed onto them is kept by
  // handing them over, and the map draws fresh ones.
  for (const node of lastScene.nodes) {
    const kind = parseSceneKey(node.key)?.kind;
    if (!kind || !DERIVED_KINDS.has(kind)) continue;
    const type = node.type;
    const edited = findEditedText(node.key, type);
    if (edited && edited.text) release(node.key, 'text was typed on a part of the map that holds none; it is kept as you wrote it');
  }

  const cut: SceneKey[] = [];
  const matrix = base.matrix ? readBoardMatrix(lastScene, findItem) : undefined;
  const opportunityLanes = new Set<string>(base.lanes.filter((lane) => lane.kind === 'opportunities').map((lane) => lane.id));
  // A host that tags stickies: a persona's tag says whom a card speaks for.
  const personaByTag = new Map(journey.personas.map((persona) => [describePersonaHeading(persona), persona.id]));
  // Cards: each card's sticky, where it is now and what it says.
  const positions = new Map<string, { x: number; y: number }>();
  const cards: Card[] = [];
  for (const card of journey.cards) {
    const item = findItem(cardKey(card.id), 'sticky');
    if (!item) {
      if (options.complete) changes.push({ kind: 'card-deleted', key: card.id, detail: card.text });
      else cards.push(card);
      continue;
    }
    const text = normalizeBoardText(item.text);
    if (!text) {
      // An emptied sticky holds nothing a person typed: the card goes, and
      // the diff removes the empty sticky with it.
      changes.push({ kind: 'card-deleted', key: card.id, detail: card.text });
      continue;
    }
    if (text !== normalizeBoardText(card.text)) {
      card.text = clipText(item.text.trim(), MAX_CARD_TEXT);
      if (card.text.length < item.text.trim().length) cut.push(cardKey(card.id));
      changes.push({ kind: 'card-text', key: card.id, detail: text });
    } else if (item.text.trim().length > MAX_CARD_TEXT) cut.push(cardKey(card.id));
    absorbForm(card, item);
    // Tags say whom a card speaks for once the map drew the sticky with its
    // persona's tag (its hash is the node's): until then, a sticky without
    // tags (drawn before tags were) keeps the card's persona.
    const drawnSticky = drawn.get(cardKey(card.id));
    absorbPersonaTag(card, item, personaByTag, changes, drawnSticky !== undefined && item.identity.hash === hashSceneNode(drawnSticky));
    const cell = findCell(grid, item, snapshot.anchor);
    const inMatrix = !cell && matrix && opportunityLanes.has(card.lane) ? findMatrixRating(matrix.board, findStickyPoint(item, snapshot.anchor)) : undefined;
    if (inMatrix) {
      // An opportunity's own sticky dropped in the matrix rates it there, as
      // its matrix sticky would, and goes back to its cell.
      rateFromMatrix(card, inMatrix, changes);
      cards.push(card);
      continue;
    }
    if (!cell) {
      // Dragged off the map's cells (onto its margins or out of it): the
      // person took the card off the map; the sticky stays where they put it.
      release(cardKey(card.id), 'moved off the map\u2019s cells; kept where you put it');
      continue;
    }
    if (cell.stage !== card.stage || cell.step !== card.step || cell.lane !== card.lane) {
      card.stage = cell.stage;
      if (cell.step) card.step = cell.step;
      else delete card.step;
      card.lane = cell.lane;
      changes.push({ kind: 'card-moved', key: card.id, detail: `${cell.step ?? cell.stage} ${cell.lane}` });
    }
    positions.set(card.id, findStickyPoint(item, snapshot.anchor));
    cards.push(card);
  }

  // Stickies people added inside a cell become cards of that cell.
  // A sticky left alone last time stays so while it lies where it was, even
  // when the new layout grew a cell under it.
  const taken = new Set<string>(cards.map((card) => card.id));
  const wasLeftAlone = new Map((options.leftAlone ?? []).map((item) => [item.itemId, item]));
  const leftAlone: LeftAloneItem[] = [];
  const absorbed: { key: SceneKey; itemIds: string[] }[] = [];
  const copiedCards = copies.filter((item) => item.type === 'sticky' && parseSceneKey(item.identity.key)?.kind === 'card');
  for (const item of copies) {
    if (copiedCards.includes(item)) continue;
    releases.push({ key: item.identity.key, itemIds: [item.itemId] });
    changes.push({ kind: 'released', key: item.identity.key, detail: 'a copy of a map item; kept as you placed it' });
  }
  const newStickies: { itemId: string; text: string; x: number; y: number; width: number; height: number; copyOf?: SceneKey }[] = [
    ...snapshot.foreign.filter((item) => item.kind === 'sticky'),
    ...copiedCards.map((item) => ({ ...item, copyOf: item.identity.key })),
  ];
  const foreign = newStickies.sort((a, b) => a.y - b.y || a.x - b.x || a.itemId.localeCompare(b.itemId));
  for (const item of foreign) {
    const text = normalizeBoardText(item.text);
    const before = wasLeftAlone.get(item.itemId);
    const unmoved = before !== undefined && Math.abs(before.x - item.x) <= 0.5 && Math.abs(before.y - item.y) <= 0.5;
    const cell = unmoved ? undefined : findCell(grid, item, snapshot.anchor);
    const stepStage = unmoved || cell || item.copyOf !== undefined ? undefined : findStepRowStage(grid, item, snapshot.anchor);
    const stepKey = text && stepStage ? addBoardStep(journey, stepStage, item, grid, snapshot.anchor, changes) : undefined;
    if (stepKey) {
      // The sticky named a new step: its words are the step's header now, so the sticky goes.
      absorbed.push({ key: stepKey, itemIds: [item.itemId] });
      continue;
    }
    if (!text || !cell) {
      if (item.copyOf === undefined) leftAlone.push({ itemId: item.itemId, x: item.x, y: item.y });
      else {
        releases.push({ key: item.copyOf, itemIds: [item.itemId] });
        changes.push({ kind: 'released', key: item.copyOf, detail: 'a copy of a card outside the cells; kept as you placed it' });
      }
      continue;
    }
    const id = createAdoptedCardId(item.itemId, taken);
    taken.add(id);
    const adopted: Card = { id, stage: cell.stage, ...(cell.step ? { step: cell.step } : {}), lane: cell.lane, text: clipText(item.text.trim(), MAX_CARD_TEXT) };
    if (adopted.text.length < item.text.trim().length) cut.push(cardKey(id));
    absorbForm(adopted, item);
    cards.push(adopted);
    positions.set(id, findStickyPoint(item, snapshot.anchor));
    adoptions.push({ itemId: item.itemId, key: cardKey(id) });
    changes.push({ kind: 'card-adopted', key: id, detail: text });
  }

  journey.cards = orderCardsByBoard(settleCards(journey, cards), positions);
  settleScores(journey);
  absorbMatrix({ base, journey, lastScene, matrix, items, anchor: snapshot.anchor, findItem, changes, cut, release });
  // Links: connectors deleted, re-attached or drawn between cards.
  const links = mergeBoardLinks({ base, journey, snapshot, drawn, items, copies: linkCopies, adoptedStickies: new Map(adoptions.map((adoption) => [adoption.itemId, adoption.key])), complete: options.complete });
  // A copied connector that links nothing is the person's, kept as they placed it.
  const adoptedLinks = new Set(links.adoptions.map((adoption) => adoption.itemId));
  for (const item of linkCopies) {
    if (adoptedLinks.has(item.itemId)) continue;
    releases.push({ key: item.identity.key, itemIds: [item.itemId] });
    changes.push({ kind: 'released', key: item.identity.key, detail: 'a copy of a link between other cards; kept as you placed it' });
  }
  const textOf = (id: CardId): string => clip(joinLines(journey.cards.find((card) => card.id === id)?.text ?? ''), 40);
  for (const link of links.removed) changes.push({ kind: 'link-removed', key: linkKey(link.from, link.to), detail: `${textOf(link.from)} \u2192 ${textOf(link.to)}` });
  for (const link of links.added) changes.push({ kind: 'link-added', key: linkKey(link.from, link.to), detail: `${textOf(link.from)} \u2192 ${textOf(link.to)}` });
  adoptions.push(...links.adoptions.map((adoption): Adoption => ({ ...adoption, type: 'link' })));
  // Released stickies stay where they are, people's own from now on.
  const released = new Set(releases.flatMap((release) => release.itemIds));
  for (const item of snapshot.items) {
    if (released.has(item.itemId) && item.type === 'sticky') leftAlone.push({ itemId: item.itemId, x: item.x, y: item.y });
  }
  leftAlone.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  return { journey, changes, adoptions, releases, leftAlone, drawn, removals, cut, absorbed };
}

/** Where the map last drew its matrix, and where the board shows it now (see {@link readBoardMatrix}). */
interface BoardMatrix {
  drawn: MatrixGrid;
  board: MatrixGrid;
}

/**
 * The matrix as the map drew it and as the board shows it. A sticky's place
 * is read against the grid where the board shows it when the grid and the
 * tray lie as they were drawn, or moved together (a map rebuilt from the
 * board lays the matrix out afresh, a person may move the whole matrix); a
 * grid or tray a person dragged alone, or deleted, moves nothing in it.
 */
function readBoardMatrix(lastScene: Scene, findItem: (key: string, type: SceneNode['type']) => SnapshotItem | undefined): BoardMatrix | undefined {
  const drawn = readMatrixGrid(lastScene.nodes);
  if (!drawn) return undefined;
  const [grid, tray] = [findItem(matrixPartKey('grid'), 'shape'), findItem(matrixPartKey('tray'), 'shape')];
  const shown = grid && tray ? readMatrixGrid([{ ...grid, key: matrixPartKey('grid') }, { ...tray, key: matrixPartKey('tray') }]) : undefined;
  if (!shown) return { drawn, board: drawn };
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  const [dx, dy] = [shown.left - drawn.left, shown.top - drawn.top];
  // (Their sizes may differ from the drawn ones: a layout of a journey rebuilt from the board sizes the cells afresh.)
  const together = near(dx, shown.tray.x - drawn.tray.x) && near(dy, shown.tray.y - drawn.tray.y);
  return { drawn, board: together ? shown : drawn };
}

/** Gives `card` the ratings a sticky dropped in the matrix says (none in the tray), noting a change. */
function rateFromMatrix(card: Card, rating: { impact: number; effort: number } | 'unrated', changes: BoardChange[]): void {
  const plan = card.plan ?? {};
  if (rating === 'unrated') {
    if (plan.impact === undefined && plan.effort === undefined) return;
    delete plan.impact;
    delete plan.effort;
    changes.push({ kind: 'plan-rated', key: card.id, detail: '' });
  } else {
    if (rating.impact === plan.impact && rating.effort === plan.effort) return;
    plan.impact = rating.impact;
    plan.effort = rating.effort;
    changes.push({ kind: 'plan-rated', key: card.id, detail: `impact ${rating.impact} \u00b7 effort ${rating.effort}` });
  }
  if (Object.keys(plan).length > 0) card.plan = plan;
  else delete card.plan;
}

/** Whether the map wrote the words a matrix sticky shows (its hash holds its words, not its place): if not, they are a person's. */
export function isMatrixTextWritten(item: SnapshotItem, card: CardId): boolean {
  return [item.text, normalizeBoardText(item.text)].some((text) => item.identity.hash === hashSceneNode(createMatrixSticky(card, text, item)));
}

/**
 * The prioritisation matrix: an opportunity's sticky dragged to another
 * cell gives the card that cell's impact and effort (as a dragged emotion
 * point gives its score), dragged into the tray takes them away, dropped
 * anywhere else goes back. Text a person wrote on it is the card's, unless
 * they wrote something else on the card's own sticky too, or the card left
 * the matrix: then the sticky is handed over, their words kept.
 */
function absorbMatrix(context: {
  base: Journey;
  journey: Journey;
  lastScene: Scene;
  matrix: BoardMatrix | undefined;
  items: ReadonlyMap<string, SnapshotItem[]>;
  anchor: Snapshot['anchor'];
  findItem: (key: string, type: SceneNode['type']) => SnapshotItem | undefined;
  changes: BoardChange[];
  cut: SceneKey[];
  release: (key: string, reason: string) => void;
}): void {
  const { base, journey, lastScene, matrix, items, anchor, findItem, changes, cut, release } = context;
  const drawnKeys = new Set(lastScene.nodes.map((node) => node.key));
  // A matrix sticky the map did not draw last time (a run cut off after the
  // journey changed): gone from the map unless a person wrote on it.
  for (const [key, list] of items) {
    const info = parseSceneKey(key);
    if (info?.kind !== 'matrix-card' || drawnKeys.has(key)) continue;
    if (list.some((item) => item.type === 'sticky' && normalizeBoardText(item.text) !== '' && !isMatrixTextWritten(item, info.card))) release(key, 'a sticky of the matrix with your words; kept as you wrote it');
  }
  if (!matrix) return;
  const shown = new Set(listMatrixCards(journey).map((card) => card.id));
  for (const node of lastScene.nodes) {
    const info = parseSceneKey(node.key);
    if (info?.kind !== 'matrix-card' || node.type !== 'sticky') continue;
    const item = findItem(node.key, 'sticky');
    if (!item) continue;
    const card = journey.cards.find((candidate) => candidate.id === info.card);
    const text = normalizeBoardText(item.text);
    // Words the map wrote there are not a person's, whatever the journey
    // they are compared with (one rebuilt from the board may hold the card's
    // newer words): the sticky's hash says what the map wrote.
    const edited = text !== '' && text !== normalizeBoardText(node.text) && !isMatrixTextWritten(item, info.card);
    if (!card || !shown.has(card.id)) {
      if (edited) release(node.key, 'its card left the matrix; kept as you wrote it');
      continue;
    }
    if (edited && text !== normalizeBoardText(card.text)) {
      const before = base.cards.find((candidate) => candidate.id === card.id);
      if (before && normalizeBoardText(before.text) !== normalizeBoardText(card.text)) {
        release(node.key, 'the card was rewritten on the map as well; the map keeps its sticky, this one is kept as you wrote it');
        continue;
      }
      card.text = clipText(item.text.trim(), MAX_CARD_TEXT);
      // More than a card holds: the journey keeps the first part, this sticky all of it.
      if (card.text.length < item.text.trim().length) cut.push(node.key);
      absorbForm(card, item);
      changes.push({ kind: 'card-text', key: card.id, detail: text });
    }
    const point = findStickyPoint(item, anchor);
    const drawnPoint = findStickyPoint(node, anchor);
    const { drawn, board } = matrix;
    if (Math.abs(point.x - board.left - (drawnPoint.x - drawn.left)) <= 0.5 && Math.abs(point.y - board.top - (drawnPoint.y - drawn.top)) <= 0.5) continue;
    const rating = findMatrixRating(board, point);
    // Nudged within the tray: a card rated on one scale only keeps it.
    if (!rating || (rating === 'unrated' && findMatrixRating(drawn, drawnPoint) === 'unrated')) continue;
    rateFromMatrix(card, rating, changes);
  }
}

// Stickies whose centres are within this many units vertically read as one row.
const ROW_BUCKET = 80;

/**
 * Within each cell, cards follow the board's reading order: rows top to
 * bottom, then left to right. A card not on the board (a map whose drawing
 * was cut off never drew it) keeps its place in the cell's list, and the
 * cards on the board take the other places in the board's order, so
 * finishing the map draws it as an uninterrupted run would. Cells keep the
 * order in which the journey lists them, so an unchanged board gives back
 * the journey unchanged.
 */
function orderCardsByBoard(cards: readonly Card[], positions: ReadonlyMap<string, { x: number; y: number }>): Card[] {
  const original = new Map(cards.map((card, index) => [card.id as string, index]));
  const cells = new Map<string, Card[]>();
  for (const card of cards) {
    const cell = `${card.step ?? card.stage}\u0000${card.lane}`;
    const list = cells.get(cell);
    if (list) list.push(card);
    else cells.set(cell, [card]);
  }
  const byBoard = (a: Card, b: Card): number => {
    const pa = positions.get(a.id);
    const pb = positions.get(b.id);
    if (pa && pb) {
      const rows = Math.floor(pa.y / ROW_BUCKET) - Math.floor(pb.y / ROW_BUCKET);
      if (rows !== 0) return rows;
      if (pa.x !== pb.x) return pa.x - pb.x;
    }
    return (original.get(a.id) ?? 0) - (original.get(b.id) ?? 0);
  };
  return [...cells.values()].flatMap((list) => {
    const onBoard = list.filter((card) => positions.has(card.id)).sort(byBoard);
    let next = 0;
    return list.map((card) => (positions.has(card.id) ? (onBoard[next++] ?? card) : card));
  });
}

/** The snapshot as the diff sees it once `adoptions` took stickies over (foreign ones, or people's copies of cards). */
export function adoptForeignItems(snapshot: Snapshot, adoptions: readonly Adoption[]): Snapshot {
  if (adoptions.length === 0) return snapshot;
  const byItem = new Map(adoptions.map((adoption) => [adoption.itemId, adoption.key]));
  // A hash no node has: the diff always redraws an adopted sticky, which
  // writes its identity.
  const byType = new Map(adoptions.map((adoption) => [adoption.itemId, adoption.type ?? 'sticky']));
  const adopt = (item: { itemId: string; text: string; x: number; y: number; width: number; height: number; ends?: SnapshotItem['ends'] }, key: SceneKey): SnapshotItem => ({
    itemId: item.itemId,
    identity: { map: snapshot.mapId, key, hash: '00000000' },
    type: byType.get(item.itemId) ?? 'sticky',
    ...(item.ends ? { ends: item.ends } : {}),
    text: item.text,
    x: item.x,
    y: item.y,
    width: item.width,
    height: item.height,
  });
  const items = snapshot.items.map((item) => {
    const key = byItem.get(item.itemId);
    return key === undefined ? item : adopt(item, key);
  });
  const foreign: ForeignItem[] = [];
  for (const item of snapshot.foreign) {
    const key = byItem.get(item.itemId);
    if (key === undefined) foreign.push(item);
    else items.push(adopt(item, key));
  }
  return { ...snapshot, items, foreign };
}
