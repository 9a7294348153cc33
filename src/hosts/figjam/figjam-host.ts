import { placeFigjamSlidesAsync, SLIDE_FIELD } from './figjam-slides';
import type {
  EmotionLineNode as MapEmotionLine,
  EmotionPointNode as MapEmotionPoint,
  FrameNode as MapFrame,
  LinkNode as MapLink,
  Point,
  SceneNode as MapNode,
  SceneNodeType,
  ShapeNode as MapShape,
  StickyNode as MapSticky,
  TextNode as MapText,
} from '../../layout/scene';
import { parseSceneKey } from '../../layout/scene-keys';
import { STYLE_PALETTE, type StyleSwatch } from '../../layout/style-palette';
import { measureUtf8Bytes } from '../../model/text-size';
import type { BoardPort, BoardRun, MapContainer, MapTarget, RecordSpace } from '../../app/board-port';
import type { ApplyPlan, ApplyProgress, ApplyReport, ConnectorEnds, ForeignItem, Op, Snapshot, SnapshotItem } from '../../sync/host-port';
import { FIGJAM_METRICS } from '../../layout/host-metrics';
import { decodeItemIdentity, encodeItemIdentity, IDENTITY_FIELD, type ItemIdentity } from '../../sync/item-identity';
import { isFormOf, type RichText } from '../../model/rich-text';
import { convertPathToVectorData } from './figjam-vector-path';
import { listFormFonts, readRichText, replaceCharacters, writeRichText } from './figjam-rich-text';

// FigJam sticky text is Inter Medium; shapes and free text use Inter Regular
// with Bold for headings. Fonts must be loaded before any text property is
// written (https://developers.figma.com/docs/plugins/api/properties/figma-loadfontasync).
const STICKY_FONT: FontName = { family: 'Inter', style: 'Medium' };
const REGULAR_FONT: FontName = { family: 'Inter', style: 'Regular' };
const BOLD_FONT: FontName = { family: 'Inter', style: 'Bold' };

// "By default, the new node has constant width and height both at 240"
// (figma.createSticky, plugin typings); the wide sticky is 416 wide
// (https://help.figma.com/hc/en-us/articles/1500004414322-Sticky-notes-in-FigJam#Size).
const WIDE_STICKY_WIDTH = 416;

// The emotion line must read as the map's main curve at fit-to-screen zoom.
const EMOTION_LINE_WEIGHT = 6;
// The to-be line and its points are dashed (dash, gap), long enough to read at fit-to-screen zoom.
const TO_BE_LINE_DASHES = [36, 24];
const TO_BE_POINT_DASHES = [10, 8];
// The ring of an emotion point, thinner than the line it sits on.
const EMOTION_POINT_STROKE = 4;
// A face fills about half of its circle.
const EMOTION_FACE_SCALE = 0.5;

/**
 * Prefix of the pluginData keys, on a map's section, of the map's record
 * space (see RecordSpace): the record `journey` is `cjm-journey`, its parts
 * `cjm-journey/<tag>/<n>`. Kept on the section, a map's record travels with
 * it when people duplicate or copy it.
 */
export const RECORD_FIELD_PREFIX = 'cjm-';
/** pluginData key of the map's record on its section. */
export const JOURNEY_FIELD = `${RECORD_FIELD_PREFIX}journey`;
/** The relaunch button on a map's section; `regenerate` must be in the manifest's `relaunchButtons`. */
export const RELAUNCH_DATA = { regenerate: 'Re-lay out this map, keeping board edits' } as const;

// The largest record value written to one plugin data entry: an entry takes
// at most 100 kB with the plugin id and key
// (https://developers.figma.com/docs/plugins/api/properties/nodes-setplugindata).
const RECORD_VALUE_LIMIT_BYTES = 90_000;
// The largest record stored with a map, all parts together: far above any
// journey people write; a guard against runaway data on the section.
const RECORD_LIMIT_BYTES = 2_000_000;
// figma.clientStorage keeps up to 5 MB per plugin in all
// (https://developers.figma.com/docs/plugins/api/figma-clientStorage);
// a draft is split into values of at most this size.
const CLIENT_STORAGE_VALUE_LIMIT_BYTES = 500_000;
// figma.clientStorage key prefix of the panel's records: per person and per plugin, kept on their machine.
const CLIENT_STORAGE_PREFIX = 'cjm-board/';

// Room kept between a new map and the maps beside it, in canvas units.
const NEW_MAP_GAP = 200;

// FigJam runs plugins on the editor thread; giving the event loop a turn
// every 50 writes keeps the canvas responsive during a 150-item run.
const YIELD_EVERY = 50;

/**
 * The official FigJam colours stickies can take
 * (https://developers.figma.com/docs/plugins/api/ColorPalettes:
 * `figJamBaseLight` plus white). Style swatches map to the nearest one.
 */
const STICKY_COLOURS: readonly { name: string; hex: string }[] = [
  { name: 'lightGray', hex: '#E6E6E6' },
  { name: 'lightRed', hex: '#FFC7C2' },
  { name: 'lightOrange', hex: '#FCD19C' },
  { name: 'lightYellow', hex: '#FFE8A3' },
  { name: 'lightGreen', hex: '#AFF4C6' },
  { name: 'lightBlue', hex: '#BDE3FF' },
  { name: 'lightViolet', hex: '#E4CCFF' },
  { name: 'white', hex: '#FFFFFF' },
];

/** Converts `#rrggbb` to a Figma RGB (channels 0..1); malformed input is black. */
function convertHexToRgb(hex: string): RGB {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return { r: 0, g: 0, b: 0 };
  const channel = (part: string | undefined): number => parseInt(part ?? '0', 16) / 255;
  return { r: channel(match[1]), g: channel(match[2]), b: channel(match[3]) };
}

function createSolidPaint(hex: string): SolidPaint {
  return { type: 'SOLID', color: convertHexToRgb(hex) };
}

/** The FigJam sticky colour nearest to a swatch fill (squared RGB distance). */
export function findNearestStickyColour(hex: string): string {
  const target = convertHexToRgb(hex);
  let best = STICKY_COLOURS[0]?.hex ?? '#FFFFFF';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const colour of STICKY_COLOURS) {
    const rgb = convertHexToRgb(colour.hex);
    const distance = (rgb.r - target.r) ** 2 + (rgb.g - target.g) ** 2 + (rgb.b - target.b) ** 2;
    if (distance < bestDistance) {
      best = colour.hex;
      bestDistance = distance;
    }
  }
  return best;
}

