import type { Board, Frame } from '@mirohq/websdk-types';
import type { PersonaStyle, Point, SceneNode, SceneNodeType, StickyNode as MapSticky, StyleToken } from '../../layout/scene';
import { MAP_KEY, parseSceneKey, type SceneKey } from '../../layout/scene-keys';
import type { ApplyPlan, ApplyProgress, ApplyReport, ConnectorEnds, ForeignItem, Op, Snapshot, SnapshotItem } from '../../sync/host-port';
import type { BoardPort, BoardRun, MapContainer, MapTarget, RecordSpace } from '../../app/board-port';
import { MIRO_METRICS } from '../../layout/host-metrics';
import { decodeItemIdentity, IDENTITY_FIELD, type ItemIdentity } from '../../sync/item-identity';
import { findDrawer, type DrawContext, type MiroBoardItem, type NodeBox } from './miro-drawers';
import { convertHtmlToText, readRichForm } from './miro-html';
import { createCallPacer } from './call-pacer';
import { describeError, isRefusalError } from './miro-errors';
import { planItemPatch, type ItemTarget } from './miro-item-patch';
import { formatMapIndex, isSameMapIndex, listIndexedFrames, MAP_INDEX_KEY, mergeMapIndex, parseMapIndex, type MapFrameIndex, type MapIndexRead } from './miro-map-index';
import { runWithConcurrencyAsync } from './run-with-concurrency';
import { placeMiroSlidesAsync } from './miro-slides';
import { STICKY_COLOR_BY_HUE } from './miro-sticky-colors';
import { STYLE_PALETTE } from '../../layout/style-palette';
import { readRecordAsync, writeRecordAsync } from '../../app/record-chunks';
import { createItemIndex, findIndexedIdentity, formatItemIndex, ITEM_INDEX_KEY, parseItemIndex, type ItemIndex } from './miro-item-index';

/** Options of the Miro adapter. */
export interface MiroHostOptions {
  /** Web SDK calls in flight at once; default 16. */
  concurrency?: number;
  /**
   * How to wait (rate-limit back-off, credit pacing); tests pass an instant
   * one, and then the adapter's clock advances by what it slept.
   */
  sleepAsync?: (ms: number) => Promise<void>;
  /** The clock for credit pacing; default Date.now (plus the instant sleeps of tests). */
  now?: () => number;
  /** Credits the adapter spends in any minute; see createCallPacer. */
  creditsPerMinute?: number;
  /** Credits the adapter spends in any hour; see createCallPacer. */
  creditsPerHour?: number;
  /** Largest storage value written, in bytes; see DEFAULT_STORAGE_VALUE_LIMIT_BYTES. */
  storageValueLimitBytes?: number;
}

/** The storage collection of each map's record space, keyed by map id. */
export const JOURNEY_COLLECTION = 'cjm-journeys';
/** The storage collection of the panel's drafts, one per person on the board. */
export const DRAFT_COLLECTION = 'cjm-drafts';

/**
 * The largest storage value the adapter writes, in UTF-8 bytes of its JSON.
 * Miro documents no size limit for storage values (a key is any string, a
 * value anything JSON can hold: https://developers.miro.com/docs/websdk-reference-collection),
 * while it caps the neighbouring AppData at 512 bytes and item metadata at
 * 256 (https://developers.miro.com/changelog/2023-02-13-changelog). Values
 * travel through postMessage and Miro's realtime backend, so a record is
 * split into parts rather than trusted to fit one value. The template
 * journey, with its steps and action plan (about 17 KB), fits in one, so
 * the default map's Regenerate reads and writes its record in one call;
 * bigger maps are split.
 */
export const DEFAULT_STORAGE_VALUE_LIMIT_BYTES = 32_000;

// Miro limits Web SDK calls by credits alone: "Within the enforced rate
// limits, it's possible to perform bulk actions (creating, updating or
// deleting multiple items at once)"
// (https://developers.miro.com/docs/websdk-reference-rate-limiting). Up to
// 512 calls in flight let every step of a map of a few hundred items fly at
// once (its creates, then its frame.add and metadata calls), 25,600 credits
// of the 100,000 a minute; the call pacer keeps every minute and hour under
// budget and lets half as many fly after each rate-limit answer, growing
// back while Miro answers normally.
const DEFAULT_CONCURRENCY = 512;
// "AppMetadata can store up to 256 bytes" per item per app; the Web SDK throws
// above it (https://developers.miro.com/changelog/2023-02-13-changelog).
const METADATA_LIMIT_BYTES = 256;
// Gap findEmptySpace keeps between a new map and existing work, in board units.
const NEW_MAP_OFFSET = 200;
// Ids asked for in one `board.get({ id })`: Miro documents no limit for the
// filter (GetFilter in @mirohq/websdk-types takes `id: string[] | string`);
// a hundred keeps one answer small.
const FRESH_READ_CHUNK = 100;
// Up to this many frames a board's maps are found by asking every frame for
// its metadata: as cheap as reading the frame index, and always right. On
// busier boards the index is read instead (see miro-map-index.ts).
const SCAN_FRAME_LIMIT = 10;
// Frames the index names that are gone before a listing writes it pruned:
// they cost no call, only room in the index's storage value.
const PRUNE_AFTER_GONE = 20;

const sleepWithTimerAsync = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface OwnItem {
  item: MiroBoardItem;
  identity: ItemIdentity;
}

/** What the adapter knows of one map since it last read or wrote it. */
interface MapState {
  frame: Frame;
  origin: Point;
  /** Items carrying this map's identity, by item id. */
  own: Map<string, OwnItem>;
  /**
   * Items inside the frame without this map's identity. Never deleted; an
   * `update` may adopt one (a sticky a person added in a cell).
   */
  foreign: Map<string, BoardRecord>;
  /**
   * The text each item showed when the run read it (content HTML, a frame's
   * title): an update writes new text only while the board still shows it,
   * so words a person typed since are kept.
   */
  readText: Map<string, string>;
  /** The identity index as read (see miro-item-index.ts), formatted; undefined when none could be read. */
  indexText?: string;
  /** Storage parts of the index as read, removed once a new index replaces them. */
  indexParts?: string[];
}

/** What listing the maps found, kept for the run: creating a map frame updates the index from it. */
interface Listing {
  /** Ids of every frame on the board. */
  frameIds: Set<string>;
  /** The index as read (`unread` when the board was scanned instead). */
  index: MapIndexRead | { kind: 'unread' };
  /** Map frames found: frame id → map id. */
  found: Map<string, string>;
  /** The identity each map frame found carries, as listing read it: reading the map asks no frame twice. */
  identities: Map<string, ItemIdentity>;
  /** Every frame was asked for its metadata: `found` holds every map on the board. */
  scanned: boolean;
}

/** What one run keeps: the maps it read, and what listing found. */
interface RunState {
  states: Map<string, MapState>;
  listing?: Listing;
  /** The board's tags by title, once read in this run. */
  tags?: Promise<Map<string, string>>;
  /** Tags this run is making, by title. */
  creatingTags: Map<string, Promise<string>>;
  /** Identity index writes in flight, by map id (see queueItemIndexSave). */
  indexSaves?: Map<string, Promise<void>>;
}

/**
 * The tag colour nearest each persona's line colour (TagColor in
 * @mirohq/websdk-types, https://developers.miro.com/docs/websdk-reference-tag).
 */
const TAG_COLOURS: Readonly<Record<PersonaStyle, 'magenta' | 'blue' | 'green' | 'yellow' | 'violet' | 'cyan'>> = {
  'persona-1': 'magenta',
  'persona-2': 'blue',
  'persona-3': 'green',
  'persona-4': 'yellow',
  'persona-5': 'violet',
  'persona-6': 'cyan',
};

/** A frame that carries a map identity. */
interface MapFrame {
  frame: Frame;
  identity: ItemIdentity;
}

/** The identity stored on an item, as Miro metadata. */
function formatIdentity(identity: ItemIdentity): { m: string; k: string; h: string } {
  return { m: identity.map, k: identity.key, h: identity.hash };
}

/** Why an identity cannot be stored, or undefined when it fits Miro's metadata limit. */
function checkIdentitySize(identity: ItemIdentity): string | undefined {
  const bytes = new TextEncoder().encode(JSON.stringify({ [IDENTITY_FIELD]: formatIdentity(identity) })).length;
  if (bytes <= METADATA_LIMIT_BYTES) return undefined;
  return `identity of ${identity.key} takes ${bytes} bytes of item metadata, over Miro's ${METADATA_LIMIT_BYTES}; shorten the ids in the journey (map, stage, lane, card, persona ids).`;
}

