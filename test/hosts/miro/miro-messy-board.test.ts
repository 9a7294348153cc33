import { describe, expect, it } from 'vitest';
import { insertMapAsync, listMapsAsync, readMapSnapshotAsync, regenerateMapAsync, runOnBoardAsync } from '../../../src/app/map-runs';
import { createMiroPort, JOURNEY_COLLECTION } from '../../../src/hosts/miro/miro-host';
import { formatTextAsHtml, parseMiroHtml } from '../../../src/hosts/miro/miro-html';
import { MAP_INDEX_KEY } from '../../../src/hosts/miro/miro-map-index';
import { MIRO_METRICS } from '../../../src/layout/host-metrics';
import { layoutJourney } from '../../../src/layout/layout-journey';
import type { Journey } from '../../../src/model/journey';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { FAKE_WRITE_METHODS, FakeMiroBoard, type FakeMiroBoardOptions, type FakeRecord } from '../../../src/simulator/fake-miro-board';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';

// Regenerate on a real, shared, messy Miro board: people type while a run
// is under way, format their stickies, group and recolour them, lock them,
// and the board holds thousands of frames that are not maps.

const MAP_ID = 'map-messy00001';
const COPY_ID = 'map-messycopy1';
const instantSleepAsync = async (): Promise<void> => undefined;
const readIdentity = (record: FakeRecord | undefined) => decodeItemIdentity(record?.metadata[IDENTITY_FIELD]);

/** A Miro adapter as a panel opened afresh makes it. */
const createPort = (fake: FakeMiroBoard) => createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync });

/** A board with the template map drawn on it, and the call log cleared. */
async function setUpAsync(options: FakeMiroBoardOptions = {}) {
  const fake = new FakeMiroBoard(options);
  await insertMapAsync(createPort(fake), createOnlineStoreJourney(), MAP_ID);
  fake.resetLog();
  const find = (key: string): FakeRecord => {
    const record = fake.listRecords().find((candidate) => readIdentity(candidate)?.key === key && readIdentity(candidate)?.map === MAP_ID);
    if (!record) throw new Error(`${key} is not on the board`);
    return record;
  };
  return { fake, find };
}

/** Regenerate as the panel runs it, the call log cleared first. */
async function regenerateAsync(fake: FakeMiroBoard) {
  fake.resetLog();
  return regenerateMapAsync(createPort(fake), { createMapId: () => COPY_ID });
}

/** Writes that took effect or were tried, other than the map's lease (the map service's, around every run that writes). */
const listItemWrites = (fake: FakeMiroBoard) => fake.listWriteCalls().filter((call) => !call.target.endsWith('/lease'));

/** Where the layout puts the centre of `key` (relative to the frame, as Miro positions a frame's children). */
function findLaidOutCentre(journey: Journey, key: string): { x: number; y: number } {
  const node = layoutJourney(journey, { metrics: MIRO_METRICS }).nodes.find((candidate) => candidate.key === key);
  if (!node) throw new Error(`${key} is not in the layout`);
  return { x: node.x + node.width / 2, y: node.y + node.height / 2 };
}

const cardText = (journey: Journey, key: string): string | undefined => journey.cards.find((card) => card.id === key)?.text;

// Deleting the first card of touchpoints × search moves its neighbours up a slot.
const REMOVED = 'card:touchpoints-search-1';
const MOVED = 'card:touchpoints-search-2';
const ALSO_MOVED = 'card:touchpoints-search-3';