/** Host node types this adapter draws. */
type DrawnNode = SectionNode | StickyNode | ShapeWithTextNode | TextNode | VectorNode | ConnectorNode;

// Board units an item may sit off its place before it is put back: the
// tolerance the diff uses (diff-scene.ts), so what the diff calls in place is
// never written.
const PLACE_TOLERANCE = 0.5;

const differs = (a: number, b: number): boolean => Math.abs(a - b) > PLACE_TOLERANCE;

const fontKey = (font: FontName): string => `${font.family} ${font.style}`;

/** Everything a drawer needs besides the node. */
interface DrawContext {
  api: PluginAPI;
  /** The map's section; new children are appended to it and placed relative to it. */
  section: SectionNode | undefined;
  /** Fonts loaded for this apply, as `Family Style`. */
  fonts: Set<string>;
  /** The node id of each key of this map drawn or adopted so far: what a link's connector attaches to. */
  nodeIds: Map<string, string>;
}

/**
 * What a draw writes. Place and size are compared with the board and
 * written where they differ; on a fresh node everything is written.
 */
interface DrawScope {
  /** A node created by this draw: nothing to compare with. */
  fresh: boolean;
  /** The text (and its form). */
  text: boolean;
  /** The look: fills, strokes, shape type, fonts and font sizes of the map's style. */
  style: boolean;
}

const FRESH: DrawScope = { fresh: true, text: true, style: true };

/**
 * How one scene node type is drawn in FigJam: `create` makes the bare host
 * node, `draw` writes what `scope` asks of the node. Creates and updates
 * both call `draw`, so they write the same things.
 */
interface Drawer<N extends MapNode, H extends DrawnNode> {
  hostType: H['type'];
  create(api: PluginAPI): H;
  draw(host: H, node: N, context: DrawContext, scope: DrawScope): void;
  /** Fonts the drawer writes with. */
  fonts: readonly FontName[];
}

/**
 * Where a node drawn into an existing map goes in the section's layers, or
 * undefined for on top. Children are sorted back to front
 * (https://developers.figma.com/docs/plugins/api/properties/nodes-children):
 * a lane's band goes to the back, so one drawn again (after a person's text
 * on the old one was kept) does not cover the lane's stickies; an emotion
 * line goes under the points it joins.
 */
function findLayerIndex(section: SectionNode, node: MapNode): number | undefined {
  const kind = parseSceneKey(node.key)?.kind;
  if (kind === 'row') return 0;
  if (kind !== 'emotion-line') return undefined;
  const index = section.children.findIndex((child) => parseSceneKey(readIdentity(child)?.key ?? '')?.kind === 'emotion');
  return index === -1 ? undefined : index;
}

/**
 * Where `node`'s top-left corner is on the page. A node's x and y are
 * relative to its container, and a group is none: "it is not relative to its
 * direct parent if the parent is a group", and the absolute transform is the
 * way to the page's coordinates
 * (https://developers.figma.com/docs/plugins/api/properties/nodes-relativetransform).
 */
function readAbsolutePosition(node: SceneNode): Point {
  const [[, , x], [, , y]] = node.absoluteTransform;
  return { x, y };
}

/** Where `node`'s top-left corner is in the map's coordinates (relative to the map's section). */
function readMapPosition(node: SceneNode, section: SectionNode): Point {
  if (node.parent === section) return { x: node.x, y: node.y };
  const at = readAbsolutePosition(node);
  const origin = readAbsolutePosition(section);
  return { x: at.x - origin.x, y: at.y - origin.y };
}

/**
 * The map section `node` lies in: the nearest section around it that
 * carries a map identity, through groups and a person's own sections.
 * Undefined when none does.
 */
function findEnclosingMap(node: BaseNode, isMapSection: (section: SectionNode) => boolean): SectionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'SECTION' && isMapSection(current)) return current;
  }
  return undefined;
}

const carriesMapIdentity = (section: SectionNode): boolean => readIdentity(section)?.key === 'map';

/**
 * Puts `host` at the node's place in the map. A node already inside the
 * map's section stays where it is in the layers, also inside a group or a
 * section a person made (FigJam keeps a group whole only while its members
 * stay in it): it is moved in its own parent's coordinates, and only when it
 * is off its place. A new node, or one dragged out onto the page, joins the
 * section; section children are positioned relative to the section, and
 * appendChild re-parents (https://developers.figma.com/docs/plugins/api/SectionNode).
 */
function placeInSection(host: SceneNode, node: Point & Pick<MapNode, 'key'>, context: DrawContext, scope: DrawScope): void {
  const section = context.section;
  if (!section) throw new Error(`the map section is missing, so "${node.key}" has nowhere to go; run Insert CJM template again`);
  const inMap = host.parent === section || (host.parent !== null && findEnclosingMap(host, carriesMapIdentity) === section);
  if (!inMap) {
    const index = findLayerIndex(section, node as MapNode);
    if (index === undefined) section.appendChild(host);
    else section.insertChild(index, host);
    host.x = node.x;
    host.y = node.y;
    return;
  }
  const at = readMapPosition(host, section);
  // The map coordinates of the parent's origin: zero for the section itself.
  const originX = at.x - host.x;
  const originY = at.y - host.y;
  if (scope.fresh || differs(at.x, node.x)) host.x = node.x - originX;
  if (scope.fresh || differs(at.y, node.y)) host.y = node.y - originY;
}

/** Writes a plain text in `font` over a text, dropping the marks a person left on it. */
function writePlainText(text: TextSublayerNode | TextNode, font: FontName, characters: string): void {
  text.fontName = font;
  replaceCharacters(text, characters);
}

const frameDrawer: Drawer<MapFrame, SectionNode> = {
  hostType: 'SECTION',
  fonts: [],
  create: (api) => api.createSection(),
  draw(section, node, _context, scope) {
    if (scope.text && section.name !== node.title) section.name = node.title;
    const width = Math.max(1, node.width);
    const height = Math.max(1, node.height);
    // Sections do not propagate constraints, resizeWithoutConstraints is the
    // documented way to size them
    // (https://developers.figma.com/docs/plugins/api/properties/SectionNode-resize/).
    if (scope.fresh || differs(section.width, width) || differs(section.height, height)) section.resizeWithoutConstraints(width, height);
    if (scope.style) section.fills = [createSolidPaint(STYLE_PALETTE.map.fill)];
  },
};

