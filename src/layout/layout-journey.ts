import { isFormOf } from '../model/rich-text';
import { EMOTION_MAX, EMOTION_MIN, EMOTION_STEPS, findEmotionStep } from '../model/emotion-scale';
import { EMOTION_LINES, findEmotionLine, findMomentsOfTruth, hasSteps, listCardLinks, listSteps, placeId, type Card, type EmotionLine, type Journey, type JourneyPlace, type Lane, type Persona, type StageId, type StepId } from '../model/journey';
import type { HostMetrics } from './host-metrics';
import { measureTextApproximately, type TextMeasurer } from './measure-text';
import type { EmotionLineNode, EmotionPointNode, LinkNode, PathCommand, Point, Scene, SceneNode, ShapeNode, Size, StickyNode, TextNode } from './scene';
import {
  cardKey,
  emotionLineKey,
  emotionNoteKey,
  emotionPointKey,
  emotionScaleKey,
  evidenceKey,
  personaMarkKey,
  blueprintLabelKey,
  blueprintLineKey,
  laneLabelKey,
  laneRowKey,
  legendKey,
  linkKey,
  MAP_KEY,
  momentKey,
  personaCardKey,
  stageHeaderKey,
  stepHeaderKey,
  SUBTITLE_KEY,
  TITLE_KEY,
} from './scene-keys';
import { placeEmotionNotes, type NoteRequest } from './place-emotion-notes';
import { createSmoothPath } from './smooth-path';
import { findMapLabels, type MapLabels } from './map-labels';
import { findBlueprintLines } from './blueprint-lines';
import { findFacingSides } from './facing-sides';
import { layoutMatrix } from './layout-matrix';
import type { PersonaStyle } from './scene';

/** What layout needs besides the journey. */
export interface LayoutOptions {
  /** Sticky metrics of the host the map is drawn on. */
  metrics: HostMetrics;
  /** Text measurer; defaults to the deterministic approximate one. */
  measureText?: TextMeasurer;
}

// Spacing in board units, chosen so a map reads well at the zoom level
// Miro and FigJam pick when zooming to fit a 6-stage map.
const MAP_PADDING = 80;
const GAP = 24;
// Font of the evidence marker under a sticky; it fits the gap below it.
const EVIDENCE_FONT = 14;
const ROW_GAP = 12;
// A service blueprint's line: the room it adds between two lanes, its thickness and its name's font.
const BLUEPRINT_LINE_ROOM = 48;
const BLUEPRINT_LINE_WIDTH = 8;
const BLUEPRINT_LABEL_FONT = 22;
const STICKIES_PER_ROW = 2;
const LABEL_WIDTH = 300;
const SCALE_WIDTH = 96;
const TITLE_FONT = 72;
const SUBTITLE_FONT = 28;
const PERSONA_FONT = 24;
const PERSONA_MIN_WIDTH = 760;
const HEADER_FONT = 30;
const HEADER_MIN_HEIGHT = 96;
// A step's header: smaller than its stage's, under it.
const STEP_FONT = 24;
const STEP_MIN_HEIGHT = 64;
// Between the columns of two stages when a map has steps: wider than between two steps of one stage, so stages stay apart.
const STAGE_GAP = 3 * GAP;
const LANE_FONT = 28;
const LANE_MIN_HEIGHT = 160;
const EMOTION_POINT = 80;
// With many personas each gets a slot of the column; points shrink to fit it.
const EMOTION_POINT_MIN = 32;
const EMOTION_STEP = 80;
const EMOTION_NOTE_FONT = 22;
const SCALE_FONT = 22;
// Lines of equal scores are drawn this far apart, and at most this far off their step (a step is EMOTION_STEP).
const LINE_SPACING = 8;
const MAX_LINE_LIFT = 24;
// The legend of the emotion lines: one entry per persona above the chart.
const LEGEND_FONT = 22;
const SHAPE_PADDING = 28;

/** A column of the grid: a stage without steps, or a step of one. */
interface Column extends JourneyPlace {
  x: number;
  width: number;
}

interface Placed<T> {
  item: T;
  x: number;
  y: number;
  size: Size;
}

/**
 * Lays a journey out as a platform-neutral scene: title and scope, persona
 * cards, a header row of stages, a label column of lanes, stickies in their
 * cells (each row as tall as its fullest cell), and per persona an emotion
 * line through one point per stage at the height of its score.
 *
 * Pure and deterministic: the same journey and options give the same scene.
 * Positions are top-left corners relative to the map origin.
 */
