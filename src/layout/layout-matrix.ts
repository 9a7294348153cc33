import { findJourneyLanguage, PLAN_RATING_MAX, PLAN_RATING_MIN, type Card, type CardId, type Journey, type OpportunityStatus } from '../model/journey';
import { findOpportunityStatus, OPPORTUNITY_STATUS_NAMES } from '../model/opportunity-status';
import type { HostMetrics } from './host-metrics';
import type { MapLabels } from './map-labels';
import { LINE_HEIGHT, type TextMeasurer } from './measure-text';
import type { SceneNode, ShapeNode, StickyNode, TextNode } from './scene';
import { matrixCardKey, matrixPartKey, matrixPlanKey, type MatrixPart, type MatrixQuadrant } from './scene-keys';

/**
 * The prioritisation matrix a map draws under its lanes on request
 * (`journey.matrix`): impact rises upwards, effort to the right, on the
 * 1…5 scales of an opportunity's plan. Each opportunity card gets a sticky
 * of its own in the cell of its ratings; a card not rated on both waits in
 * the tray on the left. A person re-rates an opportunity by dragging its
 * sticky to another cell (read back by {@link findMatrixRating}), or takes
 * its ratings away by dragging it into the tray.
 *
 * The 5 × 5 cells are of one size, as wide and tall as the fullest needs,
 * so a sticky's cell is read from where it lies alone; the four quadrants
 * (quick wins, big bets, fill-ins, money pits) take two cells of each scale
 * a side, the middle rating (3) lying between them.
 */

const GAP = 24;
const TITLE_FONT = 36;
const HINT_FONT = 22;
const LABEL_FONT = 22;
const PLAN_FONT = 14;
// Room at a cell's top for a quadrant's name, so no sticky covers it.
const LABEL_ROOM = 44;
const TICK_WIDTH = 56;
const TRAY_MIN_WIDTH = 300;
// A sticky's plan line (owner · status · KPI) under it: at most two lines.
const PLAN_LINES = 2;
const PLAN_HEIGHT = Math.ceil(PLAN_LINES * PLAN_FONT * LINE_HEIGHT);
const MAX_CELL_COLUMNS = 4;
const RATINGS = [1, 2, 3, 4, 5] as const;
const SCALE = RATINGS.length;

/** The quadrants: high impact is the upper one, high effort the right one. */
const QUADRANTS: readonly { quadrant: MatrixQuadrant; right: boolean; lower: boolean }[] = [
  { quadrant: 'quick-wins', right: false, lower: false },
  { quadrant: 'big-bets', right: true, lower: false },
  { quadrant: 'fill-ins', right: false, lower: true },
  { quadrant: 'money-pits', right: true, lower: true },
];

/** An opportunity's two ratings when both are given. */
function findRatings(card: Card): { impact: number; effort: number } | undefined {
  const { impact, effort } = card.plan ?? {};
  return impact !== undefined && effort !== undefined ? { impact, effort } : undefined;
}

/** The cards the matrix shows: every card of an opportunities lane, in the journey's order. */
export function listMatrixCards<C extends { lane: string }>(journey: { cards: readonly C[]; lanes: readonly { id: string; kind: string }[] }): C[] {
  const lanes = new Set(journey.lanes.filter((lane) => lane.kind === 'opportunities').map((lane) => lane.id));
  return journey.cards.filter((card) => lanes.has(card.lane));
}

/** The line under an opportunity's sticky in the matrix: who owns it, where it stands, the KPI it should move. */
export function describeMatrixPlan(card: Card, locale: string | undefined): string {
  const plan = card.plan;
  if (!plan) return '';
  const language = findJourneyLanguage(locale);
  return [plan.owner, plan.status ? OPPORTUNITY_STATUS_NAMES[plan.status][language] : undefined, plan.kpi ? `KPI: ${plan.kpi}` : undefined].filter(Boolean).join(' \u00b7 ');
}

interface Flowed {
  card: Card;
  x: number;
  y: number;
  width: number;
  height: number;
  plan: string;
}

