import type { Journey } from '../journey';
import { parseJourneyFileText } from '../journey-file';
import { parseJourney } from '../journey-schema';
import { fail, type ParseResult } from '../parse-result';
import { measureUtf8Bytes } from '../text-size';
import { importJourneyCsv } from './journey-csv';
import { importJourneyMermaid } from './journey-mermaid';

/** The file formats a journey is imported from. */
export type ImportFormat = 'json' | 'csv' | 'mermaid';

/** The largest file imported: far above any journey people write (a map holds 5,000 cards). */
export const MAX_IMPORT_BYTES = 5_000_000;

/** What an import would bring, for a preview before anything touches the board. */
export interface ImportPreview {
  format: ImportFormat;
  title: string;
  stages: number;
  lanes: number;
  cards: number;
  personas: number;
  scores: number;
}

/** The format of a file: by its extension when it has a known one, else by its content. */
export function detectImportFormat(text: string, fileName = ''): ImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'json') return 'json';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  if (extension === 'mmd' || extension === 'mermaid') return 'mermaid';
  const first = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('%%'));
  if (first?.startsWith('{')) return 'json';
  if (first && /^journey\b/i.test(first)) return 'mermaid';
  return 'csv';
}

/** A title from a file name: "research/kettle-order.csv" → "Kettle order". */
function titleFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop()?.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
  return base ? `${base.charAt(0).toUpperCase()}${base.slice(1, 200)}` : undefined;
}

/**
 * Imports a journey from a file's text (cjm-journey JSON, CSV or a Mermaid
 * user journey). Every error names the line and column, or the JSON path,
 * and says how to fix it; nothing is returned from a rejected file.
 */
export function importJourney(text: string, options: { fileName?: string; format?: ImportFormat } = {}): ParseResult<Journey> & { format: ImportFormat } {
  const format = options.format ?? detectImportFormat(text, options.fileName);
  const bytes = measureUtf8Bytes(text);
  if (bytes > MAX_IMPORT_BYTES) {
    return { ...fail([{ path: '(file)', message: `the file is ${(bytes / 1_000_000).toFixed(1)} MB; journeys up to ${MAX_IMPORT_BYTES / 1_000_000} MB are imported; split it into several journeys` }]), format };
  }
  const title = options.fileName ? titleFromFileName(options.fileName) : undefined;
  const read = format === 'json' ? parseJourneyFileText(text) : format === 'mermaid' ? importJourneyMermaid(text, title ? { title } : {}) : importJourneyCsv(text, title ? { title } : {});
  // The file formats build journeys by rule; the schema has the last word.
  const result = read.ok && format !== 'json' ? parseJourney(read.value) : read;
  return { ...result, format };
}

/** Counts of what a journey holds, for the import preview. */
export function previewImport(journey: Journey, format: ImportFormat): ImportPreview {
  return {
    format,
    title: journey.title,
    stages: journey.stages.length,
    lanes: journey.lanes.length,
    cards: journey.cards.length,
    personas: journey.personas.length,
    scores: journey.emotions.length,
  };
}
