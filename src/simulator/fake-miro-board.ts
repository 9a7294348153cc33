import type { Board, Connector, StickyNoteColorType } from '@mirohq/websdk-types';
import { readPngSize } from '../app/slide-deck';
import { isRateLimitError } from '../hosts/miro/miro-errors';
import { formatRichTextAsHtml, parseMiroHtml } from '../hosts/miro/miro-html';
import { normalizeRichText, type RichRun, type RichText } from '../model/rich-text';
import { MIRO_STICKY_HEX } from './miro-sticky-hex';

/**
 * An in-memory `miro.board` that follows the Web SDK's documented semantics,
 * for adapter tests:
 *
 * - x/y are item centres; a frame's children are positioned relative to the
 *   frame's top-left corner once `frame.add(item)` links them
 *   (https://developers.miro.com/docs/frame-1, .../changelog/2022-08-09-changelog);
 * - sticky colours are the `StickyNoteColor` enum, and a sticky takes width
 *   or height, never both (https://developers.miro.com/docs/websdk-reference-sticky-note);
 * - text takes a width only; its height follows its content;
 * - content is stored as the HTML it was given;
 * - item metadata is capped at 256 bytes per item
 *   (https://developers.miro.com/changelog/2023-02-13-changelog);
 * - every call costs credits, 50 by default
 *   (https://developers.miro.com/docs/websdk-reference-rate-limiting);
 * - a connector joins two existing items and is removed with either of them
 *   (https://developers.miro.com/docs/connector_connector-1);
 * - `storage.collection(name)` keeps JSON values under string keys; `get`
 *   answers undefined for a missing key; `set`, `get` and `remove` are Level 1
 *   calls of 50 credits (https://developers.miro.com/docs/websdk-reference-collection).
 *   Miro documents no value size limit; `storageValueLimitBytes` scripts one;
 * - `setMetadata(key, value)` stores the JSON value as given, `null` included
 *   (the docs say nothing of removing a key);
 * - `getSelection()` answers the items a person selected (`select`);
 * - content is rich text HTML and is kept exactly as written (bold, links,
 *   lists: https://developers.miro.com/v1.0/reference/rich-text);
 * - `board.group({ items })` groups two or more items that are neither
 *   grouped nor locked; members carry `groupId`, a group has no metadata,
 *   `group.ungroup()` lets them go, and a group added to a frame brings its
 *   items into the frame (https://developers.miro.com/docs/websdk-reference-group);
 * - a locked item refuses `sync`, `setMetadata`, `remove` and `frame.add`
 *   with a 403 "locked" error: a person locked it, and locked objects cannot
 *   be moved, edited or deleted until someone unlocks them
 *   (https://help.miro.com/hc/en-us/articles/4408887253778-Locking-content-on-the-board);
 *   the SDK shows no `locked` field, so neither does the fake;
 * - `get({ id: [...] })` answers the items with those ids, groups included;
 * - with `rateLimit`, calls over 100,000 credits in the last minute or
 *   1,000,000 in the last hour are refused with the rate-limit error
 *   (https://developers.miro.com/docs/websdk-reference-rate-limiting).
 *
 * Items handed out are copies: changes reach the board only through
 * `sync()`, which writes the fields the app changed on the object (or, with
 * `syncWrites: 'all'`, every field it holds). Every call is logged; failures
 * and rate-limit bursts can be scripted, and a second person can act
 * between any two calls (`onBeforeCall`, `betweenCalls`).
 */

/** One logged Web SDK call. */
export interface FakeCall {
  method: string;
  /** Item id or type the call was about. */
  target: string;
  /** The id of the item a create call made. */
  createdId?: string;
}

/** A stored board item (plain data, SDK-visible coordinates). */
export interface FakeRecord {
  id: string;
  type: string;
  parentId: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
  content?: string;
  title?: string;
  shape?: string;
  style: Record<string, unknown>;
  start?: { item?: string; snapTo?: string; position?: { x: number; y: number } };
  end?: { item?: string; snapTo?: string; position?: { x: number; y: number } };
  childrenIds: string[];
  metadata: Record<string, unknown>;
  /** The group the item belongs to. */
  groupId?: string;
  /** Groups only: the ids of their items. */
  itemsIds?: string[];
  /** A person locked the item: the app's writes to it are refused. Not visible through the SDK. */
  locked?: boolean;
  /** Sticky notes (and cards): the tags on it, by id. */
  tagIds?: string[];
  /** Tags only: the colour of the tag. */
  color?: string;
  /** Images only: where the picture comes from. */
  url?: string;
}

/** Options of the fake board. */
export interface FakeMiroBoardOptions {
  /** Milliseconds every call takes (round trip to Miro), for benchmarks; default none. */
  latencyMs?: number;
  /** Credits one call costs; Miro charges 50 for most item calls. */
  creditsPerCall?: number;
  /** The viewport: x and y are its top-left corner (https://developers.miro.com/docs/viewport). */
  viewport?: { x: number; y: number; width: number; height: number };
  /** Refuse storage values whose JSON takes more bytes than this; Miro documents no limit. */
  storageValueLimitBytes?: number;
  /**
   * Enforce Miro's credit budgets on the clock `now`: calls over
   * `creditsPerMinute` (default 100,000) in the last minute or
   * `creditsPerHour` (default 1,000,000) in the last hour fail with the
   * rate-limit error and are not charged. Off when absent.
   */
  rateLimit?: { now: () => number; creditsPerMinute?: number; creditsPerHour?: number };
  /**
   * What `sync()` writes. `changed` (the default): the fields the app
   * changed on the object since it was handed out (a style field by field),
   * as Miro's guide describes it: "Edit the values of the properties that
   * you want to change. Use the sync method to propagate the changes to the
   * board" (https://developers.miro.com/docs/update-and-sync-item-properties).
   * `all`: every field the object holds, as read or as changed, so a field a
   * person changed since the object was read is set back: the harsher case,
   * for tests of what an app must read afresh.
   */
  syncWrites?: 'changed' | 'all';
}

/** A second person's action between two calls; told which call is about to run. */
export type FakeCallHook = (call: FakeCall) => void | Promise<void>;

/** One storage collection, as `miro.board.storage.collection(name)` returns it. */
export interface FakeCollection {
  set(key: string, value: unknown): Promise<void>;
  get(key: string): Promise<unknown>;
  remove(key: string): Promise<void>;
  onValue(key: string, handler: (value: unknown, version: string) => void): Promise<void>;
  offValue(key: string, handler: (value: unknown, version: string) => void): Promise<void>;
}

interface FailureRule {
  method: string | undefined;
  skip: number;
  remaining: number;
  createError: () => Error;
}

/** Write methods: what an unchanged regenerate must not call. */
export const FAKE_WRITE_METHODS: ReadonlySet<string> = new Set([
  'board.createFrame',
  'board.createStickyNote',
  'board.createShape',
  'board.createText',
  'board.createConnector',
  'board.createImage',
  'board.remove',
  'item.sync',
  'item.setMetadata',
  'item.sendToBack',
  'frame.add',
  'frame.remove',
  'storage.set',
  'storage.remove',
  'board.group',
  'group.ungroup',
  'board.createTag',
]);

