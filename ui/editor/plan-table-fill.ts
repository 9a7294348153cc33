import { findLaneKind, foldName } from '../../src/model/formats/lane-names';
import { listPlaces, listSteps, placeId, type Card, type Journey, type JourneyPlace, type LaneId, type PersonaId, type StageId, type StepId } from '../../src/model/journey';
import { createEditorId } from './create-editor-id';
import { insertCard, isInCell } from './insert-card';
import { splitPastedLines } from './split-pasted-lines';

/** The new cards of one cell, in the order they were pasted. */
export interface TableFillCell {
  stage: StageId;
  /** The step of `stage`, when it has steps. */
  step?: StepId;
  lane: LaneId;
  texts: string[];
}

/** What a pasted table does to the journey, worked out before anything changes, so the preview can say it. */
export interface TableFillPlan {
  /** Columns × rows as pasted, headers included: what the person copied. */
  size: { columns: number; rows: number };
  /** The first row named stages / the first column named lanes, so cells go by name rather than position. */
  stageHeaders: boolean;
  laneHeaders: boolean;
  /** Cells that get cards, in pasted order (row by row). */
  cells: TableFillCell[];
  /** Places (stages, or steps of them) and lanes that get cards, in journey order: the preview's table. */
  places: JourneyPlace[];
  lanes: LaneId[];
  /** New cards in all, counting the empty card pasted into when the table fills it. */
  cards: number;
  /** Cells that get cards and already hold cards with text: the new ones go after them. */
  cellsWithCards: number;
  /** Columns with text and no stage or step to go to (past the last one, or an empty name), and their cards. */
  cutColumns: { count: number; cards: number };
  /** Rows with text and no lane to go to, and their cards (those not already counted in a cut column). */
  cutRows: { count: number; cards: number };
}

/** Whether every non-empty cell of `cells` (and at least one) names something `find` knows. */
const namesAll = (cells: readonly string[], find: (name: string) => unknown): boolean => cells.some((cell) => cell.trim()) && cells.every((cell) => !cell.trim() || find(cell) !== undefined);

/**
 * Plans filling the cards grid from a table pasted into `from`'s field.
 * Cells go to places × lanes by position (a place is a stage without steps,
 * or a step of the others), starting at `from`'s place and lane; a first row
 * whose cells name places (a step, "Stage › Step", or a stage: a stage with
 * steps stands for its first step), or a first column whose
 * cells are lane titles (or the standard names of a lane's kind, in any of
 * the three languages, as the CSV import reads them), places them by name
 * instead, and both may be given with any corner cell. A cell of several
 * lines makes several cards. Nothing is replaced: cards are added after
 * those already in a cell, except that an empty `from` takes the first
 * card of its own cell. Returns the plan; the journey is not changed.
 */
