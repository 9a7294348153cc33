import type { Board, Connector, Frame, Shape, StickyNote, Text } from '@mirohq/websdk-types';
import type { EmotionLineNode, EmotionPointNode, FrameNode, LinkNode, Point, SceneNode, SceneNodeType, ShapeNode, StickyNode, TextNode } from '../../layout/scene';
import type { SceneKey } from '../../layout/scene-keys';
import { STYLE_PALETTE } from '../../layout/style-palette';
import { isFormOf } from '../../model/rich-text';
import { escapeHtml, formatHeadingAsHtml, formatRichTextAsHtml, formatTextAsHtml } from './miro-html';
import type { ItemTarget } from './miro-item-patch';
import { findStickyNoteColor } from './miro-sticky-colors';

/** The Miro items the app draws. */
export type MiroBoardItem = Frame | StickyNote | Shape | Text | Connector;

/** A node's box: top-left relative to the map origin, and size. */
export type NodeBox = Pick<SceneNode, 'x' | 'y' | 'width' | 'height'>;

/** What a drawer needs from the adapter. */
export interface DrawContext {
  board: Board;
  /**
   * The absolute board position of a box's centre. Miro positions items by
   * their centre, relative to the board's centre
   * (https://developers.miro.com/docs/boards); items are created there and
   * only then made children of the frame.
   */
  toBoardCentre(box: NodeBox): Point;
  /**
   * A box's centre relative to the frame's top-left corner: how Miro
   * positions a frame's children (https://developers.miro.com/docs/frame-1,
   * https://developers.miro.com/docs/children-inside-parent-items). The frame's
   * top-left is the map origin, so this is the scene position plus half the size.
   */
  toFrameCentre(box: NodeBox): Point;
  /**
   * The board item id of a node, by its key: one already drawn, or one this
   * run is drawing, as soon as Miro made it (undefined when it could not be).
   */
  findItemIdByKeyAsync(key: SceneKey): Promise<string | undefined>;
  /** Runs one Web SDK call, retried on rate limits. */
  callAsync<T>(call: () => Promise<T>): Promise<T>;
  /** The id of the board's tag titled `tag.label`, made (in the persona's colour) when the board has none. */
  findTagIdAsync(tag: NonNullable<StickyNode['tag']>): Promise<string>;
}

/** How one scene node type is drawn in Miro. */
export interface MiroDrawer<N extends SceneNode> {
  /** The Miro item type the node is drawn as. */
  itemType: MiroBoardItem['type'];
  /** Whether the items become children of the map's frame (`frame.add`). */
  isFrameChild: boolean;
  /** Creates the node's items at their absolute board position; removes what it created if a later part fails. */
  createAsync(node: N, context: DrawContext): Promise<MiroBoardItem[]>;
  /**
   * What an item already on the board must show to show `node`, field by
   * field; the adapter writes only the fields that differ (see
   * planItemPatch) and then calls `sync()`. Absent when the node's items are
   * replaced instead.
   */
  describeTarget?(node: N, context: DrawContext): ItemTarget;
}

// Emotion lines: a stroke that reads at the zoom a whole map is shown at.
const EMOTION_LINE_WIDTH = 4;
const EMOTION_POINT_BORDER_WIDTH = 4;
// The face fills a little under half of the circle.
const EMOTION_FACE_SCALE = 0.45;
// Miro frames accept any hex fill; the map is drawn on white.
const FRAME_FILL = '#ffffff';

function describeFrame(node: FrameNode, context: DrawContext) {
  const centre = context.toBoardCentre(node);
  return { title: node.title, x: centre.x, y: centre.y, width: node.width, height: node.height, style: { fillColor: FRAME_FILL } };
}

/** A sticky's content: its form when it has one that fits its words (links, bold, lists a person gave it), else its lines. */
function formatStickyContent(node: StickyNode): string {
  return node.form && isFormOf(node.form, node.text) ? formatRichTextAsHtml(node.form) : formatTextAsHtml(node.text);
}

function describeSticky(node: StickyNode) {
  return {
    content: formatStickyContent(node),
    shape: 'square' as const,
    style: { fillColor: findStickyNoteColor(node.style), textAlign: 'center' as const, textAlignVertical: 'middle' as const },
  };
}

function describeShape(node: ShapeNode) {
  const swatch = STYLE_PALETTE[node.style];
  return {
    shape: node.shape === 'round-rectangle' ? ('round_rectangle' as const) : ('rectangle' as const),
    content: formatHeadingAsHtml(node.heading, node.text),
    style: {
      fillColor: swatch.fill,
      borderColor: swatch.stroke,
      color: swatch.text,
      fontSize: node.fontSize,
      textAlign: node.align,
      textAlignVertical: node.style.startsWith('persona-card') ? ('top' as const) : ('middle' as const),
    },
  };
}

