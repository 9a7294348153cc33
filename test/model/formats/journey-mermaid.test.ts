import { describe, expect, it } from 'vitest';
import { exportJourneyMermaid, importJourneyMermaid, looksLikeMermaidJourney } from '../../../src/model/formats/journey-mermaid';
import { JOURNEY_SCHEMA, listSteps, type Journey } from '../../../src/model/journey';
import { parseJourney } from '../../../src/model/journey-schema';
import type { ValidationError } from '../../../src/model/parse-result';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';

const DIAGRAM = `journey
  title My working day
  %% a comment
  section Go to work
    Make tea: 5: Me
    Go upstairs: 3: Me
    Do work: 1: Me, Cat
  section Go home
    Go downstairs: 5: Me
    Sit down: 4: Me
`;

const ok = (result: ReturnType<typeof importJourneyMermaid>): Journey => {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const checked = parseJourney(result.value);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
};
const errorsOf = (text: string): ValidationError[] => {
  const result = importJourneyMermaid(text);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value)}`);
  return result.errors;
};
const warningsOf = (text: string): ValidationError[] => {
  const result = importJourneyMermaid(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.warnings ?? [];
};
/**
 * By names: steps as [stage, its steps], cards as [place, text, persona or
 * "all"], scores as [persona, place, score]; a place is "Stage › Step" or the
 * stage's name.
 */
const contentOf = (journey: Journey) => {
  const place = (stageId: string, stepId: string | undefined) => {
    const stage = journey.stages.find((entry) => entry.id === stageId);
    const step = stepId ? listSteps(stage ?? {}).find((entry) => entry.id === stepId) : undefined;
    return step ? `${stage?.name} › ${step.name}` : stage?.name;
  };
  const persona = (id: string | undefined) => (id ? journey.personas.find((entry) => entry.id === id)?.name : 'all');
  return {
    steps: journey.stages.map((stage) => [stage.name, listSteps(stage).map((step) => step.name)]),
    cards: journey.cards.map((card) => [place(card.stage, card.step), card.text, persona(card.persona)]),
    scores: journey.emotions.map((emotion) => [persona(emotion.persona), place(emotion.stage, emotion.step), emotion.score]),
  };
};
/** A journey without steps: one persona per name, action cards as [stage, text, persona?], scores as [persona, stage, score]. */
const steplessJourney = (personas: string[], stages: string[], cards: [number, string, number?][], scores: [number, number, number][]): Journey => {
  const checked = parseJourney({
    schema: JOURNEY_SCHEMA,
    title: 'Stepless',
    scope: {},
    personas: personas.map((name, index) => ({ id: `persona:p${index}`, name, goals: [], needs: [], pains: [], behaviour: [], channels: [] })),
    stages: stages.map((name, index) => ({ id: `stage:s${index}`, name })),
    lanes: [
      { id: 'lane:actions', kind: 'actions', title: 'Goals & actions' },
      { id: 'lane:emotions', kind: 'emotions', title: 'Emotions' },
    ],
    cards: cards.map(([stage, text, persona], index) => ({ id: `card:c${index}`, stage: `stage:s${stage}`, lane: 'lane:actions', text, ...(persona === undefined ? {} : { persona: `persona:p${persona}` }) })),
    emotions: scores.map(([persona, stage, score]) => ({ persona: `persona:p${persona}`, stage: `stage:s${stage}`, score })),
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
};

describe('importJourneyMermaid', () => {
  it('makes sections stages, each task a step scored for its actors, actors personas, and 1…5 scores the −2…+2 scale', () => {
    const journey = ok(importJourneyMermaid(DIAGRAM));
    expect(journey.title).toBe('My working day');
    expect(journey.personas.map((persona) => persona.name)).toEqual(['Me', 'Cat']);
    expect(journey.lanes.map((lane) => lane.kind)).toEqual(['actions', 'emotions']);
    // No averages: every task is a step with its own score for each of its actors.
    expect(contentOf(journey)).toEqual({
      steps: [['Go to work', ['Make tea', 'Go upstairs', 'Do work']], ['Go home', ['Go downstairs', 'Sit down']]],
      cards: [],
      scores: [['Me', 'Go to work › Make tea', 2], ['Me', 'Go to work › Go upstairs', 0], ['Me', 'Go to work › Do work', -2], ['Cat', 'Go to work › Do work', -2], ['Me', 'Go home › Go downstairs', 2], ['Me', 'Go home › Sit down', 1]],
    });
    // It exports task by task, as written (the comment is not kept).
    expect(exportJourneyMermaid(journey)).toBe(DIAGRAM.replace('  %% a comment\n', ''));
  });

  it('reads front matter, accTitle, accDescr blocks, # comments, directives and tasks before the first section', () => {
    const text = [
      '---',
      'title: "Morning: the hard part"',
      'config:',
      '  theme: forest',
      '---',
      "%%{init: {'theme': 'dark'}}%%",
      'journey',
      '  accTitle: Not the title, the front matter has one',
      '  accDescr {',
      '    How the day starts',
      '    for the whole family',
      '  }',
      '# a comment line',
      '  Wake up: 2: Me',
      '  section Breakfast',
      '    Make tea: 5: Me # the kettle is quick',
    ].join('\n');
    const result = importJourneyMermaid(text);
    const journey = ok(result);
    expect(journey.title).toBe('Morning: the hard part');
    expect(journey.scope).toEqual({ scenario: 'How the day starts\nfor the whole family' });
    expect(journey.stages.map((stage) => stage.name)).toEqual(['Untitled stage', 'Breakfast']);
    expect(contentOf(journey).steps).toEqual([['Untitled stage', ['Wake up']], ['Breakfast', ['Make tea']]]);
    expect(result.ok && result.warnings).toEqual([{ path: 'line 14', code: 'mermaid-untitled-stage', params: { line: 14, name: 'Untitled stage' }, message: expect.stringMatching(/before any section; it is put into the stage "Untitled stage"/) }]);
    // A title line wins over the front matter, as in Mermaid; accTitle is the last resort.
    expect(ok(importJourneyMermaid(`---\ntitle: Front\n---\njourney\n  title Line\n  section A\n    T: 3: Me`)).title).toBe('Line');
    expect(ok(importJourneyMermaid('journey\n  accTitle: Shopping\n  section A\n    T: 3: Me')).title).toBe('Shopping');
    expect(ok(importJourneyMermaid('journey\n  section A\n    T: 3: Me', { title: 'From the file name' })).title).toBe('From the file name');
    // The untitled stage speaks the diagram's language.
    expect(ok(importJourneyMermaid('journey\n  Проснуться: 2: Я')).stages[0]?.name).toBe('Этап без названия');
  });

  it('keeps sections of the same name apart, in order, and says how it named the second', () => {
    const result = importJourneyMermaid('journey\n  section Payment\n    Enter card: 2: Anna\n  section Delivery\n    Wait: 3: Anna\n  section payment\n    Pay customs: 1: Anna\n');
    const journey = ok(result);
    expect(journey.stages.map((stage) => stage.name)).toEqual(['Payment', 'Delivery', 'payment (2)']);
    expect(contentOf(journey).scores).toEqual([['Anna', 'Payment › Enter card', -1], ['Anna', 'Delivery › Wait', 0], ['Anna', 'payment (2) › Pay customs', -2]]);
    expect(result.ok && result.warnings).toEqual([{ path: 'line 6', code: 'mermaid-section-repeated', params: { line: 6, section: 'payment', name: 'payment (2)' }, message: 'the section "payment" comes again; it is a stage of its own, named "payment (2)"' }]);
  });

  it('scores each actor of a task at its step, and nobody for a task without actors (issue 15)', () => {
    const text = 'journey\n  section Cross the road\n    Look both ways: 5\n    Get cross: 1: Dad, Child 1\n    Wait: 4: Mum, Child 2\n    Hold hands: 3: Dad, Mum, Child 1, Child 2\n';
    const result = importJourneyMermaid(text);
    const journey = ok(result);
    expect(contentOf(journey)).toEqual({
      steps: [['Cross the road', ['Look both ways', 'Get cross', 'Wait', 'Hold hands']]],
      cards: [],
      scores: [
        ['Dad', 'Cross the road › Get cross', -2],
        ['Child 1', 'Cross the road › Get cross', -2],
        ['Mum', 'Cross the road › Wait', 1],
        ['Child 2', 'Cross the road › Wait', 1],
        ['Dad', 'Cross the road › Hold hands', 0],
        ['Mum', 'Cross the road › Hold hands', 0],
        ['Child 1', 'Cross the road › Hold hands', 0],
        ['Child 2', 'Cross the road › Hold hands', 0],
      ],
    });
    expect((result.ok && result.warnings?.map((warning) => [warning.path, warning.code, warning.params])) || []).toEqual([['line 3', 'mermaid-task-no-actor', { line: 3, task: 'Look both ways' }]]);
    const exported = exportJourneyMermaid(journey);
    // A task of some actors stays theirs; the actors of a task come in the map's order of personas.
    expect(exported).toContain('    Look both ways: 3\n    Get cross: 1: Dad, Child 1\n    Wait: 4: Mum, Child 2\n    Hold hands: 3: Dad, Child 1, Mum, Child 2\n');
    expect(contentOf(ok(importJourneyMermaid(exported))).scores).toEqual(expect.arrayContaining(contentOf(journey).scores));
    expect(contentOf(ok(importJourneyMermaid(exported))).scores).toHaveLength(8);
  });

  it('reads consecutive lines of one task with other actors and another score as one step, as export writes a step whose personas feel differently', () => {
    const journey = ok(importJourneyMermaid('journey\n  section A\n    Pay: 1: Anna\n    Pay: 5: Boris\n    Pay: 5: Vera\n    Wait: 2: Anna, Boris\n    Wait: 4: Anna\n'));
    // "Pay: 5: Vera" has the score of the line above it: a task of its own; "Wait: 4: Anna" names Anna again.
    expect(contentOf(journey).steps).toEqual([['A', ['Pay', 'Pay', 'Wait', 'Wait']]]);
    expect(contentOf(journey).scores).toEqual([['Anna', 'A › Pay', -2], ['Boris', 'A › Pay', 2], ['Vera', 'A › Pay', 2], ['Anna', 'A › Wait', -1], ['Boris', 'A › Wait', -1], ['Anna', 'A › Wait', 1]]);
    const exported = exportJourneyMermaid(journey);
    expect(exported).toContain('    Pay: 1: Anna\n    Pay: 5: Boris\n    Pay: 5: Vera\n    Wait: 2: Anna, Boris\n    Wait: 4: Anna\n');
    expect(contentOf(ok(importJourneyMermaid(exported)))).toEqual(contentOf(journey));
    // A line between two tasks keeps them apart; export writes one where import would merge them.
    const apart = ok(importJourneyMermaid('journey\n  section A\n    Pay: 1: Anna\n    %% then Boris, on his own\n    Pay: 5: Boris\n'));
    expect(contentOf(apart).steps).toEqual([['A', ['Pay', 'Pay']]]);
    const written = exportJourneyMermaid(apart);
    expect(written).toContain('    Pay: 1: Anna\n    %% the next task is one of its own\n    Pay: 5: Boris\n');
    expect(contentOf(ok(importJourneyMermaid(written)))).toEqual(contentOf(apart));
  });

  it('makes a task without text an untitled step and a task longer than the name of a step a card of its step, in the language of the diagram', () => {
    const result = importJourneyMermaid(`journey\n  section Оплата\n    #32;: 2: Я\n    ${'Очень долго '.repeat(20)}: 1: Я\n`);
    const journey = ok(result);
    const long = 'Очень долго '.repeat(20).trim();
    expect(contentOf(journey).steps).toEqual([['Оплата', ['Шаг без названия', expect.stringMatching(/^Очень долго .*…$/)]]]);
    expect(journey.stages[0]?.steps?.[1]?.name.length).toBeLessThanOrEqual(200);
    expect(contentOf(journey).cards).toEqual([[`Оплата › ${journey.stages[0]?.steps?.[1]?.name}`, long, 'all']]);
    expect(contentOf(journey).scores).toEqual([['Я', 'Оплата › Шаг без названия', -1], ['Я', `Оплата › ${journey.stages[0]?.steps?.[1]?.name}`, -2]]);
    expect(result.ok && result.warnings?.map((warning) => [warning.code, warning.params])).toEqual([
      ['mermaid-task-empty', { line: 3, name: 'Шаг без названия' }],
      ['mermaid-task-long', { line: 4, task: expect.stringMatching(/^Очень долго/), max: 200 }],
    ]);
  });

  it('holds as many tasks as a map holds steps, and says which limit a diagram passes', () => {
    const section = (name: string, count: number) => `  section ${name}\n${Array.from({ length: count }, (_, index) => `    T${index}: 3: Me\n`).join('')}`;
    expect(ok(importJourneyMermaid(`journey\n${section('A', 20)}`)).stages[0]?.steps).toHaveLength(20);
    expect(errorsOf(`journey\n${section('A', 21)}`)).toEqual([{ path: 'line 23', code: 'mermaid-too-many', params: { what: 'section-tasks', max: 20 }, message: expect.stringMatching(/more than 20 tasks in one section, which is all a map holds \(each task is a step\)/) }]);
    const many = `journey\n${['A', 'B', 'C', 'D'].map((name) => section(name, 20)).join('')}${section('E', 1)}`;
    expect(errorsOf(many)).toEqual([{ path: 'line 87', code: 'mermaid-too-many', params: { what: 'tasks', max: 80 }, message: expect.stringMatching(/more than 80 tasks/) }]);
  });

  it('gives a diagram without actors one default persona, who is scored', () => {
    const journey = ok(importJourneyMermaid('journey\n  section A\n    T: 5\n    U: 4:\n'));
    expect(journey.personas.map((persona) => persona.name)).toEqual(['Customer']);
    expect(contentOf(journey)).toEqual({ steps: [['A', ['T', 'U']]], cards: [], scores: [['Customer', 'A › T', 2], ['Customer', 'A › U', 1]] });
  });

  it('clamps scores outside 1…5 with a warning the panel can word', () => {
    const result = importJourneyMermaid('journey\n  section A\n    Tea: 7: Me\n    Cake: 0: Me\n    Nap: -3.5: Me\n');
    expect(contentOf(ok(result)).scores).toEqual([['Me', 'A › Tea', 2], ['Me', 'A › Cake', -2], ['Me', 'A › Nap', -2]]);
    expect(result.ok && result.warnings).toEqual([
      { path: 'line 3', code: 'mermaid-score-clamped', params: { line: 3, score: '7', clamped: 5 }, message: "the score 7 is outside Mermaid's 1…5; it is read as 5" },
      { path: 'line 4', code: 'mermaid-score-clamped', params: { line: 4, score: '0', clamped: 1 }, message: "the score 0 is outside Mermaid's 1…5; it is read as 1" },
      { path: 'line 5', code: 'mermaid-score-clamped', params: { line: 5, score: '-3.5', clamped: 1 }, message: "the score -3.5 is outside Mermaid's 1…5; it is read as 1" },
    ]);
  });

  it('warns of what Mermaid drops or reads otherwise than a person meant', () => {
    expect(warningsOf('journey\n  section A\n    Call: 2: Me: angry\n').map((warning) => [warning.code, warning.params])).toEqual([['mermaid-task-extra-field', { line: 3, ignored: 'angry' }]]);
    expect(warningsOf('journey\n  section A\n    T: 2: Me\n    U: 3: me\n').map((warning) => [warning.code, warning.params])).toEqual([['mermaid-actor-merged', { line: 4, actor: 'me', persona: 'Me' }]]);
    expect(warningsOf('journey\n  section A\n    Title page review: 3: Me\n    T: 3: Me\n').map((warning) => [warning.code, warning.params])).toEqual([['mermaid-title-late', { line: 3, title: 'page review: 3: Me' }]]);
    expect(warningsOf('journey\n  section A\n    #32;: 3: Me\n    T: 4: Me\n').map((warning) => warning.code)).toEqual(['mermaid-task-empty']);
    expect(warningsOf(`journey\n  title ${'Long '.repeat(60)}\n  section A\n    T: 3: Me\n`).map((warning) => [warning.code, warning.params])).toEqual([['mermaid-text-clipped', { line: 2, what: 'title', max: 200 }]]);
  });

  it('keeps actors whose names have nothing to match by (emoji) apart, with their own names', () => {
    const journey = ok(importJourneyMermaid('journey\n  section A\n    T: 2: 🐱\n    U: 4: 🐶\n'));
    expect(journey.personas.map((persona) => persona.name)).toEqual(['🐱', '🐶']);
    expect(contentOf(journey).scores).toEqual([['🐱', 'A › T', -1], ['🐶', 'A › U', 1]]);
  });

  it('decodes Mermaid entity codes and <br> in names', () => {
    const journey = ok(importJourneyMermaid('journey\n  title Order #35;123 #amp; more\n  section Pay#58; step 1<br/>then 2\n    Say #quot;hi#quot;#59; #9829; #unknown;: 3: Child#35;1, Dad#44; Sr.\n'));
    expect(journey.title).toBe('Order #123 & more');
    expect(journey.stages[0]?.name).toBe('Pay: step 1\nthen 2');
    expect(journey.stages[0]?.steps?.[0]?.name).toBe('Say "hi"; ♥ #unknown;');
    expect(journey.personas.map((persona) => persona.name)).toEqual(['Child#1', 'Dad, Sr.']);
  });

  it('names the line of each problem, says what it expected and how to write it', () => {
    expect(errorsOf('journey\n  section A\n    Task: 3: Me\n    what is this\n    Sit: 3: Me\n    Tea: x: Me\n')).toEqual([
      { path: 'line 4', code: 'mermaid-syntax', params: { received: 'what is this' }, message: 'expected "title …", "section …" or a task "Task name: 5: Actor, Actor", received "what is this"' },
      { path: 'line 6', code: 'mermaid-score-not-number', params: { score: 'x' }, message: 'expected a score from 1 to 5 after the task name, received "x"; write it as a number, e.g. "Tea: 3: Me"' },
    ]);
    const one = (text: string) => errorsOf(text).map((error) => [error.path, error.code, error.message]);
    expect(one('journey\n  section A\n    Order #123 confirmed: 5: Me\n')).toEqual([['line 3', 'mermaid-hash', expect.stringMatching(/"#" as the start of a comment, so the line ends after "Order" .*write "#35;"/)]]);
    expect(one('journey\n  section A\n    Pay; then go: 5: Me\n')).toEqual([['line 3', 'mermaid-semicolon', expect.stringMatching(/does not allow ";".*"#59;"/)]]);
    expect(one('journey\n  section A\n    Tea: 5: Me; Cat\n')).toEqual([['line 3', 'mermaid-semicolon', expect.stringMatching(/does not allow ";"/)]]);
    expect(one('journey\n  section A\n    Tea:\n')).toEqual([['line 3', 'mermaid-no-score', expect.stringMatching(/nothing after its colon.*"Tea: 3: Me"/)]]);
    expect(one('journey\n  section Step: one\n    Tea: 5: Me\n')).toEqual([['line 2', 'mermaid-section-colon', expect.stringMatching(/ends a section name at ":".*"#58;"/)]]);
    expect(one('journey\n  section A\n    journey planning: 5: Me\n')).toEqual([['line 3', 'mermaid-keyword', expect.stringMatching(/"#106;ourney …"/)]]);
    expect(one('journey\n  accDescr {\n    never closed\n')).toEqual([['line 2', 'mermaid-unclosed', expect.stringMatching(/"accDescr \{" block that starts here is never closed/)]]);
    expect(one('journey\n  section A\n  accTitle:\n')).toEqual([['line 3', 'mermaid-unclosed', expect.stringMatching(/nothing follows "accTitle:"/)]]);
    expect(one('flowchart LR\n A-->B')).toEqual([['line 1', 'mermaid-not-journey', 'expected "journey" to start a Mermaid user journey, received "flowchart LR"']]);
    expect(one('Journey\n  section A')).toEqual([['line 1', 'mermaid-not-journey', expect.stringMatching(/only in lower case/)]]);
    expect(one('  \n\n')).toEqual([['line 1', 'mermaid-empty', expect.stringMatching(/the file is empty/)]]);
    expect(one('---\ntitle: x\njourney\n')).toEqual([['line 1', 'mermaid-front-matter-unclosed', expect.stringMatching(/never closed; end it with a line "---"/)]]);
    expect(one('---\ntitle: a\ntitle: b\n---\njourney\n  section A\n')).toEqual([['line 3', 'mermaid-front-matter-title-twice', expect.stringMatching(/second "title"/)]]);
    expect(one('journey\n  title Only a title\n')).toEqual([['line 1', 'mermaid-no-stage', expect.stringMatching(/no section and no task/)]]);
    expect(one(`journey\n${Array.from({ length: 41 }, (_, index) => `  section S${index}\n`).join('')}`)).toEqual([['line 42', 'mermaid-too-many', expect.stringMatching(/more than 40 stages, which is all a map holds/)]]);
  });

  it('counts lines as the file has them: CRLF, CR, BOM, cut front matter and directives', () => {
    expect(errorsOf('\uFEFF---\r\ntitle: x\r\n---\r\n%%{init: {\r\n}}%%\rjourney\r\n  section A\r\n    what is this\r\n').map((error) => error.path)).toEqual(['line 8']);
  });

  it('reads a 1 MB task line full of colons, entity codes and comment marks in linear time, and quotes it short', () => {
    const colons = importJourneyMermaid(`journey\n  section A\n    Tea: 3: Me${':x'.repeat(500_000)}\n`);
    expect(contentOf(ok(colons)).scores).toEqual([['Me', 'A › Tea', 0]]);
    expect(colons.ok && colons.warnings?.map((warning) => [warning.code, String(warning.params?.ignored).length])).toEqual([['mermaid-task-extra-field', 60]]);

    const tooLong = errorsOf(`journey\n  section A\n    ${'Tea #35;%%'.repeat(100_000)}: 3: Me\n`);
    expect(tooLong).toEqual([{ path: 'line 3', code: 'mermaid-too-long', params: { what: 'task', length: 700_000, max: 5000 }, message: expect.stringMatching(/^the task has 700000 characters; a card holds at most 5000; shorten "Tea #%%Tea/) }]);
    expect(tooLong[0]?.message.length).toBeLessThan(200);

    const noScore = errorsOf(`journey\n  section A\n    T: ${'a'.repeat(1_000_000)}: Me\n    U${':b'.repeat(500_000)}\n`);
    expect(noScore).toEqual([
      { path: 'line 3', code: 'mermaid-score-not-number', params: { score: `${'a'.repeat(60)}` }, message: `expected a score from 1 to 5 after the task name, received "${'a'.repeat(60)}…"; write it as a number, e.g. "T: 3: Me"` },
      { path: 'line 4', code: 'mermaid-score-not-number', params: { score: 'b' }, message: 'expected a score from 1 to 5 after the task name, received "b"; write it as a number, e.g. "U: 3: Me"' },
    ]);

    const blank = importJourneyMermaid(`${'\n'.repeat(500_000)}journey\n${' \n'.repeat(250_000)}  section A\n    T: 3: Me\n${'\n'.repeat(200_000)}  %% end\n`);
    expect(contentOf(ok(blank)).steps).toEqual([['A', ['T']]]);
    expect(errorsOf(`journey\n  section A\n${'    T: 3: Me\n'.repeat(20_000)}`)).toEqual([{ path: 'line 23', code: 'mermaid-too-many', params: { what: 'section-tasks', max: 20 }, message: expect.stringMatching(/more than 20 tasks in one section, which is all a map holds \(each task is a step\); split the journey/) }]);
    // Mermaid's encodeEntities drops the last ";" of a line with "style", a ":" and then a "#" without a space between:
    // here the one of "#35;", so "#35" starts a comment.
    const style = importJourneyMermaid(`journey\n  section A\n    T: 3: Me style${':x'.repeat(300_000)}#35;\n`);
    expect(ok(style).personas.map((persona) => persona.name)).toEqual(['Me style']);
    expect(style.ok && style.warnings?.map((warning) => warning.code)).toEqual(['mermaid-task-extra-field']);
  });
});

describe('exportJourneyMermaid', () => {
  it('writes a diagram that needed nothing merged as it came, without a header (the FigJam panel download)', () => {
    const diagram = 'journey\n  title Morning\n  section Wake up\n    Snooze: 2: Me\n  section Breakfast\n    Make tea: 5: Me\n';
    expect(exportJourneyMermaid(ok(importJourneyMermaid(diagram)))).toBe(diagram);
  });

  it('escapes whatever a card, a stage or the title says, so it reads back the same (issue 15)', () => {
    const texts = ['Order #123 confirmed', 'section Payment', 'journey', 'Title page review', 'accDescr {x}', 'accTitle: y', '%%{init: {}}%%', '%% not a comment', '50% off', 'a: b; c', 'two\nlines', '<br> is text', 'a, b'];
    // A stage without steps: its action cards are the tasks.
    const journey = steplessJourney(['Me, myself: #1'], ['section Payment: #1'], texts.map((text) => [0, text]), [[0, 0, 0]]);
    journey.title = 'Order #123: a title; with %%{init: {}}%% & <b>';
    const exported = exportJourneyMermaid(journey);
    const lines = [
      'journey',
      '  title Order #35;123: a title#59; with #37;#37;{init: {}}#37;#37; #38; #60;b#62;',
      '  %% Exported by cjm-board; Mermaid holds less than the map:',
      "  %% Scores are per persona and stage: each task shows its actor's score for the whole section.",
      '  section section Payment#58; #35;1',
      '    Order #35;123 confirmed: 3: Me#44; myself#58; #35;1',
      '    #115;ection Payment: 3: Me#44; myself#58; #35;1',
      '    #106;ourney: 3: Me#44; myself#58; #35;1',
      '    #84;itle page review: 3: Me#44; myself#58; #35;1',
      '    #97;ccDescr {x}: 3: Me#44; myself#58; #35;1',
      // With its colon written as #58;, "accTitle" is no keyword to Mermaid.
      '    accTitle#58; y: 3: Me#44; myself#58; #35;1',
      '    #37;#37;{init#58; {}}#37;#37;: 3: Me#44; myself#58; #35;1',
      '    #37;#37; not a comment: 3: Me#44; myself#58; #35;1',
      '    50% off: 3: Me#44; myself#58; #35;1',
      '    a#58; b#59; c: 3: Me#44; myself#58; #35;1',
      '    two<br>lines: 3: Me#44; myself#58; #35;1',
      '    #60;br> is text: 3: Me#44; myself#58; #35;1',
      '    a, b: 3: Me#44; myself#58; #35;1',
      '',
    ];
    expect(exported.split('\n')).toEqual(lines);
    const back = ok(importJourneyMermaid(exported));
    expect(back.title).toBe(journey.title);
    expect(back.stages.map((stage) => stage.name)).toEqual(['section Payment: #1']);
    expect(back.personas.map((persona) => persona.name)).toEqual(['Me, myself: #1']);
    expect(listSteps(back.stages[0] ?? {}).map((step) => step.name)).toEqual(texts);
    // The same texts as the steps of the stage are the same tasks, and need no header: each has its own score.
    expect(exportJourneyMermaid(back).split('\n')).toEqual(lines.filter((line) => !line.startsWith('  %%')));
  });

  it('round-trips the template: stages, steps or action cards, persona, emotions and scenario, and says in a header what it left out', () => {
    const journey = createOnlineStoreJourney();
    const exported = exportJourneyMermaid(journey);
    expect(exported).toMatch(/^journey\n {2}title Online store: ordering a kettle\n {2}%% Exported by cjm-board; Mermaid holds less than the map:\n/);
    // Order & pay has steps: written step by step, its cards left out, and its steps' touchpoints and channels.
    expect(exported).toContain('  %% Stages with steps are written step by step; their 36 cards are not written.\n');
    expect(exported).toMatch(
      /%% Not written: \d+ cards of other lanes \(Touchpoints, Channels, Thoughts & questions, Emotions, …\); the touchpoints and channels of 4 steps; emotion notes; persona profiles; the map's goal, product and period\.\n/,
    );
    const back = ok(importJourneyMermaid(exported));
    expect(back.title).toBe('Online store: ordering a kettle');
    expect(back.scope).toEqual({ scenario: journey.scope.scenario });
    expect(back.personas.map((persona) => persona.name)).toEqual(['Anna Petrova']);
    // Every stage comes back with a step per task: its own steps, or its action cards.
    const tasksOf = (stage: Journey['stages'][number]) => (listSteps(stage).length > 0 ? listSteps(stage).map((step) => step.name) : journey.cards.filter((card) => card.stage === stage.id && card.lane === 'lane:actions').map((card) => card.text));
    expect(contentOf(back).steps).toEqual(journey.stages.map((stage) => [stage.name, tasksOf(stage)]));
    // Each task carries the score of its step, or of its stage.
    const scoreAt = (stage: string, step?: string) => journey.emotions.find((emotion) => emotion.line !== 'to-be' && emotion.stage === stage && emotion.step === step)?.score;
    expect(contentOf(back).scores).toEqual(journey.stages.flatMap((stage) => {
      const steps = listSteps(stage);
      return tasksOf(stage).map((task, index) => ['Anna Petrova', `${stage.name} › ${task}`, scoreAt(stage.id, steps[index]?.id)]);
    }));
  });

  it('writes a card for everyone once per score when personas feel differently, and reads it back as one step', () => {
    const journey = steplessJourney(['Anna', 'Boris', 'Vera'], ['A', 'B'], [[0, 'Pay', 0], [0, 'Wait', 1], [0, 'Leave'], [1, 'Go']], [[0, 0, -2], [1, 0, 2], [2, 0, 0], [0, 1, 0], [1, 1, 0], [2, 1, 0]]);
    const exported = exportJourneyMermaid(journey);
    expect(exported).toContain('  section A\n    Pay: 1: Anna\n    Wait: 5: Boris\n    Leave: 1: Anna\n    Leave: 5: Boris\n    Leave: 3: Vera\n  section B\n    Go: 3: Anna, Boris, Vera\n');
    expect(exported).toContain('  %% 1 card for everyone whose personas feel differently is written on consecutive lines, one for each score.\n');
    expect(contentOf(ok(importJourneyMermaid(exported))).steps).toEqual([['A', ['Pay', 'Wait', 'Leave']], ['B', ['Go']]]);
    journey.emotions = journey.emotions.filter((emotion) => emotion.stage !== 'stage:s1');
    expect(exportJourneyMermaid(journey)).toContain('  %% 3 times a persona has no score at a stage; written as 3 (neutral).\n');
  });

  it('writes the journey language of an accessible description and an empty name safely', () => {
    const journey = ok(importJourneyMermaid('journey\n  section A\n    T: 3: Me\n'));
    journey.scope = { scenario: 'Line one\nline two: #2; done' };
    journey.stages[0]!.name = '';
    expect(exportJourneyMermaid(journey)).toContain('  accDescr: Line one#10;line two: #35;2#59; done\n  section #160;\n');
  });
});

describe('looksLikeMermaidJourney', () => {
  it('finds a journey past front matter, directives and comments, as Mermaid detects it', () => {
    expect(looksLikeMermaidJourney('---\ntitle: x\n---\n%%{init: {}}%%\n%% c\njourney\n')).toBe(true);
    expect(looksLikeMermaidJourney('Stage,Lane\njourney,x\n')).toBe(false);
    expect(looksLikeMermaidJourney('Journey\n')).toBe(false);
  });
});
