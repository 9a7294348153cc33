import { FIGJAM_METRICS } from '../layout/host-metrics';
import { formatPngDataUrl } from '../app/slide-deck';
import { findFacingSides } from '../layout/facing-sides';
import { drawRoutedCurve, drawRoutedElbow } from './route-connector';
import { decodeItemIdentity, IDENTITY_FIELD } from '../sync/item-identity';
import { convertSegmentsToRichText } from '../hosts/figjam/figjam-rich-text';
import type { DrawableItem } from './drawable-item';
import { readFontAt, readTextSegments, type FakeFigma } from './fake-figma';

// FigJam's sticky text sits inside the sticky as the layout plans it; shape
// text keeps clear of the border as the layout's shapes expect.
const STICKY_PADDING = FIGJAM_METRICS.stickyPadding;
const SHAPE_PADDING = 28;
const ROUNDED_RECTANGLE_RADIUS = 20;
const DEFAULT_TEXT_COLOR = '#1e1e1e';

type Drawable = Omit<DrawableItem, 'id' | 'hasIdentity' | 'parentId' | 'groupId' | 'rich'>;
type Box = Pick<DrawableItem, 'x' | 'y' | 'width' | 'height'>;
/** The box of the node with `id` on the page, absolute; undefined when it is not there. */
type FindBox = (id: string) => Box | undefined;
type Point = { x: number; y: number };

