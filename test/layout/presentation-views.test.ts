import { describe, expect, it } from 'vitest';
import { MIRO_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import { listPresentationViews } from '../../src/layout/presentation-views';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';

describe('listPresentationViews', () => {
  it('walks a map in reading order: the whole map, each stage left to right, each persona shown on it', () => {
    const journey = createOnlineStoreJourney();
    const second = { ...journey.personas[0]!, id: 'persona:ivan' as const, name: 'Ivan', hidden: true };
    const views = listPresentationViews({ ...journey, personas: [...journey.personas, second] });
    expect(views.map(({ view }) => (view.kind === 'map' ? 'map' : view.kind === 'stage' ? view.stage : view.persona))).toEqual([
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
