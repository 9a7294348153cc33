import { fail, quoteText, succeed, type ParseResult, type ValidationError } from '../parse-result';
import { clipText } from '../text-size';
import { readMermaidFrontMatter } from './mermaid-front-matter';

/**
 * The syntax of a Mermaid 11 user journey, read the way Mermaid reads it,
 * so that a diagram Mermaid accepts is accepted here with the same
 * content, and one it refuses is refused with the line and the fix.
 *
 * Mermaid's `mermaid.parse` first rewrites the text (`preprocessDiagram`
 * in mermaid's preprocess.ts, then `Diagram.fromText`):
 *
 * 1. line breaks become `\n`;
 * 2. YAML front matter is cut off (its `title` is the diagram's title);
 * 3. `%%{…}%%` directives are cut out, wherever they are;
 * 4. lines that start with `%%` (not `%%{`) are cut out, and leading
 *    space is trimmed (`cleanupComments`);
 * 5. `encodeEntities` drops a `;` from lines matching `style.*:\S*#.*;` or
 *    `classDef.*:\S*#.*;` and hides entity codes (`#35;`) from the lexer;
 * 6. a `\n` is appended.
 *
 * Then the journey grammar (journey.jison) reads tokens: `journey`, then
 * any of `title …`, `accTitle: …`, `accDescr: …`, `accDescr { … }`,
 * `section …` and tasks `name: data`, until the end. This module does the
 * same, each step a single pass (no regular expression that backtracks
 * over a line), and keeps a map from the rewritten text to the lines of
 * the file for messages.
 */

/** One statement of a journey, with the raw text Mermaid keeps for it (entity codes not decoded). */
export type MermaidJourneyStatement =
  | { type: 'title'; line: number; raw: string }
  | { type: 'accTitle'; line: number; raw: string }
  | { type: 'accDescr'; line: number; raw: string }
  | { type: 'section'; line: number; raw: string }
  | {
      type: 'task';
      line: number;
      /** The task's name as Mermaid keeps it: untrimmed. */
      raw: string;
      /** What Mermaid makes the score of (`Number(score)`): the text between the first and second colon. */
      score: string;
      /** The actors as Mermaid splits them (untrimmed; empty when the task has one colon). */
      actors: string[];
      /** Text after a third colon, which Mermaid drops. */
      ignored: string;
    };

/** What a Mermaid user journey says, statement by statement. */
export interface MermaidJourneySyntax {
  /** The `title` of the YAML front matter, as written (Mermaid does not decode entity codes there). */
  frontMatterTitle?: { value: string; line: number };
  statements: MermaidJourneyStatement[];
}

/** Text cut from a file, with where each kept run of characters came from. */
interface MappedText {
  text: string;
  /** Offsets in `text` where a run of kept characters starts, ascending, the first 0. */
  starts: number[];
  /** The offset in the file of each run's first character. */
  origins: number[];
}

/** `source` without the half-open `cuts` (ascending, disjoint), keeping the map to the file. */
function cutText(source: MappedText, cuts: readonly (readonly [number, number])[]): MappedText {
  if (cuts.length === 0) return source;
  const pieces: string[] = [];
  const starts: number[] = [];
  const origins: number[] = [];
  let segment = 0;
  let length = 0;
  const keep = (from: number, to: number): void => {
    if (to <= from) return;
    pieces.push(source.text.slice(from, to));
    while (segment + 1 < source.starts.length && (source.starts[segment + 1] ?? Infinity) <= from) segment += 1;
    for (let at = from; at < to; ) {
      const runStart = source.starts[segment] ?? 0;
      const runEnd = source.starts[segment + 1] ?? Infinity;
      starts.push(length + (at - from));
      origins.push((source.origins[segment] ?? 0) + (at - runStart));
      at = Math.min(to, runEnd);
      if (at < to) segment += 1;
    }
    length += to - from;
  };
  let at = 0;
  for (const [from, to] of cuts) {
    keep(at, from);
    at = Math.max(at, to);
  }
  keep(at, source.text.length);
  if (starts.length === 0) {
    starts.push(0);
    origins.push(originOf(source, source.text.length));
  }
  return { text: pieces.join(''), starts, origins };
}