export function layoutJourney(journey: Journey, options: LayoutOptions): Scene {
  const measureText = options.measureText ?? measureTextApproximately;
  const { metrics } = options;
  const columnWidth = STICKIES_PER_ROW * metrics.stickyWidth + (STICKIES_PER_ROW + 1) * GAP;
  const gridLeft = MAP_PADDING;
  const columnsLeft = gridLeft + LABEL_WIDTH + GAP;
  const withSteps = hasSteps(journey);
  const columns: Column[] = [];
  let columnX = columnsLeft;
  journey.stages.forEach((stage, index) => {
    if (index > 0) columnX += withSteps ? STAGE_GAP : GAP;
    const steps = listSteps(stage);
    const places: { step?: StepId }[] = steps.length === 0 ? [{}] : steps.map((step) => ({ step: step.id }));
    places.forEach((place, at) => {
      if (at > 0) columnX += GAP;
      columns.push({ stage: stage.id, ...place, x: columnX, width: columnWidth });
      columnX += columnWidth;
    });
  });
  const gridRight = columnX;
  const contentWidth = gridRight - gridLeft;
  /** The span of a stage's columns: its own, or all of its steps'. */
  const spanOf = (stage: StageId): { x: number; width: number } => {
    const own = columns.filter((column) => column.stage === stage);
    const first = own[0] as Column;
    const last = own[own.length - 1] as Column;
    return { x: first.x, width: last.x + last.width - first.x };
  };

  const nodes: SceneNode[] = [];
  let cursorY = MAP_PADDING;

  const titleSize = measureText(journey.title, TITLE_FONT, contentWidth);
  nodes.push(createText(TITLE_KEY, gridLeft, cursorY, contentWidth, titleSize.height, journey.title, 'title', TITLE_FONT, true));
  cursorY += titleSize.height + GAP / 2;

  const subtitle = describeScope(journey);
  if (subtitle) {
    const subtitleSize = measureText(subtitle, SUBTITLE_FONT, contentWidth);
    nodes.push(createText(SUBTITLE_KEY, gridLeft, cursorY, contentWidth, subtitleSize.height, subtitle, 'subtitle', SUBTITLE_FONT, false));
    cursorY += subtitleSize.height;
  }
  cursorY += GAP * 2;

  const labels = findMapLabels(journey.locale);
  cursorY = placePersonaCards(journey.personas, labels, gridLeft, cursorY, contentWidth, columnWidth, measureText, nodes) + GAP * 2;

  const headerHeight = Math.max(
    HEADER_MIN_HEIGHT,
    ...journey.stages.map((stage) => measureText(stage.name, HEADER_FONT, spanOf(stage.id).width - 2 * SHAPE_PADDING).height + 2 * SHAPE_PADDING),
  );
  for (const stage of journey.stages) {
    const span = spanOf(stage.id);
    nodes.push(createShape(stageHeaderKey(stage.id), span.x, cursorY, span.width, headerHeight, stage.name, '', 'stage-header', HEADER_FONT, 'center'));
  }
  cursorY += headerHeight + GAP;
  if (withSteps) {
    // A row of step headers under the stages that have steps: a step's name, and where and how the customer meets the company there.
    const stepHeaders = journey.stages.flatMap((stage) =>
      listSteps(stage).map((step) => {
        const column = columns.find((candidate) => candidate.step === step.id) as Column;
        return { key: stepHeaderKey(stage.id, step.id), column, heading: step.name, text: describeStepContact(step) };
      }),
    );
    const inner = columnWidth - 2 * SHAPE_PADDING;
    const stepHeight = Math.max(
      STEP_MIN_HEIGHT,
      ...stepHeaders.map((header) => {
        // The contact line sits GAP / 2 under the name, as a shape's text sits under its heading in every picture.
        const contact = header.text ? GAP / 2 + measureText(header.text, STEP_FONT, inner).height : 0;
        return measureText(header.heading, STEP_FONT, inner).height + contact + 2 * SHAPE_PADDING;
      }),
    );
    for (const header of stepHeaders) {
      nodes.push(createShape(header.key, header.column.x, cursorY - GAP / 2, header.column.width, stepHeight, header.heading, header.text, 'step-header', STEP_FONT, 'center'));
    }
    cursorY += stepHeight + GAP / 2;
  }

  const cardsByCell = groupCardsByCell(journey.cards);
  const personaMarks = listPersonaMarks(journey);
  const rowBands: SceneNode[] = [];
  const rowContent: SceneNode[] = [];
  const emotionLayers: SceneNode[][] = [[], [], []];
  const blueprintLines = findBlueprintLines(journey.lanes);
  // The moment of truth of each persona drawn: marked over the pains of its place, in the first pains lane.
  const momentLane = journey.lanes.find((lane) => lane.kind === 'pains');
  const moments = findMomentsOfTruth({ ...journey, personas: journey.personas.filter((persona) => !persona.hidden) });
  for (const lane of journey.lanes) {
    const line = blueprintLines.get(lane.id);
    if (line) {
      // A blueprint's line runs across the map in the room it adds between two lanes, its name above it.
      const name = labels.blueprint[line];
      const nameWidth = contentWidth - LABEL_WIDTH - GAP;
      const nameSize = measureText(name, BLUEPRINT_LABEL_FONT, nameWidth);
      const barY = cursorY + BLUEPRINT_LINE_ROOM - ROW_GAP / 2 - BLUEPRINT_LINE_WIDTH / 2;
      rowContent.push(
        createText(blueprintLabelKey(line), gridLeft + LABEL_WIDTH + GAP, barY - GAP / 4 - nameSize.height, nameWidth, nameSize.height, name, 'blueprint-label', BLUEPRINT_LABEL_FONT, true),
        createShape(blueprintLineKey(line), gridLeft, barY, contentWidth, BLUEPRINT_LINE_WIDTH, '', '', 'blueprint-line', LANE_FONT, 'left'),
      );
      cursorY += BLUEPRINT_LINE_ROOM;
    }
    const rowTop = cursorY;
    const isEmotionLane = lane.kind === 'emotions';
    const legend = isEmotionLane ? createEmotionLegend(journey, labels, columns, rowTop + GAP, measureText) : { nodes: [], height: 0 };
    // The chart is planned once at 0 to learn how far its notes reach above and below, then drawn in place.
    const chartRoom = isEmotionLane ? measureChartRoom(createEmotionChart(journey, columns, 0, measureText), measureLineLiftRoom(journey)) : { above: 0, below: 0 };
    const chartHeight = isEmotionLane ? legend.height + measureLineLiftRoom(journey) + chartRoom.above + chartRoom.below : 0;
    const cells = columns.map((column) => {
      const cards = cardsByCell.get(cellId(column, lane)) ?? [];
      return placeCards(cards, column.x + GAP, rowTop + GAP + chartHeight, metrics, measureText);
    });
    const contentHeight = Math.max(0, ...cells.map((cell) => cell.height));
    const labelWidth = isEmotionLane ? LABEL_WIDTH - SCALE_WIDTH : LABEL_WIDTH;
    const labelHeight = measureText(lane.title, LANE_FONT, labelWidth - 2 * SHAPE_PADDING).height + 2 * SHAPE_PADDING;
    const rowHeight = Math.max(LANE_MIN_HEIGHT, labelHeight, chartHeight + contentHeight + 2 * GAP);

    rowBands.push(createShape(laneRowKey(lane.id), gridLeft, rowTop, contentWidth, rowHeight, '', '', `lane-row-${lane.kind}`, LANE_FONT, 'left'));
    rowContent.push(createShape(laneLabelKey(lane.id), gridLeft, rowTop, labelWidth, rowHeight, lane.title, '', 'lane-label', LANE_FONT, 'left'));
    if (lane === momentLane) rowContent.push(...createMomentMarks(journey, moments, columns, rowTop, labels, measureText));
    for (const cell of cells) {
      for (const placed of cell.placed) {
        const mark = metrics.personaTags && placed.item.persona ? personaMarks.get(placed.item.persona) : undefined;
        rowContent.push(createSticky(placed, lane, mark));
        // A host that tags stickies shows whom a card speaks for as a tag, not a mark.
        rowContent.push(...createCardMarkers(placed, labels, metrics.personaTags ? new Map() : personaMarks, measureText));
      }
    }
    if (isEmotionLane) {
      const chartTop = rowTop + GAP + legend.height + measureLineLiftRoom(journey) + chartRoom.above;
      rowContent.push(...legend.nodes, ...createEmotionScale(gridLeft + labelWidth, chartTop, measureText));
      const { layers } = createEmotionChart(journey, columns, chartTop, measureText);
      layers.forEach((layer, index) => emotionLayers[index]?.push(...layer));
    }
    cursorY += rowHeight + ROW_GAP;
  }
  nodes.push(...rowBands, ...rowContent, ...emotionLayers.flat());
  let right = gridRight;
  if (journey.matrix) {
    // The prioritisation matrix, on request, under the lanes.
    const matrix = layoutMatrix(journey, { left: gridLeft, top: cursorY - ROW_GAP + 3 * GAP, metrics, measureText, labels });
    nodes.push(...matrix.nodes);
    cursorY += 3 * GAP + matrix.height;
    right = Math.max(right, gridLeft + matrix.width);
  }
  // Links last: a connector joins stickies that are drawn already.
  nodes.push(...createLinks(journey, rowContent));

  const width = right + MAP_PADDING;
  const height = cursorY - ROW_GAP + MAP_PADDING;
  nodes.unshift({ type: 'frame', key: MAP_KEY, x: 0, y: 0, width, height, title: journey.title, style: 'map' });
  return { width, height, nodes, ...(metrics.personaTags ? { personaTags: [...personaMarks.values()].map((mark) => mark.label) } : {}) };
}

