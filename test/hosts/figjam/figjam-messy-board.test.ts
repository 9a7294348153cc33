import { describe, expect, it } from 'vitest';
import { insertMapAsync, readMapSnapshotAsync, regenerateMapAsync, runOnBoardAsync } from '../../../src/app/map-runs';
import { createFigjamPort, JOURNEY_FIELD } from '../../../src/hosts/figjam/figjam-host';
import { FIGJAM_METRICS } from '../../../src/layout/host-metrics';
import { layoutJourney } from '../../../src/layout/layout-journey';
import type { SceneNode as MapNode, StickyNode as MapSticky } from '../../../src/layout/scene';
import type { Journey } from '../../../src/model/journey';
import { parseRecord } from '../../../src/model/journey-record';
import type { RichText } from '../../../src/model/rich-text';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { hashSceneNode } from '../../../src/sync/diff-scene';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { createFakeFigma, readTextSegments, type FakeFigma } from '../../../src/simulator/fake-figma';

// Regenerate on a board people share and tidy up: they group cards, wrap
// them in sections of their own, type while a run is under way, format and
// recolour stickies, lock them, paste long notes. Each test runs the real
// map service over the fake and checks what the board and the stored journey
// hold after the run, and that the next Regenerate writes nothing.

const MAP_ID = 'map-messy000001';
const FORK_ID = 'map-fork000001';
const LIGHT_RED = { r: 1, g: 199 / 255, b: 194 / 255 };

interface Board {
  fake: FakeFigma;
  section: SectionNode;
  /** The node showing a scene key of the map, wherever it lies. */
  find(key: string): SceneNode;
}

async function insertTemplateAsync(): Promise<Board> {
  const fake = createFakeFigma({ viewportCenter: { x: 2000, y: 1200 } });
  await insertMapAsync(createFigjamPort(fake.api), createOnlineStoreJourney(), MAP_ID);
  const section = fake.listNodes().find((node): node is SectionNode => node.type === 'SECTION');
  if (!section) throw new Error('the template drew no section');
  const find = (key: string): SceneNode => {
    const found = fake.listNodes().filter((node) => decodeItemIdentity(fake.peekPluginData(node, IDENTITY_FIELD))?.key === key);
    if (found.length !== 1 || !found[0]) throw new Error(`"${key}" is on the board ${found.length} times`);
    return found[0];
  };
  fake.clearCalls();
  return { fake, section, find };
}

/** Regenerate as a person runs it: a freshly started plugin, the only map. */
function regenerateAsync(board: Board) {
  board.fake.clearCalls();
  return regenerateMapAsync(createFigjamPort(board.fake.api), { createMapId: () => FORK_ID });
}

/** A second Regenerate right after a first: nothing left to write. */
async function expectQuietAsync(board: Board): Promise<void> {
  const result = await regenerateAsync(board);
  expect(board.fake.listWrites().map((call) => `${call.method} ${call.target}`)).toEqual([]);
  expect(result.report).toMatchObject({ created: 0, updated: 0, deleted: 0, released: 0, failed: [] });
}

function readStoredJourney(board: Board): Journey {
  const parsed = parseRecord(JSON.parse(board.section.getPluginData(JOURNEY_FIELD)) as unknown, 'map');
  if (!parsed.ok) throw new Error(`the stored record cannot be read: ${JSON.stringify(parsed.errors)}`);
  return parsed.value.journey;
}

/** Every key of the stored journey's map on the board exactly once, and nothing else with the map's identity. */
function expectCompleteMap(board: Board): void {
  const counts = new Map<string, number>();
  for (const node of board.fake.listNodes()) {
    const identity = decodeItemIdentity(board.fake.peekPluginData(node, IDENTITY_FIELD));
    if (identity?.map === MAP_ID) counts.set(identity.key, (counts.get(identity.key) ?? 0) + 1);
  }
  const scene = layoutJourney(readStoredJourney(board), { metrics: FIGJAM_METRICS });
  expect([...counts.keys()].sort()).toEqual(scene.nodes.map((node) => node.key).sort());
  expect([...counts.entries()].filter(([, count]) => count !== 1)).toEqual([]);
}

/** Where the stored journey's layout puts a key, in the map's coordinates. */
function findLaidOut(board: Board, key: string): MapNode {
  const node = layoutJourney(readStoredJourney(board), { metrics: FIGJAM_METRICS }).nodes.find((candidate) => candidate.key === key);
  if (!node) throw new Error(`the stored journey draws no "${key}"`);
  return node;
}

