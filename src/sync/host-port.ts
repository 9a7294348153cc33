import type { Point, SceneNode, SceneNodeType } from '../layout/scene';
import type { SceneKey } from '../layout/scene-keys';
import type { ItemIdentity } from './item-identity';

/** One board item that carries this app's identity, as read back. */
export interface SnapshotItem {
  /** The host's item id. */
  itemId: string;
  identity: ItemIdentity;
  /** The scene node type the item was drawn for. */
  type: SceneNodeType;
  /** Current text as plain text (stickies, shapes, text). */
  text: string;
  /** Top-left corner relative to the map origin, and size, in board units. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An item without this app's identity lying inside a map's frame. */
export interface ForeignItem {
  itemId: string;
  /** The host's item type, e.g. `sticky_note`, `STICKY`, `image`. */
  hostType: string;
  text: string;
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
  items: SnapshotItem[];
  foreign: ForeignItem[];
}

/** One change to the board, by scene key. */
export type Op =
  | { type: 'create'; node: SceneNode; hash: string }
  | { type: 'update'; node: SceneNode; hash: string; itemIds: string[] }
  | { type: 'delete'; key: SceneKey; itemIds: string[] };

/** Everything one run writes to one map. */
export interface ApplyPlan {
  mapId: string;
  /**
   * Where the map's top-left corner is on the board. Undefined for a new
   * map: the adapter then places it (FigJam: viewport centre; Miro: free
   * space near the viewport centre).
   */
  origin?: Point;
  /** Creates first (in drawing order), then updates, then deletes. */
  ops: Op[];
}

/** Progress of an apply run, reported after each settled op. */
export interface ApplyProgress {
  done: number;
  total: number;
}

/** What an adapter did: the UI shows it. */
export interface ApplyReport {
  mapId: string;
  origin: Point;
  created: number;
  updated: number;
  deleted: number;
  failed: { key: SceneKey; reason: string }[];
}

/**
 * The port every host adapter implements. The core never calls a host SDK;
 * it reads a snapshot and hands over a plan.
 */
export interface HostPort {
  /** Reads one map back from the board; undefined when no item of it exists. */
  readMapAsync(mapId: string): Promise<Snapshot | undefined>;
  /** Applies a plan; never throws for a failed item, reports it instead. */
  applyAsync(plan: ApplyPlan, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport>;
  /** Brings the map into view (scrolls and zooms the viewport to it). */
  focusMapAsync(mapId: string): Promise<void>;
}
