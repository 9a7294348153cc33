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

/**
 * What each fixture must import to: the map's title, scenario and stages,
 * each task a step (as [stage, step]) and each actor's score of it (as
 * [persona, stage, step, score], Mermaid's 1…5 onto −2…+2).
 */
const EXPECTED: Record<string, { title: string; scenario?: string; stages: string[]; steps: [string, string][]; scores: [string, string, string, number][]; warnings?: string[] }> = {
  '01-docs-working-day.mmd': {
    title: 'My working day',
    stages: ['Go to work', 'Go home'],
    steps: [['Go to work', 'Make tea'], ['Go to work', 'Go upstairs'], ['Go to work', 'Do work'], ['Go home', 'Go downstairs'], ['Go home', 'Sit down']],
    scores: [['Me', 'Go to work', 'Make tea', 2], ['Me', 'Go to work', 'Go upstairs', 0], ['Me', 'Go to work', 'Do work', -2], ['Cat', 'Go to work', 'Do work', -2], ['Me', 'Go home', 'Go downstairs', 2], ['Me', 'Go home', 'Sit down', 2]],
  },
  '02-demo-front-matter-acc.mmd': {
    title: 'My working day',
    scenario: '2 main sections: work and home, each with just a few tasks',
    stages: ['Go to work', 'Go home'],
    steps: [['Go to work', 'Make tea'], ['Go to work', 'Go upstairs'], ['Go to work', 'Do work'], ['Go home', 'Go downstairs'], ['Go home', 'Sit down']],
    scores: [['Me', 'Go to work', 'Make tea', 2], ['Me', 'Go to work', 'Go upstairs', 0], ['Me', 'Go to work', 'Do work', -2], ['Cat', 'Go to work', 'Do work', -2], ['Me', 'Go home', 'Go downstairs', 2], ['Me', 'Go home', 'Sit down', 0]],
  },
  '03-spec-acc-descr-block.mmd': { title: 'Adding journey diagram functionality to mermaid', scenario: 'A user journey for\nfamily shopping', stages: ['Order from website'], steps: [], scores: [] },
  '04-spec-acc-descr-line.mmd': { title: 'Adding journey diagram functionality to mermaid', scenario: 'A user journey for family shopping', stages: ['Order from website'], steps: [], scores: [] },
  '05-spec-tasks.mmd': {
    title: 'Adding journey diagram functionality to mermaid',
    stages: ['Documentation', 'Another section'],
    steps: [['Documentation', 'A task'], ['Documentation', 'B task'], ['Documentation', 'C task'], ['Documentation', 'D task'], ['Documentation', 'E task'], ['Another section', 'P task'], ['Another section', 'Q task'], ['Another section', 'R task']],
    // A task without actors scores nobody; each actor of a task is scored at its step.
    scores: [
      ['Alice', 'Documentation', 'A task', 2], ['Bob', 'Documentation', 'A task', 2], ['Charlie', 'Documentation', 'A task', 2],
      ['Bob', 'Documentation', 'B task', 0], ['Charlie', 'Documentation', 'B task', 0],
      ['Charlie', 'Documentation', 'D task', 2], ['Alice', 'Documentation', 'D task', 2],
    ],
    warnings: ['mermaid-task-no-actor', 'mermaid-task-no-actor', 'mermaid-task-no-actor', 'mermaid-task-no-actor', 'mermaid-task-no-actor'],
  },
  '06-spec-line-breaks.mmd': {
    title: 'Adding gantt diagram functionality to mermaid',
    stages: ['Line1\nLine2\nLine3</br />Line4\nLine5'],
    steps: [['Line1\nLine2\nLine3</br />Line4\nLine5', 'Check the lines']],
    scores: [['Me', 'Line1\nLine2\nLine3</br />Line4\nLine5', 'Check the lines', 1]],
  },
  '07-cypress-simple.mmd': { title: 'Adding journey diagram functionality to mermaid', stages: ['Order from website'], steps: [], scores: [] },
  '08-cypress-e-commerce.mmd': {
    title: 'E-Commerce',
    stages: ['Order from website', 'Checkout from website'],
    steps: [['Order from website', 'Add to cart'], ['Checkout from website', 'Add payment details']],
    scores: [['Me', 'Order from website', 'Add to cart', 2], ['Me', 'Checkout from website', 'Add payment details', 2]],
  },
  '09-db-family-shopping.mmd': {
    title: 'Shopping',
    scenario: 'A user journey for family shopping',
    stages: ['Journey to the shops', 'Do shopping'],
    steps: [['Journey to the shops', 'Get car keys'], ['Journey to the shops', 'Go to car'], ['Journey to the shops', 'Drive to supermarket'], ['Do shopping', 'Go shopping']],
    scores: [
      ['Dad', 'Journey to the shops', 'Get car keys', 2],
      ['Dad', 'Journey to the shops', 'Go to car', 0], ['Mum', 'Journey to the shops', 'Go to car', 0], ['Child#1', 'Journey to the shops', 'Go to car', 0], ['Child#2', 'Journey to the shops', 'Go to car', 0],
      ['Dad', 'Journey to the shops', 'Drive to supermarket', 1],
      ['Mum', 'Do shopping', 'Go shopping', 2],
    ],
  },
  '10-comments.mmd': { title: 'My working day', stages: ['Go to work'], steps: [['Go to work', 'Make tea'], ['Go to work', 'Do work']], scores: [['Me', 'Go to work', 'Make tea', 2], ['Me', 'Go to work', 'Do work', -2], ['Cat', 'Go to work', 'Do work', -2]] },
  '11-directive.mmd': { title: 'Directives', stages: ['Go to work'], steps: [['Go to work', 'Make tea']], scores: [['Me', 'Go to work', 'Make tea', 2]] },
  '12-task-before-section.mmd': {
    title: 'Tasks before the first section',
    stages: ['Untitled stage', 'Breakfast'],
    steps: [['Untitled stage', 'Wake up'], ['Untitled stage', 'Snooze'], ['Breakfast', 'Make tea']],
    scores: [['Me', 'Untitled stage', 'Wake up', -1], ['Me', 'Untitled stage', 'Snooze', -2], ['Me', 'Breakfast', 'Make tea', 2]],
    warnings: ['mermaid-untitled-stage'],
  },
  '13-repeated-sections.mmd': {
    title: 'Paying twice',
    stages: ['Payment', 'Delivery', 'Payment (2)'],
    steps: [['Payment', 'Enter card'], ['Delivery', 'Wait'], ['Payment (2)', 'Pay the customs fee']],
    scores: [['Anna', 'Payment', 'Enter card', -1], ['Anna', 'Delivery', 'Wait', 0], ['Anna', 'Payment (2)', 'Pay the customs fee', -2]],
    warnings: ['mermaid-section-repeated'],
  },
  '14-entity-codes.mmd': {
    title: 'Order #123 & more',
    stages: ['Checkout: step 1'],
    steps: [['Checkout: step 1', 'A double quote:"'], ['Checkout: step 1', 'A dec char:♥'], ['Checkout: step 1', 'Order #123 confirmed; thanks']],
    scores: [['Me', 'Checkout: step 1', 'A double quote:"', 1], ['Me', 'Checkout: step 1', 'A dec char:♥', 2], ['Me', 'Checkout: step 1', 'Order #123 confirmed; thanks', 2]],
  },
  '15-front-matter-config.mmd': { title: 'Frontmatter: a journey', stages: ['Go to work'], steps: [['Go to work', 'Make tea']], scores: [['Me', 'Go to work', 'Make tea', 2]] },
  '16-scores-and-actors.mmd': {
    title: 'Scores as people write them',
    stages: ['Go to work'],
    steps: [['Go to work', 'Make tea'], ['Go to work', 'Miss the bus'], ['Go to work', 'Sit down'], ['Go to work', 'Call the boss']],
    // Clamped to 5 and 1; 4.5 is the nearest whole step, +2.
    scores: [['Me', 'Go to work', 'Make tea', 2], ['Me', 'Go to work', 'Miss the bus', -2], ['Cat', 'Go to work', 'Miss the bus', -2], ['Cat', 'Go to work', 'Sit down', 2]],
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
    const stepName = (id: string | undefined) => journey.stages.flatMap((stage) => stage.steps ?? []).find((step) => step.id === id)?.name;
    const personaName = (id: string | undefined) => (id ? journey.personas.find((persona) => persona.id === id)?.name : 'all');
    expect(journey.title).toBe(expected.title);
    expect(journey.scope.scenario).toBe(expected.scenario);
    expect(journey.stages.map((stage) => stage.name)).toEqual(expected.stages);
    expect(journey.stages.flatMap((stage) => (stage.steps ?? []).map((step) => [stage.name, step.name]))).toEqual(expected.steps);
    expect(journey.cards).toEqual([]);
    expect(journey.emotions.map((emotion) => [personaName(emotion.persona), stageName(emotion.stage), stepName(emotion.step), emotion.score])).toEqual(expected.scores);
    expect(result.ok && (result.warnings ?? []).map((warning) => warning.code)).toEqual(expected.warnings ?? []);
    // Mermaid's own reading: a step per task, in order, each actor scored as the task says.
    const tasks = mermaidReading.tasks.map((task) => decodeMermaidText(task.task, 'newline').trim());
    expect(journey.stages.flatMap((stage) => (stage.steps ?? []).map((step) => step.name))).toEqual(tasks);
    // And back: the diagram written from the map is read by Mermaid as the same tasks with the same actors and scores (clamped and rounded as imported).
    const back = await readWithMermaidAsync(exportJourneyMermaid(journey));
    if (!back.ok) throw new Error(back.error);
    const asWritten = (reading: typeof mermaidReading) =>
      reading.tasks.map((task) => [decodeMermaidText(task.task, 'newline').trim(), Math.round(Math.max(1, Math.min(5, task.score))), [...task.people].map((person) => decodeMermaidText(person, 'space').trim()).filter(Boolean).sort()]);
    const hasActors = mermaidReading.tasks.some((task) => task.people.some((person) => person.trim() !== ''));
    if (hasActors) expect(asWritten(back).filter(([, , people]) => (people as string[]).length > 0)).toEqual(asWritten(mermaidReading).filter(([, , people]) => (people as string[]).length > 0));
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
    // The texts as the steps of the stage, each scored as the two tasks were.
    const stage = journey.stages[0]!;
    stage.steps = texts.map((name, index) => ({ id: `step:x${index}`, name }));
    journey.emotions = stage.steps.flatMap((step) => journey.personas.map((persona) => ({ persona: persona.id, stage: stage.id, step: step.id, score: persona.name === 'Mum' ? 1 : -2 })));
    const text = exportJourneyMermaid(journey);
    const reading = await readWithMermaidAsync(text);
    if (!reading.ok) throw new Error(reading.error);
    expect(decodeMermaidText(reading.title, 'keep')).toBe(journey.title);
    expect(reading.sections).toEqual(['Go']);
    // Each step once per run of equal scores (Dad and Child 1 at 1, Mum at 4): Mermaid's tasks in order, decoded.
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
