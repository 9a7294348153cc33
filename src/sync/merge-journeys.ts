import { findEmotionLine, placeId, settlePlace, type Card, type CardId, type EmotionScore, type Journey, type JourneyPlace, type OpportunityPlan, type Stage, type Step } from '../model/journey';

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

/**
 * Merges one stage's steps: the panel's steps in the panel's order, each with
 * its fields merged, and the steps people added on the board (in neither the
 * base nor the panel) after the board step before them.
 */
function mergeSteps(base: Stage | undefined, board: Stage | undefined, panel: Stage, conflicts: MergeConflict[]): Step[] {
  const baseSteps = base?.steps ?? [];
  const boardSteps = board?.steps ?? [];
  const merged = mergeStructure(baseSteps, boardSteps, panel.steps ?? [], conflicts);
  const known = new Set<string>([...baseSteps, ...(panel.steps ?? [])].map((step) => step.id));
  boardSteps.forEach((step, index) => {
    if (known.has(step.id)) return;
    const before = boardSteps.slice(0, index).reverse().find((candidate) => merged.some((kept) => kept.id === candidate.id));
    merged.splice(before ? merged.findIndex((kept) => kept.id === before.id) + 1 : 0, 0, step);
  });
  return merged;
}

/** Stages without their steps, which merge on their own (see mergeSteps). */
const withoutSteps = (stages: readonly Stage[]): Stage[] => stages.map(({ steps: _steps, ...rest }) => rest);

/** A card or score moved to where `journey` has its place (see settlePlace); undefined when its stage is gone. */
function settle<T extends JourneyPlace>(journey: Journey, item: T): T | undefined {
  const place = settlePlace(journey, item);
  if (!place) return undefined;
  if (place.step === item.step) return item;
  const { step: _step, ...rest } = item;
  return (place.step ? { ...rest, step: place.step } : rest) as T;
}

/**
 * Merges a card changed on the board and in the panel. Its plan merges
 * field by field: a person re-rating an opportunity in the matrix while
 * another names its owner in the panel keeps both.
 */
function mergeCards(base: Card | undefined, board: Card, panel: Card, conflicts: MergeConflict[]): Card {
  const { plan: basePlan, ...baseRest } = base ?? ({} as Partial<Card>);
  const { plan: boardPlan, ...boardRest } = board;
  const { plan: panelPlan, ...panelRest } = panel;
  const card = mergeFields(base ? (baseRest as Card) : undefined, boardRest as Card, panelRest as Card, board.id, conflicts);
  // Impact and effort are one place in the matrix: they merge as a pair, so no side gets a cell nobody chose.
  const paired = ({ impact, effort, ...rest }: OpportunityPlan = {}) => (impact === undefined && effort === undefined ? rest : { ...rest, rating: [impact, effort] });
  const split = ({ rating, ...rest }: Record<string, unknown>): OpportunityPlan => {
    const [impact, effort] = Array.isArray(rating) ? (rating as (number | undefined)[]) : [];
    return { ...rest, ...(impact !== undefined ? { impact } : {}), ...(effort !== undefined ? { effort } : {}) };
  };
  const plan = base ? split(mergeFields<Record<string, unknown>>(paired(basePlan), paired(boardPlan), paired(panelPlan), board.id, conflicts)) : boardPlan;
  return plan && Object.keys(plan).length > 0 ? { ...card, plan } : card;
}

export function mergeJourneys(base: Journey, board: Journey, panel: Journey): MergedJourneys {
  const conflicts: MergeConflict[] = [];
  const journey: Journey = {
    ...panel,
    title: pickValue(base.title, board.title, panel.title, () => conflicts.push({ id: 'title', field: 'title', board: board.title, panel: panel.title })),
    scope: mergeFields(base.scope, board.scope, panel.scope, 'scope', conflicts),
    personas: mergeStructure(base.personas, board.personas, panel.personas, conflicts),
    stages: mergeStructure(withoutSteps(base.stages), withoutSteps(board.stages), withoutSteps(panel.stages), conflicts),
    lanes: mergeStructure(base.lanes, board.lanes, panel.lanes, conflicts),
    cards: [],
    emotions: [],
  };
  // Steps merge step by step, as the lists of the journey do: a step renamed on the board and one added in the panel are both kept.
  const baseStages = new Map(base.stages.map((stage) => [stage.id, stage]));
  const boardStages = new Map(board.stages.map((stage) => [stage.id, stage]));
  const panelStages = new Map(panel.stages.map((stage) => [stage.id, stage]));
  journey.stages = journey.stages.map((stage) => {
    const steps = mergeSteps(baseStages.get(stage.id), boardStages.get(stage.id), panelStages.get(stage.id) ?? stage, conflicts);
    return steps.length > 0 ? { ...stage, steps } : stage;
  });

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
    if (b && p) card = mergeCards(a, b, p, conflicts);
    else if (b) card = !a || !same(a, b) ? b : undefined;
    else if (p) card = !a || !same(a, p) ? p : undefined;
    if (!card) continue;
    if (card.persona !== undefined && !personas.has(card.persona)) {
      const { persona: _removed, ...rest } = card;
      card = rest;
    }
    const settled = stages.has(card.stage) ? settle(journey, card) : undefined;
    if (settled && lanes.has(card.lane)) journey.cards.push(settled);
    else if (b && (!a || a.text !== b.text)) orphans.push(id);
  }

  const pairKey = (emotion: EmotionScore) => `${emotion.persona} ${placeId(emotion)} ${findEmotionLine(emotion)}`;
  const baseEmotions = new Map(base.emotions.map((emotion) => [pairKey(emotion), emotion]));
  const boardEmotions = new Map(board.emotions.map((emotion) => [pairKey(emotion), emotion]));
  const scored = new Set<string>();
  for (const panelEmotion of panel.emotions) {
    if (!personas.has(panelEmotion.persona) || !stages.has(panelEmotion.stage)) continue;
    const emotion = settle(journey, panelEmotion);
    if (!emotion || scored.has(pairKey(emotion))) continue;
    scored.add(pairKey(emotion));
    const onBoard = boardEmotions.get(pairKey(emotion));
    const merged = onBoard ? mergeFields(baseEmotions.get(pairKey(emotion)) ?? baseEmotions.get(pairKey(panelEmotion)), onBoard, emotion, `emotion ${pairKey(emotion)}`, conflicts) : emotion;
    journey.emotions.push(settle(journey, merged) ?? merged);
  }
  return { journey, conflicts, orphans };
}
