import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Journey, Step } from '../../src/model/journey';
import { formatJourneyFile, parseJourneyFile, parseJourneyFileText } from '../../src/model/journey-file';
import { MAX_STEPS, MAX_STEPS_PER_STAGE } from '../../src/model/journey-schema';
import type { ParseResult, ValidationError } from '../../src/model/parse-result';
import { RECORD_VERSION } from '../../src/model/record-version';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';

const FIXTURES = ['01-online-store.json', '02-minimal.json', '03-loyalty-two-personas.json'];

function readFixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/journeys/${name}`, import.meta.url), 'utf8');
}

function expectValid(result: ParseResult<Journey>): Journey {
  if (!result.ok) throw new Error(`expected a valid journey, received errors:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.value;
}

function expectErrors(result: ParseResult<Journey>): ValidationError[] {
  if (result.ok) throw new Error('expected the document to be refused, but it was accepted');
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

/** A saved template file as plain data, to break in one place per test. */
function createTemplateDocument(): { format: string; version: unknown; journey: Record<string, unknown> & Journey } {
  return JSON.parse(formatJourneyFile(createOnlineStoreJourney()));
}

describe('journey files', () => {
  it.each(FIXTURES)('%s survives parse → format → parse unchanged', (name) => {
    const first = expectValid(parseJourneyFileText(readFixtureText(name)));
    const text = formatJourneyFile(first);
    const second = expectValid(parseJourneyFileText(text));
    expect(second).toEqual(first);
    expect(formatJourneyFile(second)).toBe(text);
  });

  it('writes the current envelope: format, the current version, the cjm-board that wrote it, journey, and a final line break', () => {
    const text = formatJourneyFile(createOnlineStoreJourney());
    const data = JSON.parse(text);
    expect(Object.keys(data)).toEqual(['format', 'version', 'generator', 'journey']);
    expect(data.generator).toMatch(/^cjm-board \d+\.\d+\.\d+/);
    expect(data.format).toBe('cjm-journey');
    expect(data.version).toBe(RECORD_VERSION);
    expect(data.journey.schema).toBe(RECORD_VERSION);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reads the Russian two-persona fixture with its text intact', () => {
    const journey = expectValid(parseJourneyFileText(readFixtureText('03-loyalty-two-personas.json')));
    expect(journey.locale).toBe('ru');
    expect(journey.personas.map((persona) => persona.name)).toEqual(['Максим', 'Ольга']);
    expect(journey.title).toBe('Программа лояльности: две персоны');
  });

  it('trims text and fills in optional lists', () => {
    const document = createTemplateDocument();
    document.journey.stages[0]!.name = '  Realise the need \n';
    const persona = document.journey.personas[0] as unknown as Record<string, unknown>;
    delete persona.goals;
    delete (document.journey as Record<string, unknown>).emotions;
    const journey = expectValid(parseJourneyFile(document));
    expect(journey.stages[0]!.name).toBe('Realise the need');
    expect(journey.personas[0]!.goals).toEqual([]);
    expect(journey.emotions).toEqual([]);
  });

  it('parses text that starts with a byte-order mark', () => {
    const text = `\uFEFF${readFixtureText('02-minimal.json')}`;
    expect(expectValid(parseJourneyFileText(text)).title).toBe('Minimal map');
  });

  it.each([
    ['an empty file', ''],
    ['a cut-off file', '{"format": "cjm-journey", "version": 1, "journey": {'],
    ['CSV', 'stage,lane,text\nSearch,Actions,Compare'],
  ])('reports %s as not valid JSON instead of throwing', (_, text) => {
    const errors = expectErrors(parseJourneyFileText(text));
    expect(errors[0]!.path).toBe('(file)');
    expect(errors[0]!.message).toMatch(/not valid JSON/);
  });

  it('refuses a newer version and says to update cjm-board', () => {
    const document = createTemplateDocument();
    document.version = RECORD_VERSION + 1;
    const errors = expectErrors(parseJourneyFile(document));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'version', code: 'record-newer', params: { version: RECORD_VERSION + 1, supported: RECORD_VERSION } });
    expect(errors[0]!.message).toMatch(new RegExp(`version ${RECORD_VERSION + 1}`));
    expect(errors[0]!.message).toMatch(/update cjm-board/);
  });

  it.each(FIXTURES)('reads the version-1 file %s as a journey of the current schema', (name) => {
    expect(JSON.parse(readFixtureText(name)).version).toBe(1);
    expect(expectValid(parseJourneyFileText(readFixtureText(name))).schema).toBe(RECORD_VERSION);
  });

  it('refuses the journey stored with a map, which is not a file', () => {
    const document = { ...createTemplateDocument(), kind: 'map', map: { complete: true } };
    expect(expectErrors(parseJourneyFile(document))[0]).toMatchObject({ path: 'kind', code: 'record-wrong-kind', params: { expected: 'file', received: 'map' } });
  });

  it.each([0, -1, 1.5, '1', null, undefined])('refuses version %s', (version) => {
    const document = createTemplateDocument();
    document.version = version;
    expect(expectErrors(parseJourneyFile(document))[0]!.path).toBe('version');
  });

  it.each([['miro-board'], [undefined], ['CJM-JOURNEY']])('refuses format %s', (format) => {
    const document = createTemplateDocument() as Record<string, unknown>;
    document.format = format;
    const errors = expectErrors(parseJourneyFile(document));
    expect(errors[0]!.path).toBe('format');
    expect(errors[0]!.message).toMatch(/cjm-journey/);
  });

  it.each([[null], [[]], ['text'], [42]])('refuses %j as a document', (input) => {
    expect(expectErrors(parseJourneyFile(input))[0]!.path).toBe('(document)');
  });

  it('refuses a file without a journey, naming the field', () => {
    const document = createTemplateDocument() as Record<string, unknown>;
    delete document.journey;
    expect(expectErrors(parseJourneyFile(document))[0]!.path).toBe('journey');
  });
});

