import { GENERATOR } from '../../../src/model/app-version';
import { describe, expect, it } from 'vitest';
import type { BoardPort, MapTarget } from '../../../src/app/board-port';
import { loadMapRecordAsync, saveMapRecordAsync, type LoadedMapRecord } from '../../../src/app/map-records';
import { insertMapAsync, listMapsAsync, readMapSnapshotAsync, regenerateMapAsync, runOnBoardAsync, type MapInfo } from '../../../src/app/map-runs';
import { createFigjamPort, JOURNEY_FIELD, RECORD_FIELD_PREFIX, RELAUNCH_DATA } from '../../../src/hosts/figjam/figjam-host';
import { FIGJAM_METRICS } from '../../../src/layout/host-metrics';
import { layoutJourney } from '../../../src/layout/layout-journey';
import type { Journey } from '../../../src/model/journey';
import { parseRecord, type MapRecordState } from '../../../src/model/journey-record';
import { RECORD_VERSION } from '../../../src/model/record-version';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import type { ApplyPlan } from '../../../src/sync/host-port';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { createFakeFigma, type FakeFigma } from '../../../src/simulator/fake-figma';

// Exact host-call logs of Regenerate, in the style of Preact's keyed-diff
// tests: each edit a person makes on the board is followed by the list of
// every write FigJam receives. Writes are named by the scene key of the node
// they touch (its name for an item handed over to people).

const MAP_ID = 'map-test000001';
const FORK_ID = 'map-fork000001';
const TEMPLATE_SCENE = layoutJourney(createOnlineStoreJourney(), { metrics: FIGJAM_METRICS });

const STICKY_FONT = { family: 'Inter', style: 'Medium' };
const TITLE = 'Online store: ordering a kettle';

interface Board {
  fake: FakeFigma;
  port: BoardPort;
  section: SectionNode;
  /** The map as the map service addresses it: its id and its section. */
  target: MapTarget;
  /** The node showing a scene key in the map's section. */
  find(key: string): SceneNode;
}

async function insertTemplateAsync(): Promise<Board> {
  const fake = createFakeFigma({ viewportCenter: { x: 500, y: 300 } });
  const port = createFigjamPort(fake.api);
  await insertMapAsync(port, createOnlineStoreJourney(), MAP_ID);
  const section = fake.listNodes().find((node): node is SectionNode => node.type === 'SECTION');
  if (!section) throw new Error('the template drew no section');
  const find = (key: string): SceneNode => {
    const node = section.children.find((child) => decodeItemIdentity(child.getPluginData(IDENTITY_FIELD))?.key === key);
    if (!node) throw new Error(`no node "${key}" in the map`);
    return node;
  };
  fake.clearCalls();
  return { fake, port, section, target: { mapId: MAP_ID, containerId: section.id }, find };
}

/** The maps on the page, as the map service lists them (one run). */
function listMapsOnPageAsync(board: Board): Promise<MapInfo[]> {
  return runOnBoardAsync(board.port, listMapsAsync);
}

/** Applies a plan to `target` in a run of its own. */
function applyInRunAsync(board: Board, target: MapTarget, plan: ApplyPlan) {
  return runOnBoardAsync(board.port, (run) => run.applyAsync(target, plan));
}

/** A scene node of the template map. */
function sceneNode(key: string) {
  const node = TEMPLATE_SCENE.nodes.find((item) => item.key === key);
  if (!node) throw new Error(`no scene node "${key}"`);
  return node;
}

/** A person types into a sticky (FigJam loads the font for people). */
async function typeAsync(fake: FakeFigma, sticky: StickyNode, text: string): Promise<void> {
  await fake.api.loadFontAsync(STICKY_FONT);
  sticky.text.characters = text;
}

/** Regenerate of `map`, or of the map the rule chooses (the selected one, or the only one). */
async function regenerateAsync(board: Board, map?: MapInfo) {
  board.fake.clearCalls();
  return regenerateMapAsync(board.port, { ...(map ? { map } : {}), createMapId: () => FORK_ID });
}

