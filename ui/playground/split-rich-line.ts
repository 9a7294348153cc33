import type { RichRun, RichText } from '../../src/model/rich-text';

/** A piece of a wrapped line with the marks its characters have. */
export interface RichPiece {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  link: boolean;
}

const plain = (text: string): RichPiece => ({ text, bold: false, italic: false, underline: false, strike: false, link: false });

/**
 * Splits wrapped lines of an item's plain text into pieces with the marks
 * the item's rich text gives their characters. Wrapped lines are slices of
 * the text's paragraphs in order (white space at the wraps dropped), so each
 * is found in its paragraph from where the previous one ended. Without a
 * form, or where a line cannot be found, a line is one plain piece.
 */
export function splitRichLines(lines: readonly string[], rich: RichText | undefined): RichPiece[][] {
  if (!rich) return lines.map((line) => [plain(line)]);
  const paragraphs = rich.map((paragraph) => ({ text: paragraph.runs.map((run) => run.text).join(''), runs: paragraph.runs }));
  let index = 0;
  let offset = 0;
  return lines.map((line) => {
    for (; index < paragraphs.length; index += 1, offset = 0) {
      const paragraph = paragraphs[index];
      if (!paragraph) break;
      const at = paragraph.text.indexOf(line, offset);
      if (at === -1 || (line === '' && offset > 0)) continue;
      offset = at + line.length;
      return piecesOf(paragraph.runs, at, offset);
    }
    return [plain(line)];
  });
}

function piecesOf(runs: readonly RichRun[], start: number, end: number): RichPiece[] {
  const pieces: RichPiece[] = [];
  let position = 0;
  for (const run of runs) {
    const from = Math.max(start, position);
    const to = Math.min(end, position + run.text.length);
    if (to > from) {
      pieces.push({ text: run.text.slice(from - position, to - position), bold: Boolean(run.bold), italic: Boolean(run.italic), underline: Boolean(run.underline), strike: Boolean(run.strike), link: run.link !== undefined });
    }
    position += run.text.length;
  }
  return pieces.length > 0 ? pieces : [plain('')];
}
