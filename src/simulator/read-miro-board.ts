import { convertHtmlToText, countBoldParagraphs, readRichForm } from '../hosts/miro/miro-html';
import { findFacingSides } from '../layout/facing-sides';
import { drawRoutedCurve } from './route-connector';
import { decodeItemIdentity, IDENTITY_FIELD } from '../sync/item-identity';
import type { DrawableItem } from './drawable-item';
import type { FakeMiroBoard, FakeRecord } from './fake-miro-board';
import { MIRO_STICKY_HEX } from './miro-sticky-hex';

// Miro's defaults when an item's style leaves them out
// (https://developers.miro.com/docs/websdk-reference-shape, .../text-1).
const DEFAULT_FONT_SIZE = 14;
const DEFAULT_TEXT_COLOR = '#1a1a1a';
// Sticky text keeps about a tenth of the sticky's width clear on each side.
const STICKY_PADDING_RATIO = 0.1;
// Shape text keeps clear of the border, as the layout's shapes expect.
const SHAPE_PADDING = 28;
const ROUND_RECTANGLE_RADIUS = 20;

type Reader = (record: FakeRecord, box: { x: number; y: number }, fake: FakeMiroBoard) => Omit<DrawableItem, 'id' | 'hasIdentity' | 'parentId' | 'groupId' | 'rich'>;

const readString = (value: unknown, fallback: string): string => (typeof value === 'string' && value !== '' ? value : fallback);
const readNumber = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

const readAlign = (value: unknown): DrawableItem['align'] => (value === 'left' || value === 'right' ? value : 'center');
const readVerticalAlign = (value: unknown): DrawableItem['verticalAlign'] => (value === 'top' || value === 'bottom' ? value : 'middle');

const base = { text: '', boldLines: 0, fontSize: DEFAULT_FONT_SIZE, align: 'center', verticalAlign: 'middle', padding: 0, fill: undefined, stroke: undefined, strokeWidth: 0, textColor: DEFAULT_TEXT_COLOR, cornerRadius: 0 } as const;

const readers: Readonly<Record<string, Reader>> = {
  image: (record, box) => ({ ...base, kind: 'image', ...box, width: record.width, height: record.height, src: record.url ?? '' }),
  frame: (record, box) => ({ ...base, kind: 'frame', ...box, width: record.width, height: record.height, text: record.title ?? '', fill: readString(record.style.fillColor, '#ffffff'), stroke: '#d9d9d9', strokeWidth: 1 }),
  sticky_note: (record, box) => {
    const fill = MIRO_STICKY_HEX[String(record.style.fillColor)] ?? '#fff9b1';
    return {
      ...base,
      kind: 'sticky',
      ...box,
      width: record.width,
      height: record.height,
      text: convertHtmlToText(record.content ?? ''),
      // Miro shrinks sticky text to fit the sticky.
      fontSize: 0,
      align: readAlign(record.style.textAlign),
      verticalAlign: readVerticalAlign(record.style.textAlignVertical),
      padding: record.width * STICKY_PADDING_RATIO,
      fill,
      textColor: record.style.fillColor === 'black' ? '#ffffff' : DEFAULT_TEXT_COLOR,
      cornerRadius: 2,
    };
  },
  shape: (record, box) => {
    const circle = record.shape === 'circle';
    return {
      ...base,
      kind: circle ? 'ellipse' : 'shape',
      ...box,
      width: record.width,
      height: record.height,
      text: convertHtmlToText(record.content ?? ''),
      boldLines: countBoldParagraphs(record.content ?? ''),
      fontSize: readNumber(record.style.fontSize, DEFAULT_FONT_SIZE),
      align: readAlign(record.style.textAlign),
      verticalAlign: readVerticalAlign(record.style.textAlignVertical),
      padding: circle ? 0 : Math.min(SHAPE_PADDING, record.width / 8, record.height / 8),
      fill: readString(record.style.fillColor, '#ffffff'),
      stroke: readString(record.style.borderColor, '#1a1a1a'),
      strokeWidth: readNumber(record.style.borderWidth, 2),
      textColor: readString(record.style.color, DEFAULT_TEXT_COLOR),
      cornerRadius: record.shape === 'round_rectangle' ? ROUND_RECTANGLE_RADIUS : 0,
    };
  },
  text: (record, box) => {
    const html = record.content ?? '';
    const lines = convertHtmlToText(html);
    return {
      ...base,
      kind: 'text',
      ...box,
      width: record.width,
      height: record.height,
      text: lines,
      boldLines: countBoldParagraphs(html),
      fontSize: readNumber(record.style.fontSize, DEFAULT_FONT_SIZE),
      align: record.style.textAlign === 'center' || record.style.textAlign === 'right' ? record.style.textAlign : 'left',
      verticalAlign: 'top',
      textColor: readString(record.style.color, DEFAULT_TEXT_COLOR),
    };
  },
};

/**
 * A connector, drawn as Miro draws one: between emotion points (circles)
 * from centre to centre, leaving and arriving horizontally, as the chart's
 * line; between other items from the middle of the sides that face each
 * other (its ends snapped "auto"), so it runs between them, not over them.
 */