/** The file offset of offset `at` of a mapped text. */
function originOf(mapped: MappedText, at: number): number {
  let low = 0;
  let high = mapped.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((mapped.starts[middle] ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return (mapped.origins[low] ?? 0) + (at - (mapped.starts[low] ?? 0));
}

/** JavaScript's `\s`, which Mermaid's lexer skips between tokens. */
const isSpace = (code: number): boolean =>
  code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
/** `\w`: ASCII letters, digits and `_`. */
const isWordCode = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
/** What JavaScript's `.` does not match: the ends of a "line" for `encodeEntities`. */
const isLineTerminator = (code: number): boolean => code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

const HASH = 0x23;
const SEMICOLON = 0x3b;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const PERCENT = 0x25;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The end of an entity code (`#\w+;`) starting at `at`, or -1. */
function entityEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== HASH) return -1;
  let end = at + 1;
  while (end < text.length && isWordCode(text.charCodeAt(end))) end += 1;
  return end > at + 1 && text.charCodeAt(end) === SEMICOLON ? end + 1 : -1;
}

/**
 * The end of a directive (`%%{…}%%`) at `at`, as Mermaid's `directiveRegex`
 * `/%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi`
 * matches it (an unclosed one runs to the end of the text), or -1.
 */
function directiveEnd(text: string, at: number): number {
  const skipSpace = (from: number): number => {
    let end = from;
    while (end < text.length && isSpace(text.charCodeAt(end))) end += 1;
    return end;
  };
  const skipWord = (from: number): number => {
    let end = from;
    while (end < text.length && isWordCode(text.charCodeAt(end))) end += 1;
    return end;
  };
  let end = skipSpace(at + 3);
  const wordEnd = skipWord(end);
  if (wordEnd === end) return -1;
  end = wordEnd;
  const colon = skipSpace(end);
  if (text.charCodeAt(colon) === COLON) end = colon + 1;
  end = skipSpace(end);
  if (end < text.length && isWordCode(text.charCodeAt(end))) end = skipWord(end);
  else {
    while (end < text.length && !text.startsWith('}%%', end)) {
      const code = text.charCodeAt(end);
      if (code !== NEWLINE && isLineTerminator(code)) break;
      end += 1;
    }
  }
  end = skipSpace(end);
  return text.startsWith('}%%', end) ? end + 3 : end;
}

/** Directives, cut out of the whole text as Mermaid's `removeDirectives` does. */
function findDirectives(text: string): [number, number][] {
  const cuts: [number, number][] = [];
  for (let at = text.indexOf('%%{'); at >= 0; ) {
    const end = directiveEnd(text, at);
    if (end < 0) {
      at = text.indexOf('%%{', at + 1);
      continue;
    }
    cuts.push([at, end]);
    at = text.indexOf('%%{', end);
  }
  return cuts;
}

/**
 * Lines starting with `%%` (not `%%{`), with the blank lines before them,
 * as `cleanupComments` (`/^\s*%%(?!{)[^\n]+\n?/gm`) cuts them. With the `m`
 * flag a line also starts after U+2028 and U+2029, while `[^\n]+` runs on
 * to the next `\n`. Found with one look ahead per run of blank space.
 */
function findCommentLines(text: string): [number, number][] {
  const cuts: [number, number][] = [];
  let firstSolid = -1;
  for (let lineStart = 0; lineStart < text.length; ) {
    if (firstSolid < lineStart) {
      firstSolid = lineStart;
      while (firstSolid < text.length && isSpace(text.charCodeAt(firstSolid))) firstSolid += 1;
    }
    const at = firstSolid;
    const isComment = text.charCodeAt(at) === PERCENT && text.charCodeAt(at + 1) === PERCENT && at + 2 < text.length && text.charCodeAt(at + 2) !== OPEN_BRACE && text.charCodeAt(at + 2) !== NEWLINE;
    if (isComment) {
      const commentEnd = text.indexOf('\n', at);
      const end = commentEnd < 0 ? text.length : commentEnd + 1;
      cuts.push([lineStart, end]);
      lineStart = end;
      continue;
    }
    let next = lineStart;
    while (next < text.length && !isLineTerminator(text.charCodeAt(next))) next += 1;
    lineStart = next + 1;
  }
  return cuts;
}