describe('Regenerate on a messy Miro board', () => {
  it('keeps the words a person types in a card while a Regenerate runs; the next Regenerate takes them in', async () => {
    // Sync writes back every field the object holds: the harsh case.
    const { fake, find } = await setUpAsync({ syncWrites: 'all' });
    fake.removeItemByHand(find(REMOVED).id);
    const sticky = find(MOVED);
    let typed = false;
    // A second person types once the run has read the map, right before it first writes.
    const stop = fake.onBeforeCall((call) => {
      if (typed || !FAKE_WRITE_METHODS.has(call.method)) return;
      typed = true;
      fake.editItem(sticky.id, { content: '<p>Typed while it ran</p>' });
    });
    const first = await regenerateAsync(fake);
    stop();
    expect(typed).toBe(true);
    expect(first.report.failed).toEqual([]);
    // Moved to its new slot, the new words on it.
    expect(fake.findRecord(sticky.id)).toMatchObject({ content: '<p>Typed while it ran</p>', ...findLaidOutCentre(first.journey, MOVED) });
    expect(cardText(first.journey, MOVED)).toBe(cardText(createOnlineStoreJourney(), MOVED));

    const second = await regenerateAsync(fake);
    expect(cardText(second.journey, MOVED)).toBe('Typed while it ran');
    expect(fake.findRecord(sticky.id)?.content).toBe('<p>Typed while it ran</p>');
    await regenerateAsync(fake);
    expect(fake.listWriteCalls()).toEqual([]);
  });

  it('keeps words typed at any moment before the run writes the card, even when sync writes the whole item', async () => {
    // The calls of the run up to the bulk read of the items it updates.
    const probe = await setUpAsync({ syncWrites: 'all' });
    probe.fake.removeItemByHand(probe.find(REMOVED).id);
    await regenerateAsync(probe.fake);
    const bulkRead = probe.fake.calls.findIndex((call) => call.method === 'board.get' && call.target.includes(','));
    expect(bulkRead).toBeGreaterThan(0);
    for (let afterCalls = 0; afterCalls <= bulkRead; afterCalls += 9) {
      const { fake, find } = await setUpAsync({ syncWrites: 'all' });
      fake.removeItemByHand(find(REMOVED).id);
      const sticky = find(MOVED);
      const words = `Typed after ${afterCalls} calls`;
      fake.betweenCalls(afterCalls, () => void fake.editItem(sticky.id, { content: formatTextAsHtml(words) }));
      await regenerateAsync(fake);
      expect(fake.findRecord(sticky.id)?.content, `typed after ${afterCalls} calls`).toBe(formatTextAsHtml(words));
      const next = await regenerateAsync(fake);
      expect(cardText(next.journey, MOVED)).toBe(words);
    }
  });

  it('keeps a link, bold text and a list of a sticky the layout moves; the card takes their form', async () => {
    const { fake, find } = await setUpAsync();
    const sticky = find(MOVED);
    fake.editItem(sticky.id, { content: '<p>See the spec for dates</p><ul><li>call the courier</li><li>mail the client</li></ul>' });
    // "spec" gets a link, "dates" goes bold, as a person does with Miro's text toolbar.
    fake.styleTextByHand(sticky.id, { start: 8, end: 12 }, { link: 'https://example.com/spec' });
    fake.styleTextByHand(sticky.id, { start: 17, end: 22 }, { bold: true });
    const html = fake.findRecord(sticky.id)?.content ?? '';
    expect(html).toBe('<p>See the <a href="https://example.com/spec">spec</a> for <strong>dates</strong></p><ul><li>call the courier</li><li>mail the client</li></ul>');
    fake.removeItemByHand(find(REMOVED).id);

    const { journey, report } = await regenerateAsync(fake);
    expect(report.failed).toEqual([]);
    // Moved, the content exactly as the person left it.
    expect(fake.findRecord(sticky.id)).toMatchObject({ content: html, ...findLaidOutCentre(journey, MOVED) });
    const card = journey.cards.find((candidate) => candidate.id === MOVED);
    expect(card?.text).toBe('See the spec for dates\ncall the courier\nmail the client');
    expect(card?.form).toEqual(parseMiroHtml(html));
    expect(card?.form?.[0]?.runs).toContainEqual({ text: 'spec', link: 'https://example.com/spec' });
    expect(card?.form?.slice(1).map((paragraph) => paragraph.list)).toEqual(['bullet', 'bullet']);

    await regenerateAsync(fake);
    expect(fake.listWriteCalls()).toEqual([]);
    expect(fake.findRecord(sticky.id)?.content).toBe(html);
  });

  it('keeps grouped card stickies cards and their group intact; moving them writes only their place', async () => {
    const { fake, find } = await setUpAsync();
    const [moved, alsoMoved] = [find(MOVED), find(ALSO_MOVED)];
    const groupId = fake.groupByHand([moved.id, alsoMoved.id]);
    fake.removeItemByHand(find(REMOVED).id);

    const snapshot = await readMapSnapshotAsync(createPort(fake), MAP_ID);
    expect(snapshot?.items.filter((item) => item.nested).map((item) => item.identity.key).sort()).toEqual([MOVED, ALSO_MOVED]);

    const { journey, report } = await regenerateAsync(fake);
    expect(report.failed).toEqual([]);
    for (const [key, before] of [
      [MOVED, moved],
      [ALSO_MOVED, alsoMoved],
    ] as const) {
      const after = fake.findRecord(before.id);
      // Still a card of the map, in its group, at its new place; nothing else of it changed.
      expect(readIdentity(after)?.key).toBe(key);
      expect(after).toEqual({ ...before, ...findLaidOutCentre(journey, key), metadata: after?.metadata, groupId });
    }
    expect(fake.findRecord(groupId)?.itemsIds?.sort()).toEqual([moved.id, alsoMoved.id].sort());
    expect(journey.cards.map((card) => card.id)).toEqual(expect.arrayContaining([MOVED, ALSO_MOVED]));
    expect(fake.calls.map((call) => call.method)).not.toContain('group.ungroup');

    await regenerateAsync(fake);
    expect(fake.listWriteCalls()).toEqual([]);
  });

  it('reports a locked card sticky whose place must change once as refused, leaves it alone, and spends few calls', async () => {
    const { fake, find } = await setUpAsync();
    const unchanged = await regenerateAsync(fake);
    expect(unchanged.report.failed).toEqual([]);
    // The map's lease is the map service's: its calls are left out of the count.
    const countCalls = (): number => fake.calls.filter((call) => !call.target.endsWith('/lease')).length;
    const baseline = countCalls();
    const locked = find(MOVED);
    fake.lockByHand(locked.id);
    fake.removeItemByHand(find(REMOVED).id);

    const { report } = await regenerateAsync(fake);
    expect(report.failed).toEqual([]);
    expect(report.refused).toEqual([{ key: MOVED, reason: expect.stringMatching(/locked.*Unlock it/s) }]);
    expect(fake.findRecord(locked.id)).toEqual({ ...locked, locked: true });
    // One attempt at the locked item, no retry, no second round.
    expect(fake.calls.filter((call) => call.target === locked.id && FAKE_WRITE_METHODS.has(call.method))).toEqual([{ method: 'item.sync', target: locked.id }]);
    expect(fake.calls.filter((call) => call.method === 'board.get' && call.target === 'all')).toHaveLength(1);
    // The unchanged run's reads, plus the record stored, the bulk read of the
    // two stickies to move, the refused sync of the locked one, the sync and
    // metadata of the other, who is using the panel (the holder of the map's
    // lease while it writes), and the map's identity index written once.
    expect(countCalls()).toBe(baseline + 1 + 1 + 1 + 2 + 1 + 1);

    // Until it is unlocked, each Regenerate asks once more and is refused once more: nothing else is written.
    const again = await regenerateAsync(fake);
    expect(again.report.refused?.map((refusal) => refusal.key)).toEqual([MOVED]);
    expect(listItemWrites(fake)).toEqual([{ method: 'item.sync', target: locked.id }]);

    fake.lockByHand(locked.id, false);
    const unlocked = await regenerateAsync(fake);
    expect(unlocked.report.refused ?? []).toEqual([]);
    expect(fake.findRecord(locked.id)).toMatchObject(findLaidOutCentre(unlocked.journey, MOVED));
    await regenerateAsync(fake);
    expect(fake.listWriteCalls()).toEqual([]);
  });

  it('keeps the colour a person gave a card sticky (red: urgent) when the layout moves it', async () => {
    const { fake, find } = await setUpAsync();
    const sticky = find(MOVED);
    expect(sticky.style.fillColor).not.toBe('red');
    fake.recolourByHand(sticky.id, 'red');
    fake.removeItemByHand(find(REMOVED).id);

    const { journey } = await regenerateAsync(fake);
    expect(fake.findRecord(sticky.id)).toMatchObject({ style: { ...sticky.style, fillColor: 'red' }, ...findLaidOutCentre(journey, MOVED) });
    await regenerateAsync(fake);
    expect(fake.listWriteCalls()).toEqual([]);
    expect(fake.findRecord(sticky.id)?.style.fillColor).toBe('red');
  });

  it('keeps all 1,500 characters of a sticky, emoji included', async () => {
    const { fake, find } = await setUpAsync();
    const sticky = find(MOVED);
    const line = 'Courier late again 🚚⏰, customer calls 📞 — keep every word. ';
    const text = Array.from(line.repeat(40)).slice(0, 1_500).join('').trim();
    expect(Array.from(text).length).toBeGreaterThan(1_490);
    fake.editItem(sticky.id, { content: formatTextAsHtml(text) });
    fake.removeItemByHand(find(REMOVED).id);

    const { journey, report } = await regenerateAsync(fake);
    expect(report.failed).toEqual([]);
    expect(fake.findRecord(sticky.id)).toMatchObject({ content: formatTextAsHtml(text), ...findLaidOutCentre(journey, MOVED) });
    expect(cardText(journey, MOVED)).toBe(text);
    await regenerateAsync(fake);
    expect(fake.listWriteCalls()).toEqual([]);
  });
});