/** A node's top-left corner in the map's coordinates, whatever it lies in. */
function readMapPlace(board: Board, node: SceneNode): { x: number; y: number } {
  const at = node.absoluteBoundingBox as Rect;
  const origin = board.section.absoluteBoundingBox as Rect;
  return { x: at.x - origin.x, y: at.y - origin.y };
}

/** Drags a node so that its top-left corner is at (x, y) of the map. */
function dragInMap(board: Board, node: SceneNode, x: number, y: number): void {
  board.fake.moveByHand(node, board.section.x + x, board.section.y + y);
}

const findCard = (journey: Journey, id: string) => journey.cards.find((card) => card.id === id);

describe('Regenerate in FigJam with cards a person grouped (⌘G)', () => {
  it('keeps grouped cards as cards: the group stays whole, nothing is drawn twice or left behind with identity', async () => {
    const board = await insertTemplateAsync();
    const first = board.find('card:actions-need-1');
    const second = board.find('card:actions-need-2');
    const places = [readMapPlace(board, first), readMapPlace(board, second)];
    const group = board.fake.groupByHand([first, second]);
    expect(group.parent).toBe(board.section);
    const stickiesBefore = board.fake.listNodes().filter((node) => node.type === 'STICKY').length;

    const snapshot = await readMapSnapshotAsync(createFigjamPort(board.fake.api), MAP_ID);
    expect(snapshot?.items.find((item) => item.itemId === first.id)).toMatchObject({ nested: true, ...places[0] });
    expect(snapshot?.items.find((item) => item.itemId === board.find('card:actions-search-1').id)?.nested).toBeUndefined();

    const result = await regenerateAsync(board);

    expect(result.report).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [] });
    expect(board.fake.listWrites()).toEqual([]);
    expect(group.removed).toBe(false);
    expect(group.children.map((child) => child.id)).toEqual([first.id, second.id]);
    expect([readMapPlace(board, first), readMapPlace(board, second)]).toEqual(places);
    expect(board.fake.listNodes().filter((node) => node.type === 'STICKY')).toHaveLength(stickiesBefore);
    expect(findCard(readStoredJourney(board), 'card:actions-need-2')).toMatchObject({ stage: 'stage:need', lane: 'lane:actions' });
    expectCompleteMap(board);
    await expectQuietAsync(board);
  });

  it('reads a grouped card a person dragged into another cell there, and moves it inside its group', async () => {
    const board = await insertTemplateAsync();
    const first = board.find('card:touchpoints-need-1');
    const second = board.find('card:touchpoints-need-2');
    const group = board.fake.groupByHand([first, second]);
    // Into the free slot of "search × touchpoints", beside its third card; the card stays in the group.
    const beside = readMapPlace(board, board.find('card:touchpoints-search-2'));
    const freeRow = readMapPlace(board, board.find('card:touchpoints-search-3'));
    dragInMap(board, second, beside.x, freeRow.y);
    expect(second.parent).toBe(group);

    const result = await regenerateAsync(board);

    expect(result.report.failed).toEqual([]);
    expect(findCard(readStoredJourney(board), 'card:touchpoints-need-2')).toMatchObject({ stage: 'stage:search', lane: 'lane:touchpoints' });
    const laidOut = findLaidOut(board, 'card:touchpoints-need-2');
    expect(readMapPlace(board, second)).toEqual({ x: laidOut.x, y: laidOut.y });
    expect(group.removed).toBe(false);
    expect(group.children.map((child) => child.id)).toEqual([first.id, second.id]);
    expect(second.parent).toBe(group);
    expectCompleteMap(board);
    await expectQuietAsync(board);
  });

  it('is still fine after the person ungroups the cards', async () => {
    const board = await insertTemplateAsync();
    const first = board.find('card:actions-need-1');
    const second = board.find('card:actions-need-2');
    const group = board.fake.groupByHand([first, second]);
    await regenerateAsync(board);

    board.fake.ungroupByHand(group);
    expect(group.removed).toBe(true);
    expect([first.parent, second.parent]).toEqual([board.section, board.section]);
    const result = await regenerateAsync(board);

    expect(result.report).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [] });
    expect(board.fake.listWrites()).toEqual([]);
    expect(first.removed || second.removed).toBe(false);
    expectCompleteMap(board);
    await expectQuietAsync(board);
  });

  it('adopts a sticky a person added to a group inside a cell as a card, and keeps it in the group', async () => {
    const board = await insertTemplateAsync();
    // The cell "delivery × touchpoints" holds three cards: its fourth slot is free.
    const first = board.find('card:touchpoints-delivery-1');
    const third = readMapPlace(board, board.find('card:touchpoints-delivery-3'));
    const second = readMapPlace(board, board.find('card:touchpoints-delivery-2'));
    const added = board.fake.createStickyByHand(board.section.x + second.x, board.section.y + third.y, 'Reads the delivery terms');
    const group = board.fake.groupByHand([first, added]);

    await regenerateAsync(board);

    const identity = decodeItemIdentity(board.fake.peekPluginData(added, IDENTITY_FIELD));
    expect(identity).toMatchObject({ map: MAP_ID, key: expect.stringMatching(/^card:/) });
    expect(findCard(readStoredJourney(board), identity?.key ?? '')).toMatchObject({ stage: 'stage:delivery', lane: 'lane:touchpoints', text: 'Reads the delivery terms' });
    expect(added.parent).toBe(group);
    expect(group.children.map((child) => child.id)).toEqual([first.id, added.id]);
    expectCompleteMap(board);
    await expectQuietAsync(board);
  });
});

