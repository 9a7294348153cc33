import type { Json } from '@mirohq/websdk-types';
import { hashContent } from '../../sync/content-hash';
import { splitTextBySize } from '../../model/text-size';
import { readLeftAloneItems, type LeftAloneItem, type StoredJourney } from '../../sync/host-port';
import { runWithConcurrencyAsync } from './run-with-concurrency';

/** The storage collection that holds the journey last drawn on each map, keyed by map id. */
export const JOURNEY_COLLECTION = 'cjm-journeys';

/**
 * The largest stored value the adapter writes, in UTF-8 bytes of its JSON.
 * Miro documents no size limit for storage values (a key is any string, a
 * value anything JSON can hold: https://developers.miro.com/docs/websdk-reference-collection),
 * while it caps the neighbouring AppData at 512 bytes and item metadata at
 * 256 (https://developers.miro.com/changelog/2023-02-13-changelog). Values
 * travel through postMessage and Miro's realtime backend, so a journey is
 * split into parts of at most this size rather than trusted to fit one
 * value; the template journey fits in one.
 */
export const DEFAULT_STORAGE_VALUE_LIMIT_BYTES = 16_000;

// Room a part's JSON quotes and the head's other fields take.
const VALUE_OVERHEAD_BYTES = 200;
// Version of the stored record, so later builds can migrate it.
const STORED_VERSION = 1;

/**
 * What is stored under a map id:
 * `{ v: 1, complete, frameId?, leftAlone?, journey }` when the journey fits one value,
 * `{ v: 1, complete, frameId?, leftAlone?, parts: { tag, count } }` when it is split.
 * Part `i` (0-based) of a split journey is the string stored under
 * `<mapId>/<tag>/<i>`; joined, the parts are the journey's JSON. The tag is
 * the hash of that JSON, so the parts of a new save never overwrite the
 * parts the current head points at: a reader sees the old journey or the new
 * one, never a mix.
 */
interface StoredRecord {
  v: number;
  complete: boolean;
  frameId?: string;
  leftAlone?: LeftAloneItem[];
  journey?: Json;
  parts?: { tag: string; count: number };
}

/** A stored journey and the frame of the map it was drawn on. */
export interface StoredMapJourney extends StoredJourney {
  /** The frame id of the original map, for telling copies apart. */
  frameId?: string;
}

/** The storage the store writes to: `miro.board.storage`. */
export interface JourneyStorage {
  collection(name: string): {
    get(key: string): Promise<unknown>;
    set(key: string, value: Json): Promise<void>;
    remove(key: string): Promise<void>;
  };
}

/** Options of the journey store. */
export interface JourneyStoreOptions {
  /** Runs one Web SDK call, retried on rate limits. */
  callAsync<T>(call: () => Promise<T>): Promise<T>;
  concurrency: number;
  /** See DEFAULT_STORAGE_VALUE_LIMIT_BYTES. */
  valueLimitBytes?: number;
  /** The storage collection; JOURNEY_COLLECTION unless given. */
  collectionName?: string;
}

/** Reads and writes journeys in `miro.board.storage`, one record per map id. */
export interface MiroJourneyStore {
  /** The stored journey of `mapId`, or undefined when nothing is stored. */
  loadAsync(mapId: string): Promise<StoredMapJourney | undefined>;
  /** The frame id stored for `mapId`, reading only the record's head. */
  loadFrameIdAsync(mapId: string): Promise<string | undefined>;
  /** Stores `journey` for `mapId`, replacing what was stored; removes parts of the replaced record it knows of. */
  saveAsync(mapId: string, stored: StoredMapJourney): Promise<void>;
}

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

function parseRecord(value: unknown): StoredRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (record.v !== STORED_VERSION || typeof record.complete !== 'boolean') return undefined;
  const parts = record.parts as { tag?: unknown; count?: unknown } | undefined;
  return {
    v: STORED_VERSION,
    complete: record.complete,
    ...(typeof record.frameId === 'string' ? { frameId: record.frameId } : {}),
    ...(readLeftAloneItems(record.leftAlone) ? { leftAlone: readLeftAloneItems(record.leftAlone) } : {}),
    ...('journey' in record ? { journey: record.journey as Json } : {}),
    ...(parts && typeof parts.tag === 'string' && Number.isInteger(parts.count) ? { parts: { tag: parts.tag, count: Number(parts.count) } } : {}),
  };
}