/**
 * The `;` that `encodeEntities` drops with `txt.replace(/<word>.*:\S*#.*;/g, …)`
 * (`word` is `style` or `classDef`): on a line holding `word`, then a `:`
 * followed, without a space, by a `#`, then a `;`, the line's last `;`.
 * Decided in one pass per line instead of by backtracking.
 */
function findDroppedSemicolons(text: string, word: string): [number, number][] {
  const cuts: [number, number][] = [];
  for (let found = text.indexOf(word); found >= 0; ) {
    let lineEnd = found;
    while (lineEnd < text.length && !isLineTerminator(text.charCodeAt(lineEnd))) lineEnd += 1;
    let lastSemicolon = -1;
    let hash = -1;
    let afterColon = false;
    for (let at = found + word.length; at < lineEnd; at += 1) {
      const code = text.charCodeAt(at);
      if (code === SEMICOLON) lastSemicolon = at;
      if (hash < 0) {
        if (code === COLON) afterColon = true;
        else if (code === HASH && afterColon) hash = at;
        else if (isSpace(code)) afterColon = false;
      }
    }
    if (hash >= 0 && lastSemicolon > hash) cuts.push([lastSemicolon, lastSemicolon + 1]);
    found = text.indexOf(word, lineEnd);
  }
  return cuts;
}

type LexerState = 'INITIAL' | 'accTitle' | 'accDescr' | 'accDescrBlock';

/** A token of journey.jison; `at` of an accTitle / accDescr value is where its keyword starts. */
type Token =
  | { type: 'journey' | 'NEWLINE' | 'EOF' | ':' | 'INVALID'; at: number; end: number }
  /** The input ran out in `open` (jison's `$end` without its `EOF` token: the parse fails). */
  | { type: 'end'; at: number; end: number; open: Exclude<LexerState, 'INITIAL'> }
  | { type: 'title' | 'section' | 'taskName' | 'taskData' | 'accTitle' | 'accDescr' | 'accDescrBlock'; at: number; end: number; text: string };

const JOURNEY_KEYWORD = /journey\b/iy;
const TITLE_KEYWORD = /title\s/iy;
const SECTION_KEYWORD = /section\s/iy;
const ACC_TITLE_KEYWORD = /accTitle\s*:\s*/iy;
const ACC_DESCR_KEYWORD = /accDescr\s*:\s*/iy;
const ACC_DESCR_BLOCK_KEYWORD = /accDescr\s*\{\s*/iy;

/** The length of a sticky pattern's match at `at`, or -1. */
function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? match[0].length : -1;
}

/**
 * The lexer of journey.jison over `text`, rule by rule in its order (the
 * first rule that matches wins, as jison's default is). Entity codes, which
 * Mermaid has hidden before lexing, are read as plain text here.
 */
