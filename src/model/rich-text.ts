/**
 * The form a person gave a card's text on the board — bold, italics,
 * underline, strike-through, links, lists and line breaks — in one
 * host-neutral shape. The journey keeps a card's words as plain `text` (for
 * layout, the health check and every export) and, beside it, the form, so a
 * card drawn again looks as the person left it. Each host converts its own
 * rich text (Miro content HTML, FigJam styled text segments) to and from it.
 *
 * A form belongs to its words: it is only kept while its plain text is the
 * card's text (see {@link isFormOf}); when the words change in the panel, the
 * form is dropped and the card is plain again.
 */

/** A run of characters with one set of marks. */
export interface RichRun {
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  /** Where the run links to: an `http:`, `https:` or `mailto:` address (see {@link isSafeLink}). */
  link?: string;
}

/** One paragraph (a line of the plain text), optionally an item of a list. */
export interface RichParagraph {
  runs: RichRun[];
  list?: 'bullet' | 'ordered';
}

/** A text with its form: one paragraph per line. */
export type RichText = RichParagraph[];

/** Longest link address kept: far above real addresses; a guard against runaway data. */
export const MAX_LINK_LENGTH = 2000;

/**
 * Whether `address` may be kept as a link: `http:`, `https:` and `mailto:`
 * only, so nothing a board or an export opens can run script
 * (`javascript:`, `data:`). Control characters and spaces are refused.
 */
export function isSafeLink(address: string): boolean {
  return address.length <= MAX_LINK_LENGTH && SAFE_LINK.test(address);
}

/** An `http:`, `https:` or `mailto:` address without spaces or control characters (see isSafeLink). */
// No flags: the pattern goes into the published JSON Schema as it is.
// eslint-disable-next-line no-control-regex -- refusing control characters is the point.
export const SAFE_LINK = /^(?:[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#\u0000-\u001f\u007f]+|[Mm][Aa][Ii][Ll][Tt][Oo]:[^\s/?#\u0000-\u001f\u007f]+)[^\s\u0000-\u001f\u007f]*$/;

/** The plain text of a form: its paragraphs' runs, one line per paragraph. */
export function formatRichTextAsPlain(rich: RichText): string {
  return rich.map((paragraph) => paragraph.runs.map((run) => run.text).join('')).join('\n');
}

/** Whether a form carries anything beyond plain lines (marks, links, lists). */
export function hasRichForm(rich: RichText): boolean {
  return rich.some((paragraph) => paragraph.list !== undefined || paragraph.runs.some((run) => run.bold || run.italic || run.underline || run.strike || run.link !== undefined));
}

// The same folding as the board read-back (normalizeBoardText in src/sync):
// white space inside lines folds, blank lines drop.
const foldLines = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');

/** Whether `rich` is a form of `text`: the same words, white space folded. */
export function isFormOf(rich: RichText, text: string): boolean {
  return foldLines(formatRichTextAsPlain(rich)) === foldLines(text);
}

const sameMarks = (a: RichRun, b: RichRun): boolean =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike && a.link === b.link;

/**
 * A form in its one canonical shape, so two reads of the same board give
 * equal forms: empty runs dropped, neighbouring runs with the same marks
 * joined, absent marks absent (never `false`).
 */
export function normalizeRichText(rich: RichText): RichText {
  return rich.map((paragraph) => {
    const runs: RichRun[] = [];
    for (const run of paragraph.runs) {
      if (run.text === '') continue;
      const clean: RichRun = { text: run.text };
      if (run.bold) clean.bold = true;
      if (run.italic) clean.italic = true;
      if (run.underline) clean.underline = true;
      if (run.strike) clean.strike = true;
      if (run.link !== undefined && isSafeLink(run.link)) clean.link = run.link;
      const last = runs[runs.length - 1];
      if (last && sameMarks(last, clean)) last.text += clean.text;
      else runs.push(clean);
    }
    return paragraph.list ? { runs, list: paragraph.list } : { runs };
  });
}

/** Whether two forms are the same (both in canonical shape). */
export function isSameRichText(a: RichText | undefined, b: RichText | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