describe('journey validation', () => {
  type Breaker = (journey: Record<string, unknown> & Journey) => void;
  const cases: [string, Breaker, string][] = [
    ['an empty stage name', (journey) => void (journey.stages[1]!.name = ''), 'journey.stages[1].name'],
    ['a blank stage name', (journey) => void (journey.stages[1]!.name = ' \n '), 'journey.stages[1].name'],
    ['an unknown lane kind', (journey) => void ((journey.lanes[2] as unknown as Record<string, unknown>).kind = 'feelings'), 'journey.lanes[2].kind'],
    ['a card in a missing stage', (journey) => void (journey.cards[3]!.stage = 'stage:nowhere'), 'journey.cards[3].stage'],
    ['a card in a missing lane', (journey) => void (journey.cards[4]!.lane = 'lane:nowhere'), 'journey.cards[4].lane'],
    ['a card for a missing persona', (journey) => void (journey.cards[5]!.persona = 'persona:ghost'), 'journey.cards[5].persona'],
    ['a duplicate stage id', (journey) => void journey.stages.push({ id: 'stage:need', name: 'Again' }), 'journey.stages[6].id'],
    ['a duplicate card id', (journey) => void (journey.cards[7]!.id = journey.cards[0]!.id), 'journey.cards[7].id'],
    ['a duplicate lane id', (journey) => void (journey.lanes[3]!.id = journey.lanes[1]!.id), 'journey.lanes[3].id'],
    ['an emotion score of 3', (journey) => void (journey.emotions[2]!.score = 3), 'journey.emotions[2].score'],
    ['an emotion score of -3', (journey) => void (journey.emotions[2]!.score = -3), 'journey.emotions[2].score'],
    ['an emotion score of 1.5', (journey) => void (journey.emotions[4]!.score = 1.5), 'journey.emotions[4].score'],
    ['an emotion score as text', (journey) => void ((journey.emotions[0] as unknown as Record<string, unknown>).score = '1'), 'journey.emotions[0].score'],
    ['two scores for one persona and stage', (journey) => void journey.emotions.push({ ...journey.emotions[0]! }), 'journey.emotions[9]'],
    ['an unknown field on a stage', (journey) => void ((journey.stages[0] as unknown as Record<string, unknown>).colour = 'red'), 'journey.stages[0].colour'],
    ['an unknown top-level field', (journey) => void (journey.version = 3), 'journey.version'],
    ['card text over 5000 characters', (journey) => void (journey.cards[0]!.text = 'x'.repeat(5001)), 'journey.cards[0].text'],
    ['a title over 200 characters', (journey) => void (journey.title = 'T'.repeat(201)), 'journey.title'],
    ['an id without its prefix', (journey) => void (journey.stages[0]!.id = 'need' as never), 'journey.stages[0].id'],
    ['an id with a space', (journey) => void (journey.cards[0]!.id = 'card:a b'), 'journey.cards[0].id'],
    ['no stages', (journey) => void (journey.stages = []), 'journey.stages'],
    ['no personas', (journey) => void (journey.personas = []), 'journey.personas'],
    ['schema 1 inside a current file', (journey) => void ((journey as Record<string, unknown>).schema = 1), 'journey.schema'],
    ['a newer schema inside the journey', (journey) => void ((journey as Record<string, unknown>).schema = RECORD_VERSION + 1), 'journey.schema'],
    ['a malformed locale', (journey) => void (journey.locale = 'English'), 'journey.locale'],
  ];

  it.each(cases)('refuses %s with the path %s', (_, breakJourney, path) => {
    const document = createTemplateDocument();
    breakJourney(document.journey);
    const errors = expectErrors(parseJourneyFile(document));
    expect(errors.map((error) => error.path)).toContain(path);
    for (const error of errors) expect(error.message.length).toBeGreaterThan(0);
  });

  it('accepts card text of exactly 5000 characters', () => {
    const document = createTemplateDocument();
    document.journey.cards[0]!.text = 'x'.repeat(5000);
    expect(expectValid(parseJourneyFile(document)).cards[0]!.text).toHaveLength(5000);
  });

  it('says how long too-long text is and what the limit is', () => {
    const document = createTemplateDocument();
    document.journey.cards[0]!.text = 'x'.repeat(5001);
    const error = expectErrors(parseJourneyFile(document)).find((item) => item.path === 'journey.cards[0].text');
    expect(error?.message).toMatch(/5001/);
    expect(error?.message).toMatch(/5000/);
  });

  it('names the existing id in a duplicate-id error', () => {
    const document = createTemplateDocument();
    document.journey.cards[7]!.id = document.journey.cards[0]!.id;
    const error = expectErrors(parseJourneyFile(document)).find((item) => item.path === 'journey.cards[7].id');
    expect(error?.message).toContain(document.journey.cards[0]!.id);
    expect(error?.message).toContain('cards[0]');
  });
});