export function planTableFill(journey: Journey, rows: readonly (readonly string[])[], from: Card): TableFillPlan {
  const places = listPlaces(journey);
  const placeByName = new Map<string, JourneyPlace>();
  // Reversed, so the first of two places (or lanes) with one name wins; a name of no letters or digits names nothing.
  // Stage names last: a stage's name over a pasted column beats a step of the same name.
  for (const stage of [...journey.stages].reverse()) {
    for (const step of [...listSteps(stage)].reverse()) {
      const place = { stage: stage.id, step: step.id };
      if (foldName(step.name)) placeByName.set(foldName(step.name), place);
      if (foldName(stage.name) && foldName(step.name)) placeByName.set(foldName(`${stage.name} › ${step.name}`), place);
    }
  }
  for (const stage of [...journey.stages].reverse()) {
    const first = listSteps(stage)[0];
    if (foldName(stage.name)) placeByName.set(foldName(stage.name), first ? { stage: stage.id, step: first.id } : { stage: stage.id });
  }
  const laneByTitle = new Map<string, LaneId>();
  for (const lane of [...journey.lanes].reverse()) {
    if (lane.kind !== 'custom') laneByTitle.set(`kind:${lane.kind}`, lane.id);
    if (foldName(lane.title)) laneByTitle.set(foldName(lane.title), lane.id);
  }
  const findStage = (name: string) => placeByName.get(foldName(name));
  const findLane = (name: string) => laneByTitle.get(foldName(name)) ?? laneByTitle.get(`kind:${findLaneKind(name)}`);

  const width = Math.max(0, ...rows.map((row) => row.length));
  const top = rows[0] ?? [];
  const left = rows.map((row) => row[0] ?? '');
  // With both headers the corner cell is free ("Lane / Stage", or empty), as in the wide CSV shape.
  const both = rows.length > 1 && width > 1 && namesAll(top.slice(1), findStage) && namesAll(left.slice(1), findLane);
  const stageHeaders = both || namesAll(top, findStage);
  const laneHeaders = both || (!stageHeaders && namesAll(left, findLane));
  const firstColumn = laneHeaders ? 1 : 0;
  const firstRow = stageHeaders ? 1 : 0;

  const stageStart = Math.max(0, places.findIndex((place) => place.stage === from.stage && place.step === from.step));
  const laneStart = Math.max(0, journey.lanes.findIndex((lane) => lane.id === from.lane));
  const stageOf = (column: number): JourneyPlace | undefined => (stageHeaders ? findStage(top[column] ?? '') : places[stageStart + column - firstColumn]);
  const laneOf = (row: number): LaneId | undefined => (laneHeaders ? findLane(rows[row]?.[0] ?? '') : journey.lanes[laneStart + row - firstRow]?.id);

  const cells = new Map<string, TableFillCell>();
  const cutColumns = new Set<number>();
  const cutRows = new Set<number>();
  let cutColumnCards = 0;
  let cutRowCards = 0;
  for (let row = firstRow; row < rows.length; row += 1) {
    const lane = laneOf(row);
    for (let column = firstColumn; column < width; column += 1) {
      const texts = splitPastedLines(rows[row]?.[column] ?? '');
      if (texts.length === 0) continue;
      const stage = stageOf(column);
      if (!stage) {
        cutColumns.add(column);
        cutColumnCards += texts.length;
      } else if (!lane) {
        cutRows.add(row);
        cutRowCards += texts.length;
      } else {
        const key = `${placeId(stage)}\n${lane}`;
        const cell = cells.get(key);
        if (cell) cell.texts.push(...texts);
        else cells.set(key, { ...stage, lane, texts });
      }
    }
  }
  const planned = [...cells.values()];
  const usedPlaces = new Set<string>(planned.map((cell) => placeId(cell)));
  const usedLanes = new Set(planned.map((cell) => cell.lane));
  return {
    size: { columns: width, rows: rows.length },
    stageHeaders,
    laneHeaders,
    cells: planned,
    places: places.filter((place) => usedPlaces.has(placeId(place))),
    lanes: journey.lanes.filter((lane) => usedLanes.has(lane.id)).map((lane) => lane.id),
    cards: planned.reduce((sum, cell) => sum + cell.texts.length, 0),
    cellsWithCards: planned.filter((cell) => journey.cards.some((card) => isInCell(card, cell, cell.lane) && card.text.trim() !== '')).length,
    cutColumns: { count: cutColumns.size, cards: cutColumnCards },
    cutRows: { count: cutRows.size, cards: cutRowCards },
  };
}

/**
 * The journey with `plan`'s cards added, each speaking for `persona` (for
 * everyone when undefined); an empty `into` card takes the first text of its
 * own cell rather than staying empty. Returns a new journey; `journey` is
 * not changed.
 */
export function applyTableFill(journey: Journey, plan: TableFillPlan, into: Card, persona: PersonaId | undefined): Journey {
  const taken = new Set<string>(journey.cards.map((card) => card.id));
  let cards: Card[] = journey.cards;
  for (const cell of plan.cells) {
    let texts = cell.texts;
    const fillsInto = isInCell(into, cell, cell.lane) && !into.text.trim() && cards.some((card) => card.id === into.id);
    if (fillsInto) {
      const { persona: _previous, ...rest } = into;
      const filled: Card = { ...rest, text: texts[0] as string, ...(persona ? { persona } : {}) };
      cards = cards.map((card) => (card.id === into.id ? filled : card));
      texts = texts.slice(1);
    }
    for (const text of texts) {
      const id = createEditorId('card', taken);
      taken.add(id);
      cards = insertCard(cards, { id, stage: cell.stage, ...(cell.step ? { step: cell.step } : {}), lane: cell.lane, text, ...(persona ? { persona } : {}) });
    }
  }
  return { ...journey, cards };
}
