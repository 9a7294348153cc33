import { describe, expect, it } from 'vitest';
import type { BoardPort } from '../../src/app/board-port';
import { insertMapAsync, listMapsAsync, readMapSnapshotAsync, regenerateMapAsync, runOnBoardAsync } from '../../src/app/map-runs';
import { createFigjamPort } from '../../src/hosts/figjam/figjam-host';
import { createMiroPort } from '../../src/hosts/miro/miro-host';
import { createFigjamSimulatedBoard } from '../../src/simulator/create-figjam-simulated-board';
import { createMiroSimulatedBoard } from '../../src/simulator/create-miro-simulated-board';
import type { DrawableItem } from '../../src/simulator/drawable-item';
import { createFakeFigma } from '../../src/simulator/fake-figma';
import { FakeMiroBoard } from '../../src/simulator/fake-miro-board';
import type { SimulatedBoard } from '../../src/simulator/simulated-board';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { intersects } from '../boxes';

const instantSleepAsync = async (): Promise<void> => undefined;

interface Setup {
  board: SimulatedBoard;
  port: BoardPort;
  countCalls(): number;
}

const SETUPS: Record<string, () => Setup> = {
  miro: () => {
    const fake = new FakeMiroBoard();
    return { board: createMiroSimulatedBoard(fake), port: createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync }), countCalls: () => fake.calls.length };
  },
  figjam: () => {
    const fake = createFakeFigma();
    return { board: createFigjamSimulatedBoard(fake), port: createFigjamPort(fake.api), countCalls: () => fake.calls.length };
  },
};


/** Regenerate of the only map on the board, as the map service chooses it. */
async function regenerateAsync(setup: Setup) {
  return regenerateMapAsync(setup.port, { createMapId: () => 'map-other', sleepAsync: instantSleepAsync });
}

/** Draws the template as map `map-test`. */
const insertAsync = (setup: Setup) => insertMapAsync(setup.port, createOnlineStoreJourney(), 'map-test', { sleepAsync: instantSleepAsync });

