import type { SceneKey } from '../layout/scene-keys';

/**
 * What every item the app draws carries, and nothing more (Miro caps app
 * metadata per item at a few hundred bytes): the map it belongs to, its
 * scene key, and the hash of what the app last drew there.
 */
export interface ItemIdentity {
  /** Map id, e.g. `map-k2v9x4`. */
  map: string;
  key: SceneKey;
  /** `hashSceneNode` of the node last drawn, see `content-hash.ts`. */
  hash: string;
}

/** Name of the metadata / pluginData entry that holds the identity. */
export const IDENTITY_FIELD = 'cjm';

const MAP_ID = /^map-[A-Za-z0-9_-]{1,40}$/;
// Up to two ids after the kind, the last may name a step (`<stage>@<step>`), and the to-be line's suffix: a to-be point at a step is `emotion:<persona>:<stage>@<step>:to-be`.
const KEY = /^[a-z][a-z-]*(:[A-Za-z0-9_.-]{1,64}){0,2}(@[A-Za-z0-9_.-]{1,64})?(:to-be)?$|^emotion-scale:-?[0-9]$/;
const HASH = /^[0-9a-f]{8}$/;

/** Creates a new random map id from a source of randomness in [0, 1). */
export function createMapId(random: () => number): string {
  let id = '';
  for (let index = 0; index < 10; index += 1) id += Math.floor(random() * 36).toString(36);
  return `map-${id}`;
}

/** Serialises an identity compactly for host storage (pluginData, metadata). */
export function encodeItemIdentity(identity: ItemIdentity): string {
  return JSON.stringify({ m: identity.map, k: identity.key, h: identity.hash });
}

/**
 * Reads an identity back from host storage. Accepts the encoded string or
 * the parsed object; returns undefined for anything malformed, so a damaged
 * or foreign item is treated as not the app's.
 */
export function decodeItemIdentity(stored: unknown): ItemIdentity | undefined {
  let value = stored;
  if (typeof value === 'string') {
    if (value === '') return undefined;
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { m, k, h } = value as Record<string, unknown>;
  if (typeof m !== 'string' || typeof k !== 'string' || typeof h !== 'string') return undefined;
  if (!MAP_ID.test(m) || !KEY.test(k) || !HASH.test(h)) return undefined;
  return { map: m, key: k, hash: h };
}
