import { describe, expect, it } from 'vitest';
import { findAppError } from '../../src/app/app-error';
import type { BoardPort } from '../../src/app/board-port';
import { LEASE_KEY } from '../../src/app/map-lease';
import { MAP_RECORD_KEY } from '../../src/app/map-records';
import { listMapsAsync, regenerateMapAsync, runOnBoardAsync } from '../../src/app/map-runs';
import { layoutJourney } from '../../src/layout/layout-journey';
import { parseSceneKey } from '../../src/layout/scene-keys';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { normalizeBoardText } from '../../src/sync/merge-board-edits';
import { describeErrorIn } from '../../ui/error-strings';
import { createFigjamDriver } from '../hosts/figjam/figjam-board-driver';
import { createMiroDriver } from '../hosts/miro/miro-board-driver';
import { loadStoredAsync, MAP_ID, type BoardDriver } from '../sync/regenerate-properties';

// The board is shared: other people change it, other panels regenerate it,
// and what is stored with a map can be lost. The map service holds on both
// hosts: the journey is rebuilt from the map's items when its record cannot
// be used, one writing run holds the map at a time, and whatever doubled
// heals on the next run.

const HOSTS: [string, () => BoardDriver][] = [
  ['FigJam', createFigjamDriver],
  ['Miro', createMiroDriver],
];

/** Writes `text` under `key` in the record space of map MAP_ID, as another build or a broken run would. */
async function writeRecordValueAsync(port: BoardPort, key: string, text: string | undefined): Promise<void> {
  await runOnBoardAsync(port, async (run) => {
    const map = (await listMapsAsync(run)).find((info) => info.mapId === MAP_ID && !info.isCopy);
    if (!map) throw new Error('the map is not on the board');
    const space = run.mapRecords({ mapId: MAP_ID, containerId: map.containerId });
    if (text === undefined) await space.removeAsync(key);
    else await space.setAsync(key, text);
  });
}

const regenerate = (driver: BoardDriver, panelId = 'panel-test') => regenerateMapAsync(driver.createHost(), { createMapId: () => 'map-never00001', panelId });

/** How many items show each key of map MAP_ID. */
function countKeys(driver: BoardDriver): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of driver.listItems()) {
    if (item.mapId !== MAP_ID || !item.inMap || item.key === undefined) continue;
    counts.set(item.key, (counts.get(item.key) ?? 0) + 1);
  }
  return counts;
}

/**
 * The board shows each key of the map as often as a fresh map does (an
 * emotion line is one item in FigJam, one connector per segment in Miro),
 * and only the keys of the journey's layout.
 */
function expectEveryKeyOnce(driver: BoardDriver, fresh: Map<string, number>, journey = createOnlineStoreJourney()): void {
  const counts = countKeys(driver);
  const doubled = [...counts].filter(([key, count]) => count > (fresh.get(key) ?? 1));
  expect(doubled, 'keys shown more often than on a fresh map').toEqual([]);
  expect([...counts.keys()].sort()).toEqual(layoutJourney(journey, { metrics: driver.metrics }).nodes.map((node) => node.key).sort());
}

