import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertMapAsync, regenerateMapAsync } from '../../src/app/map-runs';
import { createFigjamPort } from '../../src/hosts/figjam/figjam-host';
import { createMiroPort } from '../../src/hosts/miro/miro-host';
import { describePersonaHeading } from '../../src/layout/layout-journey';
import type { Journey } from '../../src/model/journey';
import { parseJourneyFileText } from '../../src/model/journey-file';
import { createFakeFigma } from '../../src/simulator/fake-figma';
import { FakeMiroBoard } from '../../src/simulator/fake-miro-board';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../src/sync/item-identity';
import { loadStoredAsync } from '../sync/regenerate-properties';

// Whose card is it: a card that speaks for one persona shows it on the
// board — a native tag on the Miro sticky (which a person may change), the
// persona's avatar and name under the FigJam sticky.

const MAP = 'map-personas01';

function loadTwoPersonaJourney(): Journey {
  const parsed = parseJourneyFileText(readFileSync(join(__dirname, '../fixtures/journeys/03-loyalty-two-personas.json'), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const instantSleepAsync = async (): Promise<void> => undefined;

describe('whom a card speaks for, on Miro: a native tag', () => {
  it('tags each card of a persona with the persona, takes a person\u2019s change of tag into the journey, and then writes nothing', async () => {
    const journey = loadTwoPersonaJourney();
    const fake = new FakeMiroBoard();
    const port = () => createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync });
    await insertMapAsync(port(), journey, MAP);

    const [max, second] = journey.personas;
    if (!max || !second) throw new Error('two personas expected');
    const tags = fake.listRecords().filter((record) => record.type === 'tag');
    // One tag per persona, made once and shared by its cards.
    expect(tags.map((tag) => tag.title).sort()).toEqual([describePersonaHeading(max), describePersonaHeading(second)].sort());
    const tagOf = new Map(tags.map((tag) => [tag.title, tag.id]));
    const stickyOf = (cardId: string) => fake.listRecords().find((record) => record.type === 'sticky_note' && decodeItemIdentity(record.metadata[IDENTITY_FIELD])?.key === cardId);
    for (const card of journey.cards.filter((c) => c.persona)) {
      const persona = journey.personas.find((p) => p.id === card.persona);
      expect(stickyOf(card.id)?.tagIds, card.id).toEqual([tagOf.get(describePersonaHeading(persona!))]);
    }
    // No mark under the sticky on Miro: the tag says it.
    expect(fake.listRecords().filter((record) => decodeItemIdentity(record.metadata[IDENTITY_FIELD])?.key.startsWith('persona-mark:'))).toEqual([]);

    const [first, other] = journey.cards.filter((card) => card.persona === max.id);
    if (!first || !other) throw new Error('two cards of the first persona expected');
    const own = fake.createTagByHand('urgent', 'red');
    // A person takes the persona's tag off one card (and adds one of their own), and tags another with the second persona.
    fake.setTagsByHand(stickyOf(first.id)!.id, [own.id]);
    fake.setTagsByHand(stickyOf(other.id)!.id, [tagOf.get(describePersonaHeading(second))!]);

    const result = await regenerateMapAsync(port(), { createMapId: () => 'map-never00001' });
    expect(result.journey.cards.find((card) => card.id === first.id)?.persona).toBeUndefined();
    expect(result.journey.cards.find((card) => card.id === other.id)?.persona).toBe(second.id);
    expect(stickyOf(first.id)?.tagIds).toEqual([own.id]);
    const stored = await loadStoredAsync(port(), MAP);
    expect(stored?.journey.cards.find((card) => card.id === other.id)?.persona).toBe(second.id);

    fake.resetLog();
    await regenerateMapAsync(port(), { createMapId: () => 'map-never00001' });
    expect(fake.listWriteCalls()).toEqual([]);
  });
});

describe('whom a card speaks for, on FigJam: a mark under the sticky', () => {
  it('marks each card of a persona with its avatar and name, in the persona\u2019s colour', async () => {
    const journey = loadTwoPersonaJourney();
    const fake = createFakeFigma({ viewportCenter: { x: 0, y: 0 } });
    await insertMapAsync(createFigjamPort(fake.api), journey, MAP);
    const marks = fake.listNodes().filter((node) => decodeItemIdentity(node.getPluginData(IDENTITY_FIELD))?.key.startsWith('persona-mark:'));
    expect(marks).toHaveLength(journey.cards.filter((card) => card.persona).length);
    const [max] = journey.personas;
    const markOfMax = marks.find((node) => node.type === 'TEXT' && node.characters === describePersonaHeading(max!));
    expect(markOfMax).toBeDefined();
    fake.clearCalls();
    await regenerateMapAsync(createFigjamPort(fake.api), { createMapId: () => 'map-never00001' });
    expect(fake.listWrites()).toEqual([]);
  });
});