function describeText(node: TextNode) {
  const html = formatTextAsHtml(node.text);
  return {
    content: node.bold ? html.replace(/<p>(.*?)<\/p>/g, '<p><strong>$1</strong></p>') : html,
    style: { color: STYLE_PALETTE[node.style].text, fontSize: node.fontSize, textAlign: node.align },
  };
}

function describeEmotionPoint(node: EmotionPointNode) {
  const swatch = STYLE_PALETTE[node.style];
  return {
    shape: 'circle' as const,
    content: `<p>${escapeHtml(node.face)}</p>`,
    style: {
      fillColor: swatch.fill,
      borderColor: swatch.stroke,
      borderWidth: EMOTION_POINT_BORDER_WIDTH,
      // style.borderStyle: 'normal' | 'dashed' | 'dotted' (https://developers.miro.com/docs/shape_shape-1;
      // ShapeStyle in @mirohq/websdk-types): a to-be point has a dashed ring.
      borderStyle: node.line === 'to-be' ? ('dashed' as const) : ('normal' as const),
      fontSize: Math.round(Math.min(node.width, node.height) * EMOTION_FACE_SCALE),
      textAlign: 'center' as const,
      textAlignVertical: 'middle' as const,
    },
  };
}

async function removeQuietlyAsync(context: DrawContext, items: readonly MiroBoardItem[]): Promise<void> {
  // An item that cannot be removed stays without identity; the caller reports the node as failed.
  await Promise.all(items.map((item) => context.callAsync(() => context.board.remove(item)).catch(() => undefined)));
}

const frameDrawer: MiroDrawer<FrameNode> = {
  itemType: 'frame',
  isFrameChild: false,
  async createAsync(node, context) {
    return [await context.callAsync(() => context.board.createFrame(describeFrame(node, context)))];
  },
  describeTarget(node, context) {
    // The frame is a top-level item: its centre is on the board.
    return {
      centre: context.toBoardCentre(node),
      geometry: { width: node.width, height: node.height },
      text: { field: 'title', value: node.title },
      look: { style: { fillColor: FRAME_FILL } },
    };
  },
};

const stickyDrawer: MiroDrawer<StickyNode> = {
  itemType: 'sticky_note',
  isFrameChild: true,
  async createAsync(node, context) {
    const centre = context.toBoardCentre(node);
    // A sticky takes width or height, never both; it keeps its aspect ratio
    // (https://developers.miro.com/docs/websdk-reference-sticky-note).
    // Whom the card speaks for is a native tag on the sticky (https://developers.miro.com/docs/websdk-reference-tag).
    const tagIds = node.tag ? [await context.findTagIdAsync(node.tag)] : [];
    return [await context.callAsync(() => context.board.createStickyNote({ ...describeSticky(node), ...centre, width: node.width, ...(tagIds.length > 0 ? { tagIds } : {}) }))];
  },
  describeTarget(node, context) {
    const { content, shape, style } = describeSticky(node);
    // Only the width: Miro keeps a sticky's aspect ratio and refuses both at once.
    // The shape (square or rectangle) is its geometry, not its colour.
    return { centre: context.toFrameCentre(node), geometry: { width: node.width, shape }, text: { field: 'content', value: content }, look: { style } };
  },
};

const shapeDrawer: MiroDrawer<ShapeNode> = {
  itemType: 'shape',
  isFrameChild: true,
  async createAsync(node, context) {
    const centre = context.toBoardCentre(node);
    return [await context.callAsync(() => context.board.createShape({ ...describeShape(node), ...centre, width: node.width, height: node.height }))];
  },
  describeTarget(node, context) {
    const { style, shape, content } = describeShape(node);
    return { centre: context.toFrameCentre(node), geometry: { width: node.width, height: node.height }, text: { field: 'content', value: content }, look: { style, shape } };
  },
};

const textDrawer: MiroDrawer<TextNode> = {
  itemType: 'text',
  isFrameChild: true,
  async createAsync(node, context) {
    const centre = context.toBoardCentre(node);
    // Text takes only a width; Miro computes its height
    // (https://developers.miro.com/docs/text-1).
    return [await context.callAsync(() => context.board.createText({ ...describeText(node), ...centre, width: node.width }))];
  },
  describeTarget(node, context) {
    const { content, style } = describeText(node);
    // A text item takes only a width; Miro computes its height.
    return { centre: context.toFrameCentre(node), geometry: { width: node.width }, text: { field: 'content', value: content }, look: { style } };
  },
};

const emotionPointDrawer: MiroDrawer<EmotionPointNode> = {
  itemType: 'shape',
  isFrameChild: true,
  async createAsync(node, context) {
    const centre = context.toBoardCentre(node);
    return [await context.callAsync(() => context.board.createShape({ ...describeEmotionPoint(node), ...centre, width: node.width, height: node.height }))];
  },
  describeTarget(node, context) {
    const { style, shape, content } = describeEmotionPoint(node);
    return { centre: context.toFrameCentre(node), geometry: { width: node.width, height: node.height }, text: { field: 'content', value: content }, look: { style, shape } };
  },
};