/** The writes since the last clear, as `method(pluginData key) TYPE key`. */
function listWriteLog(fake: FakeFigma): string[] {
  const byId = new Map(fake.listNodes().map((node) => [node.id, node]));
  return fake.listWrites().map((call) => {
    const method = call.method === 'setPluginData' ? `setPluginData(${String(call.args[0])})` : call.method;
    if (call.target === 'figma') return method;
    const [type, id, ...rest] = call.target.split(' ');
    const node = byId.get(id ?? '');
    const label = node ? (decodeItemIdentity(node.getPluginData(IDENTITY_FIELD))?.key ?? node.name) : id;
    return [method, type, label, ...rest].join(' ');
  });
}

const storeJourney = 'setPluginData(cjm-journey) SECTION map';
/** The map's lease, taken before a run writes and given back after it (see map-lease.ts). */
const lease = 'setPluginData(cjm-lease) SECTION map';
const identity = (type: string, key: string): string => `setPluginData(cjm) ${type} ${key}`;

/** The record stored on a section (stored whole), read as the map service reads it. */
function readStoredRecord(section: SectionNode): { journey: Journey; map: MapRecordState } {
  const parsed = parseRecord(JSON.parse(section.getPluginData(JOURNEY_FIELD)) as unknown, 'map');
  if (!parsed.ok) throw new Error(`the record on ${section.id} cannot be read: ${JSON.stringify(parsed.errors)}`);
  return { journey: parsed.value.journey, map: parsed.value.map };
}

function countKeys(fake: FakeFigma, mapId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of fake.listNodes()) {
    const found = decodeItemIdentity(node.getPluginData(IDENTITY_FIELD));
    if (found?.map === mapId) counts.set(found.key, (counts.get(found.key) ?? 0) + 1);
  }
  return counts;
}

/** Every scene key of the template exactly once. */
function expectCompleteMap(fake: FakeFigma, mapId: string, journey: Journey): void {
  const scene = layoutJourney(journey, { metrics: FIGJAM_METRICS });
  const counts = countKeys(fake, mapId);
  expect([...counts.keys()].sort()).toEqual(scene.nodes.map((node) => node.key).sort());
  expect([...counts.entries()].filter(([, count]) => count !== 1)).toEqual([]);
}

