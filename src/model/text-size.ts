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

/**
 * `text` cut to at most `max` UTF-16 code units on a grapheme boundary, so
 * no emoji, flag or accented letter is split (a lone surrogate or a bare
 * combining mark would show as a broken glyph). Text within `max` is
 * returned as it is.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  // Intl.Segmenter splits by extended grapheme clusters (ECMA-402); a sandbox
  // without it (plugin main threads may lack Intl) cuts by code points and
  // backs off over what joins a grapheme to the one before it.
  if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
    let end = 0;
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
      if (end + segment.length > max) break;
      end += segment.length;
    }
    return text.slice(0, end);
  }
  let end = max;
  // Never between the halves of a surrogate pair.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1;
  // Back off while the next character attaches to the previous one: marks,
  // variation selectors, zero-width joiners (and what they join), skin tones.
  const attaches = (at: number): boolean => /^(\p{M}|\u200D|\p{Emoji_Modifier}|[\uFE00-\uFE0F])/u.test(text.slice(at)) || text[at - 1] === '\u200D';
  while (end > 0 && attaches(end)) {
    end -= 1;
    if (end > 0 && /[\uDC00-\uDFFF]/.test(text[end] ?? '') && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1;
  }
  return text.slice(0, end);
}
