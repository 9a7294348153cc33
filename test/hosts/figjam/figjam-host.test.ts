import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardPort, MapTarget } from '../../../src/app/board-port';
import { insertMapAsync, readMapSnapshotAsync, runOnBoardAsync } from '../../../src/app/map-runs';
import { createFigjamPort, findNearestStickyColour } from '../../../src/hosts/figjam/figjam-host';
import { convertPathToVectorData } from '../../../src/hosts/figjam/figjam-vector-path';
import { FIGJAM_METRICS } from '../../../src/layout/host-metrics';
import { layoutJourney } from '../../../src/layout/layout-journey';
import type { Scene, SceneNode as MapNode } from '../../../src/layout/scene';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { diffScene } from '../../../src/sync/diff-scene';
import type { ApplyPlan, ApplyProgress, ApplyReport, Snapshot } from '../../../src/sync/host-port';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { createFakeFigma, readFontAt, type FakeFigma } from '../../../src/simulator/fake-figma';

const MAP_ID = 'map-test000001';
const OTHER_MAP_ID = 'map-other00002';

/** A small scene with one node of every type. */
function createSmallScene(): Scene {
  const nodes: MapNode[] = [
    { type: 'frame', key: 'map', x: 0, y: 0, width: 1200, height: 800, title: 'Small map', style: 'map' },
    { type: 'text', key: 'title', x: 40, y: 40, width: 600, height: 60, text: 'Small map', style: 'title', fontSize: 48, align: 'left', bold: true },
    { type: 'shape', key: 'stage:search', x: 40, y: 120, width: 300, height: 100, shape: 'round-rectangle', heading: 'Search', text: 'Looks around', style: 'stage-header', fontSize: 24, align: 'center' },
    { type: 'sticky', key: 'card:c1', x: 40, y: 240, width: 240, height: 240, text: 'Compares prices', style: 'sticky-actions' },
    { type: 'sticky', key: 'card:c2', x: 300, y: 240, width: 240, height: 240, text: 'Reads reviews', style: 'sticky-pains' },
    { type: 'emotion-point', key: 'emotion:anna:search', x: 100, y: 600, width: 80, height: 80, persona: 'persona:anna', line: 'as-is', stage: 'stage:search', score: 1, face: '🙂', style: 'persona-1' },
    { type: 'emotion-point', key: 'emotion:anna:order', x: 500, y: 520, width: 80, height: 80, persona: 'persona:anna', line: 'as-is', stage: 'stage:order', score: 2, face: '😀', style: 'persona-1' },
    {
      type: 'emotion-line',
      key: 'emotion-line:anna',
      x: 140,
      y: 560,
      width: 400,
      height: 80,
      persona: 'persona:anna',
      line: 'as-is',
      points: [
        { x: 140, y: 640 },
        { x: 540, y: 560 },
      ],
      pointKeys: ['emotion:anna:search', 'emotion:anna:order'],
      path: [
        { op: 'M', x: 140, y: 640 },
        { op: 'C', x1: 273.33, y1: 640, x2: 406.67, y2: 560, x: 540, y: 560 },
      ],
      style: 'persona-1',
    },
  ];
  return { width: 1200, height: 800, nodes };
}

function createTemplateScene(): Scene {
  return layoutJourney(createOnlineStoreJourney(), { metrics: FIGJAM_METRICS });
}

