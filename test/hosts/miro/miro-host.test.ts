import { describe, expect, it } from 'vitest';
import { insertMapAsync, listMapsAsync, readMapSnapshotAsync, runOnBoardAsync } from '../../../src/app/map-runs';
import type { BoardPort, MapTarget } from '../../../src/app/board-port';
import { createMiroPort } from '../../../src/hosts/miro/miro-host';
import { MAP_INDEX_KEY } from '../../../src/hosts/miro/miro-map-index';
import { MIRO_METRICS } from '../../../src/layout/host-metrics';
import { layoutJourney } from '../../../src/layout/layout-journey';
import type { EmotionLineNode, SceneNode } from '../../../src/layout/scene';
import { STYLE_PALETTE } from '../../../src/layout/style-palette';
import type { Journey } from '../../../src/model/journey';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { diffScene } from '../../../src/sync/diff-scene';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { FakeMiroBoard, type FakeRecord } from '../../../src/simulator/fake-miro-board';

const MAP_ID = 'map-test000001';
const STICKY_COLORS = new Set(['gray', 'light_yellow', 'yellow', 'orange', 'light_green', 'green', 'dark_green', 'cyan', 'light_pink', 'pink', 'violet', 'red', 'light_blue', 'blue', 'dark_blue', 'black']);

/** Where map `mapId` is on the board: its original frame, as the map service finds it (no frame before it is drawn). */
async function findTargetAsync(port: BoardPort, mapId = MAP_ID): Promise<MapTarget> {
  const map = await runOnBoardAsync(port, async (run) => (await listMapsAsync(run)).find((info) => info.mapId === mapId && !info.isCopy));
  return { mapId, containerId: map?.containerId };
}

function setUp(options: { concurrency?: number } = {}) {
  const fake = new FakeMiroBoard();
  const sleeps: number[] = [];
  const port = createMiroPort(fake.asBoard(), {
    concurrency: options.concurrency ?? 8,
    sleepAsync: async (ms) => {
      sleeps.push(ms);
    },
  });
  const generateAsync = async (journey: Journey = createOnlineStoreJourney()) => (await insertMapAsync(port, journey, MAP_ID)).report;
  // One read → diff → apply round in one run, without the retry rounds or the
  // record of insertMapAsync, to see what the adapter itself reports.
  const applyOnceAsync = async (journey: Journey = createOnlineStoreJourney()) => {
    const target = await findTargetAsync(port);
    return runOnBoardAsync(port, async (run) => {
      const snapshot = target.containerId === undefined ? undefined : await run.readMapAsync(target);
      return run.applyAsync(target, diffScene(layOut(journey), snapshot, MAP_ID));
    });
  };
  const readAsync = (mapId = MAP_ID) => readMapSnapshotAsync(port, mapId);
  return { fake, port, sleeps, generateAsync, applyOnceAsync, readAsync };
}

const layOut = (journey: Journey = createOnlineStoreJourney()) => layoutJourney(journey, { metrics: MIRO_METRICS });

function readKey(record: FakeRecord): string | undefined {
  return decodeItemIdentity(record.metadata[IDENTITY_FIELD])?.key;
}

/** The board items of one scene key. */
function findByKey(fake: FakeMiroBoard, key: string): FakeRecord[] {
  return fake.listRecords().filter((record) => readKey(record) === key);
}

function countSegments(nodes: readonly SceneNode[]): number {
  return nodes.filter((node): node is EmotionLineNode => node.type === 'emotion-line').reduce((sum, line) => sum + line.pointKeys.length - 1, 0);
}