/** Stickies of one cell or the tray flowed into rows `width` wide from (0, 0); the rows' gaps hold the plan lines. */
function flowStickies(cards: readonly Card[], width: number, rowGap: number, metrics: HostMetrics, measureText: TextMeasurer, locale: string | undefined): { placed: Flowed[]; height: number } {
  const placed: Flowed[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const card of cards) {
    // At most the two slots a sticky of the lanes may take: a long text makes a taller sticky, not a matrix as wide as a cell of it.
    const fit = metrics.fitSticky(card.text, measureText, Math.min(width, 2 * metrics.stickyWidth + GAP));
    if (x > 0 && x + fit.width > width) {
      y += rowHeight + rowGap;
      x = 0;
      rowHeight = 0;
    }
    placed.push({ card, x, y, width: fit.width, height: fit.height, plan: describeMatrixPlan(card, locale) });
    x += fit.width + GAP;
    rowHeight = Math.max(rowHeight, fit.height);
  }
  return { placed, height: cards.length > 0 ? y + rowHeight : 0 };
}

/** The matrix's nodes laid out from (`left`, `top`), back to front, and the height they take. */
export function layoutMatrix(
  journey: Journey,
  options: { left: number; top: number; metrics: HostMetrics; measureText: TextMeasurer; labels: MapLabels },
): { nodes: SceneNode[]; height: number; width: number } {
  const { left, top, metrics, measureText, labels } = options;
  const words = labels.matrix;
  const cards = listMatrixCards(journey);
  const planRoom = PLAN_HEIGHT + 4;
  const rowGap = cards.some((card) => describeMatrixPlan(card, journey.locale)) ? Math.max(GAP, planRoom) : GAP;
  const rated = new Map<string, Card[]>();
  const unrated: Card[] = [];
  for (const card of cards) {
    const ratings = findRatings(card);
    if (!ratings) {
      unrated.push(card);
      continue;
    }
    const cell = `${ratings.impact} ${ratings.effort}`;
    rated.set(cell, [...(rated.get(cell) ?? []), card]);
  }
  const fullest = Math.max(1, ...[...rated.values()].map((list) => list.length));
  const cellColumns = Math.min(MAX_CELL_COLUMNS, Math.ceil(Math.sqrt(fullest)));
  const inner = cellColumns * metrics.stickyWidth + (cellColumns - 1) * GAP;
  const flowed = new Map([...rated].map(([cell, list]) => [cell, flowStickies(list, inner, rowGap, metrics, measureText, journey.locale)]));
  const widest = Math.max(inner, ...[...flowed.values()].flatMap((flow) => flow.placed.map((sticky) => sticky.x + sticky.width)));
  const cellWidth = widest + 2 * GAP;
  const cellHeight = LABEL_ROOM + Math.max(metrics.stickyWidth, ...[...flowed.values()].map((flow) => flow.height)) + rowGap;

  const nodes: SceneNode[] = [];
  const texts: TextNode[] = [];
  const stickies: SceneNode[] = [];
  const title = measureText(words.title, TITLE_FONT, Number.POSITIVE_INFINITY);
  const trayWidth = Math.max(TRAY_MIN_WIDTH, metrics.stickyWidth + 2 * GAP);
  const gridLeft = left + trayWidth + GAP + TICK_WIDTH;
  const gridWidth = SCALE * cellWidth;
  const width = gridLeft + gridWidth - left;
  texts.push(text('title', left, top, width, title.height, words.title, TITLE_FONT, true));
  const hint = measureText(words.hint, HINT_FONT, width);
  texts.push(text('hint', left, top + title.height + GAP / 4, width, hint.height, words.hint, HINT_FONT, false));
  const axisTop = top + title.height + GAP / 4 + hint.height + GAP;
  const impactAxis = measureText(words.impact, LABEL_FONT, Number.POSITIVE_INFINITY);
  texts.push(text('axis-impact', gridLeft - TICK_WIDTH, axisTop, gridWidth + TICK_WIDTH, impactAxis.height, words.impact, LABEL_FONT, true));
  const gridTop = axisTop + impactAxis.height + GAP / 2;
  const gridHeight = SCALE * cellHeight;

  // The tray: as tall as the grid, or as its stickies need.
  const trayLabel = measureText(words.tray, LABEL_FONT, trayWidth - 2 * GAP);
  const trayFlow = flowStickies(unrated, trayWidth - 2 * GAP, rowGap, metrics, measureText, journey.locale);
  const trayHeight = Math.max(gridHeight, GAP + trayLabel.height + GAP + trayFlow.height + rowGap);
  nodes.push(shape('tray', left, gridTop, trayWidth, trayHeight, 'matrix-tray'));
  texts.push(text('tray-label', left + GAP, gridTop + GAP / 2, trayWidth - 2 * GAP, trayLabel.height, words.tray, LABEL_FONT, true));
  const trayTop = gridTop + GAP + trayLabel.height + GAP;
  for (const sticky of trayFlow.placed) stickies.push(...drawSticky(sticky, left + GAP + sticky.x, trayTop + sticky.y, measureText));

  // The grid, and over it the quadrants: two cells of each scale a side, so
  // the middle row and column (a rating of 3) lie between them, in no quadrant.
  nodes.push(shape('grid', gridLeft, gridTop, gridWidth, gridHeight, 'matrix-grid'));
  const half = (SCALE - 1) / 2;
  for (const { quadrant, right, lower } of QUADRANTS) {
    const x = right ? gridLeft + (SCALE - half) * cellWidth : gridLeft;
    const y = lower ? gridTop + (SCALE - half) * cellHeight : gridTop;
    nodes.push(shape(quadrant, x, y, half * cellWidth, half * cellHeight, `matrix-${quadrant}`));
    const name = words.quadrants[quadrant];
    const size = measureText(name, LABEL_FONT, half * cellWidth - GAP);
    texts.push(text(`label-${quadrant}`, x + GAP / 2, y + (LABEL_ROOM - Math.min(size.height, LABEL_ROOM)) / 2, half * cellWidth - GAP, Math.min(size.height, LABEL_ROOM), name, LABEL_FONT, true));
  }
  for (const rating of RATINGS) {
    const label = String(rating);
    const size = measureText(label, LABEL_FONT, TICK_WIDTH);
    const rowTop = gridTop + (PLAN_RATING_MAX - rating) * cellHeight;
    texts.push(text(`impact-${rating}`, gridLeft - TICK_WIDTH, rowTop + (cellHeight - size.height) / 2, TICK_WIDTH - GAP / 2, size.height, label, LABEL_FONT, false, 'center'));
    const columnLeft = gridLeft + (rating - PLAN_RATING_MIN) * cellWidth;
    texts.push(text(`effort-${rating}`, columnLeft, gridTop + gridHeight + GAP / 4, cellWidth, size.height, label, LABEL_FONT, false, 'center'));
  }
  const tickHeight = measureText('5', LABEL_FONT, TICK_WIDTH).height;
  const effortAxis = measureText(words.effort, LABEL_FONT, Number.POSITIVE_INFINITY);
  const effortTop = gridTop + gridHeight + GAP / 4 + tickHeight + GAP / 4;
  texts.push(text('axis-effort', gridLeft, effortTop, gridWidth, effortAxis.height, words.effort, LABEL_FONT, true, 'center'));
  for (const [cell, flow] of flowed) {
    const [impact = PLAN_RATING_MIN, effort = PLAN_RATING_MIN] = cell.split(' ').map(Number);
    const cellLeft = gridLeft + (effort - PLAN_RATING_MIN) * cellWidth + GAP;
    const cellTop = gridTop + (PLAN_RATING_MAX - impact) * cellHeight + LABEL_ROOM;
    for (const sticky of flow.placed) stickies.push(...drawSticky(sticky, cellLeft + sticky.x, cellTop + sticky.y, measureText));
  }
  const bottom = Math.max(gridTop + trayHeight, effortTop + effortAxis.height);
  return { nodes: [...nodes, ...texts, ...stickies], height: bottom - top, width };
}

