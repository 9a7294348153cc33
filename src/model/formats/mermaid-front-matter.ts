/**
 * The YAML front matter of a Mermaid diagram (`---` lines around YAML
 * before the diagram), as Mermaid 11 finds it: its `frontMatterRegex`,
 * `/^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s`, read line by
 * line. Of the YAML only the top-level `title` is read (Mermaid draws it
 * as the diagram's title); `config`, `displayMode` and the rest style a
 * drawing and are skipped.
 */

/** What the start of a diagram holds. */
export type MermaidFrontMatter =
  | { kind: 'none' }
  /** An opening `---` line with no closing one: Mermaid refuses such a diagram. */
  | { kind: 'unclosed' }
  | {
      kind: 'closed';
      /** Where the diagram starts: the offset just after the closing `---` line's line break. */
      end: number;
      /** The `title`, when the YAML gives one that Mermaid would draw. */
      title?: string;
      /** The offset of the `title` key, for messages. */
      titleAt?: number;
      /** The offset of a second `title` key: js-yaml refuses a key twice, and so does Mermaid. */
      repeatedTitleAt?: number;
    };

interface BodyLine {
  text: string;
  at: number;
}

/** A line's leading spaces and tabs (YAML indentation). */
const indentOf = (text: string): number => /^[ \t]*/.exec(text)?.[0].length ?? 0;
const isBlank = (text: string): boolean => text.trim() === '';

/**
 * A line without its YAML comment: from a `#` at its start or after a
 * space (a loop, not a regular expression, so long runs of spaces stay
 * linear).
 */
function stripComment(line: string): string {
  for (let at = line.indexOf('#'); at >= 0; at = line.indexOf('#', at + 1)) {
    if (at === 0 || /\s/.test(line.charAt(at - 1))) return line.slice(0, at);
  }
  return line;
}

