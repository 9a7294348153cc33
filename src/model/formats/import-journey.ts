import type { Journey } from '../journey';
import { parseJourneyFileText } from '../journey-file';
import { parseJourney } from '../journey-schema';
import { boundValidationErrors, fail, type ParseResult, type ValidationError } from '../parse-result';
import { measureUtf8Bytes } from '../text-size';
import { decodeJourneyBytes, type FileEncoding } from './decode-journey-bytes';
import { importJourneyCsv } from './journey-csv';
import { importJourneyMermaid } from './journey-mermaid';

/** The file formats a journey is imported from. */
export type ImportFormat = 'json' | 'csv' | 'mermaid';

/** The largest file imported: far above any journey people write (a map holds 5,000 cards). */
export const MAX_IMPORT_BYTES = 5_000_000;

/** What an import brings besides the journey: the format, and for a file read from bytes its encoding and delimiter. */
export type ImportResult = ParseResult<Journey> & {
  format: ImportFormat;
  /** The encoding the bytes were read in (`importJourneyBytes` only). */
  encoding?: FileEncoding;
  /** The delimiter of a CSV. */
  delimiter?: string;
};

/** What an import would bring, for a preview before anything touches the board. */
export interface ImportPreview {
  format: ImportFormat;
  title: string;
  stages: number;
  /** The steps of all stages (0 when no stage has steps). */
  steps: number;
  lanes: number;
  cards: number;
  personas: number;
  scores: number;
  /** The encoding the file was read in; UTF-8 for text imported as text. */
  encoding: FileEncoding;
  /** The delimiter of a CSV. */
  delimiter?: string;
  /** What the import changed or guessed (an encoding, a clamped score), for the person to check. */
  warnings: ValidationError[];
}

/**
 * The first line of a file that says something: past blank lines, Mermaid
 * `%%` comments and directives, and a YAML front matter block (`---` …
 * `---`, which Mermaid diagrams may start with). Walks line by line, so a
 * 5 MB file is not split whole.
 */
function findFirstStatement(text: string): string | undefined {
  let inFrontMatter = false;
  for (let at = text.startsWith('\uFEFF') ? 1 : 0; at < text.length; ) {
    const next = text.indexOf('\n', at);
    const end = next === -1 ? text.length : next;
    const line = text.slice(at, end).trim();
    at = end + 1;
    if (line === '---') inFrontMatter = !inFrontMatter;
    else if (!inFrontMatter && line !== '' && !line.startsWith('%%')) return line;
  }
  return undefined;
}

/** The format of a file: by its extension when it has a known one, else by its content. */
export function detectImportFormat(text: string, fileName = ''): ImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'json') return 'json';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  if (extension === 'mmd' || extension === 'mermaid') return 'mermaid';
  const first = findFirstStatement(text);
  if (first?.startsWith('{')) return 'json';
  if (first && /^journey\b/i.test(first)) return 'mermaid';
  return 'csv';
}

/** A title from a file name: "research/kettle-order.csv" → "Kettle order". */
function titleFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop()?.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
  return base ? `${base.charAt(0).toUpperCase()}${base.slice(1, 200)}` : undefined;
}

const tooLarge = (bytes: number): ValidationError => ({
  path: '(file)',
  code: 'file-too-large',
  message: `the file is ${(bytes / 1_000_000).toFixed(1)} MB; journeys up to ${MAX_IMPORT_BYTES / 1_000_000} MB are imported; split it into several journeys`,
  params: { megabytes: Number((bytes / 1_000_000).toFixed(1)), max: MAX_IMPORT_BYTES / 1_000_000 },
});

/** Warnings of two steps, in order; undefined when there are none. */
const joinWarnings = (...lists: (readonly ValidationError[] | undefined)[]): ValidationError[] | undefined => {
  const all = lists.flatMap((list) => list ?? []);
  return all.length > 0 ? all : undefined;
};