function describeScope(journey: Journey): string {
  const { product, scenario, period, goal } = journey.scope;
  const first = [product, scenario, period].filter((part): part is string => Boolean(part)).join(' · ');
  return [first, goal ? `${findMapLabels(journey.locale).goal}: ${goal}` : ''].filter(Boolean).join('\n');
}

/** The colour of the persona at `index`, cycling through six. */
function findPersonaStyle(index: number): PersonaStyle {
  return `persona-${((index % 6) + 1) as 1 | 2 | 3 | 4 | 5 | 6}`;
}

function describePersona(persona: Persona, labels: MapLabels): string {
  const lines: string[] = [];
  const who = [persona.role, persona.age ? labels.age(persona.age) : ''].filter(Boolean).join(', ');
  if (who) lines.push(who);
  const list = (label: string, items: readonly string[]) => {
    if (items.length > 0) lines.push(`${label}: ${items.join('; ')}`);
  };
  list(labels.goals, persona.goals);
  list(labels.needs, persona.needs);
  list(labels.pains, persona.pains);
  list(labels.behaviour, persona.behaviour);
  list(labels.channels, persona.channels);
  if (persona.quote) lines.push(`\u201c${persona.quote}\u201d`);
  lines.push(...(persona.notes ?? []));
  return lines.join('\n');
}

