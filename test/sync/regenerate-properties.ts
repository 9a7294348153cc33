import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { HostMetrics } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import type { Scene, SceneNode } from '../../src/layout/scene';
import { linkKey, parseSceneKey } from '../../src/layout/scene-keys';
import { findMatrixRating, readMatrixGrid } from '../../src/layout/layout-matrix';
import { findCardRelation, type Journey } from '../../src/model/journey';
import { parseJourneyFileText } from '../../src/model/journey-file';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { createTemplates } from '../../src/model/templates/templates-en';
import type { ApplyReport } from '../../src/sync/host-port';
import type { BoardPort } from '../../src/app/board-port';
import { findAppError } from '../../src/app/app-error';
import { listMapsAsync, regenerateMapAsync, runOnBoardAsync } from '../../src/app/map-runs';
import { loadMapRecordAsync } from '../../src/app/map-records';
import { normalizeBoardText } from '../../src/sync/merge-board-edits';
import { intersects, type Box } from '../boxes';

/**
 * The Regenerate property, shared by the FigJam and the Miro fake: a map is
 * drawn, a person makes a random sequence of the edits Regenerate knows
 * (edit, add, move and delete stickies, drag emotion points, rename and
 * delete headers (a step's too), add a step with a sticky over a stage's
 * header or in the row of step headers, put foreign things on the map, group cards, style and
 * recolour them, type while a run is under way, regenerate from a second
 * panel at the same moment, lose the stored journey, draw a connector
 * between two cards, delete one of the map's links, drag an opportunity's
 * sticky in the prioritisation matrix or write on it), Regenerate runs, and then
 *
 * - every text a person typed is on the board exactly once;
 * - items the app does not own are untouched;
 * - no two stickies of the map overlap;
 * - the map shows its journey completely, each item once;
 * - a connector a person drew from a pain to an opportunity (or from a
 *   blueprint card to one it serves) is a link of the journey, drawn once;
 * - an opportunity whose sticky was dropped in a cell of the matrix has
 *   that cell's impact and effort (in the tray: none);
 * - a second Regenerate makes zero writes.
 *
 * Two rounds of edits and Regenerate per run, so a regenerated map is edited
 * again. Seeded, so a failure replays with the printed seed and path.
 */

export const MAP_ID = 'map-prop000001';
export const REGENERATE_SEED = 20261123;

/** A box in map coordinates: top-left corner, relative to the map's frame or section. */
export type { Box } from '../boxes';

/** An item as a person sees it on the board. */
export interface ItemView {
  id: string;
  /** The scene key, when the item carries the identity of map `mapId`. */
  key?: string;
  mapId?: string;
  sticky: boolean;
  /** A child of the map's frame or section. */
  inMap: boolean;
  /** In map coordinates; for items on the map or loose on the board, not for connectors. */
  box?: Box;
  /** The text a person reads on it, '' for none. */
  text: string;
  /** A connector's ends: the ids of the items they are attached to. */
  ends?: { start?: string; end?: string };
}

/** One board host as a person uses it, for the property. */
export interface BoardDriver {
  metrics: HostMetrics;
  /** Draws `journey` as map MAP_ID (on an empty board, or finishing it). */
  insertAsync(journey: Journey): Promise<ApplyReport>;
  /** From now on writes fail with probability `rate`, and (Miro) bursts of rate-limit errors come. */
  injectFaults(rate: number, random: () => number): void;
  /** A host adapter as a freshly opened panel or plugin run makes it. */
  createHost(): BoardPort;
  listItems(): ItemView[];
  /** Replaces the text of an item as a person types it. */
  typeAsync(id: string, text: string): Promise<void>;
  /** Drags an item so its top-left corner is at (x, y) in map coordinates. */
  move(id: string, x: number, y: number): void;
  remove(id: string): void;
  /** A person's Duplicate of an item, its top-left at (x, y); returns the copy's id. */
  duplicate(id: string, x: number, y: number): string;
  /** Adds a sticky with `text` whose top-left is at (x, y) inside the map. */
  addStickyAsync(x: number, y: number, text: string): Promise<string>;
  /** Adds a text or shape (not a sticky) with `text` at (x, y) inside the map. */
  addForeignAsync(x: number, y: number, text: string): Promise<string>;
  /** Everything about an item, to compare before and after. */
  dump(id: string): unknown;
  clearWrites(): void;
  countWrites(): number;
  /** Calls since clearWrites: SDK writes and reads, items (and stored journeys) written, Miro credits. */
  measure(): { writes: number; reads: number; itemsWritten: number; credits?: number };
  /** A person groups items (FigJam ⌘G, Miro Group); returns the group's id. */
  groupAsync?(ids: string[]): Promise<string>;
  /** A person ungroups a group: its items stay where they are. */
  ungroup?(groupId: string): void;
  /** A person gives a sticky another colour of the host's palette. */
  recolour?(id: string): void;
  /** A person styles a sticky's text: the first word bold, with a link on it. */
  styleText?(id: string): void;
  /** Runs `hook` once, as a second person acting, after `afterCalls` further SDK calls of the app. */
  onNextCall?(hook: () => void | Promise<void>, afterCalls: number): void;
  /** A person draws a connector from one item to another (the host's connector tool); returns its id. */
  connect?(fromId: string, toId: string): string;
}

