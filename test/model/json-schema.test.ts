import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../src/model/journey';
import { formatJourneyFile, parseJourneyFileText } from '../../src/model/journey-file';
import { createJourneyJsonSchema } from '../../src/model/journey-json-schema';
import { RECORD_VERSION } from '../../src/model/record-version';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';

const SCHEMA_URL = new URL('../../schema/cjm-journey.schema.json', import.meta.url);
const SOURCES = [new URL('../../examples/', import.meta.url), new URL('../fixtures/journeys/', import.meta.url)];

const generated = `${JSON.stringify(createJourneyJsonSchema(), null, 2)}\n`;
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(generated) as object);

/** Every journey file shipped as an example or fixture, as this build writes it (the current version). */
const FILES = SOURCES.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name): [string, string] => {
      const read = parseJourneyFileText(readFileSync(new URL(name, folder), 'utf8'));
      if (!read.ok) throw new Error(`${name} is not a valid journey file: ${JSON.stringify(read.errors)}`);
      return [name, formatJourneyFile(read.value)];
    }),
);

function createFile(): { format: string; version: number; journey: Record<string, unknown> & Journey } {
  return JSON.parse(formatJourneyFile(createOnlineStoreJourney()));
}

describe('the published JSON Schema', () => {
  it('is schema/cjm-journey.schema.json as generated from the valibot schema', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_URL, generated);
    const committed = existsSync(SCHEMA_URL) ? readFileSync(SCHEMA_URL, 'utf8') : '';
    expect(committed, 'schema/cjm-journey.schema.json is stale; regenerate it with UPDATE_SCHEMA=1 npx vitest run test/model/json-schema.test.ts').toBe(generated);
  });

  it('names itself and says what it describes', () => {
    const schema = JSON.parse(generated);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe('cjm-journey.schema.json');
    expect(schema.title).toMatch(/journey file/);
    expect(schema.description).toMatch(/cjm-journey/);
    expect(schema.required).toEqual(['format', 'version', 'journey']);
    expect(schema.properties.version).toMatchObject({ const: RECORD_VERSION });
  });

  it('keeps the rules a JSON Schema can say: ids, kinds, scores, lengths, required fields', () => {
    const journey = JSON.parse(generated).properties.journey;
    expect(journey.required).toEqual(['schema', 'title', 'personas', 'stages', 'lanes', 'cards']);
    expect(journey.additionalProperties).toBe(false);
    expect(journey.properties.stages.items.properties.id.pattern).toMatch(/^\^stage:/);
    expect(journey.properties.lanes.items.properties.kind.enum).toContain('opportunities');
    expect(journey.properties.cards.items.properties.evidence.enum).toContain('assumption');
    expect(journey.properties.cards.items.properties.text).toMatchObject({ type: 'string', minLength: 1, maxLength: 5000 });
    expect(journey.properties.emotions.items.properties.score).toEqual({ type: 'integer', minimum: -2, maximum: 2 });
  });

  it('describes steps inside stages, and the step a card or a score sits at', () => {
    const journey = JSON.parse(generated).properties.journey;
    const step = journey.properties.stages.items.properties.steps.items;
    expect(step.required).toEqual(['id', 'name']);
    expect(step.properties.id.pattern).toMatch(/^\^step:/);
    expect(Object.keys(step.properties)).toEqual(['id', 'name', 'touchpoint', 'channel']);
    expect(journey.properties.stages.items.required).not.toContain('steps');
    expect(journey.properties.cards.items.properties.step.pattern).toMatch(/^\^step:/);
    expect(journey.properties.emotions.items.properties.step.pattern).toMatch(/^\^step:/);
  });

  it('finds every example and fixture', () => {
    expect(FILES.map(([name]) => name)).toEqual(expect.arrayContaining(['online-store.json', '01-online-store.json', '02-minimal.json', '03-loyalty-two-personas.json']));
  });

  it.each(FILES)('accepts %s as this build writes it', (_, text) => {
    const valid = validate(JSON.parse(text));
    expect(valid ? [] : validate.errors).toEqual([]);
  });

  type Breaker = (file: ReturnType<typeof createFile>) => void;
  const field = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;
  const broken: [string, Breaker, string][] = [
    ['an id without its prefix', (file) => void (file.journey.stages[0]!.id = 'need' as never), '/journey/stages/0/id'],
    ['an id with a space', (file) => void (file.journey.cards[0]!.id = 'card:a b'), '/journey/cards/0/id'],
    ['an emotion score of 3', (file) => void (file.journey.emotions[0]!.score = 3), '/journey/emotions/0/score'],
    ['an emotion score of 1.5', (file) => void (file.journey.emotions[0]!.score = 1.5), '/journey/emotions/0/score'],
    ['an unknown lane kind', (file) => void (field(file.journey.lanes[2]).kind = 'feelings'), '/journey/lanes/2/kind'],
    ['an unknown evidence', (file) => void (field(file.journey.cards[1]).evidence = 'rumour'), '/journey/cards/1/evidence'],
    ['card text over 5000 characters', (file) => void (file.journey.cards[0]!.text = 'x'.repeat(5001)), '/journey/cards/0/text'],
    ['an empty stage name', (file) => void (file.journey.stages[1]!.name = ''), '/journey/stages/1/name'],
    ['an unknown field on a card', (file) => void (field(file.journey.cards[0]).colour = 'red'), '/journey/cards/0'],
    ['no title', (file) => void delete field(file.journey).title, '/journey'],
    ['no stages', (file) => void (file.journey.stages = []), '/journey/stages'],
    ['journey schema 1', (file) => void (field(file.journey).schema = 1), '/journey/schema'],
    ['version 1', (file) => void (file.version = 1), '/version'],
    ['another format', (file) => void (file.format = 'miro-board'), '/format'],
  ];

  it.each(broken)('refuses %s', (_, breakFile, instancePath) => {
    const file = createFile();
    breakFile(file);
    expect(validate(file)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toContain(instancePath);
  });

  it("refuses the journey stored with a map, which is not a file", () => {
    expect(validate({ ...createFile(), kind: 'map', map: { complete: true } })).toBe(false);
  });
});