function readConnector(record: FakeRecord, fake: FakeMiroBoard): Omit<DrawableItem, 'id' | 'hasIdentity' | 'parentId'> | undefined {
  const ends = [record.start, record.end].map((end) => (end?.item === undefined ? undefined : fake.findRecord(end.item)));
  const [from, to] = ends;
  if (!from || !to) return undefined;
  const boxOf = (item: FakeRecord) => {
    const centre = fake.findBoardCentre(item.id);
    return { x: centre.x - item.width / 2, y: centre.y - item.height / 2, width: item.width, height: item.height };
  };
  const points = [from, to].every((item) => item.type === 'shape' && item.shape === 'circle');
  const route = points
    ? { start: fake.findBoardCentre(from.id), end: fake.findBoardCentre(to.id), vertical: false }
    : findFacingSides(boxOf(from), boxOf(to));
  const { start, end } = route;
  const x = Math.min(start.x, end.x);
  const y = Math.min(start.y, end.y);
  const path = record.shape === 'straight' ? `M ${start.x - x} ${start.y - y} L ${end.x - x} ${end.y - y}` : drawRoutedCurve(route, { x, y });
  return {
    ...base,
    kind: 'line',
    x,
    y,
    width: Math.abs(end.x - start.x),
    height: Math.abs(end.y - start.y),
    stroke: readString(record.style.strokeColor, '#1a1a1a'),
    strokeWidth: readNumber(record.style.strokeWidth, 2),
    path,
  };
}

/**
 * Lines that join emotion points go under the points, above everything else
 * of their map; other connectors (links between cards, a person's) in front
 * of everything of their map, so the stickies they join do not hide them.
 */
function placeLines(items: readonly DrawableItem[], lines: readonly { line: DrawableItem; ends: (string | undefined)[] }[]): DrawableItem[] {
  const points = new Set(items.filter((item) => item.kind === 'ellipse').map((item) => item.id));
  const joinsPoints = ({ ends }: { ends: (string | undefined)[] }) => ends.every((id) => id !== undefined && points.has(id));
  const under = lines.filter(joinsPoints).map(({ line }) => line);
  const over = lines.filter((line) => !joinsPoints(line)).map(({ line }) => line);
  const firstPoint = items.findIndex((item) => item.kind === 'ellipse');
  if (firstPoint === -1) return [...items, ...under, ...over];
  return [...items.slice(0, firstPoint), ...under, ...items.slice(firstPoint), ...over];
}

/**
 * Reads every item of a fake Miro board as drawable items: centres become
 * top-left corners, frame children get absolute positions, HTML content
 * becomes plain text (and its form, when it has bold, links or lists),
 * sticky colour names become colours, group members name their group.
 * Back to front, map by map: each frame, its items, the connectors between
 * its emotion points under the points, other connectors on top; items outside frames come
 * last, as Miro keeps frames under everything else. Items the simulator
 * cannot draw (groups themselves among them) are left out.
 */
export function readMiroBoard(fake: FakeMiroBoard): DrawableItem[] {
  const records = fake.listRecords();
  const frameIds = new Set(records.filter((record) => record.type === 'frame').map((record) => record.id));
  const parentOf = new Map(records.map((record) => [record.id, record.parentId]));
  // A connector belongs to the frame holding the item it starts from (or ends at).
  const findFrameOf = (record: FakeRecord): string | undefined => {
    if (record.type === 'frame') return record.id;
    const holders = record.type === 'connector' ? [record.start?.item, record.end?.item].map((id) => (id === undefined ? undefined : parentOf.get(id))) : [record.parentId];
    return holders.find((id): id is string => typeof id === 'string' && frameIds.has(id));
  };
  type Layer = { items: DrawableItem[]; lines: { line: DrawableItem; ends: (string | undefined)[] }[] };
  const layers = new Map<string | undefined, Layer>([...frameIds].map((id) => [id, { items: [], lines: [] }]));
  layers.set(undefined, { items: [], lines: [] });
  for (const record of records) {
    const layer = layers.get(findFrameOf(record)) as Layer;
    const hasIdentity = decodeItemIdentity(record.metadata[IDENTITY_FIELD]) !== undefined;
    const parentId = record.parentId ?? undefined;
    if (record.type === 'connector') {
      const line = readConnector(record, fake);
      if (line) layer.lines.push({ line: { ...line, id: record.id, hasIdentity, parentId }, ends: [record.start?.item, record.end?.item] });
      continue;
    }
    const read = readers[record.type];
    if (!read) continue;
    const centre = fake.findBoardCentre(record.id);
    const box = { x: centre.x - record.width / 2, y: centre.y - record.height / 2 };
    const rich = record.content === undefined ? undefined : readRichForm(record.content);
    const item: DrawableItem = { ...read(record, box, fake), id: record.id, hasIdentity, parentId, ...(record.groupId ? { groupId: record.groupId } : {}), ...(rich ? { rich } : {}) };
    // A frame goes under its own items, whenever they were made.
    if (record.type === 'frame') layer.items.unshift(item);
    else layer.items.push(item);
  }
  return [...layers.values()].flatMap(({ items, lines }) => placeLines(items, lines));
}