/** Applies `plan` to the map at `target` as one run of its own (so one undo step when it writes). */
function applyInRunAsync(port: BoardPort, target: MapTarget, plan: ApplyPlan, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport> {
  return runOnBoardAsync(port, (run) => run.applyAsync(target, plan, onProgress));
}

/** Reads the map at `target` back, in a run of its own. */
function readAsync(port: BoardPort, target: MapTarget): Promise<Snapshot | undefined> {
  return runOnBoardAsync(port, (run) => run.readMapAsync(target));
}

/** Draws `scene` as a new map `mapId` on the page; returns the port, where the map now is, and the report. */
async function drawAsync(fake: FakeFigma, scene: Scene, mapId = MAP_ID) {
  const port = createFigjamPort(fake.api);
  const report = await applyInRunAsync(port, { mapId, containerId: undefined }, diffScene(scene, undefined, mapId));
  const target: MapTarget = { mapId, containerId: report.containerId };
  return { port, target, report };
}

function findSection(fake: FakeFigma, mapId = MAP_ID): SectionNode {
  const section = fake.listNodes().find((node) => node.type === 'SECTION' && decodeItemIdentity(node.getPluginData(IDENTITY_FIELD))?.map === mapId);
  if (!section || section.type !== 'SECTION') throw new Error(`no section of ${mapId} on the fake page`);
  return section;
}

function countByKey(fake: FakeFigma, mapId = MAP_ID): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of fake.listNodes()) {
    const identity = decodeItemIdentity(node.getPluginData(IDENTITY_FIELD));
    if (identity?.map === mapId) counts.set(identity.key, (counts.get(identity.key) ?? 0) + 1);
  }
  return counts;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createFigjamPort: drawing a new map', () => {
  it('draws every scene node once, centred on the viewport, as one undo step', async () => {
    const fake = createFakeFigma({ viewportCenter: { x: 1000, y: 500 } });
    const scene = createTemplateScene();
    const { report, containerId } = await insertMapAsync(createFigjamPort(fake.api), createOnlineStoreJourney(), MAP_ID);

    expect(report.failed).toEqual([]);
    expect(report.created).toBe(scene.nodes.length);
    expect(report.origin).toEqual({ x: Math.round(1000 - scene.width / 2), y: Math.round(500 - scene.height / 2) });
    const section = findSection(fake);
    expect({ x: section.x, y: section.y, width: section.width, height: section.height }).toEqual({ ...report.origin, width: scene.width, height: scene.height });
    expect(section.name).toBe(createOnlineStoreJourney().title);
    expect(section.children).toHaveLength(scene.nodes.length - 1);
    expect(containerId).toBe(section.id);
    expect(report.containerId).toBe(section.id);
    expect(fake.calls.filter((call) => call.method === 'commitUndo')).toHaveLength(1);
    expect(fake.listWrites().at(-1)?.method).toBe('commitUndo');
  });

  it('gives every node a valid identity of the map and nothing else on the page', async () => {
    const fake = createFakeFigma();
    const scene = createTemplateScene();
    await drawAsync(fake, scene);

    const keys = fake.listNodes().map((node) => {
      const identity = decodeItemIdentity(node.getPluginData(IDENTITY_FIELD));
      expect(identity, `${node.type} ${node.id} has pluginData ${JSON.stringify(node.getPluginData(IDENTITY_FIELD))}`).toBeDefined();
      expect(identity?.map).toBe(MAP_ID);
      return identity?.key;
    });
    expect(keys.sort()).toEqual(scene.nodes.map((node) => node.key).sort());
  });

  it('puts every child inside the section at its scene position, relative to the section', async () => {
    const fake = createFakeFigma({ viewportCenter: { x: 5000, y: -3000 } });
    const scene = createSmallScene();
    await drawAsync(fake, scene);
    const section = findSection(fake);

    for (const node of scene.nodes.filter((item) => item.type !== 'frame' && item.type !== 'emotion-line')) {
      const child = section.children.find((item) => decodeItemIdentity(item.getPluginData(IDENTITY_FIELD))?.key === node.key);
      expect(child, node.key).toBeDefined();
      expect({ x: child?.x, y: child?.y }).toEqual({ x: node.x, y: node.y });
      expect(child?.parent).toBe(section);
    }
  });

  it('draws stickies 240 wide with FigJam colours, text and no author', async () => {
    const fake = createFakeFigma();
    await drawAsync(fake, createTemplateScene());
    const stickies = fake.listNodes().filter((node): node is StickyNode => node.type === 'STICKY');

    expect(stickies.length).toBeGreaterThan(50);
    for (const sticky of stickies) {
      expect(sticky.width).toBe(240);
      expect(sticky.height).toBeGreaterThanOrEqual(240);
      expect(sticky.authorVisible).toBe(false);
      expect(sticky.text.characters.length).toBeGreaterThan(0);
    }
    const card = stickies.find((sticky) => sticky.name === 'card:c1') ?? stickies[0];
    expect(card?.fills).toHaveLength(1);
  });

  it('loads each font once, before the first node is drawn', async () => {
    const fake = createFakeFigma();
    const { report } = await drawAsync(fake, createTemplateScene());

    expect(report.failed).toEqual([]);
    const fontCalls = fake.calls.filter((call) => call.method === 'loadFontAsync').map((call) => call.args[0]);
    expect(fontCalls).toEqual([
      { family: 'Inter', style: 'Regular' },
      { family: 'Inter', style: 'Bold' },
      { family: 'Inter', style: 'Medium' },
    ]);
    const lastFontCall = fake.calls.map((call) => call.method).lastIndexOf('loadFontAsync');
    const firstCreate = fake.calls.findIndex((call) => call.method.startsWith('create'));
    expect(lastFontCall).toBeLessThan(firstCreate);
  });

  it('writes shape headings bold above regular text', async () => {
    const fake = createFakeFigma();
    await drawAsync(fake, createSmallScene());
    const shape = fake.listNodes().find((node): node is ShapeWithTextNode => node.type === 'SHAPE_WITH_TEXT' && node.name === 'stage:search');

    expect(shape?.shapeType).toBe('ROUNDED_RECTANGLE');
    expect(shape?.text.characters).toBe('Search\nLooks around');
    expect(shape && readFontAt(shape.text, 0)).toEqual({ family: 'Inter', style: 'Bold' });
    expect(shape && readFontAt(shape.text, 'Search\n'.length)).toEqual({ family: 'Inter', style: 'Regular' });
    expect({ width: shape?.width, height: shape?.height, fontSize: shape?.text.fontSize }).toEqual({ width: 300, height: 100, fontSize: 24 });
  });

  it('draws text with a fixed width that grows in height', async () => {
    const fake = createFakeFigma();
    await drawAsync(fake, createSmallScene());
    const title = fake.listNodes().find((node): node is TextNode => node.type === 'TEXT');

    expect(title?.characters).toBe('Small map');
    expect(title?.fontName).toEqual({ family: 'Inter', style: 'Bold' });
    expect(title?.textAutoResize).toBe('HEIGHT');
    expect(title?.width).toBe(600);
  });

  it('draws emotion points as white ellipses with a face and a coloured ring', async () => {
    const fake = createFakeFigma();
    await drawAsync(fake, createSmallScene());
    const point = fake.listNodes().find((node): node is ShapeWithTextNode => node.type === 'SHAPE_WITH_TEXT' && node.shapeType === 'ELLIPSE');

    expect(point?.text.characters).toBe('🙂');
    expect(point?.fills).toEqual([{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }]);
    expect(point?.strokes).toHaveLength(1);
  });

  it('draws the emotion line as one vector of absolute commands placed at its bounding box', async () => {
    const fake = createFakeFigma();
    const scene = createTemplateScene();
    await drawAsync(fake, scene);
    const vectors = fake.listNodes().filter((node): node is VectorNode => node.type === 'VECTOR');
    const line = scene.nodes.find((node) => node.type === 'emotion-line');

    expect(vectors).toHaveLength(scene.nodes.filter((node) => node.type === 'emotion-line').length);
    const vector = vectors[0];
    expect(vector?.vectorPaths).toHaveLength(1);
    expect(vector?.vectorPaths[0]?.data).toMatch(/^M -?[\d.]+ -?[\d.]+( (L( -?[\d.]+){2}|C( -?[\d.]+){6}|Z))*$/);
    expect(vector?.strokeWeight).toBe(6);
    expect(vector?.strokeCap).toBe('ROUND');
    expect(vector?.fills).toEqual([]);
    expect(line && vector && vector.x).toBeLessThanOrEqual(line?.x ?? Number.NaN);
    expect(vector && vector.x + vector.width).toBeGreaterThanOrEqual((line?.x ?? 0) + (line?.width ?? 0) - 0.01);
  });

  it('reports progress after every op and yields to the editor every 50 ops', async () => {
    const fake = createFakeFigma();
    const scene = createTemplateScene();
    const progress: ApplyProgress[] = [];
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const port = createFigjamPort(fake.api);
    await applyInRunAsync(port, { mapId: MAP_ID, containerId: undefined }, diffScene(scene, undefined, MAP_ID), (step) => progress.push(step));

    expect(progress).toHaveLength(scene.nodes.length);
    expect(progress.map((step) => step.done)).toEqual(scene.nodes.map((_, index) => index + 1));
    expect(progress.every((step) => step.total === scene.nodes.length)).toBe(true);
    expect(setTimeoutSpy).toHaveBeenCalledTimes(Math.floor((scene.nodes.length - 1) / 50));
  });
});