describe('Regenerate on a busy Miro board', () => {
  /** The template map on a board with `frames` frames of other people's work. */
  async function setUpBusyAsync(frames: number) {
    const setup = await setUpAsync();
    for (let index = 0; index < frames; index += 1) {
      setup.fake.seedItem({ type: 'frame', x: 20_000 + (index % 50) * 1_200, y: 20_000 + Math.floor(index / 50) * 1_200, width: 1_000, height: 1_000, title: `Workshop ${index + 1}` });
    }
    return setup;
  }

  it('costs a bounded number of calls for an unchanged Regenerate, whether the board holds 200 or 2,000 frames', async () => {
    const counts: number[] = [];
    for (const frames of [200, 2_000]) {
      const { fake } = await setUpBusyAsync(frames);
      const { report } = await regenerateAsync(fake);
      expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [] });
      expect(fake.listWriteCalls()).toEqual([]);
      // At most ten calls whatever the board holds: the map's items are known from its identity index.
      expect(fake.calls.length).toBeLessThanOrEqual(10);
      // Metadata: only the map's frame's, once, when listing (reading the map reuses it).
      expect(fake.calls.filter((call) => call.method === 'item.getMetadata').length).toBe(1);
      counts.push(fake.calls.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('scans a busy board without a frame index once, then indexes it', async () => {
    const { fake, find } = await setUpBusyAsync(2_000);
    await fake.asBoard().storage.collection(JOURNEY_COLLECTION).remove(MAP_INDEX_KEY);
    const scanned = await regenerateAsync(fake);
    expect(scanned.report.failed).toEqual([]);
    expect(fake.calls.filter((call) => call.method === 'item.getMetadata').length).toBeGreaterThan(2_000);
    expect(listItemWrites(fake)).toEqual([{ method: 'storage.set', target: `${JOURNEY_COLLECTION}/${MAP_INDEX_KEY}` }]);
    expect(JSON.parse(fake.findStored(JOURNEY_COLLECTION, MAP_INDEX_KEY) as string)).toEqual({ format: 'cjm-map-frames', version: 1, maps: { [MAP_ID]: [find('map').id] } });

    await regenerateAsync(fake);
    expect(fake.calls.length).toBeLessThanOrEqual(150);
    expect(fake.listWriteCalls()).toEqual([]);
  });

  it('finds a copy of the map a person made when it is selected, and indexes it', async () => {
    const { fake, find } = await setUpBusyAsync(2_000);
    const copy = fake.duplicateFrame(find('map').id, { dx: -9_000, copyMetadata: true });
    const port = createPort(fake);
    // Not selected: not asked, so not listed (the index knows only the original).
    expect((await runOnBoardAsync(port, listMapsAsync)).map((map) => map.containerId)).toEqual([find('map').id]);
    fake.selectByHand([copy.id]);
    const maps = await runOnBoardAsync(port, listMapsAsync);
    expect(maps.map((map) => [map.containerId, map.isCopy, map.selected])).toEqual([
      [find('map').id, false, false],
      [copy.id, true, true],
    ]);
    fake.selectByHand([]);
    // Indexed: listed from now on, selected or not.
    expect((await runOnBoardAsync(port, listMapsAsync)).map((map) => map.containerId).sort()).toEqual([find('map').id, copy.id].sort());

    fake.selectByHand([copy.id]);
    const forked = await regenerateAsync(fake);
    expect(forked.mapId).toBe(COPY_ID);
    fake.selectByHand([]);
    const after = await runOnBoardAsync(createPort(fake), listMapsAsync);
    expect(after.map((map) => [map.mapId, map.isCopy]).sort()).toEqual([
      [MAP_ID, false],
      [COPY_ID, false],
    ]);
  });
});
