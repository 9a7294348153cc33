import type { ItemIdentity } from '../../sync/item-identity';

/**
 * The identity index of one map on Miro: for every item the app drew, its
 * item id → the scene key and content hash it carries. Kept in board storage
 * beside the map's record (`<mapId>/items`), written once by a run that
 * changed the map, so reading a map costs one storage read instead of one
 * `getMetadata` per item (Miro charges every call; an item's metadata can
 * only be read item by item:
 * https://developers.miro.com/docs/websdk-reference-stickynote#getmetadata).
 *
 * The index is a shortcut, never the truth: items it does not know (a
 * person's copies, a duplicated map, an item of another map dragged in)
 * are read from their metadata, which every item still carries, and an
 * index that cannot be read is ignored.
 */

/** The record key of the index in the map's record space. */
export const ITEM_INDEX_KEY = 'items';

/** The version of the index this build writes; another is read as absent. */
const INDEX_VERSION = 1;

/** Item id → [key, hash]. */
export type ItemIndex = ReadonlyMap<string, readonly [string, string]>;

/** The index of `own`, the items carrying the map's identity, by item id. */
export function createItemIndex(own: Iterable<[string, ItemIdentity]>): ItemIndex {
  const index = new Map<string, readonly [string, string]>();
  for (const [itemId, identity] of own) index.set(itemId, [identity.key, identity.hash]);
  return index;
}

/** The index as stored: JSON, entries sorted by item id, so the same map gives the same text. */
export function formatItemIndex(index: ItemIndex): string {
  const items = [...index.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([itemId, [key, hash]]) => [itemId, key, hash]);
  return JSON.stringify({ v: INDEX_VERSION, items });
}

/** Reads a stored index (its parsed JSON); undefined when it is of another version or not well formed. */
export function parseItemIndex(value: unknown): ItemIndex | undefined {
  if (typeof value !== 'object' || value === null || (value as { v?: unknown }).v !== INDEX_VERSION) return undefined;
  const items = (value as { items?: unknown }).items;
  if (!Array.isArray(items)) return undefined;
  const index = new Map<string, readonly [string, string]>();
  for (const entry of items) {
    if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((part) => typeof part === 'string' && part !== '')) return undefined;
    const [itemId, key, hash] = entry as [string, string, string];
    index.set(itemId, [key, hash]);
  }
  return index;
}

/** The identity the index gives item `itemId` of map `mapId`, if it knows the item. */
export function findIndexedIdentity(index: ItemIndex | undefined, itemId: string, mapId: string): ItemIdentity | undefined {
  const entry = index?.get(itemId);
  return entry ? { map: mapId, key: entry[0], hash: entry[1] } : undefined;
}