describe('Regenerate in FigJam: exact writes after one edit', () => {
  it('writes nothing when nobody edited the board', async () => {
    const board = await insertTemplateAsync();
    const result = await regenerateAsync(board);

    expect(listWriteLog(board.fake)).toEqual([]);
    expect(result.report).toMatchObject({ created: 0, updated: 0, deleted: 0, released: 0, failed: [] });
    expect(result.summary).toBe('Regenerated "Online store: ordering a kettle": 0 edits kept, nothing redrawn.');
  });

  it('after a sticky text edit, stores the journey and the sticky\'s new identity only: its words are left as typed', async () => {
    const board = await insertTemplateAsync();
    const sticky = board.find('card:actions-need-1') as StickyNode;
    await typeAsync(board.fake, sticky, 'Notices the old kettle leaks');

    const result = await regenerateAsync(board);

    expect(listWriteLog(board.fake)).toEqual([lease, storeJourney, identity('STICKY', 'card:actions-need-1'), lease, 'commitUndo']);
    expect(sticky.text.characters).toBe('Notices the old kettle leaks');
    expect(readStoredRecord(board.section).map).toMatchObject({ complete: true });
    expect(readStoredRecord(board.section).journey.cards.find((card) => card.id === 'card:actions-need-1')?.text).toBe('Notices the old kettle leaks');
    expect(result.report).toMatchObject({ updated: 1, created: 0, deleted: 0, failed: [] });

    await regenerateAsync(board);
    expect(listWriteLog(board.fake)).toEqual([]);
  });

  it('adopts a sticky added by hand inside a cell: named and given identity where it lies, in its own colour, nothing created', async () => {
    const board = await insertTemplateAsync();
    const stickiesBefore = board.fake.listNodes().filter((node) => node.type === 'STICKY').length;
    // A free slot of the cell "need × touchpoints": below its first sticky, on the lane's second row (search × touchpoints fills it).
    const added = board.fake.api.createSticky();
    board.section.appendChild(added);
    added.x = sceneNode('card:touchpoints-need-1').x;
    added.y = sceneNode('card:touchpoints-search-3').y;
    await typeAsync(board.fake, added, 'Neighbour’s advice');

    const result = await regenerateAsync(board);

    const adopted = decodeItemIdentity(added.getPluginData(IDENTITY_FIELD));
    expect(adopted).toMatchObject({ map: MAP_ID, key: expect.stringMatching(/^card:/) });
    const key = adopted?.key ?? '';
    expect(listWriteLog(board.fake)).toEqual([lease, storeJourney, `set:name STICKY ${key}`, identity('STICKY', key), lease, 'commitUndo']);
    expect(board.fake.calls.filter((call) => call.method.startsWith('create'))).toEqual([]);
    expect(added.removed).toBe(false);
    expect({ x: added.x, y: added.y, text: added.text.characters }).toEqual({ x: sceneNode('card:touchpoints-need-1').x, y: sceneNode('card:touchpoints-search-3').y, text: 'Neighbour’s advice' });
    expect(board.fake.listNodes().filter((node) => node.type === 'STICKY')).toHaveLength(stickiesBefore + 1);
    const journey = readStoredRecord(board.section).journey;
    expect(journey.cards.find((card) => card.id === key)).toMatchObject({ stage: 'stage:need', lane: 'lane:touchpoints', text: 'Neighbour’s advice' });
    expect(result.summary).toMatch(/1 sticky added/);
    expectCompleteMap(board.fake, MAP_ID, journey);

    await regenerateAsync(board);
    expect(listWriteLog(board.fake)).toEqual([]);
  });

  it("after a card's sticky is moved into another cell's free slot, writes its identity only; the card changes cell", async () => {
    const board = await insertTemplateAsync();
    const sticky = board.find('card:touchpoints-need-2');
    // Into the free fourth slot of "search × touchpoints", beside its third sticky.
    sticky.x = sceneNode('card:touchpoints-search-2').x;
    sticky.y = sceneNode('card:touchpoints-search-3').y;

    await regenerateAsync(board);

    expect(listWriteLog(board.fake)).toEqual([lease, storeJourney, identity('STICKY', 'card:touchpoints-need-2'), lease, 'commitUndo']);
    const journey = readStoredRecord(board.section).journey;
    expect(journey.cards.find((card) => card.id === 'card:touchpoints-need-2')).toMatchObject({ stage: 'stage:search', lane: 'lane:touchpoints' });
    const laidOut = layoutJourney(journey, { metrics: FIGJAM_METRICS }).nodes.find((node) => node.key === 'card:touchpoints-need-2');
    expect({ x: sticky.x, y: sticky.y }).toEqual({ x: laidOut?.x, y: laidOut?.y });

    await regenerateAsync(board);
    expect(listWriteLog(board.fake)).toEqual([]);
  });

  it('after an emotion point is dragged, snaps its score to the nearest step and rewrites the point, the line and its note', async () => {
    const board = await insertTemplateAsync();
    const point = board.find('emotion:anna:order@form');
    const neutral = sceneNode('emotion-scale:0');
    // Dragged from "very negative" to just off the neutral line.
    point.y = neutral.y + neutral.height / 2 - point.height / 2 - 17;
    const formerMoment = board.find('moment:order@form').id;

    const result = await regenerateAsync(board);

    // The point (Anna at the order form, a step of Order & pay) moves down
    // only (its place and face change; it was never resized), its note
    // follows, the line is drawn again, and the note of the neighbouring
    // point moves to where the line, now running another way, does not
    // cross it. The point keeps its look: its score is what
    // it says, not how it looks. The order form is no longer Anna's lowest
    // point: the mark of her moment of truth moves over the pains of
    // choosing delivery (a new item, so the record is stored incomplete,
    // then complete).
    const moment = 'moment:order@delivery';
    expect(listWriteLog(board.fake)).toEqual([
      lease,
      storeJourney,
      'createText',
      'appendChild SECTION map',
      ...['x', 'y', 'fontName', 'fontSize', 'characters'].map((field) => `set:${field} TEXT ${moment}`),
      `resize TEXT ${moment}`,
      ...['textAutoResize', 'textAlignHorizontal', 'fills', 'name'].map((field) => `set:${field} TEXT ${moment}`),
      identity('TEXT', moment),
      'set:vectorPaths VECTOR emotion-line:anna',
      'set:fills VECTOR emotion-line:anna',
      'set:strokes VECTOR emotion-line:anna',
      'set:strokeWeight VECTOR emotion-line:anna',
      'set:strokeCap VECTOR emotion-line:anna',
      'set:strokeJoin VECTOR emotion-line:anna',
      identity('VECTOR', 'emotion-line:anna'),
      'set:y SHAPE_WITH_TEXT emotion:anna:order@form',
      'set:fontName SHAPE_WITH_TEXT emotion:anna:order@form text',
      'set:characters SHAPE_WITH_TEXT emotion:anna:order@form text',
      identity('SHAPE_WITH_TEXT', 'emotion:anna:order@form'),
      'set:y TEXT emotion-note:anna:order@cart',
      identity('TEXT', 'emotion-note:anna:order@cart'),
      'set:y TEXT emotion-note:anna:order@form',
      identity('TEXT', 'emotion-note:anna:order@form'),
      `remove TEXT ${formerMoment}`,
      storeJourney,
      lease,
      'commitUndo',
    ]);
    expect(result.changes).toEqual([{ kind: 'emotion', key: 'emotion:anna:order@form', detail: '-2 \u2192 0' }]);
    const journey = readStoredRecord(board.section).journey;
    expect(journey.emotions.find((emotion) => emotion.step === 'step:form')?.score).toBe(0);
    // Snapped: the point sits where layout puts a neutral score, on the neutral step.
    const laidOut = layoutJourney(journey, { metrics: FIGJAM_METRICS }).nodes.find((node) => node.key === 'emotion:anna:order@form');
    expect(point.y).toBe(laidOut?.y);
    expect(Math.abs(point.y + point.height / 2 - (neutral.y + neutral.height / 2))).toBeLessThanOrEqual(1);
    expect((point as ShapeWithTextNode).text.characters).toBe('😐');

    await regenerateAsync(board);
    expect(listWriteLog(board.fake)).toEqual([]);
  });
});