function placePersonaCards(
  personas: readonly Persona[],
  labels: MapLabels,
  left: number,
  top: number,
  contentWidth: number,
  columnWidth: number,
  measureText: TextMeasurer,
  nodes: SceneNode[],
): number {
  const cardWidth = Math.min(contentWidth, Math.max(PERSONA_MIN_WIDTH, LABEL_WIDTH + 2 * (GAP + columnWidth)));
  const perRow = Math.max(1, Math.floor((contentWidth + GAP) / (cardWidth + GAP)));
  let rowTop = top;
  for (let start = 0; start < personas.length; start += perRow) {
    const row = personas.slice(start, start + perRow);
    const inner = cardWidth - 2 * SHAPE_PADDING;
    const heights = row.map((persona) => {
      const heading = measureText(describePersonaHeading(persona), PERSONA_FONT, inner).height;
      const body = measureText(describePersona(persona, labels), PERSONA_FONT, inner).height;
      return heading + GAP / 2 + body + 2 * SHAPE_PADDING;
    });
    const rowHeight = Math.max(...heights);
    row.forEach((persona, index) => {
      const x = left + index * (cardWidth + GAP);
      const style = `persona-card-${findPersonaStyle(start + index).slice('persona-'.length)}` as ShapeNode['style'];
      nodes.push(
        createShape(personaCardKey(persona.id), x, rowTop, cardWidth, rowHeight, describePersonaHeading(persona), describePersona(persona, labels), style, PERSONA_FONT, 'left'),
      );
    });
    rowTop += rowHeight + GAP;
  }
  return rowTop - GAP;
}

export function describePersonaHeading(persona: Persona): string {
  return persona.avatar ? `${persona.avatar} ${persona.name}` : persona.name;
}

/** What a step's header says under its name: the touchpoint and the channel of its contact, when the journey names them. */
export function describeStepContact(step: { touchpoint?: string; channel?: string }): string {
  // A channel without a touchpoint keeps its slot after the dot, so the line reads back as a channel.
  if (!step.touchpoint) return step.channel ? `\u00b7 ${step.channel}` : '';
  return step.channel ? `${step.touchpoint} \u00b7 ${step.channel}` : step.touchpoint;
}

/**
 * The touchpoint and channel a step header's second line names, as
 * `describeStepContact` writes them: "touchpoint · channel", "touchpoint",
 * or "· channel". A dot inside the channel stays in it.
 */
export function readStepContact(line: string): { touchpoint?: string; channel?: string } {
  const text = line.replace(/\s+/g, ' ').trim();
  const dot = text.indexOf('\u00b7');
  const touchpoint = (dot === -1 ? text : text.slice(0, dot)).trim();
  const channel = dot === -1 ? '' : text.slice(dot + 1).trim();
  return { ...(touchpoint ? { touchpoint } : {}), ...(channel ? { channel } : {}) };
}

function cellId(place: JourneyPlace, lane: Lane): string {
  return `${placeId(place)} ${lane.id}`;
}

