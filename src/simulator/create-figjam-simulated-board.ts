import type { FakeFigma } from './fake-figma';
import { readFigjamBoard } from './read-figjam-board';
import type { SimulatedBoard } from './simulated-board';

/**
 * The person's side of a fake FigJam page: nodes to draw, and edits made
 * by hand through the fake's unlogged helpers (`editTextByHand`,
 * `moveByHand`, `removeByHand`, `createStickyByHand`), which change nodes
 * the way a person's edit reaches the plugin API: no call logged, plugin
 * data kept, section membership following where a node is dropped.
 */
export function createFigjamSimulatedBoard(fake: FakeFigma): SimulatedBoard {
  let handEdits = 0;
  let callsScanned = 0;
  const requireNode = (id: string): SceneNode => {
    const node = fake.listNodes().find((candidate) => candidate.id === id);
    if (!node) throw new Error(`node ${id} is not on the page`);
    return node;
  };
  let writesScanned = 0;
  let writes = 0;
  return {
    rules: 'figjam',
    listItems: () => readFigjamBoard(fake),
    // Plugin API writes take effect as they are logged, synchronously; reads, messages and storage change nothing drawn.
    readChangeCount: () => {
      for (; writesScanned < fake.calls.length; writesScanned += 1) if (fake.calls[writesScanned]?.kind === 'write') writes += 1;
      return writes + handEdits;
    },
    takeZoomRequest: () => {
      let request: string[] | undefined;
      for (; callsScanned < fake.calls.length; callsScanned += 1) {
        const call = fake.calls[callsScanned];
        if (call?.method === 'scrollAndZoomIntoView' && Array.isArray(call.args[0])) request = (call.args[0] as unknown[]).map(String);
      }
      return request;
    },
    listSelectedIds: () => fake.api.currentPage.selection.filter((node) => !node.removed).map((node) => node.id),
    selectByHand: (ids) => {
      handEdits += 1;
      fake.selectByHand(ids.map(requireNode));
    },
    editTextByHand: (id, text) => {
      const node = requireNode(id);
      handEdits += 1;
      fake.editTextByHand(node, text);
    },
    moveByHand: (id, x, y) => {
      const node = requireNode(id);
      handEdits += 1;
      fake.moveByHand(node, x, y);
    },
    removeByHand: (id) => {
      const node = requireNode(id);
      handEdits += 1;
      fake.removeByHand(node);
    },
    addStickyByHand: (x, y, text) => {
      handEdits += 1;
      const probe = fake.createStickyByHand(x, y, text);
      // The sticky grows with its text: centre it once its size is known.
      fake.moveByHand(probe, x - probe.width / 2, y - probe.height / 2);
      return probe.id;
    },
    setViewportByHand: (rect) => fake.setViewportCenterByHand({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }),
  };
}
