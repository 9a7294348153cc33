import { GENERATOR } from '../../../src/model/app-version';
import { describe, expect, it } from 'vitest';
import type { BoardPort, MapTarget } from '../../../src/app/board-port';
import { loadMapRecordAsync, saveMapRecordAsync } from '../../../src/app/map-records';
import { insertMapAsync, listMapsAsync, readMapSnapshotAsync, regenerateMapAsync, runOnBoardAsync } from '../../../src/app/map-runs';
import { readRecordAsync, writeRecordAsync } from '../../../src/app/record-chunks';
import { createMiroPort, JOURNEY_COLLECTION } from '../../../src/hosts/miro/miro-host';
import { MAP_INDEX_KEY } from '../../../src/hosts/miro/miro-map-index';
import { MIRO_METRICS } from '../../../src/layout/host-metrics';
import { layoutJourney } from '../../../src/layout/layout-journey';
import type { Journey } from '../../../src/model/journey';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { RECORD_FORMAT, RECORD_VERSION } from '../../../src/model/journey-record';
import { splitTextBySize } from '../../../src/model/text-size';
import { FakeMiroBoard, type FakeRecord } from '../../../src/simulator/fake-miro-board';

const MAP_ID = 'map-test000001';
const COPY_ID = 'map-copy000001';
const STORED = `storage.set ${JOURNEY_COLLECTION}/${MAP_ID}`;
// A Regenerate that writes holds the map's lease while it does (src/app/map-lease.ts).
const LEASE = `storage.set ${JOURNEY_COLLECTION}/${MAP_ID}/lease`;
// A run that changed the map writes its identity index once, after its items (src/hosts/miro/miro-item-index.ts).
const INDEXED = `storage.set ${JOURNEY_COLLECTION}/${MAP_ID}/items`;
const leased = (...writes: string[]): string[] => [LEASE, ...writes, INDEXED, LEASE];

/** The keys of the journeys' records in board storage: the frame index and each map's identity index beside them left out. */
const listRecordKeys = (fake: FakeMiroBoard): string[] => fake.listStoredKeys(JOURNEY_COLLECTION).filter((key) => key !== MAP_INDEX_KEY && !/^map-[^/]+\/items(\/|$)/.test(key));
const instantSleepAsync = async (): Promise<void> => undefined;

const readIdentity = (record: FakeRecord | undefined) => decodeItemIdentity(record?.metadata[IDENTITY_FIELD]);

/** A Miro adapter as a panel opened afresh makes it. */
const createPort = (fake: FakeMiroBoard, options: { storageValueLimitBytes?: number } = {}): BoardPort =>
  createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync, ...options });

/** Where map `mapId` is: its original frame, as the map service finds it. */
async function findTargetAsync(port: BoardPort, mapId = MAP_ID): Promise<MapTarget> {
  const map = await runOnBoardAsync(port, async (run) => (await listMapsAsync(run)).find((info) => info.mapId === mapId && !info.isCopy));
  return { mapId, containerId: map?.containerId };
}

/** The record stored in miro.board.storage under `key`: a JSON string, read as the value it holds. */
function readStored(fake: FakeMiroBoard, key: string): unknown {
  const stored = fake.findStored(JOURNEY_COLLECTION, key);
  expect(typeof stored, `storage value ${key}`).toBe('string');
  return JSON.parse(stored as string) as unknown;
}

/** A board with the template map drawn on it, and the call log cleared. */
async function setUpAsync(options: { storageValueLimitBytes?: number } = {}) {
  const fake = new FakeMiroBoard(options);
  const journey = createOnlineStoreJourney();
  await insertMapAsync(createPort(fake, options), journey, MAP_ID);
  const scene = layoutJourney(journey, { metrics: MIRO_METRICS });
  fake.resetLog();
  const find = (key: string, map = MAP_ID): FakeRecord => {
    const record = fake.listRecords().find((candidate) => readIdentity(candidate)?.key === key && readIdentity(candidate)?.map === map);
    if (!record) throw new Error(`${key} is not on the board`);
    return record;
  };
  const node = (key: string) => {
    const found = scene.nodes.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`${key} is not in the scene`);
    return found;
  };
  return { fake, journey, scene, find, node };
}