describe('Regenerate in FigJam with cards a person wrapped in a section of their own inside the map', () => {
  it('keeps them as cards in that section, and moves them there when the layout moves them', async () => {
    const board = await insertTemplateAsync();
    // The second and third cards of "delivery × touchpoints".
    const second = board.find('card:touchpoints-delivery-2');
    const third = board.find('card:touchpoints-delivery-3');
    const places = [readMapPlace(board, second), readMapPlace(board, third)];
    const inner = board.fake.wrapInSectionByHand([second, third], { name: 'Checkout' });
    expect(inner.parent).toBe(board.section);
    expect([readMapPlace(board, second), readMapPlace(board, third)]).toEqual(places);

    const untouched = await regenerateAsync(board);
    expect(untouched.report).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [] });
    expect(board.fake.listWrites()).toEqual([]);

    // The first card of the cell goes: the other two move up and left.
    board.fake.removeByHand(board.find('card:touchpoints-delivery-1'));
    const result = await regenerateAsync(board);

    expect(result.report.failed).toEqual([]);
    expect(readStoredJourney(board).cards.some((card) => card.id === 'card:touchpoints-delivery-1')).toBe(false);
    for (const [node, key] of [
      [second, 'card:touchpoints-delivery-2'],
      [third, 'card:touchpoints-delivery-3'],
    ] as const) {
      const laidOut = findLaidOut(board, key);
      expect(readMapPlace(board, node), key).toEqual({ x: laidOut.x, y: laidOut.y });
      expect(node.parent, key).toBe(inner);
    }
    expect(readMapPlace(board, second)).not.toEqual(places[0]);
    expect(inner.removed).toBe(false);
    expect(inner.children.map((child) => child.id)).toEqual([second.id, third.id]);
    expectCompleteMap(board);
    await expectQuietAsync(board);
  });

  it('leaves a copy of the map that a person dropped inside it to the copy', async () => {
    const board = await insertTemplateAsync();
    // A person duplicates the whole map and drops the copy inside the original.
    const copy = board.fake.duplicate(board.section, { x: 100, y: 100 });
    board.section.appendChild(copy);
    const before = copy.children.map((child) => [child.id, child.x, child.y]);

    const snapshot = await readMapSnapshotAsync(createFigjamPort(board.fake.api), MAP_ID);
    const copied = new Set(copy.children.map((child) => child.id));
    expect(snapshot?.items.some((item) => copied.has(item.itemId))).toBe(false);
    expect(snapshot?.foreign.some((item) => copied.has(item.itemId))).toBe(false);
    expect(copy.children.map((child) => [child.id, child.x, child.y])).toEqual(before);
  });
});

