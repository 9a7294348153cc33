import { describe, expect, it } from 'vitest';
import { insertMapAsync, regenerateMapAsync } from '../../../src/app/map-runs';
import { createFigjamPort, JOURNEY_FIELD } from '../../../src/hosts/figjam/figjam-host';
import { cardKey } from '../../../src/layout/scene-keys';
import { importJourneyCsv } from '../../../src/model/formats/journey-csv';
import { parseRecord } from '../../../src/model/journey-record';
import { createFakeFigma } from '../../../src/simulator/fake-figma';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';

// A map whose opportunities address pains: the links live in the journey
// stored with the map, and a pain a person deletes on the board takes its
// links along on Regenerate (the map stays valid; nothing else changes).
const CSV = ['Stage,Lane,Text,Addresses,Impact,Effort,Owner', 'Order,Pains,Form has 14 fields,,,,', 'Order,Pains,Address twice,,,,', 'Order,Opportunities,One-page checkout,Form has 14 fields | Address twice,5,3,Olga'].join('\n');

describe('links to pains on a FigJam board', () => {
  it('keeps the links stored with the map, and drops the link to a pain sticky a person deletes; a second Regenerate writes nothing', async () => {
    const imported = importJourneyCsv(CSV);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const journey = imported.value;
    const fake = createFakeFigma({ viewportCenter: { x: 500, y: 300 } });
    const port = createFigjamPort(fake.api);
    await insertMapAsync(port, journey, 'map-links00001');
    const section = fake.listNodes().find((node): node is SectionNode => node.type === 'SECTION')!;
    const stored = () => {
      const parsed = parseRecord(JSON.parse(section.getPluginData(JOURNEY_FIELD)) as unknown, 'map');
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      return parsed.value.journey;
    };
    const opportunity = () => stored().cards.find((card) => card.text === 'One-page checkout');
    const pain = journey.cards.find((card) => card.text === 'Address twice')!;
    expect(opportunity()?.plan).toEqual({ addresses: journey.cards.filter((card) => card.lane === pain.lane).map((card) => card.id), impact: 5, effort: 3, owner: 'Olga' });

    const sticky = section.children.find((child) => decodeItemIdentity(child.getPluginData(IDENTITY_FIELD))?.key === cardKey(pain.id))!;
    sticky.remove();
    const result = await regenerateMapAsync(port, { createMapId: () => 'map-fork000001' });
    expect(result.report.failed).toEqual([]);
    expect(stored().cards.some((card) => card.id === pain.id)).toBe(false);
    expect(opportunity()?.plan).toEqual({ addresses: [journey.cards.find((card) => card.text === 'Form has 14 fields')!.id], impact: 5, effort: 3, owner: 'Olga' });

    fake.clearCalls();
    await regenerateMapAsync(port, { createMapId: () => 'map-fork000001' });
    expect(fake.listWrites()).toEqual([]);
  });
});