describe('createMiroPort: drawing a new map', () => {
  it('draws every node once, each item carrying the map id, key and hash', async () => {
    const { fake, generateAsync } = setUp();
    const scene = layOut();
    const report = await generateAsync();
    expect(report.failed).toEqual([]);
    // Counted in board items, as a person counts them: one connector per segment of a line.
    expect(report.created).toBe(scene.nodes.length - scene.nodes.filter((node) => node.type === 'emotion-line').length + countSegments(scene.nodes));
    const records = fake.listRecords();
    const singleItems = scene.nodes.filter((node) => node.type !== 'emotion-line' && node.type !== 'link').length;
    const links = scene.nodes.filter((node) => node.type === 'link').length;
    expect(links).toBeGreaterThan(0);
    // One connector per link between cards.
    expect(records).toHaveLength(singleItems + links + countSegments(scene.nodes));
    for (const record of records) {
      const identity = decodeItemIdentity(record.metadata[IDENTITY_FIELD]);
      expect(identity?.map, `item ${record.id} (${record.type})`).toBe(MAP_ID);
    }
    const keys = new Set(records.map(readKey));
    expect(keys).toEqual(new Set(scene.nodes.map((node) => node.key)));
  });

  it('gives stickies a StickyNoteColor and only a width (square 199 × 228)', async () => {
    const { fake, generateAsync } = setUp();
    await generateAsync();
    const stickies = fake.listRecords().filter((record) => record.type === 'sticky_note');
    expect(stickies.length).toBeGreaterThan(10);
    for (const sticky of stickies) {
      expect(STICKY_COLORS.has(String(sticky.style.fillColor))).toBe(true);
      expect(sticky.width).toBe(199);
      expect(sticky.height).toBeCloseTo(228);
    }
    // The colours follow the lanes: more than one colour on the map.
    expect(new Set(stickies.map((sticky) => sticky.style.fillColor)).size).toBeGreaterThan(3);
  });

  it('stores user text escaped, and reads it back as written', async () => {
    const { fake, readAsync, generateAsync } = setUp();
    const journey = createOnlineStoreJourney();
    const [first, second] = journey.cards;
    if (!first || !second) throw new Error('the template has cards');
    first.text = '<script>alert(1)</script>';
    second.text = `<img src=x onerror=alert(1)>\nTom & "Jerry's"`;
    await generateAsync(journey);
    const [script] = findByKey(fake, first.id);
    const [image] = findByKey(fake, second.id);
    expect(script?.content).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(image?.content).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p><p>Tom &amp; &quot;Jerry&#39;s&quot;</p>');
    for (const record of fake.listRecords()) expect(record.content ?? '').not.toMatch(/<(script|img)/);
    const snapshot = await readAsync();
    expect(snapshot?.items.find((item) => item.identity.key === first.id)?.text).toBe(first.text);
    expect(snapshot?.items.find((item) => item.identity.key === second.id)?.text).toBe(second.text);
  });

  it('places item centres at origin + position + half the size, as children of the frame', async () => {
    const { fake, generateAsync } = setUp();
    const scene = layOut();
    const report = await generateAsync();
    const [frame] = findByKey(fake, 'map');
    if (!frame) throw new Error('no frame drawn');
    expect(frame.title).toBe(createOnlineStoreJourney().title);
    expect(frame.style.fillColor).toBe('#ffffff');
    expect({ x: frame.x, y: frame.y }).toEqual({ x: report.origin.x + scene.width / 2, y: report.origin.y + scene.height / 2 });
    for (const node of scene.nodes) {
      // Connectors (lines, links) join items of the frame; Miro does not make them its children.
      if (node.type === 'frame' || node.type === 'emotion-line' || node.type === 'link') continue;
      const [item] = findByKey(fake, node.key);
      if (!item) throw new Error(`${node.key} not drawn`);
      expect(item.parentId, node.key).toBe(frame.id);
      expect(fake.findBoardCentre(item.id), node.key).toEqual({ x: report.origin.x + node.x + node.width / 2, y: report.origin.y + node.y + node.height / 2 });
      // Inside the frame, Miro counts from the frame's top-left corner.
      expect({ x: item.x, y: item.y }).toEqual({ x: node.x + node.width / 2, y: node.y + node.height / 2 });
    }
  });

  it('draws each emotion line as N-1 curved connectors without caps, in the persona colour', async () => {
    const { fake, generateAsync } = setUp();
    const lines = layOut().nodes.filter((node): node is EmotionLineNode => node.type === 'emotion-line');
    expect(lines.length).toBeGreaterThan(0);
    await generateAsync();
    for (const line of lines) {
      const connectors = findByKey(fake, line.key);
      expect(connectors).toHaveLength(line.pointKeys.length - 1);
      const pointIds = line.pointKeys.map((key) => findByKey(fake, key)[0]?.id);
      connectors.forEach((connector, index) => {
        expect(connector.type).toBe('connector');
        expect(connector.shape).toBe('curved');
        expect(connector.style).toMatchObject({ startStrokeCap: 'none', endStrokeCap: 'none', strokeColor: STYLE_PALETTE[line.style].stroke });
        expect([connector.start?.item, connector.end?.item]).toEqual([pointIds[index], pointIds[index + 1]]);
      });
    }
  });

  it('places a new map in free space near the viewport centre, not over existing work', async () => {
    const { fake, generateAsync } = setUp();
    const existing = fake.seedItem({ type: 'sticky_note', x: 0, y: 0, width: 199, height: 228, content: '<p>earlier work</p>' });
    const scene = layOut();
    const report = await generateAsync();
    const overlapsX = report.origin.x < existing.x + existing.width / 2 && report.origin.x + scene.width > existing.x - existing.width / 2;
    const overlapsY = report.origin.y < existing.y + existing.height / 2 && report.origin.y + scene.height > existing.y - existing.height / 2;
    expect(overlapsX && overlapsY).toBe(false);
    const placement = fake.calls.findIndex((call) => call.method === 'board.findEmptySpace');
    const frameCreate = fake.calls.findIndex((call) => call.method === 'board.createFrame');
    const firstChild = fake.calls.findIndex((call) => call.method === 'board.createStickyNote' || call.method === 'board.createShape' || call.method === 'board.createText');
    expect(placement).toBeGreaterThan(-1);
    expect(placement).toBeLessThan(frameCreate);
    expect(frameCreate).toBeLessThan(firstChild);
  });

  it('zooms the viewport to the map frame', async () => {
    const { fake, generateAsync } = setUp();
    await generateAsync();
    const [frame] = findByKey(fake, 'map');
    expect(fake.zooms.at(-1)).toEqual([frame?.id]);
  });
});

