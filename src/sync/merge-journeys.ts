import { findEmotionLine, type Card, type CardId, type EmotionScore, type Journey } from '../model/journey';

/** Where the board and the panel changed the same thing differently; the board's version was kept. */
export interface MergeConflict {
  /** Id of the card, stage, lane or persona, or `title`. */
  id: string;
  field: string;
  board: string;
  panel: string;
}

/** The result of merging the board's and the panel's versions of a journey. */
export interface MergedJourneys {
  journey: Journey;
  conflicts: MergeConflict[];
  /**
   * Cards a person wrote or edited on the board whose stage or lane the panel
   * removed: they leave the journey, and their stickies stay on the board as
   * the person's own.
   */
  orphans: CardId[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Picks one version of a value changed on the board and in the panel since
 * `base`: the one that changed wins; if both changed differently, the board
 * wins and the collision is reported.
 */
function pickValue<T>(base: T, board: T, panel: T, onConflict: () => void): T {
  if (same(board, panel) || same(panel, base)) return board;
  if (same(board, base)) return panel;
  onConflict();
  return board;
}

function mergeFields<T extends object>(base: T | undefined, board: T, panel: T, id: string, conflicts: MergeConflict[]): T {
  if (!base) return board;
  const merged = { ...panel } as Record<string, unknown>;
  const keys = new Set([...Object.keys(base), ...Object.keys(board), ...Object.keys(panel)]);
  for (const key of keys) {
    const value = pickValue((base as Record<string, unknown>)[key], (board as Record<string, unknown>)[key], (panel as Record<string, unknown>)[key], () =>
      conflicts.push({ id, field: key, board: describeFieldValue((board as Record<string, unknown>)[key]), panel: describeFieldValue((panel as Record<string, unknown>)[key]) }),
    );
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged as T;
}

/** Merges lists by id: what the panel has, in the panel's order, with each item's fields merged. */
function mergeStructure<T extends { id: string }>(base: readonly T[], board: readonly T[], panel: readonly T[], conflicts: MergeConflict[]): T[] {
  const baseById = new Map(base.map((item) => [item.id, item]));
  const boardById = new Map(board.map((item) => [item.id, item]));
  return panel.map((item) => {
    const onBoard = boardById.get(item.id);
    return onBoard ? mergeFields(baseById.get(item.id), onBoard, item, item.id, conflicts) : item;
  });
}

/**
 * Three-way merge of a journey: `base` is what was last drawn on the map,
 * `board` is base plus the edits people made on the board, `panel` is base
 * plus the edits made in the panel meanwhile. Both sets of changes are kept.
 * Structure (which personas, stages and lanes exist, and their order) is the
 * panel's; names and texts changed on one side take that side's change;
 * where both sides changed the same field differently, the board wins and
 * the collision is in `conflicts`. A card is removed only if one side removed
 * it and the other left it as it was.
 */
/** A field's value as conflict text: strings as they are, anything else as JSON, nothing as empty. */
function describeFieldValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function mergeJourneys(base: Journey, board: Journey, panel: Journey): MergedJourneys {
  const conflicts: MergeConflict[] = [];
  const journey: Journey = {
    ...panel,
    title: pickValue(base.title, board.title, panel.title, () => conflicts.push({ id: 'title', field: 'title', board: board.title, panel: panel.title })),
    scope: mergeFields(base.scope, board.scope, panel.scope, 'scope', conflicts),
    personas: mergeStructure(base.personas, board.personas, panel.personas, conflicts),
    stages: mergeStructure(base.stages, board.stages, panel.stages, conflicts),
    lanes: mergeStructure(base.lanes, board.lanes, panel.lanes, conflicts),
    cards: [],
    emotions: [],
  };

  const baseCards = new Map(base.cards.map((card) => [card.id, card]));
  const boardCards = new Map(board.cards.map((card) => [card.id, card]));
  const panelCards = new Map(panel.cards.map((card) => [card.id, card]));
  const stages = new Set<string>(journey.stages.map((stage) => stage.id));
  const lanes = new Set<string>(journey.lanes.map((lane) => lane.id));
  const personas = new Set<string>(journey.personas.map((persona) => persona.id));
  const orphans: CardId[] = [];
  const ids = [...new Set<CardId>([...board.cards.map((card) => card.id), ...panel.cards.map((card) => card.id)])];
  for (const id of ids) {
    const a = baseCards.get(id);
    const b = boardCards.get(id);
    const p = panelCards.get(id);
    let card: Card | undefined;
    if (b && p) card = mergeFields(a, b, p, id, conflicts);
    else if (b) card = !a || !same(a, b) ? b : undefined;
    else if (p) card = !a || !same(a, p) ? p : undefined;
    if (!card) continue;
    if (card.persona !== undefined && !personas.has(card.persona)) {
      const { persona: _removed, ...rest } = card;
      card = rest;
    }
    if (stages.has(card.stage) && lanes.has(card.lane)) journey.cards.push(card);
    else if (b && (!a || a.text !== b.text)) orphans.push(id);
  }

  const pairKey = (emotion: EmotionScore) => `${emotion.persona} ${emotion.stage} ${findEmotionLine(emotion)}`;
  const baseEmotions = new Map(base.emotions.map((emotion) => [pairKey(emotion), emotion]));
  const boardEmotions = new Map(board.emotions.map((emotion) => [pairKey(emotion), emotion]));
  for (const emotion of panel.emotions) {
    if (!personas.has(emotion.persona) || !stages.has(emotion.stage)) continue;
    const onBoard = boardEmotions.get(pairKey(emotion));
    journey.emotions.push(onBoard ? mergeFields(baseEmotions.get(pairKey(emotion)), onBoard, emotion, `emotion ${pairKey(emotion)}`, conflicts) : emotion);
  }
  return { journey, conflicts, orphans };
}
