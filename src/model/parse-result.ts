import { clipText } from './text-size';

/** One problem found in user data, with where it is. */
export interface ValidationError {
  /** Where: a JSON path such as `stages[2].name`, or `line 14, column "Emotion"`. */
  path: string;
  /** What was received, the likely cause, and the fix, in English (the CLI prints it as it is). */
  message: string;
  /**
   * A stable name of the problem, such as `record-newer`, so a panel can word
   * it in the person's language; absent for problems only the message names.
   */
  code?: string;
  /** The values the message quotes, by name, for wording the `code` (`{ version: 3, supported: 2 }`). */
  params?: Record<string, string | number>;
}

/** The result of parsing user data: never thrown, always returned. */
export type ParseResult<T> = { ok: true; value: T; warnings?: ValidationError[] } | { ok: false; errors: ValidationError[] };

/** Wraps a value as a successful result. */
export function succeed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** Wraps one or more errors as a failed result. */
export function fail<T>(errors: ValidationError[]): ParseResult<T> {
  return { ok: false, errors };
}

/**
 * Longest part of a received value that a message quotes, in UTF-16 code
 * units: enough to recognise the value, never a whole 4 MB field.
 */
export const MAX_QUOTED_TEXT = 60;
/** Longest path and message of one error once bounded (a path names JSON keys, which a file may make huge). */
const MAX_PATH_LENGTH = 120;
const MAX_MESSAGE_LENGTH = 400;
/** How much of a long message's end is kept: the fix is said last. */
const MESSAGE_TAIL = 100;
/** How many errors a formatted list shows before it counts the rest. */
export const MAX_LISTED_ERRORS = 10;

/**
 * `text` as a message quotes it: at most `max` code units cut on a grapheme
 * boundary (see `clipText`), with "…" when something was cut.
 */
export function excerptText(text: string, max = MAX_QUOTED_TEXT): string {
  return text.length <= max ? text : `${clipHead(text, max)}…`;
}

/**
 * `clipText` of a prefix a little longer than `max`: the grapheme
 * boundaries before `max` are the same in it (they depend on the characters
 * either side), and a segmenter is not handed a 4 MB text to cut 60 units of.
 */
const clipHead = (text: string, max: number): string => clipText(text.slice(0, max + 64), max);

/** A received string quoted for a message: an excerpt in double quotes, escaped as JSON escapes (control characters show). */
export function quoteText(text: string, max = MAX_QUOTED_TEXT): string {
  return JSON.stringify(excerptText(text, max));
}

/** The last at most `max` code units of `text`, starting on a grapheme boundary. */
function clipTextStart(text: string, max: number): string {
  if (text.length <= max) return text;
  if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
    // A grapheme is at most a few dozen code units in text people write; the
    // first segment of the window may be the end of one, so it is dropped.
    const window = text.slice(text.length - max - 32);
    const segments = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(window), (entry) => entry.segment);
    let length = window.length - (segments[0]?.length ?? 0);
    let first = 1;
    while (length > max && first < segments.length) length -= segments[first++]?.length ?? 0;
    return segments.slice(first).join('');
  }
  let start = text.length - max;
  while (start < text.length && /^(?:[\uDC00-\uDFFF]|\p{M}|\u200D|\p{Emoji_Modifier}|[\uFE00-\uFE0F])/u.test(text.slice(start, start + 2))) start += 1;
  return text.slice(start);
}

/** A message cut in the middle when too long: what was received comes first, the fix last, and both stay. */
function boundMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  return `${clipHead(message, MAX_MESSAGE_LENGTH - MESSAGE_TAIL - 1)}…${clipTextStart(message, MESSAGE_TAIL)}`;
}

/**
 * Errors whose paths, messages and quoted params are short, whatever a
 * file held: a 4 MB id or key must not print 4 MB into a terminal or a
 * panel. Errors already short are returned as they are.
 */
export function boundValidationErrors(errors: readonly ValidationError[]): ValidationError[] {
  return errors.map((error) => {
    const params = error.params && Object.fromEntries(Object.entries(error.params).map(([name, value]) => [name, typeof value === 'string' ? excerptText(value) : value]));
    return { ...error, path: excerptText(error.path, MAX_PATH_LENGTH), message: boundMessage(error.message), ...(params ? { params } : {}) };
  });
}

/**
 * Formats errors for a person: one line each, path first, each bounded (see
 * `boundValidationErrors`); past `max` of them, one line counts the rest
 * ("… and 12 more errors"). `noun` names them ("warning" for warnings).
 */
export function formatValidationErrors(errors: readonly ValidationError[], options: { max?: number; noun?: string } = {}): string {
  const { max = MAX_LISTED_ERRORS, noun = 'error' } = options;
  const lines = boundValidationErrors(errors.slice(0, max)).map((error) => (error.path ? `${error.path}: ${error.message}` : error.message));
  const more = errors.length - max;
  if (more > 0) lines.push(`… and ${more} more ${noun}${more === 1 ? '' : 's'}`);
  return lines.join('\n');
}
