/**
 * The one versioned record of everything cjm-board stores or exchanges: a
 * journey file people save, the journey stored with a map on the board, and
 * the panel's draft. All three share one envelope, one version number and one
 * migration table, so a build reads what every earlier build wrote and
 * refuses what a later one wrote.
 */

import type { Journey } from './journey';
import { parseJourneyDraft, type JourneyDraft } from './journey-draft';
import { parseJourney } from './journey-schema';
import { fail, succeed, type ParseResult } from './parse-result';
import { GENERATOR } from './app-version';
import { RECORD_FORMAT, RECORD_VERSION } from './record-version';

export { RECORD_FORMAT, RECORD_VERSION } from './record-version';

/**
 * A sticky on the map that is a person's own (a comment outside the cells, or
 * an item handed over), where it lay when the map was last drawn. The map's
 * cells move when it is laid out again; a sticky that was left alone stays
 * left alone, even when a cell grows under it, until a person moves it.
 */
export interface LeftAloneItem {
  itemId: string;
  /** Top-left corner relative to the map origin. */
  x: number;
  y: number;
}

/** What a map record keeps besides the journey: the state of the drawing on the board. */
export interface MapRecordState {
  /**
   * False while a run is drawing the map: an item missing from the board is
   * then not drawn yet rather than deleted by a person.
   */
  complete: boolean;
  /** Host id of the map's original container (FigJam section, Miro frame), to tell copies of the map apart. */
  container?: string;
  /** Stickies the last run left to people, as they lay then. */
  leftAlone?: LeftAloneItem[];
}

/**
 * A record as the core sees it, by kind: a journey file, the journey last
 * drawn on a map with the map's state, or the panel editor's draft.
 */
export type JourneyRecord =
  | { kind: 'file'; journey: Journey }
  | { kind: 'map'; journey: Journey; map: MapRecordState }
  | { kind: 'draft'; draft: JourneyDraft };

/** One of the kinds of {@link JourneyRecord}. */
export type JourneyRecordKind = JourneyRecord['kind'];

/** The kinds of {@link JourneyRecord}, in the order the envelope documentation lists them. */
export const RECORD_KINDS = ['file', 'map', 'draft'] as const satisfies readonly JourneyRecordKind[];

/** What the caller knows of a record that the record itself may not hold. */
export interface ParseRecordOptions {
  /**
   * The map's container id, used when the record holds none: version-1 FigJam
   * records kept it in a plugin data entry of its own. An empty id counts as none.
   */
  container?: string;
}

/** The `code` of the envelope-level errors {@link parseRecord} reports, for wording them in the person's language. */
export type RecordErrorCode =
  | 'record-not-json'
  | 'record-not-object'
  | 'record-wrong-format'
  | 'record-bad-version'
  | 'record-newer'
  | 'record-wrong-kind';

/** A record as plain JSON, on its way through normalising and migrating. */
type RecordDocument = Record<string, unknown>;

/** A step that turns a record of version N into one of version N + 1. */
type Migration = (document: RecordDocument) => RecordDocument;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A journey object with `schema: from` replaced by `schema: to`; anything else as it is, for validation to report. */
function replaceJourneySchema(journey: unknown, from: number, to: number): unknown {
  return isRecord(journey) && journey.schema === from ? { ...journey, schema: to } : journey;
}

/**
 * Version 1 → 2: the journey's own `schema` number became the record version,
 * so every journey a record holds (a draft holds two) goes from schema 1 to 2.
 * A journey at any other schema is left for validation to report.
 */
function upgradeFromVersion1(document: RecordDocument): RecordDocument {
  return renumberJourneys(document, 1, 2);
}

/**
 * A record of version `from` as version `to` whose journeys (a draft holds
 * two) go from schema `from` to `to`, for a version that only added to the
 * journey: what the older one wrote means the same in the newer.
 */
