import { MIRO_METRICS, MIRO_STICKY_HEIGHT } from '../layout/host-metrics';
import { countBoldParagraphs, formatHeadingAsHtml, formatTextAsHtml } from '../hosts/miro/miro-html';
import type { FakeMiroBoard } from './fake-miro-board';
import { readMiroBoard } from './read-miro-board';
import type { SimulatedBoard } from './simulated-board';

// A square sticky a person adds in Miro: the size the layout plans for.
const MIRO_STICKY = { width: MIRO_METRICS.stickyWidth, height: MIRO_STICKY_HEIGHT };

/** Plain text as Miro content, keeping the first `boldLines` lines bold (a heading a person typed under). */
function formatEditedHtml(text: string, boldLines: number): string {
  const lines = text.split(/\r\n|\r|\n/);
  return formatHeadingAsHtml(lines.slice(0, boldLines).join('\n'), lines.slice(boldLines).join('\n'));
}

/**
 * The person's side of a fake Miro board: items to draw, and edits made by
 * hand through the fake's own helpers (`editItem`, `dragItemByHand`,
 * `removeItemByHand`, `seedItem` for a sticky or a connector,
 * `groupByHand`, `recolourByHand`, `styleTextByHand`…), which change stored items without an SDK call and
 * keep app metadata, as a person's edit in Miro does.
 */
export function createMiroSimulatedBoard(fake: FakeMiroBoard): SimulatedBoard {
  let handEdits = 0;
  let zoomsSeen = fake.zooms.length;
  const requireRecord = (id: string) => {
    const record = fake.findRecord(id);
    if (!record) throw new Error(`item ${id} is not on the board`);
    return record;
  };
  return {
    rules: 'miro',
    listItems: () => readMiroBoard(fake),
    // A call is logged when it starts and charged when it succeeds: both count.
    // Writes count once they have taken effect: reads, storage and metadata reads change nothing drawn.
    readChangeCount: () => fake.writesDone + handEdits,
    takeZoomRequest: () => {
      if (fake.zooms.length === zoomsSeen) return undefined;
      zoomsSeen = fake.zooms.length;
      return fake.zooms[zoomsSeen - 1];
    },
    listSelectedIds: () => fake.listSelectedIds(),
    selectByHand: (ids) => {
      handEdits += 1;
      fake.selectByHand(ids);
    },
    editTextByHand: (id, text) => {
      const record = requireRecord(id);
      handEdits += 1;
      fake.editItem(id, { content: formatEditedHtml(text, countBoldParagraphs(record.content ?? '')) });
    },
    moveByHand: (id, x, y) => {
      const record = requireRecord(id);
      handEdits += 1;
      if (record.type === 'frame') {
        fake.editItem(id, { x: x + record.width / 2, y: y + record.height / 2 });
        return;
      }
      fake.dragItemByHand(id, { x: x + record.width / 2, y: y + record.height / 2 });
    },
    removeByHand: (id) => {
      requireRecord(id);
      handEdits += 1;
      fake.removeItemByHand(id);
    },
    connectByHand: (fromId, toId) => {
      for (const id of [fromId, toId]) requireRecord(id);
      handEdits += 1;
      // Miro's connector tool: a curved line snapped to the nearest sides.
      return fake.seedItem({ type: 'connector', shape: 'curved', start: { item: fromId, snapTo: 'auto' }, end: { item: toId, snapTo: 'auto' } }).id;
    },
    addStickyByHand: (x, y, text) => {
      handEdits += 1;
      const sticky = fake.seedItem({ type: 'sticky_note', x, y, ...MIRO_STICKY, shape: 'square', content: formatTextAsHtml(text), style: { fillColor: 'light_yellow', textAlign: 'center', textAlignVertical: 'middle' } });
      // Dropped inside a frame, it belongs to that frame, as in Miro.
      return fake.dragItemByHand(sticky.id, { x, y }).id;
    },
    groupByHand: (ids) => {
      const groupId = fake.groupByHand(ids);
      handEdits += 1;
      return groupId;
    },
    ungroupByHand: (groupId) => {
      fake.ungroupByHand(groupId);
      handEdits += 1;
    },
    recolourByHand: (id, fill) => {
      fake.recolourByHand(id, fill);
      handEdits += 1;
    },
    styleTextByHand: (id, range, style) => {
      fake.styleTextByHand(id, range, style);
      handEdits += 1;
    },
    setViewportByHand: (rect) => fake.setViewportByHand(rect),
  };
}