function groupCardsByCell(cards: readonly Card[]): Map<string, Card[]> {
  const cells = new Map<string, Card[]>();
  for (const card of cards) {
    const id = `${placeId(card)} ${card.lane}`;
    const list = cells.get(id);
    if (list) list.push(card);
    else cells.set(id, [card]);
  }
  return cells;
}

/**
 * Places a cell's stickies in rows of STICKIES_PER_ROW, each row as tall as
 * its tallest sticky. A card whose words the host would break mid-word
 * (FigJam) or whose text it would shrink past reading (Miro) gets the wider
 * sticky the host offers, up to both slots of the cell, in a row of its own.
 */
function placeCards(cards: readonly Card[], left: number, top: number, metrics: HostMetrics, measureText: TextMeasurer) {
  const placed: Placed<Card>[] = [];
  const room = STICKIES_PER_ROW * metrics.stickyWidth + (STICKIES_PER_ROW - 1) * GAP;
  const sized = cards.map((card) => {
    const fit = metrics.fitSticky(card.text, measureText, room);
    return { card, size: { width: fit.width, height: fit.height }, wide: fit.width > metrics.stickyWidth };
  });
  let y = top;
  for (let index = 0; index < sized.length; ) {
    const row: typeof sized = [];
    for (const entry of sized.slice(index)) {
      if (row.length === STICKIES_PER_ROW || (row.length > 0 && (entry.wide || row.some((taken) => taken.wide)))) break;
      row.push(entry);
    }
    row.forEach((entry, at) => placed.push({ item: entry.card, x: left + at * (metrics.stickyWidth + GAP), y, size: entry.size }));
    y += Math.max(...row.map((entry) => entry.size.height)) + GAP;
    index += row.length;
  }
  return { placed, height: cards.length > 0 ? y - GAP - top : 0 };
}

/** One emotion line on the chart: a visible persona's as-is or to-be scores. */
interface EmotionSeries {
  persona: Persona;
  /** The persona's place in the journey: its colour. */
  personaIndex: number;
  line: EmotionLine;
}

/** The lines the chart draws, persona by persona (hidden personas left out), as-is before to-be. */
function listEmotionSeries(journey: Journey): EmotionSeries[] {
  const series: EmotionSeries[] = [];
  journey.personas.forEach((persona, personaIndex) => {
    if (persona.hidden) return;
    for (const line of EMOTION_LINES) {
      if (journey.emotions.some((emotion) => emotion.persona === persona.id && findEmotionLine(emotion) === line)) series.push({ persona, personaIndex, line });
    }
  });
  return series;
}

/** Each line gets a slot of the column, so points and notes of different lines never overlap. */
function noteWidthFor(journey: Journey, columnWidth: number): number {
  return Math.floor((columnWidth - GAP) / Math.max(1, listEmotionSeries(journey).length));
}

/**
 * Room the chart takes above its top step and from its top step down: five
 * steps, the lifted points, and room for a note on either side of a point,
 * as tall as the tallest note, whether or not a note is there now, so that a
 * changed score moves its point, line and note and nothing else. Only a note
 * slid further than that (lines on both sides of it) makes more room.
 */
function measureChartRoom(chart: { notesTop: number; notesBottom: number; noteHeight: number }, liftRoom: number): { above: number; below: number } {
  const noteRoom = chart.noteHeight > 0 ? chart.noteHeight + GAP / 4 : 0;
  return {
    above: Math.ceil(Math.max(noteRoom, -chart.notesTop - liftRoom)),
    below: Math.ceil(Math.max(EMOTION_POINT + (EMOTION_MAX - EMOTION_MIN) * EMOTION_STEP + liftRoom + (noteRoom > 0 ? noteRoom + GAP / 4 : 0), chart.notesBottom + GAP / 4)) + GAP,
  };
}

/** Room above and below the chart for lines lifted apart (see LINE_SPACING); none for a single line. */
function measureLineLiftRoom(journey: Journey): number {
  return listEmotionSeries(journey).length > 1 ? MAX_LINE_LIFT : 0;
}

/**
 * The legend of the emotion lines, one entry per shown persona in its
 * colour, laid out a column each; drawn when the chart has more than one
 * line, so several personas (and as-is against to-be) can be told apart.
 */