describe('Regenerate in FigJam while a person types', () => {
  it('keeps words typed while the run is under way, and takes them into the journey on the next Regenerate', async () => {
    const board = await insertTemplateAsync();
    const typedOn = board.find('card:touchpoints-delivery-3') as StickyNode;
    // The layout moves the card: the cell's first card goes.
    board.fake.removeByHand(board.find('card:touchpoints-delivery-1'));
    let typed = false;
    // The run has read the map and planned by the time it loads its fonts to draw.
    const stop = board.fake.onAwait((method) => {
      if (method !== 'loadFontAsync' || typed) return;
      typed = true;
      board.fake.editTextByHand(typedOn, 'Pays by card, keeps the receipt');
    });

    const result = await regenerateAsync(board);
    stop();

    expect(typed).toBe(true);
    expect(result.report.failed).toEqual([]);
    expect(typedOn.text.characters).toBe('Pays by card, keeps the receipt');
    const laidOut = findLaidOut(board, 'card:touchpoints-delivery-3');
    expect(readMapPlace(board, typedOn)).toEqual({ x: laidOut.x, y: laidOut.y });
    // The run read the card before the person typed: its journey has the old words yet.
    expect(findCard(readStoredJourney(board), 'card:touchpoints-delivery-3')?.text).toBe('Courier');

    const next = await regenerateAsync(board);
    expect(next.report.failed).toEqual([]);
    expect(findCard(readStoredJourney(board), 'card:touchpoints-delivery-3')?.text).toBe('Pays by card, keeps the receipt');
    expect(typedOn.text.characters).toBe('Pays by card, keeps the receipt');
    expect(board.fake.listWrites().some((call) => call.method === 'set:characters')).toBe(false);
    expectCompleteMap(board);
    await expectQuietAsync(board);
  });

  it('never writes a text over words typed after the run read the item, with or without parts', async () => {
    const board = await insertTemplateAsync();
    const sticky = board.find('card:actions-need-1') as StickyNode;
    const node = findLaidOut(board, 'card:actions-need-1') as MapSticky;
    const changed: MapSticky = { ...node, text: 'Written from the panel' };
    const port = createFigjamPort(board.fake.api);
    const target = { mapId: MAP_ID, containerId: board.section.id };

    for (const parts of [undefined, { text: true, style: false }]) {
      board.fake.editTextByHand(sticky, 'Notices the old kettle is broken');
      const report = await runOnBoardAsync(port, async (run) => {
        await run.readMapAsync(target);
        board.fake.editTextByHand(sticky, 'Typed by a colleague meanwhile');
        return run.applyAsync(target, { mapId: MAP_ID, ops: [{ type: 'update', node: changed, hash: hashSceneNode(changed), itemIds: [sticky.id], ...(parts ? { parts } : {}) }] });
      });
      expect(report.failed, JSON.stringify(parts)).toEqual([]);
      expect(sticky.text.characters, JSON.stringify(parts)).toBe('Typed by a colleague meanwhile');
    }

    // Read and not typed on since: the text is the run's to write.
    const report = await runOnBoardAsync(port, async (run) => {
      await run.readMapAsync(target);
      return run.applyAsync(target, { mapId: MAP_ID, ops: [{ type: 'update', node: changed, hash: hashSceneNode(changed), itemIds: [sticky.id], parts: { text: true, style: false } }] });
    });
    expect(report.failed).toEqual([]);
    expect(sticky.text.characters).toBe('Written from the panel');
  });
});

