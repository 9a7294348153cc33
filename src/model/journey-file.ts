import type { Journey } from './journey';
import { formatRecord, parseRecord, parseRecordText } from './journey-record';
import { boundValidationErrors, fail, succeed, type ParseResult } from './parse-result';
import { RECORD_FORMAT, RECORD_VERSION } from './record-version';

/** The `format` field of every saved journey file: the record format. */
export const JOURNEY_FILE_FORMAT = RECORD_FORMAT;
/** The file version this build writes: the record version (files are records of kind "file"). */
export const JOURNEY_FILE_VERSION = RECORD_VERSION;

/** A saved journey: `{ "format": "cjm-journey", "version": N, "journey": … }`. */
export type JourneyFile = {
  format: typeof JOURNEY_FILE_FORMAT;
  version: number;
  journey: Journey;
};

/**
 * Loads a saved journey: checks the envelope, refuses newer versions,
 * migrates older ones step by step, then validates the journey (see
 * parseRecord). Returns errors with JSON paths (`journey.stages[1].name`) on
 * failure, and a `record-wrong-kind` error for a map's record or a draft.
 * Every error is bounded (see `boundValidationErrors`): a file's values
 * are quoted as short excerpts, however long they are.
 */
export function parseJourneyFile(input: unknown): ParseResult<Journey> {
  const result = parseRecord(input, 'file');
  return result.ok ? succeed(result.value.journey) : fail(boundValidationErrors(result.errors));
}

/** Parses the text of a journey file; JSON syntax errors are reported (path `(file)`), not thrown; errors bounded as `parseJourneyFile`'s are. */
export function parseJourneyFileText(text: string): ParseResult<Journey> {
  const result = parseRecordText(text, 'file');
  return result.ok ? succeed(result.value.journey) : fail(boundValidationErrors(result.errors));
}

/** Wraps a journey in the current file envelope. */
export function createJourneyFile(journey: Journey): JourneyFile {
  return formatRecord({ kind: 'file', journey }) as JourneyFile;
}

/** Serialises a journey as the text of a current-version file, indented for people to read. */
export function formatJourneyFile(journey: Journey): string {
  return `${JSON.stringify(createJourneyFile(journey), null, 2)}\n`;
}
