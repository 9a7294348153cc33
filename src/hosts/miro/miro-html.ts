/**
 * Miro stores the text of sticky notes, shapes and text items as HTML
 * (`content: '<p>…</p>'`, https://developers.miro.com/docs/websdk-reference-sticky-note),
 * so user text is escaped before it reaches the board and tags are stripped
 * when it is read back.
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

/**
 * Miro content as plain text: paragraphs, list items and `<br>` become line
 * breaks, other tags are dropped, entities are decoded.
 */
export function convertHtmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>\s*(?=<)/gi, '</$1>\n')
    .replace(/<[^>]*>/g, '');
  const decoded = withBreaks.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
  return decoded.replace(/\n+$/, '');
}

/** How many leading paragraphs of Miro content are wholly bold (`<p><strong>…</strong></p>`): a heading, as formatHeadingAsHtml writes it. */
export function countBoldParagraphs(html: string): number {
  const paragraphs = html.match(/<p>.*?<\/p>/g) ?? [];
  let count = 0;
  while (count < paragraphs.length && /^<p><strong>.*<\/strong><\/p>$/.test(paragraphs[count] ?? '')) count += 1;
  return count;
}
