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

function measureCharWidth(char: string): number {
  if (char === ' ') return 0.28;
  if (NARROW.test(char)) return 0.3;
  if (WIDE.test(char)) return 0.86;
  if (UPPER.test(char)) return 0.68;
  if (DOUBLE.test(char)) return 1.0;
  if ((char.codePointAt(0) ?? 0) > 0xffff || /\p{Extended_Pictographic}/u.test(char)) return 1.25;
  return 0.56;
}

/** Width of one line of text in board units. */
export function measureLineWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += measureCharWidth(char);
  return width * fontSize;
}

/** `word` in pieces that each fit `maxWidth`, broken between characters. */
function breakLongWord(word: string, maxWidth: number, measureWidth: (text: string) => number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const char of word) {
    if (current && measureWidth(current + char) > maxWidth) {
      parts.push(current);
      current = char;
    } else current += char;
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * Greedy word wrap of one paragraph to `maxWidth`, as `measureWidth`
 * measures a line; a word wider than a line is broken between characters.
 * Returns at least one line (empty for an empty paragraph).
 */
export function wrapParagraph(paragraph: string, maxWidth: number, measureWidth: (text: string) => number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (measureWidth(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    if (measureWidth(word) <= maxWidth) current = word;
    else {
      const parts = breakLongWord(word, maxWidth, measureWidth);
      current = parts.pop() ?? '';
      lines.push(...parts);
    }
  }
  lines.push(current);
  return lines;
}

/**
 * A deterministic text measurer: greedy word wrap with per-character widths.
 * Deterministic so golden scenes are stable on every machine; generous so
 * the real fonts of Miro and FigJam fit inside the boxes it returns.
 */
export const measureTextApproximately: TextMeasurer = (text, fontSize, maxWidth) => {
  const measureWidth = (line: string): number => measureLineWidth(line, fontSize);
  const lines = text.split(/\r?\n/).flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, measureWidth));
  const width = Math.min(maxWidth, Math.max(0, ...lines.map(measureWidth)));
  return { lines, width: Math.ceil(width), height: Math.ceil(lines.length * fontSize * LINE_HEIGHT) };
};
