import type { Journey } from '../model/journey';
import { formatRecordText, parseRecord, type MapRecordState } from '../model/journey-record';
import { AppFailure } from './app-error';
import type { BoardRun, MapTarget } from './board-port';
import { readRecordAsync, writeRecordAsync } from './record-chunks';

/** The key of the journey record in a map's record space. */
export const MAP_RECORD_KEY = 'journey';
/**
 * Where version 1 of the FigJam plugin kept the id of a map's section (its
 * record did not hold it): read for records of that version only.
 */
const V1_CONTAINER_KEY = 'section';

/** A map's stored record as loaded: the journey last drawn, the map's state, and the parts it was read from. */
export interface LoadedMapRecord {
  journey: Journey;
  map: MapRecordState;
  partKeys: string[];
}

/** The record to store with a map. */
export interface MapRecordToSave {
  journey: Journey;
  map: MapRecordState;
}

/**
 * Loads the record stored with a map and migrates it to this build's
 * version. Undefined when nothing is stored. Throws an AppFailure when what
 * is stored cannot be read (`record-damaged`) or was written by a newer
 * cjm-board (`record-newer`), naming the map by `title`.
 */
export async function loadMapRecordAsync(run: BoardRun, target: MapTarget, title: string): Promise<LoadedMapRecord | undefined> {
  const space = run.mapRecords(target);
  const read = await readRecordAsync(space, MAP_RECORD_KEY);
  if (read === undefined) return undefined;
  if ('failure' in read) {
    const detail = read.failure === 'missing-part' ? `part ${read.key} is missing` : `not JSON (${read.detail})`;
    throw new AppFailure({ code: 'record-damaged', title, details: [{ path: 'record', message: detail }] });
  }
  let parsed = parseRecord(read.value, 'map');
  if (parsed.ok && parsed.value.map.container === undefined) {
    const container = await space.getAsync(V1_CONTAINER_KEY);
    if (container) parsed = parseRecord(read.value, 'map', { container });
  }
  if (!parsed.ok) {
    const newer = parsed.errors.find((error) => error.code === 'record-newer');
    if (newer) {
      throw new AppFailure({ code: 'record-newer', title, version: Number(newer.params?.version ?? 0), supported: Number(newer.params?.supported ?? 0) });
    }
    throw new AppFailure({ code: 'record-damaged', title, details: parsed.errors.slice(0, 3) });
  }
  return { journey: parsed.value.journey, map: parsed.value.map, partKeys: read.partKeys };
}

/** JSON with object keys sorted, so equal data compares equal whatever its key order. */
export function stringifyStably(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Whether the stored record already says what `next` says: the same journey,
 * completeness and container. Left-alone entries it no longer has (stickies
 * deleted or taken off the map) are harmless, so they alone cause no write.
 * A record of an older version that says the same is not rewritten either:
 * it is migrated on every read.
 */
export function isSameRecord(stored: LoadedMapRecord, next: MapRecordToSave): boolean {
  if (stored.map.complete !== next.map.complete || stored.map.container !== next.map.container) return false;
  if (stringifyStably(stored.journey) !== stringifyStably(next.journey)) return false;
  const known = new Set((stored.map.leftAlone ?? []).map((item) => stringifyStably(item)));
  return (next.map.leftAlone ?? []).every((item) => known.has(stringifyStably(item)));
}

/** Stores a map's record (split into parts when large), replacing `previous`; returns what is stored now. */
export async function saveMapRecordAsync(run: BoardRun, target: MapTarget, record: MapRecordToSave, previous?: LoadedMapRecord): Promise<LoadedMapRecord> {
  const map: MapRecordState = { complete: record.map.complete, ...(record.map.container === undefined ? {} : { container: record.map.container }), ...(record.map.leftAlone && record.map.leftAlone.length > 0 ? { leftAlone: record.map.leftAlone } : {}) };
  const text = formatRecordText({ kind: 'map', journey: record.journey, map });
  const space = run.mapRecords(target);
  const partKeys = await writeRecordAsync(space, MAP_RECORD_KEY, text, previous?.partKeys);
  return { journey: record.journey, map, partKeys };
}