function createLexer(text: string) {
  let at = 0;
  let state: LexerState = 'INITIAL';
  /** Where the keyword of the current accTitle / accDescr state starts. */
  let keywordAt = 0;
  /** The end of a run of name characters from `from`: none of `stops`, entity codes whole. */
  const scanName = (from: number, stopColon: boolean): number => {
    let end = from;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === HASH) {
        const entity = entityEnd(text, end);
        if (entity < 0) break;
        end = entity;
        continue;
      }
      if (code === NEWLINE || code === SEMICOLON || (stopColon && code === COLON)) break;
      end += 1;
    }
    return end;
  };
  const lineEnd = (from: number): number => {
    const end = text.indexOf('\n', from);
    return end < 0 ? text.length : end;
  };
  const next = (): Token => {
    for (;;) {
      const start = at;
      if (state !== 'INITIAL' && at >= text.length) {
        // jison's last call on empty input finds an empty value in these
        // states and never reaches the INITIAL rule `$`: the parse fails.
        return { type: 'end', at: keywordAt, end: start, open: state };
      }
      if (state === 'accTitle' || state === 'accDescr') {
        at = lineEnd(at);
        const type = state;
        state = 'INITIAL';
        return { type, at: keywordAt, end: at, text: text.slice(start, at) };
      }
      if (state === 'accDescrBlock') {
        if (text.charCodeAt(at) === CLOSE_BRACE) {
          at += 1;
          state = 'INITIAL';
          continue;
        }
        const close = text.indexOf('}', at);
        at = close < 0 ? text.length : close;
        return { type: 'accDescrBlock', at: keywordAt, end: at, text: text.slice(start, at) };
      }
      if (at >= text.length) return { type: 'EOF', at: start, end: start };
      const code = text.charCodeAt(at);
      // \%%(?!\{)[^\n]*  and  [^\}]\%\%[^\n]*  (comments)
      if ((code === PERCENT && text.charCodeAt(at + 1) !== OPEN_BRACE) || (code !== CLOSE_BRACE && text.charCodeAt(at + 1) === PERCENT && text.charCodeAt(at + 2) === PERCENT)) {
        at = lineEnd(at + 1);
        continue;
      }
      // [\n]+
      if (code === NEWLINE) {
        while (text.charCodeAt(at) === NEWLINE) at += 1;
        return { type: 'NEWLINE', at: start, end: at };
      }
      // \s+
      if (isSpace(code)) {
        while (at < text.length && isSpace(text.charCodeAt(at))) at += 1;
        continue;
      }
      // \#[^\n]* (a comment, unless it is an entity code, which Mermaid has hidden)
      if (code === HASH && entityEnd(text, at) < 0) {
        at = lineEnd(at);
        continue;
      }
      let length = matchAt(JOURNEY_KEYWORD, text, at);
      if (length >= 0) {
        at += length;
        return { type: 'journey', at: start, end: at };
      }
      // "title"\s[^#\n;]+
      length = matchAt(TITLE_KEYWORD, text, at);
      if (length >= 0) {
        const end = scanName(at + length, false);
        if (end > at + length) {
          at = end;
          return { type: 'title', at: start, end, text: text.slice(start + 6, end) };
        }
      }
      const accState = ([['accTitle', ACC_TITLE_KEYWORD], ['accDescr', ACC_DESCR_KEYWORD], ['accDescrBlock', ACC_DESCR_BLOCK_KEYWORD]] as const).find(([, pattern]) => {
        length = matchAt(pattern, text, at);
        return length >= 0;
      });
      if (accState) {
        keywordAt = at;
        at += length;
        state = accState[0];
        continue;
      }
      // "section"\s[^#:\n;]+
      length = matchAt(SECTION_KEYWORD, text, at);
      if (length >= 0) {
        const end = scanName(at + length, true);
        if (end > at + length) {
          at = end;
          return { type: 'section', at: start, end, text: text.slice(start + 8, end) };
        }
      }
      // [^#:\n;]+
      const nameEnd = scanName(at, true);
      if (nameEnd > at) {
        at = nameEnd;
        return { type: 'taskName', at: start, end: at, text: text.slice(start, at) };
      }
      if (code === COLON) {
        // ":"[^#\n;]+  or a bare ":"
        const dataEnd = scanName(at + 1, false);
        at = dataEnd > at + 1 ? dataEnd : at + 1;
        return dataEnd > start + 1 ? { type: 'taskData', at: start, end: at, text: text.slice(start + 1, at) } : { type: ':', at: start, end: at };
      }
      at += 1;
      return { type: 'INVALID', at: start, end: at };
    }
  };
  /** Moves past the rest of the line from `from` after an error, as a person reading the file would. */
  const skipLine = (from: number): void => {
    at = lineEnd(from);
    state = 'INITIAL';
  };
  return { next, skipLine };
}

