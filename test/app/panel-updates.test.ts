import { describe, expect, it } from 'vitest';
import type { Journey } from '../../src/model/journey';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { listMapsAsync, regenerateMapAsync, runOnBoardAsync, updateMapFromPanelAsync } from '../../src/app/map-runs';
import { createFigjamDriver } from '../hosts/figjam/figjam-board-driver';
import { createMiroDriver } from '../hosts/miro/miro-board-driver';
import type { BoardDriver } from '../sync/regenerate-properties';

// The panel's editor updates a map again and again from the journey it
// holds. What people wrote on the board in between must survive every
// update, not only the first.

/** "Update the map" as the panel runs it: the editor's journey and the journey it started from. */
async function updateFromPanelAsync(driver: BoardDriver, journey: Journey, base: Journey | undefined) {
  const host = driver.createHost();
  const [map] = await runOnBoardAsync(host, listMapsAsync);
  if (!map) throw new Error('no map on the board');
  return updateMapFromPanelAsync(host, { mapId: map.mapId, journey, ...(base ? { base } : {}), createMapId: () => 'map-never00001' });
}

const stickyTexts = (driver: BoardDriver): string[] => driver.listItems().filter((item) => item.sticky && item.inMap).map((item) => item.text);

describe.each([
  ['FigJam', createFigjamDriver],
  ['Miro', createMiroDriver],
] as const)('updating a map from the panel on %s', (_, createDriver) => {
  it('keeps board edits made between two updates when the editor goes on from what each update drew', async () => {
    const driver = createDriver();
    const inserted = createOnlineStoreJourney();
    await driver.insertAsync(inserted);
    const sticky = driver.listItems().find((item) => item.key === inserted.cards[0]!.id)!;
    await driver.typeAsync(sticky.id, 'Typed on the board');

    // First update: the editor renamed the title; the board's edit is kept.
    const edited = { ...structuredClone(inserted), title: 'Renamed in the panel' };
    const first = await updateFromPanelAsync(driver, edited, inserted);
    expect(first.journey.cards[0]!.text).toBe('Typed on the board');
    expect(first.journey.title).toBe('Renamed in the panel');

    // Someone edits the board again; the editor (now at first.journey) updates once more.
    await driver.typeAsync(driver.listItems().find((item) => item.key === inserted.cards[1]!.id)!.id, 'Second board edit');
    const again = { ...structuredClone(first.journey), scope: { ...first.journey.scope, period: 'Q1 2027' } };
    const second = await updateFromPanelAsync(driver, again, first.journey);
    expect(second.journey.cards.slice(0, 2).map((card) => card.text)).toEqual(['Typed on the board', 'Second board edit']);
    expect(second.journey.scope.period).toBe('Q1 2027');
    expect(stickyTexts(driver)).toEqual(expect.arrayContaining(['Typed on the board', 'Second board edit']));
  });

  it('keeps board edits made after a draft was saved, when the draft is updated from the journey it started from', async () => {
    const driver = createDriver();
    const inserted = createOnlineStoreJourney();
    await driver.insertAsync(inserted);
    // The panel's draft started from `inserted`; meanwhile a Regenerate took a board edit.
    const draft = { ...structuredClone(inserted), title: 'Draft title' };
    await driver.typeAsync(driver.listItems().find((item) => item.key === inserted.cards[2]!.id)!.id, 'Edited while the draft waited');
    await regenerateMapAsync(driver.createHost(), { createMapId: () => 'map-never00001' });

    const updated = await updateFromPanelAsync(driver, draft, inserted);
    expect(updated.journey.cards[2]!.text).toBe('Edited while the draft waited');
    expect(updated.journey.title).toBe('Draft title');
  });
});
