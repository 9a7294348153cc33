import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMapService } from '../../src/app/map-service';
import { insertMapAsync, regenerateMapAsync } from '../../src/app/map-runs';
import { createFigjamPort, JOURNEY_FIELD } from '../../src/hosts/figjam/figjam-host';
import { createMiroPort, JOURNEY_COLLECTION } from '../../src/hosts/miro/miro-host';
import { JOURNEY_SCHEMA, type Journey } from '../../src/model/journey';
import { parseJourneyFileText } from '../../src/model/journey-file';
import { createFakeFigma } from '../../src/simulator/fake-figma';
import { FakeMiroBoard } from '../../src/simulator/fake-miro-board';
import type { BoardPort } from '../../src/app/board-port';
import { loadStoredAsync } from '../sync/regenerate-properties';

// Maps and drafts stored by version 1 (captured in test/fixtures/records/
// from that build) open with this one: the record is migrated on read, and a
// Regenerate of an unchanged map still writes nothing — not even the record.

const FIXTURES = join(import.meta.dirname, '../fixtures/records');
const readFixture = <T>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
const instantSleepAsync = async (): Promise<void> => undefined;
/**
 * The online-store template as version 1 drew it, before Order & pay had
 * steps: the journey those records hold (test/fixtures/journeys keeps it as a
 * file of that time).
 */
function template(): Journey {
  const read = parseJourneyFileText(readFileSync(join(import.meta.dirname, '../fixtures/journeys/01-online-store.json'), 'utf8'));
  if (!read.ok) throw new Error(`01-online-store.json is not a valid journey: ${JSON.stringify(read.errors)}`);
  return read.value;
}

function createService(port: BoardPort) {
  return createMapService({ port, createTemplateJourneyAsync: () => Promise.resolve(template()), renderSvgAsync: () => Promise.resolve('<svg />'), sleepAsync: instantSleepAsync });
}

describe('records stored by version 1', () => {
  it('FigJam: a section whose plugin data version 1 wrote is read and migrated, and Regenerate writes nothing', async () => {
    const { pluginData } = readFixture<{ pluginData: Record<string, string> }>('01-figjam-section.v1.json');
    const fake = createFakeFigma({ viewportCenter: { x: 0, y: 0 } });
    const mapId = 'map-v1figjam';
    const { containerId } = await insertMapAsync(createFigjamPort(fake.api), template(), mapId);
    const section = fake.listNodes().find((node) => node.id === containerId) as SectionNode;
    // The section as version 1 left it: its record, and its own id beside it.
    for (const key of section.getPluginDataKeys()) if (key.startsWith('cjm-journey')) section.setPluginData(key, '');
    section.setPluginData(JOURNEY_FIELD, pluginData['cjm-journey'] ?? '');
    section.setPluginData('cjm-section', section.id);
    fake.clearCalls();

    const stored = await loadStoredAsync(createFigjamPort(fake.api), mapId);
    expect(stored?.journey).toEqual({ ...template(), schema: JOURNEY_SCHEMA });
    expect(stored?.map).toEqual({ complete: true, container: section.id });
    const result = await regenerateMapAsync(createFigjamPort(fake.api), { createMapId: () => 'map-never00001' });
    expect(result.report).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [] });
    expect(fake.listWrites()).toEqual([]);
    // The record stays as version 1 wrote it until the map changes.
    expect(section.getPluginData(JOURNEY_FIELD)).toBe(pluginData['cjm-journey']);
  });

  it('FigJam: a draft version 1 kept in clientStorage opens in the editor', async () => {
    const draft = readFixture<Record<string, unknown>>('03-draft.v1.json');
    const fake = createFakeFigma();
    await fake.api.clientStorage.setAsync('cjm-board/draft', draft);
    const opened = await createService(createFigjamPort(fake.api)).handleAsync({ type: 'open' });
    expect(opened.draft).toMatchObject({ mapId: 'map-v1figjam', step: 4, savedAt: 1764547200000 });
    expect(opened.draft?.journey.schema).toBe(JOURNEY_SCHEMA);
    expect(opened.draft?.journey.cards).toHaveLength(template().cards.length);
  });

  it.each([
    ['whole', '02-miro-storage.v1.json', 'map-v1miro'],
    ['split into parts', '04-miro-storage-split.v1.json', 'map-v1split'],
  ])('Miro: a record version 1 stored in board storage (%s) is read and migrated, and Regenerate writes nothing', async (_, file, mapId) => {
    const fixture = readFixture<{ frameId: string; 'cjm-journeys': Record<string, unknown> }>(file);
    const fake = new FakeMiroBoard();
    const port = createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync });
    const { containerId } = await insertMapAsync(port, template(), mapId);
    const collection = fake.asBoard().storage.collection(JOURNEY_COLLECTION);
    for (const key of fake.listStoredKeys(JOURNEY_COLLECTION)) await collection.remove(key);
    for (const [key, value] of Object.entries(fixture['cjm-journeys'])) {
      // The frame version 1 drew is this board's frame.
      const stored = key === mapId && typeof value === 'object' && value !== null ? { ...value, frameId: containerId } : value;
      await collection.set(key, stored as never);
    }
    fake.resetLog();

    const loaded = await loadStoredAsync(createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync }), mapId);
    expect(loaded?.journey).toEqual({ ...template(), schema: JOURNEY_SCHEMA });
    expect(loaded?.map).toEqual({ complete: true, container: containerId });
    const result = await regenerateMapAsync(createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync }), { createMapId: () => 'map-never00001' });
    expect(result.report).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [] });
    expect(fake.listWriteCalls()).toEqual([]);
  });

  it('Miro: a draft version 1 stored in parts opens in the editor', async () => {
    const fixture = readFixture<{ 'cjm-drafts': Record<string, unknown> }>('02-miro-storage.v1.json');
    const fake = new FakeMiroBoard();
    const collection = fake.asBoard().storage.collection('cjm-drafts');
    for (const [key, value] of Object.entries(fixture['cjm-drafts'])) await collection.set(key, value as never);
    const opened = await createService(createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync })).handleAsync({ type: 'open' });
    expect(opened.draft).toMatchObject({ mapId: 'map-v1figjam', step: 4 });
    expect(opened.draft?.base?.schema).toBe(JOURNEY_SCHEMA);
  });
});