/**
 * The colours a tag takes (TagColor in @mirohq/websdk-types;
 * https://developers.miro.com/docs/websdk-reference-tag).
 */
const TAG_COLORS = ['red', 'magenta', 'violet', 'light_green', 'green', 'dark_green', 'cyan', 'blue', 'dark_blue', 'yellow', 'gray', 'black', 'dark_gray'] as const;

const STICKY_NOTE_COLORS = [
  'gray',
  'light_yellow',
  'yellow',
  'orange',
  'light_green',
  'green',
  'dark_green',
  'cyan',
  'light_pink',
  'pink',
  'violet',
  'red',
  'light_blue',
  'blue',
  'dark_blue',
  'black',
] as const satisfies readonly StickyNoteColorType[];
// Compile-time check that the list above is exactly the SDK's enum.
type MissingStickyColor = Exclude<StickyNoteColorType, (typeof STICKY_NOTE_COLORS)[number]>;
const EVERY_STICKY_COLOR_LISTED: MissingStickyColor extends never ? true : false = true;
void EVERY_STICKY_COLOR_LISTED;

const SHAPE_TYPES: ReadonlySet<string> = new Set([
  'rectangle',
  'circle',
  'triangle',
  'wedge_round_rectangle_callout',
  'round_rectangle',
  'rhombus',
  'parallelogram',
  'star',
  'right_arrow',
  'left_arrow',
  'pentagon',
  'hexagon',
  'octagon',
  'trapezoid',
  'flow_chart_predefined_process',
  'left_right_arrow',
  'cloud',
  'left_brace',
  'right_brace',
  'cross',
  'can',
]);
type StrokeCap = NonNullable<Connector['style']['startStrokeCap']>;
const STROKE_CAPS: ReadonlySet<StrokeCap> = new Set<StrokeCap>([
  'none',
  'stealth',
  'rounded_stealth',
  'arrow',
  'filled_triangle',
  'triangle',
  'filled_diamond',
  'diamond',
  'filled_oval',
  'oval',
  'erd_one',
  'erd_many',
  'erd_one_or_many',
  'erd_only_one',
  'erd_zero_or_many',
  'erd_zero_or_one',
]);
const CONNECTOR_SHAPES: ReadonlySet<string> = new Set(['straight', 'elbowed', 'curved']);
// Sticky defaults: square 199 × 228 dp (the height includes the shadow).
const STICKY_WIDTH = 199;
const STICKY_HEIGHT = 228;
const METADATA_LIMIT_BYTES = 256;
const DEFAULT_CREDITS_PER_CALL = 50;
const HEX_COLOR = /^#[0-9a-f]{6}$/i;
// Fields sync() writes back, per item type.
const MUTABLE_FIELDS: Readonly<Record<string, readonly (keyof FakeRecord)[]>> = {
  frame: ['x', 'y', 'width', 'height', 'title', 'style'],
  sticky_note: ['x', 'y', 'width', 'height', 'content', 'shape', 'style', 'tagIds'],
  tag: ['title', 'color'],
  shape: ['x', 'y', 'width', 'height', 'content', 'shape', 'style'],
  text: ['x', 'y', 'width', 'content', 'style'],
  connector: ['start', 'end', 'shape', 'style'],
};

/** The error the fake throws for calls over the credit budget. */
export function createRateLimitError(): Error {
  return new Error('Rate limit exceeded: the app used its 100000 credits for this minute; wait for new credits.');
}

/**
 * The error the fake throws for a write to a locked item. Miro documents no
 * message for it; the fake answers as Miro's REST API answers a refused
 * write (403, https://developers.miro.com/v1.0/reference/errors), naming the lock.
 */
