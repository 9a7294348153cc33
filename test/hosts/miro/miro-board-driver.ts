import { convertHtmlToText, formatTextAsHtml } from '../../../src/hosts/miro/miro-html';
import { createMiroPort } from '../../../src/hosts/miro/miro-host';
import { MIRO_METRICS } from '../../../src/layout/host-metrics';
import type { BoardPort } from '../../../src/app/board-port';
import { insertMapAsync } from '../../../src/app/map-runs';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { MAP_ID, type BoardDriver, type ItemView } from '../../sync/regenerate-properties';
import { FakeMiroBoard, type FakeRecord } from '../../../src/simulator/fake-miro-board';

const instantSleepAsync = async (): Promise<void> => undefined;
const MIRO_STICKY = { width: 199, height: 228 };

// The link a person puts on a word (styleText).
const STYLED_LINK = 'https://example.com/notes';

/** The first word of `text`: its UTF-16 range, or undefined when there is none. */
function findFirstWord(text: string): { start: number; end: number } | undefined {
  const match = /\S+/.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

/** What the Miro driver offers beyond BoardDriver: the fake itself, for tests that script it. */
export interface MiroDriver extends BoardDriver {
  fake: FakeMiroBoard;
}

/**
 * Miro as a person uses it, on the fake board: a frame per map, items
 * positioned by their centres. A person's Duplicate is assumed to copy app
 * metadata (the harder case; Miro does not document it). People group
 * items, recolour stickies, style their text and type while a run is under
 * way, as on a shared board.
 */
export function createMiroDriver(fake = new FakeMiroBoard()): MiroDriver {
  const frame = (): FakeRecord => {
    const found = fake.listRecords().find((record) => record.type === 'frame' && decodeItemIdentity(record.metadata[IDENTITY_FIELD])?.map === MAP_ID);
    if (!found) throw new Error('the map frame is gone');
    return found;
  };
  const topLeft = (map: FakeRecord) => ({ x: map.x - map.width / 2, y: map.y - map.height / 2 });
  /** Board coordinates of a centre given as a map-relative top-left corner of a w × h box. */
  const toBoardCentre = (x: number, y: number, width: number, height: number) => {
    const corner = topLeft(frame());
    return { x: corner.x + x + width / 2, y: corner.y + y + height / 2 };
  };
  const find = (id: string): FakeRecord => {
    const record = fake.findRecord(id);
    if (!record) throw new Error(`no item ${id}`);
    return record;
  };
  /** The adapter as a freshly opened panel makes it: it remembers nothing of earlier runs. */
  const createPort = (): BoardPort => createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync });
  // BoardDriver is moving from `createHost` to `createPort` and from an
  // ApplyReport to an InsertResult: this driver offers both meanwhile.
  const driver: MiroDriver & Partial<Record<'createHost' | 'createPort', () => BoardPort>> = {
    fake,
    metrics: MIRO_METRICS,
    insertAsync: async (journey) => {
      const result = await insertMapAsync(createPort(), journey, MAP_ID);
      return { ...result.report, ...result };
    },
    injectFaults: (rate, random) => {
      fake.failRandomly(rate, random);
      // Two bursts of Miro refusing calls for lack of credits, each shorter
      // than the pacer's patience for one call (eight attempts, about two
      // minutes of back-off).
      if (rate > 0) {
        fake.failWithRateLimit(6, { afterCalls: 40 + Math.floor(random() * 60) });
        fake.failWithRateLimit(6, { afterCalls: 200 + Math.floor(random() * 60) });
      }
    },
    createHost: createPort,
    createPort,
    listItems: () => {
      const map = frame();
      const corner = topLeft(map);
      // Groups are no items a person sees on the board: their members are.
      const records = fake.listRecords();
      const parentOf = new Map(records.map((record) => [record.id, record.parentId]));
      return records.filter((record) => record.type !== 'group').map((record): ItemView => {
        const identity = decodeItemIdentity(record.metadata[IDENTITY_FIELD]);
        const centre = record.type === 'connector' ? undefined : fake.findBoardCentre(record.id);
        return {
          id: record.id,
          key: identity?.key,
          mapId: identity?.map,
          sticky: record.type === 'sticky_note',
          // Connectors have no parent: one is on the map when it joins an item of the map (its points, its cards).
          inMap: record.id === map.id || record.parentId === map.id || (record.type === 'connector' && [record.start?.item, record.end?.item].some((end) => end !== undefined && parentOf.get(end) === map.id)),
          box: centre && record.id !== map.id ? { x: centre.x - record.width / 2 - corner.x, y: centre.y - record.height / 2 - corner.y, width: record.width, height: record.height } : undefined,
          text: record.content === undefined ? '' : convertHtmlToText(record.content),
          ...(record.type === 'connector' ? { ends: { ...(record.start?.item ? { start: record.start.item } : {}), ...(record.end?.item ? { end: record.end.item } : {}) } } : {}),
        };
      });
    },
    // Miro's connector tool: a curved connector snapped to both items.
    connect: (fromId, toId) => fake.seedItem({ type: 'connector', shape: 'curved', start: { item: fromId, snapTo: 'auto' }, end: { item: toId, snapTo: 'auto' }, style: {} }).id,
    typeAsync: async (id, text) => {
      fake.editItem(id, { content: formatTextAsHtml(text) });
    },
    move: (id, x, y) => {
      const record = find(id);
      fake.dragItemByHand(id, toBoardCentre(x, y, record.width, record.height));
    },
    remove: (id) => fake.removeItemByHand(id),
    duplicate: (id, x, y) => {
      const record = find(id);
      return fake.duplicateItemByHand(id, toBoardCentre(x, y, record.width, record.height), { copyMetadata: true }).id;
    },
    addStickyAsync: async (x, y, text) => {
      const map = frame();
      return fake.seedItem({ type: 'sticky_note', parentId: map.id, x: x + MIRO_STICKY.width / 2, y: y + MIRO_STICKY.height / 2, ...MIRO_STICKY, shape: 'square', content: formatTextAsHtml(text), style: { fillColor: 'yellow' } }).id;
    },
    addForeignAsync: async (x, y, text) => {
      const map = frame();
      return fake.seedItem({ type: 'shape', parentId: map.id, shape: 'round_rectangle', x: x + 100, y: y + 50, width: 200, height: 100, content: formatTextAsHtml(text), style: { fillColor: '#ffffff' } }).id;
    },
    groupAsync: async (ids) => fake.groupByHand(ids),
    ungroup: (groupId) => fake.ungroupByHand(groupId),
    recolour: (id) => {
      // Red for urgent; on a sticky of the pains lane, which is red already, black.
      const record = find(id);
      if (record.type !== 'sticky_note') fake.recolourByHand(id, '#ff0000');
      else fake.recolourByHand(id, record.style.fillColor === 'red' ? 'black' : 'red');
    },
    styleText: (id) => {
      const word = findFirstWord(convertHtmlToText(find(id).content ?? ''));
      if (word) fake.styleTextByHand(id, word, { bold: true, link: STYLED_LINK });
    },
    onNextCall: (hook, afterCalls) => fake.betweenCalls(afterCalls, () => hook()),
    dump: (id) => find(id),
    clearWrites: () => fake.resetLog(),
    countWrites: () => fake.listWriteCalls().length,
    measure: () => {
      const writes = fake.listWriteCalls();
      return {
        writes: writes.length,
        reads: fake.calls.length - writes.length,
        // Items written; board storage counts as one, however many parts.
        itemsWritten: new Set(writes.map((call) => (call.method.startsWith('storage.') ? 'storage' : (call.createdId ?? call.target)))).size,
        credits: fake.creditsSpent,
      };
    },
  };
  return driver;
}