describe('validation messages', () => {
  // STYLE.md: "Error messages say what was received, the likely cause, and
  // the fix." No message may fall back to valibot's own wording
  // ("Invalid key: Expected never but received …").
  type Breaker = (journey: Record<string, unknown> & Journey) => void;
  const field = (record: unknown): Record<string, unknown> => record as Record<string, unknown>;
  const cases: [string, Breaker][] = [
    ['an unknown field on a stage', (journey) => void (field(journey.stages[0]).colour = 'red')],
    ['an unknown field on a lane', (journey) => void (field(journey.lanes[0]).colour = 'red')],
    ['an unknown field on a card', (journey) => void (field(journey.cards[0]).colour = 'red')],
    ['an unknown field on an emotion score', (journey) => void (field(journey.emotions[0]).why = 'because')],
    ['an unknown field in the scope', (journey) => void (field(journey.scope).budget = 'large')],
    ['an unknown top-level field', (journey) => void (journey.author = 'me')],
    ['a missing title', (journey) => void delete field(journey).title],
    ['a missing card text', (journey) => void delete field(journey.cards[0]).text],
    ['a stage that is null', (journey) => void (field(journey.stages)[0] = null)],
    ['a locale that is a number', (journey) => void (field(journey).locale = 5)],
  ];

  it.each(cases)('explain %s in words for people', (_, breakJourney) => {
    const document = createTemplateDocument();
    breakJourney(document.journey);
    const errors = expectErrors(parseJourneyFile(document));
    for (const error of errors) expect(error.message).not.toMatch(/^Invalid (key|type):|Expected never/);
  });

  it('explain an unknown persona field in words for people', () => {
    const document = createTemplateDocument();
    field(document.journey.personas[0]).hobby = 'chess';
    const errors = expectErrors(parseJourneyFile(document));
    expect(errors).toEqual([{ path: 'journey.personas[0].hobby', message: expect.stringContaining('"hobby"'), code: 'json-unknown-field', params: { field: 'hobby' } }]);
    expect(errors[0]!.message).not.toMatch(/^Invalid (key|type):|Expected never/);
  });
});

