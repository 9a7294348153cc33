import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJourneyFileText } from '../../src/model/journey-file';
import { MIRO_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import { listPresentationViews } from '../../src/layout/presentation-views';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';

describe('listPresentationViews', () => {
  it('walks a map in reading order: the whole map, each stage left to right, each persona shown on it', () => {
    const journey = createOnlineStoreJourney();
    const second = { ...journey.personas[0]!, id: 'persona:ivan' as const, name: 'Ivan', hidden: true };
    const views = listPresentationViews({ ...journey, personas: [...journey.personas, second] });
    expect(views.map(({ view }) => (view.kind === 'stage' ? view.stage : view.kind === 'persona' ? view.persona : view.kind))).toEqual([
      'map',
      ...journey.stages.map((stage) => stage.id),
      ...journey.personas.map((persona) => persona.id),
    ]);
  });

  it('brings drawn items into view in every view, and every stage view holds its header and its cards', () => {
    const journey = createOnlineStoreJourney();
    const drawn = new Set(layoutJourney(journey, { metrics: MIRO_METRICS }).nodes.map((node) => node.key));
    for (const { view, keys } of listPresentationViews(journey)) {
      // Keys of things a map may or may not draw (a to-be line, a note, a mark) are asked for; what is drawn is among them.
      expect(keys.some((key) => drawn.has(key)), view.kind).toBe(true);
      if (view.kind !== 'stage') continue;
      expect(keys).toContain(view.stage);
      for (const card of journey.cards.filter((candidate) => candidate.stage === view.stage)) expect(keys).toContain(card.id);
    }
  });
});

describe('listPresentationViews on a map with its prioritisation matrix', () => {
  it('ends with the matrix: every part of it drawn, each opportunity\u2019s sticky in it', () => {
    const journey = { ...createOnlineStoreJourney(), matrix: true };
    const drawn = layoutJourney(journey, { metrics: MIRO_METRICS }).nodes.filter((node) => node.key.startsWith('matrix'));
    const views = listPresentationViews(journey);
    expect(views.map(({ view }) => view.kind).at(-1)).toBe('matrix');
    const keys = views.at(-1)!.keys;
    expect(keys.every((key) => drawn.some((node) => node.key === key))).toBe(true);
    expect(drawn.filter((node) => node.key.startsWith('matrix-card:')).every((node) => keys.includes(node.key))).toBe(true);
    expect(listPresentationViews(createOnlineStoreJourney()).some(({ view }) => view.kind === 'matrix')).toBe(false);
  });
});

describe('listPresentationViews on a map with steps', () => {
  it("shows a stage with its steps' headers and every persona's point at each step", () => {
    const read = parseJourneyFileText(readFileSync(new URL('../fixtures/journeys/04-order-steps.json', import.meta.url), 'utf8'));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const journey = read.value;
    const scene = layoutJourney(journey, { metrics: MIRO_METRICS });
    const order = listPresentationViews(journey).find(({ view }) => view.kind === 'stage' && view.stage === 'stage:order')!;
    const drawnThere = scene.nodes
      .filter((node) => (node.type === 'emotion-point' && node.stage === 'stage:order') || node.key.startsWith('step:order@'))
      .map((node) => node.key);
    expect(drawnThere.length).toBeGreaterThan(8);
    expect(order.keys).toEqual(expect.arrayContaining(drawnThere));
  });
});
