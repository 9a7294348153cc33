import type {
  EmotionLineNode as MapEmotionLine,
  EmotionPointNode as MapEmotionPoint,
  FrameNode as MapFrame,
  Point,
  SceneNode as MapNode,
  SceneNodeType,
  ShapeNode as MapShape,
  StickyNode as MapSticky,
  TextNode as MapText,
} from '../../layout/scene';
import { parseSceneKey } from '../../layout/scene-keys';
import { STYLE_PALETTE } from '../../layout/style-palette';
import { measureUtf8Bytes } from '../../model/text-size';
import type { BoardPort, BoardRun, MapContainer, MapTarget, RecordSpace } from '../../app/board-port';
import type { ApplyPlan, ApplyProgress, ApplyReport, ForeignItem, Op, Snapshot, SnapshotItem } from '../../sync/host-port';
import { FIGJAM_METRICS } from '../../layout/host-metrics';
import { decodeItemIdentity, encodeItemIdentity, IDENTITY_FIELD, type ItemIdentity } from '../../sync/item-identity';
import { convertPathToVectorData } from './figjam-vector-path';

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
type DrawnNode = SectionNode | StickyNode | ShapeWithTextNode | TextNode | VectorNode;

/** Everything a drawer needs besides the node. */
interface DrawContext {
  api: PluginAPI;
  /** The map's section; children are appended to it and placed relative to it. */
  section: SectionNode | undefined;
}

/**
 * How one scene node type is drawn in FigJam: `create` makes the bare host
 * node, `draw` writes every property the scene defines. Updates call `draw`
 * on the existing node, so a create and an update write the same things.
 */