describe('steps inside stages', () => {
  const readSteps = (): Record<string, unknown> & { journey: Journey } => JSON.parse(readFileSync(new URL('../fixtures/journeys/04-order-steps.json', import.meta.url), 'utf8'));

  it('reads a journey whose stages have steps, with every card and score at a step of its stage', () => {
    const journey = expectValid(parseJourneyFile(readSteps()));
    const order = journey.stages.find((stage) => (stage.steps?.length ?? 0) > 3);
    expect(order?.steps?.map((step) => step.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^step:/)]));
    for (const card of journey.cards) {
      const steps = journey.stages.find((stage) => stage.id === card.stage)?.steps ?? [];
      if (steps.length > 0) expect(steps.map((step) => step.id)).toContain(card.step);
      else expect(card.step).toBeUndefined();
    }
    expect(formatJourneyFile(journey)).toBe(formatJourneyFile(expectValid(parseJourneyFileText(formatJourneyFile(journey)))));
  });

  it('writes a stage without steps with no steps field, however the file said it', () => {
    const document = createTemplateDocument();
    (document.journey.stages[0] as unknown as Record<string, unknown>).steps = [];
    expect(Object.keys(expectValid(parseJourneyFile(document)).stages[0]!)).toEqual(['id', 'name']);
  });

  type Breaker = (journey: Journey) => void;
  const steppedStage = (journey: Journey) => journey.stages.find((stage) => (stage.steps?.length ?? 0) > 1)!;
  const cases: [string, Breaker, string, string][] = [
    ['a card of a stage with steps that names none', (journey) => void delete journey.cards.find((card) => card.step)!.step, 'json-step-missing', 'journey.cards['],
    ['a card at a step of another stage', (journey) => {
      const card = journey.cards.find((candidate) => candidate.step && candidate.stage !== journey.stages[journey.stages.length - 1]!.id)!;
      card.step = journey.stages.filter((stage) => stage.steps?.length && stage.id !== card.stage).at(-1)!.steps![0]!.id;
    }, 'json-step-elsewhere', '.step'],
    ['a card at a step of a stage without steps', (journey) => {
      const card = journey.cards.find((candidate) => !candidate.step)!;
      card.step = steppedStage(journey).steps![0]!.id;
    }, 'json-step-elsewhere', '.step'],
    ['a score of a stage with steps that names none', (journey) => void delete journey.emotions.find((emotion) => emotion.step)!.step, 'json-step-missing', 'journey.emotions['],
    ['two steps with one id', (journey) => {
      const steps = steppedStage(journey).steps!;
      steps[1]!.id = steps[0]!.id;
    }, 'json-duplicate-id', '.steps[1].id'],
    ['a step without its prefix', (journey) => void (steppedStage(journey).steps![0]!.id = 'form' as never), 'json-bad-id', '.steps[0].id'],
    ['a step with an empty name', (journey) => void (steppedStage(journey).steps![0]!.name = '  '), '', '.steps[0].name'],
  ];

  it.each(cases)('refuses %s, with a coded error at its path', (_, breakJourney, code, path) => {
    const document = readSteps();
    breakJourney(document.journey);
    const errors = expectErrors(parseJourneyFile(document));
    const error = errors.find((candidate) => candidate.path.includes(path));
    expect(error, JSON.stringify(errors)).toBeDefined();
    if (code) expect(error?.code).toBe(code);
    expect(error?.message.length).toBeGreaterThan(10);
  });

  it('refuses two scores of one persona at one step, and accepts the same persona at two steps', () => {
    const document = readSteps();
    const score = document.journey.emotions.find((emotion) => emotion.step)!;
    document.journey.emotions.push({ ...score });
    expect(expectErrors(parseJourneyFile(document)).map((error) => error.code)).toContain('json-score-twice');
    expect(new Set(readSteps().journey.emotions.filter((emotion) => emotion.persona === score.persona && emotion.stage === score.stage).map((emotion) => emotion.step)).size).toBeGreaterThan(1);
  });

  it(`refuses a stage of more than ${MAX_STEPS_PER_STAGE} steps and a map of more than ${MAX_STEPS}`, () => {
    const many = (count: number, prefix: string): Step[] => Array.from({ length: count }, (_, index) => ({ id: `step:${prefix}${index}` as const, name: `Step ${index}` }));
    const one = createTemplateDocument();
    one.journey.stages[0]!.steps = many(MAX_STEPS_PER_STAGE + 1, 'a');
    expect(expectErrors(parseJourneyFile(one)).some((error) => error.path.startsWith('journey.stages[0].steps'))).toBe(true);
    const all = createTemplateDocument();
    all.journey.stages = Array.from({ length: 5 }, (_, index) => ({ id: `stage:s${index}` as const, name: `Stage ${index}`, steps: many(MAX_STEPS_PER_STAGE, `s${index}-`) }));
    all.journey.cards = [];
    all.journey.emotions = [];
    expect(expectErrors(parseJourneyFile(all)).map((error) => error.code)).toContain('json-too-many-steps');
  });
});