describe('Regenerate in FigJam: handing items over to people', () => {
  it('release removes only the identity: the item keeps its text and position', async () => {
    const board = await insertTemplateAsync();
    const sticky = board.find('card:actions-need-1') as StickyNode;
    const before = { x: sticky.x, y: sticky.y, text: sticky.text.characters, parent: sticky.parent, name: sticky.name };

    const report = await applyInRunAsync(board, board.target, { mapId: MAP_ID, ops: [{ type: 'release', key: 'card:actions-need-1', itemIds: [sticky.id] }] });

    expect(report).toMatchObject({ released: 1, created: 0, updated: 0, deleted: 0, failed: [] });
    expect(listWriteLog(board.fake)).toEqual(['setPluginData(cjm) STICKY card:actions-need-1', 'commitUndo']);
    expect(board.fake.listWrites()[0]?.args).toEqual([IDENTITY_FIELD, '']);
    expect(sticky.getPluginData(IDENTITY_FIELD)).toBe('');
    expect(sticky.getPluginDataKeys()).not.toContain(IDENTITY_FIELD);
    expect({ x: sticky.x, y: sticky.y, text: sticky.text.characters, parent: sticky.parent, name: sticky.name }).toEqual(before);
    expect(sticky.removed).toBe(false);
  });

  it('release never touches an item of another map', async () => {
    const board = await insertTemplateAsync();
    const sticky = board.find('card:actions-need-1');

    // Map map-another0001 has no section on this page.
    const report = await applyInRunAsync(board, { mapId: 'map-another0001', containerId: undefined }, { mapId: 'map-another0001', ops: [{ type: 'release', key: 'card:actions-need-1', itemIds: [sticky.id] }] });

    expect(report.released).toBe(1);
    expect(decodeItemIdentity(sticky.getPluginData(IDENTITY_FIELD))?.map).toBe(MAP_ID);
    expect(listWriteLog(board.fake)).toEqual([]);
  });

  it('text typed on a lane band is kept on the band, handed over, and a fresh band goes behind the stickies', async () => {
    const board = await insertTemplateAsync();
    const band = board.find('row:actions') as ShapeWithTextNode;
    await board.fake.api.loadFontAsync({ family: 'Inter', style: 'Regular' });
    band.text.characters = 'Ask support about this lane';

    const result = await regenerateAsync(board);

    expect(result.report).toMatchObject({ released: 1, created: 1, failed: [] });
    expect(band.removed).toBe(false);
    expect(band.text.characters).toBe('Ask support about this lane');
    expect(band.getPluginData(IDENTITY_FIELD)).toBe('');
    const fresh = board.find('row:actions');
    expect(fresh).not.toBe(band);
    expect(board.section.children.indexOf(fresh)).toBe(0);
    expect(board.section.children.indexOf(band)).toBeLessThan(board.section.children.indexOf(board.find('card:actions-need-1')));
    expectCompleteMap(board.fake, MAP_ID, readStoredRecord(board.section).journey);
  });
});

