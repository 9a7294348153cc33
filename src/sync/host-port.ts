import type { Point, SceneNode, SceneNodeType, StyleToken } from '../layout/scene';
import type { SceneKey } from '../layout/scene-keys';
import type { ItemIdentity } from './item-identity';
import type { LeftAloneItem } from '../model/journey-record';
import type { RichText } from '../model/rich-text';

/** One board item that carries this app's identity, as read back. */
export interface SnapshotItem {
  /** The host's item id. */
  itemId: string;
  identity: ItemIdentity;
  /** The scene node type the item was drawn for. */
  type: SceneNodeType;
  /** Current text as plain text (stickies, shapes, text). */
  text: string;
  /**
   * The form of the text (see `rich-text.ts`), when the board shows more
   * than plain lines: bold, links, lists… Undefined for plain text.
   */
  rich?: RichText;
  /** Top-left corner relative to the map origin, and size, in board units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * True when the item lies in a group, or in a section or frame a person
   * put inside the map: moving it moves a member of their structure.
   */
  nested?: boolean;
  /** On a host that tags stickies: the titles of the tags on it (a person may add or remove them). */
  tags?: string[];
  /**
   * The palette styles whose colour the item's fill shows (a sticky's, a
   * shape's): empty when a person gave it a colour of their own. Undefined
   * when the host does not tell.
   */
  looks?: StyleToken[];
  /** A connector's ends: the items they are attached to (none for an end in the open). */
  ends?: ConnectorEnds;
}

/** The items a connector's two ends are attached to, by host item id; an end attached to nothing has none. */
export interface ConnectorEnds {
  start?: string;
  end?: string;
}

/** An item without this app's identity lying inside a map's frame. */
export interface ForeignItem {
  itemId: string;
  /**
   * The scene node type the item is of, when it is one the app draws (a
   * person's sticky note is a `sticky`); undefined for anything else
   * (images, drawings, embeds).
   */
  kind: SceneNodeType | undefined;
  text: string;
  /** The form of the text, as for SnapshotItem.rich. */
  rich?: RichText;
  /** As for SnapshotItem.nested. */
  nested?: boolean;
  /** A connector's ends (its kind is `link`): a person's connector joining two cards links them. */
  ends?: ConnectorEnds;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What an adapter read of one map on the board. */
export interface Snapshot {
  mapId: string;
  /** Absolute board position of the map's top-left corner. */
  origin: Point;
  /**
   * The point of an item the host positions exactly: its top-left corner
   * (FigJam) or its centre (Miro). Sizes that follow content (text heights)
   * move the other points, so a drag is told from a reflow by this one.
   */
  anchor: 'top-left' | 'centre';
  /**
   * How the host draws an emotion line: one item (FigJam's vector), or one
   * item per pair of points it joins (Miro's connectors), so a line missing
   * a segment a person deleted is drawn again.
   */
  lineItems?: 'one' | 'per-segment';
  items: SnapshotItem[];
  foreign: ForeignItem[];
}

/**
 * What of an item an update writes besides its place and size (which the
 * adapter compares with the board and writes only when they differ):
 *
 * - `text`: the journey's words differ from what the board showed when the
 *   run read it. The adapter writes them only while the item still shows what
 *   was read; text a person typed since is left for the next run to merge.
 *   When false, the item's text and its form (links, bold…) are not touched.
 * - `style`: the map's look for the item changed since it was drawn (lane
 *   colour, shape, font). When false, a colour or font a person gave the item
 *   is kept.
 */
export interface UpdateParts {
  text: boolean;
  style: boolean;
}

/**
 * One change to the board, by scene key.
 * - `create`: draw `node` and give it identity {map, key: node.key, hash}.
 * - `update`: redraw the items `itemIds` in place to show `node`, and write
 *   their identity {map, key: node.key, hash} — also for items that had no
 *   identity yet (a sticky a person added inside a cell is adopted so).
 *   With `parts`, only what changed is written (see UpdateParts); without,
 *   everything the node defines.
 * - `release`: remove this app's identity from the items and change nothing
 *   else: they stay on the board exactly as they are, as a person's items
 *   (text a person typed that the journey cannot hold is never lost).
 * - `delete`: remove items that carry this map's identity; or, `absorbed`,
 *   a person's stickies (no identity, on the map) whose words the journey
 *   took in whole (a sticky put in the row of step headers named a new step):
 *   removed only while they still say what the run read, else left as they are.
 */
export type Op =
  | { type: 'create'; node: SceneNode; hash: string }
  | { type: 'update'; node: SceneNode; hash: string; itemIds: string[]; parts?: UpdateParts }
  | { type: 'release'; key: SceneKey; itemIds: string[] }
  | { type: 'delete'; key: SceneKey; itemIds: string[]; absorbed?: true };

/** Everything one run writes to one map. */
export interface ApplyPlan {
  mapId: string;
  /**
   * Where the map's top-left corner is on the board. Undefined for a new
   * map: the adapter then places it (FigJam: viewport centre; Miro: free
   * space near the viewport centre).
   */
  origin?: Point;
  /** Creates first (in drawing order), then updates, then releases, then deletes. */
  ops: Op[];
  /** The scene's persona tags (see Scene.personaTags): a sticky's tags with these titles are the map's to set. */
  personaTags?: string[];
}

/** Progress of an apply run, reported after each settled op. */
export interface ApplyProgress {
  done: number;
  total: number;
  /** Set while the host pauses for its rate limit: milliseconds until it resumes. */
  waitingMs?: number;
}

/** What an adapter did: the UI shows it. */
export interface ApplyReport {
  mapId: string;
  /** The host id of the map's container, once it is on the board. */
  containerId?: string;
  origin: Point;
  created: number;
  updated: number;
  deleted: number;
  /** Items handed over to people (identity removed, left as they are). */
  released: number;
  failed: { key: SceneKey; reason: string }[];
  /**
   * Items the host refused to let the app write (locked, no permission):
   * reported once, left as they are, and not tried again by this run.
   */
  refused?: { key: SceneKey; reason: string }[];
}

export type { LeftAloneItem };
