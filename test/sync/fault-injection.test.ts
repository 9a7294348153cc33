import { describe, expect, it } from 'vitest';
import type { Journey } from '../../src/model/journey';
import { createFigjamDriver } from '../hosts/figjam/figjam-board-driver';
import { createMiroDriver } from '../hosts/miro/miro-board-driver';
import { createSeededRandom } from '../seeded-random';
import { createPropertyJourney, describeMap, MAP_ID, regenerateAsync, type BoardDriver } from './regenerate-properties';

// Fault injection on both host fakes: writes fail at random (10 %), Miro
// refuses bursts of calls for its rate limit, a run is cut off mid-way. The
// final board must equal a clean run's: nothing missing, nothing twice,
// nothing half-drawn left behind.

const SEEDS = 12;
const FAILURE_RATE = 0.1;


/** Edits a person makes on both boards alike: one card's text. */
async function editAsync(driver: BoardDriver): Promise<void> {
  const card = driver.listItems().find((item) => item.mapId === MAP_ID && item.key === 'card:actions-need-1');
  if (!card) throw new Error('no card:actions-need-1');
  await driver.typeAsync(card.id, 'Kettle leaks on the table');
}

/** A person drags one card's sticky into the next stage's cell. */
async function moveCardAsync(driver: BoardDriver): Promise<void> {
  const items = driver.listItems();
  const card = items.find((item) => item.mapId === MAP_ID && item.key === 'card:pains-need-1');
  const target = items.find((item) => item.mapId === MAP_ID && item.key === 'card:pains-search-1');
  if (!card?.box || !target?.box) throw new Error('no pains cards');
  driver.move(card.id, target.box.x + 30, target.box.y + 30);
}

const HOSTS: [string, () => BoardDriver][] = [
  ['FigJam', createFigjamDriver],
  ['Miro', createMiroDriver],
];

describe.each(HOSTS)('%s under faults', (_name, createDriver) => {
  const journey: Journey = createPropertyJourney();

  it(`inserts and regenerates through ${FAILURE_RATE * 100} % failing writes (and rate-limit bursts): the board ends as a clean run leaves it`, async () => {
    const clean = createDriver();
    await clean.insertAsync(journey);
    const cleanMap = describeMap(clean);
    await editAsync(clean);
    await regenerateAsync(clean);
    const cleanRegenerated = describeMap(clean);

    const finishClicks: number[] = [];
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      const faulty = createDriver();
      faulty.injectFaults(FAILURE_RATE, createSeededRandom(seed));
      let report = await faulty.insertAsync(journey);
      // A person clicks Finish the map while anything is missing.
      let clicks = 0;
      while (report.failed.length > 0 && clicks < 3) {
        report = await faulty.insertAsync(journey);
        clicks += 1;
      }
      expect(report.failed, `seed ${seed}`).toEqual([]);
      expect(describeMap(faulty), `seed ${seed}`).toEqual(cleanMap);

      await editAsync(faulty);
      let result = await regenerateAsync(faulty);
      while (result.report.failed.length > 0 && clicks < 6) {
        result = await regenerateAsync(faulty);
        clicks += 1;
      }
      expect(result.report.failed, `seed ${seed}`).toEqual([]);
      expect(describeMap(faulty), `seed ${seed}`).toEqual(cleanRegenerated);
      finishClicks.push(clicks);
    }
    // Retries inside a run absorb nearly every failure: extra clicks are rare.
    expect(finishClicks.reduce((sum, clicks) => sum + clicks, 0)).toBeLessThanOrEqual(SEEDS / 4);
  }, 120_000);

  it('an insert cut off mid-way (the plugin stopped, the panel closed) is finished by the next Regenerate, without duplicates', async () => {
    const clean = createDriver();
    await clean.insertAsync(journey);
    for (const cutAfter of [5, 40, 120]) {
      const faulty = createDriver();
      let writes = 0;
      // Every write after the first `cutAfter` fails: the run is dead.
      faulty.injectFaults(0.5, () => (writes++ < cutAfter ? 1 : 0));
      await faulty.insertAsync(journey).catch(() => undefined);
      faulty.injectFaults(0, () => 1);
      const before = describeMap(faulty);
      expect(before.items.length).toBeLessThan(describeMap(clean).items.length);
      const result = await regenerateAsync(faulty).catch(async () => {
        // Cut before the journey was stored with the map: the panel inserts again.
        await faulty.insertAsync(journey);
        return undefined;
      });
      expect(result?.report.failed ?? []).toEqual([]);
      expect(describeMap(faulty), `cut after ${cutAfter} writes`).toEqual(describeMap(clean));
    }
  });

  it('a Regenerate cut off mid-way is finished by the next one: the edits kept, nothing twice', async () => {
    const clean = createDriver();
    await clean.insertAsync(journey);
    await editAsync(clean);
    await moveCardAsync(clean);
    await regenerateAsync(clean);
    for (const cutAfter of [0, 1, 3, 8]) {
      const faulty = createDriver();
      await faulty.insertAsync(journey);
      await editAsync(faulty);
      await moveCardAsync(faulty);
      let writes = 0;
      faulty.injectFaults(0.5, () => (writes++ < cutAfter ? 1 : 0));
      await regenerateAsync(faulty).catch(() => undefined);
      faulty.injectFaults(0, () => 1);
      const result = await regenerateAsync(faulty);
      expect(result.report.failed).toEqual([]);
      expect(describeMap(faulty), `cut after ${cutAfter} writes`).toEqual(describeMap(clean));
    }
  });
});

