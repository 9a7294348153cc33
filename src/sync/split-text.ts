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
