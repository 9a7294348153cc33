/**
 * A short, stable hash of a string (32-bit FNV-1a, as 8 hex digits). Used to
 * tell whether a board item still shows what the app last drew; it is not
 * a security measure.
 */
export function hashContent(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
