/** Length of a string in UTF-8 bytes (some plugin sandboxes lack TextEncoder). */
export function measureUtf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Splits `text` into pieces whose size, as `measure` counts it, stays within
 * `limit` each (every piece starts at `baseSize`, e.g. the quotes of a JSON
 * string); never splits a character. Empty text gives one empty piece.
 * Hosts store long journeys in parts this way.
 */
export function splitTextBySize(text: string, limit: number, measure: (char: string) => number, baseSize = 0): string[] {
  const pieces: string[] = [];
  let piece = '';
  let size = baseSize;
  for (const char of text) {
    const charSize = measure(char);
    if (size + charSize > limit && piece !== '') {
      pieces.push(piece);
      piece = '';
      size = baseSize;
    }
    piece += char;
    size += charSize;
  }
  if (piece !== '' || pieces.length === 0) pieces.push(piece);
  return pieces;
}