function createEmotionLegend(
  journey: Journey,
  labels: MapLabels,
  columns: readonly Column[],
  top: number,
  measureText: TextMeasurer,
): { nodes: ShapeNode[]; height: number } {
  const series = listEmotionSeries(journey);
  const first = columns[0];
  if (series.length < 2 || !first) return { nodes: [], height: 0 };
  const entries = series.filter((entry, index) => series.findIndex((other) => other.persona.id === entry.persona.id) === index);
  const width = first.width;
  // Each entry shows a sample of each of the persona's lines, solid (as-is) or dashed (to-be), in a box
  // drawn in the line's colour; the words "as-is" and "to-be" only where the map has both kinds.
  const hasToBe = series.some((entry) => entry.line === 'to-be');
  const sample = (line: EmotionLine): string => (line === 'to-be' ? `\u254d\u254d\u254d ${labels.toBe}` : hasToBe ? `\u2501\u2501\u2501 ${labels.asIs}` : '\u2501\u2501\u2501');
  const describe = (entry: EmotionSeries) =>
    series
      .filter((other) => other.persona.id === entry.persona.id)
      .map((other) => sample(other.line))
      .join('   ');
  const height = Math.max(
    ...entries.map((entry) => {
      const heading = measureText(describePersonaHeading(entry.persona), LEGEND_FONT, width - 2 * SHAPE_PADDING).height;
      const text = describe(entry);
      return heading + (text ? GAP / 2 + measureText(text, LEGEND_FONT, width - 2 * SHAPE_PADDING).height : 0) + 2 * SHAPE_PADDING;
    }),
  );
  const nodes = entries.map((entry, index) => {
    const column = columns[index % columns.length] as Column;
    const y = top + Math.floor(index / columns.length) * (height + GAP / 2);
    const style = `persona-card-${findPersonaStyle(entry.personaIndex).slice('persona-'.length)}` as ShapeNode['style'];
    return createShape(legendKey(entry.persona.id), column.x, y, width, height, describePersonaHeading(entry.persona), describe(entry), style, LEGEND_FONT, 'left');
  });
  const rows = Math.ceil(entries.length / columns.length);
  return { nodes, height: rows * (height + GAP / 2) + GAP / 2 };
}

/** Y of a point's centre for a score: higher scores sit higher. */
function scoreToCentreY(chartTop: number, score: number): number {
  return chartTop + EMOTION_POINT / 2 + (EMOTION_MAX - score) * EMOTION_STEP;
}

function createEmotionScale(left: number, chartTop: number, measureText: TextMeasurer): TextNode[] {
  return EMOTION_STEPS.map((step) => {
    const label = `${step.face} ${step.score > 0 ? `+${step.score}` : step.score < 0 ? `\u2212${-step.score}` : '0'}`;
    const size = measureText(label, SCALE_FONT, SCALE_WIDTH);
    const centre = scoreToCentreY(chartTop, step.score);
    return createText(emotionScaleKey(step.score), left, Math.round(centre - size.height / 2), SCALE_WIDTH, size.height, label, 'emotion-scale', SCALE_FONT, false);
  });
}

/**
 * The lines, points and notes of the chart: `layers` is [lines, points,
 * notes], the drawing order (lines behind points); `notesTop` and
 * `notesBottom` are how far the notes reach (0 without notes), `noteHeight`
 * the tallest note's height.
 */