/**
 * How many syntax errors are kept: far more than anyone reads, few enough
 * that a 5 MB file of garbage does not fill the memory with messages; past
 * it one last error counts the rest.
 */
const MAX_KEPT_ERRORS = 1000;
/** How much of a bad value a message quotes. */
const EXCERPT = 60;

/** Splits a task's data (after its first colon) as Mermaid's `addTask` does: `score:actors` and whatever follows a further colon. */
function splitTaskData(data: string): { score: string; actors: string[]; ignored: string } {
  const first = data.indexOf(':');
  if (first < 0) return { score: data, actors: [], ignored: '' };
  const second = data.indexOf(':', first + 1);
  const actors = second < 0 ? data.slice(first + 1) : data.slice(first + 1, second);
  return { score: data.slice(0, first), actors: actors.split(','), ignored: second < 0 ? '' : data.slice(second + 1) };
}

/** The text as Mermaid's lexer gets it (steps 1 to 6 above), the front matter's title, and what made the text unreadable. */
interface Prepared {
  code: MappedText;
  frontMatterTitle?: { value: string; at: number };
  errors: { at: number; message: string; code: string; params?: Record<string, string | number> }[];
}

function prepare(text: string): Prepared {
  const errors: Prepared['errors'] = [];
  // A BOM and the CR of each CRLF go; a lone CR is a line break of its own (Mermaid's cleanupText).
  const carriageReturns: [number, number][] = text.charCodeAt(0) === 0xfeff ? [[0, 1]] : [];
  for (let at = text.indexOf('\r\n'); at >= 0; at = text.indexOf('\r\n', at + 2)) carriageReturns.push([at, at + 1]);
  let code = cutText({ text, starts: [0], origins: [0] }, carriageReturns);
  code = { ...code, text: code.text.replace(/\r/g, '\n') };
  let frontMatterTitle: Prepared['frontMatterTitle'];
  const frontMatter = readMermaidFrontMatter(code.text);
  if (frontMatter.kind === 'unclosed') {
    errors.push({ at: 0, code: 'mermaid-front-matter-unclosed', message: 'the front matter that starts here (a "---" line) is never closed; end it with a line "---" before "journey"' });
  } else if (frontMatter.kind === 'closed') {
    if (frontMatter.repeatedTitleAt !== undefined) {
      errors.push({ at: originOf(code, frontMatter.repeatedTitleAt), code: 'mermaid-front-matter-title-twice', message: 'the front matter has a second "title"; Mermaid refuses a key twice, so keep one' });
    }
    if (frontMatter.title !== undefined && frontMatter.titleAt !== undefined) frontMatterTitle = { value: frontMatter.title, at: originOf(code, frontMatter.titleAt) };
    code = cutText(code, [[0, frontMatter.end]]);
  }
  code = cutText(code, findDirectives(code.text));
  code = cutText(code, findCommentLines(code.text));
  let solid = 0;
  while (solid < code.text.length && isSpace(code.text.charCodeAt(solid))) solid += 1;
  code = cutText(code, [[0, solid]]);
  code = cutText(code, findDroppedSemicolons(code.text, 'style'));
  code = cutText(code, findDroppedSemicolons(code.text, 'classDef'));
  code = { text: `${code.text}\n`, starts: [...code.starts, code.text.length], origins: [...code.origins, text.length] };
  return { code, errors, ...(frontMatterTitle ? { frontMatterTitle } : {}) };
}

/**
 * Whether Mermaid's diagram detection (`/^\s*journey/` once front matter,
 * directives and `%%` comments are gone) finds a user journey in `text`:
 * cheap enough to decide a file's format by its content.
 */
export function looksLikeMermaidJourney(text: string): boolean {
  const { code } = prepare(text.slice(0, 100_000));
  return isDetectedAsJourney(code.text);
}

/**
 * detectType's view: `%%` to the end of a line is dropped (`/\s*%%.*\n/gm`,
 * whose `.` stops at any line terminator, so only a `\n` ends it), then
 * `journey` must start the text, in lower case.
 */