describe.each(Object.keys(SETUPS))('the simulated %s board', (rules) => {
  it('draws the map a host drew, and a person’s edits reach Regenerate without a logged call', async () => {
    const setup = (SETUPS[rules] as () => Setup)();
    const { board } = setup;
    await insertAsync(setup);
    const items = board.listItems();
    expect(items.filter((item) => item.kind === 'frame')).toHaveLength(1);
    expect(items.filter((item) => item.kind === 'sticky').length).toBeGreaterThan(50);
    expect(items.filter((item) => item.kind === 'ellipse').length).toBeGreaterThan(3);
    expect(items.filter((item) => item.kind === 'line').length).toBeGreaterThan(0);
    expect(items.every((item) => item.hasIdentity)).toBe(true);
    const frame = items.find((item) => item.kind === 'frame') as DrawableItem;
    for (const item of items.filter((candidate) => candidate.kind === 'sticky')) {
      expect(item.x).toBeGreaterThanOrEqual(frame.x);
      expect(item.y).toBeGreaterThanOrEqual(frame.y);
      expect(item.x + item.width).toBeLessThanOrEqual(frame.x + frame.width);
      expect(item.y + item.height).toBeLessThanOrEqual(frame.y + frame.height);
    }
    // Reading the board back changes nothing drawn: the view is not redrawn for it.
    const quiet = board.readChangeCount();
    expect(await readMapSnapshotAsync(setup.port, 'map-test')).toBeDefined();
    expect(await runOnBoardAsync(setup.port, listMapsAsync)).toHaveLength(1);
    expect(board.readChangeCount()).toBe(quiet);

    const [first, second] = items.filter((item) => item.kind === 'sticky') as [DrawableItem, DrawableItem];
    const callsBefore = setup.countCalls();
    const changesBefore = board.readChangeCount();
    board.editTextByHand(first.id, 'Typed on the board');
    board.moveByHand(second.id, second.x + 10, second.y + 5);
    const added = board.addStickyByHand(first.x + first.width / 2 + 10, first.y + first.height / 2 + 10, 'Added by a person');
    expect(setup.countCalls()).toBe(callsBefore);
    expect(board.readChangeCount()).not.toBe(changesBefore);
    const after = board.listItems();
    expect(after.find((item) => item.id === first.id)?.text).toBe('Typed on the board');
    expect(after.find((item) => item.id === second.id)).toMatchObject({ x: second.x + 10, y: second.y + 5 });
    expect(after.find((item) => item.id === added)).toMatchObject({ kind: 'sticky', text: 'Added by a person', hasIdentity: false, parentId: frame.id });

    const beforeRegenerate = board.readChangeCount();
    const result = await regenerateAsync(setup);
    expect(result.outcome.adopted).toBe(1);
    // Regenerate's writes have all taken effect by now, and they count as changes.
    expect(board.readChangeCount()).toBeGreaterThan(beforeRegenerate);
    const regenerated = board.listItems();
    expect(regenerated.find((item) => item.id === added)?.hasIdentity).toBe(true);
    expect(regenerated.filter((item) => item.text === 'Typed on the board')).toHaveLength(1);
    const stickies = regenerated.filter((item) => item.kind === 'sticky');
    for (const [index, sticky] of stickies.entries()) {
      for (const other of stickies.slice(index + 1)) expect(intersects(sticky, other), `${sticky.text} / ${other.text}`).toBe(false);
    }

    board.removeByHand(frame.id);
    expect(board.listItems()).toEqual([]);
  });

  it('draws a connector a person draws between two stickies, and removes it when the person deletes it', () => {
    const setup = (SETUPS[rules] as () => Setup)();
    const { board } = setup;
    const from = board.addStickyByHand(200, 300, 'Search');
    const to = board.addStickyByHand(900, 700, 'Buy');
    const callsBefore = setup.countCalls();
    const changesBefore = board.readChangeCount();
    const connectorId = board.connectByHand(from, to);
    expect(setup.countCalls()).toBe(callsBefore);
    expect(board.readChangeCount()).not.toBe(changesBefore);

    const items = board.listItems();
    const ids = items.map((item) => item.id);
    const line = items.find((item) => item.id === connectorId);
    // From the side of one sticky that faces the other (they lie further apart across than down) to the other's.
    const [fromBox, toBox] = [items.find((item) => item.id === from)!, items.find((item) => item.id === to)!];
    const gap = toBox.x - (fromBox.x + fromBox.width);
    expect(line).toMatchObject({ kind: 'line', x: fromBox.x + fromBox.width, y: 300, width: gap, height: 400, hasIdentity: false });
    expect(line?.path).toMatch(new RegExp(`^M 0 0 .* ${gap} 400$`));
    expect(ids.indexOf(connectorId)).toBeGreaterThan(Math.max(ids.indexOf(from), ids.indexOf(to)));
    expect(() => board.connectByHand(from, 'no-such-item')).toThrow();

    board.removeByHand(connectorId);
    const after = board.listItems();
    expect(after.map((item) => item.id)).toEqual(ids.filter((id) => id !== connectorId));
    expect(after.some((item) => item.kind === 'line')).toBe(false);
  });

  it('hands over the host’s zoom requests once', async () => {
    const setup = (SETUPS[rules] as () => Setup)();
    expect(setup.board.takeZoomRequest()).toBeUndefined();
    const { containerId } = await insertAsync(setup);
    expect(containerId).toBeDefined();
    // Inserting brings the map into view; focusing it asks again.
    expect(setup.board.takeZoomRequest()?.length).toBeGreaterThan(0);
    await setup.port.focusMapAsync({ mapId: 'map-test', containerId }, []);
    expect(setup.board.takeZoomRequest()?.length).toBeGreaterThan(0);
    expect(setup.board.takeZoomRequest()).toBeUndefined();
  });
});