/** Reads text already checked for size. */
function importText(text: string, format: ImportFormat, fileName: string | undefined): ImportResult {
  const title = fileName ? titleFromFileName(fileName) : undefined;
  const csv = format === 'csv' ? importJourneyCsv(text, title ? { title } : {}) : undefined;
  const read: ParseResult<Journey> = csv ?? (format === 'json' ? parseJourneyFileText(text) : importJourneyMermaid(text, title ? { title } : {}));
  const delimiter = csv ? { delimiter: csv.delimiter } : {};
  if (!read.ok) return { ok: false, errors: boundValidationErrors(read.errors), format, ...delimiter };
  // The file formats build journeys by rule; the schema has the last word.
  const checked = format === 'json' ? read : parseJourney(read.value);
  if (!checked.ok) return { ok: false, errors: boundValidationErrors(checked.errors), format, ...delimiter };
  const warnings = joinWarnings(read.warnings, checked === read ? undefined : checked.warnings);
  return { ok: true, value: checked.value, ...(warnings ? { warnings: boundValidationErrors(warnings) } : {}), format, ...delimiter };
}

/**
 * Imports a journey from a file's text (cjm-journey JSON, CSV or a Mermaid
 * user journey). Every error names the line and column, or the JSON path,
 * and says how to fix it, quoting at most a short excerpt of a bad value;
 * nothing is returned from a rejected file. Time is linear in the text.
 */
export function importJourney(text: string, options: { fileName?: string; format?: ImportFormat } = {}): ImportResult {
  const format = options.format ?? detectImportFormat(text, options.fileName);
  const bytes = measureUtf8Bytes(text);
  if (bytes > MAX_IMPORT_BYTES) return { ...fail([tooLarge(bytes)]), format };
  return importText(text, format, options.fileName);
}

/**
 * Imports a journey from a file's bytes, as a file picker or the file system
 * gives them: the text is decoded first (UTF-8 with or without BOM, UTF-16,
 * Windows-1251 or Windows-1252; see `decodeJourneyBytes`), then read as
 * `importJourney` reads it. Returns what `importJourney` returns plus the
 * encoding (and for a CSV the delimiter); a guessed encoding is a warning.
 * A file in no such encoding is refused with an error that says how to save
 * it as UTF-8.
 */
export function importJourneyBytes(bytes: Uint8Array, options: { fileName?: string; format?: ImportFormat } = {}): ImportResult {
  if (bytes.length > MAX_IMPORT_BYTES) return { ...fail([tooLarge(bytes.length)]), format: options.format ?? detectImportFormat('', options.fileName) };
  const decoded = decodeJourneyBytes(bytes);
  if (!decoded.ok) return { ...decoded, format: options.format ?? detectImportFormat('', options.fileName) };
  const { text, encoding } = decoded.value;
  const format = options.format ?? detectImportFormat(text, options.fileName);
  const result = importText(text, format, options.fileName);
  if (!result.ok) return { ...result, encoding };
  const warnings = joinWarnings(decoded.warnings, result.warnings);
  return { ...result, ...(warnings ? { warnings } : {}), encoding };
}

/** Counts of what a journey holds, for the import preview, with how the file was read. */
export function previewImport(journey: Journey, format: ImportFormat, read: { encoding?: FileEncoding; delimiter?: string; warnings?: readonly ValidationError[] } = {}): ImportPreview {
  return {
    format,
    title: journey.title,
    stages: journey.stages.length,
    steps: journey.stages.reduce((sum, stage) => sum + (stage.steps?.length ?? 0), 0),
    lanes: journey.lanes.length,
    cards: journey.cards.length,
    personas: journey.personas.length,
    scores: journey.emotions.length,
    encoding: read.encoding ?? 'utf-8',
    ...(read.delimiter === undefined || format !== 'csv' ? {} : { delimiter: read.delimiter }),
    warnings: [...(read.warnings ?? [])],
  };
}
