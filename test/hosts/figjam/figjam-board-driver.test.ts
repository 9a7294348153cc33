import { describe, expect, it } from 'vitest';
import { parseSceneKey } from '../../../src/layout/scene-keys';
import { createPropertyJourney, loadStoredAsync, MAP_ID, regenerateAsync, type ItemView } from '../../sync/regenerate-properties';
import { createFigjamDriver } from './figjam-board-driver';

// The edits of a messy, shared board the FigJam driver offers the
// Regenerate property, each followed by a Regenerate as the property runs it.

const cardsOf = (items: ItemView[]): ItemView[] => items.filter((item) => item.mapId === MAP_ID && parseSceneKey(item.key ?? '')?.kind === 'card');

describe('the FigJam board driver: a person grouping, colouring, styling and typing during a run', () => {
  it('groups, recolours and styles cards; Regenerate keeps them; ungrouping is fine; the next run writes nothing', async () => {
    const driver = createFigjamDriver();
    await driver.insertAsync(createPropertyJourney());
    const [first, second, third] = cardsOf(driver.listItems());
    if (!first || !second || !third) throw new Error('the property journey has fewer than three cards');

    const groupId = await (driver.groupAsync?.([first.id, second.id]) ?? Promise.reject(new Error('no groupAsync')));
    driver.recolour?.(third.id);
    driver.styleText?.(third.id);
    // Place, parent, text and colour; the identity changes with the card's form.
    const look = (id: string) => {
      const { data: _data, ...rest } = driver.dump(id) as { data: unknown };
      return rest;
    };
    const dumps = [first, second, third].map((item) => look(item.id));
    const group = driver.listItems().find((item) => item.id === groupId);
    expect(group).toMatchObject({ inMap: true, box: undefined, sticky: false });
    expect(driver.listItems().find((item) => item.id === first.id)?.box).toEqual(first.box);

    const result = await regenerateAsync(driver);
    expect(result.report.failed).toEqual([]);
    expect([first, second, third].map((item) => look(item.id))).toEqual(dumps);
    expect(driver.dump(groupId)).toMatchObject({ type: 'GROUP', children: [first.id, second.id] });
    const stored = await loadStoredAsync(driver.createHost(), MAP_ID);
    const card = stored?.journey.cards.find((candidate) => candidate.id === third.key);
    expect(card?.form?.[0]?.runs[0]).toMatchObject({ bold: true, link: 'https://example.com/notes' });

    driver.ungroup?.(groupId);
    driver.clearWrites();
    await regenerateAsync(driver);
    expect(driver.countWrites()).toBe(0);
  });

  it('lets a second person type while a Regenerate runs, after a given number of awaited calls', async () => {
    const driver = createFigjamDriver();
    await driver.insertAsync(createPropertyJourney());
    const [card] = cardsOf(driver.listItems());
    if (!card) throw new Error('the property journey has no card');
    let ran = 0;
    driver.onNextCall?.(async () => {
      ran += 1;
      await driver.typeAsync(card.id, 'Typed by a colleague during the run');
    }, 3);

    await regenerateAsync(driver);
    await regenerateAsync(driver);

    expect(ran).toBe(1);
    expect(driver.listItems().find((item) => item.id === card.id)?.text).toBe('Typed by a colleague during the run');
    const stored = await loadStoredAsync(driver.createHost(), MAP_ID);
    expect(stored?.journey.cards.find((candidate) => candidate.id === card.key)?.text).toBe('Typed by a colleague during the run');
    driver.clearWrites();
    await regenerateAsync(driver);
    expect(driver.countWrites()).toBe(0);
  });
});