function renumberJourneys(document: RecordDocument, from: number, to: number): RecordDocument {
  const upgraded: RecordDocument = { ...document, version: to };
  if ('journey' in document) upgraded.journey = replaceJourneySchema(document.journey, from, to);
  if (isRecord(document.draft)) {
    const draft: RecordDocument = { ...document.draft };
    if ('journey' in draft) draft.journey = replaceJourneySchema(draft.journey, from, to);
    if ('base' in draft) draft.base = replaceJourneySchema(draft.base, from, to);
    upgraded.draft = draft;
  }
  return upgraded;
}

/**
 * Version 2 → 3: stages may hold steps, and cards and scores may name one. A
 * version-2 journey has none, so it is the same journey at schema 3.
 */
function upgradeFromVersion2(document: RecordDocument): RecordDocument {
  return renumberJourneys(document, 2, 3);
}

/**
 * Steps that turn a record of version N into version N + 1, keyed by N. A
 * step works on the envelope (`{ format, version, kind?, journey | draft, map? }`)
 * and returns a new one, leaving its input unchanged. A new version adds its
 * step here and bumps RECORD_VERSION.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: upgradeFromVersion1,
  2: upgradeFromVersion2,
};

/**
 * The shapes version 1 stored without the envelope, each with how it becomes
 * a version-1 envelope. Tried in order; a value that matches none is read as
 * an envelope, so its `format` and `version` are what the errors speak of.
 */
const VERSION_1_SHAPES: readonly { matches(input: RecordDocument): boolean; normalise(input: RecordDocument): RecordDocument }[] = [
  // Miro's draft: `{ v: 1, complete: true, journey: <draft> }`; a draft, unlike a journey, has a journey of its own.
  {
    matches: (input) => 'v' in input && isRecord(input.journey) && isRecord(input.journey.journey),
    normalise: (input) => ({ format: RECORD_FORMAT, version: input.v, kind: 'draft', draft: input.journey }),
  },
  // Miro's map record: `{ v: 1, complete, frameId?, leftAlone?, journey }`, its parts joined by the caller.
  {
    matches: (input) => 'v' in input,
    normalise: (input) => ({
      format: RECORD_FORMAT,
      version: input.v,
      kind: 'map',
      journey: input.journey,
      map: { complete: input.complete, ...('frameId' in input ? { container: input.frameId } : {}), ...('leftAlone' in input ? { leftAlone: input.leftAlone } : {}) },
    }),
  },
  // FigJam's map record: `{ complete, file: <file>, leftAlone? }`; the section id was stored apart.
  {
    matches: (input) => 'file' in input && 'complete' in input,
    normalise: (input) => {
      const file = isRecord(input.file) ? input.file : {};
      return {
        format: file.format,
        version: file.version,
        kind: 'map',
        journey: file.journey,
        map: { complete: input.complete, ...('leftAlone' in input ? { leftAlone: input.leftAlone } : {}) },
      };
    },
  },
  // FigJam's draft: the draft object itself, `{ journey, mapId?, base?, step, savedAt }`.
  {
    matches: (input) => isRecord(input.journey) && 'step' in input,
    normalise: (input) => ({ format: RECORD_FORMAT, version: 1, kind: 'draft', draft: input }),
  },
];

/** How errors speak of a record of each kind. */
const KIND_WORDS: Readonly<Record<JourneyRecordKind, { subject: string; name: string; textPath: string; fix: string }>> = {
  file: { subject: 'this file', name: 'a journey file', textPath: '(file)', fix: 'save the file as JSON or export it again' },
  map: { subject: 'the journey stored with this map', name: 'the journey stored with a map', textPath: '(record)', fix: 'insert the map again from a saved journey file' },
  draft: { subject: 'this draft', name: 'a draft of the panel editor', textPath: '(record)', fix: 'the draft cannot be restored; open the map in the editor again' },
};

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

function failWith<T>(path: string, code: RecordErrorCode, message: string, params?: Record<string, string | number>): ParseResult<T> {
  return fail([{ path, message, code, ...(params ? { params } : {}) }]);
}

/** The errors of a journey checked at `path` of the record, their paths made the record's. */
function parseJourneyAt(value: unknown, path: string): ParseResult<Journey> {
  const result = parseJourney(value);
  if (result.ok) return result;
  return fail(result.errors.map((error) => ({ ...error, path: error.path === '(document)' ? path : `${path}.${error.path}` })));
}

