// @vitest-environment happy-dom
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJourneyMermaid, importJourneyMermaid } from '../../../src/model/formats/journey-mermaid';
import { decodeMermaidText } from '../../../src/model/formats/mermaid-text';
import type { Journey } from '../../../src/model/journey';
import { parseJourney } from '../../../src/model/journey-schema';
import { PROPERTY_SEED } from '../../layout/journey-arbitrary';
import { comparableReading, readWithMermaidAsync, readWithOurSyntax } from './mermaid-oracle';
import { arbitraryHostileJourney, normaliseForMermaid, summariseJourney } from './mermaid-journeys';

const FIXTURES = join(import.meta.dirname, '../../fixtures/mermaid');

/** What each fixture must import to: the map's title, scenario, stages, cards (persona or "all") and scores. */
const EXPECTED: Record<string, { title: string; scenario?: string; stages: string[]; cards: [string, string, string][]; scores: [string, string, number][]; warnings?: string[] }> = {
  '01-docs-working-day.mmd': {
    title: 'My working day',
    stages: ['Go to work', 'Go home'],
    cards: [['Go to work', 'Make tea', 'Me'], ['Go to work', 'Go upstairs', 'Me'], ['Go to work', 'Do work', 'all'], ['Go home', 'Go downstairs', 'Me'], ['Go home', 'Sit down', 'Me']],
    scores: [['Me', 'Go to work', 0], ['Cat', 'Go to work', -2], ['Me', 'Go home', 2]],
  },
  '02-demo-front-matter-acc.mmd': {
    title: 'My working day',
    scenario: '2 main sections: work and home, each with just a few tasks',
    stages: ['Go to work', 'Go home'],
    cards: [['Go to work', 'Make tea', 'Me'], ['Go to work', 'Go upstairs', 'Me'], ['Go to work', 'Do work', 'all'], ['Go home', 'Go downstairs', 'Me'], ['Go home', 'Sit down', 'Me']],
    scores: [['Me', 'Go to work', 0], ['Cat', 'Go to work', -2], ['Me', 'Go home', 1]],
  },
  '03-spec-acc-descr-block.mmd': { title: 'Adding journey diagram functionality to mermaid', scenario: 'A user journey for\nfamily shopping', stages: ['Order from website'], cards: [], scores: [] },
  '04-spec-acc-descr-line.mmd': { title: 'Adding journey diagram functionality to mermaid', scenario: 'A user journey for family shopping', stages: ['Order from website'], cards: [], scores: [] },
  '05-spec-tasks.mmd': {
    title: 'Adding journey diagram functionality to mermaid',
    stages: ['Documentation', 'Another section'],
    cards: [
      ['Documentation', 'A task', 'all'],
      ['Documentation', 'B task', 'Bob'],
      ['Documentation', 'B task', 'Charlie'],
      ['Documentation', 'C task', 'all'],
      ['Documentation', 'D task', 'Charlie'],
      ['Documentation', 'D task', 'Alice'],
      ['Documentation', 'E task', 'all'],
      ['Another section', 'P task', 'all'],
      ['Another section', 'Q task', 'all'],
      ['Another section', 'R task', 'all'],
    ],
    // Tasks without actors score nobody: Alice 5, 5; Bob 5, 3; Charlie 5, 3, 5.
    scores: [['Alice', 'Documentation', 2], ['Bob', 'Documentation', 1], ['Charlie', 'Documentation', 1]],
    warnings: ['mermaid-task-split', 'mermaid-task-no-actor', 'mermaid-task-split', 'mermaid-task-no-actor', 'mermaid-task-no-actor', 'mermaid-task-no-actor', 'mermaid-task-no-actor'],
  },
  '06-spec-line-breaks.mmd': {
    title: 'Adding gantt diagram functionality to mermaid',
    stages: ['Line1\nLine2\nLine3</br />Line4\nLine5'],
    cards: [['Line1\nLine2\nLine3</br />Line4\nLine5', 'Check the lines', 'all']],
    scores: [['Me', 'Line1\nLine2\nLine3</br />Line4\nLine5', 1]],
  },
  '07-cypress-simple.mmd': { title: 'Adding journey diagram functionality to mermaid', stages: ['Order from website'], cards: [], scores: [] },
  '08-cypress-e-commerce.mmd': {
    title: 'E-Commerce',
    stages: ['Order from website', 'Checkout from website'],
    cards: [['Order from website', 'Add to cart', 'all'], ['Checkout from website', 'Add payment details', 'all']],
    scores: [['Me', 'Order from website', 2], ['Me', 'Checkout from website', 2]],
  },
  '09-db-family-shopping.mmd': {
    title: 'Shopping',
    scenario: 'A user journey for family shopping',
    stages: ['Journey to the shops', 'Do shopping'],
    cards: [['Journey to the shops', 'Get car keys', 'Dad'], ['Journey to the shops', 'Go to car', 'all'], ['Journey to the shops', 'Drive to supermarket', 'Dad'], ['Do shopping', 'Go shopping', 'Mum']],
    scores: [['Dad', 'Journey to the shops', 1], ['Mum', 'Journey to the shops', 0], ['Child#1', 'Journey to the shops', 0], ['Child#2', 'Journey to the shops', 0], ['Mum', 'Do shopping', 2]],
  },
  '10-comments.mmd': { title: 'My working day', stages: ['Go to work'], cards: [['Go to work', 'Make tea', 'Me'], ['Go to work', 'Do work', 'all']], scores: [['Me', 'Go to work', 0], ['Cat', 'Go to work', -2]] },
  '11-directive.mmd': { title: 'Directives', stages: ['Go to work'], cards: [['Go to work', 'Make tea', 'all']], scores: [['Me', 'Go to work', 2]] },
  '12-task-before-section.mmd': {
    title: 'Tasks before the first section',
    stages: ['Untitled stage', 'Breakfast'],
    cards: [['Untitled stage', 'Wake up', 'all'], ['Untitled stage', 'Snooze', 'all'], ['Breakfast', 'Make tea', 'all']],
    scores: [['Me', 'Untitled stage', -1], ['Me', 'Breakfast', 2]],
    warnings: ['mermaid-untitled-stage'],
  },
  '13-repeated-sections.mmd': {
    title: 'Paying twice',
    stages: ['Payment', 'Delivery', 'Payment (2)'],
    cards: [['Payment', 'Enter card', 'all'], ['Delivery', 'Wait', 'all'], ['Payment (2)', 'Pay the customs fee', 'all']],
    scores: [['Anna', 'Payment', -1], ['Anna', 'Delivery', 0], ['Anna', 'Payment (2)', -2]],
    warnings: ['mermaid-section-repeated'],
  },
  '14-entity-codes.mmd': {
    title: 'Order #123 & more',
    stages: ['Checkout: step 1'],
    cards: [['Checkout: step 1', 'A double quote:"', 'all'], ['Checkout: step 1', 'A dec char:♥', 'all'], ['Checkout: step 1', 'Order #123 confirmed; thanks', 'all']],
    scores: [['Me', 'Checkout: step 1', 2]],
  },
  '15-front-matter-config.mmd': { title: 'Frontmatter: a journey', stages: ['Go to work'], cards: [['Go to work', 'Make tea', 'all']], scores: [['Me', 'Go to work', 2]] },
  '16-scores-and-actors.mmd': {
    title: 'Scores as people write them',
    stages: ['Go to work'],
    cards: [['Go to work', 'Make tea', 'Me'], ['Go to work', 'Miss the bus', 'all'], ['Go to work', 'Sit down', 'Cat'], ['Go to work', 'Call the boss', 'all']],
    // Clamped to 5 and 1: Me (5 + 1) / 2 = 3; Cat (1 + 4.5) / 2 = 2.75, about 3.
    scores: [['Me', 'Go to work', 0], ['Cat', 'Go to work', 0]],
    warnings: ['mermaid-score-clamped', 'mermaid-score-clamped', 'mermaid-task-no-actor'],
  },
};