const stickyDrawer: Drawer<MapSticky, StickyNode> = {
  hostType: 'STICKY',
  fonts: [STICKY_FONT],
  create: (api) => api.createSticky(),
  draw(sticky, node, context, scope) {
    placeInSection(sticky, node, context, scope);
    // A sticky cannot be resized: its width is 240 or, wide, 416, and its
    // height follows the text.
    const wide = node.width >= WIDE_STICKY_WIDTH;
    if (scope.fresh || sticky.isWideWidth !== wide) sticky.isWideWidth = wide;
    if (scope.style) {
      sticky.authorVisible = false;
      sticky.fills = [createSolidPaint(findNearestStickyColour(STYLE_PALETTE[node.style].fill))];
    }
    if (!scope.text) return;
    const form = node.form && isFormOf(node.form, node.text) ? node.form : undefined;
    sticky.text.fontName = STICKY_FONT;
    if (form) writeRichText(sticky.text, form, STICKY_FONT, (font) => context.fonts.has(fontKey(font)));
    else replaceCharacters(sticky.text, node.text);
  },
};

const SHAPE_TYPES: Record<MapShape['shape'], ShapeWithTextNode['shapeType']> = {
  rectangle: 'SQUARE',
  'round-rectangle': 'ROUNDED_RECTANGLE',
};

/** A shape's size where it differs (always when fresh), and its fill and stroke when the look is written. */
function sizeAndPaintShape(shape: ShapeWithTextNode, node: MapShape | MapEmotionPoint, swatch: StyleSwatch, scope: DrawScope): void {
  const width = Math.max(1, node.width);
  const height = Math.max(1, node.height);
  if (scope.fresh || differs(shape.width, width) || differs(shape.height, height)) shape.resize(width, height);
  if (scope.style) {
    shape.fills = [createSolidPaint(swatch.fill)];
    shape.strokes = [createSolidPaint(swatch.stroke)];
  }
}

const shapeDrawer: Drawer<MapShape, ShapeWithTextNode> = {
  hostType: 'SHAPE_WITH_TEXT',
  fonts: [REGULAR_FONT, BOLD_FONT],
  create: (api) => api.createShapeWithText(),
  draw(shape, node, context, scope) {
    const swatch = STYLE_PALETTE[node.style];
    if (scope.style) shape.shapeType = SHAPE_TYPES[node.shape];
    placeInSection(shape, node, context, scope);
    sizeAndPaintShape(shape, node, swatch, scope);
    if (scope.text) writePlainText(shape.text, REGULAR_FONT, node.heading && node.text ? `${node.heading}\n${node.text}` : node.heading || node.text);
    if (scope.style) shape.text.fontSize = node.fontSize;
    if (scope.text && node.heading) shape.text.setRangeFontName(0, node.heading.length, BOLD_FONT);
    if (scope.style) shape.text.fills = [createSolidPaint(swatch.text)];
  },
};

const textDrawer: Drawer<MapText, TextNode> = {
  hostType: 'TEXT',
  fonts: [REGULAR_FONT, BOLD_FONT],
  create: (api) => api.createText(),
  draw(text, node, context, scope) {
    placeInSection(text, node, context, scope);
    // The font goes before the characters too: they are written in it.
    if (scope.style || scope.text) text.fontName = node.bold ? BOLD_FONT : REGULAR_FONT;
    if (scope.style) text.fontSize = node.fontSize;
    if (scope.text) replaceCharacters(text, node.text);
    // Fixed width, height from the text: resize first, then let it grow.
    if (scope.fresh || differs(text.width, node.width)) {
      text.resize(Math.max(1, node.width), Math.max(1, node.height));
      text.textAutoResize = 'HEIGHT';
    }
    if (scope.style) {
      text.textAlignHorizontal = node.align === 'center' ? 'CENTER' : 'LEFT';
      text.fills = [createSolidPaint(STYLE_PALETTE[node.style].text)];
    }
  },
};

const emotionPointDrawer: Drawer<MapEmotionPoint, ShapeWithTextNode> = {
  hostType: 'SHAPE_WITH_TEXT',
  fonts: [REGULAR_FONT, BOLD_FONT],
  create: (api) => api.createShapeWithText(),
  draw(shape, node, context, scope) {
    const swatch = STYLE_PALETTE[node.style];
    if (scope.style) shape.shapeType = 'ELLIPSE';
    placeInSection(shape, node, context, scope);
    sizeAndPaintShape(shape, node, swatch, scope);
    if (scope.style) {
      shape.strokeWeight = EMOTION_POINT_STROKE;
      // https://www.figma.com/plugin-docs/api/properties/nodes-dashpattern/ — new nodes are solid; a
      // point's key names its line, so a node never changes line and solid ones need no write.
      if (node.line === 'to-be') shape.dashPattern = TO_BE_POINT_DASHES;
    }
    if (scope.text) writePlainText(shape.text, REGULAR_FONT, node.face);
    // The face follows the circle's size.
    const faceSize = Math.max(1, Math.round(Math.min(node.width, node.height) * EMOTION_FACE_SCALE));
    if (scope.fresh || shape.text.fontSize !== faceSize) shape.text.fontSize = faceSize;
  },
};

const emotionLineDrawer: Drawer<MapEmotionLine, VectorNode> = {
  hostType: 'VECTOR',
  fonts: [],
  create: (api) => api.createVector(),
  draw(vector, node, context, scope) {
    const path = convertPathToVectorData(node.path);
    if (!path) throw new Error(`emotion line "${node.key}" has no drawable path (received ${node.path.length} commands); check the emotion scores`);
    placeInSection(vector, { key: node.key, x: path.origin.x, y: path.origin.y }, context, scope);
    // The path is the line: FigJam may write path data back in its own
    // notation, so it is not compared, it is written.
    vector.vectorPaths = [{ windingRule: 'NONE', data: path.data }];
    if (!scope.style) return;
    vector.fills = [];
    vector.strokes = [createSolidPaint(STYLE_PALETTE[node.style].stroke)];
    vector.strokeWeight = EMOTION_LINE_WEIGHT;
    if (node.line === 'to-be') vector.dashPattern = TO_BE_LINE_DASHES;
    vector.strokeCap = 'ROUND';
    vector.strokeJoin = 'ROUND';
  },
};

// Links are thinner than emotion lines, and dashed: they tie cards together, the lines are the chart.
const LINK_WEIGHT = 3;
const LINK_DASHES = [10, 8];