/** Any item `board.get()` returns. */
type BoardRecord = Awaited<ReturnType<Board['get']>>[number];

function findParentId(item: BoardRecord): string | null {
  return 'parentId' in item ? item.parentId : null;
}

function isDrawnItem(item: BoardRecord): item is MiroBoardItem {
  return item.type === 'frame' || item.type === 'sticky_note' || item.type === 'shape' || item.type === 'text' || item.type === 'connector';
}

/** The scene node type an item of ours stands for; `key` tells an emotion point from another shape (a person's item has none). */
function findNodeType(item: MiroBoardItem, key?: string): SceneNodeType {
  switch (item.type) {
    case 'frame':
      return 'frame';
    case 'sticky_note':
      return 'sticky';
    case 'text':
      return 'text';
    case 'connector':
      // The map's lines are chains of connectors; any other connector joins two cards, or is a person's drawing.
      return key !== undefined && parseSceneKey(key)?.kind === 'emotion-line' ? 'emotion-line' : 'link';
    case 'shape':
      return key !== undefined && parseSceneKey(key)?.kind === 'emotion' ? 'emotion-point' : 'shape';
  }
}

function readSize(item: { width?: unknown; height?: unknown }): { width: number; height: number } {
  return { width: typeof item.width === 'number' ? item.width : 0, height: typeof item.height === 'number' ? item.height : 0 };
}

function readText(item: { type: string; content?: unknown; title?: unknown; captions?: unknown }): string {
  if (typeof item.content === 'string') return convertHtmlToText(item.content);
  // A connector's words are its captions (https://developers.miro.com/docs/connector_connector-1), a person's.
  if (item.type === 'connector' && Array.isArray(item.captions)) {
    return (item.captions as { content?: unknown }[]).map((caption) => (typeof caption.content === 'string' ? convertHtmlToText(caption.content) : '')).filter(Boolean).join('\n');
  }
  if (item.type === 'frame' && typeof item.title === 'string') return item.title;
  return '';
}

/** The raw text field of an item (content HTML, a frame's title), as the run read it. */
function readRawText(item: { content?: unknown; title?: unknown }): string | undefined {
  if (typeof item.content === 'string') return item.content;
  return typeof item.title === 'string' ? item.title : undefined;
}

/**
 * What else the snapshot says of an item: the form of its text when it
 * shows more than plain lines, and whether it lies in a person's group
 * (Miro items in a group carry `groupId`, https://developers.miro.com/docs/websdk-reference-group).
 */
function readExtras(item: { type?: unknown; content?: unknown; groupId?: unknown; style?: unknown }): Pick<SnapshotItem, 'rich' | 'nested' | 'looks'> {
  const rich = typeof item.content === 'string' ? readRichForm(item.content) : undefined;
  const nested = typeof item.groupId === 'string' && item.groupId !== '';
  const looks = readLooks(item);
  return { ...(rich ? { rich } : {}), ...(nested ? { nested } : {}), ...(looks ? { looks } : {}) };
}

const STYLE_TOKENS = Object.keys(STYLE_PALETTE) as StyleToken[];
/** The palette styles by the Miro sticky colour each is drawn in (see miro-sticky-colors.ts). */
const STYLES_BY_STICKY_COLOR = groupStyles((style) => STICKY_COLOR_BY_HUE[STYLE_PALETTE[style].hue]);
/** The palette styles by the fill a shape of each is drawn with (`#rrggbb`, lower case). */
const STYLES_BY_FILL = groupStyles((style) => STYLE_PALETTE[style].fill.toLowerCase());

function groupStyles(colourOf: (style: StyleToken) => string): ReadonlyMap<string, StyleToken[]> {
  const groups = new Map<string, StyleToken[]>();
  for (const style of STYLE_TOKENS) {
    const colour = colourOf(style);
    groups.set(colour, [...(groups.get(colour) ?? []), style]);
  }
  return groups;
}

/**
 * The palette styles whose colour a sticky's or shape's fill shows
 * (`style.fillColor`: a StickyNoteColor name for a sticky, a hex colour for
 * a shape; https://developers.miro.com/docs/websdk-reference-sticky-note,
 * https://developers.miro.com/docs/shape_shape-1): none when a person picked
 * a colour of their own; undefined for items without a fill.
 */
function readLooks(item: { type?: unknown; style?: unknown }): StyleToken[] | undefined {
  const fill = typeof item.style === 'object' && item.style !== null ? (item.style as { fillColor?: unknown }).fillColor : undefined;
  if (typeof fill !== 'string') return undefined;
  if (item.type === 'sticky_note') return STYLES_BY_STICKY_COLOR.get(fill) ?? [];
  if (item.type === 'shape') return STYLES_BY_FILL.get(fill.toLowerCase()) ?? [];
  return undefined;
}

/** The ids of `ids` in chunks of at most `size`. */
function chunk<T>(ids: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < ids.length; start += size) chunks.push(ids.slice(start, start + size));
  return chunks;
}

/** A node being drawn: its item id once Miro made it, and whether it was drawn whole (see applyAsync). */
interface DrawingNode {
  id: Promise<string | undefined>;
  whole: Promise<boolean>;
  made(id: string | undefined): void;
  done(whole: boolean): void;
}

function createDrawingNode(): DrawingNode {
  let made: (id: string | undefined) => void = () => undefined;
  let done: (whole: boolean) => void = () => undefined;
  const id = new Promise<string | undefined>((resolve) => (made = resolve));
  const whole = new Promise<boolean>((resolve) => (done = resolve));
  return { id, whole, made: (value) => made(value), done: (value) => done(value) };
}

/** The key an op is about, for failure reports. */
function findOpKey(op: Op): SceneKey {
  return op.type === 'delete' || op.type === 'release' ? op.key : op.node.key;
}

/**
 * The children of `frame` and the connectors that join one of them: what a
 * map's frame holds. Connectors of a line join emotion points inside the
 * frame; Miro does not make them the frame's children.
 */
function collectMapItems(all: readonly BoardRecord[], frame: Frame): { children: BoardRecord[]; connectors: MiroBoardItem[] } {
  const children = all.filter((item) => findParentId(item) === frame.id);
  const childIds = new Set(children.map((item) => item.id));
  const connectors = all.filter(
    (item): item is Extract<MiroBoardItem, { type: 'connector' }> =>
      item.type === 'connector' &&
      'start' in item &&
      findParentId(item) !== frame.id &&
      (childIds.has(item.start?.item ?? '') || childIds.has(item.end?.item ?? '')),
  );
  return { children, connectors };
}