const ok = (result: ReturnType<typeof importJourneyMermaid>): Journey => {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const checked = parseJourney(result.value);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
};

describe("Mermaid's own user journeys", () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.mmd')).sort();

  it('has an expectation for every fixture', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s: Mermaid accepts it, and so do we, with the same sections and tasks and the right journey', async (file) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const mermaidReading = await readWithMermaidAsync(text);
    expect(mermaidReading).toMatchObject({ ok: true });
    const ours = readWithOurSyntax(text);
    if (!mermaidReading.ok || !ours.ok) throw new Error(`not read: ${JSON.stringify({ mermaidReading, ours })}`);
    expect(ours).toEqual(comparableReading(mermaidReading, ours));

    const result = importJourneyMermaid(text);
    const journey = ok(result);
    const expected = EXPECTED[file];
    if (!expected) throw new Error(`no expectation for ${file}`);
    const stageName = (id: string) => journey.stages.find((stage) => stage.id === id)?.name;
    const personaName = (id: string | undefined) => (id ? journey.personas.find((persona) => persona.id === id)?.name : 'all');
    expect(journey.title).toBe(expected.title);
    expect(journey.scope.scenario).toBe(expected.scenario);
    expect(journey.stages.map((stage) => stage.name)).toEqual(expected.stages);
    expect(journey.cards.map((card) => [stageName(card.stage), card.text, personaName(card.persona)])).toEqual(expected.cards);
    expect(journey.emotions.map((emotion) => [personaName(emotion.persona), stageName(emotion.stage), emotion.score])).toEqual(expected.scores);
    expect(result.ok && (result.warnings ?? []).map((warning) => warning.code)).toEqual(expected.warnings ?? []);
  });
});