/**
 * Regenerate as the Miro panel runs it, from a panel opened afresh (a new
 * adapter, nothing remembered): choose the map, regenerate it. Returns the
 * result and the write calls, each named by the scene key of its item
 * (keys read before and after the run, so removed items are named too).
 */
async function regenerateAsync(fake: FakeMiroBoard) {
  const keysBefore = new Map(fake.listRecords().map((record) => [record.id, readIdentity(record)?.key]));
  fake.resetLog();
  const port = createPort(fake);
  // No map given: the map service chooses by its rule (the selection, else the only map).
  const result = await regenerateMapAsync(port, { createMapId: () => COPY_ID });
  const name = (target: string): string => {
    if (target.startsWith(`${JOURNEY_COLLECTION}/`)) return target;
    const key = readIdentity(fake.findRecord(target))?.key ?? keysBefore.get(target);
    return key ?? `<foreign ${target}>`;
  };
  // A create call is about an item type, not an item yet.
  const writes = fake.listWriteCalls().map((call) => (call.method.startsWith('board.create') ? call.method : `${call.method} ${name(call.target)}`));
  return { result, writes, calls: fake.calls.length, credits: fake.creditsSpent, port };
}

/** Reads a Miro item as everything but its metadata. */
function withoutMetadata(record: FakeRecord | undefined): Omit<FakeRecord, 'metadata'> | undefined {
  if (!record) return undefined;
  const { metadata, ...rest } = record;
  void metadata;
  return rest;
}