/**
 * Creates the Miro adapter over `board` (`miro.board` in the app).
 *
 * Coordinates: Miro positions an item by its centre, relative to the board
 * centre; a frame's children are positioned by their centre relative to the
 * frame's top-left corner (https://developers.miro.com/docs/boards,
 * https://developers.miro.com/docs/frame-1). Items are created at their
 * absolute position and then made children with `frame.add(item)`, which
 * since Web SDK 2.0 links them without moving them
 * (https://developers.miro.com/changelog/2022-08-09-changelog). The frame's
 * top-left is the map origin, so a child's centre is simply its scene
 * position plus half its size.
 *
 * Identity: each item gets `setMetadata('cjm', {m, k, h})` (one call, 50
 * credits; at most 256 bytes per item). Releasing an item sets `'cjm'` to
 * `null`: the SDK types a metadata value as JSON, `null` included
 * (`AppDataValue`), and the docs say nothing of removing a key, so whether
 * Miro drops the key or keeps a `null`, the item decodes as carrying no
 * identity.
 *
 * A map's record space is `miro.board.storage`, collection `cjm-journeys`:
 * the record `journey` under the map id, its parts under
 * `<mapId>/<tag>/<n>` (item metadata is capped at 256 bytes). The same
 * collection keeps the index of the maps' frames (see miro-map-index.ts).
 * The person's record space is collection `cjm-drafts`, keyed by their user
 * id. Miro's docs do not say whether duplicating a frame copies the app
 * metadata of the frame and its items; if it does not, a copy carries no
 * identity and is not a map at all (its items are a person's items).
 *
 * Updates in place: right before the updates of a run, the items to update
 * are read afresh in bulk (`board.get({ id })`), and only the fields that
 * must change are written onto the fresh objects (see planItemPatch): text a
 * person typed since the run read the map, a colour they gave a sticky, and
 * the group they put items in all stay. `sync()` is called only when a field
 * changed, `setMetadata` only when the identity did. An update that writes
 * the identity alone (the item already shows the node, as the run read it)
 * reads nothing afresh: metadata touches no field a person may be typing in. An item Miro refuses to
 * change (locked, no permission: isRefusalError) is reported once in
 * `refused` and left alone; nothing retries it.
 *
 * Cost, in Web SDK calls of 50 credits: a new map takes 2 to place it
 * (viewport, free space, asked while the map service looks for the map),
 * 2 for the frame (create, metadata) and 1 or 2 to note it in the frame
 * index, 3 per other item (create, `frame.add`, metadata), 2 per
 * emotion-line segment (connector, metadata), 1 to write the identity index
 * and 1 to zoom to it. Calls that do not wait for each other fly at once: a
 * new map is placed, framed, then drawn in one wave of creates and one of
 * `frame.add` and metadata calls, a line joining its points as soon as they
 * exist. Reading a map costs 1 bulk `board.get()`, 1 storage read of the
 * identity index and one metadata read per item inside the map's frame that
 * the index does not know (the frame's own is what listing read). Listing maps costs 1 `board.get` of the
 * frames, 1 `getSelection` and one metadata read per frame on a board of up
 * to SCAN_FRAME_LIMIT frames; on a busier one, 1 storage read of the frame
 * index and one metadata read per indexed frame and per frame the selection
 * touches, however many frames the board holds. Updating costs 1 bulk read
 * per hundred items, then a `sync` and a metadata write per item only where
 * something changed. Relabelling a copy costs 1 `board.get` and two metadata
 * calls per item of the copy (read, write). A run keeps the SDK objects it
 * read, for its writes; the next run reads afresh.
 *
 * Writes are pipelined (`concurrency` calls in flight), paced to Miro's
 * minute and hour budgets, retried with back-off on rate limits, and
 * reported per op; a failed item never throws.
 */