export function createLockedError(id: string): Error {
  return Object.assign(new Error(`Item ${id} is locked: a person locked it on the board, so it cannot be changed or removed until someone unlocks it.`), {
    status: 403,
    code: 'insufficientPermissions',
  });
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
// Miro's budgets (https://developers.miro.com/docs/websdk-reference-rate-limiting).
const MIRO_CREDITS_PER_MINUTE = 100_000;
const MIRO_CREDITS_PER_HOUR = 1_000_000;

const clone = <T>(value: T): T => structuredClone(value);

/** An in-memory Miro board; see the module comment for what it enforces. */
export class FakeMiroBoard {
  /** Every call, in the order it was made. */
  readonly calls: FakeCall[] = [];
  /** Credits charged for calls that Miro accepted. */
  creditsSpent = 0;
  /** Writes that have taken effect (FAKE_WRITE_METHODS); never reset, so a view of the board can tell it changed. */
  writesDone = 0;
  /** The most calls that were in flight at the same time. */
  maxInFlight = 0;
  /** Ids of the items the viewport zoomed to, per `viewport.zoomTo` call. */
  readonly zooms: string[][] = [];
  readonly viewport: { get(): Promise<FakeMiroBoardOptions['viewport'] & object>; zoomTo(items: unknown): Promise<void> };
  /** `miro.board.storage`. */
  readonly storage: { collection(name: string): FakeCollection };

  private readonly records = new Map<string, FakeRecord>();
  private viewportRect: { x: number; y: number; width: number; height: number };
  private readonly stored = new Map<string, Map<string, unknown>>();
  private readonly storageValueLimitBytes: number | undefined;
  private selectedIds: string[] = [];
  private readonly failures: FailureRule[] = [];
  private randomFailure: { rate: number; random: () => number } | undefined;
  private readonly creditsPerCall: number;
  private readonly latencyMs: number;
  private inFlight = 0;
  private createdCount = 0;
  private readonly hooks: FakeCallHook[] = [];
  private runningHook = false;
  private readonly rateLimit: FakeMiroBoardOptions['rateLimit'];
  private readonly syncWrites: 'changed' | 'all';
  /** What each SDK object held when it was handed out (or last synced): `sync()` writes what changed since. */
  private readonly baselines = new WeakMap<object, Record<string, unknown>>();
  /** Times and credits of the calls charged in the last hour, oldest first. */
  private readonly charged: { at: number; credits: number }[] = [];

  constructor(options: FakeMiroBoardOptions = {}) {
    this.creditsPerCall = options.creditsPerCall ?? DEFAULT_CREDITS_PER_CALL;
    this.latencyMs = options.latencyMs ?? 0;
    this.storageValueLimitBytes = options.storageValueLimitBytes;
    this.rateLimit = options.rateLimit;
    this.syncWrites = options.syncWrites ?? 'changed';
    this.storage = { collection: (name: string) => this.createCollection(name) };
    this.viewportRect = { ...(options.viewport ?? { x: -960, y: -540, width: 1920, height: 1080 }) };
    this.viewport = {
      get: () => this.callAsync('viewport.get', 'viewport', () => ({ ...this.viewportRect })),
      zoomTo: (items: unknown) =>
        this.callAsync('viewport.zoomTo', 'viewport', () => {
          const list = (Array.isArray(items) ? items : [items]) as { id: string }[];
          for (const item of list) this.requireRecord(item.id);
          this.zooms.push(list.map((item) => item.id));
        }),
    };
  }

  /** The fake, typed as the SDK's `miro.board`. */
  asBoard(): Board {
    return this as unknown as Board;
  }

  // ---------------------------------------------------------------- scripting

  /** Makes the `nth` next call of `method` (1-based) fail with `error`, and the `times - 1` calls of it after that too (a retried call fails again). */
  failNthCall(method: string, nth: number, error: Error = new Error(`${method} failed: the board is temporarily unavailable`), times = 1): void {
    this.failures.push({ method, skip: nth - 1, remaining: times, createError: () => error });
  }

  /**
   * Makes `count` calls (of `method`, or of any method) fail with Miro's
   * rate-limit error, starting after `afterCalls` more such calls succeed.
   */
  failWithRateLimit(count: number, options: { method?: string; afterCalls?: number } = {}): void {
    this.failures.push({ method: options.method, skip: options.afterCalls ?? 0, remaining: count, createError: createRateLimitError });
  }

  /**
   * From now on each write call fails with probability `rate` (draws from
   * `random`), except `board.remove`: a run's clean-up of a half-drawn item.
   */
  failRandomly(rate: number, random: () => number): void {
    this.randomFailure = { rate, random };
  }

  /**
   * Calls `hook` before every later call runs, as a second person acting
   * between two calls of the app (their edits go through the by-hand
   * helpers: no call, no credits). Returns a function that removes it.
   */
  onBeforeCall(hook: FakeCallHook): () => void {
    this.hooks.push(hook);
    return () => {
      const index = this.hooks.indexOf(hook);
      if (index !== -1) this.hooks.splice(index, 1);
    };
  }

  /** Runs `hook` once, right before the call that follows `afterCalls` further calls (0: before the next one). */
  betweenCalls(afterCalls: number, hook: FakeCallHook): void {
    let left = afterCalls;
    const remove = this.onBeforeCall((call) => {
      if (left > 0) {
        left -= 1;
        return undefined;
      }
      remove();
      return hook(call);
    });
  }

  /** Clears the call log, the credits and the in-flight maximum. */
  resetLog(): void {
    this.calls.length = 0;
    this.creditsSpent = 0;
    this.maxInFlight = 0;
  }

  /** Calls that change the board. */
  listWriteCalls(): FakeCall[] {
    return this.calls.filter((call) => FAKE_WRITE_METHODS.has(call.method));
  }

  /** Puts an item on the board as a person would: no call, no credits, no metadata. */
  seedItem(props: Partial<FakeRecord> & { type: string }): FakeRecord {
    const record = this.createRecord(props.type, props);
    if (record.parentId) this.requireRecord(record.parentId).childrenIds.push(record.id);
    return clone(record);
  }

  /** Copies of every stored item. */
  listRecords(): FakeRecord[] {
    return [...this.records.values()].map(clone);
  }

  /** The stored item with `id`, or undefined. */
  findRecord(id: string): FakeRecord | undefined {
    const record = this.records.get(id);
    return record ? clone(record) : undefined;
  }

  /** An item's centre in board coordinates, whatever its parent. */
  findBoardCentre(id: string): { x: number; y: number } {
    const record = this.requireRecord(id);
    if (!record.parentId) return { x: record.x, y: record.y };
    const parent = this.requireRecord(record.parentId);
    return { x: parent.x - parent.width / 2 + record.x, y: parent.y - parent.height / 2 + record.y };
  }

  /** Changes an item as a person would (edit text, drag, resize): no call, no credits, metadata kept. */
  /** A person puts tags on a sticky, or takes them off, by tag id. */
  setTagsByHand(id: string, tagIds: readonly string[]): FakeRecord {
    const record = this.requireRecord(id);
    for (const tagId of tagIds) if (this.records.get(tagId)?.type !== 'tag') throw new Error(`no tag ${tagId} on the board`);
    record.tagIds = [...tagIds];
    return clone(record);
  }

  /** A person makes a tag (in a sticky's tag menu). */
  createTagByHand(title: string, color = 'red'): FakeRecord {
    return clone(this.createRecord('tag', { title, color }));
  }

  editItem(id: string, patch: Partial<Pick<FakeRecord, 'x' | 'y' | 'width' | 'height' | 'content' | 'title' | 'style'>>): FakeRecord {
    const record = this.requireRecord(id);
    Object.assign(record, clone(patch));
    return clone(record);
  }

  /**
   * Deletes an item as a person would in Miro: its connectors go with it,
   * and a frame takes the items inside it along.
   */
  removeItemByHand(id: string): void {
    const record = this.requireRecord(id);
    for (const childId of [...record.childrenIds]) this.deleteRecord(childId);
    this.deleteRecord(id);
  }

  /**
   * Drags an item as a person would, its centre to `centre` in board
   * coordinates: dropped inside a frame it becomes that frame's child
   * (positioned relative to the frame), dropped outside every frame it is a
   * top-level item. No call, no credits, metadata kept.
   */
  dragItemByHand(id: string, centre: { x: number; y: number }): FakeRecord {
    const record = this.requireRecord(id);
    const frame = [...this.records.values()].find(
      (candidate) =>
        candidate.type === 'frame' &&
        candidate.id !== id &&
        Math.abs(centre.x - candidate.x) <= candidate.width / 2 &&
        Math.abs(centre.y - candidate.y) <= candidate.height / 2,
    );
    if (record.parentId) {
      const parent = this.requireRecord(record.parentId);
      parent.childrenIds = parent.childrenIds.filter((childId) => childId !== id);
    }
    record.parentId = frame?.id ?? null;
    if (frame) {
      frame.childrenIds.push(id);
      record.x = centre.x - (frame.x - frame.width / 2);
      record.y = centre.y - (frame.y - frame.height / 2);
    } else {
      record.x = centre.x;
      record.y = centre.y;
    }
    return clone(record);
  }

  /**
   * A person's Duplicate of one item, dropped with its centre at `centre`
   * (board coordinates). Whether Miro copies app metadata is not documented;
   * `copyMetadata` says which to assume. Returns the copy.
   */
  duplicateItemByHand(id: string, centre: { x: number; y: number }, options: { copyMetadata: boolean }): FakeRecord {
    const source = this.requireRecord(id);
    const copy = this.createRecord(source.type, { ...clone(source), parentId: null, childrenIds: [], metadata: options.copyMetadata ? clone(source.metadata) : {} });
    return this.dragItemByHand(copy.id, centre);
  }

  /** Pans or zooms the board as a person would: what `viewport.get()` answers from now on. No call. */
  setViewportByHand(rect: { x: number; y: number; width: number; height: number }): void {
    this.viewportRect = { ...rect };
  }

  /**
   * Groups items as a person would (Miro's Group): they keep their places
   * and their frame. Items already in a group leave it for the new one (a
   * person selecting them and clicking Group regroups them; a group left
   * with one item ends); items that already form one group stay as they
   * are. Refuses what Miro refuses: fewer than two items, a locked item.
   * Returns the group's id.
   */
  groupByHand(ids: readonly string[]): string {
    const members = [...new Set(ids)].map((id) => this.requireRecord(id));
    const [first] = members;
    const same = first?.groupId === undefined ? undefined : this.records.get(first.groupId);
    if (same && members.every((member) => member.groupId === same.id) && (same.itemsIds ?? []).length === members.length) return same.id;
    for (const member of members) {
      if (member.locked) throw new Error(`group: item ${member.id} is locked; locked elements cannot be grouped.`);
    }
    for (const member of members) {
      if (member.groupId === undefined) continue;
      const group = this.records.get(member.groupId);
      delete member.groupId;
      if (!group) continue;
      group.itemsIds = (group.itemsIds ?? []).filter((memberId) => memberId !== member.id);
      if (group.itemsIds.length < 2) this.dissolveGroup(group);
    }
    return this.createGroup(members).id;
  }

  /** Ungroups a group as a person would: its items stay where they are. */
  ungroupByHand(groupId: string): void {
    this.dissolveGroup(this.requireGroup(groupId));
  }

  /**
   * Gives a sticky or shape another fill, as a person would: a sticky takes
   * the named colour, or the one of Miro's sticky palette nearest to a
   * `#rrggbb` (stickies take no other, https://developers.miro.com/docs/websdk-reference-sticky-note);
   * a shape takes the hex colour.
   */
  recolourByHand(id: string, fill: string): FakeRecord {
    const record = this.requireRecord(id);
    if (record.type === 'sticky_note') record.style = { ...record.style, fillColor: fill in MIRO_STICKY_HEX ? fill : findNearestStickyColor(fill) };
    else if (record.type === 'shape' || record.type === 'frame') {
      if (!HEX_COLOR.test(fill)) throw new Error(`recolourByHand: a ${record.type} takes a hex colour like '#ff0000', received ${JSON.stringify(fill)}.`);
      record.style = { ...record.style, fillColor: fill };
    } else throw new Error(`recolourByHand: a ${record.type} has no fill to change.`);
    return clone(record);
  }

  /**
   * Styles characters `start` to `end` (UTF-16 offsets into the plain text,
   * lines joined by `\n`) of a sticky's, shape's or text's content, as a
   * person would with Miro's text toolbar: bold, italic, a link. The content
   * stays Miro HTML.
   */
  styleTextByHand(id: string, range: { start: number; end: number }, style: { bold?: boolean; italic?: boolean; link?: string }): FakeRecord {
    const record = this.requireRecord(id);
    if (record.content === undefined) throw new Error(`styleTextByHand: a ${record.type} holds no text to style.`);
    record.content = formatRichTextAsHtml(styleRichText(parseMiroHtml(record.content), range, style));
    return clone(record);
  }

  /** Locks (or unlocks) an item as a person would: the app's writes to it are refused while it is locked. */
  lockByHand(id: string, locked = true): FakeRecord {
    const record = this.requireRecord(id);
    if (locked) record.locked = true;
    else delete record.locked;
    return clone(record);
  }

  /** Ids of the selected items (a person's or the app's `select`), without a call. */
  listSelectedIds(): string[] {
    return this.selectedIds.filter((id) => this.records.has(id));
  }

  /** Selects items as a person would; `getSelection()` answers them. */
  selectByHand(ids: readonly string[]): void {
    for (const id of ids) this.requireRecord(id);
    this.selectedIds = [...ids];
  }

  /** `board.select({ id })`: selects the items with those ids (any other filter is refused here). */
  select(filter: { id?: string | string[] } = {}): Promise<unknown[]> {
    return this.callAsync('board.select', 'selection', () => {
      const ids = filter.id === undefined ? [] : Array.isArray(filter.id) ? filter.id : [filter.id];
      for (const id of ids) this.requireRecord(id);
      this.selectedIds = [...ids];
      return ids.map((id) => this.toItem(this.requireRecord(id)));
    });
  }

  /**
   * Duplicates a frame with its children and the connectors between them,
   * as a person's Duplicate would, `dx` to the right. Whether Miro copies
   * app metadata is not documented; `copyMetadata` says which to assume.
   * Returns the new frame's record.
   */
  duplicateFrame(frameId: string, options: { dx: number; copyMetadata: boolean }): FakeRecord {
    const frame = this.requireRecord(frameId);
    const copyOf = (record: FakeRecord, patch: Partial<FakeRecord>): FakeRecord =>
      this.createRecord(record.type, { ...clone(record), childrenIds: [], metadata: options.copyMetadata ? clone(record.metadata) : {}, ...patch });
    const newFrame = copyOf(frame, { x: frame.x + options.dx });
    const ids = new Map<string, string>([[frame.id, newFrame.id]]);
    const groups = new Map<string, string[]>();
    for (const childId of frame.childrenIds) {
      const source = this.requireRecord(childId);
      const child = copyOf(source, { parentId: newFrame.id });
      delete child.locked;
      delete child.groupId;
      newFrame.childrenIds.push(child.id);
      ids.set(childId, child.id);
      if (source.groupId) groups.set(source.groupId, [...(groups.get(source.groupId) ?? []), child.id]);
    }
    // A group copied whole is a new group of the copies.
    for (const members of groups.values()) if (members.length >= 2) this.createGroup(members.map((id) => this.requireRecord(id)));
    for (const record of [...this.records.values()]) {
      if (record.type !== 'connector') continue;
      const start = ids.get(record.start?.item ?? '');
      const end = ids.get(record.end?.item ?? '');
      if (start && end) copyOf(record, { start: { ...record.start, item: start }, end: { ...record.end, item: end } });
    }
    return clone(newFrame);
  }

  /** The value stored under `key` in storage collection `name`, or undefined. */
  findStored(name: string, key: string): unknown {
    return clone(this.stored.get(name)?.get(key));
  }

  /** The keys stored in storage collection `name`, sorted. */
  listStoredKeys(name: string): string[] {
    return [...(this.stored.get(name)?.keys() ?? [])].sort();
  }

  // ------------------------------------------------------------ board methods

  /** `miro.board.get`: every item, or those matching `{ type }` / `{ id }`. */
  get(filter?: { type?: string | string[]; id?: string | string[] }): Promise<unknown[]> {
    return this.callAsync('board.get', describeFilter(filter), () => {
      const types = filter?.type === undefined ? undefined : new Set([filter.type].flat());
      const ids = filter?.id === undefined ? undefined : new Set([filter.id].flat());
      return [...this.records.values()].filter((record) => (!types || types.has(record.type)) && (!ids || ids.has(record.id))).map((record) => this.toItem(record));
    });
  }

  /**
   * `miro.board.getUserInfo`: the person using the app, `{ id, name, email }`
   * (https://developers.miro.com/changelog/2024-04-16).
   */
  getUserInfo(): Promise<{ id: string; name: string; email: string }> {
    return this.callAsync('board.getUserInfo', 'board', () => ({ id: '3074457345618265000', name: 'Playground user', email: 'user@example.com' }));
  }

  /** `miro.board.getSelection`: the items a person selected. */
  getSelection(): Promise<unknown[]> {
    return this.callAsync('board.getSelection', 'board', () => this.selectedIds.filter((id) => this.records.has(id)).map((id) => this.toItem(this.requireRecord(id))));
  }

  /** `miro.board.getById`. */
  getById(id: string): Promise<unknown> {
    return this.callAsync('board.getById', id, () => this.toItem(this.requireRecord(id)));
  }

  /**
   * `miro.board.group({ items })`: groups two or more items that are
   * neither grouped nor locked (https://developers.miro.com/docs/websdk-reference-group).
   */
  group(props: { items: readonly { id: string }[] }): Promise<unknown> {
    return this.callAsync('board.group', 'group', () => this.toItem(this.createGroup(props.items.map((item) => this.requireRecord(item.id)))));
  }

  /** `miro.board.createFrame`. */
  createFrame(props: Partial<FakeRecord> = {}): Promise<unknown> {
    return this.callAsync('board.createFrame', 'frame', () => {
      if (props.style?.fillColor !== undefined && !HEX_COLOR.test(JSON.stringify(props.style.fillColor).slice(1, -1))) {
        throw new Error(`createFrame: style.fillColor must be a hex colour like '#ffffff', received ${JSON.stringify(props.style.fillColor)}.`);
      }
      return this.toItem(this.createRecord('frame', { width: 100, height: 100, title: '', ...props }));
    });
  }

  /**
   * `miro.board.createTag({ title, color })`: a tag of the board, which
   * sticky notes and cards carry by id in `tagIds`
   * (https://developers.miro.com/docs/websdk-reference-tag).
   */
  createTag(props: { title?: string; color?: string } = {}): Promise<unknown> {
    return this.callAsync('board.createTag', 'tag', () => {
      const color = props.color ?? 'red';
      if (!(TAG_COLORS as readonly string[]).includes(color)) throw new Error(`createTag: color must be a TagColor (${TAG_COLORS.join(', ')}), received ${JSON.stringify(color)}.`);
      return this.toItem(this.createRecord('tag', { title: props.title ?? '', color }));
    });
  }

  /** `miro.board.createStickyNote`. */
  createStickyNote(props: Partial<FakeRecord> = {}): Promise<unknown> {
    return this.callAsync('board.createStickyNote', 'sticky_note', () => {
      validateStickyStyle(props.style);
      this.validateTagIds(props.tagIds);
      const size = sizeSticky(props.width, props.height, props.shape);
      return this.toItem(this.createRecord('sticky_note', { shape: 'square', content: '', ...props, ...size, style: { fillColor: 'light_yellow', ...props.style } }));
    });
  }

  /** `miro.board.createShape`. */
  createShape(props: Partial<FakeRecord> = {}): Promise<unknown> {
    return this.callAsync('board.createShape', 'shape', () => {
      const shape = props.shape ?? 'rectangle';
      if (!SHAPE_TYPES.has(shape)) throw new Error(`createShape: unknown shape '${shape}'; use a ShapeType value such as 'round_rectangle'.`);
      validateHexColors('createShape', props.style, ['fillColor', 'borderColor', 'color']);
      return this.toItem(this.createRecord('shape', { width: 100, height: 100, content: '', ...props, shape }));
    });
  }

  /** `miro.board.createText`. */
  createText(props: Partial<FakeRecord> = {}): Promise<unknown> {
    return this.callAsync('board.createText', 'text', () => {
      if (props.height !== undefined) throw new Error('createText: a text item takes only a width; its height follows its content.');
      validateHexColors('createText', props.style, ['color']);
      const record = this.createRecord('text', { width: 100, content: '', ...props });
      record.height = measureTextHeight(record);
      return this.toItem(record);
    });
  }

  /**
   * `miro.board.createImage({ url, width | height })`: the picture at a
   * public address or a data URL
   * (https://developers.miro.com/docs/upload-images-and-svgs-as-base64-encoded-strings).
   * It takes a width or a height, not both, and keeps the picture's
   * proportions; a data URL that is no PNG, JPEG or GIF is refused.
   */
  createImage(props: Partial<FakeRecord> & { url?: string } = {}): Promise<unknown> {
    return this.callAsync('board.createImage', 'image', () => {
      if (typeof props.url !== 'string') throw new Error('createImage: url is required.');
      if (props.width !== undefined && props.height !== undefined) throw new Error('createImage: set either width or height; the image keeps its proportions.');
      const size = readImageSize(props.url);
      const width = props.width ?? (props.height !== undefined ? (props.height * size.width) / size.height : size.width);
      return this.toItem(this.createRecord('image', { title: '', ...props, width, height: (width * size.height) / size.width }));
    });
  }

  /** `miro.board.createConnector`. */
  createConnector(props: Partial<FakeRecord> = {}): Promise<unknown> {
    return this.callAsync('board.createConnector', 'connector', () => {
      for (const [name, end] of [
        ['start', props.start],
        ['end', props.end],
      ] as const) {
        if (!end?.item) throw new Error(`createConnector: ${name}.item is required; Miro cannot create loose or dangling connectors.`);
        this.requireRecord(end.item);
        if (end.snapTo !== undefined && end.position !== undefined) throw new Error(`createConnector: ${name} takes snapTo or position, not both.`);
      }
      validateConnector(props);
      return this.toItem(this.createRecord('connector', { shape: 'curved', ...props, style: { ...props.style } }));
    });
  }

  /** `miro.board.remove`: also removes connectors attached to the item. */
  remove(item: { id: string }): Promise<void> {
    return this.callAsync('board.remove', item.id, () => {
      const record = this.requireWritable(item.id);
      // Removing a group removes its items (https://developers.miro.com/changelog/2024-01-25).
      for (const memberId of record.itemsIds ?? []) this.deleteRecord(memberId);
      this.deleteRecord(item.id);
    });
  }

  /**
   * `miro.board.findEmptySpace`: the requested centred rectangle, moved right
   * past top-level items until it keeps `offset` away from all of them.
   */
  findEmptySpace(rect: { x: number; y: number; width: number; height: number; offset?: number }): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.callAsync('board.findEmptySpace', 'board', () => {
      const offset = rect.offset ?? 0;
      const candidate = { ...rect };
      for (let moved = true; moved; ) {
        moved = false;
        for (const record of this.records.values()) {
          if (record.parentId || record.type === 'connector' || record.type === 'group') continue;
          const overlaps =
            Math.abs(record.x - candidate.x) < (record.width + candidate.width) / 2 + offset &&
            Math.abs(record.y - candidate.y) < (record.height + candidate.height) / 2 + offset;
          if (overlaps) {
            candidate.x = record.x + record.width / 2 + offset + candidate.width / 2;
            moved = true;
          }
        }
      }
      return { x: candidate.x, y: candidate.y, width: rect.width, height: rect.height };
    });
  }

  // ---------------------------------------------------------------- internals

  private createCollection(name: string): FakeCollection {
    const values = (): Map<string, unknown> => {
      let collection = this.stored.get(name);
      if (!collection) {
        collection = new Map();
        this.stored.set(name, collection);
      }
      return collection;
    };
    const requireKey = (method: string, key: unknown): string => {
      if (typeof key !== 'string') throw new Error(`${method}: the key must be a string, received ${typeof key}.`);
      return key;
    };
    return {
      set: (key, value) =>
        this.callAsync('storage.set', `${name}/${String(key)}`, () => {
          const text = JSON.stringify(value);
          if (text === undefined) throw new Error(`storage.set: the value of ${String(key)} is not serialisable to JSON.`);
          const bytes = new TextEncoder().encode(text).length;
          if (this.storageValueLimitBytes !== undefined && bytes > this.storageValueLimitBytes) {
            throw new Error(`storage.set: the value of ${String(key)} takes ${bytes} bytes, over the ${this.storageValueLimitBytes} this board allows.`);
          }
          values().set(requireKey('storage.set', key), JSON.parse(text));
        }),
      get: (key) => this.callAsync('storage.get', `${name}/${String(key)}`, () => clone(values().get(requireKey('storage.get', key)))),
      remove: (key) =>
        this.callAsync('storage.remove', `${name}/${String(key)}`, () => {
          values().delete(requireKey('storage.remove', key));
        }),
      onValue: () => Promise.resolve(),
      offValue: () => Promise.resolve(),
    };
  }

  private async callAsync<T>(method: string, target: string, run: () => T): Promise<T> {
    const call: FakeCall = { method, target };
    if (this.hooks.length > 0 && !this.runningHook) {
      // A second person acts before this call reaches the board. Hooks are
      // told of every call at once; only one that acts (returns a promise)
      // holds the call, and calls it makes itself are not told again.
      for (const hook of [...this.hooks]) {
        const acting = hook(call);
        if (!acting) continue;
        this.runningHook = true;
        try {
          await acting;
        } finally {
          this.runningHook = false;
        }
      }
    }
    this.calls.push(call);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    // The rate limit admits or refuses a call when it reaches Miro, and
    // counts it against the minute and the hour from then: a call still on
    // its way back when the minute turns was charged to the minute it came in.
    const overBudget = this.checkBudget();
    const charge = !overBudget && this.rateLimit ? { at: this.rateLimit.now(), credits: this.creditsPerCall } : undefined;
    if (charge) this.charged.push(charge);
    try {
      // A macrotask per call lets concurrent calls overlap as they would over
      // postMessage (setImmediate where there is one: no 1 ms timer clamp).
      if (this.latencyMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, this.latencyMs));
      else await new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
      const failure = this.takeFailure(method) ?? overBudget;
      if (failure) {
        // Miro charges no credits for a call it refuses for its rate limit.
        if (charge && isRateLimitError(failure)) this.charged.splice(this.charged.indexOf(charge), 1);
        throw failure;
      }
      const result = run();
      if (method.startsWith('board.create') && typeof result === 'object' && result !== null && typeof (result as { id?: unknown }).id === 'string') {
        call.createdId = (result as unknown as { id: string }).id;
      }
      this.creditsSpent += this.creditsPerCall;
      if (FAKE_WRITE_METHODS.has(method)) this.writesDone += 1;
      return result;
    } finally {
      this.inFlight -= 1;
    }
  }

  /** The rate-limit error when one more call would exceed the minute's or the hour's budget; undefined without `rateLimit`. */
  private checkBudget(): Error | undefined {
    const limit = this.rateLimit;
    if (!limit) return undefined;
    const now = limit.now();
    while (this.charged.length > 0 && (this.charged[0]?.at ?? 0) <= now - HOUR_MS) this.charged.shift();
    let hour = 0;
    let minute = 0;
    for (const entry of this.charged) {
      hour += entry.credits;
      if (entry.at > now - MINUTE_MS) minute += entry.credits;
    }
    if (minute + this.creditsPerCall > (limit.creditsPerMinute ?? MIRO_CREDITS_PER_MINUTE)) return createRateLimitError();
    if (hour + this.creditsPerCall > (limit.creditsPerHour ?? MIRO_CREDITS_PER_HOUR)) {
      return new Error(`Rate limit exceeded: the app used its ${limit.creditsPerHour ?? MIRO_CREDITS_PER_HOUR} credits for this hour; wait for new credits.`);
    }
    return undefined;
  }

  private takeFailure(method: string): Error | undefined {
    const random = this.randomFailure;
    if (random && FAKE_WRITE_METHODS.has(method) && method !== 'board.remove' && random.random() < random.rate) {
      return new Error(`${method} failed: simulated random failure`);
    }
    for (const rule of this.failures) {
      if (rule.remaining === 0 || (rule.method !== undefined && rule.method !== method)) continue;
      if (rule.skip > 0) {
        rule.skip -= 1;
        continue;
      }
      rule.remaining -= 1;
      return rule.createError();
    }
    return undefined;
  }

  private createRecord(type: string, props: Partial<FakeRecord>): FakeRecord {
    this.createdCount += 1;
    const record: FakeRecord = {
      x: 0,
      y: 0,
      width: 0,
      height: 0,
      parentId: null,
      childrenIds: [],
      metadata: {},
      ...clone(props),
      style: clone(props.style ?? {}),
      // Miro ids are 19-digit numbers, beyond Number's exact range.
      id: (3074457345618258000n + BigInt(this.createdCount)).toString(),
      type,
    };
    this.records.set(record.id, record);
    return record;
  }

  private requireRecord(id: string): FakeRecord {
    const record = this.records.get(id);
    if (!record) throw new Error(`Item ${id} does not exist on the board (it was removed, or the id is wrong).`);
    return record;
  }

  /** The record of an item the app may change; throws Miro's refusal for a locked one. */
  private requireWritable(id: string): FakeRecord {
    const record = this.requireRecord(id);
    if (record.locked) throw createLockedError(id);
    return record;
  }

  private requireGroup(id: string): FakeRecord {
    const record = this.requireRecord(id);
    if (record.type !== 'group') throw new Error(`Item ${id} is a ${record.type}, not a group.`);
    return record;
  }

  /** Groups `members` as Miro does, or throws what Miro answers. */
  private createGroup(members: readonly FakeRecord[]): FakeRecord {
    if (new Set(members.map((member) => member.id)).size < 2) throw new Error('group: a group takes at least two items.');
    for (const member of members) {
      if (member.groupId) throw new Error(`group: item ${member.id} is already in group ${member.groupId}; previously grouped items cannot be grouped again.`);
      if (member.locked) throw new Error(`group: item ${member.id} is locked; locked elements cannot be grouped.`);
      if (member.type === 'group') throw new Error(`group: item ${member.id} is a group; groups are not grouped.`);
    }
    const group = this.createRecord('group', { itemsIds: [...new Set(members.map((member) => member.id))] });
    for (const member of members) member.groupId = group.id;
    return group;
  }

  /** Ends a group: its items stay, without `groupId`. */
  private dissolveGroup(group: FakeRecord): FakeRecord[] {
    const members = (group.itemsIds ?? []).map((id) => this.records.get(id)).filter((record): record is FakeRecord => record !== undefined);
    for (const member of members) delete member.groupId;
    this.records.delete(group.id);
    return members;
  }

  private deleteRecord(id: string): void {
    const record = this.records.get(id);
    if (!record) return;
    this.records.delete(id);
    if (record.groupId) {
      const group = this.records.get(record.groupId);
      if (group) {
        group.itemsIds = (group.itemsIds ?? []).filter((memberId) => memberId !== id);
        // A group of one is no group: Miro lets the last item go.
        if (group.itemsIds.length < 2) this.dissolveGroup(group);
      }
    }
    if (record.parentId) {
      const parent = this.records.get(record.parentId);
      if (parent) parent.childrenIds = parent.childrenIds.filter((childId) => childId !== id);
    }
    for (const other of [...this.records.values()]) {
      if (other.type === 'connector' && (other.start?.item === id || other.end?.item === id)) this.deleteRecord(other.id);
    }
  }

  /** An SDK item: a copy of the record with the methods the SDK gives it. */
  private toItem(record: FakeRecord): Record<string, unknown> {
    if (record.type === 'group') return this.toGroupItem(record);
    const item: Record<string, unknown> = { ...clone(record) };
    delete item.metadata;
    delete item.locked;
    delete item.itemsIds;
    if (record.groupId === undefined) delete item.groupId;
    this.baselines.set(item, clone(item));
    if (record.type === 'connector') {
      delete item.x;
      delete item.y;
    }
    item.sync = () => this.callAsync('item.sync', record.id, () => this.syncItem(item));
    // Behind every other item (https://developers.miro.com/docs/websdk-reference-stickynote: `sendToBack`); the fake keeps items back to front.
    item.sendToBack = () =>
      this.callAsync('item.sendToBack', record.id, () => {
        const stored = this.requireWritable(record.id);
        const others = [...this.records].filter(([id]) => id !== stored.id);
        this.records.clear();
        this.records.set(stored.id, stored);
        for (const [id, other] of others) this.records.set(id, other);
      });
    item.getMetadata = (key?: string) =>
      this.callAsync('item.getMetadata', record.id, () => {
        const stored = this.requireRecord(record.id).metadata;
        return clone(key === undefined ? stored : stored[key]);
      });
    item.setMetadata = (key: string, value: unknown) =>
      this.callAsync('item.setMetadata', record.id, () => {
        const stored = this.requireWritable(record.id);
        const next = { ...stored.metadata, [key]: clone(value) };
        const bytes = new TextEncoder().encode(JSON.stringify(next)).length;
        if (bytes > METADATA_LIMIT_BYTES) {
          throw new Error(`setMetadata: item metadata would take ${bytes} bytes; Miro allows ${METADATA_LIMIT_BYTES} per item per app.`);
        }
        stored.metadata = next;
        return clone(next);
      });
    if (record.type === 'frame') {
      item.add = (child: Record<string, unknown> & { id: string }) =>
        this.callAsync('frame.add', record.id, () => {
          const frame = this.requireRecord(record.id);
          const stored = this.requireWritable(child.id);
          if (stored.type === 'group') {
            // A group added to a frame brings its items into the frame (https://developers.miro.com/docs/websdk-reference-group).
            for (const memberId of stored.itemsIds ?? []) this.linkToFrame(frame, this.requireWritable(memberId));
            return child;
          }
          // Linking keeps the item where it is; its coordinates become relative to the frame's top-left.
          this.linkToFrame(frame, stored);
          child.x = stored.x;
          child.y = stored.y;
          child.parentId = frame.id;
          const baseline = this.baselines.get(child);
          if (baseline) Object.assign(baseline, { x: stored.x, y: stored.y, parentId: frame.id });
          return child;
        });
      item.getChildren = () =>
        this.callAsync('frame.getChildren', record.id, () => this.requireRecord(record.id).childrenIds.map((id) => this.toItem(this.requireRecord(id))));
    }
    return item;
  }

  /** A group as the SDK hands it out: id, type, its items' ids, and its methods; no metadata. */
  private toGroupItem(record: FakeRecord): Record<string, unknown> {
    const item: Record<string, unknown> = { id: record.id, type: 'group', itemsIds: [...(record.itemsIds ?? [])] };
    item.sync = () => this.callAsync('item.sync', record.id, () => undefined);
    item.getItems = () => this.callAsync('group.getItems', record.id, () => (this.requireGroup(record.id).itemsIds ?? []).map((id) => this.toItem(this.requireRecord(id))));
    item.ungroup = () => this.callAsync('group.ungroup', record.id, () => this.dissolveGroup(this.requireGroup(record.id)).map((member) => this.toItem(member)));
    return item;
  }

  /** Makes `stored` a child of `frame` where it is, as `frame.add` does since Web SDK 2.0. */
  private linkToFrame(frame: FakeRecord, stored: FakeRecord): void {
    if (stored.parentId === frame.id) return;
    if (stored.parentId) throw new Error(`frame.add: item ${stored.id} already belongs to ${stored.parentId}; remove it from that parent first.`);
    stored.parentId = frame.id;
    stored.x -= frame.x - frame.width / 2;
    stored.y -= frame.y - frame.height / 2;
    frame.childrenIds.push(stored.id);
  }

  private validateTagIds(tagIds: unknown): void {
    if (tagIds === undefined) return;
    if (!Array.isArray(tagIds)) throw new Error(`tagIds must be a list of tag ids, received ${JSON.stringify(tagIds)}.`);
    for (const tagId of tagIds) if (this.records.get(String(tagId))?.type !== 'tag') throw new Error(`tagIds: no tag ${String(tagId)} on the board; create it with miro.board.createTag first.`);
  }

  private syncItem(item: Record<string, unknown>): void {
    const stored = this.requireWritable(String(item.id));
    const next = clone(stored);
    const baseline = this.syncWrites === 'changed' ? this.baselines.get(item) : undefined;
    const target = next as unknown as Record<string, unknown>;
    for (const field of MUTABLE_FIELDS[stored.type] ?? []) {
      const value = item[field];
      if (value === undefined) continue;
      if (!baseline) target[field] = clone(value);
      else if (field === 'style' && typeof value === 'object' && value !== null) {
        // Style fields are changes of their own: a colour the app set leaves an alignment a person set.
        const before = (baseline.style ?? {}) as Record<string, unknown>;
        const changed = Object.entries(value as Record<string, unknown>).filter(([key, entry]) => JSON.stringify(entry) !== JSON.stringify(before[key]));
        if (changed.length > 0) target.style = { ...next.style, ...clone(Object.fromEntries(changed)) };
      } else if (JSON.stringify(value) !== JSON.stringify(baseline[field])) target[field] = clone(value);
    }
    if (stored.type === 'sticky_note') {
      validateStickyStyle(next.style);
      this.validateTagIds(next.tagIds);
      const widthChanged = next.width !== stored.width;
      const heightChanged = next.height !== stored.height;
      if (widthChanged && heightChanged) throw new Error('sync: a sticky note takes a new width or a new height, not both; it keeps its aspect ratio.');
      Object.assign(next, sizeSticky(widthChanged ? next.width : undefined, heightChanged ? next.height : undefined, next.shape));
      if (!widthChanged && !heightChanged) Object.assign(next, { width: stored.width, height: stored.height });
    }
    if (stored.type === 'shape') validateHexColors('sync', next.style, ['fillColor', 'borderColor', 'color']);
    if (stored.type === 'text') next.height = measureTextHeight(next);
    if (stored.type === 'connector') validateConnector(next);
    if (stored.type === 'frame') {
      for (const childId of stored.childrenIds) {
        const child = this.requireRecord(childId);
        if (child.x < 0 || child.y < 0 || child.x > next.width || child.y > next.height) {
          throw new Error(`sync: resizing frame ${stored.id} would leave child ${childId} outside it; move or remove the child first.`);
        }
      }
    }
    this.records.set(stored.id, next);
    // The object's data (its methods left out), as the board now holds it.
    this.baselines.set(item, { ...(JSON.parse(JSON.stringify(item)) as Record<string, unknown>), ...clone(next) });
  }
}