describe('Regenerate on Miro: exact write calls', () => {
  it('writes nothing on an unchanged board, and reads as little as it can', async () => {
    const { fake } = await setUpAsync();
    const items = fake.listRecords().length;
    const { result, writes, calls, credits } = await regenerateAsync(fake);
    expect(writes).toEqual([]);
    expect(result.report).toMatchObject({ created: 0, updated: 0, deleted: 0, released: 0, failed: [] });
    const reads = fake.calls.map((call) => call.method).filter((method) => method !== 'item.getMetadata');
    expect(reads).toEqual([
      'board.get', // list maps: the frames
      'board.getSelection',
      'storage.get', // the record, which names the original frame (copies carry the same map id) and is regenerated from
      'storage.get', // the map's lease: nobody else is writing it
      'board.get', // read the map: everything, in one call
      'storage.get', // the map's identity index: which item is which, so no item is asked one by one
    ]);
    // Metadata: the frame's alone, once, when listing (reading the map reuses it); every other item is known from the index.
    expect(items).toBeGreaterThan(100);
    expect(fake.calls.filter((call) => call.method === 'item.getMetadata')).toHaveLength(1);
    expect(calls).toBe(6 + 1);
    expect(credits).toBe(50 * calls);
  });

  it('after one sticky text edit: syncs that sticky, rewrites its metadata, stores the journey', async () => {
    const { fake, find } = await setUpAsync();
    const sticky = find('card:actions-need-1');
    fake.editItem(sticky.id, { content: '<p>Compares delivery options</p>' });
    const { result, writes, calls } = await regenerateAsync(fake);
    // The sticky already shows the words the journey now holds: only its identity changes.
    expect(writes).toEqual(leased(STORED, 'item.setMetadata card:actions-need-1'));
    // The unchanged Regenerate's 7 reads, then: who the panel is (asked once
    // per panel) while the lease is read again, the lease written and read
    // back, the journey, the sticky's identity (the sticky is not read again:
    // the write touches nothing of what a person may be typing), the identity
    // index, and the lease read and given back.
    expect(fake.calls.filter((call) => call.method === 'board.get' && call.target !== 'all' && call.target !== 'frame')).toEqual([]);
    expect(calls).toBe(7 + 9);
    expect(result.journey.cards.find((card) => card.id === 'card:actions-need-1')?.text).toBe('Compares delivery options');
    expect(fake.findRecord(sticky.id)?.content).toBe('<p>Compares delivery options</p>');
    expect((await regenerateAsync(fake)).writes).toEqual([]);
  });

  it('adopts a sticky added by hand inside a cell in place: no sticky is created', async () => {
    const { fake, find, node } = await setUpAsync();
    const frame = find('map');
    // The free fourth slot of the cell (touchpoints × search): below card 2.
    const slot = node('card:touchpoints-search-2');
    const handmade = fake.seedItem({
      type: 'sticky_note',
      parentId: frame.id,
      x: slot.x + slot.width / 2,
      y: node('card:touchpoints-search-3').y + slot.height / 2,
      width: 199,
      height: 228,
      content: '<p>Asks a friend</p>',
      style: { fillColor: 'yellow' },
    });
    const { result, writes } = await regenerateAsync(fake);
    const identity = readIdentity(fake.findRecord(handmade.id));
    expect(identity?.map).toBe(MAP_ID);
    const adopted = result.journey.cards.find((card) => card.id === identity?.key);
    expect(adopted).toMatchObject({ stage: 'stage:search', lane: 'lane:touchpoints', text: 'Asks a friend' });
    expect(writes).toEqual(leased(STORED, `item.sync ${identity?.key}`, `item.setMetadata ${identity?.key}`));
    expect(fake.calls.filter((call) => call.method.startsWith('board.create'))).toEqual([]);
    // Redrawn as a card: a square, in the slot; the colour a person chose stays theirs.
    expect(fake.findRecord(handmade.id)).toMatchObject({ content: '<p>Asks a friend</p>', shape: 'square', parentId: frame.id });
    expect(fake.findRecord(handmade.id)?.style.fillColor).toBe('yellow');
    expect((await regenerateAsync(fake)).writes).toEqual([]);
  });

  it("moves a card to the cell its sticky was dragged into: only that sticky is rewritten", async () => {
    const { fake, find, node } = await setUpAsync();
    const sticky = find('card:actions-search-2');
    // Into the free second slot of channels × Order & pay's first step (Add to cart), beside its only card.
    const beside = node('card:channels-order-1');
    fake.editItem(sticky.id, { x: beside.x + 223 + beside.width / 2, y: beside.y + beside.height / 2 });
    const { result, writes } = await regenerateAsync(fake);
    expect(result.journey.cards.find((card) => card.id === 'card:actions-search-2')).toMatchObject({ stage: 'stage:order', step: 'step:cart', lane: 'lane:channels' });
    expect(writes).toEqual(leased(STORED, 'item.sync card:actions-search-2', 'item.setMetadata card:actions-search-2'));
    expect(fake.findRecord(sticky.id)?.style.fillColor).toBe(find('card:channels-order-1').style.fillColor);
    expect((await regenerateAsync(fake)).writes).toEqual([]);
  });

  it('snaps a dragged emotion point to the nearest step and redraws the point and its line', async () => {
    const { fake, find, node } = await setUpAsync();
    const point = find('emotion:anna:need');
    const before = createOnlineStoreJourney().emotions.find((emotion) => emotion.persona === 'persona:anna' && emotion.stage === 'stage:need');
    const stepUp = node('emotion-scale:1');
    // Dropped a little off the +1 step.
    fake.editItem(point.id, { y: stepUp.y + stepUp.height / 2 + 7 });
    const oldSegments = fake.listRecords().filter((record) => readIdentity(record)?.key === 'emotion-line:anna');
    const { result, writes } = await regenerateAsync(fake);
    expect(before?.score).toBe(0);
    expect(result.journey.emotions.find((emotion) => emotion.persona === 'persona:anna' && emotion.stage === 'stage:need')?.score).toBe(1);
    const newSegments = fake.listRecords().filter((record) => readIdentity(record)?.key === 'emotion-line:anna');
    expect(newSegments).toHaveLength(oldSegments.length);
    const segments = oldSegments.length;
    expect(writes).toEqual([
      LEASE,
      STORED,
      // The point and the note beside it move to the +1 step.
      'item.sync emotion:anna:need',
      'item.sync emotion-note:anna:need',
      'item.setMetadata emotion:anna:need',
      'item.setMetadata emotion-note:anna:need',
      // The line is replaced: new connectors first, then the old ones go.
      ...Array<string>(segments).fill('board.createConnector'),
      ...Array<string>(segments).fill('item.setMetadata emotion-line:anna'),
      ...Array<string>(segments).fill('board.remove emotion-line:anna'),
      INDEXED,
      LEASE,
    ]);
    // The point sits exactly where the layout puts a +1.
    const snapped = layoutJourney(result.journey, { metrics: MIRO_METRICS }).nodes.find((candidate) => candidate.key === 'emotion:anna:need');
    expect(fake.findRecord(point.id)?.y).toBe((snapped?.y ?? 0) + (snapped?.height ?? 0) / 2);
    expect(Math.abs((fake.findRecord(point.id)?.y ?? 0) - (stepUp.y + stepUp.height / 2))).toBeLessThan(1);
    expect((await regenerateAsync(fake)).writes).toEqual([]);
  });
});

