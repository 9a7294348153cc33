import { LINE_HEIGHT, measureLineWidth, measureTextApproximately, type TextMeasurer } from './measure-text';
import type { Size } from './scene';

/**
 * What layout must know about a host's sticky notes. Hosts differ: FigJam
 * stickies have a fixed width and grow in height with their text; Miro
 * stickies keep their aspect ratio and shrink their font to fit.
 */
export interface HostMetrics {
  name: 'figjam' | 'miro' | 'svg';
  /** Width every sticky of this host takes. */
  stickyWidth: number;
  /** Font size and inner padding of sticky text, as the host draws it. */
  stickyFontSize: number;
  stickyPadding: number;
  /** Size of a sticky holding `text`. */
  measureSticky(text: string, measureText: TextMeasurer): Size;
  /**
   * Whether the host shows whom a card speaks for as a tag on its sticky
   * (Miro's native tags) rather than as a mark under it.
   */
  personaTags?: boolean;
  /**
   * The sticky that holds `text` with its words whole, at most `maxWidth`
   * wide (the room a cell has for one sticky: two sticky slots and the gap
   * between them): the usual sticky when its text fits it, else a wider one
   * (FigJam's wide sticky; a wider Miro sticky whose font stays readable).
   * Never fails: when even the widest does not keep words whole, returns
   * it with `wordsWhole: false`.
   */
  fitSticky(text: string, measureText: TextMeasurer, maxWidth: number): StickyFit;
}

/** A sticky chosen for a text, as the host would draw it. */
export interface StickyFit extends Size {
  /** Font size the host draws the text at: FigJam's fixed one, or what Miro shrinks it to. */
  fontSize: number;
  /** False when a word is still broken mid-word (FigJam) or the font is below `MIRO_MIN_READABLE_FONT_SIZE` (Miro). */
  wordsWhole: boolean;
}

/** A line wide enough for any single word: words are measured unwrapped. */
const UNWRAPPED = Number.POSITIVE_INFINITY;

/**
 * The first word of `text` (split at white space) wider than `maxWidth` at
 * `fontSize`, as `measureText` measures it; undefined when every word fits.
 * A host that breaks such a word mid-word (FigJam) needs a wider box.
 */
export function findWordWiderThan(text: string, fontSize: number, maxWidth: number, measureText: TextMeasurer): string | undefined {
  // Hosts break lines after a hyphen inside a word as at a space (Unicode
  // line breaking, UAX #14), so each part is what must fit. The measurer is
  // deliberately generous so boxes never overflow; a word counts as too wide
  // only beyond that margin, else a word that fits on the board would take
  // a wide sticky.
  return text
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=[-\u2010\u2011])/))
    .find((word) => word && measureText(word, fontSize, UNWRAPPED).width > maxWidth * MEASURE_MARGIN);
}

// How much wider than the real fonts the approximate measurer is, at most (see measure-text.ts).
const MEASURE_MARGIN = 1.1;

// FigJam: "By default, the new node has constant width and height both at
// 240" (figma.createSticky), and the height grows with the text.
const FIGJAM_STICKY_SIZE = 240;
// FigJam sticky text: Inter Medium; 24 px with 24 px inner padding is the
// generous estimate the layout uses so grown stickies never overlap.
const FIGJAM_STICKY_FONT_SIZE = 24;
const FIGJAM_STICKY_PADDING = 24;

/** Sticky metrics of FigJam. */
export const FIGJAM_METRICS: HostMetrics = {
  name: 'figjam',
  stickyWidth: FIGJAM_STICKY_SIZE,
  stickyFontSize: FIGJAM_STICKY_FONT_SIZE,
  stickyPadding: FIGJAM_STICKY_PADDING,
  measureSticky(text, measureText) {
    const inner = FIGJAM_STICKY_SIZE - 2 * FIGJAM_STICKY_PADDING;
    const measured = measureText(text, FIGJAM_STICKY_FONT_SIZE, inner);
    return { width: FIGJAM_STICKY_SIZE, height: Math.max(FIGJAM_STICKY_SIZE, measured.height + 2 * FIGJAM_STICKY_PADDING) };
  },
  fitSticky(text, measureText, maxWidth) {
    return fitFigJamSticky(text, measureText, maxWidth);
  },
};

/** Width of FigJam's wide sticky (`StickyNode.isWideWidth`); its height grows with the text as the square one's does. */
export const FIGJAM_WIDE_STICKY_WIDTH = 416;

/** FigJam sticky `width` wide holding `text`: height grows with the wrapped text, at least the square size. */
function measureFigJamSticky(text: string, width: number, measureText: TextMeasurer): StickyFit {
  const inner = width - 2 * FIGJAM_STICKY_PADDING;
  const measured = measureText(text, FIGJAM_STICKY_FONT_SIZE, inner);
  const height = Math.max(FIGJAM_STICKY_SIZE, measured.height + 2 * FIGJAM_STICKY_PADDING);
  return { width, height, fontSize: FIGJAM_STICKY_FONT_SIZE, wordsWhole: findWordWiderThan(text, FIGJAM_STICKY_FONT_SIZE, inner, measureText) === undefined };
}

/**
 * FigJam wraps sticky text at spaces and breaks a word wider than the line
 * between letters, without a hyphen; the wide sticky (416) keeps such a word
 * whole when the square one (240) cannot.
 */
function fitFigJamSticky(text: string, measureText: TextMeasurer, maxWidth: number): StickyFit {
  const square = measureFigJamSticky(text, FIGJAM_STICKY_SIZE, measureText);
  if (square.wordsWhole || maxWidth < FIGJAM_WIDE_STICKY_WIDTH) return square;
  return measureFigJamSticky(text, FIGJAM_WIDE_STICKY_WIDTH, measureText);
}

