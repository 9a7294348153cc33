import { describe, expect, it } from 'vitest';
import { insertMapAsync, regenerateMapAsync } from '../../../src/app/map-runs';
import { createFigjamPort } from '../../../src/hosts/figjam/figjam-host';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { createFigjamSimulatedBoard } from '../../../src/simulator/create-figjam-simulated-board';
import type { DrawableItem } from '../../../src/simulator/drawable-item';
import { createFakeFigma } from '../../../src/simulator/fake-figma';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';

// The playground's FigJam board: a person's groups, colours and text styles,
// made by hand, read back as the playground draws them.

async function drawTemplateAsync() {
  const fake = createFakeFigma({ viewportCenter: { x: 1500, y: 900 } });
  await insertMapAsync(createFigjamPort(fake.api), createOnlineStoreJourney(), 'map-play000001');
  const board = createFigjamSimulatedBoard(fake);
  const idOf = (key: string): string => {
    const node = fake.listNodes().find((candidate) => decodeItemIdentity(fake.peekPluginData(candidate, IDENTITY_FIELD))?.key === key);
    if (!node) throw new Error(`no "${key}" on the board`);
    return node.id;
  };
  const itemOf = (id: string): DrawableItem => {
    const item = board.listItems().find((candidate) => candidate.id === id);
    if (!item) throw new Error(`no item ${id}`);
    return item;
  };
  fake.clearCalls();
  return { fake, board, idOf, itemOf };
}

describe('the simulated FigJam board, edited by hand', () => {
  it('groups and ungroups stickies where they are, and names the group on its members', async () => {
    const { fake, board, idOf, itemOf } = await drawTemplateAsync();
    const ids = [idOf('card:actions-need-1'), idOf('card:actions-need-2')];
    const before = ids.map(itemOf);
    const changes = board.readChangeCount();

    const groupId = board.groupByHand(ids);

    expect(board.readChangeCount()).toBeGreaterThan(changes);
    const grouped = ids.map(itemOf);
    expect(grouped.map((item) => item.groupId)).toEqual([groupId, groupId]);
    expect(grouped.map(({ x, y, parentId }) => ({ x, y, parentId }))).toEqual(before.map(({ x, y, parentId }) => ({ x, y, parentId })));
    expect(board.listItems().some((item) => item.id === groupId)).toBe(false);
    expect(fake.listWrites()).toEqual([]);

    // A member dragged on the board stays in its group.
    const moved = before[1] as DrawableItem;
    board.moveByHand(ids[1] as string, moved.x + 300, moved.y);
    expect(itemOf(ids[1] as string)).toMatchObject({ groupId, x: moved.x + 300 });

    board.ungroupByHand(groupId);
    expect(ids.map(itemOf).map((item) => item.groupId)).toEqual([undefined, undefined]);
    expect(itemOf(ids[0] as string)).toMatchObject({ x: before[0]?.x, y: before[0]?.y });
    expect(() => board.ungroupByHand(ids[0] as string)).toThrow(/not a group/);
  });

  it('recolours a sticky to the nearest FigJam sticky colour, and styles its text', async () => {
    const { board, idOf, itemOf } = await drawTemplateAsync();
    const id = idOf('card:actions-order-3');

    board.recolourByHand(id, '#f5b5b0');
    // Stickies take FigJam's light colours: a pink snaps to light red.
    expect(itemOf(id).fill).toBe('#ffc7c2');

    board.styleTextByHand(id, { start: 0, end: 'Chooses'.length }, { bold: true, link: 'https://shop.example/delivery' });
    board.styleTextByHand(id, { start: 'Chooses a delivery '.length, end: 'Chooses a delivery day'.length }, { italic: true });
    expect(itemOf(id)).toMatchObject({
      text: 'Chooses a delivery day',
      rich: [{ runs: [{ text: 'Chooses', bold: true, link: 'https://shop.example/delivery' }, { text: ' a delivery ' }, { text: 'day', italic: true }] }],
    });
  });

  it('gives items in a section a person drew inside the map their place on the page, and Regenerate keeps them there', async () => {
    const { fake, idOf, itemOf } = await drawTemplateAsync();
    const ids = [idOf('card:actions-search-1'), idOf('card:actions-search-2')];
    const before = ids.map(itemOf);
    const inner = fake.wrapInSectionByHand(ids.map((id) => fake.listNodes().find((node) => node.id === id) as SceneNode));

    expect(ids.map(itemOf).map(({ x, y, parentId }) => ({ x, y, parentId }))).toEqual(before.map(({ x, y }) => ({ x, y, parentId: inner.id })));
    const innerItem = itemOf(inner.id);
    expect(innerItem.kind).toBe('frame');
    expect(innerItem.parentId).toBe(before[0]?.parentId);

    fake.clearCalls();
    await regenerateMapAsync(createFigjamPort(fake.api), { createMapId: () => 'map-never00001' });
    expect(fake.listWrites()).toEqual([]);
    expect(ids.map(itemOf).map(({ x, y }) => ({ x, y }))).toEqual(before.map(({ x, y }) => ({ x, y })));
  });
});