describe('createFigjamPort: failures', () => {
  it('reports a failed create and completes the map without duplicates on the next run', async () => {
    const fake = createFakeFigma();
    const scene = createTemplateScene();
    // Twice: the op and its one retry.
    fake.failOn('create', 40);
    fake.failOn('create', 40);
    const { port, target, report } = await drawAsync(fake, scene);

    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.reason).toMatch(/^create failed: Simulated failure of create/);
    expect(report.created).toBe(scene.nodes.length - 1);

    const snapshot = await readAsync(port, target);
    const plan = diffScene(scene, snapshot, MAP_ID);
    expect(plan.ops.map((op) => op.type)).toEqual(['create']);
    expect(plan.ops[0]?.type === 'create' && plan.ops[0].node.key).toBe(report.failed[0]?.key);

    const second = await applyInRunAsync(port, target, plan);
    expect(second).toMatchObject({ created: 1, updated: 0, deleted: 0, failed: [] });
    const counts = countByKey(fake);
    expect(counts.size).toBe(scene.nodes.length);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it('removes a node that failed half-way so no unmarked copy stays on the board', async () => {
    const fake = createFakeFigma();
    const scene = createSmallScene();
    // Twice: the op and its one retry.
    fake.failOn('set:characters', 2);
    fake.failOn('set:characters', 2);
    const { report } = await drawAsync(fake, scene);

    expect(report.failed).toHaveLength(1);
    expect(fake.listNodes()).toHaveLength(scene.nodes.length - 1);
    expect(fake.listNodes().every((node) => decodeItemIdentity(node.getPluginData(IDENTITY_FIELD)) !== undefined)).toBe(true);
  });

  it('fails every child with a reason when the section could not be created', async () => {
    const fake = createFakeFigma();
    const scene = createSmallScene();
    // Twice: the op and its one retry.
    fake.failOn('createSection');
    fake.failOn('createSection');
    const { report } = await drawAsync(fake, scene);

    expect(report.created).toBe(0);
    expect(report.containerId).toBeUndefined();
    expect(report.failed).toHaveLength(scene.nodes.length);
    expect(report.failed[1]?.reason).toMatch(/map section is missing/);
    expect(fake.listNodes()).toHaveLength(0);
  });

  it('names the font when fonts cannot be loaded', async () => {
    const fake = createFakeFigma({ availableFonts: ['Inter Regular', 'Inter Bold'] });
    const { report } = await drawAsync(fake, createSmallScene());

    const stickyFailures = report.failed.filter((failure) => failure.key.startsWith('card:'));
    expect(stickyFailures).toHaveLength(2);
    expect(stickyFailures[0]?.reason).toMatch(/unloaded font "Inter Medium".*could not be loaded/);
  });
});

describe('createFigjamPort: reading back and regenerating', () => {
  it('writes nothing when the board already shows the scene', async () => {
    const fake = createFakeFigma();
    const scene = createTemplateScene();
    const { port, target } = await drawAsync(fake, scene);
    fake.clearCalls();

    const { plan, report } = await runOnBoardAsync(port, async (run) => {
      const read = diffScene(scene, await run.readMapAsync(target), MAP_ID);
      return { plan: read, report: await run.applyAsync(target, read) };
    });

    expect(plan.ops).toEqual([]);
    expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [] });
    expect(fake.listWrites()).toEqual([]);
  });

  it('reads items relative to the section, with their text', async () => {
    const fake = createFakeFigma({ viewportCenter: { x: 333, y: 777 } });
    const scene = createSmallScene();
    const { port, target, report } = await drawAsync(fake, scene);
    const snapshot = await readAsync(port, target);

    expect(snapshot?.origin).toEqual(report.origin);
    expect(snapshot?.foreign).toEqual([]);
    const byKey = new Map(snapshot?.items.map((item) => [item.identity.key, item]));
    expect(byKey.get('map')).toMatchObject({ type: 'frame', x: 0, y: 0, width: 1200, height: 800, text: 'Small map' });
    expect(byKey.get('card:c1')).toMatchObject({ type: 'sticky', x: 40, y: 240, width: 240, text: 'Compares prices' });
    expect(byKey.get('stage:search')).toMatchObject({ type: 'shape', text: 'Search\nLooks around' });
    expect(byKey.get('emotion:anna:search')).toMatchObject({ type: 'emotion-point', x: 100, y: 600 });
    expect(byKey.get('emotion-line:anna')).toMatchObject({ type: 'emotion-line' });
    expect(snapshot?.items).toHaveLength(scene.nodes.length);
  });

  it('returns undefined for a map that is not on the page', async () => {
    const fake = createFakeFigma();
    const { target } = await drawAsync(fake, createSmallScene());
    const port = createFigjamPort(fake.api);

    await expect(readMapSnapshotAsync(port, OTHER_MAP_ID)).resolves.toBeUndefined();
    // Neither is a section that carries another map's id, nor a map not drawn yet.
    await expect(readAsync(port, { mapId: OTHER_MAP_ID, containerId: target.containerId })).resolves.toBeUndefined();
    await expect(readAsync(port, { mapId: MAP_ID, containerId: undefined })).resolves.toBeUndefined();
  });

  it('reports a sticky added by hand as foreign and never deletes it', async () => {
    const fake = createFakeFigma();
    const scene = createSmallScene();
    const { port, target } = await drawAsync(fake, scene);
    const section = findSection(fake);
    const handSticky = fake.api.createSticky();
    section.appendChild(handSticky);
    handSticky.x = 700;
    handSticky.y = 300;
    await fake.api.loadFontAsync(handSticky.text.fontName as FontName);
    handSticky.text.characters = 'Added in the workshop';
    const damaged = fake.api.createSticky();
    section.appendChild(damaged);
    damaged.setPluginData(IDENTITY_FIELD, '{"m":"map-test000001","k":');

    const snapshot = await readAsync(port, target);
    expect(snapshot?.foreign).toEqual([
      { itemId: handSticky.id, kind: 'sticky', text: 'Added in the workshop', x: 700, y: 300, width: 240, height: 240 },
      expect.objectContaining({ itemId: damaged.id, kind: 'sticky' }),
    ]);
    expect(snapshot?.items.some((item) => item.itemId === handSticky.id || item.itemId === damaged.id)).toBe(false);

    const smaller = { ...scene, nodes: scene.nodes.filter((node) => node.type !== 'sticky') };
    const plan = diffScene(smaller, snapshot, MAP_ID);
    expect(plan.ops.map((op) => op.type)).toEqual(['delete', 'delete']);
    const report = await applyInRunAsync(port, target, plan);

    expect(report).toMatchObject({ deleted: 2, failed: [] });
    expect(handSticky.removed).toBe(false);
    expect(damaged.removed).toBe(false);
    expect(section.children).toContain(handSticky);
  });

  it('keeps hand-made items on the page, where they were, when the whole map is deleted', async () => {
    const fake = createFakeFigma({ viewportCenter: { x: 900, y: 900 } });
    const scene = createSmallScene();
    const { port, target } = await drawAsync(fake, scene);
    const section = findSection(fake);
    const handSticky = fake.api.createSticky();
    section.appendChild(handSticky);
    handSticky.x = 700;
    handSticky.y = 300;
    const absolute = { x: section.x + 700, y: section.y + 300 };

    const report = await applyInRunAsync(port, target, diffScene({ ...scene, nodes: [] }, await readAsync(port, target), MAP_ID));

    expect(report).toMatchObject({ deleted: scene.nodes.length, failed: [] });
    expect(section.removed).toBe(true);
    expect(fake.listNodes()).toEqual([handSticky]);
    expect(handSticky.parent).toBe(fake.api.currentPage);
    expect({ x: handSticky.x, y: handSticky.y }).toEqual(absolute);
  });

  it('still knows an item dragged out of the section, so drawing again puts it back instead of drawing it twice', async () => {
    const fake = createFakeFigma({ viewportCenter: { x: 400, y: 400 } });
    const scene = createSmallScene();
    const { port, target } = await drawAsync(fake, scene);
    const section = findSection(fake);
    const sticky = section.children.find((child) => child.name === 'card:c1') as StickyNode;
    fake.api.currentPage.appendChild(sticky);
    sticky.x = section.x - 500;
    sticky.y = section.y + 10;

    const snapshot = await readAsync(port, target);
    expect(snapshot?.items.find((item) => item.itemId === sticky.id)).toMatchObject({ x: -500, y: 10 });
    const ops = diffScene(scene, snapshot, MAP_ID).ops;
    expect(ops.map((op) => (op.type === 'update' ? `${op.type} ${op.node.key} ${op.itemIds.join(',')}` : op.type))).toEqual([`update card:c1 ${sticky.id}`]);
    await applyInRunAsync(port, target, { mapId: MAP_ID, ops });
    expect(sticky.parent).toBe(section);
    expect({ x: sticky.x, y: sticky.y }).toEqual({ x: scene.nodes.find((node) => node.key === 'card:c1')?.x, y: scene.nodes.find((node) => node.key === 'card:c1')?.y });
  });

  it('leaves a duplicated copy of the map alone when regenerating the original', async () => {
    const fake = createFakeFigma();
    const scene = createSmallScene();
    const { port, target } = await drawAsync(fake, scene);
    const section = findSection(fake);
    // A copy of the map that kept the pluginData of the original.
    const copy = fake.api.createSection();
    copy.x = section.x + 2000;
    copy.setPluginData(IDENTITY_FIELD, section.getPluginData(IDENTITY_FIELD));
    const copiedSticky = fake.api.createSticky();
    copy.appendChild(copiedSticky);
    const original = section.children.find((child) => child.name === 'card:c1');
    copiedSticky.setPluginData(IDENTITY_FIELD, original?.getPluginData(IDENTITY_FIELD) ?? '');

    const snapshot = await readAsync(port, target);
    expect(snapshot?.items.map((item) => item.itemId).sort()).toEqual(fake.listNodes().filter((node) => node.parent === section || node === section).map((node) => node.id).sort());
    const plan = diffScene({ ...scene, nodes: scene.nodes.filter((node) => node.key !== 'card:c1') }, snapshot, MAP_ID);
    await applyInRunAsync(port, target, plan);

    expect(original?.removed).toBe(true);
    expect(copy.removed).toBe(false);
    expect(copiedSticky.removed).toBe(false);
  });

  it('updates changed items in place and replaces an item whose type changed', async () => {
    const fake = createFakeFigma();
    const scene = createSmallScene();
    const { port, target } = await drawAsync(fake, scene);
    const before = new Map(fake.listNodes().map((node) => [node.name, node.id]));

    const edited: Scene = {
      ...scene,
      nodes: scene.nodes.map((node): MapNode => {
        if (node.key === 'card:c1' && node.type === 'sticky') return { ...node, text: 'Compares prices on two sites', x: 60 };
        if (node.key === 'card:c2' && node.type === 'sticky') {
          return { type: 'text', key: node.key, x: node.x, y: node.y, width: 240, height: 40, text: 'Now a note', style: 'emotion-note', fontSize: 20, align: 'left', bold: false };
        }
        return node;
      }),
    };
    fake.clearCalls();
    const plan = diffScene(edited, await readAsync(port, target), MAP_ID);
    expect(plan.ops.map((op) => op.type)).toEqual(['update', 'update']);
    const report = await applyInRunAsync(port, target, plan);

    expect(report).toMatchObject({ created: 0, updated: 2, deleted: 0, failed: [] });
    const c1 = fake.listNodes().find((node): node is StickyNode => node.name === 'card:c1');
    expect(c1?.id).toBe(before.get('card:c1'));
    expect(c1?.text.characters).toBe('Compares prices on two sites');
    expect(c1?.x).toBe(60);
    const c2 = fake.listNodes().filter((node) => node.name === 'card:c2');
    expect(c2.map((node) => node.type)).toEqual(['TEXT']);
    expect(c2[0]?.id).not.toBe(before.get('card:c2'));
    expect(fake.calls.filter((call) => call.method.startsWith('create')).map((call) => call.method)).toEqual(['createText']);

    const again = diffScene(edited, await readAsync(port, target), MAP_ID);
    expect(again.ops).toEqual([]);
  });

  it('deletes only items of its own map', async () => {
    const fake = createFakeFigma();
    const scene = createSmallScene();
    await drawAsync(fake, scene, OTHER_MAP_ID);
    const { port, target } = await drawAsync(fake, scene, MAP_ID);
    const otherIds = fake.listNodes().filter((node) => decodeItemIdentity(node.getPluginData(IDENTITY_FIELD))?.map === OTHER_MAP_ID).map((node) => node.id);

    const report = await applyInRunAsync(port, target, { mapId: MAP_ID, ops: [{ type: 'delete', key: 'card:c1', itemIds: otherIds }] });

    expect(report.deleted).toBe(1);
    expect(fake.listNodes().filter((node) => otherIds.includes(node.id))).toHaveLength(otherIds.length);
  });

  it('never calls the synchronous getNodeById that dynamic-page forbids', async () => {
    const fake = createFakeFigma();
    const scene = createSmallScene();
    const { port, target } = await drawAsync(fake, scene);
    await applyInRunAsync(port, target, diffScene({ ...scene, nodes: scene.nodes.slice(0, 3) }, await readAsync(port, target), MAP_ID));

    expect(fake.calls.some((call) => call.method === 'getNodeByIdAsync')).toBe(true);
    expect(fake.calls.some((call) => call.method === 'getNodeById')).toBe(false);
  });

  it('focuses the map: scrolls to the section and selects it', async () => {
    const fake = createFakeFigma();
    const { port, target } = await drawAsync(fake, createSmallScene());
    await port.focusMapAsync(target);

    const section = findSection(fake);
    expect(fake.calls.find((call) => call.method === 'scrollAndZoomIntoView')?.args).toEqual([[section.id]]);
    expect(fake.api.currentPage.selection).toEqual([section]);
  });

  it('inserts the template again with insertMapAsync: the second run writes nothing', async () => {
    const fake = createFakeFigma();
    const first = (await insertMapAsync(createFigjamPort(fake.api), createOnlineStoreJourney(), MAP_ID)).report;
    fake.clearCalls();
    // A fresh port, as a second plugin run makes it: nothing is remembered between runs.
    const second = (await insertMapAsync(createFigjamPort(fake.api), createOnlineStoreJourney(), MAP_ID)).report;

    expect(first.failed).toEqual([]);
    expect(first.created).toBeGreaterThan(100);
    expect(second).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [], origin: first.origin });
    expect(fake.listWrites()).toEqual([]);
  });
});

