import { GENERATOR } from '../../src/model/app-version';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOURNEY_SCHEMA, type Journey } from '../../src/model/journey';
import type { JourneyDraft } from '../../src/model/journey-draft';
import { JOURNEY_FILE_VERSION } from '../../src/model/journey-file';
import {
  formatRecord,
  formatRecordText,
  MIGRATIONS,
  parseRecord,
  parseRecordText,
  RECORD_FORMAT,
  RECORD_KINDS,
  RECORD_VERSION,
  type JourneyRecord,
  type JourneyRecordKind,
} from '../../src/model/journey-record';
import type { ParseResult, ValidationError } from '../../src/model/parse-result';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { journeyArbitrary, PROPERTY_SEED } from '../layout/journey-arbitrary';

type Json = Record<string, unknown>;

function readRecordFixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(`../fixtures/records/${name}`, import.meta.url), 'utf8')) as Json;
}

/**
 * A Miro storage value with its parts joined, as the Miro adapter hands it
 * over: `{ v, complete, frameId?, parts: { tag, count } }` and the parts under
 * `<key>/<tag>/<i>` become `{ v, complete, frameId?, journey: <joined JSON> }`.
 */
function joinMiroParts(collection: Json, key: string): Json {
  const { parts, ...head } = collection[key] as Json & { parts?: { tag: string; count: number } };
  if (!parts) return head;
  const text = Array.from({ length: parts.count }, (_, index) => collection[`${key}/${parts.tag}/${index}`] as string).join('');
  return { ...head, journey: JSON.parse(text) as unknown };
}

/** The journey as version 2 reads a version-1 one: the same, at schema 2. */
const atSchema2 = (journey: unknown): Journey => ({ ...(journey as Journey), schema: JOURNEY_SCHEMA });

