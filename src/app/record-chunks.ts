import { measureUtf8Bytes, splitTextBySize } from '../model/text-size';
import { hashContent } from '../sync/content-hash';
import type { RecordSpace } from './board-port';

/** The `format` of a record head whose text is stored in parts. */
const PARTS_FORMAT = 'cjm-parts';

// Room a head's or a part's own JSON takes besides the text it holds.
const PART_OVERHEAD_BYTES = 200;

/** A record as read from a record space: its JSON value, and the keys of the parts it was read from. */
export interface ReadRecord {
  value: unknown;
  partKeys: string[];
}

/** Why a stored record could not be read back whole. */
export type RecordReadFailure = { failure: 'missing-part'; key: string } | { failure: 'not-json'; detail: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Size of text stored as a JSON string: its UTF-8 bytes with every character escaped as JSON escapes it. */
const measureJsonChar = (char: string): number => measureUtf8Bytes(JSON.stringify(char)) - 2;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; detail: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** The part keys a head points at, in order, and how to assemble them; undefined for a record stored whole. */
function findPartKeys(key: string, head: unknown): { keys: string[]; legacyFields?: Record<string, unknown> } | undefined {
  if (!isRecord(head)) return undefined;
  const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000 ? value : undefined);
  if (head.format === PARTS_FORMAT && typeof head.tag === 'string') {
    const n = count(head.count);
    if (n !== undefined) return { keys: Array.from({ length: n }, (_, index) => `${key}/${head.tag as string}/${index}`) };
  }
  // Version 1, FigJam: `{"parts":n}` and the pieces under `<key>.1` … `<key>.n`.
  const keys = Object.keys(head);
  if (keys.length === 1 && keys[0] === 'parts') {
    const n = count(head.parts);
    if (n !== undefined) return { keys: Array.from({ length: n }, (_, index) => `${key}.${index + 1}`) };
  }
  // Version 1, Miro: the record's fields with `parts: { tag, count }`, the journey's JSON under `<key>/<tag>/<i>`.
  if (head.v === 1 && isRecord(head.parts) && typeof head.parts.tag === 'string') {
    const n = count(head.parts.count);
    const { parts: _parts, ...fields } = head;
    if (n !== undefined) return { keys: Array.from({ length: n }, (_, index) => `${key}/${(head.parts as { tag: string }).tag}/${index}`), legacyFields: fields };
  }
  return undefined;
}

/**
 * Reads the record stored under `key`, joining its parts when it was split
 * (by this build, or by version 1 on either host). Undefined when nothing is
 * stored; a failure when a part is missing or the text is not JSON (a record
 * being replaced by another person's run at this moment reads so once).
 */
export async function readRecordAsync(space: RecordSpace, key: string): Promise<ReadRecord | RecordReadFailure | undefined> {
  const headText = await space.getAsync(key);
  if (headText === undefined || headText === '') return undefined;
  const head = parseJson(headText);
  if (!head.ok) return { failure: 'not-json', detail: head.detail };
  const parts = findPartKeys(key, head.value);
  if (!parts) return { value: head.value, partKeys: [] };
  const pieces = await Promise.all(parts.keys.map((partKey) => space.getAsync(partKey)));
  const missing = pieces.findIndex((piece) => piece === undefined);
  if (missing !== -1) return { failure: 'missing-part', key: parts.keys[missing] ?? key };
  const joined = parseJson(pieces.join(''));
  if (!joined.ok) return { failure: 'not-json', detail: joined.detail };
  const value = parts.legacyFields ? { ...parts.legacyFields, journey: joined.value } : joined.value;
  return { value, partKeys: parts.keys };
}

/**
 * Stores `text` under `key`: whole when it fits one value, else as parts
 * under `<key>/<tag>/<n>` (the tag is the text's hash) written before the
 * head that points at them, so a reader sees the old record or the new one,
 * never a mix. Parts of the record it replaces (`previousPartKeys`, as read)
 * are removed afterwards; a failed removal only leaves unused data behind.
 * Returns the keys of the parts written (none when stored whole).
 */
export async function writeRecordAsync(space: RecordSpace, key: string, text: string, previousPartKeys: readonly string[] = []): Promise<string[]> {
  const bytes = measureUtf8Bytes(text);
  if (space.recordLimitBytes !== undefined && bytes > space.recordLimitBytes) {
    throw new Error(
      `the journey is ${Math.ceil(bytes / 1000)} kB, more than this app stores with a map here (${space.recordLimitBytes / 1_000_000} MB); shorten long texts or split the journey into two maps`,
    );
  }
  let partKeys: string[] = [];
  if (measureUtf8Bytes(text) + PART_OVERHEAD_BYTES <= space.valueLimitBytes) {
    await space.setAsync(key, text);
  } else {
    const tag = hashContent(text);
    const pieces = splitTextBySize(text, space.valueLimitBytes - PART_OVERHEAD_BYTES, measureJsonChar, 2);
    partKeys = pieces.map((_, index) => `${key}/${tag}/${index}`);
    await Promise.all(pieces.map((piece, index) => space.setAsync(partKeys[index] ?? key, piece)));
    await space.setAsync(key, JSON.stringify({ format: PARTS_FORMAT, tag, count: pieces.length }));
  }
  const kept = new Set(partKeys);
  await Promise.all(previousPartKeys.filter((partKey) => !kept.has(partKey)).map((partKey) => space.removeAsync(partKey).catch(() => undefined)));
  return partKeys;
}
