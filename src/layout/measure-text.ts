import type { Size } from './scene';

/** Measures wrapped text: the lines it breaks into and the box they fill. */
export type TextMeasurer = (text: string, fontSize: number, maxWidth: number) => MeasuredText;

/** The result of measuring text. */
export interface MeasuredText extends Size {
  lines: string[];
}

/** Line height as a multiple of the font size, as hosts render body text. */
export const LINE_HEIGHT = 1.3;

// Advance widths in em of a typical sans-serif (Inter-like) face, by class;
// deliberately a little generous so host text never overflows the box.
const NARROW = /[ilI.,:;'!|()[\]{}\u0456\u0457]/;
const WIDE = /[MWmw@%\u0416\u0428\u0429\u042e\u0424\u044b\u0436\u0448\u0449\u044e\u0444\u042b]/;
const UPPER = /[A-Z\u0410-\u042f\u0404\u0406\u0407\u0490]/;
const DOUBLE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

// Characters that draw nothing of their own: combining marks, joiners, variation
// selectors, skin-tone modifiers, emoji tags, bidirectional controls.
const ZERO_WIDTH_CLASSES = /^(?:\p{M}|\p{Emoji_Modifier})$/u;
const ZERO_WIDTH_RANGES: readonly (readonly [number, number])[] = [
  [0x061c, 0x061c],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2069],
  [0xfe00, 0xfe0f],
  [0xe0020, 0xe007f],
];
const isZeroWidth = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return ZERO_WIDTH_RANGES.some(([first, last]) => code >= first && code <= last) || ZERO_WIDTH_CLASSES.test(char);
};
// A flag is two regional indicator letters drawn as one picture.
const REGIONAL_INDICATOR_FIRST = 0x1f1e6;
const REGIONAL_INDICATOR_LAST = 0x1f1ff;

function measureCharWidth(char: string): number {
  if (char === ' ') return 0.28;
  if (isZeroWidth(char)) return 0;
  if (NARROW.test(char)) return 0.3;
  if (WIDE.test(char)) return 0.86;
  if (UPPER.test(char)) return 0.68;
  if (DOUBLE.test(char)) return 1.0;
  if ((char.codePointAt(0) ?? 0) > 0xffff || /\p{Extended_Pictographic}/u.test(char)) return 1.25;
  return 0.56;
}

// Each character's class, found once: layouts measure the same letters over and over.
const CHAR_WIDTHS = new Map<string, number>();

/**
 * Width of one line of text in board units, by grapheme: a character joined
 * to the one before it by a zero-width joiner (👨‍👩‍👧‍👦 is four people and
 * three joiners, drawn as one family) and the second of a flag's two
 * regional indicators add nothing, so an emoji sequence measures as the one
 * picture it is drawn as. Counted code point by code point, without a
 * segmenter: layouts measure text over and over.
 */
export function measureLineWidth(text: string, fontSize: number): number {
  let width = 0;
  let joined = false;
  let flagHalf = false;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x200d) {
      joined = true;
      continue;
    }
    if (joined) {
      joined = false;
      continue;
    }
    if (code >= REGIONAL_INDICATOR_FIRST && code <= REGIONAL_INDICATOR_LAST) {
      flagHalf = !flagHalf;
      if (!flagHalf) continue;
    } else flagHalf = false;
    let em = CHAR_WIDTHS.get(char);
    if (em === undefined) {
      em = measureCharWidth(char);
      // Bounded: a text of every character there is cannot grow it without end.
      if (CHAR_WIDTHS.size < 10_000) CHAR_WIDTHS.set(char, em);
    }
    width += em;
  }
  return width * fontSize;
}

/**
 * Splits a word into the pieces between which it may be broken with a
 * hyphen, in order (`Регистрируется` → `Ре`, `ги`, `стри`, `ру`, `ет`,
 * `ся`); joined, the pieces are the word. Returns `[word]` when it knows no
 * such point.
 */
export type Hyphenator = (word: string) => readonly string[];

/** How lines break inside a word that does not fit its line. */
export interface WrapOptions {
  /**
   * False (the default) breaks a word wider than a line between graphemes,
   * without a hyphen, as FigJam draws sticky text. True keeps words whole:
   * a word breaks only after a hyphen already in it or, with a hyphen drawn,
   * at a point `hyphenate` gives; a piece still wider than a line overflows
   * it (the caller shrinks the font, see `findOverflowingLine`).
   */
  keepWordsWhole?: boolean;
  /** Where words may be hyphenated; used only when `keepWordsWhole` is set. */
  hyphenate?: Hyphenator;
}

/** The hyphen drawn at the end of a line where a word was hyphenated. */
export const HYPHEN = '-';

// Graphemes, so a break never falls inside an emoji or a letter with its
// accent. Made on first use: a plugin sandbox may lack Intl (then code
// points, with marks and joiners kept on the character before them).
let graphemes: Intl.Segmenter | null | undefined;

/** The graphemes (user-perceived characters) of `text`, in order. */
export function splitGraphemes(text: string): string[] {
  if (graphemes === undefined) graphemes = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  if (graphemes) return Array.from(graphemes.segment(text), (part) => part.segment);
  const parts: string[] = [];
  for (const char of text) {
    const last = parts.length - 1;
    if (last >= 0 && (/^(\p{M}|\u200D|\p{Emoji_Modifier}|[\uFE00-\uFE0F])$/u.test(char) || (parts[last] ?? '').endsWith('\u200D'))) parts[last] += char;
    else parts.push(char);
  }
  return parts;
}