/** Reads a `leftAlone` list: well-formed entries only, the rest dropped; undefined when it is not a list. */
export function readLeftAloneItems(value: unknown): LeftAloneItem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((entry: unknown): LeftAloneItem[] => {
    if (!isRecord(entry)) return [];
    const { itemId, x, y } = entry;
    return typeof itemId === 'string' && typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y) ? [{ itemId, x, y }] : [];
  });
}

/**
 * The map state of a record. `complete` is required; a container that is not
 * a non-empty string counts as none (version 1 read it so), and `leftAlone`
 * keeps its well-formed entries.
 */
function parseMapState(value: unknown, options: ParseRecordOptions): ParseResult<MapRecordState> {
  if (!isRecord(value)) return fail([{ path: 'map', message: `expected the map's state (an object with "complete"), received ${describe(value)}` }]);
  if (typeof value.complete !== 'boolean') return fail([{ path: 'map.complete', message: `expected true or false, received ${describe(value.complete)}` }]);
  const stored = typeof value.container === 'string' && value.container !== '' ? value.container : undefined;
  const container = stored ?? (options.container === '' ? undefined : options.container);
  const leftAlone = readLeftAloneItems(value.leftAlone);
  return succeed({ complete: value.complete, ...(container === undefined ? {} : { container }), ...(leftAlone ? { leftAlone } : {}) });
}

type RecordOfKind<K extends JourneyRecordKind> = Extract<JourneyRecord, { kind: K }>;

/** Validates a migrated envelope of each kind. */
const VALIDATORS: { [K in JourneyRecordKind]: (document: RecordDocument, options: ParseRecordOptions) => ParseResult<RecordOfKind<K>> } = {
  file: (document) => {
    const journey = parseJourneyAt(document.journey, 'journey');
    return journey.ok ? succeed({ kind: 'file', journey: journey.value }) : journey;
  },
  map: (document, options) => {
    const journey = parseJourneyAt(document.journey, 'journey');
    const map = parseMapState(document.map, options);
    if (journey.ok && map.ok) return succeed({ kind: 'map', journey: journey.value, map: map.value });
    return fail([...(journey.ok ? [] : journey.errors), ...(map.ok ? [] : map.errors)]);
  },
  draft: (document) => {
    const draft = parseJourneyDraft(document.draft);
    return draft.ok ? succeed({ kind: 'draft', draft: draft.value }) : draft;
  },
};

const isRecordKind = (value: unknown): value is JourneyRecordKind => (RECORD_KINDS as readonly unknown[]).includes(value);

/**
 * Reads a record of kind `kind` from a JSON value: recognises the envelope
 * (or a shape version 1 stored without one), refuses a newer version, brings
 * an older one to this version through {@link MIGRATIONS} step by step, then
 * validates what it holds. `options.container` fills in the map's container
 * when the record holds none.
 *
 * Never throws. On failure returns the errors: envelope problems carry a
 * `code` ({@link RecordErrorCode}) and `params`; problems in the journey have
 * paths such as `journey.stages[1].name` or `draft.journey.cards[0].id`. A
 * record of a newer version is always an error (`record-newer`), so nothing
 * it holds can be written back as this version.
 */