// Miro: a square sticky is 199 × 228 dp by default (the height includes the
// shadow) and keeps that aspect ratio when only the width is set
// (developers.miro.com/docs/websdk-reference-sticky-note).
const MIRO_STICKY_WIDTH = 199;
/** Height of a Miro square sticky, shadow included. */
export const MIRO_STICKY_HEIGHT = 228;
/** The largest font Miro picks when it fits a sticky's text. */
export const MIRO_STICKY_MAX_FONT_SIZE = 24;
const MIRO_STICKY_PADDING = 20;

/** Sticky metrics of Miro: fixed square stickies; the font shrinks to fit. */
export const MIRO_METRICS: HostMetrics = {
  name: 'miro',
  // Miro sticky notes carry native tags (https://developers.miro.com/docs/websdk-reference-tag).
  personaTags: true,
  stickyWidth: MIRO_STICKY_WIDTH,
  // Miro shrinks sticky text to fit; these are its largest auto size.
  stickyFontSize: MIRO_STICKY_MAX_FONT_SIZE,
  stickyPadding: MIRO_STICKY_PADDING,
  measureSticky() {
    return { width: MIRO_STICKY_WIDTH, height: MIRO_STICKY_HEIGHT };
  },
  fitSticky(text, measureText, maxWidth) {
    const square = measureMiroSticky(text, MIRO_STICKY_WIDTH, measureText);
    if (square.wordsWhole || maxWidth <= MIRO_STICKY_WIDTH) return square;
    return measureMiroSticky(text, Math.floor(maxWidth), measureText);
  },
};

/**
 * Smallest sticky text the layout accepts on Miro: below it a map shown
 * whole on a laptop screen cannot be read without zooming in (a product
 * choice, about the size of the map's evidence notes).
 */
export const MIRO_MIN_READABLE_FONT_SIZE = 14;
// The smallest size Miro's auto-fit goes down to, as far as the layout models it.
const MIRO_STICKY_MIN_FONT_SIZE = 4;

/**
 * Whether `text` fits a box at `fontSize` as the approximate measurer wraps
 * it, judged from one pass over its words: the measurer's widths add up
 * character by character, so a greedy wrap over word widths counts its
 * lines; a line either way absorbs rounding, and "measure" is the answer
 * in between.
 */
function judgeFit(text: string, fontSize: number, innerWidth: number, innerHeight: number): 'fits' | 'fails' | 'measure' {
  const available = Math.floor(innerHeight / (fontSize * LINE_HEIGHT));
  const space = measureLineWidth(' ', fontSize);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = -1;
    lines += 1;
    for (const word of paragraph.split(/\s+/)) {
      if (!word) continue;
      const width = measureLineWidth(word, fontSize);
      // Wider than a line by more than the measurer's margin, and no hyphen to
      // break after: it breaks whatever the wrap.
      if (width > innerWidth) return width > innerWidth * MEASURE_MARGIN && !/[-\u2010\u2011]/.test(word) ? 'fails' : 'measure';
      if (line >= 0 && line + space + width <= innerWidth) line += space + width;
      else {
        if (line >= 0) lines += 1;
        line = width;
      }
    }
  }
  if (lines < available) return 'fits';
  return lines > available + 1 ? 'fails' : 'measure';
}

/**
 * The font size Miro shrinks sticky text to in a sticky `width` wide (its
 * height follows Miro's aspect ratio): the largest size up to
 * `MIRO_STICKY_MAX_FONT_SIZE` at which every word fits a line whole and
 * the wrapped lines fit the sticky. Returns the smallest size Miro uses
 * when none fits.
 */
export function measureMiroStickyFontSize(text: string, width: number, measureText: TextMeasurer): number {
  const innerWidth = width - 2 * MIRO_STICKY_PADDING;
  const innerHeight = (width * MIRO_STICKY_HEIGHT) / MIRO_STICKY_WIDTH - 2 * MIRO_STICKY_PADDING;
  // Like Miro, shrink until every word fits whole and the lines fit. A
  // smaller font never fits worse, so the largest size that fits is found by
  // halving the range: a handful of measurements per sticky, not one per size.
  // With the approximate measurer, a count over word widths settles most
  // sizes without wrapping the text; the others are measured.
  const fits = (fontSize: number): boolean => {
    const judged = measureText === measureTextApproximately ? judgeFit(text, fontSize, innerWidth, innerHeight) : 'measure';
    if (judged !== 'measure') return judged === 'fits';
    return findWordWiderThan(text, fontSize, innerWidth, measureText) === undefined && measureText(text, fontSize, innerWidth).height <= innerHeight;
  };
  if (fits(MIRO_STICKY_MAX_FONT_SIZE)) return MIRO_STICKY_MAX_FONT_SIZE;
  let low = MIRO_STICKY_MIN_FONT_SIZE;
  let high = MIRO_STICKY_MAX_FONT_SIZE;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/** A Miro sticky `width` wide holding `text`: height by Miro's aspect ratio, font as Miro shrinks it. */
function measureMiroSticky(text: string, width: number, measureText: TextMeasurer): StickyFit {
  const fontSize = measureMiroStickyFontSize(text, width, measureText);
  return { width, height: Math.round((width * MIRO_STICKY_HEIGHT) / MIRO_STICKY_WIDTH), fontSize, wordsWhole: fontSize >= MIRO_MIN_READABLE_FONT_SIZE };
}

/** Metrics for a plain picture (SVG): FigJam-like stickies that grow with text. */
export const SVG_METRICS: HostMetrics = { ...FIGJAM_METRICS, name: 'svg' };