/**
 * A link between two cards is a connector attached to their stickies
 * (`endpointNodeId`, magnet AUTO:
 * https://developers.figma.com/docs/plugins/api/ConnectorEndpoint), so it
 * follows them when they move; curved, a dot where it names its card
 * (https://developers.figma.com/docs/plugins/api/ConnectorNode). Its ends
 * are written when it is made: a person's connector the map adopts keeps
 * its ends, its label and, unless the map's look for links changed, its
 * look. It lives in the map's section, so a copy of the section takes it.
 */
const linkDrawer: Drawer<MapLink, ConnectorNode> = {
  hostType: 'CONNECTOR',
  fonts: [],
  create: (api) => api.createConnector(),
  draw(connector, node, context, scope) {
    if (scope.fresh) {
      const [start, end] = [context.nodeIds.get(node.from), context.nodeIds.get(node.to)];
      if (!start || !end) throw new Error(`card ${!start ? node.from : node.to} is not on the board, so link "${node.key}" cannot join it; click Regenerate to draw the card, then the link`);
      const section = context.section;
      if (!section) throw new Error(`the map section is missing, so "${node.key}" has nowhere to go; run Insert CJM template again`);
      if (connector.parent !== section) section.appendChild(connector);
      connector.connectorLineType = 'CURVED';
      connector.connectorStart = { endpointNodeId: start, magnet: 'AUTO' };
      connector.connectorEnd = { endpointNodeId: end, magnet: 'AUTO' };
    }
    if (!scope.style) return;
    connector.strokes = [createSolidPaint(STYLE_PALETTE[node.style].stroke)];
    connector.strokeWeight = LINK_WEIGHT;
    connector.dashPattern = LINK_DASHES;
    connector.connectorStartStrokeCap = 'NONE';
    connector.connectorEndStrokeCap = 'CIRCLE_FILLED';
  },
};

type AnyDrawer = Drawer<MapNode, DrawnNode>;

/** How each scene node type is drawn: the one table of this adapter. */
const drawers: { [T in SceneNodeType]: Drawer<Extract<MapNode, { type: T }>, DrawnNode> } = {
  frame: frameDrawer,
  sticky: stickyDrawer,
  shape: shapeDrawer,
  text: textDrawer,
  'emotion-point': emotionPointDrawer,
  'emotion-line': emotionLineDrawer,
  link: linkDrawer,
};

const findDrawer = (node: MapNode): AnyDrawer => drawers[node.type];

/** The scene node type a host node of ours stands for, or undefined if not one we draw. */
function readSceneType(node: SceneNode): SceneNodeType | undefined {
  switch (node.type) {
    case 'SECTION':
      return 'frame';
    case 'STICKY':
      return 'sticky';
    case 'TEXT':
      return 'text';
    case 'VECTOR':
      return 'emotion-line';
    case 'CONNECTOR':
      return 'link';
    case 'SHAPE_WITH_TEXT':
      return node.shapeType === 'ELLIPSE' ? 'emotion-point' : 'shape';
    default:
      return undefined;
  }
}

function readText(node: SceneNode): string {
  switch (node.type) {
    case 'SECTION':
      return node.name;
    case 'STICKY':
    case 'SHAPE_WITH_TEXT':
    case 'CONNECTOR':
      // A connector's text is its label, a person's.
      return node.text.characters;
    case 'TEXT':
      return node.characters;
    default:
      return '';
  }
}

function readIdentity(node: BaseNode): ItemIdentity | undefined {
  return decodeItemIdentity(node.getPluginData(IDENTITY_FIELD));
}

/** The nodes a connector's ends are attached to (an end `{ position }` alone is in the open: https://developers.figma.com/docs/plugins/api/ConnectorEndpoint). */
function readEnds(connector: ConnectorNode): ConnectorEnds {
  const id = (end: ConnectorEndpoint): string | undefined => ('endpointNodeId' in end ? end.endpointNodeId : undefined);
  const [start, end] = [id(connector.connectorStart), id(connector.connectorEnd)];
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));


