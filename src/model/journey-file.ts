import type { Journey } from './journey';
import { parseJourney } from './journey-schema';
import { fail, type ParseResult } from './parse-result';

/** The `format` field of every saved journey file. */
export const JOURNEY_FILE_FORMAT = 'cjm-journey';
/** The file version this build writes. */
export const JOURNEY_FILE_VERSION = 1;

/** A saved journey: `{ "format": "cjm-journey", "version": N, "journey": … }`. */
export interface JourneyFile {
  format: typeof JOURNEY_FILE_FORMAT;
  version: number;
  journey: Journey;
}

/**
 * Steps that turn a file of version N into version N + 1, keyed by N.
 * Version 1 is the first published format, so there is nothing to migrate
 * yet; a future version adds its step here and bumps JOURNEY_FILE_VERSION.
 */
const MIGRATIONS: Readonly<Record<number, (document: Record<string, unknown>) => Record<string, unknown>>> = {};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Loads a saved journey: checks the envelope, refuses newer versions,
 * migrates older ones step by step, then validates the journey.
 * Returns errors with JSON paths (`journey.stages[1].name`) on failure.
 */
export function parseJourneyFile(input: unknown): ParseResult<Journey> {
  if (!isRecord(input)) {
    return fail([{ path: '(document)', message: `expected a JSON object with "format": "${JOURNEY_FILE_FORMAT}", received ${describe(input)}` }]);
  }
  if (input.format !== JOURNEY_FILE_FORMAT) {
    return fail([{ path: 'format', message: `expected "${JOURNEY_FILE_FORMAT}", received ${describe(input.format)}; is this a cjm-board journey file?` }]);
  }
  const version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail([{ path: 'version', message: `expected a whole number of 1 or more, received ${describe(version)}` }]);
  }
  if (version > JOURNEY_FILE_VERSION) {
    return fail([
      {
        path: 'version',
        message: `this file is version ${version}, but this cjm-board reads up to version ${JOURNEY_FILE_VERSION}; update cjm-board to open it`,
      },
    ]);
  }
  let document: Record<string, unknown> = input;
  for (let step = version; step < JOURNEY_FILE_VERSION; step += 1) {
    const migrate = MIGRATIONS[step];
    if (!migrate) return fail([{ path: 'version', message: `no migration from version ${step}; this file cannot be read` }]);
    document = migrate(document);
  }
  const result = parseJourney(document.journey);
  if (result.ok) return result;
  return fail(result.errors.map((error) => ({ ...error, path: error.path === '(document)' ? 'journey' : `journey.${error.path}` })));
}

/** Parses the text of a journey file; JSON syntax errors are reported, not thrown. */
export function parseJourneyFileText(text: string): ParseResult<Journey> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail([{ path: '(file)', message: `not valid JSON (${(error as Error).message}); save the file as JSON or export it again` }]);
  }
  return parseJourneyFile(data);
}

/** Wraps a journey in the current file envelope. */
export function createJourneyFile(journey: Journey): JourneyFile {
  return { format: JOURNEY_FILE_FORMAT, version: JOURNEY_FILE_VERSION, journey };
}

/** Serialises a journey as the text of a current-version file. */
export function formatJourneyFile(journey: Journey): string {
  return `${JSON.stringify(createJourneyFile(journey), null, 2)}\n`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}
