import { hasRichForm, isSafeLink, normalizeRichText, type RichParagraph, type RichRun, type RichText } from '../../model/rich-text';

/**
 * Miro stores the text of sticky notes, shapes and text items as HTML
 * (`content: '<p>…</p>'`, https://developers.miro.com/docs/websdk-reference-sticky-note),
 * so user text is escaped before it reaches the board and tags are stripped
 * when it is read back. A person's formatting (bold, italics, links, lists)
 * is read into the host-neutral RichText and written back from it; the tags
 * Miro's rich text knows are listed at https://developers.miro.com/v1.0/reference/rich-text
 * ("Treat rich text as you would treat arbitrary HTML"), so anything else is
 * read as its text.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes `& < > " '` so text is shown as written, never run as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Plain text as Miro content: one escaped `<p>` per line. Empty text is `''`. */
export function formatTextAsHtml(text: string): string {
  if (text === '') return '';
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

/** A bold heading over plain text, for shapes: `<p><strong>heading</strong></p><p>text</p>`. */
export function formatHeadingAsHtml(heading: string, text: string): string {
  const head = heading === '' ? '' : formatTextAsHtml(heading).replace(/<p>(.*?)<\/p>/g, '<p><strong>$1</strong></p>');
  return head + formatTextAsHtml(text);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the entities Miro writes (named, decimal, hexadecimal); unknown ones stay as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,8}|#[0-9]{1,10}|[a-z]{2,8});/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/**
 * Miro content as plain text: paragraphs, list items and `<br>` become line
 * breaks, other tags are dropped, entities are decoded.
 */
export function convertHtmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>\s*(?=<)/gi, '</$1>\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(withBreaks).replace(/\n+$/, '');
}

/** How many leading paragraphs of Miro content are wholly bold (`<p><strong>…</strong></p>`): a heading, as formatHeadingAsHtml writes it. */
export function countBoldParagraphs(html: string): number {
  const paragraphs = html.match(/<p>.*?<\/p>/g) ?? [];
  let count = 0;
  while (count < paragraphs.length && /^<p><strong>.*<\/strong><\/p>$/.test(paragraphs[count] ?? '')) count += 1;
  return count;
}

type Mark = 'bold' | 'italic' | 'underline' | 'strike';

/** The mark each inline tag sets; other inline tags (span, font, code…) are read as their text. */
const MARK_TAGS: Readonly<Record<string, Mark>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
};
/** Tags that hold a paragraph of their own. */
const BLOCK_TAGS: ReadonlySet<string> = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);

/** The `href` of an `<a …>` tag's attributes, decoded; undefined without one. */
function readHref(attributes: string): string | undefined {
  const match = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '').trim();
}

/**
 * Reads Miro content into its form: one paragraph per line (`<p>`, `<div>`,
 * headings, list items, and a line `<br>` ends), with bold (`<strong>`,
 * `<b>`), italics (`<em>`, `<i>`), underline (`<u>`), strike-through (`<s>`,
 * `<strike>`, `<del>`), links (`<a href>`, kept only when isSafeLink allows
 * the address) and bulleted or numbered lists; any other tag is read as its
 * text, entities are decoded. One pass over the text: linear in its length,
 * whatever a board holds. Never throws; unbalanced tags are read as far as
 * they make sense. The result is in canonical shape (normalizeRichText).
 */