/**
 * The plan line as it fits two lines under a sticky `width` wide: whole, or
 * without its KPI, or cut at a word with "…" (a cut part is not read back).
 */
function fitPlanLine(line: string, width: number, measureText: TextMeasurer): string {
  const fits = (candidate: string) => measureText(candidate, PLAN_FONT, width).height <= PLAN_HEIGHT;
  if (fits(line)) return line;
  const short = line.split(' \u00b7 ').filter((part) => !part.startsWith('KPI:')).join(' \u00b7 ');
  if (short && fits(short)) return short;
  const words = short.split(' ');
  for (let count = words.length - 1; count > 0; count -= 1) {
    const cut = `${words.slice(0, count).join(' ')}\u2026`;
    if (fits(cut)) return cut;
  }
  return '';
}

/** An opportunity's sticky in the matrix: its words, in the opportunities' colour. */
export function createMatrixSticky(card: CardId, text: string, box: { x: number; y: number; width: number; height: number }): StickyNode {
  return { type: 'sticky', key: matrixCardKey(card), x: box.x, y: box.y, width: box.width, height: box.height, text, style: 'sticky-opportunities' };
}

function drawSticky(sticky: Flowed, x: number, y: number, measureText: TextMeasurer): SceneNode[] {
  const node = createMatrixSticky(sticky.card.id, sticky.card.text, { x, y, width: sticky.width, height: sticky.height });
  const line = sticky.plan ? fitPlanLine(sticky.plan, sticky.width, measureText) : '';
  if (!line) return [node];
  const height = measureText(line, PLAN_FONT, sticky.width).height;
  const plan: TextNode = { type: 'text', key: matrixPlanKey(sticky.card.id), x, y: y + sticky.height + 2, width: sticky.width, height, text: line, style: 'matrix-plan', fontSize: PLAN_FONT, align: 'left', bold: false };
  return [node, plan];
}

