import { formatRichTextAsPlain, hasRichForm, isSafeLink, normalizeRichText, type RichParagraph, type RichRun, type RichText } from '../../model/rich-text';

/**
 * FigJam's rich text and the journey's form of a card's text
 * (`rich-text.ts`). FigJam keeps marks per character range: the font
 * (bold and italics are font styles of Inter), the decoration (underline or
 * strike-through), a link and, per paragraph, a list
 * (https://developers.figma.com/docs/plugins/api/properties/TextNode-getstyledtextsegments).
 * Paragraphs are the lines between `\n`; a soft line break (U+2028) stays
 * inside its paragraph, as FigJam shows it.
 */

/** The fields a form is read from. */
export const FORM_FIELDS = ['fontName', 'textDecoration', 'hyperlink', 'listOptions'] as const;

/** One styled segment as `getStyledTextSegments(FORM_FIELDS)` answers it; fields the reader does not know are ignored. */
export interface FormSegment {
  characters: string;
  fontName?: unknown;
  textDecoration?: unknown;
  hyperlink?: unknown;
  listOptions?: unknown;
}

/** What can write a form: a sticky's or shape's text sublayer, or a text node. */
type WritableText = Pick<TextSublayerNode, 'characters' | 'getStyledTextSegments' | 'setRangeFontName' | 'setRangeTextDecoration' | 'setRangeHyperlink' | 'setRangeListOptions'>;

const INTER = 'Inter';

const readStyle = (font: unknown): string => (typeof font === 'object' && font !== null && typeof (font as FontName).style === 'string' ? (font as FontName).style : '');

/** The marks of one segment: bold and italics from the font's style name, a link only to a safe address. */
function readMarks(segment: FormSegment): Omit<RichRun, 'text'> {
  const marks: Omit<RichRun, 'text'> = {};
  const style = readStyle(segment.fontName);
  if (/bold/i.test(style)) marks.bold = true;
  if (/italic/i.test(style)) marks.italic = true;
  if (segment.textDecoration === 'UNDERLINE') marks.underline = true;
  if (segment.textDecoration === 'STRIKETHROUGH') marks.strike = true;
  const link = segment.hyperlink as HyperlinkTarget | null | undefined;
  // A link to another node of the file ('NODE') means nothing outside it.
  if (link && link.type === 'URL' && typeof link.value === 'string' && isSafeLink(link.value)) marks.link = link.value;
  return marks;
}

function readList(segment: FormSegment): RichParagraph['list'] {
  const type = (segment.listOptions as TextListOptions | undefined)?.type;
  return type === 'ORDERED' ? 'ordered' : type === 'UNORDERED' ? 'bullet' : undefined;
}

/**
 * The form of a text from its styled segments, in canonical shape; undefined
 * when it is plain lines (no marks, links or lists). A paragraph is a list
 * item when its first character is.
 */
export function convertSegmentsToRichText(segments: readonly FormSegment[]): RichText | undefined {
  const paragraphs: { runs: RichRun[]; list?: RichParagraph['list']; listRead?: boolean }[] = [{ runs: [] }];
  for (const segment of segments) {
    const marks = readMarks(segment);
    const list = readList(segment);
    segment.characters.split('\n').forEach((piece, index) => {
      if (index > 0) paragraphs.push({ runs: [] });
      const paragraph = paragraphs[paragraphs.length - 1];
      if (!paragraph || piece === '') return;
      paragraph.runs.push({ text: piece, ...marks });
      if (!paragraph.listRead) {
        paragraph.listRead = true;
        if (list) paragraph.list = list;
      }
    });
  }
  const rich = normalizeRichText(paragraphs.map(({ runs, list }) => (list ? { runs, list } : { runs })));
  return hasRichForm(rich) ? rich : undefined;
}

/** The form of a text on the board, or undefined for plain lines. */
export function readRichText(text: Pick<TextSublayerNode, 'characters' | 'getStyledTextSegments'>): RichText | undefined {
  if (text.characters === '') return undefined;
  return convertSegmentsToRichText(text.getStyledTextSegments([...FORM_FIELDS]));
}

/**
 * The font a run is drawn in: Inter Bold, Medium Italic or Bold Italic for
 * the marked ones (the styles FigJam's own bold and italic buttons pick on
 * sticky text), `plain` for the others.
 */
export function findRunFont(run: Pick<RichRun, 'bold' | 'italic'>, plain: FontName): FontName {
  if (run.bold && run.italic) return { family: INTER, style: 'Bold Italic' };
  if (run.bold) return { family: INTER, style: 'Bold' };
  if (run.italic) return { family: INTER, style: 'Medium Italic' };
  return plain;
}

/** The fonts a form needs besides `plain`, to load before it is written. */
export function listFormFonts(form: RichText, plain: FontName): FontName[] {
  const fonts = new Map<string, FontName>();
  for (const paragraph of form) {
    for (const run of paragraph.runs) {
      const font = findRunFont(run, plain);
      if (font !== plain) fonts.set(`${font.family} ${font.style}`, font);
    }
  }
  return [...fonts.values()];
}

/**
 * Writes `characters` over a text. Setting characters resets the ranges
 * and gives the whole text the style of its first character
 * (https://developers.figma.com/docs/plugins/api/properties/TextNode-characters),
 * so a link, decoration or list a person put on the first word would spread
 * over all of it: those are cleared. The font is the caller's to set first.
 */
export function replaceCharacters(text: WritableText, characters: string): void {
  // The first character whole: an emoji takes two UTF-16 units.
  const firstLength = String.fromCodePoint(text.characters.codePointAt(0) ?? 0).length;
  const first = text.characters === '' ? undefined : text.getStyledTextSegments(['textDecoration', 'hyperlink', 'listOptions'], 0, firstLength)[0];
  text.characters = characters;
  if (!first || characters === '') return;
  const end = characters.length;
  if (first.textDecoration !== 'NONE') text.setRangeTextDecoration(0, end, 'NONE');
  if (first.hyperlink) text.setRangeHyperlink(0, end, null);
  if (first.listOptions.type !== 'NONE') text.setRangeListOptions(0, end, { type: 'NONE' });
}

/**
 * Writes a text with its form: the plain text of the form (its paragraphs
 * joined by line breaks), then each run's marks and each paragraph's list.
 * A run whose font could not be loaded (`canUseFont` false) keeps the plain
 * font: its words are there, only the weight or slant is not. FigJam keeps
 * one decoration per character, so a run both underlined and struck through
 * is underlined.
 */
export function writeRichText(text: WritableText, form: RichText, plain: FontName, canUseFont: (font: FontName) => boolean): void {
  replaceCharacters(text, formatRichTextAsPlain(form));
  let offset = 0;
  for (const paragraph of form) {
    const start = offset;
    for (const run of paragraph.runs) {
      const end = offset + run.text.length;
      if (end > offset) {
        const font = findRunFont(run, plain);
        if (font !== plain && canUseFont(font)) text.setRangeFontName(offset, end, font);
        if (run.underline || run.strike) text.setRangeTextDecoration(offset, end, run.underline ? 'UNDERLINE' : 'STRIKETHROUGH');
        if (run.link !== undefined && isSafeLink(run.link)) text.setRangeHyperlink(offset, end, { type: 'URL', value: run.link });
      }
      offset = end;
    }
    if (paragraph.list && offset > start) text.setRangeListOptions(start, offset, { type: paragraph.list === 'ordered' ? 'ORDERED' : 'UNORDERED' });
    // The line break after the paragraph.
    offset += 1;
  }
}
