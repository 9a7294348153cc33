import type { Point, SceneNode, SceneNodeType } from '../layout/scene';
import type { SceneKey } from '../layout/scene-keys';
import type { ItemIdentity } from './item-identity';
import type { Journey } from '../model/journey';

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
  /**
   * The point of an item the host positions exactly: its top-left corner
   * (FigJam) or its centre (Miro). Sizes that follow content (text heights)
   * move the other points, so a drag is told from a reflow by this one.
   */
  anchor: 'top-left' | 'centre';
  items: SnapshotItem[];
  foreign: ForeignItem[];
}

/**
 * One change to the board, by scene key.
 * - `create`: draw `node` and give it identity {map, key: node.key, hash}.
 * - `update`: redraw the items `itemIds` in place to show `node`, and write
 *   their identity {map, key: node.key, hash} — also for items that had no
 *   identity yet (a sticky a person added inside a cell is adopted so).
 * - `release`: remove this app's identity from the items and change nothing
 *   else: they stay on the board exactly as they are, as a person's items
 *   (text a person typed that the journey cannot hold is never lost).
 * - `delete`: remove items that carry this map's identity.
 */
export type Op =
  | { type: 'create'; node: SceneNode; hash: string }
  | { type: 'update'; node: SceneNode; hash: string; itemIds: string[] }
  | { type: 'release'; key: SceneKey; itemIds: string[] }
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
  /** Creates first (in drawing order), then updates, then releases, then deletes. */
  ops: Op[];
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
  origin: Point;
  created: number;
  updated: number;
  deleted: number;
  /** Items handed over to people (identity removed, left as they are). */
  released: number;
  failed: { key: SceneKey; reason: string }[];
}

/** One map found on the board. */
export interface MapInfo {
  mapId: string;
  title: string;
  /** The host id of the map's container (FigJam section, Miro frame). */
  containerId: string;
  /** The selection is the container or lies inside it. */
  selected: boolean;
  /**
   * True when a person duplicated the map: this container carries the map id
   * of another container, the original. Its first Regenerate forks it into a
   * map of its own (`forkMapAsync`).
   */
  isCopy: boolean;
}

/** The journey last drawn on a map, as the adapter stored it. */
export interface StoredJourney {
  /** Raw stored data; the core validates it (`parseJourney`). */
  journey: unknown;
  /**
   * False while a run is drawing the map: an item missing from the board is
   * then not drawn yet rather than deleted by a person.
   */
  complete: boolean;
  /** Stickies the last run left to people, as they lay then (see LeftAloneItem). */
  leftAlone?: LeftAloneItem[];
}

/**
 * A sticky on the map that is a person's own (a comment outside the cells, or
 * an item handed over), where it lay when the map was last drawn. The map's
 * cells move when it is laid out again; a sticky that was left alone stays
 * left alone, even when a cell grows under it, until a person moves it.
 */
export interface LeftAloneItem {
  itemId: string;
  /** Top-left corner relative to the map origin. */
  x: number;
  y: number;
}

/** What a run stores with its map. */
export interface JourneyRecord {
  journey: Journey;
  complete: boolean;
  leftAlone?: readonly LeftAloneItem[];
}

/** Reads the `leftAlone` list of stored data: well-formed entries only. */
export function readLeftAloneItems(value: unknown): LeftAloneItem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((entry: unknown): LeftAloneItem[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { itemId, x, y } = entry as Record<string, unknown>;
    return typeof itemId === 'string' && typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y) ? [{ itemId, x, y }] : [];
  });
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
  /**
   * Brings the map into view (scrolls and zooms the viewport to it); given
   * scene keys, selects the map's items that show them and zooms to those
   * (the whole map when none is on the board).
   */
  focusMapAsync(mapId: string, keys?: readonly string[]): Promise<void>;
  /** Every map on the current page / board, originals and copies. */
  listMapsAsync(): Promise<MapInfo[]>;
  /**
   * The journey last drawn on `mapId` (FigJam: pluginData of the map's
   * section; Miro: `miro.board.storage`, since item metadata is capped at a
   * few hundred bytes); undefined when nothing is stored.
   */
  loadJourneyAsync(mapId: string): Promise<StoredJourney | undefined>;
  /** Stores the journey drawn on `mapId`, replacing what was stored. */
  saveJourneyAsync(mapId: string, stored: JourneyRecord): Promise<void>;
  /**
   * Makes the copy in container `containerId` a map of its own: every item of
   * it gets `newMapId` in its identity, and the journey stored for the
   * original is stored for `newMapId` too. The original is not touched.
   */
  forkMapAsync(containerId: string, newMapId: string): Promise<void>;
}