describe('Regenerate on Miro: items people put on the map', () => {
  it('never shrinks the frame from under them, and leaves them untouched', async () => {
    const { fake, find } = await setUpAsync();
    const frame = find('map');
    // A note by the right edge, beside the last stage, which then loses its cards.
    const note = fake.seedItem({ type: 'shape', parentId: frame.id, shape: 'rectangle', x: frame.width - 120, y: 400, width: 200, height: 120, content: '<p>Check with legal</p>', style: {} });
    const lastStage = fake.listRecords().filter((record) => readIdentity(record)?.key.startsWith('card:') && readIdentity(record)?.key.includes('-repeat-'));
    for (const record of lastStage) fake.removeItemByHand(record.id);

    const { result } = await regenerateAsync(fake);

    expect(result.report.failed).toEqual([]);
    expect(fake.findRecord(note.id)).toEqual(note);
    const after = fake.findRecord(frame.id)!;
    expect(after.width).toBeGreaterThanOrEqual(note.x + note.width / 2);
    expect((await regenerateAsync(fake)).writes).toEqual([]);
  });

  it('leaves a sticky outside the cells alone on later runs, though the cells grew under it', async () => {
    const { fake, find, node } = await setUpAsync();
    const frame = find('map');
    // Below the last lane, in the frame's bottom margin.
    const last = node('map');
    const comment = fake.seedItem({ type: 'sticky_note', parentId: frame.id, x: node('card:touchpoints-search-1').x + 100, y: last.height - 20, width: 199, height: 228, content: '<p>Parking lot</p>', style: { fillColor: 'yellow' } });
    // Cards added to the bottom lane make it taller.
    const bottomCard = node('card:backstage-order-1');
    for (let index = 0; index < 3; index += 1) {
      fake.seedItem({ type: 'sticky_note', parentId: frame.id, x: bottomCard.x + bottomCard.width / 2 + 8 * index, y: bottomCard.y + bottomCard.height / 2 + 8, width: 199, height: 228, content: `<p>More work ${index}</p>`, style: { fillColor: 'yellow' } });
    }
    const first = await regenerateAsync(fake);
    expect(first.result.outcome.adopted).toBe(3);
    expect(readIdentity(fake.findRecord(comment.id))).toBeUndefined();
    const second = await regenerateAsync(fake);
    expect(second.writes).toEqual([]);
    expect(fake.findRecord(comment.id)).toEqual(comment);
  });
});