/** Whether `node` is `ancestor` or lies inside it. */
function isInside(node: BaseNode, ancestor: BaseNode): boolean {
  for (let current: BaseNode | null = node; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

/** What one map holds on the current page. */
interface MapNodes {
  section: SectionNode | undefined;
  /** Nodes carrying this map's identity, the section included. */
  owned: { node: SceneNode; identity: ItemIdentity }[];
  /** Ids of every section on the page that carries a map identity (this map's, its copies', other maps'). */
  mapSectionIds: ReadonlySet<string>;
}

/**
 * What one run knows of the board: the text each item showed when the run
 * first read it, or last wrote it. An item that shows something else has
 * been typed on since, by a person: the run leaves that text alone, and the
 * next run merges it.
 */
interface RunState {
  knownTexts: Map<string, string>;
}

/**
 * Creates the FigJam adapter: reads maps back from the current page and
 * draws plans on it. Every node it draws carries pluginData `cjm` with the
 * map id, scene key and content hash; a map's section also holds the map's
 * record space (`cjm-journey`, …). Nothing else on the board is touched,
 * except stickies a plan adopts.
 *
 * A map's items are the map's wherever they lie in its section: in a group
 * a person made (⌘G) or in a section they drew inside the map, which the
 * adapter never breaks up. Only a copy of a map inside the map (a section
 * with a map identity of its own) is not the map's.
 *
 * Locked nodes are written as any other: `locked` only stops people from
 * selecting and dragging and "does not affect a plugin's ability to write to
 * those properties" (https://developers.figma.com/docs/plugins/api/properties/nodes-locked),
 * so FigJam refuses nothing (ApplyReport.refused stays empty).
 *
 * Undo: everything one run writes is one undo step, committed when the run
 * ends (https://developers.figma.com/docs/plugins/api/properties/figma-commitundo:
 * plugin changes are not committed to undo history by default).
 */
export function createFigjamPort(api: PluginAPI): BoardPort {
  /** Changes this adapter made to the page: a run that made any ends with an undo step. */
  let changes = 0;
  async function findIdentifiedNodesAsync(): Promise<SceneNode[]> {
    // With "documentAccess": "dynamic-page" a page must be loaded before
    // its subtree can be searched
    // (https://developers.figma.com/docs/plugins/api/properties/nodes-findone).
    await api.currentPage.loadAsync();
    // findAllWithCriteria with pluginData keys finds the nodes that store
    // our identity without visiting each node in JS
    // (https://developers.figma.com/docs/plugins/api/FindAllCriteria).
    return api.currentPage.findAllWithCriteria({ pluginData: { keys: [IDENTITY_FIELD] } });
  }

  async function findSceneNodeAsync(itemId: string): Promise<SceneNode | undefined> {
    const node = await api.getNodeByIdAsync(itemId);
    if (!node || node.removed || node.type === 'DOCUMENT' || node.type === 'PAGE') return undefined;
    return node;
  }

  /** The section of `target` when it is still a section carrying the map's identity. */
  async function findSectionAsync(target: MapTarget): Promise<SectionNode | undefined> {
    if (target.containerId === undefined) return undefined;
    const node = await findSceneNodeAsync(target.containerId);
    if (!node || node.type !== 'SECTION') return undefined;
    const identity = readIdentity(node);
    return identity?.map === target.mapId && identity.key === 'map' ? node : undefined;
  }

  async function findMapNodesAsync(target: MapTarget): Promise<MapNodes> {
    const section = await findSectionAsync(target);
    const owned: MapNodes['owned'] = [];
    if (!section) return { section, owned, mapSectionIds: new Set() };
    owned.push({ node: section, identity: readIdentity(section) as ItemIdentity });
    const identified = (await findIdentifiedNodesAsync()).map((node) => ({ node, identity: readIdentity(node) }));
    const mapSectionIds = new Set(identified.filter(({ node, identity }) => node.type === 'SECTION' && identity?.key === 'map').map(({ node }) => node.id));
    for (const { node, identity } of identified) {
      if (identity?.map !== target.mapId || identity.key === 'map' || node === section) continue;
      // An item is the map's at any depth of its section (groups and a
      // person's sections are transparent), unless a copy of a map inside it
      // holds it; items dragged out onto the page still belong to the map.
      const home = findEnclosingMap(node, (candidate) => mapSectionIds.has(candidate.id));
      // A person's connector the map adopted may lie on the page in a group of theirs: it is the map's wherever it is, but in another map.
      if (home === section || node.parent === api.currentPage || (node.type === 'CONNECTOR' && home === undefined)) owned.push({ node, identity });
    }
    return { section, owned, mapSectionIds };
  }

  async function listMapContainersAsync(): Promise<MapContainer[]> {
    // Only directly selected nodes are in the selection, never a node and
    // its descendants (https://developers.figma.com/docs/plugins/api/properties/PageNode-selection).
    const selection = api.currentPage.selection;
    const containers: MapContainer[] = [];
    for (const node of await findIdentifiedNodesAsync()) {
      if (node.type !== 'SECTION') continue;
      const identity = readIdentity(node);
      if (identity?.key !== 'map') continue;
      containers.push({ containerId: node.id, mapId: identity.map, title: node.name, selected: selection.some((selected) => isInside(selected, node)) });
    }
    return containers;
  }

  /** The form of a node's text when it shows more than plain lines (stickies and shapes carry styled text). */
  function readForm(node: SceneNode): RichText | undefined {
    return node.type === 'STICKY' || node.type === 'SHAPE_WITH_TEXT' ? readRichText(node.text) : undefined;
  }

  async function readMapAsync(target: MapTarget, state: RunState): Promise<Snapshot | undefined> {
    const { section, owned, mapSectionIds } = await findMapNodesAsync(target);
    if (!section) return undefined;
    const origin = readAbsolutePosition(section);
    const remember = (node: SceneNode, text: string): void => {
      // The first read of a run is what its plan rests on.
      if (!state.knownTexts.has(node.id)) state.knownTexts.set(node.id, text);
    };
    const items: SnapshotItem[] = [];
    const ownedIds = new Set<string>();
    for (const { node, identity } of owned) {
      const type = readSceneType(node);
      if (!type) continue;
      ownedIds.add(node.id);
      const text = readText(node);
      remember(node, text);
      const place = node === section ? { x: 0, y: 0 } : readMapPosition(node, section);
      const rich = readForm(node);
      const nested = node !== section && node.parent !== section && node.parent !== api.currentPage;
      items.push({
        itemId: node.id,
        identity,
        type,
        text,
        ...(rich ? { rich } : {}),
        x: place.x,
        y: place.y,
        width: node.width,
        height: node.height,
        ...(nested ? { nested } : {}),
        ...(node.type === 'CONNECTOR' ? { ends: readEnds(node) } : {}),
      });
    }
    // Everything else in the section that a person put there, at any depth:
    // the containers they made are looked through, a copy of a map is not.
    const foreign: ForeignItem[] = [];
    const collect = (container: SectionNode | GroupNode | FrameNode, nested: boolean): void => {
      for (const child of container.children) {
        if (ownedIds.has(child.id)) continue;
        if (child.type === 'SECTION' && mapSectionIds.has(child.id)) continue;
        // A slide of a deck nested in the map is no part of it: its picture and the notes on it stay the slide's.
        if (child.type === 'SECTION' && child.getPluginData(SLIDE_FIELD) !== '') continue;
        // Groups, sections and frames draw nothing a map reads: what they hold does.
        if (child.type === 'GROUP' || child.type === 'SECTION' || child.type === 'FRAME') {
          collect(child, true);
          continue;
        }
        const text = readText(child);
        remember(child, text);
        const place = readMapPosition(child, section);
        const rich = readForm(child);
        foreign.push({
          itemId: child.id,
          kind: readSceneType(child),
          text,
          ...(rich ? { rich } : {}),
          ...(nested ? { nested } : {}),
          ...(child.type === 'CONNECTOR' ? { ends: readEnds(child) } : {}),
          x: place.x,
          y: place.y,
          width: child.width,
          height: child.height,
        });
      }
    };
    collect(section, false);
    // A person's connector may lie outside the section (FigJam does not say
    // where it parents one drawn between two stickies of a section): one on
    // the page attached to an item of the map is the map's to read too.
    const mapItemIds = new Set([...ownedIds, ...foreign.map((item) => item.itemId)]);
    const collected = new Set(foreign.map((item) => item.itemId));
    for (const connector of api.currentPage.findAllWithCriteria({ types: ['CONNECTOR'] })) {
      if (ownedIds.has(connector.id) || collected.has(connector.id) || readIdentity(connector)) continue;
      const ends = readEnds(connector);
      if (!(ends.start && mapItemIds.has(ends.start)) && !(ends.end && mapItemIds.has(ends.end))) continue;
      const place = readMapPosition(connector, section);
      foreign.push({ itemId: connector.id, kind: 'link', text: readText(connector), ends, x: place.x, y: place.y, width: connector.width, height: connector.height });
    }
    return { mapId: target.mapId, origin, anchor: 'top-left', items, foreign };
  }

  async function findOwnedNodeAsync(itemId: string, mapId: string): Promise<SceneNode | undefined> {
    const node = await findSceneNodeAsync(itemId);
    return node && readIdentity(node)?.map === mapId ? node : undefined;
  }

  /**
   * Removes a person's sticky whose words the journey took in whole (it named
   * a new step), but only while it is still a sticky of no map saying what
   * this run read: a word typed on it since, by anyone, keeps it on the board.
   */
  async function removeAbsorbedAsync(itemId: string, state: RunState): Promise<boolean> {
    const node = await findSceneNodeAsync(itemId);
    if (!node || node.type !== 'STICKY' || readIdentity(node)) return false;
    const known = state.knownTexts.get(node.id);
    if (known === undefined || readText(node) !== known) return false;
    node.remove();
    return true;
  }

  function writeIdentity(host: BaseNode, mapId: string, key: string, hash: string): void {
    host.setPluginData(IDENTITY_FIELD, encodeItemIdentity({ map: mapId, key, hash }));
  }

  function createNode(node: MapNode, hash: string, mapId: string, context: DrawContext, state: RunState): DrawnNode {
    const drawer = findDrawer(node);
    const host = drawer.create(api);
    changes += 1;
    try {
      drawer.draw(host, node, context, FRESH);
      if (node.type !== 'frame') host.name = node.key;
      writeIdentity(host, mapId, node.key, hash);
      // The Regenerate button in the section's property menu
      // (https://developers.figma.com/docs/plugins/api/properties/nodes-setrelaunchdata).
      if (host.type === 'SECTION') host.setRelaunchData({ ...RELAUNCH_DATA });
    } catch (error) {
      // A half-drawn node without identity would stay on the board as a
      // foreign item and be drawn again next run: take it away.
      if (!host.removed) host.remove();
      throw error;
    }
    state.knownTexts.set(host.id, readText(host));
    context.nodeIds.set(node.key, host.id);
    return host;
  }

  /** Moves the section's foreign children onto the page so deleting the section keeps them. */
  function rescueForeignChildren(section: SectionNode, mapId: string): void {
    const parent = section.parent;
    if (!parent) return;
    for (const child of [...section.children]) {
      if (readIdentity(child)?.map === mapId) continue;
      const x = section.x + child.x;
      const y = section.y + child.y;
      parent.appendChild(child);
      child.x = x;
      child.y = y;
    }
  }

  /**
   * Loads the fonts a person gave a text the app is about to write to:
   * changing a text's size or characters needs every font in it loaded
   * (https://developers.figma.com/docs/plugins/api/properties/figma-loadfontasync).
   * A font that cannot be loaded makes the write fail with its name.
   */
  async function loadTextFontsAsync(text: TextSublayerNode | TextNode, context: DrawContext): Promise<void> {
    if (text.characters === '') return;
    const missing = text.getRangeAllFontNames(0, text.characters.length).filter((font) => !context.fonts.has(fontKey(font)));
    for (const font of missing) {
      try {
        await api.loadFontAsync(font);
        context.fonts.add(fontKey(font));
      } catch {
        // The write names the font it could not use.
      }
    }
  }

  /**
   * Redraws the items of an update in place. Items of this map are the
   * app's own; an item without identity inside the map's section is a
   * sticky a person added, adopted here by drawing it and writing its
   * identity. Items of other maps are never touched. Place and size are
   * written where they differ; the text only when `parts` asks for it (or
   * the op has no parts) and the item still shows what this run read; the
   * look only when `parts` asks for it (or the op has no parts).
   */
  async function updateNodeAsync(op: Extract<Op, { type: 'update' }>, mapId: string, context: DrawContext, state: RunState): Promise<void> {
    const drawer = findDrawer(op.node);
    const section = context.section;
    const candidates: { node: SceneNode; owned: boolean }[] = [];
    for (const itemId of op.itemIds) {
      const node = await findSceneNodeAsync(itemId);
      if (!node) continue;
      const identity = readIdentity(node);
      if (identity?.map === mapId) candidates.push({ node, owned: true });
      else if (!identity && section && node !== section && isInside(node, section) && findEnclosingMap(node, carriesMapIdentity) === section) candidates.push({ node, owned: false });
      // A person's connector the run read as joining cards of the map, wherever it lies.
      else if (!identity && node.type === 'CONNECTOR' && op.node.type === 'link') candidates.push({ node, owned: false });
    }
    const keep =
      candidates.find(({ node, owned }) => owned && node.type === drawer.hostType) ?? candidates.find(({ node }) => node.type === drawer.hostType);
    for (const candidate of candidates) {
      // Duplicates of a key and nodes of a changed type are ours to replace;
      // a person's item is never removed.
      if (candidate !== keep && candidate.owned && !candidate.node.removed) {
        changes += 1;
        candidate.node.remove();
      }
    }
    if (!keep) {
      createNode(op.node, op.hash, mapId, context, state);
      return;
    }
    const host = keep.node as DrawnNode;
    const known = state.knownTexts.get(host.id);
    const scope: DrawScope = {
      fresh: false,
      text: (op.parts?.text ?? true) && (known === undefined || readText(host) === known),
      style: op.parts?.style ?? true,
    };
    changes += 1;
    // Only writes to the text need its fonts (a point's face size follows its circle).
    if (scope.text || scope.style || op.node.type === 'emotion-point') {
      if (host.type === 'TEXT') await loadTextFontsAsync(host, context);
      else if (host.type === 'SHAPE_WITH_TEXT') await loadTextFontsAsync(host.text, context);
    }
    try {
      drawer.draw(host, op.node, context, scope);
    } finally {
      // What this run wrote is what it knows the item shows, also when the
      // draw stopped half-way and is tried again.
      if (scope.text) state.knownTexts.set(host.id, readText(host));
    }
    if (op.node.type !== 'frame' && host.name !== op.node.key) host.name = op.node.key;
    const identity = readIdentity(host);
    if (identity?.map !== mapId || identity.key !== op.node.key || identity.hash !== op.hash) writeIdentity(host, mapId, op.node.key, op.hash);
  }

  async function applyOpAsync(op: Op, mapId: string, context: DrawContext, state: RunState): Promise<'created' | 'updated' | 'released' | 'deleted'> {
    switch (op.type) {
      case 'create': {
        const host = createNode(op.node, op.hash, mapId, context, state);
        if (op.node.type === 'frame' && host.type === 'SECTION') context.section = host;
        return 'created';
      }
      case 'update':
        await updateNodeAsync(op, mapId, context, state);
        return 'updated';
      case 'release':
        for (const itemId of op.itemIds) {
          // Removing the identity is all: the item keeps its text, place and
          // look, and is a person's item from now on. An empty value removes
          // the key (https://developers.figma.com/docs/plugins/api/properties/nodes-setplugindata).
          const node = await findOwnedNodeAsync(itemId, mapId);
          if (!node) continue;
          changes += 1;
          node.setPluginData(IDENTITY_FIELD, '');
        }
        return 'released';
      case 'delete':
        if (op.absorbed) {
          for (const itemId of op.itemIds) if (await removeAbsorbedAsync(itemId, state)) changes += 1;
          return 'deleted';
        }
        for (const itemId of op.itemIds) {
          const node = await findOwnedNodeAsync(itemId, mapId);
          if (!node) continue;
          changes += 1;
          const known = state.knownTexts.get(node.id);
          if (known !== undefined && readText(node) !== known) {
            // A person typed on it since the run read it: their words stay,
            // on an item of their own.
            node.setPluginData(IDENTITY_FIELD, '');
            continue;
          }
          if (node.type === 'SECTION') {
            rescueForeignChildren(node, mapId);
            if (context.section === node) context.section = undefined;
          }
          node.remove();
        }
        return 'deleted';
    }
  }

  /**
   * Applies an op, and once more after a failure: every op is safe to repeat
   * (a half-drawn node is removed, an update compares again and writes what
   * is still off, removed items are skipped), and a second try costs nothing
   * remote.
   */
  async function applyOpWithRetryAsync(op: Op, mapId: string, context: DrawContext, state: RunState): Promise<'created' | 'updated' | 'released' | 'deleted'> {
    try {
      return await applyOpAsync(op, mapId, context, state);
    } catch {
      return applyOpAsync(op, mapId, context, state);
    }
  }

  /** Loads `fonts`; answers the ones that loaded, and the failure of the others. */
  async function loadFontsAsync(fonts: ReadonlyMap<string, FontName>): Promise<{ loaded: string[]; failure?: string }> {
    const entries = [...fonts.entries()];
    const outcomes = await Promise.allSettled(entries.map(([, font]) => api.loadFontAsync(font)));
    const loaded = entries.filter((_entry, index) => outcomes[index]?.status === 'fulfilled').map(([key]) => key);
    const rejected = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    return rejected ? { loaded, failure: describeError(rejected.reason) } : { loaded };
  }

  /**
   * Where a new map of `size` goes: at `wanted` (the viewport's centre), or
   * to the right of the maps already there, so a second map never lands on
   * top of the first (FigJam places nothing for a plugin; Miro's
   * findEmptySpace has no FigJam counterpart).
   */
  async function findFreePlaceAsync(wanted: Point, size: { width: number; height: number }): Promise<Point> {
    const maps = (await findIdentifiedNodesAsync()).filter((node) => node.type === 'SECTION' && readIdentity(node)?.key === 'map');
    const place = { ...wanted };
    for (let moved = 0; moved <= maps.length; moved += 1) {
      const blocking = maps.find((map) => place.x < map.x + map.width + NEW_MAP_GAP && map.x < place.x + size.width + NEW_MAP_GAP && place.y < map.y + map.height && map.y < place.y + size.height);
      if (!blocking) break;
      place.x = Math.round(blocking.x + blocking.width + NEW_MAP_GAP);
    }
    return place;
  }

  async function applyPlanAsync(target: MapTarget, plan: ApplyPlan, state: RunState, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport> {
    const report: ApplyReport = { mapId: plan.mapId, origin: plan.origin ?? { x: 0, y: 0 }, created: 0, updated: 0, deleted: 0, released: 0, failed: [] };
    const section = await findSectionAsync(target);
    const context: DrawContext = { api, section, fonts: new Set(), nodeIds: new Map() };
    // A link joins stickies by node id: those of the map, and those this plan adopts or draws (recorded as they are made).
    // A person's copy of a card carries the card's key: an item this plan removes, hands over or gives another key is not the card's sticky.
    if (plan.ops.some((op) => (op.type === 'create' || op.type === 'update') && op.node.type === 'link')) {
      const elsewhere = new Set(plan.ops.flatMap((op) => (op.type === 'delete' || op.type === 'release' ? op.itemIds : [])));
      const plannedKey = new Map(plan.ops.flatMap((op) => (op.type === 'update' ? op.itemIds.map((id) => [id, op.node.key] as const) : [])));
      for (const { node, identity } of (await findMapNodesAsync(target)).owned) {
        if (node.type === 'CONNECTOR' || elsewhere.has(node.id) || (plannedKey.get(node.id) ?? identity.key) !== identity.key) continue;
        // The first item of a key stays: the one the map drew (a later twin is a copy).
        if (!context.nodeIds.has(identity.key)) context.nodeIds.set(identity.key, node.id);
      }
      for (const op of plan.ops) if (op.type === 'update' && op.node.type === 'sticky' && op.itemIds[0]) context.nodeIds.set(op.node.key, op.itemIds[0]);
    }
    if (section) {
      report.origin = readAbsolutePosition(section);
      report.containerId = section.id;
    }
    if (plan.ops.length === 0) return report;

    const fonts = new Map<string, FontName>();
    const formFonts = new Map<string, FontName>();
    for (const op of plan.ops) {
      if (op.type !== 'create' && op.type !== 'update') continue;
      for (const font of findDrawer(op.node).fonts) fonts.set(fontKey(font), font);
      const writesText = op.type === 'create' || (op.parts?.text ?? true);
      if (op.node.type === 'sticky' && op.node.form && writesText) for (const font of listFormFonts(op.node.form, STICKY_FONT)) formFonts.set(fontKey(font), font);
    }
    const drawing = await loadFontsAsync(fonts);
    const fontFailure = drawing.failure && `fonts ${[...fonts.keys()].join(', ')} could not be loaded (${drawing.failure}); check that Inter is available`;
    // A form whose bold or italic font cannot be loaded is drawn with its
    // words and links in the plain font: nothing a person wrote is lost.
    const forms = await loadFontsAsync(formFonts);
    for (const key of [...drawing.loaded, ...forms.loaded]) context.fonts.add(key);

    const total = plan.ops.length;
    let done = 0;
    for (const op of plan.ops) {
      try {
        if (op.type === 'create' && op.node.type === 'frame') {
          // A new map is centred on the viewport
          // (https://developers.figma.com/docs/plugins/api/figma-viewport).
          const center = api.viewport.center;
          report.origin = plan.origin ?? (await findFreePlaceAsync({ x: Math.round(center.x - op.node.width / 2), y: Math.round(center.y - op.node.height / 2) }, op.node));
          await applyOpWithRetryAsync(op, plan.mapId, context, state);
          if (context.section) {
            context.section.x = report.origin.x;
            context.section.y = report.origin.y;
            report.containerId = context.section.id;
          }
          report.created += 1;
        } else {
          const outcome = await applyOpWithRetryAsync(op, plan.mapId, context, state);
          report[outcome] += 1;
        }
      } catch (error) {
        const key = op.type === 'delete' || op.type === 'release' ? op.key : op.node.key;
        const reason = `${op.type} failed: ${describeError(error)}`;
        report.failed.push({ key, reason: fontFailure ? `${reason}; ${fontFailure}` : reason });
      }
      done += 1;
      onProgress?.({ done, total });
      if (done % YIELD_EVERY === 0 && done < total) await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    return report;
  }

  async function focusMapAsync(target: MapTarget, keys: readonly string[] = []): Promise<void> {
    const { section, owned } = await findMapNodesAsync(target);
    if (!section) return;
    const wanted = new Set(keys);
    const nodes = owned.filter(({ node, identity }) => node !== section && wanted.has(identity.key)).map(({ node }) => node);
    const targets = nodes.length > 0 ? nodes : [section];
    api.viewport.scrollAndZoomIntoView(targets);
    api.currentPage.selection = targets;
  }

  function beginRun(): BoardRun {
    const changesBefore = changes;
    const state: RunState = { knownTexts: new Map() };
    const write = <T>(work: () => T): T => {
      changes += 1;
      return work();
    };
    const writeTwice = <T>(work: () => T): T => {
      try {
        return write(work);
      } catch {
        return write(work);
      }
    };
    return {
      listMapContainersAsync,
      readMapAsync: (target) => readMapAsync(target, state),
      applyAsync: (target, plan, onProgress) => applyPlanAsync(target, plan, state, onProgress),
      async relabelMapAsync(containerId, fromMapId, toMapId) {
        const node = await findSceneNodeAsync(containerId);
        const identity = node && readIdentity(node);
        if (!node || node.type !== 'SECTION' || identity?.key !== 'map' || (identity.map !== fromMapId && identity.map !== toMapId)) {
          throw new Error(`the map copy "${containerId}" is no longer a map section on this page; select a map and run Regenerate again`);
        }
        write(() => {
          // Every item of the copy with an identity moves to the new map, also
          // items a relabelling that stopped half-way left with another id.
          for (const item of node.findAllWithCriteria({ pluginData: { keys: [IDENTITY_FIELD] } })) {
            const itemIdentity = readIdentity(item);
            if (itemIdentity && itemIdentity.map !== toMapId) writeIdentity(item, toMapId, itemIdentity.key, itemIdentity.hash);
          }
          writeIdentity(node, toMapId, identity.key, identity.hash);
        });
      },
      mapRecords(target) {
        const sectionAsync = async (): Promise<SectionNode> => {
          const node = target.containerId === undefined ? undefined : await findSceneNodeAsync(target.containerId);
          if (!node || node.type !== 'SECTION') throw new Error('the map section is not on this page, so its record has nowhere to go; run Insert CJM template again');
          return node;
        };
        const space: RecordSpace = {
          valueLimitBytes: RECORD_VALUE_LIMIT_BYTES,
          recordLimitBytes: RECORD_LIMIT_BYTES,
          getAsync: async (key) => {
            const value = (await sectionAsync()).getPluginData(`${RECORD_FIELD_PREFIX}${key}`);
            return value === '' ? undefined : value;
          },
          setAsync: async (key, text) => {
            const section = await sectionAsync();
            const field = `${RECORD_FIELD_PREFIX}${key}`;
            if (measureUtf8Bytes(field) + measureUtf8Bytes(text) > RECORD_VALUE_LIMIT_BYTES + 1_000) throw new Error(`the record part ${key} takes ${measureUtf8Bytes(text)} bytes, more than a FigJam plugin data entry holds`);
            // Writing only what changed keeps a run over an unchanged map at zero writes;
            // a write that failed is made once more, as an op is (a second try costs nothing remote).
            if (section.getPluginData(field) !== text) writeTwice(() => section.setPluginData(field, text));
          },
          removeAsync: async (key) => {
            const section = await sectionAsync();
            const field = `${RECORD_FIELD_PREFIX}${key}`;
            // An empty value removes the entry.
            if (section.getPluginData(field) !== '') writeTwice(() => section.setPluginData(field, ''));
          },
        };
        return space;
      },
      endAsync: () => {
        // Everything the run changed is one undo step; a run that changed nothing leaves the history alone.
        if (changes > changesBefore) api.commitUndo();
        return Promise.resolve();
      },
    };
  }

  function personRecords(): RecordSpace {
    return {
      valueLimitBytes: CLIENT_STORAGE_VALUE_LIMIT_BYTES,
      getAsync: async (key) => {
        const value: unknown = await api.clientStorage.getAsync(`${CLIENT_STORAGE_PREFIX}${key}`);
        if (value === undefined || value === null) return undefined;
        // Version 1 kept the draft as a plain object.
        return typeof value === 'string' ? value : JSON.stringify(value);
      },
      setAsync: (key, text) => api.clientStorage.setAsync(`${CLIENT_STORAGE_PREFIX}${key}`, text),
      removeAsync: (key) => api.clientStorage.deleteAsync(`${CLIENT_STORAGE_PREFIX}${key}`),
    };
  }

  /**
   * The person running the plugin: `figma.currentUser` needs "currentuser" in
   * the manifest's permissions (plugin typings, PluginAPI.currentUser); its id
   * may be null, and then the panel holds a lease under an id of its own.
   */
  function findPersonAsync(): Promise<{ id: string; name: string }> {
    const user = api.currentUser;
    return Promise.resolve({ id: user?.id ?? '', name: user?.name ?? '' });
  }

  return { metrics: FIGJAM_METRICS, beginRun, focusMapAsync, personRecords, findPersonAsync, placeSlidesAsync: (target, slides, options) => placeFigjamSlidesAsync(api, target, slides, options) };
}
