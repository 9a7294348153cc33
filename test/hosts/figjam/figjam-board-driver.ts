import type { BoardPort } from '../../../src/app/board-port';
import { insertMapAsync } from '../../../src/app/map-runs';
import { createFigjamPort, JOURNEY_FIELD } from '../../../src/hosts/figjam/figjam-host';
import { FIGJAM_METRICS } from '../../../src/layout/host-metrics';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { MAP_ID, type BoardDriver, type ItemView } from '../../sync/regenerate-properties';
import { createFakeFigma } from '../../../src/simulator/fake-figma';

const FONTS = ['Regular', 'Medium', 'Semi Bold', 'Bold'].map((style) => ({ family: 'Inter', style }));

function readText(node: SceneNode): string {
  if (node.type === 'STICKY' || node.type === 'SHAPE_WITH_TEXT') return node.text.characters;
  if (node.type === 'TEXT') return node.characters;
  return '';
}

/** FigJam as a person uses it: the fake figma, a section per map. */
export function createFigjamDriver(): BoardDriver {
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
  const driver: BoardDriver & Partial<Record<'createHost' | 'createPort', () => BoardPort>> = {
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
      return fake.listNodes().map((node): ItemView => {
        const identity = decodeItemIdentity(node.getPluginData(IDENTITY_FIELD));
        return {
          id: node.id,
          key: identity?.key,
          mapId: identity?.map,
          sticky: node.type === 'STICKY',
          inMap: node === map || node.parent === map,
          box:
            node.parent === map
              ? { x: node.x, y: node.y, width: node.width, height: node.height }
              : node.parent === fake.api.currentPage && node !== map
                ? { x: node.x - map.x, y: node.y - map.y, width: node.width, height: node.height }
                : undefined,
          text: readText(node),
        };
      });
    },
    typeAsync: async (id, text) => {
      await loadFontsAsync();
      const node = find(id);
      if (node.type === 'STICKY' || node.type === 'SHAPE_WITH_TEXT') node.text.characters = text;
      else if (node.type === 'TEXT') node.characters = text;
      else throw new Error(`cannot type on ${node.type}`);
    },
    move: (id, x, y) => {
      // Dropped outside its section, a node leaves it for the page, as in FigJam.
      const node = find(id);
      const map = section();
      const centre = { x: x + node.width / 2, y: y + node.height / 2 };
      const outside = centre.x < 0 || centre.y < 0 || centre.x > map.width || centre.y > map.height;
      if (outside && node.parent === map) fake.api.currentPage.appendChild(node);
      if (!outside && node.parent !== map) map.appendChild(node);
      node.x = node.parent === map ? x : map.x + x;
      node.y = node.parent === map ? y : map.y + y;
    },
    remove: (id) => find(id).remove(),
    duplicate: (id, x, y) => fake.duplicate(find(id), { x, y }).id,
    addStickyAsync: (x, y, text) => addToMapAsync(fake.api.createSticky(), x, y, text),
    addForeignAsync: (x, y, text) => addToMapAsync(fake.api.createShapeWithText(), x, y, text),
    dump: (id) => {
      const node = find(id);
      return { type: node.type, parent: node.parent?.id, x: node.x, y: node.y, width: node.width, height: node.height, text: readText(node), data: node.getPluginDataKeys().map((key) => [key, node.getPluginData(key)]) };
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