describe('applyAsync: release and adoption', () => {
  it('release removes only the identity: the item keeps its text, place, size and style', async () => {
    const { fake, find } = await setUpAsync();
    const port = createPort(fake);
    const target = await findTargetAsync(port);
    const sticky = find('card:pains-need-1');
    const report = await runOnBoardAsync(port, async (run) => {
      const snapshot = await run.readMapAsync(target);
      fake.resetLog();
      return run.applyAsync(target, { mapId: MAP_ID, origin: snapshot?.origin, ops: [{ type: 'release', key: 'card:pains-need-1', itemIds: [sticky.id] }] });
    });
    expect(report).toMatchObject({ released: 1, created: 0, updated: 0, deleted: 0, failed: [] });
    // The identity, and the map's identity index, which no longer lists the item.
    expect(fake.listWriteCalls()).toEqual([
      { method: 'item.setMetadata', target: sticky.id },
      { method: 'storage.set', target: `${JOURNEY_COLLECTION}/${MAP_ID}/items` },
    ]);
    expect(withoutMetadata(fake.findRecord(sticky.id))).toEqual(withoutMetadata(sticky));
    expect(readIdentity(fake.findRecord(sticky.id))).toBeUndefined();
    const after = await readMapSnapshotAsync(port, MAP_ID);
    expect(after?.foreign.map((item) => item.itemId)).toEqual([sticky.id]);
  });

  it('never replaces an item it adopts: a person’s shape cannot become a card', async () => {
    const { fake, find, node } = await setUpAsync();
    const port = createPort(fake);
    const shape = fake.seedItem({ type: 'shape', parentId: find('map').id, x: 500, y: 900, width: 100, height: 100, shape: 'circle', content: '<p>mine</p>' });
    const target = await findTargetAsync(port);
    const sticky = node('card:actions-need-1');
    const report = await runOnBoardAsync(port, async (run) => {
      const snapshot = await run.readMapAsync(target);
      fake.resetLog();
      return run.applyAsync(target, { mapId: MAP_ID, origin: snapshot?.origin, ops: [{ type: 'update', node: sticky, hash: '0000abcd', itemIds: [shape.id] }] });
    });
    expect(report.updated).toBe(0);
    expect(report.failed[0]?.reason).toMatch(/only a sticky_note can show it/);
    expect(fake.listWriteCalls()).toEqual([]);
    expect(fake.findRecord(shape.id)).toEqual(shape);
  });
});