/** `word` in pieces that each fit `maxWidth`, broken between graphemes. */
function breakLongWord(word: string, maxWidth: number, measureWidth: (text: string) => number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const char of splitGraphemes(word)) {
    if (current && measureWidth(current + char) > maxWidth) {
      parts.push(current);
      current = char;
    } else current += char;
  }
  if (current) parts.push(current);
  return parts;
}

/** A piece of a word and whether a hyphen is drawn when a line ends after it. */
interface WordPiece {
  text: string;
  hyphen: boolean;
}

// Hyphens and dashes already in a word, after which a line may end as it is.
const HARD_HYPHEN = /(?<=\p{L}[-\u2010\u2011\u2013\u2014])(?=\p{L})/u;

/** The pieces of `word` between which a line may end while keeping it whole. */
function splitWordPieces(word: string, hyphenate: Hyphenator | undefined): WordPiece[] {
  const pieces: WordPiece[] = [];
  for (const segment of word.split(HARD_HYPHEN)) {
    const syllables = hyphenate ? hyphenate(segment) : [segment];
    syllables.forEach((text, index) => pieces.push({ text, hyphen: index < syllables.length - 1 }));
  }
  return pieces;
}

/** The longest start of `pieces` that fits `room` as a line ending (hyphen drawn where needed), as a count of pieces; 0 when none fits. */
function countFittingPieces(pieces: readonly WordPiece[], prefix: string, maxWidth: number, measureWidth: (text: string) => number): number {
  let text = prefix;
  let fitting = 0;
  for (let count = 1; count < pieces.length; count += 1) {
    const piece = pieces[count - 1] as WordPiece;
    text += piece.text;
    if (measureWidth(piece.hyphen ? text + HYPHEN : text) > maxWidth) break;
    fitting = count;
  }
  return fitting;
}

const joinPieces = (pieces: readonly WordPiece[]): string => pieces.map((piece) => piece.text).join('');

/** The line ending made of the first `count` pieces, with a hyphen when the word was hyphenated there. */
function formatLineEnd(pieces: readonly WordPiece[], count: number): string {
  const text = joinPieces(pieces.slice(0, count));
  return pieces[count - 1]?.hyphen ? text + HYPHEN : text;
}

/**
 * Greedy word wrap of one paragraph to `maxWidth`, as `measureWidth`
 * measures a line. A word wider than a line is broken between graphemes,
 * or, with `keepWordsWhole`, only where a hyphen is (or may be drawn).
 * Returns at least one line (empty for an empty paragraph).
 */
export function wrapParagraph(paragraph: string, maxWidth: number, measureWidth: (text: string) => number, options: WrapOptions = {}): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (measureWidth(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (!options.keepWordsWhole) {
      if (current) lines.push(current);
      if (measureWidth(word) <= maxWidth) current = word;
      else {
        const parts = breakLongWord(word, maxWidth, measureWidth);
        current = parts.pop() ?? '';
        lines.push(...parts);
      }
      continue;
    }
    if (measureWidth(word) <= maxWidth) {
      // A word that fits a line of its own moves there whole.
      if (current) lines.push(current);
      current = word;
      continue;
    }
    let pieces = splitWordPieces(word, options.hyphenate);
    let prefix = current ? `${current} ` : '';
    while (pieces.length > 0) {
      const rest = joinPieces(pieces);
      if (measureWidth(prefix + rest) <= maxWidth) {
        current = prefix + rest;
        break;
      }
      // A piece wider than an empty line overflows it rather than breaking mid-word.
      const count = countFittingPieces(pieces, prefix, maxWidth, measureWidth) || (prefix ? 0 : 1);
      if (count === pieces.length) {
        current = prefix + rest;
        break;
      }
      lines.push(count > 0 ? prefix + formatLineEnd(pieces, count) : prefix.trimEnd());
      pieces = pieces.slice(count);
      prefix = '';
    }
  }
  lines.push(current);
  return lines;
}

/** How a text measurer wraps lines; see `createTextMeasurer`. */
export interface TextMeasurerOptions extends WrapOptions {
  /** Width of one line in board units; defaults to the per-character estimate of `measureLineWidth`. */
  measureLineWidth?: (text: string, fontSize: number) => number;
}

/**
 * A text measurer that wraps paragraphs with `wrapParagraph` and `options`.
 * The box is at most `maxWidth` wide even when a whole word overflows a
 * line (`keepWordsWhole`); `findOverflowingLine` tells that case.
 */
export function createTextMeasurer(options: TextMeasurerOptions = {}): TextMeasurer {
  const measure = options.measureLineWidth ?? measureLineWidth;
  return (text, fontSize, maxWidth) => {
    const measureWidth = (line: string): number => measure(line, fontSize);
    const lines = text.split(/\r?\n/).flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, measureWidth, options));
    const width = Math.min(maxWidth, Math.max(0, ...lines.map(measureWidth)));
    return { lines, width: Math.ceil(width), height: Math.ceil(lines.length * fontSize * LINE_HEIGHT) };
  };
}

/** The first of `lines` wider than `maxWidth` at `fontSize`, or undefined when all fit. */
export function findOverflowingLine(lines: readonly string[], fontSize: number, maxWidth: number): string | undefined {
  return lines.find((line) => measureLineWidth(line, fontSize) > maxWidth);
}

/**
 * A deterministic text measurer: greedy word wrap with per-character widths.
 * Deterministic so golden scenes are stable on every machine; generous so
 * the real fonts of Miro and FigJam fit inside the boxes it returns.
 */
export const measureTextApproximately: TextMeasurer = createTextMeasurer();
