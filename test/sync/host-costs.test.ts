import { describe, expect, it } from 'vitest';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { createFigjamDriver } from '../hosts/figjam/figjam-board-driver';
import { createMiroDriver } from '../hosts/miro/miro-board-driver';
import { MAP_ID, regenerateAsync, type BoardDriver } from './regenerate-properties';

// The counts `npm run bench` reports, asserted: what the standard map costs
// each host. Times are the benchmark's business; these are not.

const HOSTS: [string, () => BoardDriver][] = [
  ['FigJam', createFigjamDriver],
  ['Miro', createMiroDriver],
];

describe.each(HOSTS)('%s: cost of the standard map', (name, createDriver) => {
  it('an unchanged Regenerate writes nothing; one text edit writes at most the sticky, the stored journey and the map\u2019s lease', async () => {
    const driver = createDriver();
    await driver.insertAsync(createOnlineStoreJourney());
    driver.clearWrites();
    await regenerateAsync(driver);
    expect(driver.measure().writes).toBe(0);

    const sticky = driver.listItems().find((item) => item.mapId === MAP_ID && item.key === 'card:actions-use-1');
    if (!sticky) throw new Error('no card:actions-use-1');
    await driver.typeAsync(sticky.id, 'Boils water in a minute');
    driver.clearWrites();
    await regenerateAsync(driver);
    // The lease (taken and given back) is two writes beside the journey's: in
    // FigJam on the map's section, in Miro in board storage.
    expect(driver.measure().itemsWritten).toBeLessThanOrEqual(name === 'Miro' ? 2 : 3);
    expect(driver.measure().writes).toBeLessThanOrEqual(name === 'Miro' ? 5 : 14);
  });

  it('the first insert writes each item once, plus the stored journey', async () => {
    const driver = createDriver();
    driver.clearWrites();
    await driver.insertAsync(createOnlineStoreJourney());
    const items = driver.listItems().filter((item) => item.mapId === MAP_ID).length;
    const measured = driver.measure();
    // Miro: each item, the journey in storage, and the frame (frame.add changes its children).
    expect(measured.itemsWritten).toBeLessThanOrEqual(items + 2);
    if (name === 'Miro') {
      // Create, frame.add and setMetadata per item; the frame and the
      // connectors take no frame.add; the journey two storage writes.
      expect(measured.writes).toBeLessThanOrEqual(3 * items + 2);
      expect(measured.credits).toBe(50 * (measured.writes + measured.reads));
    }
  });
});