describe('convertPathToVectorData', () => {
  it('moves the path to its bounding box and writes absolute commands', () => {
    expect(
      convertPathToVectorData([
        { op: 'M', x: 100, y: 50 },
        { op: 'C', x1: 110, y1: 40, x2: 120.006, y2: 60, x: 130, y: 55 },
        { op: 'L', x: 140, y: 70 },
        { op: 'Z' },
      ]),
    ).toEqual({ origin: { x: 100, y: 40 }, data: 'M 0 10 C 10 0 20.01 20 30 15 L 40 30 Z' });
  });

  it('returns undefined for an empty or broken path', () => {
    expect(convertPathToVectorData([])).toBeUndefined();
    expect(convertPathToVectorData([{ op: 'M', x: Number.NaN, y: 0 }])).toBeUndefined();
  });
});

describe('findNearestStickyColour', () => {
  it('maps palette fills to the nearest FigJam sticky colour', () => {
    expect(findNearestStickyColour('#b5d8ff')).toBe('#BDE3FF');
    expect(findNearestStickyColour('#fff1a8')).toBe('#FFE8A3');
    expect(findNearestStickyColour('#c3ecb2')).toBe('#AFF4C6');
    expect(findNearestStickyColour('#e6e6e6')).toBe('#E6E6E6');
  });
});