function createEmotionChart(
  journey: Journey,
  columns: readonly Column[],
  chartTop: number,
  measureText: TextMeasurer,
): { layers: SceneNode[][]; notesTop: number; notesBottom: number; noteHeight: number } {
  const lines: EmotionLineNode[] = [];
  const points: EmotionPointNode[] = [];
  const requests: (NoteRequest & { key: string; text: string })[] = [];
  const series = listEmotionSeries(journey);
  const slotWidth = columns[0] ? noteWidthFor(journey, columns[0].width) : EMOTION_POINT;
  const pointSize = Math.min(EMOTION_POINT, Math.max(EMOTION_POINT_MIN, slotWidth - GAP / 2));
  const scores = new Map(journey.emotions.map((emotion) => [`${emotion.persona} ${placeId(emotion)} ${findEmotionLine(emotion)}`, emotion]));
  series.forEach(({ persona, personaIndex, line }, seriesIndex) => {
    const centres: Point[] = [];
    const keys: string[] = [];
    const style = findPersonaStyle(personaIndex);
    for (const column of columns) {
      const emotion = scores.get(`${persona.id} ${placeId(column)} ${line}`);
      if (!emotion) continue;
      const spread = (seriesIndex - (series.length - 1) / 2) * slotWidth;
      // Lines with equal scores would lie on top of each other: each sits a little apart, well within half a step.
      const lift = Math.round((seriesIndex - (series.length - 1) / 2) * Math.min(LINE_SPACING, (2 * MAX_LINE_LIFT) / Math.max(1, series.length - 1)));
      const centre = { x: Math.round(column.x + column.width / 2 + spread), y: scoreToCentreY(chartTop, emotion.score) + lift };
      const step = findEmotionStep(emotion.score);
      const place: JourneyPlace = column.step ? { stage: column.stage, step: column.step } : { stage: column.stage };
      const key = emotionPointKey(persona.id, place, line);
      points.push({
        type: 'emotion-point',
        key,
        x: centre.x - pointSize / 2,
        y: centre.y - pointSize / 2,
        width: pointSize,
        height: pointSize,
        persona: persona.id,
        stage: column.stage,
        ...(column.step ? { step: column.step } : {}),
        line,
        score: emotion.score,
        face: step.face,
        style,
      });
      if (emotion.note) {
        const size = measureText(emotion.note, EMOTION_NOTE_FONT, slotWidth);
        requests.push({ key: emotionNoteKey(persona.id, place, line), text: emotion.note, x: Math.round(centre.x - slotWidth / 2), width: slotWidth, height: size.height, centre, pointSize });
      }
      centres.push(centre);
      keys.push(key);
    }
    if (centres.length < 2) return;
    const xs = centres.map((point) => point.x);
    const ys = centres.map((point) => point.y);
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    lines.push({
      type: 'emotion-line',
      key: emotionLineKey(persona.id, line),
      x: left,
      y: top,
      width: Math.max(...xs) - left,
      height: Math.max(...ys) - top,
      persona: persona.id,
      line,
      points: centres,
      pointKeys: keys,
      path: createSmoothPath(centres),
      style,
    });
  });
  const tops = placeEmotionNotes(requests, {
    paths: lines.map((line) => line.path),
    chords: lines.map((line) => line.points),
    points,
  });
  const notes = requests.map((request, index) =>
    createText(request.key, request.x, tops[index] ?? chartTop, request.width, request.height, request.text, 'emotion-note', EMOTION_NOTE_FONT, false, 'center'),
  );
  const notesTop = notes.length > 0 ? Math.min(...notes.map((note) => note.y)) - chartTop : 0;
  const notesBottom = notes.length > 0 ? Math.max(...notes.map((note) => note.y + note.height)) - chartTop : 0;
  return { layers: [lines, points, notes], notesTop, notesBottom, noteHeight: Math.max(0, ...notes.map((note) => note.height)) };
}

function createText(
  key: string,
  x: number,
  y: number,
  width: number,
  height: number,
  text: string,
  style: TextNode['style'],
  fontSize: number,
  bold: boolean,
  align: TextNode['align'] = 'left',
): TextNode {
  return { type: 'text', key, x, y, width, height, text, style, fontSize, align, bold };
}

function createShape(
  key: string,
  x: number,
  y: number,
  width: number,
  height: number,
  heading: string,
  text: string,
  style: ShapeNode['style'],
  fontSize: number,
  align: ShapeNode['align'],
): ShapeNode {
  const shape = style.startsWith('persona-card') || style === 'stage-header' || style === 'step-header' ? 'round-rectangle' : 'rectangle';
  return { type: 'shape', key, x, y, width, height, shape, heading, text, style, fontSize, align };
}

/** What marks a card that speaks for one persona: the persona's avatar and name, in its line's colour. */
interface PersonaMark {
  label: string;
  style: PersonaStyle;
}

/** The mark of each persona, by id, coloured as its emotion line. */
function listPersonaMarks(journey: Journey): Map<string, PersonaMark> {
  return new Map(journey.personas.map((persona, index) => [persona.id, { label: describePersonaHeading(persona), style: findPersonaStyle(index) }]));
}

/**
 * The marks of the moments of truth: over the pains of each place where a
 * persona's line is lowest, in the lane's top gap, naming the personas
 * when the map has several.
 */
function createMomentMarks(journey: Journey, moments: readonly { persona: string; place: JourneyPlace }[], columns: readonly Column[], rowTop: number, labels: MapLabels, measureText: TextMeasurer): TextNode[] {
  return columns.flatMap((column) => {
    const here = moments.filter((moment) => moment.place.stage === column.stage && moment.place.step === column.step);
    if (here.length === 0) return [];
    const names = here.map((moment) => journey.personas.find((persona) => persona.id === moment.persona)?.name ?? '').filter(Boolean);
    const text = journey.personas.filter((persona) => !persona.hidden).length > 1 ? `${labels.momentOfTruth}: ${names.join(', ')}` : labels.momentOfTruth;
    const width = column.width - 2 * GAP;
    const height = Math.min(GAP - 4, measureText(text, EVIDENCE_FONT, width).height);
    return [createText(momentKey(column), column.x + GAP, rowTop + 2, width, height, text, 'moment-of-truth', EVIDENCE_FONT, true)];
  });
}

/**
 * The journey's links between cards whose stickies the map draws, each a
 * connector from the sticky of the card holding it to the card it names;
 * a link between the same two cards twice is drawn once.
 */
