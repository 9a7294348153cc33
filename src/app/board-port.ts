import type { HostMetrics } from '../layout/host-metrics';
import type { Point } from '../layout/scene';
import type { SlideDeckOptions, SlideImage, SlidesReport } from './slide-deck';
import type { ApplyPlan, ApplyProgress, ApplyReport, Snapshot } from '../sync/host-port';

/**
 * One map's container found on the board: a FigJam section or a Miro frame
 * that carries a map identity (key `map`). A person's duplicate of a map
 * carries the same map id as the original; telling them apart is the map
 * service's job (the stored record names the original container).
 */
export interface MapContainer {
  /** The host id of the container. */
  containerId: string;
  /** The map id the container carries. */
  mapId: string;
  /** The container's title as the board shows it. */
  title: string;
  /** The selection is the container or lies inside it. */
  selected: boolean;
}

/** Which map a call is about: its id, and the container that holds it (undefined before it is drawn). */
export interface MapTarget {
  mapId: string;
  containerId: string | undefined;
}

/**
 * A flat key–value space of text values the host keeps: the records of one
 * map (FigJam: plugin data of the map's section, so a copied section takes
 * them along; Miro: `miro.board.storage`, keyed by map id) or of the person
 * using the panel (FigJam: `figma.clientStorage`; Miro: board storage keyed
 * by the person's user id). Keys are short names chosen by the map service
 * (`journey`, `journey/<tag>/<n>`); the host maps them onto its own keys.
 * Values are text of at most `valueLimitBytes` UTF-8 bytes; the map service
 * splits larger records into parts itself.
 */
export interface RecordSpace {
  /** Largest value `setAsync` accepts, in UTF-8 bytes. */
  readonly valueLimitBytes: number;
  /** Largest record, all its parts together, the host keeps, in UTF-8 bytes; no limit when absent. */
  readonly recordLimitBytes?: number;
  /** The text stored under `key`, or undefined when nothing is (a non-text value left by an older build is answered as its JSON). */
  getAsync(key: string): Promise<string | undefined>;
  /** Stores `text` under `key`; rejects when the host refuses the write. */
  setAsync(key: string, text: string): Promise<void>;
  /** Removes `key`; removing a missing key is not an error. */
  removeAsync(key: string): Promise<void>;
}

/**
 * One run of the map service on the board, from `beginRun()` to `endAsync()`:
 * an insert, a Regenerate, an update from the panel. The host may keep what
 * it read during the run (Miro: the SDK objects of the map's items) and
 * must forget it at the end; FigJam makes everything a run wrote one undo
 * step when it ends. Other people act between any two calls: nothing here
 * assumes the board stood still since the last read.
 */
export interface BoardRun {
  /** Map containers on the current page or board, originals and copies alike. */
  listMapContainersAsync(): Promise<MapContainer[]>;
  /**
   * Reads one map back: the container, every item that carries the map's
   * identity in it (and, FigJam, dragged out of it onto the page), and the
   * items without it that lie inside the container. Undefined when the
   * container is gone or no longer carries `target.mapId`.
   */
  readMapAsync(target: MapTarget): Promise<Snapshot | undefined>;
  /**
   * Applies a plan to the map. A plan that creates the frame draws a new
   * container (FigJam: at the viewport centre; Miro: in free space near it);
   * its id is in the report. Never throws for an item that failed: the
   * report lists it with the reason.
   */
  applyAsync(target: MapTarget, plan: ApplyPlan, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport>;
  /**
   * Gives every item of the copy in `containerId` that carries `fromMapId`
   * the identity of `toMapId` instead (same key and hash), the container
   * last, so an interrupted relabelling is finished by running it again.
   * The original map is not touched. Rejects when the container is not a
   * map container any more.
   */
  relabelMapAsync(containerId: string, fromMapId: string, toMapId: string): Promise<void>;
  /** The record space of one map (see RecordSpace); for FigJam it needs the container. */
  mapRecords(target: MapTarget): RecordSpace;
  /**
   * Where a new map of this size would go (its top-left corner), found while
   * the run still looks for the map (Miro asks the board for free space near
   * the viewport: two calls off the insert's critical path). Absent: the
   * host places a new map when it draws its container.
   */
  placeNewMapAsync?(width: number, height: number): Promise<Point>;
  /** Brings a map this run drew or read into view, with the objects the run holds (no read); absent: BoardPort.focusMapAsync. */
  focusMapAsync?(target: MapTarget): Promise<void>;
  /** Waits for the writes the run still has in flight (Miro writes a map's identity index while the map service saves its record). */
  settleAsync?(): Promise<void>;
  /** Ends the run: FigJam commits one undo step when the run wrote anything; what the run kept is forgotten. */
  endAsync(): Promise<void>;
}

/**
 * What a host adapter gives the map service: the only way the core reaches a
 * board. It is stateless between runs; everything a run needs is read in it.
 */
export interface BoardPort {
  /** The host's sticky sizes and text metrics, which the layout needs. */
  readonly metrics: HostMetrics;
  /** Starts a run (see BoardRun). */
  beginRun(): BoardRun;
  /**
   * Brings a map into view; given scene keys, selects the map's items that
   * show them and zooms to those (the whole map when none is on the board).
   */
  focusMapAsync(target: MapTarget, keys?: readonly string[]): Promise<void>;
  /** The record space of the person using the panel: their editor draft. */
  personRecords(): RecordSpace;
  /**
   * Makes `slides` the map's deck (see planSlideDeck): frames (Miro) or
   * sections (FigJam) beside the map, each with its picture, marked with
   * the map's id and the view, so making the deck again replaces them and
   * an interrupted run leaves nothing twice. Slides holding people's items
   * are kept. Brings the deck into view. Tells `options.onProgress` as each slide is done.
   */
  placeSlidesAsync(target: MapTarget, slides: readonly SlideImage[], options: SlideDeckOptions): Promise<SlidesReport>;
  /**
   * Who is using the panel, as the host tells it (Miro `getUserInfo`, FigJam
   * `figma.currentUser`): the holder of the map's lease while a run writes.
   * Absent or failing: the panel is told apart by an id of its own.
   */
  findPersonAsync?(): Promise<{ id: string; name: string }>;
}