export function parseMiroHtml(html: string): RichText {
  const paragraphs: RichParagraph[] = [];
  const marks: Record<Mark, number> = { bold: 0, italic: 0, underline: 0, strike: 0 };
  const links: (string | undefined)[] = [];
  const lists: RichParagraph['list'][] = [];
  let listItems = 0;
  let current: RichParagraph | undefined;
  // A block was opened and nothing written in it yet: `<p></p>` is an empty line.
  let openedEmpty = false;

  const endParagraph = (): void => {
    if (current) paragraphs.push(current);
    current = undefined;
  };
  const startParagraph = (): RichParagraph => {
    const list = listItems > 0 ? lists[lists.length - 1] : undefined;
    current = list ? { runs: [], list } : { runs: [] };
    return current;
  };
  const appendText = (raw: string): void => {
    // White space between blocks is markup layout, not text.
    if (!current && raw.trim() === '') return;
    const text = decodeEntities(raw);
    const paragraph = current ?? startParagraph();
    const run: RichRun = { text };
    if (marks.bold > 0) run.bold = true;
    if (marks.italic > 0) run.italic = true;
    if (marks.underline > 0) run.underline = true;
    if (marks.strike > 0) run.strike = true;
    for (let depth = links.length - 1; depth >= 0; depth -= 1) {
      const link = links[depth];
      if (link === undefined) continue;
      run.link = link;
      break;
    }
    paragraph.runs.push(run);
    openedEmpty = false;
  };

  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    if (open === -1) {
      appendText(html.slice(index));
      break;
    }
    if (open > index) appendText(html.slice(index, open));
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      index = end === -1 ? html.length : end + 3;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    if (close === -1) {
      // A lone `<` is text (Miro escapes it, but a board may hold anything).
      appendText(html.slice(open));
      break;
    }
    index = close + 1;
    const tag = /^(\/?)\s*([a-z][a-z0-9]*)([^]*)$/i.exec(html.slice(open + 1, close));
    if (!tag) {
      appendText(html.slice(open, close + 1));
      continue;
    }
    const closing = tag[1] === '/';
    const name = (tag[2] ?? '').toLowerCase();
    const attributes = tag[3] ?? '';
    const mark = MARK_TAGS[name];
    if (mark) {
      marks[mark] = Math.max(0, marks[mark] + (closing ? -1 : 1));
    } else if (name === 'a') {
      if (closing) links.pop();
      else {
        const href = readHref(attributes);
        links.push(href !== undefined && isSafeLink(href) ? href : undefined);
      }
    } else if (name === 'br') {
      current ??= startParagraph();
      endParagraph();
    } else if (BLOCK_TAGS.has(name) || name === 'li') {
      const wasEmpty = openedEmpty;
      endParagraph();
      if (name === 'li') listItems = Math.max(0, listItems + (closing ? -1 : 1));
      if (closing && wasEmpty) {
        startParagraph();
        endParagraph();
      }
      openedEmpty = !closing;
    } else if (name === 'ul' || name === 'ol') {
      endParagraph();
      if (closing) lists.pop();
      else lists.push(name === 'ul' ? 'bullet' : 'ordered');
      openedEmpty = false;
    }
  }
  endParagraph();
  return normalizeRichText(paragraphs);
}

/** The form of Miro content when it shows more than plain lines (see hasRichForm); undefined for plain text. */
export function readRichForm(html: string): RichText | undefined {
  const rich = parseMiroHtml(html);
  return hasRichForm(rich) ? rich : undefined;
}

/** One run as Miro HTML: its text escaped, inside its marks, a link outermost (safe addresses only). */
function formatRunAsHtml(run: RichRun): string {
  let html = escapeHtml(run.text);
  if (run.strike) html = `<s>${html}</s>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.link !== undefined && isSafeLink(run.link)) html = `<a href="${escapeHtml(run.link)}">${html}</a>`;
  return html;
}

/**
 * A form as Miro content: a `<p>` per paragraph, consecutive list items in
 * one `<ul>` or `<ol>` as `<li>`, marks as `<strong>`, `<em>`, `<u>`, `<s>`,
 * links as `<a href>` (only addresses isSafeLink allows), all text escaped.
 * parseMiroHtml reads it back as the same form. An empty form is `''`.
 */
export function formatRichTextAsHtml(rich: RichText): string {
  let html = '';
  let openList: RichParagraph['list'];
  for (const paragraph of rich) {
    const inner = paragraph.runs.map(formatRunAsHtml).join('');
    if (paragraph.list !== openList) {
      if (openList) html += openList === 'bullet' ? '</ul>' : '</ol>';
      if (paragraph.list) html += paragraph.list === 'bullet' ? '<ul>' : '<ol>';
      openList = paragraph.list;
    }
    html += paragraph.list ? `<li>${inner}</li>` : `<p>${inner}</p>`;
  }
  if (openList) html += openList === 'bullet' ? '</ul>' : '</ol>';
  return html;
}
