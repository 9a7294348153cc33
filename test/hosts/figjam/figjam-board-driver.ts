import type { BoardPort } from '../../../src/app/board-port';
import { insertMapAsync } from '../../../src/app/map-runs';
import { createFigjamPort, JOURNEY_FIELD } from '../../../src/hosts/figjam/figjam-host';
import { FIGJAM_METRICS } from '../../../src/layout/host-metrics';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { MAP_ID, type BoardDriver, type ItemView } from '../../sync/regenerate-properties';
import { createFakeFigma } from '../../../src/simulator/fake-figma';

const FONTS = ['Regular', 'Medium', 'Semi Bold', 'Bold'].map((style) => ({ family: 'Inter', style }));

function readEnds(connector: ConnectorNode): { start?: string; end?: string } {
  const id = (end: ConnectorEndpoint) => ('endpointNodeId' in end ? end.endpointNodeId : undefined);
  const [start, end] = [id(connector.connectorStart), id(connector.connectorEnd)];
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

function readText(node: SceneNode): string {
  if (node.type === 'STICKY' || node.type === 'SHAPE_WITH_TEXT' || node.type === 'CONNECTOR') return node.text.characters;
  if (node.type === 'TEXT') return node.characters;
  return '';
}

/**
 * What a person does to a messy, shared board, beyond BoardDriver: the
 * property test of Regenerate uses them where a driver offers them.
 */
export interface MessyBoardDriver {
  /** A person groups items (⌘G); returns the group's id. */
  groupAsync?(ids: string[]): Promise<string>;
  /** A person ungroups a group: its items stay where they are. */
  ungroup?(groupId: string): void;
  /** A person gives a sticky or shape another colour of FigJam's palette. */
  recolour?(id: string): void;
  /** A person bolds the first word of an item's text and links it. */
  styleText?(id: string): void;
  /** Runs `hook` once, as a second person acting, after `afterCalls` further awaited API calls of the app. */
  onNextCall?(hook: () => void | Promise<void>, afterCalls: number): void;
}

// FigJam's light palette, which people pick sticky colours from
// (https://developers.figma.com/docs/plugins/api/ColorPalettes).
const LIGHT_RED = '#FFC7C2';
const LIGHT_VIOLET = '#E4CCFF';

/** `#rrggbb` of a node's first solid fill, upper case; '' when none. */
function readFill(node: SceneNode): string {
  const paints = 'fills' in node && Array.isArray(node.fills) ? (node.fills as Paint[]) : [];
  const paint = paints.find((candidate): candidate is SolidPaint => candidate.type === 'SOLID');
  if (!paint) return '';
  const channel = (value: number) =>
    Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(paint.color.r)}${channel(paint.color.g)}${channel(paint.color.b)}`.toUpperCase();
}

/** FigJam as a person uses it: the fake figma, a section per map. */
export function createFigjamDriver(): BoardDriver & MessyBoardDriver {
  const fake = createFakeFigma({ viewportCenter: { x: 800, y: 400 } });
  const section = (): SectionNode => {
    const found = fake.listNodes().find((node): node is SectionNode => node.type === 'SECTION' && decodeItemIdentity(node.getPluginData(IDENTITY_FIELD))?.map === MAP_ID);
    if (!found) throw new Error('the map section is gone');
    return found;
  };
  const find = (id: string): SceneNode => {
    const node = fake.listNodes().find((candidate) => candidate.id === id);
    if (!node) throw new Error(`no node ${id}`);
    return node;
  };
  const loadFontsAsync = async () => {
    for (const font of FONTS) await fake.api.loadFontAsync(font);
  };
  /** A person puts a node with text into the map's section at (x, y). */
  const addToMapAsync = async (node: StickyNode | ShapeWithTextNode, x: number, y: number, text: string): Promise<string> => {
    await loadFontsAsync();
    section().appendChild(node);
    node.x = x;
    node.y = y;
    node.text.characters = text;
    return node.id;
  };
  /** The adapter as a fresh plugin run makes it: it keeps nothing between runs. */
  const createPort = (): BoardPort => createFigjamPort(fake.api);
  // BoardDriver is moving from `createHost` to `createPort` and from an
  // ApplyReport to an InsertResult: this driver offers both meanwhile.
  /** Whether `node` lies in the map's section, at any depth (groups and a person's sections inside it), and not in a copy of a map inside it. */
  const isInMap = (node: SceneNode, map: SectionNode): boolean => {
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (parent === map) return true;
      if (parent.type === 'SECTION' && decodeItemIdentity(fake.peekPluginData(parent, IDENTITY_FIELD))?.key === 'map') return false;
    }
    return false;
  };
  const driver: BoardDriver & MessyBoardDriver & Partial<Record<'createHost' | 'createPort', () => BoardPort>> = {
    metrics: FIGJAM_METRICS,
    insertAsync: async (journey) => {
      const result = await insertMapAsync(createPort(), journey, MAP_ID);
      return { ...result.report, ...result };
    },
    injectFaults: (rate, random) => fake.failRandomly(rate, random),
    createHost: createPort,
    createPort,
    listItems: () => {
      const map = section();
      const origin = map.absoluteBoundingBox ?? { x: map.x, y: map.y };
      return fake.listNodes().map((node): ItemView => {
        const identity = decodeItemIdentity(node.getPluginData(IDENTITY_FIELD));
        const inMap = node === map || isInMap(node, map);
        const bounds = node.absoluteBoundingBox;
        // A group draws nothing of its own: its members have the boxes.
        const boxed = node !== map && node.type !== 'GROUP' && bounds && (inMap || node.parent === fake.api.currentPage);
        return {
          id: node.id,
          key: identity?.key,
          mapId: identity?.map,
          sticky: node.type === 'STICKY',
          inMap,
          box: boxed ? { x: bounds.x - origin.x, y: bounds.y - origin.y, width: node.width, height: node.height } : undefined,
          text: readText(node),
          ...(node.type === 'CONNECTOR' ? { ends: readEnds(node) } : {}),
        };
      });
    },
    connect: (fromId, toId) => fake.connectByHand(find(fromId), find(toId)).id,
    typeAsync: (id, text) => {
      const node = find(id);
      if (node.type !== 'STICKY' && node.type !== 'SHAPE_WITH_TEXT' && node.type !== 'TEXT') throw new Error(`cannot type on ${node.type}`);
      // As a person types: no font to load, the marks of the words kept stay.
      fake.editTextByHand(node, text);
      return Promise.resolve();
    },
    move: (id, x, y) => {
      // Dropped outside its section, a node leaves it for the page, as in
      // FigJam; a member of a group moves inside its group.
      const map = section();
      const origin = map.absoluteBoundingBox ?? { x: map.x, y: map.y };
      fake.moveByHand(find(id), origin.x + x, origin.y + y);
    },
    remove: (id) => find(id).remove(),
    duplicate: (id, x, y) => fake.duplicate(find(id), { x, y }).id,
    addStickyAsync: (x, y, text) => addToMapAsync(fake.api.createSticky(), x, y, text),
    addForeignAsync: (x, y, text) => addToMapAsync(fake.api.createShapeWithText(), x, y, text),
    dump: (id) => {
      const node = find(id);
      // A group's box follows its members, which the map may move: what it holds is the person's.
      if (node.type === 'GROUP') return { type: node.type, parent: node.parent?.id, children: node.children.map((child) => child.id) };
      return { type: node.type, parent: node.parent?.id, x: node.x, y: node.y, width: node.width, height: node.height, text: readText(node), fill: readFill(node), data: node.getPluginDataKeys().map((key) => [key, node.getPluginData(key)]) };
    },
    groupAsync: (ids) => Promise.resolve(fake.groupByHand(ids.map(find)).id),
    ungroup: (groupId) => {
      const group = find(groupId);
      if (group.type !== 'GROUP') throw new Error(`node ${groupId} is a ${group.type}, not a group`);
      fake.ungroupByHand(group);
    },
    recolour: (id) => {
      const node = find(id);
      fake.recolourByHand(node, readFill(node) === LIGHT_RED ? LIGHT_VIOLET : LIGHT_RED);
    },
    styleText: (id) => {
      const node = find(id);
      const text = readText(node);
      const word = /^\s*\S+/.exec(text)?.[0] ?? '';
      if (word.trim() === '') return;
      fake.styleTextByHand(node, { start: word.length - word.trimStart().length, end: word.length }, { bold: true, link: 'https://example.com/notes' });
    },
    onNextCall: (hook, afterCalls) => {
      let remaining = afterCalls;
      const stop = fake.onAwait(async () => {
        if (remaining > 0) {
          remaining -= 1;
          return;
        }
        stop();
        await hook();
      });
    },
    clearWrites: () => fake.clearCalls(),
    countWrites: () => fake.listWrites().length,
    measure: () => {
      const writes = fake.listWrites();
      return {
        writes: writes.length,
        reads: fake.calls.length - writes.length,
        // Nodes written; the section's stored journey (its head and any parts) counts as its own write.
        itemsWritten: new Set(
          writes
            .filter((call) => call.target !== 'figma')
            .map((call) => (call.method === 'setPluginData' && String(call.args[0]).startsWith(JOURNEY_FIELD) ? 'journey' : call.target.split(' ')[1])),
        ).size,
      };
    },
  };
  return driver;
}

