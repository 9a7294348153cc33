import type { FakeFigma } from './fake-figma';
import { readFigjamBoard } from './read-figjam-board';
import type { SimulatedBoard } from './simulated-board';

/** `#rrggbb` as channels 0..255; malformed input is black. */
function readHexChannels(hex: string): [number, number, number] {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return match ? [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16), parseInt(match[3] ?? '0', 16)] : [0, 0, 0];
}

/** The colour of `palette` nearest to `hex` (squared RGB distance): a person picks from FigJam's swatches. */
function findNearestColour(hex: string, palette: readonly string[]): string {
  const target = readHexChannels(hex);
  let best = palette[0] ?? hex;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const colour of palette) {
    const distance = readHexChannels(colour).reduce((sum, channel, index) => sum + (channel - (target[index] ?? 0)) ** 2, 0);
    if (distance < bestDistance) {
      best = colour;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The person's side of a fake FigJam page: nodes to draw, and edits made
 * by hand through the fake's unlogged helpers (`editTextByHand`,
 * `moveByHand`, `removeByHand`, `connectByHand`, `createStickyByHand`,
 * `groupByHand`, …), which change nodes the way a person's edit reaches
 * the plugin API: no call logged, plugin data kept, section membership
 * following where a node is dropped, groups kept whole; a person's
 * connector is elbowed, on AUTO magnets. Colours snap to FigJam's swatches: stickies to
 * the light colours and white, shapes to the base and light colours
 * (https://developers.figma.com/docs/plugins/api/ColorPalettes).
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
  const { figJamBase, figJamBaseLight } = fake.api.constants.colors;
  const stickyColours = [...Object.values(figJamBaseLight).filter((hex) => hex !== figJamBaseLight.darkGray), '#FFFFFF'];
  const shapeColours = [...Object.values(figJamBase), ...Object.values(figJamBaseLight)];
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
    connectByHand: (fromId, toId) => {
      const [from, to] = [requireNode(fromId), requireNode(toId)];
      handEdits += 1;
      return fake.connectByHand(from, to).id;
    },
    addStickyByHand: (x, y, text) => {
      handEdits += 1;
      const probe = fake.createStickyByHand(x, y, text);
      // The sticky grows with its text: centre it once its size is known.
      fake.moveByHand(probe, x - probe.width / 2, y - probe.height / 2);
      return probe.id;
    },
    groupByHand: (ids) => {
      const nodes = ids.map(requireNode);
      handEdits += 1;
      return fake.groupByHand(nodes).id;
    },
    ungroupByHand: (groupId) => {
      const group = requireNode(groupId);
      if (group.type !== 'GROUP') throw new Error(`node ${groupId} is a ${group.type}, not a group`);
      handEdits += 1;
      fake.ungroupByHand(group);
    },
    recolourByHand: (id, fill) => {
      const node = requireNode(id);
      handEdits += 1;
      fake.recolourByHand(node, findNearestColour(fill, node.type === 'STICKY' ? stickyColours : shapeColours));
    },
    styleTextByHand: (id, range, style) => {
      const node = requireNode(id);
      handEdits += 1;
      fake.styleTextByHand(node, range, style);
    },
    setViewportByHand: (rect) => fake.setViewportCenterByHand({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }),
  };
}