describe('Regenerate on Miro: a duplicated map', () => {
  it('becomes a map of its own on its first Regenerate; the original is untouched; storage holds both', async () => {
    const { fake, find, journey } = await setUpAsync();
    const original = find('map');
    const originalItems = fake.listRecords();
    const copyFrame = fake.duplicateFrame(original.id, { dx: 8000, copyMetadata: true });
    const copyItems = fake.listRecords().filter((record) => !originalItems.some((item) => item.id === record.id));
    const copySticky = copyItems.find((record) => record.parentId === copyFrame.id && record.type === 'sticky_note');
    fake.selectByHand([copySticky?.id ?? '']);

    expect(await runOnBoardAsync(createPort(fake), listMapsAsync)).toEqual([
      { mapId: MAP_ID, title: journey.title, containerId: original.id, selected: false, isCopy: false },
      { mapId: MAP_ID, title: journey.title, containerId: copyFrame.id, selected: true, isCopy: true },
    ]);

    const { result, writes, calls } = await regenerateAsync(fake);
    expect(result.mapId).toBe(COPY_ID);
    expect(result.report).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [] });
    // Fork: the record stored for the copy, every item's metadata, the frame's last.
    expect(writes).toEqual([
      `storage.set ${JOURNEY_COLLECTION}/${COPY_ID}`,
      ...copyItems.filter((record) => record.id !== copyFrame.id).map(() => expect.stringMatching(/^item\.setMetadata /)),
      'item.setMetadata map',
    ]);
    expect(calls).toBeGreaterThan(0);
    for (const record of copyItems) expect(readIdentity(fake.findRecord(record.id))?.map, record.id).toBe(COPY_ID);
    // Keys and hashes are kept.
    for (const record of copyItems) expect({ ...readIdentity(fake.findRecord(record.id)), map: MAP_ID }).toEqual(readIdentity(record));
    // The original: not one field changed, metadata included.
    for (const record of originalItems) expect(fake.findRecord(record.id)).toEqual(record);
    expect(listRecordKeys(fake)).toEqual([COPY_ID, MAP_ID]);
    // Each record names its own map's frame; the copy's takes nothing the original left alone.
    expect(readStored(fake, COPY_ID)).toEqual({ format: RECORD_FORMAT, version: RECORD_VERSION, generator: GENERATOR, kind: 'map', journey, map: { complete: true, container: copyFrame.id } });
    expect(readStored(fake, MAP_ID)).toEqual({ format: RECORD_FORMAT, version: RECORD_VERSION, generator: GENERATOR, kind: 'map', journey, map: { complete: true, container: original.id } });

    const after = await runOnBoardAsync(createPort(fake), listMapsAsync);
    expect(after.map((map) => [map.mapId, map.containerId, map.isCopy])).toEqual([
      [MAP_ID, original.id, false],
      [COPY_ID, copyFrame.id, false],
    ]);
    expect((await regenerateAsync(fake)).writes).toEqual([]);
  });

  it('reads only the original frame of a map while a copy carries its id', async () => {
    const { fake, find } = await setUpAsync();
    const original = find('map');
    fake.duplicateFrame(original.id, { dx: -8000, copyMetadata: true });
    const snapshot = await readMapSnapshotAsync(createPort(fake), MAP_ID);
    expect(snapshot?.items.find((item) => item.type === 'frame')?.itemId).toBe(original.id);
    const originalIds = new Set(fake.listRecords().filter((record) => record.parentId === original.id || record.id === original.id).map((record) => record.id));
    for (const item of snapshot?.items ?? []) if (item.type !== 'emotion-line' && item.type !== 'link') expect(originalIds.has(item.itemId), item.itemId).toBe(true);
    // A link's connector joins two stickies of the original, never of the copy.
    const links = (snapshot?.items ?? []).filter((item) => item.type === 'link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect([link.ends?.start, link.ends?.end].every((id) => id !== undefined && originalIds.has(id)), link.itemId).toBe(true);
  });

  it('sees a copy without app metadata as no map at all (if Miro does not copy metadata)', async () => {
    const { fake, find } = await setUpAsync();
    fake.duplicateFrame(find('map').id, { dx: 8000, copyMetadata: false });
    const maps = await runOnBoardAsync(createPort(fake), listMapsAsync);
    expect(maps.map((map) => map.containerId)).toEqual([find('map').id]);
  });
});