// Pieces of journey syntax, Mermaid's keywords and the characters its lexer
// treats apart, to put together into diagrams Mermaid accepts or refuses.
const FRAGMENTS = [
  'journey', 'Journey', 'title', 'title ', ' Title page review', 'section ', 'section', 'Section 2', 'accTitle', 'accTitle: ', 'accDescr', 'accDescr: ', 'accDescr {', 'accDescr{', '{', '}', ':', ': ', ':5', ';', '#', '# c', '#35;', '#quot;', '#x', '#9829;',
  '%%', '%', '%% comment', '%%{init: {"theme": "dark"}}%%', '%%{wrap}%%', '%%{', '}%%', ',', ', ', ' ', '  ', '\t', '\n', '\n', '\n', '\n  ', '\r\n', '\r', 'A', 'Me', 'b c', '5', '3', '9', '-1', '4.5', 'x', 'style', 'classDef',
  '<br>', '<br/>', '<b>', 'é', '😀', '\u2028', '\u00a0', 'Make tea: 5: Me', 'Do work: 1: Me, Cat', 'section Go', 'title Day', 'E task: 5:',
];

describe('our reading of Mermaid syntax, against Mermaid', () => {
  it('accepts exactly the diagrams Mermaid accepts, and reads the same titles, sections, tasks, scores and actors', async () => {
    const diagram = fc
      .tuple(fc.constantFrom('journey\n', 'journey\n  ', 'journey ', '  journey\n', '%% c\njourney\n', 'journey\r\n', ''), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }))
      .map(([head, parts]) => `${head}${parts.join('')}`)
      // YAML front matter is checked by js-yaml in Mermaid and only read for its title here.
      .filter((text) => !/^\s*---/.test(text));
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(diagram, async (text) => {
        const mermaidReading = await readWithMermaidAsync(text);
        const ours = readWithOurSyntax(text);
        if (mermaidReading.ok) accepted += 1;
        expect({ text, ok: ours.ok }).toEqual({ text, ok: mermaidReading.ok });
        if (mermaidReading.ok && ours.ok) expect(ours).toEqual(comparableReading(mermaidReading, ours));
      }),
      { seed: PROPERTY_SEED, numRuns: 600 },
    );
    // The generator reaches both sides of the grammar.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(550);
  });
});

describe('exportJourneyMermaid, against Mermaid', () => {
  it("writes the texts issue 15 found breaking Mermaid so that Mermaid reads exactly them", async () => {
    const texts = ['Order #123 confirmed', 'section Payment', 'journey', 'Title page review', 'accDescr {x}', '%%{init: {}}%%', 'a: b; c', 'two\nlines', '<br>'];
    const journey = ok(importJourneyMermaid('journey\n  title x\n  section Go\n    x: 1: Dad, Child 1\n    y: 4: Mum\n'));
    journey.title = 'Order #123: %%{init: {}}%%; & <b>';
    journey.cards = texts.map((text, index) => ({ id: `card:t${index}`, stage: journey.stages[0]?.id ?? 'stage:s1', lane: 'lane:actions', text }));
    const text = exportJourneyMermaid(journey);
    const reading = await readWithMermaidAsync(text);
    if (!reading.ok) throw new Error(reading.error);
    expect(decodeMermaidText(reading.title, 'keep')).toBe(journey.title);
    expect(reading.sections).toEqual(['Go']);
    // Each card once per run of equal scores (Dad and Child 1 at 1, Mum at 4): Mermaid's tasks in order, decoded.
    expect(reading.tasks.map((task) => [decodeMermaidText(task.task, 'newline'), task.score, task.people])).toEqual(texts.flatMap((card) => [[card, 1, ['Dad', 'Child 1']], [card, 4, ['Mum']]]));
  });

  it('writes every journey, whatever its texts say, as a diagram Mermaid accepts and reads back to the same journey', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryHostileJourney(), async (generated) => {
        const journey = normaliseForMermaid(generated);
        const text = exportJourneyMermaid(journey);
        const mermaidReading = await readWithMermaidAsync(text);
        expect(mermaidReading, text).toMatchObject({ ok: true });
        // Mermaid reads the sections and tasks we meant (before decoding entity codes, as it draws them).
        const ours = readWithOurSyntax(text);
        if (!mermaidReading.ok || !ours.ok) throw new Error(text);
        expect(ours).toEqual(comparableReading(mermaidReading, ours));
        expect(mermaidReading.sections).toHaveLength(journey.stages.length);
        const back = ok(importJourneyMermaid(text));
        expect(summariseJourney(back), text).toEqual(summariseJourney(journey));
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });
});