function expectValid<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(`expected a valid record, received errors:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.value;
}

function expectErrors<T>(result: ParseResult<T>): ValidationError[] {
  if (result.ok) throw new Error('expected the record to be refused, but it was accepted');
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

function createDraft(): JourneyDraft {
  const journey = createOnlineStoreJourney();
  journey.title = '';
  journey.cards[0] = { ...journey.cards[0]!, text: '' };
  return { journey, mapId: 'map-x', base: createOnlineStoreJourney(), step: 3, savedAt: 1_764_547_200_000 };
}

const SAMPLE_RECORDS: Record<JourneyRecordKind, JourneyRecord> = {
  file: { kind: 'file', journey: createOnlineStoreJourney() },
  map: { kind: 'map', journey: createOnlineStoreJourney(), map: { complete: true, container: '1:4', leftAlone: [{ itemId: '9:1', x: 10, y: -4.5 }] } },
  draft: { kind: 'draft', draft: createDraft() },
};

describe('the record version', () => {
  it('is one number: the record, the journey schema and the file version', () => {
    expect(RECORD_FORMAT).toBe('cjm-journey');
    expect(RECORD_VERSION).toBe(3);
    expect(JOURNEY_SCHEMA).toBe(RECORD_VERSION);
    expect(JOURNEY_FILE_VERSION).toBe(RECORD_VERSION);
    expect(createOnlineStoreJourney().schema).toBe(RECORD_VERSION);
  });

  it('has a migration from every older version', () => {
    for (let version = 1; version < RECORD_VERSION; version += 1) expect(MIGRATIONS[version], `from version ${version}`).toBeTypeOf('function');
    expect(Object.keys(MIGRATIONS).map(Number).every((version) => version >= 1 && version < RECORD_VERSION)).toBe(true);
  });
});

describe('migration 1 → 2', () => {
  const migrate = MIGRATIONS[1]!;
  const journeyAt = (schema: number): Json => ({ ...createOnlineStoreJourney(), schema });
  const journeyV1 = () => journeyAt(1);

  it('bumps a file and its journey to 2, and nothing else', () => {
    const input = { format: RECORD_FORMAT, version: 1, journey: journeyV1() };
    expect(migrate(input)).toEqual({ format: RECORD_FORMAT, version: 2, journey: journeyAt(2) });
  });

  it('bumps a map record, keeping its map state as it is', () => {
    const map = { complete: false, container: '1:4', leftAlone: [{ itemId: 'a', x: 1, y: 2 }] };
    const input = { format: RECORD_FORMAT, version: 1, kind: 'map', journey: journeyV1(), map };
    expect(migrate(input)).toEqual({ format: RECORD_FORMAT, version: 2, kind: 'map', journey: journeyAt(2), map });
  });

  it("bumps both journeys of a draft: the one edited and the map's base", () => {
    const draft = { journey: journeyV1(), base: journeyV1(), mapId: 'map-x', step: 2, savedAt: 5 };
    const migrated = migrate({ format: RECORD_FORMAT, version: 1, kind: 'draft', draft });
    expect(migrated).toEqual({ format: RECORD_FORMAT, version: 2, kind: 'draft', draft: { ...draft, journey: journeyAt(2), base: journeyAt(2) } });
  });

  it('adds no base to a draft without one', () => {
    const migrated = migrate({ format: RECORD_FORMAT, version: 1, kind: 'draft', draft: { journey: journeyV1(), step: 0, savedAt: 0 } });
    expect(Object.keys(migrated.draft as Json)).toEqual(['journey', 'step', 'savedAt']);
  });

  it('leaves a journey that is not at schema 1 for validation to judge', () => {
    for (const schema of [2, 3, '1', undefined]) {
      const journey = { ...createOnlineStoreJourney(), schema };
      expect((migrate({ format: RECORD_FORMAT, version: 1, journey }).journey as Json).schema).toBe(schema);
    }
    expect(migrate({ format: RECORD_FORMAT, version: 1, journey: 'text' }).journey).toBe('text');
  });

  it('changes nothing it was given', () => {
    const input = { format: RECORD_FORMAT, version: 1, kind: 'draft', draft: { journey: journeyV1(), base: journeyV1(), step: 1, savedAt: 1 } };
    const before = structuredClone(input);
    migrate(input);
    expect(input).toEqual(before);
  });
});

describe('migration 2 → 3', () => {
  const migrate = MIGRATIONS[2]!;
  const journeyAt = (schema: number): Json => ({ ...createOnlineStoreJourney(), schema });

  it('bumps a file, a map and both journeys of a draft to 3: a version-2 journey has no steps, so it means the same', () => {
    expect(migrate({ format: RECORD_FORMAT, version: 2, journey: journeyAt(2) })).toEqual({ format: RECORD_FORMAT, version: 3, journey: journeyAt(3) });
    const map = { complete: true, container: '1:4' };
    expect(migrate({ format: RECORD_FORMAT, version: 2, kind: 'map', journey: journeyAt(2), map })).toEqual({ format: RECORD_FORMAT, version: 3, kind: 'map', journey: journeyAt(3), map });
    const draft = { journey: journeyAt(2), base: journeyAt(2), step: 1, savedAt: 2 };
    expect(migrate({ format: RECORD_FORMAT, version: 2, kind: 'draft', draft })).toEqual({ format: RECORD_FORMAT, version: 3, kind: 'draft', draft: { ...draft, journey: journeyAt(3), base: journeyAt(3) } });
  });

  it('leaves a journey that is not at schema 2 for validation to judge', () => {
    for (const schema of [1, 3, 4, '2', undefined]) {
      const journey = { ...createOnlineStoreJourney(), schema };
      expect((migrate({ format: RECORD_FORMAT, version: 2, journey }).journey as Json).schema).toBe(schema);
    }
  });

  it('reads a version-1 record through both steps as the current version', () => {
    const stored = { format: RECORD_FORMAT, version: 1, journey: journeyAt(1) };
    expect(expectValid(parseRecord(stored, 'file'))).toEqual({ kind: 'file', journey: createOnlineStoreJourney() });
  });
});

describe('records stored by version 1', () => {
  const figjamSection = readRecordFixture('01-figjam-section.v1.json') as { pluginData: Record<string, string> };
  const figjamMap = JSON.parse(figjamSection.pluginData['cjm-journey']!) as Json;
  const figjamContainer = figjamSection.pluginData['cjm-section']!;
  const miroStorage = readRecordFixture('02-miro-storage.v1.json');
  const miroMap = joinMiroParts(miroStorage['cjm-journeys'] as Json, 'map-v1miro');
  const miroDraft = joinMiroParts(miroStorage['cjm-drafts'] as Json, 'draft-3074457345618265000');
  const miroSplitMap = joinMiroParts(readRecordFixture('04-miro-storage-split.v1.json')['cjm-journeys'] as Json, 'map-v1split');
  const figjamDraft = readRecordFixture('03-draft.v1.json');
  const file = readRecordFixture('../journeys/01-online-store.json');

  const figjamJourney = atSchema2((figjamMap.file as Json).journey);
  const expectedDraft = (draft: Json): JourneyRecord => ({
    kind: 'draft',
    draft: { journey: atSchema2(draft.journey), mapId: draft.mapId as string, base: atSchema2(draft.base), step: draft.step as number, savedAt: draft.savedAt as number },
  });

  const cases: { name: string; kind: JourneyRecordKind; stored: Json; options?: { container?: string }; expected: JourneyRecord }[] = [
    { name: 'a file', kind: 'file', stored: file, expected: { kind: 'file', journey: atSchema2(file.journey) } },
    { name: "a FigJam map's record", kind: 'map', stored: figjamMap, expected: { kind: 'map', journey: figjamJourney, map: { complete: true } } },
    {
      name: "a FigJam map's record with the section id kept apart",
      kind: 'map',
      stored: figjamMap,
      options: { container: figjamContainer },
      expected: { kind: 'map', journey: figjamJourney, map: { complete: true, container: '1:4' } },
    },
    {
      name: "a Miro map's record",
      kind: 'map',
      stored: miroMap,
      expected: { kind: 'map', journey: atSchema2(miroMap.journey), map: { complete: true, container: '3074457345618258001' } },
    },
    {
      name: "a Miro map's record split into parts, joined",
      kind: 'map',
      stored: miroSplitMap,
      expected: { kind: 'map', journey: atSchema2(miroSplitMap.journey), map: { complete: true, container: '3074457345618258001' } },
    },
    { name: 'a Miro draft, joined', kind: 'draft', stored: miroDraft, expected: expectedDraft(miroDraft.journey as Json) },
    { name: 'a FigJam draft', kind: 'draft', stored: figjamDraft, expected: expectedDraft(figjamDraft) },
  ];

  it('are what the fixtures say they are', () => {
    expect(file.version).toBe(1);
    expect(Object.keys(figjamMap)).toEqual(['complete', 'file']);
    expect(miroMap.v).toBe(1);
    expect(miroSplitMap.journey).toEqual(miroMap.journey);
    expect(miroDraft).toMatchObject({ v: 1, complete: true, journey: { mapId: 'map-v1figjam' } });
    expect((figjamDraft.journey as Json).schema).toBe(1);
  });

  it.each(cases)('read $name as the version-2 record', ({ kind, stored, options, expected }) => {
    expect(expectValid(parseRecord(stored, kind, options))).toEqual(expected);
  });

  it.each(cases)('read $name, formatted again and read back, unchanged', ({ kind, stored, options }) => {
    const record = expectValid(parseRecord(stored, kind, options));
    const formatted = formatRecord(record);
    expect(formatted).toMatchObject({ format: RECORD_FORMAT, version: RECORD_VERSION });
    expect(expectValid(parseRecord(formatted, kind))).toEqual(record);
    expect(expectValid(parseRecordText(formatRecordText(record), kind))).toEqual(record);
  });

  it('read a journey of schema 2 stored under version 1, as builds of this change wrote it', () => {
    const record = expectValid(parseRecord({ ...figjamMap, file: formatRecord({ kind: 'file', journey: figjamJourney }) }, 'map'));
    expect(record.journey).toEqual(figjamJourney);
    expect(expectValid(parseRecord({ ...miroMap, journey: createOnlineStoreJourney() }, 'map')).journey).toEqual(createOnlineStoreJourney());
    expect(expectValid(parseRecord({ ...figjamDraft, journey: createOnlineStoreJourney() }, 'draft')).draft.journey).toEqual(createOnlineStoreJourney());
  });

  it('keep the well-formed left-alone stickies and drop the rest', () => {
    const leftAlone = [{ itemId: 'a', x: 1, y: 2 }, { itemId: 3, x: 1, y: 2 }, { itemId: 'b', x: Number.NaN, y: 0 }, { itemId: 'c', x: '1', y: 0 }, null, 'd', { itemId: 'e', x: -7.5, y: 0, extra: true }];
    const expected = [{ itemId: 'a', x: 1, y: 2 }, { itemId: 'e', x: -7.5, y: 0 }];
    expect(expectValid(parseRecord({ ...figjamMap, leftAlone }, 'map')).map.leftAlone).toEqual(expected);
    expect(expectValid(parseRecord({ ...miroMap, leftAlone }, 'map')).map.leftAlone).toEqual(expected);
    expect(expectValid(parseRecord({ ...miroMap, leftAlone: 'none' }, 'map')).map).toEqual({ complete: true, container: '3074457345618258001' });
  });

  it("read a Miro map's frame id only when it is one", () => {
    const { frameId: _frameId, ...withoutFrame } = miroMap;
    expect(expectValid(parseRecord(withoutFrame, 'map')).map).toEqual({ complete: true });
    expect(expectValid(parseRecord({ ...miroMap, frameId: 5 }, 'map', { container: 'f' })).map).toEqual({ complete: true, container: 'f' });
  });

  it('refuse a version-1 record of another kind than asked', () => {
    expect(expectErrors(parseRecord(miroDraft, 'map'))[0]).toMatchObject({ code: 'record-wrong-kind', params: { expected: 'map', received: 'draft' } });
    expect(expectErrors(parseRecord(figjamDraft, 'file'))[0]).toMatchObject({ code: 'record-wrong-kind', params: { expected: 'file', received: 'draft' } });
    expect(expectErrors(parseRecord(figjamMap, 'draft'))[0]).toMatchObject({ code: 'record-wrong-kind', params: { expected: 'draft', received: 'map' } });
    expect(expectErrors(parseRecord(file, 'map'))[0]).toMatchObject({ code: 'record-wrong-kind', params: { expected: 'map', received: 'file' } });
  });

  it('report a broken version-1 journey at its path', () => {
    const journey = { ...(miroMap.journey as Json), stages: [] };
    expect(expectErrors(parseRecord({ ...miroMap, journey }, 'map')).map((error) => error.path)).toContain('journey.stages');
    const draft = { ...figjamDraft, base: { ...(figjamDraft.base as Json), title: 5 } };
    expect(expectErrors(parseRecord(draft, 'draft')).map((error) => error.path)).toContain('draft.base.title');
    expect(expectErrors(parseRecord({ ...miroMap, complete: 'yes' }, 'map'))[0]!.path).toBe('map.complete');
  });
});

describe('records of the current version', () => {
  it('write a file as format, version and journey, with no kind', () => {
    const formatted = formatRecord(SAMPLE_RECORDS.file);
    expect(Object.keys(formatted)).toEqual(['format', 'version', 'generator', 'journey']);
    expect(formatted).toEqual({ format: 'cjm-journey', version: RECORD_VERSION, generator: GENERATOR, journey: createOnlineStoreJourney() });
  });

  it("write a map with its kind and the map's state", () => {
    expect(formatRecord(SAMPLE_RECORDS.map)).toEqual({
      format: 'cjm-journey',
      version: RECORD_VERSION,
      generator: GENERATOR,
      kind: 'map',
      journey: createOnlineStoreJourney(),
      map: { complete: true, container: '1:4', leftAlone: [{ itemId: '9:1', x: 10, y: -4.5 }] },
    });
    expect(formatRecord({ kind: 'map', journey: createOnlineStoreJourney(), map: { complete: false } }).map).toEqual({ complete: false });
  });

  it('write a draft with its kind, keeping the texts not typed yet empty', () => {
    const formatted = formatRecord(SAMPLE_RECORDS.draft);
    expect(Object.keys(formatted)).toEqual(['format', 'version', 'generator', 'kind', 'draft']);
    expect(Object.keys(formatted.draft as Json)).toEqual(['journey', 'mapId', 'base', 'step', 'savedAt']);
    expect(((formatted.draft as Json).journey as Journey).title).toBe('');
  });

  it.each(RECORD_KINDS)('read back a %s record as it was written', (kind) => {
    const record = SAMPLE_RECORDS[kind];
    expect(expectValid(parseRecord(formatRecord(record), kind))).toEqual(record);
    const text = formatRecordText(record);
    expect(text).not.toContain('\n');
    expect(expectValid(parseRecordText(text, kind))).toEqual(record);
    expect(expectValid(parseRecordText(`\uFEFF${text}`, kind))).toEqual(record);
  });

  it('read back any journey stored with a map', () => {
    fc.assert(
      fc.property(journeyArbitrary(), fc.boolean(), (journey, complete) => {
        const record: JourneyRecord = { kind: 'map', journey, map: { complete } };
        expect(expectValid(parseRecord(JSON.parse(formatRecordText(record)), 'map'))).toEqual(record);
      }),
      { seed: PROPERTY_SEED, numRuns: 40 },
    );
  });

  it("keep a map's own container over the one the caller knows", () => {
    const stored = formatRecord(SAMPLE_RECORDS.map);
    expect(expectValid(parseRecord(stored, 'map', { container: 'other' })).map.container).toBe('1:4');
    const bare = formatRecord({ kind: 'map', journey: createOnlineStoreJourney(), map: { complete: true } });
    expect(expectValid(parseRecord(bare, 'map', { container: '' })).map).toEqual({ complete: true });
  });

  it('accept a file that names its kind', () => {
    expect(expectValid(parseRecord({ ...formatRecord(SAMPLE_RECORDS.file), kind: 'file' }, 'file'))).toEqual(SAMPLE_RECORDS.file);
  });

  it('report a map without its state', () => {
    const { map: _map, ...stored } = formatRecord(SAMPLE_RECORDS.map);
    expect(expectErrors(parseRecord(stored, 'map'))).toEqual([{ path: 'map', message: expect.stringContaining('received nothing') }]);
  });

  it('report the bad fields of a journey and of the map state together', () => {
    const stored: Json = { ...structuredClone(formatRecord(SAMPLE_RECORDS.map)), map: { complete: 1 } };
    (stored.journey as Journey).stages[0]!.name = '';
    expect(expectErrors(parseRecord(stored, 'map')).map((error) => error.path)).toEqual(['journey.stages[0].name', 'map.complete']);
  });
});

describe('envelope errors', () => {
  const file = (): Json => structuredClone(formatRecord(SAMPLE_RECORDS.file));

  it.each([
    ['an empty text', ''],
    ['a cut-off record', '{"format": "cjm-journey", "version": 2, "journey": {'],
    ['CSV', 'stage,lane,text'],
  ])('report %s as not JSON', (_, text) => {
    for (const kind of RECORD_KINDS) {
      const errors = expectErrors(parseRecordText(text, kind));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ path: kind === 'file' ? '(file)' : '(record)', code: 'record-not-json', message: expect.stringMatching(/not valid JSON/) });
    }
  });

  it.each([[null], [[]], ['text'], [42], [undefined]])('report %j as not an object', (input) => {
    expect(expectErrors(parseRecord(input, 'map'))).toEqual([{ path: '(document)', code: 'record-not-object', message: expect.stringContaining('JSON object') }]);
  });

  it.each([['miro-board'], [undefined], ['CJM-JOURNEY'], [7]])('report format %j, saying what was received', (format) => {
    const errors = expectErrors(parseRecord({ ...file(), format }, 'file'));
    expect(errors).toEqual([{ path: 'format', code: 'record-wrong-format', params: { received: expect.any(String) }, message: expect.stringContaining('cjm-journey') }]);
    expect(errors[0]!.params!.received).toBe(format === undefined ? 'nothing' : JSON.stringify(format));
  });

  it('report an object that is no record as of the wrong format', () => {
    expect(expectErrors(parseRecord(createOnlineStoreJourney(), 'file'))[0]).toMatchObject({ path: 'format', code: 'record-wrong-format', params: { received: 'nothing' } });
  });

  it.each([0, -1, 1.5, '2', null, undefined])('report version %j', (version) => {
    expect(expectErrors(parseRecord({ ...file(), version }, 'file'))).toEqual([
      { path: 'version', code: 'record-bad-version', params: { received: expect.any(String) }, message: expect.stringContaining('whole number') },
    ]);
  });

  it.each(RECORD_KINDS)('refuse a newer %s record and say to update cjm-board', (kind) => {
    const errors = expectErrors(parseRecord({ ...formatRecord(SAMPLE_RECORDS[kind]), version: 4 }, kind));
    expect(errors).toEqual([{ path: 'version', code: 'record-newer', params: { version: 4, supported: 3 }, message: expect.stringMatching(/version 4.*update cjm-board/) }]);
  });

  it('refuse a newer record whatever it holds, so nothing of it is written back as this version', () => {
    const kinds = fc.constantFrom(...RECORD_KINDS);
    fc.assert(
      fc.property(fc.integer({ min: RECORD_VERSION + 1, max: 1_000_000 }), kinds, kinds, fc.dictionary(fc.string(), fc.anything()), (version, stored, asked, rest) => {
        const record = { ...rest, ...formatRecord(SAMPLE_RECORDS[stored]), version };
        const errors = expectErrors(parseRecord(record, asked));
        expect(errors.map((error) => error.code)).toEqual(['record-newer']);
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });

  it('refuse a newer Miro-style record too', () => {
    expect(expectErrors(parseRecord({ v: 4, complete: true, journey: createOnlineStoreJourney() }, 'map'))[0]).toMatchObject({ code: 'record-newer' });
  });

  it.each([
    ['file', 'map'],
    ['file', 'draft'],
    ['map', 'file'],
    ['map', 'draft'],
    ['draft', 'file'],
    ['draft', 'map'],
  ] as const)('refuse a %s record when asked for a %s', (stored, asked) => {
    expect(expectErrors(parseRecord(formatRecord(SAMPLE_RECORDS[stored]), asked))).toEqual([
      { path: 'kind', code: 'record-wrong-kind', params: { expected: asked, received: stored }, message: expect.stringContaining(`kind "${stored}"`) },
    ]);
  });

  it('refuse a record of a kind this build does not know', () => {
    expect(expectErrors(parseRecord({ ...file(), kind: 'scene' }, 'file'))[0]).toMatchObject({ code: 'record-wrong-kind', params: { expected: 'file', received: 'scene' } });
  });

  it('code the errors of the journey too, for the panel to word, with the record’s paths', () => {
    const stored = file();
    (stored.journey as Journey).cards[0]!.text = '';
    const errors = expectErrors(parseRecord(stored, 'file'));
    expect(errors).toEqual([{ path: 'journey.cards[0].text', message: 'must not be empty', code: 'json-empty' }]);
  });
});