/** `#rrggbb` of the first visible solid paint, or undefined. */
function readPaint(paints: unknown): string | undefined {
  if (!Array.isArray(paints)) return undefined;
  const paint = (paints as Paint[]).find((candidate) => candidate.type === 'SOLID' && candidate.visible !== false);
  if (!paint || paint.type !== 'SOLID') return undefined;
  const channel = (value: number) =>
    Math.round(Math.min(1, Math.max(0, value)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(paint.color.r)}${channel(paint.color.g)}${channel(paint.color.b)}`;
}

/** Whether the first line of a text sublayer is bold (a shape's heading). */
function countBoldLines(text: { characters: string; fontName: unknown }): number {
  if (text.characters === '') return 0;
  const firstLine = text.characters.split('\n')[0] ?? '';
  const bold = (index: number) => /bold/i.test(readFontAt(text, index).style);
  if (!bold(0)) return 0;
  const lines = text.characters.split('\n');
  if (lines.length > 1 && bold(firstLine.length + 1)) return lines.length;
  return 1;
}

/** Where a connector end is on the page: an attached end at its node's centre (or at its point of the node); undefined if the node is gone. */
function locateEnd(end: ConnectorEndpoint, findBox: FindBox): Point | undefined {
  if (!('endpointNodeId' in end)) return end.position;
  const box = findBox(end.endpointNodeId);
  if (!box) return undefined;
  return 'position' in end ? { x: box.x + end.position.x, y: box.y + end.position.y } : { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** SVG path data from `start` to `end`, relative to `origin`, in the connector's line type. */
function drawConnectorPath(lineType: ConnectorNode['connectorLineType'], start: Point, end: Point, origin: Point): string {
  const point = (p: Point) => `${p.x - origin.x} ${p.y - origin.y}`;
  const middle = (start.x + end.x) / 2;
  if (lineType === 'STRAIGHT') return `M ${point(start)} L ${point(end)}`;
  // Elbowed: out horizontally, across at the middle, in horizontally.
  if (lineType === 'ELBOWED') return `M ${point(start)} L ${point({ x: middle, y: start.y })} L ${point({ x: middle, y: end.y })} L ${point(end)}`;
  return `M ${point(start)} C ${point({ x: middle, y: start.y })} ${point({ x: middle, y: end.y })} ${point(end)}`;
}

const base = { text: '', boldLines: 0, fontSize: 16, align: 'center', verticalAlign: 'middle', padding: 0, fill: undefined, stroke: undefined, strokeWidth: 0, textColor: DEFAULT_TEXT_COLOR, cornerRadius: 0 } as const;

/** How each FigJam node type is drawn; other types are left out. */
const readers: Readonly<Record<string, (node: SceneNode, box: Box, findBox: FindBox, fake: FakeFigma) => Drawable | undefined>> = {
  // A picture is a rectangle with an image fill (https://developers.figma.com/docs/plugins/api/Image).
  RECTANGLE: (node, box, _findBox, fake) => {
    if (node.type !== 'RECTANGLE' || !Array.isArray(node.fills)) return undefined;
    const image = (node.fills as readonly Paint[]).find((paint): paint is ImagePaint => paint.type === 'IMAGE');
    const bytes = image?.imageHash ? fake.peekImage(image.imageHash) : undefined;
    if (!bytes) return { ...base, kind: 'shape', ...box, fill: readPaint(node.fills) ?? '#d9d9d9' };
    return { ...base, kind: 'image', ...box, src: formatPngDataUrl(bytes) };
  },
  SECTION: (node, box) => (node.type === 'SECTION' ? { ...base, kind: 'frame', ...box, text: node.name, fill: readPaint(node.fills) ?? '#ffffff', stroke: '#d9d9d9', strokeWidth: 1, cornerRadius: 8 } : undefined),
  STICKY: (node, box) =>
    node.type === 'STICKY'
      ? {
          ...base,
          kind: 'sticky',
          ...box,
          text: node.text.characters,
          fontSize: node.text.fontSize as number,
          // FigJam writes sticky text from the top-left corner.
          align: 'left',
          verticalAlign: 'top',
          padding: STICKY_PADDING,
          fill: readPaint(node.fills) ?? '#ffe8a3',
          textColor: readPaint(node.text.fills) ?? DEFAULT_TEXT_COLOR,
          cornerRadius: 4,
        }
      : undefined,
  SHAPE_WITH_TEXT: (node, box) => {
    if (node.type !== 'SHAPE_WITH_TEXT') return undefined;
    const ellipse = node.shapeType === 'ELLIPSE';
    return {
      ...base,
      kind: ellipse ? 'ellipse' : 'shape',
      ...box,
      text: node.text.characters,
      boldLines: countBoldLines(node.text),
      fontSize: node.text.fontSize as number,
      padding: ellipse ? 0 : Math.min(SHAPE_PADDING, box.width / 8, box.height / 8),
      fill: readPaint(node.fills),
      stroke: readPaint(node.strokes),
      strokeWidth: node.strokeWeight as number,
      textColor: readPaint(node.text.fills) ?? DEFAULT_TEXT_COLOR,
      cornerRadius: node.shapeType === 'ROUNDED_RECTANGLE' ? ROUNDED_RECTANGLE_RADIUS : 0,
    };
  },
  TEXT: (node, box) => {
    if (node.type !== 'TEXT') return undefined;
    const bold = /bold/i.test((node.fontName as FontName).style);
    return {
      ...base,
      kind: 'text',
      ...box,
      text: node.characters,
      boldLines: bold ? node.characters.split('\n').length : 0,
      fontSize: node.fontSize as number,
      align: node.textAlignHorizontal === 'CENTER' ? 'center' : node.textAlignHorizontal === 'RIGHT' ? 'right' : 'left',
      verticalAlign: 'top',
      textColor: readPaint(node.fills) ?? DEFAULT_TEXT_COLOR,
    };
  },
  VECTOR: (node, box) =>
    node.type === 'VECTOR'
      ? { ...base, kind: 'line', ...box, stroke: readPaint(node.strokes), strokeWidth: node.strokeWeight as number, path: node.vectorPaths.map((path) => path.data).join(' ') }
      : undefined,
  CONNECTOR: (node, _box, findBox) => {
    if (node.type !== 'CONNECTOR') return undefined;
    let start = locateEnd(node.connectorStart, findBox);
    let end = locateEnd(node.connectorEnd, findBox);
    if (!start || !end) return undefined;
    // Both ends on AUTO magnets: FigJam attaches them to the sides that face each other, so a curve runs between the nodes, not over them.
    const auto = (endpoint: ConnectorEndpoint) => ('magnet' in endpoint && endpoint.magnet === 'AUTO' ? findBox(endpoint.endpointNodeId) : undefined);
    const [fromBox, toBox] = [auto(node.connectorStart), auto(node.connectorEnd)];
    const route = fromBox && toBox && node.connectorLineType !== 'STRAIGHT' ? findFacingSides(fromBox, toBox) : undefined;
    if (route) ({ start, end } = route);
    const origin = { x: Math.min(start.x, end.x), y: Math.min(start.y, end.y) };
    return {
      ...base,
      kind: 'line',
      ...origin,
      width: Math.abs(end.x - start.x),
      height: Math.abs(end.y - start.y),
      text: node.text.characters,
      stroke: readPaint(node.strokes),
      strokeWidth: node.strokeWeight as number,
      path: route ? (node.connectorLineType === 'ELBOWED' ? drawRoutedElbow(route, origin) : drawRoutedCurve(route, origin)) : drawConnectorPath(node.connectorLineType, start, end, origin),
    };
  },
};

/** The section holding `node` (through the groups it lies in) and the innermost group, if any. */
function findHolders(node: SceneNode): { sectionId: string | undefined; groupId: string | undefined } {
  let groupId: string | undefined;
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'GROUP') groupId ??= parent.id;
    else return { sectionId: parent.type === 'SECTION' ? parent.id : undefined, groupId };
  }
  return { sectionId: undefined, groupId };
}

/** The ids of the nodes a connector is attached to. */
function listConnectedIds(node: SceneNode): string[] {
  if (node.type !== 'CONNECTOR') return [];
  return [node.connectorStart, node.connectorEnd].flatMap((end) => ('endpointNodeId' in end ? [end.endpointNodeId] : []));
}

/**
 * Reads every node of a fake FigJam page as drawable items, in layer order
 * (back to front): positions are absolute on the page (through sections and
 * groups), paints become colours, styled text its form. Groups draw nothing
 * themselves: their members name them. A connector is drawn as a line
 * between its ends, in front of the nodes it joins wherever it lies in the
 * layers; one attached to a node not on the page is left out. Reads nothing
 * through logged calls, so reading does not change the fake's call log.
 */
export function readFigjamBoard(fake: FakeFigma): DrawableItem[] {
  const nodes = fake.listNodes();
  const boxes = new Map<string, Box>();
  for (const node of nodes) {
    const bounds = node.absoluteBoundingBox;
    if (bounds) boxes.set(node.id, { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height });
  }
  const findBox: FindBox = (id) => boxes.get(id);
  // Each item's place back to front: a node's layer index, a connector's
  // raised just above the last node it joins when that one is in front.
  const layerIndex = new Map(nodes.map((node, index) => [node.id, index]));
  const ranked: { item: DrawableItem; rank: number }[] = [];
  nodes.forEach((node, index) => {
    const read = readers[node.type];
    const box = boxes.get(node.id);
    if (!read || !box) return;
    const drawable = read(node, box, findBox, fake);
    if (!drawable) return;
    const { sectionId, groupId } = findHolders(node);
    const rich = node.type === 'STICKY' || node.type === 'SHAPE_WITH_TEXT' ? convertSegmentsToRichText(readTextSegments(node.text)) : undefined;
    const item: DrawableItem = {
      ...drawable,
      id: node.id,
      hasIdentity: decodeItemIdentity(fake.peekPluginData(node, IDENTITY_FIELD)) !== undefined,
      parentId: sectionId,
      ...(groupId ? { groupId } : {}),
      ...(rich ? { rich } : {}),
    };
    ranked.push({ item, rank: Math.max(index, ...listConnectedIds(node).map((id) => (layerIndex.get(id) ?? index) + 0.5)) });
  });
  return ranked.sort((a, b) => a.rank - b.rank).map(({ item }) => item);
}
