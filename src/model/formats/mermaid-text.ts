/**
 * Text inside a Mermaid user journey, both ways: what a name in a diagram
 * means (entity codes, line breaks) and how to write any text so that
 * Mermaid 11 reads it back unchanged.
 *
 * Mermaid replaces every `#name;` or `#123;` of a diagram (its "entity
 * codes", `encodeEntities` in mermaid's utils) before its journey lexer
 * runs, and turns them into `&name;` / `&#123;` only in the drawn SVG; so
 * an entity code is the one way to write a character that the lexer would
 * otherwise take as syntax.
 */

/** Where a text stands in a diagram: each place has its own syntax around it. */
export type MermaidTextPlace = 'title' | 'description' | 'section' | 'task' | 'actor';

/** How a `<br>` in a text is read: Mermaid draws task and section names with line breaks, actors with spaces, titles as written. */
export type MermaidLineBreaks = 'newline' | 'space' | 'keep';

/**
 * The named entity codes people write in diagrams (Mermaid's docs show
 * `#quot;`), with the characters HTML gives them. Names not listed are
 * kept as written.
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  num: '#',
  colon: ':',
  semi: ';',
  comma: ',',
  percnt: '%',
  lpar: '(',
  rpar: ')',
  lbrace: '{',
  rbrace: '}',
  lcub: '{',
  rcub: '}',
  lsqb: '[',
  rsqb: ']',
  vert: '|',
  bsol: '\\',
  sol: '/',
  excl: '!',
  quest: '?',
  commat: '@',
  equals: '=',
  plus: '+',
  ast: '*',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  hearts: '♥',
};

/** Mermaid's entity codes (`#\w+;`, as its `encodeEntities` finds them) and the line breaks its journey renderer splits on (`/<br\s*\/?>/gi`). */
const DECODED = /<br\s*\/?>|#(\w+);/gi;

/** The largest Unicode code point. */
const MAX_CODE_POINT = 0x10ffff;

/** A character as a decimal entity code, which Mermaid never takes as syntax. */
const toEntity = (char: string): string => `#${char.codePointAt(0) ?? 0};`;

/**
 * A name or title as a diagram means it: entity codes decoded (`#35;` → `#`,
 * `#quot;` → `"`; unknown names kept as written; a code point HTML refuses
 * becomes U+FFFD, as a browser shows it) and `<br>` read as `breaks` says.
 * Not trimmed.
 */
export function decodeMermaidText(raw: string, breaks: MermaidLineBreaks): string {
  return raw.replace(DECODED, (match: string, name: string | undefined) => {
    if (name === undefined) return breaks === 'newline' ? '\n' : breaks === 'space' ? ' ' : match;
    if (/^\d+$/.test(name)) {
      const code = Number(name);
      return code > 0 && code <= MAX_CODE_POINT && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_ENTITIES[name] ?? match;
  });
}

/**
 * The start of a task name that Mermaid's journey lexer takes for a keyword
 * (journey.jison tries `journey`, `title\s`, `accTitle\s*:`, `accDescr\s*:`,
 * `accDescr\s*{` and `section\s` before a task name, case-insensitively),
 * tested on the name followed by the `:` that ends it.
 */
const KEYWORD_START = /^(?:journey\b|title\s|section\s|acctitle\s*:|accdescr\s*[:{])/i;

/** Line breaks other than `\n` that editors and Mermaid's regular expressions treat apart. */
const isOtherBreak = (char: string | undefined): boolean => char === '\r' || char === '\u2028' || char === '\u2029';

/**
 * Writes `text` (trimmed, as the journey keeps it) for `place` so that
 * Mermaid's parser accepts the line and reads back exactly `text`:
 *
 * - `#` and `;` always become `#35;` and `#59;`: the lexer ends names at
 *   both (`#` starts a comment, `;` is refused), and escaping every `#`
 *   keeps a literal `#35;` from being read as a code.
 * - `:` ends section and task names and splits a task's score from its
 *   actors (`#58;`); in a title or description it stays, unless followed
 *   by something other than a space, where `encodeEntities` would drop a
 *   `;` of the line (its `style.*:\S*#.*;` rule).
 * - `,` separates actors (`#44;` inside one).
 * - `%` next to another `%` (`#37;`): `%%` starts comments and `%%{…}%%`
 *   directives anywhere in a diagram; and a task name may not start with
 *   `%`.
 * - `<` (`#60;`), so no `<br>` or tag in the text is read as markup; in
 *   titles and descriptions, which Mermaid passes through DOMPurify, `&`
 *   and `>` too.
 * - A line break is `<br>` in task and section names (drawn as one) and
 *   `#10;` elsewhere; CR, U+2028 and U+2029 become entity codes.
 * - A task name starting with a keyword (`journey …`, `Title page`,
 *   `section 2`) gets its first letter as an entity code.
 *
 * Empty text gives an empty string; callers write a placeholder.
 */
export function escapeMermaidText(text: string, place: MermaidTextPlace): string {
  const value = text.trim();
  const rich = place === 'title' || place === 'description';
  let out = '';
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index] ?? '';
    const next = value[index + 1];
    switch (char) {
      case '#':
      case ';':
      case '<':
        out += toEntity(char);
        break;
      case '%':
        out += value[index - 1] === '%' || next === '%' || (index === 0 && place === 'task') ? toEntity(char) : char;
        break;
      case ':':
        out += rich && (next === undefined || (/\s/.test(next) && next !== '\n' && !isOtherBreak(next))) ? char : toEntity(char);
        break;
      case ',':
        out += place === 'actor' ? toEntity(char) : char;
        break;
      case '&':
      case '>':
        out += rich ? toEntity(char) : char;
        break;
      case '\n':
        out += place === 'task' || place === 'section' ? '<br>' : toEntity(char);
        break;
      default:
        out += isOtherBreak(char) ? toEntity(char) : char;
    }
  }
  if (place === 'task' && KEYWORD_START.test(`${out}:`)) out = `${toEntity(out.charAt(0))}${out.slice(1)}`;
  return out;
}