describe("Regenerate in FigJam keeps a person's formatting and colours", () => {
  it('keeps bold, a link and a list on a sticky the layout moves, and stores them as the card’s form', async () => {
    const board = await insertTemplateAsync();
    // The third card of "delivery × touchpoints": the layout moves it when the first goes.
    const sticky = board.find('card:touchpoints-delivery-3') as StickyNode;
    board.fake.editTextByHand(sticky, 'Chooses delivery\nPays by card');
    board.fake.styleTextByHand(sticky, { start: 0, end: 'Chooses'.length }, { bold: true });
    board.fake.styleTextByHand(sticky, { start: 'Chooses '.length, end: 'Chooses delivery'.length }, { link: 'https://shop.example/delivery' });
    board.fake.styleTextByHand(sticky, { start: 0, end: sticky.text.characters.length }, { list: 'UNORDERED' });
    const segmentsBefore = readTextSegments(sticky.text);
    board.fake.removeByHand(board.find('card:touchpoints-delivery-1'));

    const result = await regenerateAsync(board);

    expect(result.report.failed).toEqual([]);
    const laidOut = findLaidOut(board, 'card:touchpoints-delivery-3');
    expect(readMapPlace(board, sticky)).toEqual({ x: laidOut.x, y: laidOut.y });
    expect(board.fake.listWrites().filter((call) => call.target.startsWith(`STICKY ${sticky.id}`)).map((call) => call.method)).toEqual(['set:x', 'set:y', 'setPluginData']);
    expect(readTextSegments(sticky.text)).toEqual(segmentsBefore);
    const form: RichText = [
      { runs: [{ text: 'Chooses', bold: true }, { text: ' ' }, { text: 'delivery', link: 'https://shop.example/delivery' }], list: 'bullet' },
      { runs: [{ text: 'Pays by card' }], list: 'bullet' },
    ];
    expect(findCard(readStoredJourney(board), 'card:touchpoints-delivery-3')).toMatchObject({ text: 'Chooses delivery\nPays by card', form });
    expect((laidOut as MapSticky).form).toEqual(form);

    await expectQuietAsync(board);
    await expectQuietAsync(board);
    expect(readTextSegments(sticky.text)).toEqual(segmentsBefore);
  });

  it('draws a card’s form when its sticky is drawn again', async () => {
    const board = await insertTemplateAsync();
    const sticky = board.find('card:actions-need-1') as StickyNode;
    board.fake.editTextByHand(sticky, 'Notices the kettle is broken');
    board.fake.styleTextByHand(sticky, { start: 0, end: 'Notices'.length }, { bold: true, italic: true });
    board.fake.styleTextByHand(sticky, { start: 'Notices the '.length, end: 'Notices the kettle'.length }, { underline: true, link: 'https://shop.example/kettles' });
    await regenerateAsync(board);
    const segments = readTextSegments(sticky.text);
    // The person deletes the sticky by mistake and restores it from the panel's journey: Regenerate draws it anew.
    board.fake.removeByHand(sticky);
    const journey = readStoredJourney(board);
    const report = await runOnBoardAsync(createFigjamPort(board.fake.api), async (run) => {
      const node = layoutJourney(journey, { metrics: FIGJAM_METRICS }).nodes.find((candidate) => candidate.key === 'card:actions-need-1') as MapSticky;
      return run.applyAsync({ mapId: MAP_ID, containerId: board.section.id }, { mapId: MAP_ID, ops: [{ type: 'create', node, hash: hashSceneNode(node) }] });
    });

    expect(report.failed).toEqual([]);
    const drawn = board.find('card:actions-need-1') as StickyNode;
    expect(drawn).not.toBe(sticky);
    expect(readTextSegments(drawn.text)).toEqual(segments);
    expect(readTextSegments(drawn.text)[0]).toMatchObject({ characters: 'Notices', fontName: { family: 'Inter', style: 'Bold Italic' } });
  });

  it('draws the words of a form whose fonts cannot be loaded, without the bold', async () => {
    const fake = createFakeFigma({ availableFonts: ['Inter Regular', 'Inter Medium', 'Inter Bold'] });
    const port = createFigjamPort(fake.api);
    const journey = createOnlineStoreJourney();
    const form: RichText = [{ runs: [{ text: 'Notices', italic: true }, { text: ' the ' }, { text: 'kettle', bold: true }, { text: ' is broken' }] }];
    const withForm: Journey = { ...journey, cards: journey.cards.map((card) => (card.id === 'card:actions-need-1' ? { ...card, text: 'Notices the kettle is broken', form } : card)) };

    const { report } = await insertMapAsync(port, withForm, MAP_ID);

    expect(report.failed).toEqual([]);
    const sticky = fake.listNodes().find((node): node is StickyNode => node.name === 'card:actions-need-1');
    expect(sticky?.text.characters).toBe('Notices the kettle is broken');
    expect(sticky && readTextSegments(sticky.text).map((segment) => [segment.characters, (segment.fontName as FontName).style])).toEqual([
      ['Notices the ', 'Medium'],
      ['kettle', 'Bold'],
      [' is broken', 'Medium'],
    ]);
  });

  it('keeps the colour a person gave a card sticky when the layout moves it', async () => {
    const board = await insertTemplateAsync();
    const sticky = board.find('card:touchpoints-delivery-3') as StickyNode;
    // Light red: the team's mark for urgent.
    board.fake.recolourByHand(sticky, '#FFC7C2');
    board.fake.removeByHand(board.find('card:touchpoints-delivery-1'));

    const result = await regenerateAsync(board);

    expect(result.report.failed).toEqual([]);
    const laidOut = findLaidOut(board, 'card:touchpoints-delivery-3');
    expect(readMapPlace(board, sticky)).toEqual({ x: laidOut.x, y: laidOut.y });
    expect(sticky.fills).toEqual([{ type: 'SOLID', color: LIGHT_RED }]);
    expect(board.fake.listWrites().filter((call) => call.target === `STICKY ${sticky.id}`).map((call) => call.method)).toEqual(['set:x', 'set:y', 'setPluginData']);
    await expectQuietAsync(board);
    expect(sticky.fills).toEqual([{ type: 'SOLID', color: LIGHT_RED }]);
  });
});

