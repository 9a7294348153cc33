/**
 * The index of a board's maps: which frames hold a map, by map id, kept in
 * board storage (collection `cjm-journeys`, under a key no map id takes:
 * map ids all start with `map-`). It lets a busy board be read without
 * asking every frame for its metadata (one call, 50 credits a frame,
 * https://developers.miro.com/docs/websdk-reference-rate-limiting): a board
 * with 2,000 frames would cost 2,000 calls, a fifth of the minute's budget,
 * for each listing of its maps.
 *
 * The index is a hint, never the truth: the frames' metadata is. A frame it
 * names that is gone is skipped (and dropped at the next write); a map frame
 * it misses (a person's copy, or a map drawn by an earlier build) is found
 * when the selection touches it, or when the board has no index at all and
 * is scanned once.
 */

/** The storage key of the index, in the maps' collection; a map id always starts with `map-`, so it never clashes. */
export const MAP_INDEX_KEY = 'index/frames';
const MAP_INDEX_FORMAT = 'cjm-map-frames';
/** The version this build writes; a newer index is read as absent and left as it is. */
export const MAP_INDEX_VERSION = 1;

/** Map id → ids of the frames that carried it when the index was written. */
export type MapFrameIndex = ReadonlyMap<string, readonly string[]>;

/** What reading the index found. */
export type MapIndexRead = { kind: 'index'; index: MapFrameIndex } | { kind: 'absent' } | { kind: 'unreadable'; reason: string };

const FRAME_ID = /^[0-9A-Za-z_=-]{1,64}$/;

/**
 * Reads a stored index (its JSON text, or the JSON value an older writer
 * left). Never throws: a missing value is `absent`; a damaged or newer one
 * is `unreadable`, which the adapter treats as no index without writing over it.
 */
export function parseMapIndex(stored: unknown): MapIndexRead {
  if (stored === undefined || stored === null) return { kind: 'absent' };
  let value: unknown = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored) as unknown;
    } catch {
      return { kind: 'unreadable', reason: 'the frame index in board storage is not JSON' };
    }
  }
  const record = value as { format?: unknown; version?: unknown; maps?: unknown };
  if (typeof record !== 'object' || record === null || record.format !== MAP_INDEX_FORMAT || typeof record.version !== 'number') {
    return { kind: 'unreadable', reason: 'the frame index in board storage has no known format' };
  }
  if (record.version > MAP_INDEX_VERSION) return { kind: 'unreadable', reason: `the frame index is version ${record.version}, newer than this app's ${MAP_INDEX_VERSION}` };
  if (typeof record.maps !== 'object' || record.maps === null) return { kind: 'unreadable', reason: 'the frame index lists no maps' };
  const index = new Map<string, string[]>();
  for (const [mapId, frames] of Object.entries(record.maps as Record<string, unknown>)) {
    if (!Array.isArray(frames)) continue;
    const ids = frames.filter((id): id is string => typeof id === 'string' && FRAME_ID.test(id));
    if (ids.length > 0) index.set(mapId, ids);
  }
  return { kind: 'index', index };
}

/** The index as the JSON text stored: map ids and frame ids sorted, so one index always reads the same. */
export function formatMapIndex(index: MapFrameIndex): string {
  const maps: Record<string, string[]> = {};
  for (const mapId of [...index.keys()].sort()) {
    const frames = [...new Set(index.get(mapId) ?? [])].sort();
    if (frames.length > 0) maps[mapId] = frames;
  }
  return JSON.stringify({ format: MAP_INDEX_FORMAT, version: MAP_INDEX_VERSION, maps });
}

/** Every frame id the index names. */
export function listIndexedFrames(index: MapFrameIndex): Set<string> {
  return new Set([...index.values()].flat());
}

/**
 * The index with `found` (frame id → map id, as the frames' metadata says)
 * written in: a frame found under another map id moves there, frames in
 * `gone` are dropped, the rest is kept.
 */
export function mergeMapIndex(index: MapFrameIndex, found: ReadonlyMap<string, string>, gone: ReadonlySet<string> = new Set()): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const [mapId, frames] of index) {
    const kept = frames.filter((frameId) => !gone.has(frameId) && (found.get(frameId) ?? mapId) === mapId);
    if (kept.length > 0) next.set(mapId, kept);
  }
  for (const [frameId, mapId] of found) {
    if (gone.has(frameId)) continue;
    const frames = next.get(mapId) ?? [];
    if (!frames.includes(frameId)) next.set(mapId, [...frames, frameId]);
  }
  return next;
}

/** Whether two indexes name the same frames under the same map ids. */
export function isSameMapIndex(a: MapFrameIndex, b: MapFrameIndex): boolean {
  return formatMapIndex(a) === formatMapIndex(b);
}
