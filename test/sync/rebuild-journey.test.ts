import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJourneyFileText } from '../../src/model/journey-file';
import { FIGJAM_METRICS, MIRO_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import { createTemplates as createEnglishTemplates } from '../../src/model/templates/templates-en';
import { createTemplates as createRussianTemplates } from '../../src/model/templates/templates-ru';
import { createTemplates as createUkrainianTemplates } from '../../src/model/templates/templates-uk';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import type { Journey } from '../../src/model/journey';
import { diffScene, findNodeText } from '../../src/sync/diff-scene';
import { rebuildJourneyFromBoard } from '../../src/sync/rebuild-journey';
import { snapshotOfScene } from './scene-snapshot';

const MAP = 'map-rebuild001';

function snapshotOf(journey: Journey, metrics = FIGJAM_METRICS) {
  const scene = layoutJourney(journey, { metrics });
  const snapshot = snapshotOfScene(scene, MAP);
  // Adapters read an emotion point's face as its text, and (Miro) a sticky's tags.
  snapshot.items = snapshot.items.map((item, index) => {
    const node = scene.nodes[index] ?? scene.nodes[0]!;
    return { ...item, text: findNodeText(node), ...(node.type === 'sticky' && metrics.personaTags ? { tags: node.tag ? [node.tag.label] : [] } : {}) };
  });
  return { scene, snapshot };
}

const templates = [...createEnglishTemplates(), ...createRussianTemplates(), ...createUkrainianTemplates()];

/** The order journey with steps inside two of its stages. */
function readStepsJourney(): Journey {
  const read = parseJourneyFileText(readFileSync(new URL('../fixtures/journeys/04-order-steps.json', import.meta.url), 'utf8'));
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value;
}

describe('rebuilding a journey from the board alone', () => {
  it.each([...templates.map((template) => [template.id ?? template.journey.title, template.journey] as const), ['the order journey with steps', readStepsJourney()] as const])('gives back %s so exactly that the map needs no write', (_name, journey) => {
    for (const metrics of [FIGJAM_METRICS, MIRO_METRICS]) {
      const { scene, snapshot } = snapshotOf(journey, metrics);
      const rebuilt = rebuildJourneyFromBoard(snapshot);
      if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.errors));
      const again = layoutJourney(rebuilt.value.journey, { metrics });
      // Same nodes, same places, same texts: the diff against the board is empty.
      expect(diffScene(again, snapshot, MAP).ops).toEqual([]);
      expect(again.nodes.map((node) => node.key)).toEqual(scene.nodes.map((node) => node.key));
      // Cells and the order within each cell are the journey's (the order of cells in the list means nothing to the map).
      const byCell = (cards: Journey['cards']) => cards.map((card) => `${card.stage} ${card.step ?? ''} ${card.lane} ${card.id} ${card.text}`).sort();
      const order = (cards: Journey['cards']) => cards.map((card) => `${card.stage} ${card.step ?? ''} ${card.lane}`).map((cell, index, all) => `${cell} #${all.slice(0, index).filter((c) => c === cell).length} ${cards[index]?.id}`).sort();
      expect(byCell(rebuilt.value.journey.cards)).toEqual(byCell(journey.cards));
      expect(order(rebuilt.value.journey.cards)).toEqual(order(journey.cards));
      expect(rebuilt.value.journey.lanes).toEqual(journey.lanes.map((lane) => ({ ...lane })));
      // Steps from their headers: names, touchpoints and channels, in order; every score at its step.
      expect(rebuilt.value.journey.stages.map((stage) => [stage.id, stage.steps ?? []])).toEqual(journey.stages.map((stage) => [stage.id, stage.steps ?? []]));
      const scores = (of: Journey) => of.emotions.filter((emotion) => of.personas.some((persona) => persona.id === emotion.persona && !persona.hidden)).map((emotion) => `${emotion.persona} ${emotion.stage} ${emotion.step ?? ''} ${emotion.line ?? ''} ${emotion.score}`).sort();
      expect(scores(rebuilt.value.journey)).toEqual(scores(journey));
      // Whom each card speaks for: from the mark under its sticky, or (Miro) its tag.
      expect(rebuilt.value.journey.cards.map((card) => `${card.id} ${card.persona ?? ''}`).sort()).toEqual(journey.cards.map((card) => `${card.id} ${card.persona ?? ''}`).sort());
      expect(rebuilt.value.guessed).toBe(0);
    }
  });

  it('reads the online-store map, scores from the faces and the scale', () => {
    const journey = createOnlineStoreJourney();
    const { snapshot } = snapshotOf(journey);
    const rebuilt = rebuildJourneyFromBoard(snapshot);
    if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.errors));
    expect(rebuilt.value.journey.emotions.map((e) => [e.persona, e.stage, e.score])).toEqual(
      [...journey.emotions].map((e) => [e.persona, e.stage, e.score]),
    );
    expect(rebuilt.value.journey.personas.map((p) => p.name)).toEqual(journey.personas.filter((p) => !p.hidden).map((p) => p.name));
  });

  it('refuses a board with no stage or lane left', () => {
    const { snapshot } = snapshotOf(createOnlineStoreJourney());
    snapshot.items = snapshot.items.filter((item) => !item.identity.key.startsWith('stage:'));
    expect(rebuildJourneyFromBoard(snapshot).ok).toBe(false);
  });
});