describe('Regenerate in FigJam with locked and long stickies', () => {
  it('moves a locked card sticky like any other: locking stops people, not plugins', async () => {
    const board = await insertTemplateAsync();
    const sticky = board.find('card:touchpoints-delivery-3') as StickyNode;
    board.fake.lockByHand(sticky);
    board.fake.removeByHand(board.find('card:touchpoints-delivery-1'));

    const result = await regenerateAsync(board);

    expect(result.report.failed).toEqual([]);
    expect(result.report.refused ?? []).toEqual([]);
    const laidOut = findLaidOut(board, 'card:touchpoints-delivery-3');
    expect(readMapPlace(board, sticky)).toEqual({ x: laidOut.x, y: laidOut.y });
    expect(sticky.locked).toBe(true);
    expectCompleteMap(board);
    await expectQuietAsync(board);
  });

  it('draws a card of 1,500 characters whole and keeps it whole: the sticky grows, nothing is cut, nothing is written again', async () => {
    const fake = createFakeFigma({ viewportCenter: { x: 2000, y: 1200 } });
    const journey = createOnlineStoreJourney();
    const phrase = 'Wonders whether a kettle 🫖 with a filter is worth it, asks friends 👩‍👩‍👧 and reads reviews ☕️. ';
    const long = phrase.repeat(Math.ceil(1500 / phrase.length)).slice(0, 1500).trimEnd();
    // Alone in its cell (need × thoughts): the lane grows to hold it.
    const withLong: Journey = { ...journey, cards: journey.cards.map((card) => (card.id === 'card:thoughts-need-1' ? { ...card, text: long } : card)) };
    await insertMapAsync(createFigjamPort(fake.api), withLong, MAP_ID);
    const section = fake.listNodes().find((node): node is SectionNode => node.type === 'SECTION') as SectionNode;
    const board: Board = { fake, section, find: (key) => fake.listNodes().find((node) => decodeItemIdentity(fake.peekPluginData(node, IDENTITY_FIELD))?.key === key) as SceneNode };
    const sticky = board.find('card:thoughts-need-1') as StickyNode;
    expect(sticky.text.characters).toBe(long);
    expect(sticky.height).toBeGreaterThan(1000);

    await expectQuietAsync(board);
    await expectQuietAsync(board);
    expect(sticky.text.characters).toBe(long);
    expect(findCard(readStoredJourney(board), 'card:thoughts-need-1')?.text).toBe(long);
    expectCompleteMap(board);
  });
});

describe('a second map in FigJam', () => {
  it('goes beside the first when the viewport has not moved, never on top of it', async () => {
    const { createFakeFigma: makeFake } = await import('../../../src/simulator/fake-figma');
    const { createFigjamPort: makePort } = await import('../../../src/hosts/figjam/figjam-host');
    const { insertMapAsync: insert } = await import('../../../src/app/map-runs');
    const { createOnlineStoreJourney: makeJourney } = await import('../../../src/model/templates/online-store-template');
    const fake = makeFake({ viewportCenter: { x: 0, y: 0 } });
    await insert(makePort(fake.api), makeJourney(), 'map-first00001');
    await insert(makePort(fake.api), makeJourney(), 'map-second0001');
    const [a, b] = fake.listNodes().filter((node): node is SectionNode => node.type === 'SECTION');
    expect(a && b).toBeTruthy();
    const apart = a!.x + a!.width <= b!.x || b!.x + b!.width <= a!.x || a!.y + a!.height <= b!.y || b!.y + b!.height <= a!.y;
    expect(apart, `${JSON.stringify([a!.x, a!.y, a!.width, a!.height])} ${JSON.stringify([b!.x, b!.y, b!.width, b!.height])}`).toBe(true);
  });
});