// ---------------------------------------------------------------- the edits

/** Where an edit points: a fraction of a range, or an index into a list. */
type Edit =
  | { kind: 'type-card'; pick: number; text: string }
  | { kind: 'add-in-cell'; stage: number; lane: number; fx: number; fy: number; text: string }
  | { kind: 'add-anywhere'; fx: number; fy: number; text: string }
  | { kind: 'move-card'; pick: number; stage: number; lane: number; fx: number; fy: number }
  | { kind: 'delete-sticky'; pick: number }
  | { kind: 'duplicate-card'; pick: number; fx: number; fy: number; text: string }
  | { kind: 'drag-off'; pick: number; fy: number; side: 'outside' | 'margin' }
  | { kind: 'drag-emotion'; pick: number; dy: number }
  | { kind: 'rename-stage'; pick: number; text: string }
  | { kind: 'rename-lane'; pick: number; text: string }
  | { kind: 'rename-step'; pick: number; text: string }
  | { kind: 'add-step-sticky'; on: 'stage' | 'step'; pick: number; fx: number; text: string }
  | { kind: 'delete-structure'; which: 'stage' | 'step' | 'lane' | 'title' | 'emotion-line'; pick: number }
  | { kind: 'add-foreign'; fx: number; fy: number; text: string }
  | { kind: 'group-cards'; pick: number; ungroup: boolean }
  | { kind: 'style-card'; pick: number }
  | { kind: 'recolour-card'; pick: number }
  | { kind: 'type-mid-run'; pick: number; afterCalls: number; text: string }
  | { kind: 'concurrent-regenerate' }
  | { kind: 'lose-record' }
  | { kind: 'connect-cards'; from: number; to: number; pains: boolean }
  | { kind: 'delete-link'; pick: number }
  | { kind: 'drag-matrix'; pick: number; cell: number }
  | { kind: 'type-matrix'; pick: number; text: string };

const PHRASES = ['Asks a friend', 'Compares prices', 'Звонит в поддержку', 'Чекає на кур’єра', 'Pays by card', 'Читает отзывы', 'Loses the receipt', 'Хоче знижку'];
const phrase = fc.constantFrom(...PHRASES);
const pick = fc.nat({ max: 1000 });
const fraction = fc.double({ min: 0.15, max: 0.85, noNaN: true });
const anywhere = fc.double({ min: 0.02, max: 0.98, noNaN: true });

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('type-card' as const), pick, text: phrase }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add-in-cell' as const), stage: pick, lane: pick, fx: fraction, fy: fraction, text: phrase }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add-anywhere' as const), fx: anywhere, fy: anywhere, text: phrase }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('move-card' as const), pick, stage: pick, lane: pick, fx: fraction, fy: fraction }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete-sticky' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-card' as const), pick, fx: anywhere, fy: anywhere, text: phrase }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drag-off' as const), pick, fy: anywhere, side: fc.constantFrom('outside' as const, 'margin' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drag-emotion' as const), pick, dy: fc.integer({ min: -400, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename-stage' as const), pick, text: phrase }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename-lane' as const), pick, text: phrase }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename-step' as const), pick, text: phrase }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add-step-sticky' as const), on: fc.constantFrom('stage' as const, 'step' as const), pick, fx: anywhere, text: phrase }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-structure' as const), which: fc.constantFrom('stage' as const, 'step' as const, 'lane' as const, 'title' as const, 'emotion-line' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add-foreign' as const), fx: anywhere, fy: anywhere, text: phrase }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('group-cards' as const), pick, ungroup: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('style-card' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recolour-card' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('type-mid-run' as const), pick, afterCalls: fc.nat({ max: 120 }), text: phrase }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('concurrent-regenerate' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lose-record' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('connect-cards' as const), from: pick, to: pick, pains: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-link' as const), pick }) },
  // Into one of the 25 cells (0–24), the tray (25), or onto the matrix's title (26).
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drag-matrix' as const), pick, cell: fc.nat({ max: 26 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('type-matrix' as const), pick, text: phrase }) },
);