// YAML 1.2 core schema scalars that js-yaml's JSON_SCHEMA (Mermaid's
// choice) resolves to null or false: Mermaid draws no title for those.
const NULL_OR_FALSE = /^(?:~|null|Null|NULL|false|False|FALSE|)$/;
const YAML_NUMBER = /^[-+]?(?:\.[0-9]+|[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$|^0x[0-9a-fA-F_]+$|^0o[0-7_]+$|^0b[01_]+$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;

/** A plain YAML scalar as Mermaid's `title.toString()` shows it; undefined for null, false, 0 and NaN. */
function resolvePlainScalar(text: string): string | undefined {
  if (NULL_OR_FALSE.test(text)) return undefined;
  if (!YAML_NUMBER.test(text)) return text;
  const digits = text.replace(/_/g, '');
  const value = /^0[xob]/.test(digits) ? Number(digits) : /inf/i.test(digits) ? (digits.startsWith('-') ? -Infinity : Infinity) : /nan/i.test(digits) ? NaN : Number(digits);
  return value === 0 || Number.isNaN(value) ? undefined : String(value);
}

const DOUBLE_QUOTED_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1B', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00A0', L: '\u2028', P: '\u2029',
};

/** Folds the lines of a multi-line flow scalar as YAML does: one line break becomes a space, each blank line a line break. */
function foldFlowLines(lines: readonly string[]): string {
  let out = '';
  let breaks = 0;
  lines.forEach((line, index) => {
    const part = index === 0 ? line.trimEnd() : index === lines.length - 1 ? line.trimStart() : line.trim();
    if (index > 0 && part === '') {
      breaks += 1;
      return;
    }
    if (index > 0) out += breaks > 0 ? '\n'.repeat(breaks) : ' ';
    breaks = 0;
    out += part;
  });
  return out;
}

/** A quoted scalar starting at `rest` (after the opening quote) and going on over `more` lines; undefined when it is not closed. */
function readQuotedScalar(quote: '"' | "'", rest: string, more: readonly BodyLine[]): string | undefined {
  const lines: string[] = [];
  let text = rest;
  for (let index = 0; ; index += 1) {
    let line = '';
    for (let at = 0; at < text.length; at += 1) {
      const char = text[at] ?? '';
      if (quote === "'" && char === "'") {
        if (text[at + 1] === "'") {
          line += "'";
          at += 1;
          continue;
        }
        lines.push(line);
        return foldFlowLines(lines);
      }
      if (quote === '"' && char === '"') {
        lines.push(line);
        return foldFlowLines(lines);
      }
      if (quote === '"' && char === '\\') {
        const escape = text[at + 1] ?? '';
        const hex = { x: 2, u: 4, U: 8 }[escape];
        if (hex !== undefined) {
          const code = Number.parseInt(text.slice(at + 2, at + 2 + hex), 16);
          line += Number.isNaN(code) || code > 0x10ffff ? '\uFFFD' : String.fromCodePoint(code);
          at += 1 + hex;
        } else {
          line += DOUBLE_QUOTED_ESCAPES[escape] ?? escape;
          at += 1;
        }
        continue;
      }
      line += char;
    }
    lines.push(line);
    const next = more[index];
    if (!next) return undefined;
    text = next.text;
  }
}

/** A block scalar (`|` literal or `>` folded) whose content lines follow the key, more indented than `parentIndent`. */
function readBlockScalar(header: string, more: readonly BodyLine[], parentIndent: number): string {
  const explicit = /[1-9]/.exec(header)?.[0];
  const content: string[] = [];
  let indent = explicit ? parentIndent + Number(explicit) : undefined;
  for (const line of more) {
    if (isBlank(line.text)) {
      content.push('');
      continue;
    }
    const lineIndent = indentOf(line.text);
    indent ??= lineIndent;
    if (lineIndent < indent || lineIndent <= parentIndent) break;
    content.push(line.text.slice(indent));
  }
  if (header.startsWith('|')) return content.join('\n');
  return content.reduce((out, line, index) => (index === 0 ? line : line === '' || content[index - 1] === '' || /^\s/.test(line) ? `${out}\n${line}` : `${out} ${line}`), '');
}

/** The value of a top-level `title:` key: `rest` is what follows the colon, `more` the lines after it. */
function readTitleValue(rest: string, more: readonly BodyLine[], parentIndent: number): string | undefined {
  // Tags and anchors say how YAML types the value; Mermaid shows its text.
  const value = rest.trim().replace(/^(?:[!&]\S*\s+)+/, '');
  if (value.startsWith('"') || value.startsWith("'")) return readQuotedScalar(value.charAt(0) as '"' | "'", value.slice(1), more);
  if (value.startsWith('|') || value.startsWith('>')) return readBlockScalar(value, more, parentIndent);
  // A mapping or list is no text to draw; Mermaid would show "[object Object]".
  if (value.startsWith('{') || value.startsWith('[')) return undefined;
  const first = stripComment(value).trimEnd();
  const continued: string[] = [first];
  for (const line of more) {
    if (!isBlank(line.text) && indentOf(line.text) <= parentIndent) break;
    if (/^\s*#/.test(line.text)) break;
    continued.push(stripComment(line.text).trimEnd());
  }
  while (continued.length > 1 && isBlank(continued[continued.length - 1] ?? '')) continued.pop();
  // A key on its own line followed by a nested mapping or list is no text either.
  if (first === '' && continued.slice(1).some((line) => /^\s*(?:-\s|[^\s:][^:]*:(?:\s|$))/.test(line))) return undefined;
  const folded = foldFlowLines(continued.filter((line, index) => index > 0 || line !== ''));
  return resolvePlainScalar(folded.trim());
}

/**
 * Finds the front matter at the start of `text` (line breaks already `\n`)
 * and its `title`. Linear in the text: the closing line is the first
 * `---` line, at the opening's indentation, two or more lines below it.
 */
export function readMermaidFrontMatter(text: string): MermaidFrontMatter {
  const opening = /^([^\S\n]*)---[^\S\n]*\n/.exec(text);
  if (!opening) return { kind: 'none' };
  const indent = opening[1] ?? '';
  const body: BodyLine[] = [];
  let at = opening[0].length;
  let end: number | undefined;
  for (let first = true; at < text.length; first = false) {
    const lineEnd = text.indexOf('\n', at);
    const stop = lineEnd < 0 ? text.length : lineEnd;
    const line = text.slice(at, stop);
    // The closing `---` needs a line break of its own before it (the regex's
    // second `[\n\r]`), so the line right after the opening never closes.
    if (!first && line.startsWith(`${indent}---`) && /^[^\S\n]*$/.test(line.slice(indent.length + 3)) && lineEnd >= 0) {
      end = lineEnd + 1;
      break;
    }
    body.push({ text: line.startsWith(indent) ? line.slice(indent.length) : line, at: at + (line.startsWith(indent) ? indent.length : 0) });
    if (lineEnd < 0) break;
    at = lineEnd + 1;
  }
  if (end === undefined) return { kind: 'unclosed' };
  const result: MermaidFrontMatter & { kind: 'closed' } = { kind: 'closed', end };
  // The top-level mapping's indentation: that of its first key.
  const rootIndent = indentOf(body.find((line) => !isBlank(line.text) && !/^\s*#/.test(line.text))?.text ?? '');
  body.forEach((line, index) => {
    if (indentOf(line.text) !== rootIndent) return;
    const key = /^[ \t]*(?:title|"title"|'title')[ \t]*:(?=[ \t]|$)/.exec(line.text);
    if (!key) return;
    if (result.titleAt !== undefined) {
      result.repeatedTitleAt ??= line.at;
      return;
    }
    result.titleAt = line.at;
    const title = readTitleValue(line.text.slice(key[0].length), body.slice(index + 1), rootIndent);
    if (title !== undefined) result.title = title;
  });
  return result;
}