function text(part: MatrixPart, x: number, y: number, width: number, height: number, value: string, fontSize: number, bold: boolean, align: TextNode['align'] = 'left'): TextNode {
  return { type: 'text', key: matrixPartKey(part), x, y, width, height, text: value, style: 'matrix-label', fontSize, align, bold };
}

function shape(part: MatrixPart, x: number, y: number, width: number, height: number, style: ShapeNode['style']): ShapeNode {
  return { type: 'shape', key: matrixPartKey(part), x, y, width, height, shape: 'rectangle', heading: '', text: '', style, fontSize: LABEL_FONT, align: 'left' };
}

/** Where a drawn matrix's cells and tray are, read from its nodes: what a sticky dropped on it means. */
export interface MatrixGrid {
  left: number;
  top: number;
  cellWidth: number;
  cellHeight: number;
  tray: { x: number; y: number; width: number; height: number };
}

/** The grid of a matrix drawn as `boxes` (a scene's nodes, or what a board shows of them, by key); undefined when none is. */
export function readMatrixGrid(boxes: readonly { key: string; x: number; y: number; width: number; height: number }[]): MatrixGrid | undefined {
  const grid = boxes.find((box) => box.key === matrixPartKey('grid'));
  const tray = boxes.find((box) => box.key === matrixPartKey('tray'));
  if (!grid || !tray) return undefined;
  return {
    left: grid.x,
    top: grid.y,
    cellWidth: grid.width / SCALE,
    cellHeight: grid.height / SCALE,
    tray: { x: tray.x, y: tray.y, width: tray.width, height: tray.height },
  };
}

/**
 * Reads a plan line back (see {@link describeMatrixPlan}) by where its
 * parts stand: the KPI is everything from the first part that starts with
 * "KPI:", the status the part before it (or the last part) when it names
 * one, the owner the rest; a part cut with "…" to fit is left out.
 */
export function readMatrixPlan(line: string): { owner?: string; status?: OpportunityStatus; kpi?: string } {
  const plan: { owner?: string; status?: OpportunityStatus; kpi?: string } = {};
  const parts = line.split(' \u00b7 ').map((text) => text.trim());
  const kpiAt = parts.findIndex((part) => part.startsWith('KPI:'));
  const before = (kpiAt < 0 ? parts : parts.slice(0, kpiAt)).filter((part) => part && !part.endsWith('\u2026'));
  if (kpiAt >= 0 && !parts.at(-1)?.endsWith('\u2026')) {
    const kpi = parts.slice(kpiAt).join(' \u00b7 ').slice('KPI:'.length).trim();
    if (kpi) plan.kpi = kpi;
  }
  const status = before.length > 0 ? findOpportunityStatus(before[before.length - 1] ?? '') : undefined;
  if (status) {
    plan.status = status;
    before.pop();
  }
  if (before.length > 0) plan.owner = before.join(' \u00b7 ');
  return plan;
}

/**
 * What a sticky at `point` says of its opportunity: the ratings of the cell
 * it lies in, `unrated` in the tray, undefined anywhere else (it goes back
 * where its ratings put it).
 */
export function findMatrixRating(grid: MatrixGrid, point: { x: number; y: number }): { impact: number; effort: number } | 'unrated' | undefined {
  const { tray } = grid;
  if (point.x >= tray.x && point.x < tray.x + tray.width && point.y >= tray.y && point.y < tray.y + tray.height) return 'unrated';
  const column = Math.floor((point.x - grid.left) / grid.cellWidth);
  const row = Math.floor((point.y - grid.top) / grid.cellHeight);
  if (column < 0 || column >= SCALE || row < 0 || row >= SCALE) return undefined;
  return { impact: PLAN_RATING_MAX - row, effort: PLAN_RATING_MIN + column };
}