function describeFilter(filter: { type?: string | string[]; id?: string | string[] } | undefined): string {
  if (!filter) return 'all';
  return [filter.type, filter.id].flat().filter(Boolean).join(',');
}

function validateStickyStyle(style: Record<string, unknown> | undefined): void {
  const color = style?.fillColor;
  if (color !== undefined && !(STICKY_NOTE_COLORS as readonly unknown[]).includes(color)) {
    throw new Error(`Sticky note fillColor must be a StickyNoteColor (${STICKY_NOTE_COLORS.join(', ')}), received ${JSON.stringify(color)}.`);
  }
}

function sizeSticky(width: number | undefined, height: number | undefined, shape: string | undefined): { width: number; height: number } {
  if (width !== undefined && height !== undefined) {
    throw new Error('createStickyNote: set either width or height, not both; the sticky keeps its aspect ratio.');
  }
  const baseWidth = shape === 'rectangle' ? 350 : STICKY_WIDTH;
  if (width !== undefined) return { width, height: (width * STICKY_HEIGHT) / baseWidth };
  if (height !== undefined) return { width: (height * baseWidth) / STICKY_HEIGHT, height };
  return { width: baseWidth, height: STICKY_HEIGHT };
}

function validateHexColors(method: string, style: Record<string, unknown> | undefined, fields: readonly string[]): void {
  for (const field of fields) {
    const value = style?.[field];
    if (value !== undefined && !(typeof value === 'string' && HEX_COLOR.test(value))) throw new Error(`${method}: style.${field} must be a hex colour like '#1a1a1a', received ${JSON.stringify(value)}.`);
  }
}