/**
 * Miro has no free-form path item, so an emotion line is a chain of curved
 * connectors between consecutive emotion points, without arrow heads
 * (https://developers.miro.com/docs/connector_connector-1: an end is an item
 * id plus either `snapTo` or a position, never both). Connectors follow the
 * points they join and vanish with them; an update replaces the whole chain.
 */
const emotionLineDrawer: MiroDrawer<EmotionLineNode> = {
  itemType: 'connector',
  isFrameChild: false,
  async createAsync(node, context) {
    const ids = await Promise.all(node.pointKeys.map((key) => context.findItemIdByKeyAsync(key)));
    const ends = ids.map((id, index) => {
      if (!id) {
        throw new Error(
          `Emotion point ${node.pointKeys[index] ?? '?'} is not on the board, so line ${node.key} cannot join it; click Finish the map in the panel to draw the point, then the line.`,
        );
      }
      return id;
    });
    // Every segment at once: each joins two points that exist already.
    const style = {
      startStrokeCap: 'none' as const,
      endStrokeCap: 'none' as const,
      strokeColor: STYLE_PALETTE[node.style].stroke,
      strokeWidth: EMOTION_LINE_WIDTH,
      // The to-be line is dashed: style.strokeStyle is 'normal' | 'dashed' | 'dotted'
      // (https://developers.miro.com/docs/connector_connector-1; ConnectorStyle in @mirohq/websdk-types).
      strokeStyle: node.line === 'to-be' ? ('dashed' as const) : ('normal' as const),
    };
    const segments = await Promise.allSettled(
      ends.slice(1).map((end, index) =>
        context.callAsync(() =>
          context.board.createConnector({ start: { item: ends[index] as string, snapTo: 'auto' }, end: { item: end, snapTo: 'auto' }, shape: 'curved', style }),
        ),
      ),
    );
    const created = segments.flatMap((segment) => (segment.status === 'fulfilled' ? [segment.value] : []));
    const failure = segments.find((segment): segment is PromiseRejectedResult => segment.status === 'rejected');
    if (failure) {
      await removeQuietlyAsync(context, created);
      throw failure.reason;
    }
    return created;
  },
};

// Links are thinner than emotion lines: they tie cards together, the lines are the chart.
const LINK_WIDTH = 2;

/** A link's look: a dashed curve in its relation's colour, a dot where it names its card. */
function describeLink(node: LinkNode) {
  return {
    startStrokeCap: 'none' as const,
    endStrokeCap: 'filled_oval' as const,
    strokeColor: STYLE_PALETTE[node.style].stroke,
    strokeWidth: LINK_WIDTH,
    strokeStyle: 'dashed' as const,
  };
}

/**
 * A link between two cards is a connector between their stickies, snapped
 * to their sides ('auto'): it follows them when they move, Miro removes it
 * with either of them, and it cannot be left dangling
 * (https://developers.miro.com/docs/connector_connector-1). An update
 * writes its style alone (a connector has no place of its own), so a
 * person's connector the map adopts keeps its caption and, unless the
 * map's look for links changed, its look.
 */
const linkDrawer: MiroDrawer<LinkNode> = {
  itemType: 'connector',
  isFrameChild: false,
  async createAsync(node, context) {
    const [start, end] = await Promise.all([context.findItemIdByKeyAsync(node.from), context.findItemIdByKeyAsync(node.to)]);
    if (!start || !end) throw new Error(`Card ${!start ? node.from : node.to} is not on the board, so link ${node.key} cannot join it; click Regenerate to draw the card, then the link.`);
    return [
      await context.callAsync(() =>
        context.board.createConnector({ start: { item: start, snapTo: 'auto' }, end: { item: end, snapTo: 'auto' }, shape: 'curved', style: describeLink(node) }),
      ),
    ];
  },
  describeTarget(node) {
    return { geometry: {}, look: { style: describeLink(node) } };
  },
};

/** Behaviour per scene node type: the one table of the Miro adapter. */
export const MIRO_DRAWERS: { readonly [T in SceneNodeType]: MiroDrawer<Extract<SceneNode, { type: T }>> } = {
  frame: frameDrawer,
  sticky: stickyDrawer,
  shape: shapeDrawer,
  text: textDrawer,
  'emotion-point': emotionPointDrawer,
  'emotion-line': emotionLineDrawer,
  link: linkDrawer,
};

/** The drawer of a node, typed for that node. */
export function findDrawer(node: SceneNode): MiroDrawer<SceneNode> {
  return MIRO_DRAWERS[node.type];
}