/** Two rounds of 1–8 edits each. */
export const editRoundsArbitrary = fc.array(fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 2 });

// ---------------------------------------------------------------- journeys

/** `journey` cut to the stages `stageIds` (its first three when not given) and the lanes of `kinds`, with the cards and scores they hold. */
function cutJourney(journey: Journey, kinds: readonly string[], stageIds?: readonly string[]): Journey {
  const stages = stageIds ? journey.stages.filter((stage) => stageIds.includes(stage.id)) : journey.stages.slice(0, 3);
  const kept = new Set(stages.map((stage) => stage.id));
  const lanes = journey.lanes.filter((lane) => kinds.includes(lane.kind));
  const laneIds = new Set(lanes.map((lane) => lane.id));
  return {
    ...journey,
    stages,
    lanes,
    cards: journey.cards.filter((card) => kept.has(card.stage) && laneIds.has(card.lane)),
    emotions: journey.emotions.filter((emotion) => kept.has(emotion.stage)),
  };
}

/** `journey` with every stage one column: cards keep their stage, each persona keeps its first score of a stage per line. */
function withoutSteps(journey: Journey): Journey {
  const seen = new Set<string>();
  return {
    ...journey,
    stages: journey.stages.map(({ steps: _steps, ...stage }) => stage),
    cards: journey.cards.map(({ step: _step, ...card }) => card),
    emotions: journey.emotions.flatMap(({ step: _step, ...emotion }) => {
      const key = `${emotion.persona} ${emotion.stage} ${emotion.line ?? ''}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [emotion];
    }),
  };
}

/**
 * The online-store template cut to three stages and five lanes (the
 * emotions lane among them), a quarter of its cards with evidence markers:
 * every kind of item, few enough for a thousand runs.
 */
export function createPropertyJourney(): Journey {
  const journey = cutJourney(withoutSteps(createOnlineStoreJourney()), ['actions', 'touchpoints', 'emotions', 'pains', 'opportunities']);
  // Some cards carry their evidence, drawn as a marker under the sticky.
  const cards = journey.cards.map((card, index) => (index % 4 === 0 ? { ...card, evidence: index % 8 === 0 ? ('interview' as const) : ('assumption' as const) } : card));
  // With its prioritisation matrix: an opportunity's words on a second sticky, dragged to re-rate it.
  return { ...journey, cards, matrix: true };
}

/**
 * The service-blueprint template cut the same way: the customer's actions
 * and emotions above the line of interaction, the frontstage, backstage and
 * support processes below it, so the blueprint's three lines (and a to-be
 * line) are on the map while people edit it.
 */
export function createBlueprintPropertyJourney(): Journey {
  return cutJourney(withoutSteps(createTemplates().find((template) => template.id === 'service-blueprint')!.journey), ['actions', 'emotions', 'frontstage', 'backstage', 'support']);
}

/**
 * The order journey with steps (fixture 04), cut to a stage without steps
 * and the two with: Order & pay in four steps, Delivery in two. Two personas,
 * each scored at every step, so points, notes and lines follow the steps.
 */
export function createStepsPropertyJourney(): Journey {
  const read = parseJourneyFileText(readFileSync(new URL('../fixtures/journeys/04-order-steps.json', import.meta.url), 'utf8'));
  if (!read.ok) throw new Error(`04-order-steps.json: ${JSON.stringify(read.errors)}`);
  return cutJourney(read.value, ['actions', 'touchpoints', 'emotions', 'pains'], ['stage:search', 'stage:order', 'stage:delivery']);
}

// ---------------------------------------------------------------- the run

const at = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);

/** The cell rectangle of (stage, lane) in the scene last drawn: the stage's column, the lane's band. */
function findCellBox(scene: Scene, stageIndex: number, laneIndex: number): Box | undefined {
  const headers = scene.nodes.filter((node) => parseSceneKey(node.key)?.kind === 'stage');
  const bands = scene.nodes.filter((node) => {
    const info = parseSceneKey(node.key);
    // Cards go into card lanes; the emotions lane holds the chart.
    return info?.kind === 'row' && !node.key.startsWith('row:emotions');
  });
  const header = at(headers, stageIndex);
  const band = at(bands, laneIndex);
  if (!header || !band) return undefined;
  return { x: header.x, y: band.y, width: header.width, height: band.height };
}

/** State carried through one run: what a person typed, and what the app must not touch. */
interface Expectations {
  /** Item id → the text a person typed on it. */
  typed: Map<string, string>;
  /** Items a person added that are not stickies. */
  foreign: Set<string>;
  /** Groups people made: they change bounds when the map moves their members, so they are not compared. */
  groups: Set<string>;
  /** Connectors people drew: they follow the items they join, so only their ends and words are compared. */
  connectors: Set<string>;
  /** Matrix stickies people dropped in a cell or the tray, by item id: the card and the ratings it should have. */
  rated: Map<string, { card: string; rating: { impact: number; effort: number } | 'unrated'; offGrid?: boolean }>;
  /** What happens during the next Regenerate, beside it. */
  during: { regenerateToo: boolean; loseRecord: boolean; typeMidRun?: { pick: number; afterCalls: number; text: string } };
}

async function applyEditAsync(driver: BoardDriver, scene: Scene, edit: Edit, expected: Expectations, counter: { next: number }): Promise<void> {
  const items = driver.listItems();
  const mine = (kind: string) => items.filter((item) => item.mapId === MAP_ID && item.inMap && item.key !== undefined && parseSceneKey(item.key)?.kind === kind);
  const unique = (text: string) => `${text} #${(counter.next += 1)}`;
  /** A card's words show on its sticky and on its matrix sticky: rewriting or deleting one of them rewrites what a person typed on the other. */
  const forgetShown = (target: ItemView) => {
    for (const [id, typed] of expected.typed) if (id !== target.id && normalizeBoardText(target.text) === typed) expected.typed.delete(id);
  };
  const mapNode = scene.nodes.find((node) => node.key === 'map') as SceneNode;
  switch (edit.kind) {
    case 'type-card':
    case 'type-matrix': {
      // On a card's sticky, or on an opportunity's sticky in the matrix (the card's words, or kept on that sticky).
      const target = at(mine(edit.kind === 'type-card' ? 'card' : 'matrix-card'), edit.pick);
      if (!target) return;
      const text = unique(edit.text);
      // Words written before on the card's other sticky (shown on this one too) are rewritten by the person.
      forgetShown(target);
      await driver.typeAsync(target.id, text);
      expected.typed.set(target.id, text);
      return;
    }
    case 'add-in-cell': {
      const cell = findCellBox(scene, edit.stage, edit.lane);
      if (!cell) return;
      const text = unique(edit.text);
      const id = await driver.addStickyAsync(Math.round(cell.x + cell.width * edit.fx - 60), Math.round(cell.y + cell.height * edit.fy - 60), text);
      expected.typed.set(id, text);
      return;
    }
    case 'add-anywhere': {
      const text = unique(edit.text);
      const id = await driver.addStickyAsync(Math.round(mapNode.width * edit.fx), Math.round(mapNode.height * edit.fy), text);
      expected.typed.set(id, text);
      return;
    }
    case 'move-card': {
      const target = at(mine('card'), edit.pick);
      const cell = findCellBox(scene, edit.stage, edit.lane);
      if (!target?.box || !cell) return;
      driver.move(target.id, Math.round(cell.x + cell.width * edit.fx - target.box.width / 2), Math.round(cell.y + cell.height * edit.fy - target.box.height / 2));
      return;
    }
    case 'delete-sticky': {
      const target = at(
        items.filter((item) => item.sticky && item.box && !expected.foreign.has(item.id)),
        edit.pick,
      );
      if (!target) return;
      driver.remove(target.id);
      expected.typed.delete(target.id);
      expected.rated.delete(target.id);
      // Words written on an opportunity's matrix sticky are its card's: deleting the card's sticky deletes them.
      forgetShown(target);
      return;
    }
    case 'duplicate-card': {
      const target = at(mine('card'), edit.pick);
      if (!target) return;
      const copy = driver.duplicate(target.id, Math.round(mapNode.width * edit.fx), Math.round(mapNode.height * edit.fy));
      const text = unique(edit.text);
      await driver.typeAsync(copy, text);
      expected.typed.set(copy, text);
      return;
    }
    case 'drag-off': {
      const target = at(mine('card'), edit.pick);
      if (!target?.box) return;
      // Out of the map to its left, or onto its top margin by the title.
      if (edit.side === 'outside') driver.move(target.id, -target.box.width - 200, Math.round(mapNode.height * edit.fy));
      else driver.move(target.id, Math.round(mapNode.width * edit.fy), 8);
      return;
    }
    case 'drag-emotion': {
      const target = at(mine('emotion'), edit.pick);
      if (!target?.box) return;
      driver.move(target.id, target.box.x, target.box.y + edit.dy);
      return;
    }
    case 'rename-stage':
    case 'rename-lane':
    case 'rename-step': {
      const target = at(mine(edit.kind === 'rename-stage' ? 'stage' : edit.kind === 'rename-step' ? 'step' : 'lane'), edit.pick);
      if (!target) return;
      const text = unique(edit.text);
      // A header that took a sticky's words (a step named on the board) shows them no more.
      const shown = normalizeBoardText(target.text).split('\n')[0];
      for (const [id, typed] of expected.typed) if (id !== target.id && typed === shown) expected.typed.delete(id);
      await driver.typeAsync(target.id, text);
      expected.typed.set(target.id, text);
      return;
    }
    case 'add-step-sticky': {
      // A sticky put over a stage's header, or in the row of step headers: a new step named by it.
      const target = at(mine(edit.on), edit.pick);
      if (!target?.box) return;
      const text = unique(edit.text);
      const id = await driver.addStickyAsync(Math.round(target.box.x + target.box.width * edit.fx - 60), Math.round(target.box.y + target.box.height / 2 - 60), text);
      expected.typed.set(id, text);
      return;
    }
    case 'delete-structure': {
      const target = at(mine(edit.which), edit.pick);
      if (!target) return;
      driver.remove(target.id);
      expected.typed.delete(target.id);
      return;
    }
    case 'add-foreign': {
      const text = unique(edit.text);
      const id = await driver.addForeignAsync(Math.round(mapNode.width * edit.fx), Math.round(mapNode.height * edit.fy), text);
      expected.typed.set(id, text);
      expected.foreign.add(id);
      return;
    }
    case 'group-cards': {
      const cards = mine('card');
      const first = at(cards, edit.pick);
      const second = at(cards, edit.pick + 1);
      if (!driver.groupAsync || !first || !second || first.id === second.id) return;
      const group = await driver.groupAsync([first.id, second.id]);
      expected.groups.add(group);
      if (edit.ungroup) driver.ungroup?.(group);
      return;
    }
    case 'style-card': {
      const target = at(mine('card'), edit.pick);
      if (target) driver.styleText?.(target.id);
      return;
    }
    case 'recolour-card': {
      const target = at(mine('card'), edit.pick);
      if (target) driver.recolour?.(target.id);
      return;
    }
    case 'type-mid-run':
      if (driver.onNextCall) expected.during.typeMidRun = { pick: edit.pick, afterCalls: edit.afterCalls, text: unique(edit.text) };
      return;
    case 'concurrent-regenerate':
      expected.during.regenerateToo = true;
      return;
    case 'lose-record':
      expected.during.loseRecord = true;
      return;
    case 'connect-cards': {
      if (!driver.connect) return;
      // A pain to an opportunity (a link the journey holds), or any two cards (a person's drawing, unless they share a place).
      const inLane = (lane: string) => {
        const band = scene.nodes.find((node) => node.key === `row:${lane}`);
        return mine('card').filter((item) => band && item.box && item.box.y + item.box.height / 2 >= band.y && item.box.y + item.box.height / 2 <= band.y + band.height);
      };
      const [from, to] = edit.pains ? [at(inLane('pains'), edit.from), at(inLane('opportunities'), edit.to)] : [at(mine('card'), edit.from), at(mine('card'), edit.to)];
      if (!from || !to || from.id === to.id) return;
      expected.connectors.add(driver.connect(from.id, to.id));
      return;
    }
    case 'delete-link': {
      const target = at(mine('link'), edit.pick);
      if (target) driver.remove(target.id);
      return;
    }
    case 'drag-matrix': {
      const grid = readMatrixGrid(scene.nodes);
      const target = at(mine('matrix-card'), edit.pick);
      const info = parseSceneKey(target?.key ?? '');
      if (!grid || !target?.box || info?.kind !== 'matrix-card') return;
      const point =
        edit.cell < 25
          ? { x: grid.left + ((edit.cell % 5) + 0.5) * grid.cellWidth, y: grid.top + (Math.floor(edit.cell / 5) + 0.5) * grid.cellHeight }
          : edit.cell === 25
            ? { x: grid.tray.x + grid.tray.width / 2, y: grid.tray.y + grid.tray.height - target.box.height }
            : { x: grid.left + grid.cellWidth * 2, y: grid.top - 80 };
      // Where the sticky's point lands (its centre; FigJam's, the centre of its top square) says what it means.
      const half = driver.metrics.name === 'figjam' ? Math.min(target.box.width, target.box.height) / 2 : target.box.height / 2;
      driver.move(target.id, Math.round(point.x - target.box.width / 2), Math.round(point.y - half));
      // Dropped off the grid and the tray (where it lies last is what counts), it keeps the ratings it had: those of the cell the map drew it in.
      const drawnSticky = scene.nodes.find((node) => node.key === target.key);
      const kept = drawnSticky ? findMatrixRating(grid, { x: drawnSticky.x + drawnSticky.width / 2, y: drawnSticky.y + half }) : undefined;
      const dropped = findMatrixRating(grid, point);
      const rating = dropped ?? kept;
      if (rating) expected.rated.set(target.id, { card: info.card, rating, ...(dropped ? {} : { offGrid: true }) });
      return;
    }
  }
}

/** Removes the journey stored with map MAP_ID, as a copy to another board or a broken storage leaves it. */
async function loseRecordAsync(driver: BoardDriver): Promise<void> {
  await runOnBoardAsync(driver.createHost(), async (run) => {
    const map = (await listMapsAsync(run)).find((info) => info.mapId === MAP_ID && !info.isCopy);
    if (map) await run.mapRecords({ mapId: MAP_ID, containerId: map.containerId }).removeAsync('journey');
  });
}


/** Regenerate as a person runs it: a fresh adapter chooses the only map. */
export async function regenerateAsync(driver: BoardDriver, panelId = 'panel-one'): Promise<Awaited<ReturnType<typeof regenerateMapAsync>>> {
  return regenerateMapAsync(driver.createHost(), { createMapId: () => 'map-never00001', panelId });
}

/** The record stored with map `mapId` (its original container), as the map service reads it. */
export async function loadStoredAsync(port: BoardPort, mapId: string) {
  return runOnBoardAsync(port, async (run) => {
    const map = (await listMapsAsync(run)).find((info) => info.mapId === mapId && !info.isCopy);
    return map ? loadMapRecordAsync(run, { mapId, containerId: map.containerId }, map.title) : undefined;
  });
}

/** What the map shows, item by item (key, place, size, text), in key order; and items on it without identity. */
export function describeMap(driver: BoardDriver): { items: string[]; unmarked: number } {
  const items = driver.listItems().filter((item) => item.inMap);
  const mine = items.filter((item) => item.mapId === MAP_ID);
  const describe = (item: ItemView) => [item.key, item.box && [item.box.x, item.box.y, item.box.width, item.box.height].map((n) => Math.round(n)).join(','), item.text].join(' | ');
  return { items: mine.map(describe).sort(), unmarked: items.length - mine.length };
}

/** Checks the board after a Regenerate against what the person did. */
async function expectTidyMapAsync(driver: BoardDriver, expected: Expectations, before: Map<string, unknown>): Promise<Journey> {
  const items = driver.listItems();
  const byId = new Map(items.map((item) => [item.id, item]));

  // Every typed text, exactly once on the board.
  // (The prioritisation matrix shows an opportunity's words again, on a sticky of its own.)
  const shownOnce = items.filter((item) => item.mapId !== MAP_ID || parseSceneKey(item.key ?? '')?.kind !== 'matrix-card');
  for (const text of expected.typed.values()) {
    const showing = shownOnce.filter((item) => normalizeBoardText(item.text).split('\n').includes(text) || normalizeBoardText(item.text) === text);
    expect(showing.map((item) => item.id), `"${text}" on the board`).toHaveLength(1);
  }

  // Items the app does not own: as the person left them.
  for (const [id, dump] of before) {
    const item = byId.get(id);
    if (!item) {
      // Only a sticky that named a new step goes: its words are that step's header now.
      const text = expected.typed.get(id);
      const header = items.find((candidate) => candidate.mapId === MAP_ID && parseSceneKey(candidate.key ?? '')?.kind === 'step' && text !== undefined && normalizeBoardText(candidate.text).split('\n')[0] === text);
      expect(header, `item ${id} ("${text}") is gone, and no step header took its words`).toBeDefined();
      continue;
    }
    if (item.mapId === MAP_ID) continue; // adopted: a card now, or a link
    if (expected.groups.has(id)) continue; // a group's bounds follow its members
    if (expected.connectors.has(id)) {
      // A connector follows what it joins: its ends and its words are the person's.
      expect({ ends: item.ends, text: item.text }, `connector ${id}`).toEqual({ ends: (before.get(id) as { ends?: unknown } | undefined)?.ends ?? item.ends, text: item.text });
      continue;
    }
    expect(driver.dump(id), `foreign item ${id}`).toEqual(dump);
  }

  // The map's stickies never overlap.
  const stickies = items.filter((item) => item.mapId === MAP_ID && item.inMap && item.sticky && item.box);
  for (let i = 0; i < stickies.length; i += 1) {
    for (let j = i + 1; j < stickies.length; j += 1) {
      const a = stickies[i];
      const b = stickies[j];
      if (a?.box && b?.box && intersects(a.box, b.box)) expect.fail(`stickies ${a.key} and ${b.key} overlap: ${JSON.stringify(a.box)} ${JSON.stringify(b.box)}`);
    }
  }

  // The map shows its stored journey, every item once.
  const stored = await loadStoredAsync(driver.createHost(), MAP_ID);
  expect(stored?.map.complete).toBe(true);
  const journey = stored?.journey as Journey;
  // An emotion line may take several items (Miro: a connector per segment).
  // Items taken off the map are the person's: FigJam hands them over, Miro
  // cannot see them without reading every item on the board.
  // A connector a person drew from a pain to an opportunity of the map is a link of the journey, drawn once.
  const cardOf = (id: string | undefined) => {
    const key = id === undefined ? undefined : byId.get(id)?.key;
    return key !== undefined && byId.get(id ?? '')?.mapId === MAP_ID ? journey.cards.find((card) => card.id === key) : undefined;
  };
  for (const id of expected.connectors) {
    const connector = byId.get(id);
    const [a, b] = [cardOf(connector?.ends?.start), cardOf(connector?.ends?.end)];
    // Joining a pain and an opportunity, or a blueprint card and one it serves above it: a link.
    const link = a && b ? findCardRelation(journey, a, b) : undefined;
    if (!link) continue;
    const from = journey.cards.find((card) => card.id === link.from);
    const held = link.relation === 'addresses' ? from?.plan?.addresses : from?.serves;
    expect(held ?? [], `connector ${id}: ${link.from} ${link.relation} ${link.to}`).toContain(link.to);
    const drawnLinks = items.filter((item) => item.mapId === MAP_ID && item.key === linkKey(link.from, link.to));
    expect(drawnLinks, `the link ${link.from} → ${link.to} drawn once`).toHaveLength(1);
  }
  // An opportunity dropped in a cell of the matrix has that cell's ratings; in the tray, none.
  for (const { card: id, rating, offGrid } of expected.rated.values()) {
    // A journey rebuilt from the board reads ratings from where the stickies lie: one lying off the grid then is not rated.
    if (offGrid && expected.during.loseRecord) continue;
    const card = journey.cards.find((candidate) => candidate.id === id);
    if (!card || journey.lanes.find((lane) => lane.id === card.lane)?.kind !== 'opportunities') continue;
    const { impact, effort } = card.plan ?? {};
    expect(impact !== undefined && effort !== undefined ? { impact, effort } : 'unrated', `${id} dropped in the matrix`).toEqual(rating);
  }
  const keys = items.filter((item) => item.mapId === MAP_ID && item.inMap).map((item) => item.key ?? '');
  const once = keys.filter((key, index) => !key.startsWith('emotion-line:') || keys.indexOf(key) === index);
  expect(once.sort()).toEqual(layoutJourney(journey, { metrics: driver.metrics }).nodes.map((node) => node.key).sort());
  return journey;
}

/**
 * One run of the property: insert, then for each round apply its edits,
 * Regenerate, check, and Regenerate again expecting no write.
 */
export async function runRegenerateScenarioAsync(createDriver: () => BoardDriver, rounds: readonly (readonly Edit[])[], journey = createPropertyJourney()): Promise<void> {
  const driver = createDriver();
  await driver.insertAsync(journey);
  let drawn = journey;
  const expected: Expectations = { typed: new Map(), foreign: new Set(), groups: new Set(), connectors: new Set(), rated: new Map(), during: { regenerateToo: false, loseRecord: false } };
  const counter = { next: 0 };
  for (const edits of rounds) {
    const scene = layoutJourney(drawn, { metrics: driver.metrics });
    expected.during = { regenerateToo: false, loseRecord: false };
    expected.rated.clear();
    for (const edit of edits) await applyEditAsync(driver, scene, edit, expected, counter);
    if (expected.during.loseRecord) await loseRecordAsync(driver);

    const before = new Map(driver.listItems().filter((item) => item.mapId !== MAP_ID).map((item) => [item.id, expected.connectors.has(item.id) ? { ends: item.ends } : driver.dump(item.id)]));
    const midRun = expected.during.typeMidRun;
    // The hook acts only while the runs of this round are under way.
    let armed = true;
    if (midRun) {
      // A second person types in a card while the run is under way.
      driver.onNextCall?.(async () => {
        if (!armed) return;
        const cards = driver.listItems().filter((item) => item.mapId === MAP_ID && item.inMap && parseSceneKey(item.key ?? '')?.kind === 'card');
        const target = at(cards, midRun.pick);
        if (!target) return;
        // Not yet kept: a card whose matrix sticky one person wrote on while
        // another rewrites the card's own sticky during the same run; the
        // later words become the card's on both stickies.
        const mine = driver.listItems().find((item) => item.mapId === MAP_ID && item.key === `matrix-card:${(target.key ?? '').slice('card:'.length)}`);
        if (mine && expected.typed.has(mine.id)) return;
        await driver.typeAsync(target.id, midRun.text);
        expected.typed.set(target.id, midRun.text);
      }, midRun.afterCalls);
    }
    const runs = await Promise.allSettled([regenerateAsync(driver, 'panel-one'), ...(expected.during.regenerateToo ? [regenerateAsync(driver, 'panel-two')] : [])]);
    armed = false;
    const done = runs.flatMap((run) => (run.status === 'fulfilled' ? [run.value] : []));
    for (const run of runs) {
      // Of two runs at once, one may be told the other holds the map.
      if (run.status === 'rejected') expect(findAppError(run.reason).code, String(run.reason)).toBe('map-busy');
    }
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const result of done) expect(result.report.failed).toEqual([]);
    if (midRun) {
      // What was typed during the run is on the board; the next run takes it into the journey.
      await regenerateAsync(driver);
    }
    drawn = await expectTidyMapAsync(driver, expected, before);

    driver.clearWrites();
    const again = await regenerateAsync(driver);
    expect(driver.countWrites(), 'writes of a second Regenerate').toBe(0);
    expect(again.report).toMatchObject({ created: 0, updated: 0, deleted: 0, released: 0 });
  }
}