describe('createMiroPort: calls, credits and limits', () => {
  it.each([8, 3])('keeps at most %i calls in flight, and pipelines them', async (concurrency) => {
    const { fake, generateAsync } = setUp({ concurrency });
    await generateAsync();
    expect(fake.maxInFlight).toBeLessThanOrEqual(concurrency);
    expect(fake.maxInFlight).toBeGreaterThan(1);
  });

  it('draws a new map in waves: every create at once, then every frame.add and identity at once, each line as soon as its points exist', async () => {
    const fake = new FakeMiroBoard();
    const port = createMiroPort(fake.asBoard(), { sleepAsync: async () => undefined });
    await insertMapAsync(port, createOnlineStoreJourney(), MAP_ID);
    const scene = layOut();
    const others = scene.nodes.filter((node) => node.type !== 'emotion-line' && node.type !== 'link' && node.type !== 'frame').length;
    // The default pacer lets the whole wave of frame.add and metadata calls fly together.
    expect(fake.maxInFlight).toBeGreaterThanOrEqual(2 * others);
    const methods = fake.calls.map((call) => call.method);
    const creates = methods.flatMap((method, index) => (/^board\.create(StickyNote|Shape|Text)$/.test(method) ? [index] : []));
    const firstAdd = methods.indexOf('frame.add');
    // No item waits for another to move into the frame before it is created.
    expect(creates.at(-1)).toBeLessThan(firstAdd);
    // The lines' connectors are asked for while the points' frame.add calls are still on their way.
    expect(methods.indexOf('board.createConnector')).toBeLessThan(methods.lastIndexOf('frame.add'));
    // Placing the map (viewport, free space) starts before looking for it is done.
    expect(methods.indexOf('viewport.get')).toBeLessThan(methods.indexOf('board.createFrame'));
    expect(methods.slice(0, 2).sort()).toEqual(['board.get', 'viewport.get']);
  });

  it('draws a line again when a point it joined could not be marked: no line is left with a segment missing', async () => {
    const fake = new FakeMiroBoard();
    const board = fake.asBoard();
    // One emotion point's metadata can never be written: the point is taken back, and its connectors go with it.
    let broken = false;
    const createShape = board.createShape.bind(board);
    Object.defineProperty(board, 'createShape', {
      value: async (props: Parameters<typeof board.createShape>[0]) => {
        const shape = await createShape(props);
        if (!broken && props?.shape === 'circle') {
          broken = true;
          shape.setMetadata = () => Promise.reject(new Error('item.setMetadata failed: the board is temporarily unavailable'));
        }
        return shape;
      },
    });
    const port = createMiroPort(board, { sleepAsync: async () => undefined });
    const { report } = await insertMapAsync(port, createOnlineStoreJourney(), MAP_ID);
    expect(broken).toBe(true);
    expect(report.failed).toEqual([]);
    const line = layOut().nodes.find((node): node is EmotionLineNode => node.type === 'emotion-line');
    if (!line) throw new Error('the map has a line');
    // Every segment of the line is on the board, joining points that carry identity.
    expect(findByKey(fake, line.key)).toHaveLength(line.pointKeys.length - 1);
    for (const key of line.pointKeys) expect(findByKey(fake, key), key).toHaveLength(1);
  });

  it('draws a line again whole when a person deleted one of its connectors', async () => {
    const { fake, generateAsync } = setUp();
    await generateAsync();
    const line = layOut().nodes.find((node): node is EmotionLineNode => node.type === 'emotion-line');
    if (!line) throw new Error('the map has a line');
    const [segment] = findByKey(fake, line.key);
    if (!segment) throw new Error('the line is drawn');
    fake.removeItemByHand(segment.id);
    const report = await generateAsync();
    expect(report.failed).toEqual([]);
    expect(findByKey(fake, line.key)).toHaveLength(line.pointKeys.length - 1);
  });

  it('retries a burst of rate-limit errors with growing waits and still completes the map', async () => {
    const { fake, sleeps, generateAsync } = setUp();
    const scene = layOut();
    // The burst hits the pipelined creates, after the map is placed and framed.
    fake.failWithRateLimit(40, { afterCalls: 10 });
    const report = await generateAsync();
    expect(report.failed).toEqual([]);
    // Counted in board items, as a person counts them: one connector per segment of a line.
    expect(report.created).toBe(scene.nodes.length - scene.nodes.filter((node) => node.type === 'emotion-line').length + countSegments(scene.nodes));
    expect(fake.listRecords()).toHaveLength(scene.nodes.filter((node) => node.type !== 'emotion-line').length + countSegments(scene.nodes));
    // Every call paused; the pacer halved the calls it lets fly, so fewer than the 40 refusals each cost a wait, and waits grew.
    expect(sleeps.length).toBeGreaterThan(4);
    expect(sleeps.length).toBeLessThanOrEqual(40);
    expect(Math.max(...sleeps)).toBeGreaterThan(Math.min(...sleeps));
    expect(diffScene(scene, await setUpRead(fake), MAP_ID).ops).toEqual([]);
  });

  it('reports an item as failed when the rate limit outlasts every retry, without throwing', async () => {
    const { fake, applyOnceAsync } = setUp({ concurrency: 1 });
    fake.failWithRateLimit(8, { method: 'board.createText' });
    const report = await applyOnceAsync();
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.reason).toMatch(/rate limit still exceeded after 8 attempts.*Finish the map/);
    expect(report.created).toBe(layOut().nodes.length - layOut().nodes.filter((node) => node.type === 'emotion-line').length + countSegments(layOut().nodes) - 1);
  });

  it('charges 50 credits per call: a full insert costs the documented formula', async () => {
    const { fake, generateAsync } = setUp();
    const scene = layOut();
    await generateAsync();
    const singleItems = scene.nodes.filter((node) => node.type !== 'emotion-line' && node.type !== 'link').length;
    const links = scene.nodes.filter((node) => node.type === 'link').length;
    expect(links).toBeGreaterThan(0);
    const calls =
      1 + // list maps: one board.get of the frames (there are none, so no selection read and no record to read)
      2 + // place: viewport.get, findEmptySpace
      2 + // frame: createFrame, setMetadata
      1 + // the frame noted in the frame index (the board had no frame: no index to read first)
      2 + // the record stored as incomplete once the frame is there, complete after: two storage.set
      1 + // the identity index, written once the items are drawn
      3 * (singleItems - 1) + // each other item: create, frame.add, setMetadata
      2 * countSegments(scene.nodes) + // each line segment: createConnector, setMetadata
      2 * links + // each link between cards: createConnector, setMetadata
      1; // focus: viewport.zoomTo the frame the run drew, as soon as it is there
    expect(fake.calls).toHaveLength(calls);
    expect(fake.creditsSpent).toBe(50 * calls);
    // In this order: the frame and the incomplete record before any other item, the complete record after the last.
    const [frame] = findByKey(fake, 'map');
    const itemCall = /^board\.create(StickyNote|Shape|Text|Connector)$|^frame\.add$|^item\.setMetadata$/;
    expect(fake.calls.filter((call) => !itemCall.test(call.method)).map((call) => `${call.method} ${call.target}`)).toEqual([
      'board.get frame',
      'viewport.get viewport',
      'board.findEmptySpace board',
      'board.createFrame frame',
      `storage.set cjm-journeys/${MAP_INDEX_KEY}`,
      // The new map comes into view while it is drawn, from the frame the run holds.
      'viewport.zoomTo viewport',
      `storage.set cjm-journeys/${MAP_ID}`,
      `storage.set cjm-journeys/${MAP_ID}/items`,
      `storage.set cjm-journeys/${MAP_ID}`,
    ]);
    expect(fake.calls.some((call) => call.method === 'board.getById' && call.target === frame?.id)).toBe(false);
    const methods = fake.calls.map((call) => call.method);
    // The frame's metadata and its line in the frame index go at once, right after the frame.
    expect(methods.slice(methods.indexOf('board.createFrame') + 1, methods.indexOf('board.createFrame') + 3).sort()).toEqual(['item.setMetadata', 'storage.set']);
    expect(fake.calls.filter((call) => call.method === 'storage.set')[1]?.target).toBe(`cjm-journeys/${MAP_ID}`);
    // The identity index and the complete record go at once, last.
    expect(methods.slice(-2)).toEqual(['storage.set', 'storage.set']);
  });
});