function validateConnector(props: Partial<FakeRecord>): void {
  if (props.shape !== undefined && !CONNECTOR_SHAPES.has(props.shape)) throw new Error(`Connector shape must be straight, elbowed or curved, received '${props.shape}'.`);
  for (const cap of [props.style?.startStrokeCap, props.style?.endStrokeCap]) {
    if (cap !== undefined && !STROKE_CAPS.has(cap as StrokeCap)) throw new Error(`Connector stroke cap ${JSON.stringify(cap)} is not a StrokeCapShape.`);
  }
  validateHexColors('createConnector', props.style, ['strokeColor']);
}

function measureTextHeight(record: Pick<FakeRecord, 'content' | 'style'>): number {
  const fontSize = typeof record.style.fontSize === 'number' ? record.style.fontSize : 14;
  const lines = Math.max(1, (record.content?.match(/<p>/g) ?? []).length);
  return Math.round(lines * fontSize * 1.4);
}

/** The colour of Miro's sticky palette nearest to `hex` (`#rrggbb`), by distance in RGB. */
function findNearestStickyColor(hex: string): string {
  const rgb = (value: string): number[] => [1, 3, 5].map((start) => Number.parseInt(value.slice(start, start + 2), 16));
  if (!HEX_COLOR.test(hex)) throw new Error(`recolourByHand: a sticky takes a StickyNoteColor or a hex colour like '#ff0000', received ${JSON.stringify(hex)}.`);
  const wanted = rgb(hex);
  let best = 'light_yellow';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [name, value] of Object.entries(MIRO_STICKY_HEX)) {
    const distance = rgb(value).reduce((sum, channel, index) => sum + (channel - (wanted[index] ?? 0)) ** 2, 0);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** `rich` with characters `start` to `end` of its plain text (lines joined by one `\n`) given `style`. */
function styleRichText(rich: RichText, range: { start: number; end: number }, style: { bold?: boolean; italic?: boolean; link?: string }): RichText {
  let offset = 0;
  const styled = rich.map((paragraph) => {
    const runs: RichRun[] = [];
    for (const run of paragraph.runs) {
      const from = Math.max(range.start - offset, 0);
      const to = Math.min(range.end - offset, run.text.length);
      if (from >= to) runs.push(run);
      else {
        const marked: RichRun = { ...run, text: run.text.slice(from, to) };
        if (style.bold !== undefined) {
          if (style.bold) marked.bold = true;
          else delete marked.bold;
        }
        if (style.italic !== undefined) {
          if (style.italic) marked.italic = true;
          else delete marked.italic;
        }
        if (style.link !== undefined) marked.link = style.link;
        runs.push({ ...run, text: run.text.slice(0, from) }, marked, { ...run, text: run.text.slice(to) });
      }
      offset += run.text.length;
    }
    // The line break between paragraphs.
    offset += 1;
    return { ...paragraph, runs };
  });
  return normalizeRichText(styled);
}

/**
 * The pixel size of the picture a createImage url points at: a PNG data URL
 * is read (its IHDR chunk); a public address stands for a 400 × 300 picture.
 */
function readImageSize(url: string): { width: number; height: number } {
  if (!url.startsWith('data:')) {
    if (!/^https:\/\//.test(url)) throw new Error(`createImage: url must be an https:// address or a data URL, received ${JSON.stringify(url.slice(0, 40))}.`);
    return { width: 400, height: 300 };
  }
  const match = /^data:image\/png;base64,([A-Za-z0-9+/]+=*)$/.exec(url);
  const size = match?.[1] ? readPngSize(Uint8Array.from(atob(match[1].slice(0, 64)), (char) => char.charCodeAt(0))) : undefined;
  if (!size) throw new Error('createImage: the data URL does not hold a base64 PNG file.');
  return size;
}