/** Splits `text` into pieces whose JSON string encodings take at most `limit` bytes each; never splits a code point. */
export function splitIntoParts(text: string, limit: number): string[] {
  // Each piece is stored as a JSON string: its quotes, and each character escaped.
  return splitTextBySize(text, limit, (char) => byteLength(JSON.stringify(char)) - 2, 2);
}

const partKey = (mapId: string, tag: string, index: number): string => `${mapId}/${tag}/${index}`;

/**
 * Creates the journey store over `storage`. Costs, at 50 credits a call
 * (`set`, `get`, `remove` are Level 1,
 * https://developers.miro.com/docs/websdk-reference-collection): a journey
 * that fits one value is one `set` to save and one `get` to load; a split
 * one is one call per part more.
 */
export function createMiroJourneyStore(storage: JourneyStorage, options: JourneyStoreOptions): MiroJourneyStore {
  const limit = options.valueLimitBytes ?? DEFAULT_STORAGE_VALUE_LIMIT_BYTES;
  const { callAsync, concurrency } = options;
  // Parts each map's current record points at, as far as this session saw them.
  const knownParts = new Map<string, { tag: string; count: number } | undefined>();
  const collection = () => storage.collection(options.collectionName ?? JOURNEY_COLLECTION);

  async function readRecordAsync(mapId: string): Promise<StoredRecord | undefined> {
    const record = parseRecord(await callAsync(() => collection().get(mapId)));
    if (record) knownParts.set(mapId, record.parts);
    return record;
  }

  async function loadAsync(mapId: string): Promise<StoredMapJourney | undefined> {
    const record = await readRecordAsync(mapId);
    if (!record) return undefined;
    const frame = { ...(record.frameId === undefined ? {} : { frameId: record.frameId }), ...(record.leftAlone ? { leftAlone: record.leftAlone } : {}) };
    if (!record.parts) return { journey: record.journey, complete: record.complete, ...frame };
    const { tag, count } = record.parts;
    const results = await runWithConcurrencyAsync(
      Array.from({ length: count }, (_, index) => () => callAsync(() => collection().get(partKey(mapId, tag, index)))),
      concurrency,
    );
    const texts = results.map((result) => (result.status === 'fulfilled' && typeof result.value === 'string' ? result.value : undefined));
    // A missing part leaves no journey; the core's validation then says so.
    if (texts.some((text) => text === undefined)) return { journey: undefined, complete: false, ...frame };
    try {
      return { journey: JSON.parse(texts.join('')) as unknown, complete: record.complete, ...frame };
    } catch {
      return { journey: undefined, complete: false, ...frame };
    }
  }

  async function loadFrameIdAsync(mapId: string): Promise<string | undefined> {
    return (await readRecordAsync(mapId))?.frameId;
  }

  async function saveAsync(mapId: string, stored: StoredMapJourney): Promise<void> {
    const text = JSON.stringify(stored.journey ?? null);
    const base: StoredRecord = {
      v: STORED_VERSION,
      complete: stored.complete,
      ...(stored.frameId === undefined ? {} : { frameId: stored.frameId }),
      ...(stored.leftAlone && stored.leftAlone.length > 0 ? { leftAlone: stored.leftAlone } : {}),
    };
    const previous = knownParts.get(mapId);
    const inline: StoredRecord = { ...base, journey: JSON.parse(text) as Json };
    let parts: { tag: string; count: number } | undefined;
    if (byteLength(JSON.stringify(inline)) <= limit) {
      await callAsync(() => collection().set(mapId, inline as unknown as Json));
    } else {
      const tag = hashContent(text);
      const pieces = splitIntoParts(text, limit - VALUE_OVERHEAD_BYTES);
      parts = { tag, count: pieces.length };
      const writes = await runWithConcurrencyAsync(
        pieces.map((piece, index) => () => callAsync(() => collection().set(partKey(mapId, tag, index), piece))),
        concurrency,
      );
      const failed = writes.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
      const head: StoredRecord = { ...base, parts };
      await callAsync(() => collection().set(mapId, head as unknown as Json));
    }
    knownParts.set(mapId, parts);
    if (previous && previous.tag !== parts?.tag) {
      // Parts of the replaced record; a failed removal only leaves unused data behind.
      await runWithConcurrencyAsync(
        Array.from({ length: previous.count }, (_, index) => () => callAsync(() => collection().remove(partKey(mapId, previous.tag, index)))),
        concurrency,
      );
    }
  }

  return { loadAsync, loadFrameIdAsync, saveAsync };
}