export function createMiroPort(board: Board, options: MiroHostOptions = {}): BoardPort {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  // With an injected sleep (tests, benchmarks) time is what was slept.
  let slept = 0;
  const sleepAsync = options.sleepAsync
    ? async (ms: number) => {
        slept += ms;
        await options.sleepAsync?.(ms);
      }
    : sleepWithTimerAsync;
  const now = options.now ?? (options.sleepAsync ? () => Date.now() + slept : () => Date.now());
  /** Told when calls pause for the rate limit, while a run reports progress. */
  let onWait: ((ms: number) => void) | undefined;
  const pacer = createCallPacer({
    sleepAsync,
    now,
    ...(options.creditsPerMinute === undefined ? {} : { creditsPerMinute: options.creditsPerMinute }),
    ...(options.creditsPerHour === undefined ? {} : { creditsPerHour: options.creditsPerHour }),
    maxInFlight: concurrency,
    onWait: (wait) => onWait?.(wait.ms),
  });
  /** A call that changes the board once (create, remove): not repeated after a failure. */
  const callAsync = <T>(call: () => Promise<T>): Promise<T> => pacer.runAsync(call);
  /** A read, or a write that may run twice (sync, metadata, frame.add, storage): retried after failures. */
  const retryAsync = <T>(call: () => Promise<T>): Promise<T> => pacer.runAsync(call, { idempotent: true });
  const storageValueLimitBytes = options.storageValueLimitBytes ?? DEFAULT_STORAGE_VALUE_LIMIT_BYTES;
  const journeys = () => board.storage.collection(JOURNEY_COLLECTION);

  async function readIdentityAsync(item: { getMetadata(key: string): Promise<unknown> }): Promise<ItemIdentity | undefined> {
    return decodeItemIdentity(await retryAsync(() => item.getMetadata(IDENTITY_FIELD)));
  }

  /** Reads identities of `items` in a bounded pipeline; an unreadable item counts as not ours. */
  async function readIdentitiesAsync(items: readonly MiroBoardItem[]): Promise<(ItemIdentity | undefined)[]> {
    const results = await runWithConcurrencyAsync(
      items.map((item) => () => readIdentityAsync(item)),
      concurrency,
    );
    return results.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
  }

  /** The frames among `frames` that carry a map identity (key `map`). */
  async function findMapFramesAsync(frames: readonly Frame[]): Promise<MapFrame[]> {
    const identities = await readIdentitiesAsync(frames);
    const found: MapFrame[] = [];
    frames.forEach((frame, index) => {
      const identity = identities[index];
      if (identity?.key === MAP_KEY) found.push({ frame, identity });
    });
    return found;
  }

  /** The frame index as stored; a read that fails counts as unreadable (the board is then scanned). */
  async function readMapIndexAsync(): Promise<MapIndexRead> {
    try {
      return parseMapIndex(await retryAsync(() => journeys().get(MAP_INDEX_KEY)));
    } catch (error) {
      return { kind: 'unreadable', reason: describeError(error) };
    }
  }

  /**
   * Stores `index`; an index over the storage value limit is removed rather
   * than left stale, so busy boards are scanned again. Never throws: the
   * index only saves calls, the frames' metadata is what counts.
   */
  async function writeMapIndexAsync(index: MapFrameIndex): Promise<void> {
    const text = formatMapIndex(index);
    try {
      if (new TextEncoder().encode(JSON.stringify(text)).length > storageValueLimitBytes) await retryAsync(() => journeys().remove(MAP_INDEX_KEY));
      else await retryAsync(() => journeys().set(MAP_INDEX_KEY, text));
    } catch {
      // A board whose index could not be written is scanned once more.
    }
  }

  /**
   * Notes a map frame the run just created in the frame index: on a board
   * that had no frame at all, the index is that frame alone; else the stored
   * index gains it, and a board without one gets it only when this run
   * scanned every frame (so the index holds every map).
   */
  async function indexNewFrameAsync(run: RunState, mapId: string, frameId: string): Promise<void> {
    const listing = run.listing;
    let base: MapFrameIndex;
    if (listing && listing.frameIds.size === 0) base = new Map();
    else {
      const stored = await readMapIndexAsync();
      if (stored.kind === 'index') base = stored.index;
      else if (stored.kind === 'absent' && listing?.scanned) base = mergeMapIndex(new Map(), listing.found);
      else return;
    }
    await writeMapIndexAsync(mergeMapIndex(base, new Map([[frameId, mapId]])));
  }

  async function readMapAsync(run: RunState, target: MapTarget): Promise<Snapshot | undefined> {
    const { states } = run;
    const { mapId } = target;
    // One unfiltered bulk read: items of every type, so foreign images,
    // cards or embeds inside the frame are reported too.
    // The index this run is still writing is read once it is written.
    const [all] = await Promise.all([retryAsync((): Promise<BoardRecord[]> => board.get()), run.indexSaves?.get(mapId)]);
    const frame = all.find((item): item is Frame => item.type === 'frame' && item.id === target.containerId);
    // The frame's own metadata says whose map it is; the identity index says
    // which item is which, so items are not read one by one.
    const listed = frame ? run.listing?.identities.get(frame.id) : undefined;
    const [frameIdentity, stored] = await Promise.all([
      listed ?? (frame ? readIdentityAsync(frame).catch(() => undefined) : undefined),
      frame ? readItemIndexAsync(mapId) : undefined,
    ]);
    if (!frame || frameIdentity?.map !== mapId || frameIdentity.key !== MAP_KEY) {
      states.delete(mapId);
      return undefined;
    }
    const origin = { x: frame.x - frame.width / 2, y: frame.y - frame.height / 2 };
    const { children, connectors } = collectMapItems(all, frame);
    const candidatesInFrame: BoardRecord[] = [...children, ...connectors];
    const drawn = candidatesInFrame.filter(isDrawnItem);
    const identityById = new Map<string, ItemIdentity | undefined>();
    // Items the index does not know (a person's copies, items of another map) are read from their metadata.
    const unknown = drawn.filter((item) => {
      const indexed = findIndexedIdentity(stored?.index, item.id, mapId);
      if (indexed) identityById.set(item.id, indexed);
      return !indexed;
    });
    const identities = await readIdentitiesAsync(unknown);
    unknown.forEach((item, index) => identityById.set(item.id, identities[index]));

    const state: MapState = {
      frame,
      origin,
      own: new Map(),
      foreign: new Map(),
      readText: new Map([[frame.id, frame.title]]),
      ...(stored?.index ? { indexText: formatItemIndex(stored.index) } : {}),
      ...(stored ? { indexParts: stored.partKeys } : {}),
    };
    state.own.set(frame.id, { item: frame, identity: frameIdentity });
    const items: SnapshotItem[] = [
      { itemId: frame.id, identity: frameIdentity, type: 'frame', text: frame.title, x: 0, y: 0, width: frame.width, height: frame.height },
    ];
    const foreign: ForeignItem[] = [];
    const centres = new Map<string, Point>();
    for (const child of children) {
      if ('x' in child && 'y' in child) centres.set(child.id, { x: child.x, y: child.y });
    }
    for (const item of candidatesInFrame) {
      const identity = identityById.get(item.id);
      const size = readSize(item as { width?: unknown; height?: unknown });
      const centre = centres.get(item.id) ?? { x: 0, y: 0 };
      const box = { x: centre.x - size.width / 2, y: centre.y - size.height / 2, ...size };
      const raw = readRawText(item as { content?: unknown; title?: unknown });
      if (raw !== undefined) state.readText.set(item.id, raw);
      const extras = readExtras(item);
      if (isDrawnItem(item) && identity?.map === mapId) {
        state.own.set(item.id, { item, identity });
        const type = findNodeType(item, identity.key);
        const tags = item.type === 'sticky_note' ? await readTagTitlesAsync(run, item.tagIds) : undefined;
        items.push({
          itemId: item.id,
          identity,
          type,
          text: readText(item),
          ...extras,
          ...(tags ? { tags } : {}),
          ...(item.type === 'connector' ? { ...measureConnector(item, centres), ...(type === 'link' ? { ends: readEnds(item) } : {}) } : box),
        });
      } else if (findParentId(item) === frame.id) {
        state.foreign.set(item.id, item);
        foreign.push({ itemId: item.id, kind: isDrawnItem(item) ? findNodeType(item) : undefined, text: readText(item), ...extras, ...box });
      } else if (item.type === 'connector' && 'start' in item && identity === undefined) {
        // A person's connector from or to an item of the map: one joining two cards links them.
        state.foreign.set(item.id, item);
        foreign.push({ itemId: item.id, kind: 'link', text: readText(item), ends: readEnds(item), ...measureConnector(item, centres) });
      }
    }
    states.set(mapId, state);
    // Miro item x/y are centres (https://developers.miro.com/docs/boards: "The x and y coordinates of an item mark the center point of the item").
    return { mapId, origin, anchor: 'centre', lineItems: 'per-segment', items, foreign };
  }

  /** The map's record space in board storage: its journey, lease and identity index. */
  const mapSpace = (mapId: string): RecordSpace => createRecordSpace(JOURNEY_COLLECTION, 'journey', () => Promise.resolve(mapId));

  /** Reads map `mapId`'s identity index; an index that is missing or cannot be read counts as none. */
  async function readItemIndexAsync(mapId: string): Promise<{ index: ItemIndex | undefined; partKeys: string[] } | undefined> {
    try {
      const read = await readRecordAsync(mapSpace(mapId), ITEM_INDEX_KEY);
      if (!read || 'failure' in read) return undefined;
      return { index: parseItemIndex(read.value), partKeys: read.partKeys };
    } catch {
      return undefined;
    }
  }

  /**
   * Writes map `mapId`'s identity index when the items the run knows differ
   * from the index it read: once per run that changed the map, nothing for an
   * unchanged one. A map whose items are all gone loses its index. An index
   * that cannot be written is removed, so no run trusts a stale one.
   */
  async function saveItemIndexAsync(mapId: string, state: MapState): Promise<void> {
    const own = [...state.own].filter(([, entry]) => entry.identity.map === mapId).map(([itemId, entry]): [string, ItemIdentity] => [itemId, entry.identity]);
    const space = mapSpace(mapId);
    if (own.length === 0) {
      if (state.indexText === undefined && !state.indexParts?.length) return;
      await Promise.all([ITEM_INDEX_KEY, ...(state.indexParts ?? [])].map((key) => space.removeAsync(key).catch(() => undefined)));
      delete state.indexText;
      state.indexParts = [];
      return;
    }
    // A map of its frame alone needs no index: the frame is always read from its own metadata.
    if (own.length === 1 && own[0]?.[0] === state.frame.id && state.indexText === undefined) return;
    const text = formatItemIndex(createItemIndex(own));
    if (text === state.indexText) return;
    try {
      state.indexParts = await writeRecordAsync(space, ITEM_INDEX_KEY, text, state.indexParts ?? []);
      state.indexText = text;
    } catch {
      await space.removeAsync(ITEM_INDEX_KEY).catch(() => undefined);
      delete state.indexText;
    }
  }

  /**
   * Starts writing map `mapId`'s identity index after the writes of it the run
   * has in flight: the run goes on meanwhile (the map service saves the
   * map's record at the same time) and settles it before it ends.
   */
  function queueItemIndexSave(run: RunState, mapId: string, state: MapState): void {
    run.indexSaves ??= new Map();
    const previous = run.indexSaves.get(mapId) ?? Promise.resolve();
    // saveItemIndexAsync never rejects for a write Miro refused; anything else is a hint lost, not a map.
    run.indexSaves.set(
      mapId,
      previous.then(() => saveItemIndexAsync(mapId, state)).catch(() => undefined),
    );
  }

  async function settleRunAsync(run: RunState): Promise<void> {
    await Promise.all([...(run.indexSaves?.values() ?? [])]);
  }

  async function placeNewMapAsync(width: number, height: number): Promise<Point> {
    // The viewport's x and y are its top-left corner
    // (https://developers.miro.com/docs/viewport); findEmptySpace answers a
    // centred rectangle that overlaps no item
    // (https://developers.miro.com/changelog/2024-03-12).
    const viewport = await retryAsync(() => board.viewport.get());
    const space = await callAsync(() =>
      board.findEmptySpace({ x: viewport.x + viewport.width / 2, y: viewport.y + viewport.height / 2, width, height, offset: NEW_MAP_OFFSET }),
    );
    return { x: space.x - width / 2, y: space.y - height / 2 };
  }

  /**
   * The items `ids` as the board holds them now, by id, read in bulk; an id
   * missing from the answer is an item removed since the run read the map.
   * Throws when the board cannot be read.
   */
  async function readFreshAsync(ids: readonly string[]): Promise<Map<string, BoardRecord>> {
    const fresh = new Map<string, BoardRecord>();
    const results = await runWithConcurrencyAsync(
      chunk([...new Set(ids)], FRESH_READ_CHUNK).map((part) => () => retryAsync(() => board.get({ id: part }))),
      concurrency,
    );
    for (const result of results) {
      if (result.status === 'rejected') throw result.reason;
      for (const item of result.value) fresh.set(item.id, item);
    }
    return fresh;
  }

  /** The board's tags by title, read once per run (one call) when a run first needs them. */
  function readTagsAsync(run: RunState): Promise<Map<string, string>> {
    run.tags ??= retryAsync(() => board.get({ type: 'tag' })).then((tags) => {
      const byTitle = new Map<string, string>();
      for (const tag of tags) if (tag.type === 'tag' && !byTitle.has(tag.title)) byTitle.set(tag.title, tag.id);
      return byTitle;
    });
    return run.tags;
  }

  /** The titles of the tags `tagIds` names; the board's tags are read only when a sticky carries any. */
  async function readTagTitlesAsync(run: RunState, tagIds: readonly string[] | undefined): Promise<string[]> {
    if (!tagIds || tagIds.length === 0) return [];
    const titles = new Map([...(await readTagsAsync(run))].map(([title, id]) => [id, title]));
    return tagIds.flatMap((id) => (titles.has(id) ? [titles.get(id) as string] : []));
  }

  /** The id of the tag titled `tag.label`, made once per run when the board has none (two stickies of one persona share it). */
  async function findTagIdAsync(run: RunState, tag: NonNullable<MapSticky['tag']>): Promise<string> {
    const tags = await readTagsAsync(run);
    const known = tags.get(tag.label);
    if (known) return known;
    const pending = run.creatingTags.get(tag.label);
    if (pending) return pending;
    const created = callAsync(() => board.createTag({ title: tag.label, color: TAG_COLOURS[tag.style] })).then((made) => {
      tags.set(tag.label, made.id);
      return made.id;
    });
    run.creatingTags.set(tag.label, created);
    return created;
  }

  /**
   * The tags a sticky should carry to name whom its card speaks for: its
   * own tags, but for tags of the journey's personas (`personaTags`), plus
   * the card's persona's. Undefined when it carries them already.
   */
  async function planPersonaTagsAsync(run: RunState, current: readonly string[] | undefined, node: MapSticky, personaTags: readonly string[]): Promise<string[] | undefined> {
    const have = [...(current ?? [])];
    if (!node.tag && have.length === 0) return undefined;
    const tags = await readTagsAsync(run);
    const personaIds = new Set(personaTags.flatMap((label) => (tags.has(label) ? [tags.get(label) as string] : [])));
    const wanted = node.tag ? await findTagIdAsync(run, node.tag) : undefined;
    const next = [...have.filter((id) => !personaIds.has(id) || id === wanted), ...(wanted && !have.includes(wanted) ? [wanted] : [])];
    return next.length === have.length && next.every((id, index) => id === have[index]) ? undefined : next;
  }

  async function applyAsync(run: RunState, target: MapTarget, plan: ApplyPlan, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport> {
    const { states } = run;
    const total = plan.ops.length;
    let done = 0;
    let state = states.get(plan.mapId);
    if (total > 0 && target.containerId !== undefined && !state) {
      await readMapAsync(run, target);
      state = states.get(plan.mapId);
    }
    const frameOp = plan.ops.find((op): op is Extract<Op, { node: SceneNode }> => 'node' in op && op.node.type === 'frame');
    let origin = plan.origin ?? state?.origin;
    const report: ApplyReport = { mapId: plan.mapId, ...(state ? { containerId: state.frame.id } : {}), origin: origin ?? { x: 0, y: 0 }, created: 0, updated: 0, deleted: 0, released: 0, failed: [] };
    if (total === 0) return report;

    // Pauses for Miro's rate limit show in the run's progress until it resumes.
    let resumeAt = 0;
    const waiting = (): { waitingMs?: number } => (resumeAt > now() ? { waitingMs: resumeAt - now() } : {});
    onWait = (ms) => {
      resumeAt = Math.max(resumeAt, now() + ms);
      onProgress?.({ done, total, ...waiting() });
    };
    const settle = (): void => {
      done += 1;
      onProgress?.({ done, total, ...waiting() });
    };
    const fail = (key: SceneKey, reason: string): void => {
      report.failed.push({ key, reason });
    };
    /** A failure no repetition mends (locked, no permission): reported once, never retried. */
    const failOrRefuse = (key: SceneKey, error: unknown): void => {
      if (!isRefusalError(error)) {
        fail(key, describeError(error));
        return;
      }
      report.refused ??= [];
      report.refused.push({
        key,
        reason: `Miro refused to change it (${describeError(error)}); it is left as it is. Unlock it, or ask someone who may edit it, then click Regenerate again.`,
      });
    };

    if (!origin) {
      if (!frameOp) {
        for (const op of plan.ops) {
          fail(findOpKey(op), `map ${plan.mapId} has no frame on the board and the plan draws none; regenerate the map from its journey.`);
          settle();
        }
        return report;
      }
      try {
        origin = await placeNewMapAsync(frameOp.node.width, frameOp.node.height);
      } catch {
        // Neither viewport nor free space could be read: drawing at the board
        // centre beats not drawing; the report's origin says where the map went.
        origin = { x: -frameOp.node.width / 2, y: -frameOp.node.height / 2 };
      }
    }
    const mapOrigin: Point = origin;
    report.origin = mapOrigin;

    const context: DrawContext = {
      board,
      toBoardCentre: (box: NodeBox) => ({ x: mapOrigin.x + box.x + box.width / 2, y: mapOrigin.y + box.y + box.height / 2 }),
      toFrameCentre: (box: NodeBox) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 }),
      findItemIdByKeyAsync: async (key) => {
        const made = drawing.get(key);
        if (made) return made.id;
        for (const [id, own] of state?.own ?? []) if (own.identity.key === key && own.item.type !== 'connector') return id;
        return undefined;
      },
      callAsync,
      findTagIdAsync: (tag) => findTagIdAsync(run, tag),
    };

    const identityOf = (node: SceneNode, hash: string): ItemIdentity => ({ map: plan.mapId, key: node.key, hash });

    /**
     * Each node this plan creates, while it is drawn: its item id as soon as
     * Miro made the item (before it moves into the frame), so a line joins
     * its points while they are still being marked; and whether it was drawn
     * whole (into the frame and marked), so a line keeps its connectors only
     * if its points were. Both settle once, whatever happens to the node.
     */
    const drawing = new Map<SceneKey, DrawingNode>();
    for (const op of plan.ops) {
      if (op.type === 'create' && op.node.type !== 'emotion-line' && op.node.type !== 'frame') drawing.set(op.node.key, createDrawingNode());
    }

    /** Draws one node anew (create, make a frame child, store identity); returns how many board items it took (an emotion line is one connector per segment). */
    async function drawAsync(node: SceneNode, hash: string): Promise<number> {
      const tracked = drawing.get(node.key);
      let whole = false;
      try {
        const count = await drawItemsAsync(node, hash, tracked);
        whole = true;
        return count;
      } finally {
        // Lines waiting for a node that could not be drawn are told so (a second settle does nothing).
        tracked?.made(undefined);
        tracked?.done(whole);
      }
    }

    /** Creates and marks the items of `node`; removes what it made if a step fails. */
    async function drawItemsAsync(node: SceneNode, hash: string, tracked: DrawingNode | undefined): Promise<number> {
      const identity = identityOf(node, hash);
      const tooBig = checkIdentitySize(identity);
      if (tooBig) throw new Error(tooBig);
      const drawer = findDrawer(node);
      const frame = state?.frame;
      if (drawer.isFrameChild && !frame) throw new Error(`the map's frame is missing, so ${node.key} has nowhere to go; click Finish the map in the panel to draw the frame first.`);
      const items = await drawer.createAsync(node, context);
      tracked?.made(items[0]?.id);
      if (node.type === 'emotion-line') {
        // The connectors joined points still being marked: one that failed took its connectors with it, so the line is drawn again next round.
        const points = await Promise.all(node.pointKeys.map((key) => drawing.get(key)?.whole ?? Promise.resolve(true)));
        const lost = node.pointKeys.find((_, index) => !points[index]);
        if (lost) {
          await Promise.all(items.map((item) => callAsync(() => board.remove(item)).catch(() => undefined)));
          throw new Error(`Emotion point ${lost} could not be drawn, so line ${node.key} is not complete; click Finish the map in the panel to draw both.`);
        }
      }
      // Every item into the frame and marked at once: one wait for all of them.
      const marks = await Promise.allSettled(
        items.flatMap((item) => [
          drawer.isFrameChild && frame ? retryAsync(() => frame.add(item)) : Promise.resolve(),
          retryAsync(() => item.setMetadata(IDENTITY_FIELD, formatIdentity(identity))),
        ]),
      );
      const failure = marks.find((mark): mark is PromiseRejectedResult => mark.status === 'rejected');
      if (failure) {
        await Promise.all(items.map((item) => callAsync(() => board.remove(item)).catch(() => undefined)));
        throw failure.reason;
      }
      for (const item of items) state?.own.set(item.id, { item, identity });
      return items.length;
    }

    async function findOwnItemAsync(itemId: string): Promise<MiroBoardItem> {
      if (state?.foreign.has(itemId)) throw new Error(`item ${itemId} does not carry this map's identity; the app never removes items it did not draw.`);
      const known = state?.own.get(itemId)?.item;
      if (known) return known;
      const fetched = await retryAsync(() => board.getById(itemId));
      if (!isDrawnItem(fetched)) throw new Error(`item ${itemId} is a ${fetched.type}, not an item the app draws; delete it by hand if it is in the way.`);
      return fetched;
    }

    async function removeOwnAsync(itemIds: readonly string[]): Promise<void> {
      for (const itemId of itemIds) {
        const item = await findOwnItemAsync(itemId);
        await callAsync(() => board.remove(item));
        state?.own.delete(itemId);
      }
    }

    /** What an update writes to one item, against the item as given (see planItemPatch). */
    const patchOf = (item: BoardRecord, op: Extract<Op, { type: 'update' }>, target: ItemTarget) =>
      planItemPatch(item as unknown as Record<string, unknown>, target, {
        ...(op.parts ? { parts: op.parts } : {}),
        ...(state?.readText.has(item.id) ? { readText: state.readText.get(item.id) } : {}),
        nested: typeof (item as { groupId?: unknown }).groupId === 'string',
      });
    /**
     * Updates whose items already show the node as the run read them (a text
     * a person typed that the journey took in, say): they write the identity
     * alone, which touches nothing a person may be typing, so their items are
     * not read again.
     */
    const identityOnly = new Set<Op>();
    const writesIdentityOnlyAsync = async (op: Extract<Op, { type: 'update' }>): Promise<boolean> => {
      const drawer = findDrawer(op.node);
      if (!drawer.describeTarget) return false;
      const target = drawer.describeTarget(op.node, context);
      for (const itemId of op.itemIds) {
        const item = state?.foreign.has(itemId) ? undefined : state?.own.get(itemId)?.item;
        if (!item || Object.keys(patchOf(item, op, target)).length > 0) return false;
        if (op.node.type === 'sticky' && item.type === 'sticky_note' && (await planPersonaTagsAsync(run, item.tagIds, op.node, plan.personaTags ?? []))) return false;
      }
      return true;
    };

    /** The items of the updates in `ops` as the board holds them now (see readFreshAsync); a failed read fails those ops. */
    let fresh: Map<string, BoardRecord> | undefined;
    let freshFailure: Error | undefined;
    async function refreshAsync(ops: readonly Op[]): Promise<void> {
      // A check that cannot be made (the board's tags unreadable) reads the items afresh: the update then reports its own failure.
      for (const op of ops) if (op.type === 'update' && (await writesIdentityOnlyAsync(op).catch(() => false))) identityOnly.add(op);
      // Updates, and deletes of items with text (a delete must not take words typed since the read).
      const ids = ops.flatMap((op) =>
        op.type === 'update' && findDrawer(op.node).describeTarget && !identityOnly.has(op)
          ? op.itemIds
          : op.type === 'delete'
            ? op.itemIds.filter((itemId) => state?.readText.has(itemId))
            : [],
      );
      fresh = undefined;
      freshFailure = undefined;
      if (ids.length === 0) return;
      try {
        fresh = await readFreshAsync(ids);
      } catch (error) {
        freshFailure = error instanceof Error ? error : new Error(describeError(error));
      }
    }

    async function updateAsync(op: Extract<Op, { type: 'update' }>): Promise<void> {
      const drawer = findDrawer(op.node);
      const identity = identityOf(op.node, op.hash);
      const tooBig = checkIdentitySize(identity);
      if (tooBig) throw new Error(tooBig);
      const describeTarget = drawer.describeTarget?.bind(drawer);
      // Items without identity inside the frame are adopted: redrawn in place
      // as the node, never replaced, since a person made them.
      const adopted = op.itemIds.filter((itemId) => state?.foreign.has(itemId));
      const fits = (item: BoardRecord): item is MiroBoardItem => isDrawnItem(item) && item.type === drawer.itemType;
      if (!describeTarget) {
        if (adopted.length > 0) throw new Error(`${op.node.key} would adopt item ${adopted[0]}, but a ${op.node.type} is drawn anew, never in place; the item is left as it is.`);
        // Replace: draw the new items first, then remove the old ones.
        await drawAsync(op.node, op.hash);
        await removeOwnAsync(op.itemIds);
        return;
      }
      const current = identityOnly.has(op) ? new Map(op.itemIds.flatMap((itemId) => { const own = state?.own.get(itemId)?.item; return own ? [[itemId, own] as const] : []; })) : fresh;
      if (!current || (!identityOnly.has(op) && freshFailure !== undefined)) throw freshFailure ?? new Error(`the items of ${op.node.key} could not be read before updating them; click Regenerate again.`);
      const items = op.itemIds.map((itemId) => {
        const item = current.get(itemId);
        if (!item) throw new Error(`item ${itemId} of ${op.node.key} was deleted while the map was being regenerated; click Regenerate again to draw it anew.`);
        return item;
      });
      if (!items.every(fits)) {
        const misfit = items.find((item) => !fits(item));
        if (adopted.length > 0) {
          throw new Error(
            `${op.node.key} would adopt item ${misfit?.id ?? adopted[0]} (a ${misfit?.type ?? 'item'}), but only a ${drawer.itemType} can show it; the item is left as it is.`,
          );
        }
        await drawAsync(op.node, op.hash);
        await removeOwnAsync(op.itemIds);
        return;
      }
      // A frame child is positioned relative to the frame: one a person dragged
      // out since the run read it would land elsewhere on the board.
      const strayed = drawer.isFrameChild ? items.find((item) => findParentId(item) !== state?.frame.id) : undefined;
      if (strayed) throw new Error(`item ${strayed.id} of ${op.node.key} was moved out of the map's frame while the map was being regenerated; click Regenerate again.`);
      const target = describeTarget(op.node, context);
      for (const item of items) {
        const before = state?.own.get(item.id)?.identity;
        const patch = patchOf(item, op, target);
        if (op.node.type === 'sticky' && item.type === 'sticky_note') {
          const tagIds = await planPersonaTagsAsync(run, item.tagIds, op.node, plan.personaTags ?? []);
          if (tagIds) patch.tagIds = tagIds;
        }
        if (Object.keys(patch).length > 0) {
          Object.assign(item, patch);
          await retryAsync(() => item.sync());
        }
        if (!before || before.map !== identity.map || before.key !== identity.key || before.hash !== identity.hash) {
          await retryAsync(() => item.setMetadata(IDENTITY_FIELD, formatIdentity(identity)));
        }
        state?.foreign.delete(item.id);
        state?.own.set(item.id, { item, identity });
        if (item.id === state?.frame.id && item.type === 'frame') {
          state.frame = item;
          // A later read of this run takes the frame's identity from the listing: it is this one now.
          if (run.listing?.identities.has(item.id)) run.listing.identities.set(item.id, identity);
        }
      }
    }

    async function releaseAsync(op: Extract<Op, { type: 'release' }>): Promise<void> {
      for (const itemId of op.itemIds) {
        // An item already without identity has nothing to hand over.
        if (state?.foreign.has(itemId)) continue;
        const item = state?.own.get(itemId)?.item ?? (await retryAsync(() => board.getById(itemId)));
        if (!('setMetadata' in item)) throw new Error(`item ${itemId} is a ${item.type}, which holds no app metadata; nothing to release.`);
        await retryAsync(() => item.setMetadata(IDENTITY_FIELD, null));
        state?.own.delete(itemId);
        if (state && findParentId(item) === state.frame.id) state.foreign.set(itemId, item);
      }
    }

    async function runOpsAsync(ops: readonly Op[], runAsync: (op: Op) => Promise<void>, count: (op: Op) => void): Promise<void> {
      // One bulk read of what the phase will write, right before it writes.
      if (ops.some((op) => op.type === 'update' || op.type === 'delete')) await refreshAsync(ops);
      await runWithConcurrencyAsync(
        ops.map((op) => async () => {
          try {
            await runAsync(op);
            count(op);
          } catch (error) {
            failOrRefuse(findOpKey(op), error);
          }
        }),
        concurrency,
        settle,
      );
    }

    /**
     * A delete, unless a person typed on the item since the run read it:
     * such an item is handed over instead (its identity removed), so their
     * words stay on the board as their own.
     */
    async function deleteAsync(op: Extract<Op, { type: 'delete' }>): Promise<void> {
      if (op.absorbed) return removeAbsorbedAsync(op.itemIds);
      const texts = op.itemIds.filter((itemId) => state?.readText.has(itemId));
      if (texts.length > 0 && (freshFailure !== undefined || !fresh)) throw freshFailure ?? new Error(`the items of ${op.key} could not be read before removing them; click Regenerate again.`);
      const now = fresh ?? new Map<string, BoardRecord>();
      const typedOn = texts.filter((itemId) => {
        const item = now.get(itemId);
        return item !== undefined && readRawText(item as { content?: unknown; title?: unknown }) !== state?.readText.get(itemId);
      });
      if (typedOn.length > 0) await releaseAsync({ type: 'release', key: op.key, itemIds: typedOn });
      await removeOwnAsync(op.itemIds.filter((itemId) => !typedOn.includes(itemId) && (!state?.readText.has(itemId) || now.has(itemId))));
    }

    /**
     * Removes a person's stickies whose words the journey took in whole (each
     * named a new step), read afresh right before: one that is gone, or whose
     * text changed since the run read it (someone typing on it), stays.
     */
    async function removeAbsorbedAsync(itemIds: readonly string[]): Promise<void> {
      if (freshFailure !== undefined || !fresh) throw freshFailure ?? new Error('the stickies that named new steps could not be read before removing them; click Regenerate again.');
      for (const itemId of itemIds) {
        const item = state?.foreign.get(itemId);
        const now = fresh.get(itemId);
        if (!item || item.type !== 'sticky_note' || !now || readRawText(now as { content?: unknown; title?: unknown }) !== state?.readText.get(itemId)) continue;
        await callAsync(() => board.remove(item));
        state?.foreign.delete(itemId);
      }
    }

    // The report counts board items, as a person counts them on the board: each segment of a line is one.
    const itemsCreated = new WeakMap<Op, number>();
    const runOpAsync = async (op: Op): Promise<void> => {
      if (op.type === 'create') itemsCreated.set(op, await drawAsync(op.node, op.hash));
      else if (op.type === 'update') await updateAsync(op);
      else if (op.type === 'release') await releaseAsync(op);
      else await deleteAsync(op);
    };
    const countOp = (op: Op): void => {
      if (op.type === 'create') report.created += itemsCreated.get(op) ?? 1;
      else if (op.type === 'update') report.updated += 1;
      else if (op.type === 'release') report.released += 1;
      else report.deleted += 1;
    };

    // 1. The frame first: every other item becomes its child.
    if (frameOp?.type === 'create') {
      try {
        const identity = identityOf(frameOp.node, frameOp.hash);
        const [frame] = await findDrawer(frameOp.node).createAsync(frameOp.node, context);
        if (!frame || frame.type !== 'frame') throw new Error('Miro returned no frame for createFrame; check the boards:write scope in app-manifest.yaml.');
        // The frame's identity and its line in the frame index at once (the
        // index is a hint: one naming a frame that then went is read past).
        // Noted at once, so even an interrupted insert is found on a busy board.
        await Promise.all([
          retryAsync(() => frame.setMetadata(IDENTITY_FIELD, formatIdentity(identity))).catch(async (error: unknown) => {
            await callAsync(() => board.remove(frame)).catch(() => undefined);
            throw error;
          }),
          indexNewFrameAsync(run, plan.mapId, frame.id),
        ]);
        state = { frame, origin: mapOrigin, own: new Map([[frame.id, { item: frame, identity }]]), foreign: new Map(), readText: new Map() };
        states.set(plan.mapId, state);
        report.containerId = frame.id;
        report.created += 1;
      } catch (error) {
        failOrRefuse(frameOp.node.key, error);
      }
      settle();
    }
    // A frame that grows is resized before its children move into the new room;
    // one that shrinks only after they left (Miro refuses to cut children off).
    const frameGrows = frameOp?.type === 'update' && state && frameOp.node.width >= state.frame.width && frameOp.node.height >= state.frame.height;
    const frameUpdate = frameOp?.type === 'update' ? frameOp : undefined;
    /**
     * The frame update, its size grown to hold the items people put on the
     * map: the frame never shrinks from under them. Children are positioned
     * by their centres relative to the frame's top-left corner
     * (https://developers.miro.com/docs/frame-1).
     */
    const fitFrame = (op: Extract<Op, { type: 'update' }>): Extract<Op, { type: 'update' }> => {
      let width = op.node.width;
      let height = op.node.height;
      for (const item of state?.foreign.values() ?? []) {
        if (!('x' in item) || !('y' in item)) continue;
        const size = readSize(item);
        width = Math.max(width, Math.ceil(item.x + size.width / 2));
        height = Math.max(height, Math.ceil(item.y + size.height / 2));
      }
      return width === op.node.width && height === op.node.height ? op : { ...op, node: { ...op.node, width, height } };
    };
    if (frameUpdate && frameGrows) await runOpsAsync([fitFrame(frameUpdate)], runOpAsync, countOp);

    // Lines and links are connectors: they join items that must exist first.
    const isLine = (op: Op): boolean => 'node' in op && (op.node.type === 'emotion-line' || op.node.type === 'link');
    const rest = plan.ops.filter((op) => op !== frameOp);
    const updatedKeys = new Set(rest.flatMap((op) => (op.type === 'update' ? [op.node.key] : [])));
    /** A new line none of whose points this plan updates: it joins its points as soon as they exist. Links wait for every sticky. */
    const joinsAtOnce = (op: Op): boolean => op.type === 'create' && op.node.type === 'emotion-line' && op.node.pointKeys.every((key) => !updatedKeys.has(key));
    // 2. Creates, with the new lines that join new or untouched points; then
    // updates of everything but lines; 3. the other lines, which join points
    // that now exist; 4. releases; 5. deletes; 6. a shrinking frame, last.
    await Promise.all([
      runOpsAsync(
        rest.filter((op) => op.type === 'create' && !isLine(op)),
        runOpAsync,
        countOp,
      ),
      runOpsAsync(rest.filter(joinsAtOnce), runOpAsync, countOp),
    ]);
    await runOpsAsync(
      rest.filter((op) => op.type === 'update' && !isLine(op)),
      runOpAsync,
      countOp,
    );
    await runOpsAsync(
      rest.filter((op) => isLine(op) && !joinsAtOnce(op)),
      runOpAsync,
      countOp,
    );
    await runOpsAsync(
      rest.filter((op) => op.type === 'release'),
      runOpAsync,
      countOp,
    );
    // 6. Deletes. Connectors go first: Miro removes a connector with the item it joins, so
    // removing points or stickies first would leave the connector's ids pointing at nothing.
    const isConnectorKey = (key: SceneKey): boolean => ['emotion-line', 'link'].includes(parseSceneKey(key)?.kind ?? '');
    await runOpsAsync(
      rest.filter((op) => op.type === 'delete' && isConnectorKey(op.key)),
      runOpAsync,
      countOp,
    );
    await runOpsAsync(
      rest.filter((op) => op.type === 'delete' && !isConnectorKey(op.key)),
      runOpAsync,
      countOp,
    );
    if (frameUpdate && !frameGrows) await runOpsAsync([fitFrame(frameUpdate)], runOpAsync, countOp);
    if (state) queueItemIndexSave(run, plan.mapId, state);
    return report;
  }

  async function focusMapAsync(target: MapTarget, keys: readonly string[] = []): Promise<void> {
    if (keys.length > 0) {
      const run: RunState = { states: new Map(), creatingTags: new Map() };
      await readMapAsync(run, target);
      const wanted = new Set(keys);
      const items = [...(run.states.get(target.mapId)?.own.values() ?? [])].filter(({ item, identity }) => wanted.has(identity.key) && item.type !== 'connector').map(({ item }) => item);
      if (items.length > 0) {
        await retryAsync(() => board.select({ id: items.map((item) => item.id) }));
        await callAsync(() => board.viewport.zoomTo(items));
        return;
      }
    }
    if (target.containerId === undefined) return;
    const containerId = target.containerId;
    const frame = await retryAsync(() => board.getById(containerId)).catch(() => undefined);
    if (frame?.type === 'frame') await callAsync(() => board.viewport.zoomTo(frame));
  }

  /**
   * The map frames on the board. A small board (up to SCAN_FRAME_LIMIT
   * frames) is scanned: every frame is asked for its metadata. A busier one
   * reads the frame index and asks only the frames it names that are still
   * on the board, and those the selection touches (a copy a person made is
   * found so, and then indexed); a busy board without a readable index is
   * scanned once and indexed.
   */
  async function listMapContainersAsync(run: RunState): Promise<MapContainer[]> {
    const frames = await retryAsync(() => board.get({ type: 'frame' }));
    const frameIds = new Set(frames.map((frame) => frame.id));
    if (frames.length === 0) {
      run.listing = { frameIds, index: { kind: 'unread' }, found: new Map(), identities: new Map(), scanned: true };
      return [];
    }
    const index: Listing['index'] = frames.length <= SCAN_FRAME_LIMIT ? { kind: 'unread' } : await readMapIndexAsync();
    const selection = await retryAsync(() => board.getSelection());
    const selectedIds = new Set(selection.map((item) => item.id));
    const selectedParentIds = new Set(selection.map((item) => findParentId(item)).filter((id): id is string => id !== null));
    const touched = (frame: Frame): boolean => selectedIds.has(frame.id) || selectedParentIds.has(frame.id);
    const indexed = index.kind === 'index' ? listIndexedFrames(index.index) : undefined;
    const asked = indexed ? frames.filter((frame) => indexed.has(frame.id) || touched(frame)) : frames;
    const mapFrames = await findMapFramesAsync(asked);
    const found = new Map(mapFrames.map(({ frame, identity }) => [frame.id, identity.map]));
    run.listing = { frameIds, index, found, identities: new Map(mapFrames.map(({ frame, identity }) => [frame.id, identity])), scanned: !indexed };
    if (index.kind === 'index') {
      // Frames the selection found join the index; frames gone leave it with them.
      const unindexed = mapFrames.filter(({ frame }) => !indexed?.has(frame.id));
      const gone = new Set([...(indexed ?? [])].filter((id) => !frameIds.has(id)));
      if (unindexed.length > 0 || gone.size >= PRUNE_AFTER_GONE) {
        const next = mergeMapIndex(index.index, new Map(unindexed.map(({ frame, identity }) => [frame.id, identity.map])), gone);
        if (!isSameMapIndex(next, index.index)) await writeMapIndexAsync(next);
      }
    } else if (index.kind === 'absent') {
      await writeMapIndexAsync(mergeMapIndex(new Map(), found));
    }
    if (mapFrames.length === 0) return [];
    return mapFrames.map(({ frame, identity }) => ({
      containerId: frame.id,
      mapId: identity.map,
      title: frame.title,
      selected: touched(frame),
    }));
  }
  async function relabelMapAsync(containerId: string, fromMapId: string, toMapId: string): Promise<void> {
    const all: BoardRecord[] = await retryAsync(() => board.get());
    const frame = all.find((item): item is Frame => item.id === containerId && item.type === 'frame');
    if (!frame) throw new Error(`frame ${containerId} is not on the board (it was deleted or the id is wrong); select the copied map and click Regenerate again.`);
    const frameIdentity = await readIdentityAsync(frame);
    if (frameIdentity?.key !== MAP_KEY || (frameIdentity.map !== fromMapId && frameIdentity.map !== toMapId)) {
      throw new Error(`frame ${containerId} is not a map drawn by CJM Board; select a map and click Regenerate again.`);
    }
    const tooBig = checkIdentitySize({ ...frameIdentity, map: toMapId });
    if (tooBig) throw new Error(tooBig);
    const { children, connectors } = collectMapItems(all, frame);
    const drawn = [...children.filter(isDrawnItem), ...connectors];
    const identities = await readIdentitiesAsync(drawn);
    // Every item with an identity moves to the new map, also items a
    // relabelling that stopped half-way left with another id; the frame goes
    // last, so until every item moved the frame still reads as a copy and a
    // second Regenerate finishes the job.
    const moves = drawn.flatMap((item, index) => {
      const identity = identities[index];
      return identity && identity.map !== toMapId ? [{ item, identity: { ...identity, map: toMapId } }] : [];
    });
    const results = await runWithConcurrencyAsync(
      moves.map(({ item, identity }) => () => retryAsync(() => item.setMetadata(IDENTITY_FIELD, formatIdentity(identity)))),
      concurrency,
    );
    const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failures.length > 0) {
      throw new Error(
        `${failures.length} of ${moves.length} items of the copied map could not be given their new map id (${describeError(failures[0]?.reason)}); click Regenerate again to finish.`,
      );
    }
    await retryAsync(() => frame.setMetadata(IDENTITY_FIELD, formatIdentity({ ...frameIdentity, map: toMapId })));
  }

  /**
   * A record space in a storage collection: the record `<root>` under the
   * key the prefix names, its parts `<root>/…` under `<prefix>/…` (the
   * layout version 1 used too). A value version 1 left as a JSON object is
   * answered as its JSON text.
   */
  function createRecordSpace(collectionName: string, root: string, findPrefixAsync: () => Promise<string>): RecordSpace {
    const collection = () => board.storage.collection(collectionName);
    const toStorageKeyAsync = async (key: string): Promise<string> => {
      const prefix = await findPrefixAsync();
      if (key === root) return prefix;
      return key.startsWith(`${root}/`) ? `${prefix}${key.slice(root.length)}` : `${prefix}/${key}`;
    };
    return {
      valueLimitBytes: storageValueLimitBytes,
      getAsync: async (key) => {
        const storageKey = await toStorageKeyAsync(key);
        const value: unknown = await retryAsync(() => collection().get(storageKey));
        if (value === undefined || value === null) return undefined;
        return typeof value === 'string' ? value : JSON.stringify(value);
      },
      setAsync: async (key, text) => {
        const storageKey = await toStorageKeyAsync(key);
        await retryAsync(() => collection().set(storageKey, text));
      },
      removeAsync: async (key) => {
        const storageKey = await toStorageKeyAsync(key);
        await retryAsync(() => collection().remove(storageKey));
      },
    };
  }

  let person: Promise<{ id: string; name: string }> | undefined;
  /** The person using the panel, asked once: https://developers.miro.com/changelog/2024-04-16: getUserInfo() answers { id, name, email }. */
  const findPersonAsync = (): Promise<{ id: string; name: string }> =>
    (person ??= retryAsync(() => board.getUserInfo()).then((user) => ({ id: String(user.id), name: typeof user.name === 'string' ? user.name : '' })));
  // Without the person's id the board keeps one draft for everyone.
  const findPersonKeyAsync = (): Promise<string> => findPersonAsync().then((user) => `draft-${user.id}`, () => 'draft');

  function beginRun(): BoardRun {
    const run: RunState = { states: new Map(), creatingTags: new Map() };
    return {
      listMapContainersAsync: () => listMapContainersAsync(run),
      readMapAsync: (target) => readMapAsync(run, target),
      applyAsync: (target, plan, onProgress) => applyAsync(run, target, plan, onProgress),
      relabelMapAsync: async (containerId, fromMapId, toMapId) => {
        await relabelMapAsync(containerId, fromMapId, toMapId);
        run.states.clear();
        run.listing?.identities.delete(containerId);
      },
      mapRecords: (target) => createRecordSpace(JOURNEY_COLLECTION, 'journey', () => Promise.resolve(target.mapId)),
      placeNewMapAsync,
      focusMapAsync: async (target) => {
        // The frame this run drew or read zooms at once; any other is read first.
        const frame = run.states.get(target.mapId)?.frame;
        if (frame && frame.id === target.containerId) await callAsync(() => board.viewport.zoomTo(frame));
        else await focusMapAsync(target);
      },
      settleAsync: () => settleRunAsync(run),
      endAsync: async () => {
        await settleRunAsync(run);
        run.states.clear();
        delete run.listing;
      },
    };
  }

  return {
    metrics: MIRO_METRICS,
    beginRun,
    focusMapAsync,
    personRecords: () => createRecordSpace(DRAFT_COLLECTION, 'draft', findPersonKeyAsync),
    findPersonAsync,
    placeSlidesAsync: (target, slides, options) => placeMiroSlidesAsync(board, { callAsync, retryAsync, concurrency }, target, slides, options),
  };
}

/** The items a connector's ends are attached to (https://developers.miro.com/docs/connector_connector-1: `start.item`, `end.item`). */
function readEnds(connector: MiroBoardItem & { type: 'connector' }): ConnectorEnds {
  return { ...(connector.start?.item ? { start: connector.start.item } : {}), ...(connector.end?.item ? { end: connector.end.item } : {}) };
}

/** A connector's box: the bounding box of the centres it joins (relative to the frame). */
function measureConnector(connector: MiroBoardItem & { type: 'connector' }, centres: ReadonlyMap<string, Point>): NodeBox {
  const ends = [connector.start?.item, connector.end?.item].map((id) => (id ? centres.get(id) : undefined)).filter((point): point is Point => Boolean(point));
  if (ends.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const xs = ends.map((point) => point.x);
  const ys = ends.map((point) => point.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
