import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import { createFigjamPort } from '../../src/hosts/figjam/figjam-host';
import { createMiroPort } from '../../src/hosts/miro/miro-host';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { insertMapAsync, MAX_DRAW_ROUNDS } from '../../src/app/map-runs';
import { createFakeFigma } from '../../src/simulator/fake-figma';
import { FakeMiroBoard } from '../../src/simulator/fake-miro-board';

const MAP_ID = 'map-rounds01';
const journey = createOnlineStoreJourney();

function countKeys(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

describe('insertMapAsync', () => {
  it('finishes a FigJam map in the same run when one item fails, with no duplicates', async () => {
    const fake = createFakeFigma();
    fake.failOn('create', 40);
    const report = (await insertMapAsync(createFigjamPort(fake.api), journey, MAP_ID)).report;
    const sceneKeys = layoutJourney(journey, { metrics: FIGJAM_METRICS }).nodes.map((node) => node.key);
    const drawnKeys = fake.listNodes().map((node) => JSON.parse(node.getPluginData('cjm')).k as string);
    expect(report.failed).toEqual([]);
    expect(report.created).toBe(sceneKeys.length);
    expect(countKeys(drawnKeys)).toEqual(countKeys(sceneKeys));
  });

  it('finishes a Miro map in the same run when one item fails, with no duplicates', async () => {
    const fake = new FakeMiroBoard();
    fake.failNthCall('board.createStickyNote', 5);
    const host = createMiroPort(fake.asBoard(), { sleepAsync: async () => undefined });
    const report = (await insertMapAsync(host, journey, MAP_ID)).report;
    const stickies = fake.listRecords().filter((record) => record.type === 'sticky_note');
    expect(report.failed).toEqual([]);
    expect(stickies).toHaveLength(journey.cards.length);
    expect(new Set(stickies.map((record) => JSON.stringify(record.metadata.cjm))).size).toBe(journey.cards.length);
  });

  it(`gives up after ${MAX_DRAW_ROUNDS} rounds and reports what is still missing`, async () => {
    const fake = createFakeFigma();
    // The fake counts every createSticky against each pending rule until one
    // fires, then the next rule fires on the next call: the last sticky of the
    // first round fails, and so does every later attempt at it (the host tries
    // each op twice per round).
    const stickies = journey.cards.length;
    for (let attempt = 0; attempt < 2 * MAX_DRAW_ROUNDS; attempt += 1) fake.failOn('createSticky', stickies);
    const report = (await insertMapAsync(createFigjamPort(fake.api), journey, MAP_ID)).report;
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.key).toMatch(/^card:/);
    const rerun = (await insertMapAsync(createFigjamPort(fake.api), journey, MAP_ID)).report;
    expect(rerun).toMatchObject({ created: 1, updated: 0, deleted: 0, failed: [] });
  });
});
