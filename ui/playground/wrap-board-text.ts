import { MIRO_STICKY_MAX_FONT_SIZE } from '../../src/layout/host-metrics';
import { LINE_HEIGHT, wrapParagraph, type WrapOptions } from '../../src/layout/measure-text';
import { createPatternHyphenator } from '../../src/render/create-pattern-hyphenator';

/** Font of the simulated board: Inter as in Miro and FigJam, then what the system has with similar widths. */
export const BOARD_FONT_FAMILY = "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";

/** Line height of board text, as a multiple of the font size: the layout's. */
export const BOARD_LINE_HEIGHT = LINE_HEIGHT;

/** One wrapped line and whether it is bold. */
export interface WrappedLine {
  text: string;
  bold: boolean;
}

// Board items do not say their language: a Cyrillic word with a letter only
// Ukrainian uses is hyphenated as Ukrainian, any other as Russian.
const WRAP_OPTIONS: WrapOptions = { keepWordsWhole: true, hyphenate: createPatternHyphenator() };

// Wraps are recomputed whenever the board is read; text rarely changes.
const MAX_CACHED = 20_000;
const cache = new Map<string, WrappedLine[]>();
let context: CanvasRenderingContext2D | null | undefined;

/** The width of one line in the page's font, or an estimate where there is no canvas. */
function measureWidth(text: string, fontSize: number, bold: boolean): number {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return text.length * fontSize * 0.56;
  context.font = `${bold ? 700 : 500} ${fontSize}px ${BOARD_FONT_FAMILY}`;
  return context.measureText(text).width;
}

/**
 * Wraps `text` to `maxWidth` board units at `fontSize`, measured in the
 * page's font: paragraphs stay separate lines, the first `boldLines`
 * paragraphs are bold. A word too long for a line is hyphenated by its
 * language (a hyphen drawn at the break), never broken elsewhere; a piece
 * still too long overflows. Results are cached.
 */
export function wrapBoardText(text: string, fontSize: number, maxWidth: number, boldLines: number): WrappedLine[] {
  const key = `${fontSize}|${Math.round(maxWidth)}|${boldLines}|${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const lines = text.split('\n').flatMap((paragraph, index) => {
    const bold = index < boldLines;
    return wrapParagraph(paragraph, Math.max(1, maxWidth), (line) => measureWidth(line, fontSize, bold), WRAP_OPTIONS).map((line) => ({ text: line, bold }));
  });
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, lines);
  return lines;
}

// Miro shrinks sticky text to fit; short text is drawn at most this large.
const MAX_FIT_FONT_SIZE = MIRO_STICKY_MAX_FONT_SIZE;
const MIN_FIT_FONT_SIZE = 4;

/** The largest font size (at most Miro's own, 24) at which `text` fits a `width` × `height` box without breaking a word, and its lines. */
export function fitBoardText(text: string, width: number, height: number, boldLines: number): { fontSize: number; lines: WrappedLine[] } {
  const key = `${Math.round(width)}|${Math.round(height)}|${boldLines}|${text}`;
  const cached = fitCache.get(key);
  if (cached) return cached;
  const fitted = findFittingText(text, width, height, boldLines);
  if (fitCache.size >= MAX_CACHED) fitCache.clear();
  fitCache.set(key, fitted);
  return fitted;
}

const fitCache = new Map<string, { fontSize: number; lines: WrappedLine[] }>();

function findFittingText(text: string, width: number, height: number, boldLines: number): { fontSize: number; lines: WrappedLine[] } {
  const words = text.split(/\s+/).filter(Boolean);
  for (let fontSize = MAX_FIT_FONT_SIZE; fontSize > MIN_FIT_FONT_SIZE; fontSize -= 1) {
    // Like Miro, shrink until every word fits whole, then until the lines fit.
    if (words.some((word) => measureWidth(word, fontSize, boldLines > 0) > width)) continue;
    const lines = wrapBoardText(text, fontSize, width, boldLines);
    if (lines.length * fontSize * BOARD_LINE_HEIGHT <= height) return { fontSize, lines };
  }
  return { fontSize: MIN_FIT_FONT_SIZE, lines: wrapBoardText(text, MIN_FIT_FONT_SIZE, width, boldLines) };
}