function isDetectedAsJourney(text: string): boolean {
  let at = 0;
  for (;;) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at += 1;
    if (!text.startsWith('%%', at)) return text.startsWith('journey', at);
    let end = at;
    while (end < text.length && !isLineTerminator(text.charCodeAt(end))) end += 1;
    if (text.charCodeAt(end) !== NEWLINE) return false;
    at = end + 1;
  }
}

/**
 * Reads a Mermaid user journey into its statements. Returns every syntax
 * error with its line (up to 1,000, then how many more), each saying what
 * Mermaid expected and how to write the text instead; never throws.
 * Linear in the length of the text.
 */
export function readMermaidJourneySyntax(text: string): ParseResult<MermaidJourneySyntax> {
  const { syntax, errors } = readMermaidJourneyParts(text);
  return syntax && errors.length === 0 ? succeed(syntax) : fail(errors);
}

/**
 * What `readMermaidJourneySyntax` reads, with the statements of the lines
 * that could be read even when others could not (`syntax` is absent when
 * the text is no journey at all), so an importer can report the problems of
 * those lines too, in one go.
 */
export function readMermaidJourneyParts(text: string): { syntax?: MermaidJourneySyntax; errors: ValidationError[] } {
  const lineStarts = [0];
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === NEWLINE || (code === 0x0d && text.charCodeAt(at + 1) !== NEWLINE)) lineStarts.push(at + 1);
  }
  const lineOfOffset = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const lineText = (line: number): string => {
    const start = lineStarts[line - 1] ?? 0;
    const end = lineStarts[line] ?? text.length;
    return text.slice(start, Math.min(end, start + 200)).replace(/\r?\n$|\r$/, '').trim();
  };

  const prepared = prepare(text);
  const code = prepared.code;
  const lineOf = (at: number): number => lineOfOffset(originOf(code, at));
  const errors: ValidationError[] = prepared.errors.map((error) => ({ path: `line ${lineOfOffset(error.at)}`, message: error.message, code: error.code, ...(error.params ? { params: error.params } : {}) }));
  if (errors.length > 0) return { errors };

  if (!isDetectedAsJourney(code.text)) {
    const first = code.text.trim();
    if (first === '') {
      const message = text.trim() === '' ? 'the file is empty; a Mermaid user journey starts with "journey"' : 'the file holds no diagram, only front matter, directives or comments; a Mermaid user journey starts with "journey"';
      return { errors: [{ path: 'line 1', code: 'mermaid-empty', message }] };
    }
    const line = lineOf(0);
    const received = lineText(line);
    const message = /^journey/i.test(first)
      ? `Mermaid knows "journey" only in lower case, received ${quoteText(received)}; write "journey"`
      : `expected "journey" to start a Mermaid user journey, received ${quoteText(received)}`;
    return { errors: [{ path: `line ${line}`, code: 'mermaid-not-journey', message, params: { received: clipText(received, EXCERPT) } }] };
  }

  const lexer = createLexer(code.text);
  const statements: MermaidJourneyStatement[] = [];
  let errorCount = 0;
  /** Records an error at `at` and goes on after the line that `resume` is on. */
  const report = (at: number, error: Omit<ValidationError, 'path'>, resume = at): void => {
    errorCount += 1;
    if (errors.length < MAX_KEPT_ERRORS) errors.push({ path: `line ${lineOf(at)}`, ...error });
    lexer.skipLine(resume);
  };
  const first = lexer.next();
  if (first.type !== 'journey') {
    const line = lineOf(first.at);
    return { errors: [{ path: `line ${line}`, code: 'mermaid-not-journey', message: `expected "journey" to start a Mermaid user journey, received ${quoteText(lineText(line))}`, params: { received: clipText(lineText(line), EXCERPT) } }] };
  }
  let previous: Token = first;
  for (;;) {
    const token = lexer.next();
    if (token.type === 'EOF') break;
    if (token.type === 'end') {
      report(token.at, {
        code: 'mermaid-unclosed',
        message: token.open === 'accDescrBlock' ? 'the "accDescr {" block that starts here is never closed; end it with "}"' : `nothing follows "${token.open}:" up to the end of the file; write its text on the same line`,
      });
      break;
    }
    const here = { line: lineOf(token.at) };
    switch (token.type) {
      case 'NEWLINE':
        break;
      case 'journey':
        report(token.at, {
          code: 'mermaid-keyword',
          message: 'Mermaid reads "journey" at the start of a line as the start of a diagram, and a diagram has one; to start a task with the word, write its first letter as "#106;" ("#106;ourney …")',
        });
        break;
      case 'title':
        statements.push({ type: 'title', ...here, raw: token.text });
        break;
      case 'accTitle':
        statements.push({ type: 'accTitle', ...here, raw: token.text.trim() });
        break;
      case 'accDescr':
        statements.push({ type: 'accDescr', ...here, raw: token.text.trim().replace(/\n\s+/g, '\n') });
        break;
      case 'accDescrBlock':
        // journey.jison trims the block; commonDb's setAccDescription drops each line's indentation.
        statements.push({ type: 'accDescr', ...here, raw: token.text.trim().replace(/\n\s+/g, '\n') });
        break;
      case 'section':
        statements.push({ type: 'section', ...here, raw: token.text });
        break;
      case 'taskName': {
        const data = lexer.next();
        if (data.type === 'taskData') {
          statements.push({ type: 'task', ...here, raw: token.text, ...splitTaskData(data.text) });
          break;
        }
        const stop = code.text.charAt(token.end);
        const name = quoteText(token.text.trim());
        const params = { text: clipText(token.text.trim(), EXCERPT) };
        if (stop === '#') {
          report(token.at, { code: 'mermaid-hash', message: `Mermaid reads "#" as the start of a comment, so the line ends after ${name} and the task has no score; write "#35;" for a "#" in text`, params }, token.end);
        } else if (stop === ';') {
          report(token.at, { code: 'mermaid-semicolon', message: `Mermaid does not allow ";" in a journey line (after ${name}); write "#59;" for a semicolon in text`, params }, token.end);
        } else if (data.type === ':') {
          report(token.at, { code: 'mermaid-no-score', message: `the task ${name} has nothing after its colon; write its score from 1 to 5 and its actors, e.g. "${params.text}: 3: Me"`, params }, token.end);
        } else {
          const received = clipText(lineText(here.line), EXCERPT);
          report(token.at, { code: 'mermaid-syntax', message: `expected "title …", "section …" or a task "Task name: 5: Actor, Actor", received ${quoteText(lineText(here.line))}`, params: { received } }, token.end);
        }
        break;
      }
      case 'taskData':
      case ':':
        if (previous.type === 'section') {
          report(token.at, { code: 'mermaid-section-colon', message: `Mermaid ends a section name at ":", so ${quoteText(previous.text.trim())} is followed by text it cannot read; write "#58;" for a colon in a section name`, params: { text: clipText(previous.text.trim(), EXCERPT) } });
        } else {
          report(token.at, { code: 'mermaid-syntax', message: `this line starts with ":"; a task needs its name first, e.g. "Task name: 5: Actor", received ${quoteText(lineText(here.line))}`, params: { received: clipText(lineText(here.line), EXCERPT) } });
        }
        break;
      case 'INVALID':
        report(token.at, { code: 'mermaid-semicolon', message: `Mermaid does not allow ";" in a journey line, received ${quoteText(lineText(here.line))}; write "#59;" for a semicolon in text`, params: { text: clipText(lineText(here.line), EXCERPT) } });
        break;
    }
    previous = token;
  }
  if (errorCount > errors.length) {
    errors.push({ path: '(file)', code: 'mermaid-more-errors', message: `${errorCount - errors.length} more problems after these; fix these first`, params: { count: errorCount - errors.length } });
  }
  const frontMatterTitle = prepared.frontMatterTitle;
  return { syntax: { statements, ...(frontMatterTitle ? { frontMatterTitle: { value: frontMatterTitle.value, line: lineOfOffset(frontMatterTitle.at) } } : {}) }, errors };
}
