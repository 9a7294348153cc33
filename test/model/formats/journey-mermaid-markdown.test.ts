import { describe, expect, it } from 'vitest';
import { exportJourneyMarkdown } from '../../../src/model/formats/journey-markdown';
import { exportJourneyMermaid, importJourneyMermaid } from '../../../src/model/formats/journey-mermaid';
import type { Journey } from '../../../src/model/journey';
import { parseJourney } from '../../../src/model/journey-schema';
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
  expect(parseJourney(result.value).ok).toBe(true);
  return result.value;
};

describe('importJourneyMermaid', () => {
  it('makes sections stages, tasks action cards, actors personas, and 1…5 scores the −2…+2 scale', () => {
    const journey = ok(importJourneyMermaid(DIAGRAM));
    expect(journey.title).toBe('My working day');
    expect(journey.stages.map((stage) => stage.name)).toEqual(['Go to work', 'Go home']);
    expect(journey.personas.map((persona) => persona.name)).toEqual(['Me', 'Cat']);
    expect(journey.lanes.map((lane) => lane.kind)).toEqual(['actions', 'emotions']);
    expect(journey.cards.map((card) => card.text)).toEqual(['Make tea', 'Go upstairs', 'Do work', 'Go downstairs', 'Sit down']);
    // Me at "Go to work": mean of 5, 3, 1 = 3 → 0; at "Go home": 4.5 → +2 (rounded); Cat: 1 → −2.
    const score = (persona: string, stage: string) =>
      journey.emotions.find((emotion) => emotion.persona === journey.personas.find((entry) => entry.name === persona)?.id && emotion.stage === journey.stages.find((entry) => entry.name === stage)?.id)?.score;
    expect([score('Me', 'Go to work'), score('Me', 'Go home'), score('Cat', 'Go to work')]).toEqual([0, 2, -2]);
    // A task of one actor speaks for that persona; one of several, for all.
    expect(journey.cards.map((card) => journey.personas.find((persona) => persona.id === card.persona)?.name ?? 'all')).toEqual(['Me', 'Me', 'all', 'Me', 'Me']);
    expect(exportJourneyMermaid(journey)).toContain('section Go to work\n    Make tea: 3: Me\n');
  });

  it('names the line of each problem and says what it expected', () => {
    const result = importJourneyMermaid('journey\n  Orphan task: 3: Me\n  section A\n    Task: 9: Me\n    what is this\n');
    expect(!result.ok && result.errors).toEqual([
      { path: 'line 2', message: expect.stringMatching(/before any section/) },
      { path: 'line 4', message: expect.stringMatching(/score from 1 to 5.*"9"/) },
      { path: 'line 5', message: expect.stringMatching(/expected "title …", "section …" or a task/) },
    ]);
    expect(importJourneyMermaid('flowchart LR\n A-->B').ok).toBe(false);
  });

  it('round-trips a journey’s stages, action cards, persona and emotions through a diagram', () => {
    const journey = createOnlineStoreJourney();
    const back = ok(importJourneyMermaid(exportJourneyMermaid(journey)));
    const actions = journey.cards.filter((card) => card.lane === 'lane:actions');
    expect(back.title).toBe('Online store - ordering a kettle');
    expect(back.stages.map((stage) => stage.name)).toEqual(journey.stages.map((stage) => stage.name));
    expect(back.cards.map((card) => [card.text, card.persona])).toEqual(actions.map((card) => [card.text, undefined]));
    expect(back.personas.map((persona) => persona.name)).toEqual(['Anna Petrova']);
    expect(back.emotions.map((emotion) => emotion.score)).toEqual(journey.emotions.map((emotion) => emotion.score));
  });
});

describe('exportJourneyMermaid', () => {
  it('writes the actions lane as tasks scored from the persona’s emotion, with text safe on one line', () => {
    const journey = createOnlineStoreJourney();
    journey.cards[0]!.text = 'Notices: the kettle\nis broken';
    const text = exportJourneyMermaid(journey);
    expect(text.startsWith('journey\n  title Online store - ordering a kettle\n  section ')).toBe(true);
    expect(text).toContain('Notices - the kettle is broken: 3: Anna Petrova');
    // Order & pay is the low point (−2): its tasks score 1.
    expect(text).toMatch(/section Order & pay\n {4}[^\n]+: 1: Anna Petrova/);
    expect(ok(importJourneyMermaid(text)).stages).toHaveLength(journey.stages.length);
  });
});

describe('exportJourneyMarkdown', () => {
  it('writes the scope, a heading and profile per persona, and a lanes × stages table with faces', () => {
    const markdown = exportJourneyMarkdown(createOnlineStoreJourney());
    expect(markdown.startsWith('# Online store: ordering a kettle\n\n- **Goal:**')).toBe(true);
    expect(markdown).toContain('## Persona: 👩‍💼 Anna Petrova — Project manager, busy parent of two, 34');
    expect(markdown).toMatch(/\| Lane \| Realise the need \| Search & compare \| Order & pay \|/);
    expect(markdown).toMatch(/\| \*\*Emotions\*\* \| [^|]*0 — Old kettle broke/);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| **'));
    expect(rows).toHaveLength(8);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(createOnlineStoreJourney().stages.length + 3);
  });

  it('escapes pipes and line breaks inside cells', () => {
    const journey = createOnlineStoreJourney();
    journey.cards[0]!.text = 'a | b\nc';
    expect(exportJourneyMarkdown(journey)).toContain('a \\| b<br>c');
  });
});