interface Drawer<N extends MapNode, H extends DrawnNode> {
  hostType: H['type'];
  create(api: PluginAPI): H;
  draw(host: H, node: N, context: DrawContext): void;
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

function placeInSection(host: SceneNode, node: MapNode, context: DrawContext): void {
  const section = context.section;
  if (!section) throw new Error(`the map section is missing, so "${node.key}" has nowhere to go; run Insert CJM template again`);
  // Section children are positioned relative to the section, and appendChild
  // re-parents (https://developers.figma.com/docs/plugins/api/SectionNode).
  if (host.parent !== section) {
    const index = findLayerIndex(section, node);
    if (index === undefined) section.appendChild(host);
    else section.insertChild(index, host);
  }
  host.x = node.x;
  host.y = node.y;
}

const frameDrawer: Drawer<MapFrame, SectionNode> = {
  hostType: 'SECTION',
  fonts: [],
  create: (api) => api.createSection(),
  draw(section, node) {
    section.name = node.title;
    // Sections do not propagate constraints, resizeWithoutConstraints is the
    // documented way to size them
    // (https://developers.figma.com/docs/plugins/api/properties/SectionNode-resize/).
    section.resizeWithoutConstraints(Math.max(1, node.width), Math.max(1, node.height));
    section.fills = [createSolidPaint(STYLE_PALETTE.map.fill)];
  },
};

const stickyDrawer: Drawer<MapSticky, StickyNode> = {
  hostType: 'STICKY',
  fonts: [STICKY_FONT],
  create: (api) => api.createSticky(),
  draw(sticky, node, context) {
    placeInSection(sticky, node, context);
    // A sticky cannot be resized: its width is 240 or, wide, 416, and its
    // height follows the text.
    sticky.isWideWidth = node.width >= WIDE_STICKY_WIDTH;
    sticky.authorVisible = false;
    sticky.fills = [createSolidPaint(findNearestStickyColour(STYLE_PALETTE[node.style].fill))];
    sticky.text.fontName = STICKY_FONT;
    sticky.text.characters = node.text;
  },
};

const SHAPE_TYPES: Record<MapShape['shape'], ShapeWithTextNode['shapeType']> = {
  rectangle: 'SQUARE',
  'round-rectangle': 'ROUNDED_RECTANGLE',
};

const shapeDrawer: Drawer<MapShape, ShapeWithTextNode> = {
  hostType: 'SHAPE_WITH_TEXT',
  fonts: [REGULAR_FONT, BOLD_FONT],
  create: (api) => api.createShapeWithText(),
  draw(shape, node, context) {
    const swatch = STYLE_PALETTE[node.style];
    shape.shapeType = SHAPE_TYPES[node.shape];
    placeInSection(shape, node, context);
    shape.resize(Math.max(1, node.width), Math.max(1, node.height));
    shape.fills = [createSolidPaint(swatch.fill)];
    shape.strokes = [createSolidPaint(swatch.stroke)];
    const text = node.heading && node.text ? `${node.heading}\n${node.text}` : node.heading || node.text;
    shape.text.fontName = REGULAR_FONT;
    shape.text.characters = text;
    shape.text.fontSize = node.fontSize;
    if (node.heading) shape.text.setRangeFontName(0, node.heading.length, BOLD_FONT);
    shape.text.fills = [createSolidPaint(swatch.text)];
  },
};

const textDrawer: Drawer<MapText, TextNode> = {
  hostType: 'TEXT',
  fonts: [REGULAR_FONT, BOLD_FONT],
  create: (api) => api.createText(),
  draw(text, node, context) {
    placeInSection(text, node, context);
    text.fontName = node.bold ? BOLD_FONT : REGULAR_FONT;
    text.fontSize = node.fontSize;
    text.characters = node.text;
    // Fixed width, height from the text: resize first, then let it grow.
    text.resize(Math.max(1, node.width), Math.max(1, node.height));
    text.textAutoResize = 'HEIGHT';
    text.textAlignHorizontal = node.align === 'center' ? 'CENTER' : 'LEFT';
    text.fills = [createSolidPaint(STYLE_PALETTE[node.style].text)];
  },
};

const emotionPointDrawer: Drawer<MapEmotionPoint, ShapeWithTextNode> = {
  hostType: 'SHAPE_WITH_TEXT',
  fonts: [REGULAR_FONT, BOLD_FONT],
  create: (api) => api.createShapeWithText(),
  draw(shape, node, context) {
    const swatch = STYLE_PALETTE[node.style];
    shape.shapeType = 'ELLIPSE';
    placeInSection(shape, node, context);
    shape.resize(Math.max(1, node.width), Math.max(1, node.height));
    shape.fills = [createSolidPaint(swatch.fill)];
    shape.strokes = [createSolidPaint(swatch.stroke)];
    shape.strokeWeight = EMOTION_POINT_STROKE;
    // https://www.figma.com/plugin-docs/api/properties/nodes-dashpattern/ — new nodes are solid; a
    // point's key names its line, so a node never changes line and solid ones need no write.
    if (node.line === 'to-be') shape.dashPattern = TO_BE_POINT_DASHES;
    shape.text.fontName = REGULAR_FONT;
    shape.text.characters = node.face;
    shape.text.fontSize = Math.max(1, Math.round(Math.min(node.width, node.height) * EMOTION_FACE_SCALE));
  },
};

const emotionLineDrawer: Drawer<MapEmotionLine, VectorNode> = {
  hostType: 'VECTOR',
  fonts: [],
  create: (api) => api.createVector(),
  draw(vector, node, context) {
    const path = convertPathToVectorData(node.path);
    if (!path) throw new Error(`emotion line "${node.key}" has no drawable path (received ${node.path.length} commands); check the emotion scores`);
    placeInSection(vector, { ...node, x: path.origin.x, y: path.origin.y }, context);
    vector.vectorPaths = [{ windingRule: 'NONE', data: path.data }];
    vector.fills = [];
    vector.strokes = [createSolidPaint(STYLE_PALETTE[node.style].stroke)];
    vector.strokeWeight = EMOTION_LINE_WEIGHT;
    if (node.line === 'to-be') vector.dashPattern = TO_BE_LINE_DASHES;
    vector.strokeCap = 'ROUND';
    vector.strokeJoin = 'ROUND';
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
}

/**
 * Creates the FigJam adapter: reads maps back from the current page and
 * draws plans on it. Every node it draws carries pluginData `cjm` with the
 * map id, scene key and content hash; a map's section also holds the map's
 * record space (`cjm-journey`, …). Nothing else on the board is touched,
 * except stickies a plan adopts.
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
    if (!section) return { section, owned };
    owned.push({ node: section, identity: readIdentity(section) as ItemIdentity });
    for (const node of await findIdentifiedNodesAsync()) {
      const identity = readIdentity(node);
      if (identity?.map !== target.mapId || node === section) continue;
      // Items inside another section with this map id belong to a copy;
      // items dragged out onto the page still belong to the map.
      if (identity.key !== 'map' && (node.parent === section || node.parent === api.currentPage)) owned.push({ node, identity });
    }
    return { section, owned };
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

  async function readMapAsync(target: MapTarget): Promise<Snapshot | undefined> {
    const { section, owned } = await findMapNodesAsync(target);
    if (!section) return undefined;
    const origin: Point = { x: section.x, y: section.y };
    const items: SnapshotItem[] = [];
    const ownedIds = new Set<string>();
    for (const { node, identity } of owned) {
      const type = readSceneType(node);
      if (!type) continue;
      ownedIds.add(node.id);
      const inSection = node.parent === section;
      items.push({
        itemId: node.id,
        identity,
        type,
        text: readText(node),
        x: node === section ? 0 : inSection ? node.x : node.x - origin.x,
        y: node === section ? 0 : inSection ? node.y : node.y - origin.y,
        width: node.width,
        height: node.height,
      });
    }
    const foreign: ForeignItem[] = section.children
      .filter((child) => !ownedIds.has(child.id))
      .map((child) => ({
        itemId: child.id,
        kind: readSceneType(child),
        text: readText(child),
        x: child.x,
        y: child.y,
        width: child.width,
        height: child.height,
      }));
    return { mapId: target.mapId, origin, anchor: 'top-left', items, foreign };
  }

  async function findOwnedNodeAsync(itemId: string, mapId: string): Promise<SceneNode | undefined> {
    const node = await findSceneNodeAsync(itemId);
    return node && readIdentity(node)?.map === mapId ? node : undefined;
  }

  function writeIdentity(host: BaseNode, mapId: string, key: string, hash: string): void {
    host.setPluginData(IDENTITY_FIELD, encodeItemIdentity({ map: mapId, key, hash }));
  }

  function createNode(node: MapNode, hash: string, mapId: string, context: DrawContext): DrawnNode {
    const drawer = findDrawer(node);
    const host = drawer.create(api);
    changes += 1;
    try {
      drawer.draw(host, node, context);
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
   * Redraws the items of an update in place. Items of this map are the
   * app's own; an item without identity inside the map's section is a
   * sticky a person added, adopted here by drawing it and writing its
   * identity. Items of other maps are never touched.
   */
  async function updateNodeAsync(op: Extract<Op, { type: 'update' }>, mapId: string, context: DrawContext): Promise<void> {
    const drawer = findDrawer(op.node);
    const candidates: { node: SceneNode; owned: boolean }[] = [];
    for (const itemId of op.itemIds) {
      const node = await findSceneNodeAsync(itemId);
      if (!node) continue;
      const identity = readIdentity(node);
      if (identity?.map === mapId) candidates.push({ node, owned: true });
      else if (!identity && context.section && node !== context.section && isInside(node, context.section)) candidates.push({ node, owned: false });
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
      createNode(op.node, op.hash, mapId, context);
      return;
    }
    const host = keep.node as DrawnNode;
    changes += 1;
    drawer.draw(host, op.node, context);
    if (op.node.type !== 'frame' && host.name !== op.node.key) host.name = op.node.key;
    writeIdentity(host, mapId, op.node.key, op.hash);
  }

  async function applyOpAsync(op: Op, mapId: string, context: DrawContext): Promise<'created' | 'updated' | 'released' | 'deleted'> {
    switch (op.type) {
      case 'create': {
        const host = createNode(op.node, op.hash, mapId, context);
        if (op.node.type === 'frame' && host.type === 'SECTION') context.section = host;
        return 'created';
      }
      case 'update':
        await updateNodeAsync(op, mapId, context);
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
        for (const itemId of op.itemIds) {
          const node = await findOwnedNodeAsync(itemId, mapId);
          if (!node) continue;
          changes += 1;
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
   * (a half-drawn node is removed, updates write every property again,
   * removed items are skipped), and a second try costs nothing remote.
   */
  async function applyOpWithRetryAsync(op: Op, mapId: string, context: DrawContext): Promise<'created' | 'updated' | 'released' | 'deleted'> {
    try {
      return await applyOpAsync(op, mapId, context);
    } catch {
      return applyOpAsync(op, mapId, context);
    }
  }

  async function applyPlanAsync(target: MapTarget, plan: ApplyPlan, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport> {
    const report: ApplyReport = { mapId: plan.mapId, origin: plan.origin ?? { x: 0, y: 0 }, created: 0, updated: 0, deleted: 0, released: 0, failed: [] };
    const section = await findSectionAsync(target);
    const context: DrawContext = { api, section };
    if (section) {
      report.origin = { x: section.x, y: section.y };
      report.containerId = section.id;
    }
    if (plan.ops.length === 0) return report;

    let fontFailure: string | undefined;
    const fonts = new Map<string, FontName>();
    for (const op of plan.ops) {
      if (op.type !== 'create' && op.type !== 'update') continue;
      for (const font of findDrawer(op.node).fonts) fonts.set(`${font.family} ${font.style}`, font);
    }
    try {
      await Promise.all([...fonts.values()].map((font) => api.loadFontAsync(font)));
    } catch (error) {
      fontFailure = `fonts ${[...fonts.keys()].join(', ')} could not be loaded (${describeError(error)}); check that Inter is available`;
    }

    const total = plan.ops.length;
    let done = 0;
    for (const op of plan.ops) {
      try {
        if (op.type === 'create' && op.node.type === 'frame') {
          // A new map is centred on the viewport
          // (https://developers.figma.com/docs/plugins/api/figma-viewport).
          const center = api.viewport.center;
          report.origin = plan.origin ?? {
            x: Math.round(center.x - op.node.width / 2),
            y: Math.round(center.y - op.node.height / 2),
          };
          await applyOpWithRetryAsync(op, plan.mapId, context);
          if (context.section) {
            context.section.x = report.origin.x;
            context.section.y = report.origin.y;
            report.containerId = context.section.id;
          }
          report.created += 1;
        } else {
          const outcome = await applyOpWithRetryAsync(op, plan.mapId, context);
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
    const write = <T>(work: () => T): T => {
      changes += 1;
      return work();
    };
    return {
      listMapContainersAsync,
      readMapAsync,
      applyAsync: (target, plan, onProgress) => applyPlanAsync(target, plan, onProgress),
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
            // Writing only what changed keeps a run over an unchanged map at zero writes.
            if (section.getPluginData(field) !== text) write(() => section.setPluginData(field, text));
          },
          removeAsync: async (key) => {
            const section = await sectionAsync();
            const field = `${RECORD_FIELD_PREFIX}${key}`;
            // An empty value removes the entry.
            if (section.getPluginData(field) !== '') write(() => section.setPluginData(field, ''));
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

  return { metrics: FIGJAM_METRICS, beginRun, focusMapAsync, personRecords };
}
