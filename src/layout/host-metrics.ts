import type { TextMeasurer } from './measure-text';
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
}

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
};

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
  stickyWidth: MIRO_STICKY_WIDTH,
  // Miro shrinks sticky text to fit; these are its largest auto size.
  stickyFontSize: MIRO_STICKY_MAX_FONT_SIZE,
  stickyPadding: MIRO_STICKY_PADDING,
  measureSticky() {
    return { width: MIRO_STICKY_WIDTH, height: MIRO_STICKY_HEIGHT };
  },
};

/** Metrics for a plain picture (SVG): FigJam-like stickies that grow with text. */
export const SVG_METRICS: HostMetrics = { ...FIGJAM_METRICS, name: 'svg' };
