import { describe, expect, it } from 'vitest';
import { layoutJourney } from '../../src/layout/layout-journey';
import { readMatrixGrid } from '../../src/layout/layout-matrix';
import { matrixCardKey, matrixPartKey, parseSceneKey } from '../../src/layout/scene-keys';
import { importJourneyCsv } from '../../src/model/formats/journey-csv';
import type { Journey } from '../../src/model/journey';
import { createFigjamDriver } from './figjam/figjam-board-driver';
import { createMiroDriver } from './miro/miro-board-driver';
import { loadStoredAsync, MAP_ID, regenerateAsync, type BoardDriver } from '../sync/regenerate-properties';

// The prioritisation matrix as a team uses it on the board: each
// opportunity's sticky dragged to the cell of its new impact and effort,
// or into the tray; each followed by a Regenerate that writes nothing.
const CSV = [
  'Stage,Lane,Text,Addresses,Impact,Effort,Owner,Status',
  'Order,Pains,Form has 14 fields,,,,,',
  'Order,Actions,Fills in the form,,,,,',
  'Order,Opportunities,One-page checkout,Form has 14 fields,5,3,Olga,planned',
  'Order,Opportunities,Address autocomplete,,4,1,Ivan,',
  'Pay,Opportunities,Pay by link,,,,,idea',
].join('\n');

function importJourney(): Journey {
  const imported = importJourneyCsv(CSV);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return { ...imported.value, matrix: true };
}

const hosts: [string, () => BoardDriver][] = [
  ['FigJam', createFigjamDriver],
  ['Miro', createMiroDriver],
];

describe.each(hosts)('the prioritisation matrix on %s', (_host, createDriver) => {
  const setUpAsync = async () => {
    const driver = createDriver();
    const journey = importJourney();
    await driver.insertAsync(journey);
    const storedAsync = async () => (await loadStoredAsync(driver.createHost(), MAP_ID))?.journey as Journey;
    const card = async (text: string) => (await storedAsync()).cards.find((candidate) => candidate.text === text)!;
    const byKey = (key: string) => {
      const item = driver.listItems().find((candidate) => candidate.mapId === MAP_ID && candidate.key === key);
      if (!item) throw new Error(`no item ${key}`);
      return item;
    };
    /** Drags card `text`'s matrix sticky to the middle of the cell of `impact` and `effort`, as the map last drew it. */
    const dragAsync = async (text: string, impact: number, effort: number) => {
      const grid = readMatrixGrid(layoutJourney(await storedAsync(), { metrics: driver.metrics }).nodes)!;
      const item = byKey(matrixCardKey((await card(text)).id));
      const box = item.box!;
      driver.move(item.id, grid.left + (effort - 0.5) * grid.cellWidth - box.width / 2, grid.top + (5 - impact + 0.5) * grid.cellHeight - Math.min(box.width, box.height) / 2);
    };
    const expectQuietAsync = async () => {
      driver.clearWrites();
      await regenerateAsync(driver);
      expect(driver.countWrites(), 'writes of a second Regenerate').toBe(0);
    };
    return { driver, card, byKey, dragAsync, storedAsync, expectQuietAsync };
  };

  it('draws the matrix in the map, an opportunity\u2019s sticky in it beside the card\u2019s own', async () => {
    const { driver, card } = await setUpAsync();
    const items = driver.listItems().filter((item) => item.mapId === MAP_ID);
    expect(items.filter((item) => parseSceneKey(item.key ?? '')?.kind === 'matrix-card').map((item) => item.text).sort()).toEqual(['Address autocomplete', 'One-page checkout', 'Pay by link']);
    const frame = items.filter((item) => item.key === matrixPartKey('grid') || item.key === matrixPartKey('tray'));
    expect(frame.map((item) => `${item.key} ${item.inMap}`).sort()).toEqual([`${matrixPartKey('grid')} true`, `${matrixPartKey('tray')} true`]);
    const payByLink = matrixCardKey((await card('Pay by link')).id);
    expect(items.find((item) => item.key === payByLink)?.sticky).toBe(true);
  });

  it('re-rates an opportunity whose sticky a person drags to another cell, moving it there, and a second Regenerate writes nothing', async () => {
    const { driver, card, byKey, dragAsync, expectQuietAsync } = await setUpAsync();
    await dragAsync('One-page checkout', 2, 4);
    const result = await regenerateAsync(driver);
    expect(result.report.failed).toEqual([]);
    expect((await card('One-page checkout')).plan).toMatchObject({ impact: 2, effort: 4, owner: 'Olga', status: 'planned' });
    await expectQuietAsync();
    // The unrated one out of the tray, the rated one into it.
    await dragAsync('Pay by link', 5, 1);
    const tray = byKey(matrixPartKey('tray')).box!;
    const rated = byKey(matrixCardKey((await card('Address autocomplete')).id));
    driver.move(rated.id, tray.x + 10, tray.y + tray.height - rated.box!.height - 10);
    await regenerateAsync(driver);
    expect((await card('Pay by link')).plan).toEqual({ impact: 5, effort: 1, status: 'idea' });
    expect((await card('Address autocomplete')).plan).toEqual({ owner: 'Ivan' });
    await expectQuietAsync();
  });

  it('takes words written on a matrix sticky into the card, redrawing the card\u2019s own sticky with them', async () => {
    const { driver, card, byKey, expectQuietAsync } = await setUpAsync();
    const id = (await card('Pay by link')).id;
    await driver.typeAsync(byKey(matrixCardKey(id)).id, 'Pay by link in the SMS');
    await regenerateAsync(driver);
    expect((await card('Pay by link in the SMS')).id).toBe(id);
    expect(byKey(id).text).toBe('Pay by link in the SMS');
    await expectQuietAsync();
  });

  it('redraws a matrix sticky a person deleted, and the matrix goes when the journey asks for none', async () => {
    const { driver, card, byKey, storedAsync, expectQuietAsync } = await setUpAsync();
    const id = (await card('Pay by link')).id;
    driver.remove(byKey(matrixCardKey(id)).id);
    await regenerateAsync(driver);
    expect(byKey(matrixCardKey(id)).text).toBe('Pay by link');
    expect((await card('Pay by link')).text).toBe('Pay by link');
    await expectQuietAsync();
    await driver.insertAsync({ ...(await storedAsync()), matrix: false });
    expect(driver.listItems().filter((item) => item.mapId === MAP_ID && parseSceneKey(item.key ?? '')?.kind?.startsWith('matrix'))).toEqual([]);
  });
});