describe('the journey in miro.board.storage', () => {
  it('stores one value per map when the journey fits: the record envelope as a string, naming the frame', async () => {
    const { fake, find, journey } = await setUpAsync();
    const frameId = find('map').id;
    expect(listRecordKeys(fake)).toEqual([MAP_ID]);
    expect(readStored(fake, MAP_ID)).toEqual({ format: RECORD_FORMAT, version: RECORD_VERSION, generator: GENERATOR, kind: 'map', journey, map: { complete: true, container: frameId } });
    const loaded = await runOnBoardAsync(createPort(fake), async (run) => [
      await loadMapRecordAsync(run, { mapId: MAP_ID, containerId: frameId }, journey.title),
      await loadMapRecordAsync(run, { mapId: 'map-nothing001', containerId: undefined }, 'Nothing'),
    ]);
    expect(loaded).toEqual([{ journey, map: { complete: true, container: frameId }, partKeys: [] }, undefined]);
    // One storage read each: a record that names its frame needs no other key.
    expect(fake.calls.map((call) => `${call.method} ${call.target}`)).toEqual([`storage.get ${JOURNEY_COLLECTION}/${MAP_ID}`, `storage.get ${JOURNEY_COLLECTION}/map-nothing001`]);
  });

  it('splits a journey over the value limit into parts, reads it back whole, and removes parts it replaced', async () => {
    const limit = 2_000;
    const { fake, find, journey } = await setUpAsync({ storageValueLimitBytes: limit });
    const frameId = find('map').id;
    const keys = listRecordKeys(fake);
    const size = new TextEncoder().encode(JSON.stringify(journey)).length;
    expect(keys.length).toBeGreaterThan(Math.ceil(size / limit));
    for (const key of keys) expect(new TextEncoder().encode(JSON.stringify(fake.findStored(JOURNEY_COLLECTION, key))).length).toBeLessThanOrEqual(limit);
    // The head under the map id points at the parts, `<mapId>/<tag>/<n>`.
    const partKeys = keys.filter((key) => key !== MAP_ID);
    const head = readStored(fake, MAP_ID) as { format: string; tag: string; count: number };
    expect(head).toEqual({ format: 'cjm-parts', tag: expect.any(String), count: partKeys.length });
    expect(partKeys.sort()).toEqual(Array.from({ length: head.count }, (_, index) => `${MAP_ID}/${head.tag}/${index}`).sort());

    const port = createPort(fake, { storageValueLimitBytes: limit });
    const target = { mapId: MAP_ID, containerId: frameId };
    const stored = await runOnBoardAsync(port, (run) => loadMapRecordAsync(run, target, journey.title));
    // Part keys are the record space's own (`journey/<tag>/<n>`); the adapter files them under the map id.
    expect(stored).toEqual({ journey, map: { complete: true, container: frameId }, partKeys: Array.from({ length: head.count }, (_, index) => `journey/${head.tag}/${index}`) });
    // Far fewer cards: the new record fits fewer parts; the old ones go.
    const smaller: Journey = { ...journey, cards: journey.cards.slice(0, 3) };
    await runOnBoardAsync(port, (run) => saveMapRecordAsync(run, target, { journey: smaller, map: { complete: true, container: frameId } }, stored));
    const left = listRecordKeys(fake);
    expect(left.filter((key) => keys.includes(key) && key !== MAP_ID)).toEqual([]);
    expect(await runOnBoardAsync(port, (run) => loadMapRecordAsync(run, target, journey.title))).toMatchObject({ journey: smaller, map: { complete: true, container: frameId } });
  });

  it('splits text without breaking a character, each part within the limit', async () => {
    const text = `${'é'.repeat(30)}😀"\\${'a'.repeat(25)}`;
    const measureJsonChar = (char: string) => new TextEncoder().encode(JSON.stringify(char)).length - 2;
    const parts = splitTextBySize(text, 20, measureJsonChar, 2);
    expect(parts.join('')).toBe(text);
    for (const part of parts) expect(new TextEncoder().encode(JSON.stringify(part)).length).toBeLessThanOrEqual(20);

    // The same through the Miro record space, on a board that refuses larger values.
    const limit = 230;
    const fake = new FakeMiroBoard({ storageValueLimitBytes: limit });
    const record = JSON.stringify({ note: text.repeat(3) });
    const space = createPort(fake, { storageValueLimitBytes: limit }).beginRun().mapRecords({ mapId: MAP_ID, containerId: undefined });
    const written = await writeRecordAsync(space, 'journey', record);
    expect(written.length).toBeGreaterThan(1);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const key of fake.listStoredKeys(JOURNEY_COLLECTION)) {
      const value = fake.findStored(JOURNEY_COLLECTION, key) as string;
      expect(new TextEncoder().encode(JSON.stringify(value)).length, key).toBeLessThanOrEqual(limit);
      expect(value, key).not.toMatch(loneSurrogate);
    }
    expect(await readRecordAsync(space, 'journey')).toEqual({ value: { note: text.repeat(3) }, partKeys: written });
  });
});