describe('FigJam maps: listing, copies and forks', () => {
  it('names its section in the record stored with the map, and adds the Regenerate relaunch button when it draws a section', async () => {
    const board = await insertTemplateAsync();

    expect(readStoredRecord(board.section).map.container).toBe(board.section.id);
    // The record names the original section; version 1's separate entry is no longer written.
    expect(board.section.getPluginData('cjm-section')).toBe('');
    expect(board.section.getRelaunchData()).toEqual(RELAUNCH_DATA);
    // Inserting a map selects its section.
    expect(await listMapsOnPageAsync(board)).toEqual([{ mapId: MAP_ID, title: TITLE, containerId: board.section.id, selected: true, isCopy: false }]);
  });

  it('says a map is selected when the section or a node inside it is', async () => {
    const board = await insertTemplateAsync();
    board.fake.api.currentPage.selection = [board.find('card:actions-need-1')];
    expect((await listMapsOnPageAsync(board))[0]?.selected).toBe(true);
    board.fake.api.currentPage.selection = [board.section];
    expect((await listMapsOnPageAsync(board))[0]?.selected).toBe(true);
    board.fake.api.currentPage.selection = [];
    expect((await listMapsOnPageAsync(board))[0]?.selected).toBe(false);
  });

  it('regenerating a duplicated map forks it into a map of its own and leaves the original untouched', async () => {
    const board = await insertTemplateAsync();
    const copy = board.fake.duplicate(board.section, { x: board.section.x + board.section.width + 400 });
    const snapshotOriginal = () =>
      [board.section, ...board.section.children].map((node) => [node.id, node.x, node.y, node.getPluginData(IDENTITY_FIELD), 'text' in node ? (node.text as { characters: string }).characters : node.name]);
    const originalBefore = snapshotOriginal();
    const originalJourney = board.section.getPluginData(JOURNEY_FIELD);

    const maps = await listMapsOnPageAsync(board);
    expect(maps.map((map) => [map.mapId, map.containerId, map.isCopy])).toEqual([
      [MAP_ID, board.section.id, false],
      [MAP_ID, copy.id, true],
    ]);
    // The original's reading ignores the copy.
    expect((await readMapSnapshotAsync(board.port, MAP_ID))?.items).toHaveLength(TEMPLATE_SCENE.nodes.length);

    // A person edits the copy and runs Regenerate with a node of it selected.
    const copiedSticky = copy.children.find((node) => node.name === 'card:actions-need-1') as StickyNode;
    await typeAsync(board.fake, copiedSticky, 'Only in the copy');
    board.fake.api.currentPage.selection = [copiedSticky];
    const result = await regenerateAsync(board);

    expect(result.mapId).toBe(FORK_ID);
    expect(result.containerId).toBe(copy.id);
    expect(result.report.failed).toEqual([]);
    expect(copiedSticky.text.characters).toBe('Only in the copy');
    expect(snapshotOriginal()).toEqual(originalBefore);
    expect(board.section.getPluginData(JOURNEY_FIELD)).toBe(originalJourney);
    // The copy's record names the copy's own section now.
    expect(readStoredRecord(copy).map.container).toBe(copy.id);
    expect(readStoredRecord(copy).map).toMatchObject({ complete: true });
    expect(readStoredRecord(copy).journey.cards.find((card) => card.id === 'card:actions-need-1')?.text).toBe('Only in the copy');
    expect(copy.children.every((node) => decodeItemIdentity(node.getPluginData(IDENTITY_FIELD))?.map === FORK_ID)).toBe(true);

    expectCompleteMap(board.fake, MAP_ID, createOnlineStoreJourney());
    expectCompleteMap(board.fake, FORK_ID, readStoredRecord(copy).journey);
    expect((await listMapsOnPageAsync(board)).map((map) => [map.mapId, map.isCopy])).toEqual([
      [MAP_ID, false],
      [FORK_ID, false],
    ]);

    // Both are settled maps now: Regenerate on either writes nothing.
    const [original, forked] = await listMapsOnPageAsync(board);
    await regenerateAsync(board, original);
    expect(listWriteLog(board.fake)).toEqual([]);
    await regenerateAsync(board, forked);
    expect(listWriteLog(board.fake)).toEqual([]);
  });

  it.each([
    // Version 1 kept the section id in an entry of its own: a record of it without that entry names no section.
    ['a version-1 record without its section id', (section: SectionNode) => section.setPluginData(JOURNEY_FIELD, JSON.stringify({ complete: true, file: { format: 'cjm-journey', version: 1, journey: { ...createOnlineStoreJourney(), schema: 1 } } }))],
    ['no record', (section: SectionNode) => section.setPluginData(JOURNEY_FIELD, '')],
  ])('of two sections with one map id and %s, the later in page order is the copy', async (_what, forget) => {
    const board = await insertTemplateAsync();
    const copy = board.fake.duplicate(board.section, { x: board.section.x + 9000 });
    forget(board.section);
    forget(copy);

    expect((await listMapsOnPageAsync(board)).map((map) => [map.containerId, map.isCopy])).toEqual([
      [board.section.id, false],
      [copy.id, true],
    ]);
  });

  it('a duplicate that kept no plugin data is not a map', async () => {
    const board = await insertTemplateAsync();
    board.fake.duplicate(board.section, { x: board.section.x + 9000, keepPluginData: false });

    expect(await listMapsOnPageAsync(board)).toHaveLength(1);
  });
});