export function parseRecord<K extends JourneyRecordKind>(input: unknown, kind: K, options: ParseRecordOptions = {}): ParseResult<RecordOfKind<K>> {
  const words = KIND_WORDS[kind];
  if (!isRecord(input)) {
    return failWith('(document)', 'record-not-object', `expected a JSON object with "format": "${RECORD_FORMAT}", received ${describe(input)}`);
  }
  const hasEnvelope = 'format' in input || 'version' in input;
  const shape = hasEnvelope ? undefined : VERSION_1_SHAPES.find((candidate) => candidate.matches(input));
  let document = shape ? shape.normalise(input) : input;
  if (document.format !== RECORD_FORMAT) {
    return failWith('format', 'record-wrong-format', `expected "${RECORD_FORMAT}", received ${describe(document.format)}; is this ${words.name} of cjm-board?`, {
      received: describe(document.format),
    });
  }
  const version = document.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return failWith('version', 'record-bad-version', `expected a whole number of 1 or more, received ${describe(version)}`, { received: describe(version) });
  }
  if (version > RECORD_VERSION) {
    return failWith(
      'version',
      'record-newer',
      `${words.subject} is version ${version}, but this cjm-board reads up to version ${RECORD_VERSION}; update cjm-board to open it`,
      { version, supported: RECORD_VERSION },
    );
  }
  for (let step = version; step < RECORD_VERSION; step += 1) {
    const migrate = MIGRATIONS[step];
    if (!migrate) return failWith('version', 'record-bad-version', `no migration from version ${step}; ${words.subject} cannot be read`, { received: version });
    document = migrate(document);
  }
  const received = document.kind ?? 'file';
  if (received !== kind) {
    const what = isRecordKind(received) ? `${KIND_WORDS[received].name} (kind "${received}")` : `a record of kind ${describe(received)}`;
    return failWith('kind', 'record-wrong-kind', `expected ${words.name}, received ${what}; it cannot be read here`, {
      expected: kind,
      received: typeof received === 'string' ? received : describe(received),
    });
  }
  const validate = VALIDATORS[kind] as (document: RecordDocument, options: ParseRecordOptions) => ParseResult<RecordOfKind<K>>;
  return validate(document, options);
}

/**
 * Reads a record of kind `kind` from JSON text (a byte-order mark is
 * ignored). Returns the errors of {@link parseRecord}, or a `record-not-json`
 * error when the text is not JSON; never throws.
 */
export function parseRecordText<K extends JourneyRecordKind>(text: string, kind: K, options: ParseRecordOptions = {}): ParseResult<RecordOfKind<K>> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const words = KIND_WORDS[kind];
    return failWith(words.textPath, 'record-not-json', `not valid JSON (${(error as Error).message}); ${words.fix}`);
  }
  return parseRecord(data, kind, options);
}

/** The map state as plain JSON: fields in a fixed order, absent ones left out. */
function formatMapState(map: MapRecordState): RecordDocument {
  return {
    complete: map.complete,
    ...(map.container === undefined ? {} : { container: map.container }),
    ...(map.leftAlone === undefined ? {} : { leftAlone: map.leftAlone.map(({ itemId, x, y }) => ({ itemId, x, y })) }),
  };
}

/** The draft as plain JSON: fields in a fixed order, absent ones left out. */
function formatDraft(draft: JourneyDraft): RecordDocument {
  return {
    journey: draft.journey,
    ...(draft.mapId === undefined ? {} : { mapId: draft.mapId }),
    ...(draft.base === undefined ? {} : { base: draft.base }),
    step: draft.step,
    savedAt: draft.savedAt,
  };
}

/**
 * The record in this build's envelope, as a plain JSON value:
 * `{ format, version, journey }` for a file (files have no `kind`),
 * `{ format, version, kind: 'map', journey, map }` for a map and
 * `{ format, version, kind: 'draft', draft }` for a draft. The journeys in it
 * are the record's own objects, not copies: serialise it, don't edit it.
 */
export function formatRecord(record: JourneyRecord): Record<string, unknown> {
  // `generator` says which cjm-board wrote it; readers of every version ignore it.
  const envelope = { format: RECORD_FORMAT, version: RECORD_VERSION, generator: GENERATOR };
  switch (record.kind) {
    case 'file':
      return { ...envelope, journey: record.journey };
    case 'map':
      return { ...envelope, kind: 'map', journey: record.journey, map: formatMapState(record.map) };
    case 'draft':
      return { ...envelope, kind: 'draft', draft: formatDraft(record.draft) };
  }
}

/** The record in this build's envelope as compact JSON text, for storing (see {@link formatRecord}). */
export function formatRecordText(record: JourneyRecord): string {
  return JSON.stringify(formatRecord(record));
}