describe('createMiroPort: regenerating', () => {
  it('writes nothing when the board already shows the scene', async () => {
    const { fake, generateAsync } = setUp();
    await generateAsync();
    fake.resetLog();
    const report = await generateAsync();
    expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [] });
    expect(fake.listWriteCalls()).toEqual([]);
    // An adapter keeps nothing between runs, so the insert finds the map again:
    // it lists the maps (the frames, the selection, and the record that tells
    // the original frame from copies — read once, and drawn from), reads the
    // map in one bulk get and its identity index in one storage read, and
    // zooms to the frame it looks up. Free space for a new map is asked for
    // while the map is looked for (a new map's insert waits for neither):
    // two reads that finishing a map does not use.
    const [frame] = findByKey(fake, 'map');
    expect(fake.calls.filter((call) => call.method !== 'item.getMetadata').map((call) => `${call.method} ${call.target}`)).toEqual([
      'board.get frame',
      'viewport.get viewport',
      'board.getSelection board',
      'board.findEmptySpace board',
      `storage.get cjm-journeys/${MAP_ID}`,
      `storage.get cjm-journeys/${MAP_ID}/lease`,
      'board.get all',
      `storage.get cjm-journeys/${MAP_ID}/items`,
      `board.getById ${frame?.id}`,
      'viewport.zoomTo viewport',
    ]);
    // Metadata: the frame's, once, when listing, and no other item: the index knows them all.
    expect(fake.calls.filter((call) => call.method === 'item.getMetadata')).toHaveLength(1);
  });

  it('finishes a map after a failed create, with no duplicates', async () => {
    const { fake, readAsync, generateAsync, applyOnceAsync } = setUp();
    const scene = layOut();
    fake.failNthCall('board.createStickyNote', 5);
    const first = await applyOnceAsync();
    expect(first.failed).toHaveLength(1);
    expect(first.failed[0]?.reason).toMatch(/temporarily unavailable/);
    const snapshot = await readAsync();
    const plan = diffScene(scene, snapshot, MAP_ID);
    expect(plan.ops.map((op) => op.type)).toEqual(['create']);
    expect(plan.ops[0]?.type === 'create' && plan.ops[0].node.key).toBe(first.failed[0]?.key);

    const second = await generateAsync();
    expect(second).toMatchObject({ created: 1, updated: 0, deleted: 0, failed: [] });
    const keys = fake.listRecords().filter((record) => record.type !== 'connector').map(readKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(diffScene(scene, await readAsync(), MAP_ID).ops).toEqual([]);
  });

  it('removes an item whose identity could not be stored, so the next run redraws it once', async () => {
    const { fake, readAsync, generateAsync, applyOnceAsync } = setUp();
    // A run of failures long enough to exhaust the retries of some items.
    for (let attempt = 0; attempt < 30; attempt += 1) fake.failNthCall('item.setMetadata', 12);
    const first = await applyOnceAsync();
    expect(first.failed.length).toBeGreaterThanOrEqual(1);
    const snapshot = await readAsync();
    expect(snapshot?.foreign).toEqual([]);
    const second = await generateAsync();
    expect(second).toMatchObject({ created: first.failed.length, failed: [] });
    expect(diffScene(layOut(), await readAsync(), MAP_ID).ops).toEqual([]);
  });

  it('retries a metadata write that failed once, so the item is drawn after all', async () => {
    const { fake, readAsync, applyOnceAsync } = setUp();
    fake.failNthCall('item.setMetadata', 12);
    const report = await applyOnceAsync();
    expect(report.failed).toEqual([]);
    expect(diffScene(layOut(), await readAsync(), MAP_ID).ops).toEqual([]);
  });

  it('updates an edited card in place: one sync and one metadata write', async () => {
    const { fake, generateAsync } = setUp();
    const journey = createOnlineStoreJourney();
    await generateAsync(journey);
    const card = journey.cards[0];
    if (!card) throw new Error('the template has cards');
    const [before] = findByKey(fake, card.id);
    card.text = 'Compares delivery options';
    fake.resetLog();
    const report = await generateAsync(journey);
    expect(report).toMatchObject({ created: 0, updated: 1, deleted: 0, failed: [] });
    expect(fake.listWriteCalls().map((call) => [call.method, call.target])).toEqual([
      ['storage.set', `cjm-journeys/${MAP_ID}`],
      ['item.sync', before?.id],
      ['item.setMetadata', before?.id],
      // The identity index, once: the card's content hash changed.
      ['storage.set', `cjm-journeys/${MAP_ID}/items`],
    ]);
    expect(fake.findRecord(before?.id ?? '')?.content).toBe('<p>Compares delivery options</p>');
  });

  it('moves a changed emotion point in place and replaces its line', async () => {
    const { fake, generateAsync } = setUp();
    const journey = createOnlineStoreJourney();
    await generateAsync(journey);
    const emotion = journey.emotions[1];
    if (!emotion) throw new Error('the template has emotions');
    emotion.score = emotion.score >= 0 ? -2 : 2;
    const lineKey = `emotion-line:${emotion.persona.slice('persona:'.length)}`;
    const oldConnectors = findByKey(fake, lineKey).map((record) => record.id);
    const report = await generateAsync(journey);
    expect(report.failed).toEqual([]);
    expect(report.updated).toBeGreaterThanOrEqual(2);
    const newConnectors = findByKey(fake, lineKey);
    expect(newConnectors).toHaveLength(oldConnectors.length);
    for (const id of oldConnectors) expect(fake.findRecord(id)).toBeUndefined();
    expect(diffScene(layOut(journey), await setUpRead(fake), MAP_ID).ops).toEqual([]);
  });

  it('reports a sticky added by hand inside the frame as foreign and never deletes it', async () => {
    const { fake, readAsync, generateAsync } = setUp();
    const journey = createOnlineStoreJourney();
    await generateAsync(journey);
    const [frame] = findByKey(fake, 'map');
    const handmade = fake.seedItem({ type: 'sticky_note', parentId: frame?.id ?? null, x: 500, y: 400, width: 199, height: 228, content: '<p>Added &amp; kept</p>' });
    const snapshot = await readAsync();
    expect(snapshot?.foreign).toEqual([{ itemId: handmade.id, kind: 'sticky', text: 'Added & kept', x: 500 - 199 / 2, y: 400 - 114, width: 199, height: 228 }]);
    journey.cards.splice(0, 2);
    const report = await generateAsync(journey);
    expect(report).toMatchObject({ deleted: 2, failed: [] });
    expect(fake.findRecord(handmade.id)).toBeDefined();
    expect(fake.calls.filter((call) => call.target === handmade.id && call.method !== 'item.getMetadata')).toEqual([]);
  });

  it('returns undefined for a map that is not on the board', async () => {
    const { fake, port, readAsync, generateAsync } = setUp();
    await generateAsync();
    expect(await readAsync('map-elsewhere1')).toBeUndefined();
    // The adapter itself: a frame that carries another map id, or no frame at all, is not the map.
    const [frame] = findByKey(fake, 'map');
    await runOnBoardAsync(port, async (run) => {
      expect(await run.readMapAsync({ mapId: 'map-elsewhere1', containerId: frame?.id })).toBeUndefined();
      expect(await run.readMapAsync({ mapId: MAP_ID, containerId: 'no-such-frame' })).toBeUndefined();
      expect(await run.readMapAsync({ mapId: MAP_ID, containerId: undefined })).toBeUndefined();
      expect(await run.readMapAsync({ mapId: MAP_ID, containerId: frame?.id })).toBeDefined();
    });
  });
});

/** Reads the map back with an adapter of its own, as a panel opened afresh does. */
async function setUpRead(fake: FakeMiroBoard) {
  return readMapSnapshotAsync(createMiroPort(fake.asBoard(), { sleepAsync: async () => undefined }), MAP_ID);
}