describe('FigJam: the journey stored with a map', () => {
  /** Loads the record stored with the board's map, as the map service does (one run). */
  const loadAsync = (board: Board, target: MapTarget = board.target): Promise<LoadedMapRecord | undefined> => runOnBoardAsync(board.port, (run) => loadMapRecordAsync(run, target, TITLE));
  /** Stores `journey` with the board's map as complete, replacing `previous`, as the map service does (one run). */
  const saveAsync = (board: Board, journey: Journey, previous?: LoadedMapRecord): Promise<LoadedMapRecord> =>
    runOnBoardAsync(board.port, (run) => saveMapRecordAsync(run, board.target, { journey, map: { complete: true, container: board.section.id } }, previous));

  it('stores the versioned envelope { format, version, kind, journey, map } on the section and loads it back', async () => {
    const board = await insertTemplateAsync();
    const stored = JSON.parse(board.section.getPluginData(JOURNEY_FIELD)) as Record<string, unknown>;

    expect(stored).toEqual({ format: 'cjm-journey', version: RECORD_VERSION, generator: GENERATOR, kind: 'map', journey: createOnlineStoreJourney(), map: { complete: true, container: board.section.id } });
    await expect(loadAsync(board)).resolves.toEqual({ journey: createOnlineStoreJourney(), map: { complete: true, container: board.section.id }, partKeys: [] });
    // A map not on the page has no section, so nothing to load from; a section without a record loads nothing.
    expect((await listMapsOnPageAsync(board)).find((map) => map.mapId === 'map-absent00001')).toBeUndefined();
    board.section.setPluginData(JOURNEY_FIELD, '');
    await expect(loadAsync(board)).resolves.toBeUndefined();
  });

  it('refuses damaged data, naming the map, and a record of a newer version', async () => {
    const board = await insertTemplateAsync();
    for (const damaged of ['{"complete":tru', '"text"', '{"complete":"yes","file":{}}', '{"complete":true}']) {
      board.section.setPluginData(JOURNEY_FIELD, damaged);
      await expect(loadAsync(board), damaged).rejects.toMatchObject({ reason: { code: 'record-damaged', title: TITLE } });
    }
    board.section.setPluginData(JOURNEY_FIELD, JSON.stringify({ format: 'cjm-journey', version: RECORD_VERSION + 1, kind: 'map', journey: createOnlineStoreJourney(), map: { complete: true } }));
    await expect(loadAsync(board)).rejects.toMatchObject({ reason: { code: 'record-newer', title: TITLE, version: RECORD_VERSION + 1, supported: RECORD_VERSION } });
  });

  it('writes nothing, not even an undo step, when the same journey is stored again', async () => {
    const board = await insertTemplateAsync();
    await saveAsync(board, createOnlineStoreJourney(), await loadAsync(board));

    expect(board.fake.listWrites()).toEqual([]);
  });

  it('stores no record before its section exists: saving one rejects and writes nothing, and an insert draws the section before the record, the record before the items', async () => {
    const fake = createFakeFigma();
    const port = createFigjamPort(fake.api);
    const journey = createOnlineStoreJourney();
    const notDrawn: MapTarget = { mapId: MAP_ID, containerId: undefined };
    await expect(runOnBoardAsync(port, (run) => saveMapRecordAsync(run, notDrawn, { journey, map: { complete: false } }))).rejects.toThrow(/the map section is not on this page/);
    expect(fake.listWrites()).toEqual([]);

    await insertMapAsync(port, journey, MAP_ID);
    const log = listWriteLog(fake);
    const firstRecord = log.indexOf(storeJourney);
    expect(log[0]).toBe('createSection');
    expect(log.slice(1, firstRecord).every((write) => write.includes(' SECTION map'))).toBe(true);
    expect(log.slice(firstRecord + 1).includes('createSticky')).toBe(true);
    // Incomplete while the items are drawn, complete after them; then one undo step.
    const records = fake.listWrites().filter((call) => call.method === 'setPluginData' && call.args[0] === JOURNEY_FIELD);
    expect(records.map((call) => (JSON.parse(String(call.args[1])) as { map: MapRecordState }).map.complete)).toEqual([false, true]);
    expect(log.slice(-2)).toEqual([storeJourney, 'commitUndo']);
  });

  it('stores a journey over one plugin data entry (100 kB) in parts, reads it back whole, and drops parts it no longer needs', async () => {
    const board = await insertTemplateAsync();
    const journey = createOnlineStoreJourney();
    // Cyrillic text: two bytes a character, so parts are cut between characters.
    const big: Journey = { ...journey, cards: Array.from({ length: 400 }, (_, index) => ({ id: `card:big-${index}`, stage: 'stage:need', lane: 'lane:actions', text: `Карточка ${index} `.repeat(30).trim() })) };
    const stored = await saveAsync(board, big, await loadAsync(board));
    const keys = board.section.getPluginDataKeys().filter((key) => key.startsWith(JOURNEY_FIELD)).sort();
    expect(keys.length).toBeGreaterThanOrEqual(3);
    // A head naming its parts, the parts under cjm-journey/<tag>/<n>.
    expect(board.section.getPluginData(JOURNEY_FIELD)).toMatch(/^\{"format":"cjm-parts","tag":"[^"/]+","count":\d+\}$/);
    const partKeys = keys.filter((key) => key !== JOURNEY_FIELD);
    expect(partKeys.every((key) => /^cjm-journey\/[^/]+\/\d+$/.test(key))).toBe(true);
    // The map service names parts in the map's record space; the section keeps them under the plugin's prefix.
    expect(stored.partKeys.map((key) => `${RECORD_FIELD_PREFIX}${key}`).sort()).toEqual(partKeys);
    for (const key of keys) expect(Buffer.byteLength(key) + Buffer.byteLength(board.section.getPluginData(key))).toBeLessThan(100_000);
    expect((await loadAsync(board))?.journey).toEqual(big);

    // Storing it again writes nothing; storing a short one again removes the parts.
    board.fake.clearCalls();
    await saveAsync(board, big, stored);
    expect(board.fake.listWrites().filter((call) => call.method === 'setPluginData')).toEqual([]);
    await saveAsync(board, journey, stored);
    expect(board.section.getPluginDataKeys().filter((key) => key.startsWith(JOURNEY_FIELD))).toEqual([JOURNEY_FIELD]);
    expect((await loadAsync(board))?.journey).toEqual(journey);
  });

  it('refuses a runaway journey over 2 MB with a clear message and writes nothing', async () => {
    const board = await insertTemplateAsync();
    const journey = createOnlineStoreJourney();
    const huge: Journey = { ...journey, cards: Array.from({ length: 8000 }, (_, index) => ({ id: `card:big-${index}`, stage: 'stage:need', lane: 'lane:actions', text: 'x'.repeat(300) })) };
    board.fake.clearCalls();
    await expect(
      runOnBoardAsync(board.port, (run) => saveMapRecordAsync(run, board.target, { journey: huge, map: { complete: false, container: board.section.id } })),
    ).rejects.toThrow(/the journey is \d+ kB, more than this app stores with a map here \(2 MB\)/);
    expect(board.fake.listWrites()).toEqual([]);
  });

  it('makes one undo step of a whole run: the journey is stored complete first, the commit comes after the drawing', async () => {
    const board = await insertTemplateAsync();
    await typeAsync(board.fake, board.find('card:actions-need-1') as StickyNode, 'Edited');
    await regenerateAsync(board);

    // The map's lease around the run aside.
    const writes = board.fake.listWrites().filter((call) => !(call.method === 'setPluginData' && call.args[0] === 'cjm-lease'));
    expect(writes.filter((call) => call.method === 'commitUndo')).toHaveLength(1);
    expect(writes.at(-1)?.method).toBe('commitUndo');
    expect(writes[0]).toMatchObject({ method: 'setPluginData', args: [JOURNEY_FIELD, expect.any(String)] });
    expect((JSON.parse(String(writes[0]?.args[1])) as { map: MapRecordState }).map.complete).toBe(true);
    expect(writes.filter((call) => call.method === 'setPluginData' && call.args[0] === JOURNEY_FIELD)).toHaveLength(1);
  });
});
