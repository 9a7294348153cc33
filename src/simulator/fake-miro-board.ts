import type { Board, Connector, StickyNoteColorType } from '@mirohq/websdk-types';

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
 * - `getSelection()` answers the items a person selected (`select`).
 *
 * Items handed out are copies: changes reach the board only through `sync()`.
 * Every call is logged; failures and rate-limit bursts can be scripted.
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
}

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
  'board.remove',
  'item.sync',
  'item.setMetadata',
  'frame.add',
  'frame.remove',
  'storage.set',
  'storage.remove',
]);

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
  sticky_note: ['x', 'y', 'width', 'height', 'content', 'shape', 'style'],
  shape: ['x', 'y', 'width', 'height', 'content', 'shape', 'style'],
  text: ['x', 'y', 'width', 'content', 'style'],
  connector: ['start', 'end', 'shape', 'style'],
};

/** The error the fake throws for calls over the credit budget. */
export function createRateLimitError(): Error {
  return new Error('Rate limit exceeded: the app used its 100000 credits for this minute; wait for new credits.');
}

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

  constructor(options: FakeMiroBoardOptions = {}) {
    this.creditsPerCall = options.creditsPerCall ?? DEFAULT_CREDITS_PER_CALL;
    this.latencyMs = options.latencyMs ?? 0;
    this.storageValueLimitBytes = options.storageValueLimitBytes;
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

  /** Makes the `nth` next call of `method` (1-based) fail with `error`. */
  failNthCall(method: string, nth: number, error: Error = new Error(`${method} failed: the board is temporarily unavailable`)): void {
    this.failures.push({ method, skip: nth - 1, remaining: 1, createError: () => error });
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
    for (const childId of frame.childrenIds) {
      const child = copyOf(this.requireRecord(childId), { parentId: newFrame.id });
      newFrame.childrenIds.push(child.id);
      ids.set(childId, child.id);
    }
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

  /** `miro.board.createFrame`. */
  createFrame(props: Partial<FakeRecord> = {}): Promise<unknown> {
    return this.callAsync('board.createFrame', 'frame', () => {
      if (props.style?.fillColor !== undefined && !HEX_COLOR.test(JSON.stringify(props.style.fillColor).slice(1, -1))) {
        throw new Error(`createFrame: style.fillColor must be a hex colour like '#ffffff', received ${JSON.stringify(props.style.fillColor)}.`);
      }
      return this.toItem(this.createRecord('frame', { width: 100, height: 100, title: '', ...props }));
    });
  }

  /** `miro.board.createStickyNote`. */
  createStickyNote(props: Partial<FakeRecord> = {}): Promise<unknown> {
    return this.callAsync('board.createStickyNote', 'sticky_note', () => {
      validateStickyStyle(props.style);
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
      this.requireRecord(item.id);
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
          if (record.parentId || record.type === 'connector') continue;
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
    this.calls.push(call);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      // A macrotask per call lets concurrent calls overlap as they would over
      // postMessage (setImmediate where there is one: no 1 ms timer clamp).
      if (this.latencyMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, this.latencyMs));
      else await new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
      const failure = this.takeFailure(method);
      if (failure) throw failure;
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

  private deleteRecord(id: string): void {
    const record = this.records.get(id);
    if (!record) return;
    this.records.delete(id);
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
    const item: Record<string, unknown> = { ...clone(record) };
    delete item.metadata;
    if (record.type === 'connector') {
      delete item.x;
      delete item.y;
    }
    item.sync = () => this.callAsync('item.sync', record.id, () => this.syncItem(item));
    item.getMetadata = (key?: string) =>
      this.callAsync('item.getMetadata', record.id, () => {
        const stored = this.requireRecord(record.id).metadata;
        return clone(key === undefined ? stored : stored[key]);
      });
    item.setMetadata = (key: string, value: unknown) =>
      this.callAsync('item.setMetadata', record.id, () => {
        const stored = this.requireRecord(record.id);
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
          const stored = this.requireRecord(child.id);
          if (stored.parentId === frame.id) return child;
          if (stored.parentId) throw new Error(`frame.add: item ${child.id} already belongs to ${stored.parentId}; remove it from that parent first.`);
          // Linking keeps the item where it is; its coordinates become relative to the frame's top-left.
          stored.parentId = frame.id;
          stored.x -= frame.x - frame.width / 2;
          stored.y -= frame.y - frame.height / 2;
          frame.childrenIds.push(stored.id);
          child.x = stored.x;
          child.y = stored.y;
          child.parentId = frame.id;
          return child;
        });
      item.getChildren = () =>
        this.callAsync('frame.getChildren', record.id, () => this.requireRecord(record.id).childrenIds.map((id) => this.toItem(this.requireRecord(id))));
    }
    return item;
  }

  private syncItem(item: Record<string, unknown>): void {
    const stored = this.requireRecord(String(item.id));
    const next = clone(stored);
    for (const field of MUTABLE_FIELDS[stored.type] ?? []) {
      if (item[field] !== undefined) (next as unknown as Record<string, unknown>)[field] = clone(item[field]);
    }
    if (stored.type === 'sticky_note') {
      validateStickyStyle(next.style);
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