describe.each(HOSTS)('a shared map on %s', (_name, createDriver) => {
  it.each([
    ['missing (a map copied from another board)', undefined, 'missing'],
    ['damaged', '{"format":"cjm-journey","version":2,"kind":"map","journey":{"title":3}}', 'damaged'],
    ['of an unknown, newer version', '{"format":"cjm-journey","version":99,"kind":"map"}', 'newer'],
  ] as const)('rebuilds the journey from the board when the stored one is %s, keeps every edit, and then writes nothing', async (_case, value, reason) => {
    const driver = createDriver();
    await driver.insertAsync(createOnlineStoreJourney());
    const card = driver.listItems().find((item) => item.mapId === MAP_ID && item.key === 'card:actions-order-1');
    if (!card) throw new Error('no card');
    await driver.typeAsync(card.id, 'Pays with a gift card');
    await writeRecordValueAsync(driver.createHost(), MAP_RECORD_KEY, value);

    const result = await regenerate(driver);
    expect(result.outcome.rebuilt).toBe(reason);
    expect(result.report.failed).toEqual([]);
    expect(result.journey.cards.find((c) => c.id === 'card:actions-order-1')?.text).toBe('Pays with a gift card');
    expect(result.journey.cards).toHaveLength(createOnlineStoreJourney().cards.length);
    expect(result.journey.stages.map((stage) => stage.name)).toEqual(createOnlineStoreJourney().stages.map((stage) => stage.name));
    expect(result.journey.emotions.map((e) => e.score)).toEqual(createOnlineStoreJourney().emotions.map((e) => e.score));
    const showing = driver.listItems().filter((item) => normalizeBoardText(item.text) === 'Pays with a gift card');
    expect(showing).toHaveLength(1);
    const stored = await loadStoredAsync(driver.createHost(), MAP_ID);
    expect(stored?.journey.cards.find((c) => c.id === 'card:actions-order-1')?.text).toBe('Pays with a gift card');

    driver.clearWrites();
    const again = await regenerate(driver);
    expect(again.outcome.rebuilt).toBeUndefined();
    expect(driver.countWrites(), 'writes of the next Regenerate').toBe(0);
  });

  it('tells a second panel who is regenerating the map, in the panel\u2019s language, and lets it in once the lease ran out', async () => {
    const driver = createDriver();
    await driver.insertAsync(createOnlineStoreJourney());
    const until = Date.now() + 60_000;
    await writeRecordValueAsync(driver.createHost(), LEASE_KEY, JSON.stringify({ format: 'cjm-lease', by: 'user-anna', name: 'Anna', until, run: 'r1' }));
    driver.clearWrites();
    const refused = await regenerate(driver).then(
      () => undefined,
      (error: unknown) => findAppError(error),
    );
    expect(refused).toMatchObject({ code: 'map-busy', name: 'Anna' });
    expect(driver.countWrites(), 'a refused run writes nothing').toBe(0);
    if (!refused) throw new Error('not refused');
    // The panel receives the reason over the channel, as an error carrying it.
    expect(describeErrorIn('en', { reason: refused })).toMatch(/^Anna is regenerating this map/);
    expect(describeErrorIn('ru', { reason: refused })).toMatch(/^Anna сейчас перестраивает эту карту/);
    expect(describeErrorIn('uk', { reason: refused })).toMatch(/^Anna зараз перебудовує цю карту/);

    // A panel closed mid-run blocks the map only until its lease runs out.
    await writeRecordValueAsync(driver.createHost(), LEASE_KEY, JSON.stringify({ format: 'cjm-lease', by: 'user-anna', name: 'Anna', until: Date.now() - 1, run: 'r2' }));
    const card = driver.listItems().find((item) => item.mapId === MAP_ID && item.key === 'card:actions-order-1');
    await driver.typeAsync(card?.id ?? '', 'Pays with a gift card');
    const result = await regenerate(driver);
    expect(result.journey.cards.find((c) => c.id === 'card:actions-order-1')?.text).toBe('Pays with a gift card');
  });

  it('two people regenerating at the same moment after a header and the emotion line were deleted leave one of each', async () => {
    const driver = createDriver();
    await driver.insertAsync(createOnlineStoreJourney());
    const fresh = countKeys(driver);
    const header = driver.listItems().find((item) => item.mapId === MAP_ID && item.key === 'stage:order');
    for (const item of driver.listItems().filter((candidate) => candidate.mapId === MAP_ID && (candidate.id === header?.id || parseSceneKey(candidate.key ?? '')?.kind === 'emotion-line'))) {
      driver.remove(item.id);
    }
    const runs = await Promise.allSettled([regenerate(driver, 'panel-anna'), regenerate(driver, 'panel-boris')]);
    const fulfilled = runs.filter((run) => run.status === 'fulfilled');
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    for (const run of runs) {
      if (run.status === 'rejected') expect(findAppError(run.reason)).toMatchObject({ code: 'map-busy' });
    }
    expectEveryKeyOnce(driver, fresh);
    driver.clearWrites();
    await regenerate(driver);
    expect(driver.countWrites(), 'writes of the next Regenerate').toBe(0);
  });

  it('takes a free line added to the persona card without releasing it or drawing over it, and a removed line too', async () => {
    const driver = createDriver();
    await driver.insertAsync(createOnlineStoreJourney());
    const card = driver.listItems().find((item) => item.mapId === MAP_ID && item.key === 'persona:anna');
    if (!card) throw new Error('no persona card');
    const lines = normalizeBoardText(card.text).split('\n');
    // A line added at the end, and the quote removed.
    const edited = [...lines.filter((line) => !/^[\u201c"]/.test(line)), 'Shops late at night'].join('\n');
    await driver.typeAsync(card.id, edited);

    const result = await regenerate(driver);
    expect(result.report.released).toBe(0);
    const anna = result.journey.personas.find((persona) => persona.id === 'persona:anna');
    expect(anna?.notes).toEqual(['Shops late at night']);
    expect(anna?.quote).toBeUndefined();
    const cards = driver.listItems().filter((item) => item.key === 'persona:anna');
    expect(cards).toHaveLength(1);
    expect(cards[0]?.id).toBe(card.id);
    expect(normalizeBoardText(cards[0]?.text ?? '')).toBe(normalizeBoardText(edited));
    driver.clearWrites();
    await regenerate(driver);
    expect(driver.countWrites(), 'writes of the next Regenerate').toBe(0);
  });

  it('keeps a sticky a person filled with 1,500 characters whole, in its cell, and then writes nothing', async () => {
    const driver = createDriver();
    await driver.insertAsync(createOnlineStoreJourney());
    const card = driver.listItems().find((item) => item.mapId === MAP_ID && item.key === 'card:actions-order-1');
    if (!card) throw new Error('no card');
    const long = `${'Заполняет форму заказа, ищет поле для промокода. '.repeat(30).slice(0, 1490)} 👩‍👩‍👧‍👦 конец`;
    await driver.typeAsync(card.id, long);

    const result = await regenerate(driver);
    const kept = result.journey.cards.find((c) => c.id === 'card:actions-order-1');
    expect(kept?.text).toBe(long.trim());
    expect(kept?.lane).toBe('lane:actions');
    expect(kept?.stage).toBe('stage:order');
    expect(driver.listItems().filter((item) => item.text === long)).toHaveLength(1);
    driver.clearWrites();
    await regenerate(driver);
    expect(driver.countWrites(), 'writes of the next Regenerate').toBe(0);
  });

  it('heals twins two runs drew at once: same text goes, a twin with words of its own stays as a card', async () => {
    const driver = createDriver();
    await driver.insertAsync(createOnlineStoreJourney());
    const fresh = countKeys(driver);
    const mine = (key: string) => driver.listItems().find((item) => item.mapId === MAP_ID && item.key === key);
    const header = mine('stage:order');
    const card = mine('card:actions-order-1');
    if (!header?.box || !card?.box) throw new Error('no header or card');
    // What two runs at once leave: the same item drawn twice, on top of each other.
    driver.duplicate(header.id, header.box.x, header.box.y);
    driver.duplicate(card.id, card.box.x, card.box.y);
    const twin = driver.duplicate(card.id, card.box.x + 10, card.box.y + 10);
    await driver.typeAsync(twin, 'Asks for an invoice');

    const result = await regenerate(driver);
    expect(result.outcome.healed).toBe(2);
    expectEveryKeyOnce(driver, fresh, result.journey);
    expect(driver.listItems().filter((item) => normalizeBoardText(item.text) === 'Asks for an invoice')).toHaveLength(1);
    expect(result.journey.cards.filter((c) => c.text === 'Asks for an invoice')).toHaveLength(1);
    driver.clearWrites();
    await regenerate(driver);
    expect(driver.countWrites(), 'writes of the next Regenerate').toBe(0);
  });
});