function createLinks(journey: Journey, content: readonly SceneNode[]): LinkNode[] {
  const stickies = new Map(content.filter((node): node is StickyNode => node.type === 'sticky').map((node) => [node.key, node]));
  const links: LinkNode[] = [];
  const seen = new Set<string>();
  for (const link of listCardLinks(journey)) {
    const [from, to] = [stickies.get(cardKey(link.from)), stickies.get(cardKey(link.to))];
    const key = linkKey(link.from, link.to);
    if (!from || !to || seen.has(key)) continue;
    seen.add(key);
    const [a, b] = [centreOf(from), centreOf(to)];
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    links.push({ type: 'link', key, relation: link.relation, from: from.key, to: to.key, path: createLinkPath(from, to), style: `link-${link.relation}`, x, y, width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) });
  }
  // In the order the map draws the stickies: the board's order, whatever the order of the journey's cards.
  const order = new Map([...stickies.keys()].map((key, index) => [key, index]));
  const rank = (key: string) => order.get(key) ?? 0;
  return links.sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
}

/**
 * A curve between two stickies for pictures: from the middle of the side of
 * one facing the other to the facing side of the other, leaving and
 * arriving square to those sides, as the hosts' curved connectors do.
 */
function createLinkPath(from: StickyNode, to: StickyNode): PathCommand[] {
  const { start, end, vertical } = findFacingSides(from, to);
  const bend = Math.max(40, (vertical ? Math.abs(end.y - start.y) : Math.abs(end.x - start.x)) / 2);
  const toward = (value: number, target: number) => value + Math.sign(target - value) * bend;
  const [c1, c2] = vertical
    ? [{ x: start.x, y: toward(start.y, end.y) }, { x: end.x, y: toward(end.y, start.y) }]
    : [{ x: toward(start.x, end.x), y: start.y }, { x: toward(end.x, start.x), y: end.y }];
  return [
    { op: 'M', x: Math.round(start.x), y: Math.round(start.y) },
    { op: 'C', x1: Math.round(c1.x), y1: Math.round(c1.y), x2: Math.round(c2.x), y2: Math.round(c2.y), x: Math.round(end.x), y: Math.round(end.y) },
  ];
}

const centreOf = (node: SceneNode): Point => ({ x: node.x + node.width / 2, y: node.y + node.height / 2 });

// Gap between the persona's mark and the evidence marker when a card has both.
const MARKER_SPACING = 8;
// The persona's mark takes at most this share of the sticky's width beside an evidence marker.
const PERSONA_MARK_SHARE = 0.55;

/**
 * The markers in the gap under a card's sticky, where they never cover its
 * text: whom the card speaks for (the persona's avatar and name in its
 * colour), then what it rests on (evidence). One line, side by side.
 */
function createCardMarkers(placed: Placed<Card>, labels: MapLabels, personaMarks: ReadonlyMap<string, PersonaMark>, measureText: TextMeasurer): TextNode[] {
  const card = placed.item;
  const y = placed.y + placed.size.height + 2;
  const width = placed.size.width;
  const mark = card.persona ? personaMarks.get(card.persona) : undefined;
  const evidence = card.evidence ? labels.evidence[card.evidence] : undefined;
  const nodes: TextNode[] = [];
  let left = placed.x;
  if (mark) {
    const room = evidence ? Math.floor(width * PERSONA_MARK_SHARE) : width;
    const measured = measureText(mark.label, EVIDENCE_FONT, room);
    const markWidth = evidence ? Math.min(room, Math.ceil(measured.width) + 2) : width;
    nodes.push(createText(personaMarkKey(card.id), left, y, markWidth, Math.min(GAP - 4, measureText(mark.label, EVIDENCE_FONT, markWidth).height), mark.label, mark.style, EVIDENCE_FONT, true));
    left += markWidth + MARKER_SPACING;
  }
  if (evidence) {
    const room = placed.x + width - left;
    const height = Math.min(GAP - 4, measureText(evidence, EVIDENCE_FONT, room).height);
    nodes.push(createText(evidenceKey(card.id), left, y, room, height, evidence, 'evidence', EVIDENCE_FONT, false));
  }
  return nodes;
}

function createSticky(placed: Placed<Card>, lane: Lane, tag: PersonaMark | undefined): StickyNode {
  return {
    type: 'sticky',
    key: cardKey(placed.item.id),
    x: placed.x,
    y: placed.y,
    width: placed.size.width,
    height: placed.size.height,
    text: placed.item.text,
    ...(placed.item.form && isFormOf(placed.item.form, placed.item.text) ? { form: placed.item.form } : {}),
    ...(tag ? { tag: { label: tag.label, style: tag.style } } : {}),
    style: `sticky-${lane.kind}`,
  };
}
