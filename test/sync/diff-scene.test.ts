import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS, MIRO_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import type { Scene, SceneNode } from '../../src/layout/scene';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { diffScene, hashSceneNode } from '../../src/sync/diff-scene';
import type { Op, Snapshot, SnapshotItem } from '../../src/sync/host-port';
import { journeyArbitrary, PROPERTY_SEED } from '../layout/journey-arbitrary';
import { snapshotOfScene } from './scene-snapshot';

const MAP_ID = 'map-k2v9x4test';
const ORIGIN = { x: 1200, y: -340 };

/** What a board that shows `scene` exactly, as map `mapId`, reads back as. */
const snapshotOf = (scene: Scene, mapId = MAP_ID): Snapshot => snapshotOfScene(scene, mapId, ORIGIN);

function createTemplateScene(): Scene {
  return layoutJourney(createOnlineStoreJourney(), { metrics: FIGJAM_METRICS });
}

const opSummary = (op: Op) => (op.type === 'delete' || op.type === 'release' ? `${op.type} ${op.key}` : `${op.type} ${op.node.key}`);

describe('hashSceneNode', () => {
  it('is 8 hex digits, the same for equal nodes and different when anything drawn changes', () => {
    const scene = createTemplateScene();
    const sticky = scene.nodes.find((node) => node.type === 'sticky')!;
    const hash = hashSceneNode(sticky);
    expect(hash).toMatch(/^[0-9a-f]{8}$/);
    expect(hashSceneNode(structuredClone(sticky))).toBe(hash);
    expect(hashSceneNode({ ...sticky, x: sticky.x + 1 })).not.toBe(hash);
    expect(hashSceneNode({ ...sticky, text: `${sticky.text}.` })).not.toBe(hash);
    expect(hashSceneNode({ ...sticky, style: 'sticky-pains' })).not.toBe(hash);
  });
});

describe('diffScene', () => {
  it('creates every node of a new map in scene order, frame first, with its hash', () => {
    const scene = createTemplateScene();
    const plan = diffScene(scene, undefined, MAP_ID);
    expect(plan.mapId).toBe(MAP_ID);
    expect(plan.origin).toBeUndefined();
    expect(plan.ops.map((op) => op.type)).toEqual(scene.nodes.map(() => 'create'));
    expect(plan.ops.map(opSummary)).toEqual(scene.nodes.map((node) => `create ${node.key}`));
    expect(plan.ops[0]).toEqual({ type: 'create', node: scene.nodes[0], hash: hashSceneNode(scene.nodes[0]!) });
    expect(plan.ops[0]?.type === 'create' && plan.ops[0].node.key).toBe('map');
    for (const op of plan.ops) if (op.type === 'create') expect(op.hash).toBe(hashSceneNode(op.node));
  });

  it('creates everything when the snapshot holds no item of this map', () => {
    const scene = createTemplateScene();
    const plan = diffScene(scene, { ...snapshotOf(scene, 'map-other'), mapId: MAP_ID }, MAP_ID);
    expect(plan.ops.map(opSummary)).toEqual(scene.nodes.map((node) => `create ${node.key}`));
  });

  it('does nothing on a board that already shows the scene, and keeps the map where it is', () => {
    const scene = createTemplateScene();
    const plan = diffScene(scene, snapshotOf(scene), MAP_ID);
    expect(plan.ops).toEqual([]);
    expect(plan.origin).toEqual(ORIGIN);
  });

  it('does nothing on a board that already shows any generated journey', () => {
    fc.assert(
      fc.property(journeyArbitrary({ maxEmotionLanes: 1 }), fc.boolean(), (journey, miro) => {
        const scene = layoutJourney(journey, { metrics: miro ? MIRO_METRICS : FIGJAM_METRICS });
        const plan = diffScene(scene, snapshotOf(scene), MAP_ID);
        if (plan.ops.length > 0) throw new Error(`expected no ops, received ${plan.ops.map(opSummary).join(', ')}`);
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });

  it('updates exactly the one node that moved, on the items that show it', () => {
    fc.assert(
      fc.property(journeyArbitrary({ maxEmotionLanes: 1 }), fc.nat(), fc.integer({ min: 1, max: 500 }), (journey, pick, dy) => {
        const scene = layoutJourney(journey, { metrics: FIGJAM_METRICS });
        const snapshot = snapshotOf(scene);
        const index = pick % scene.nodes.length;
        const moved = { ...scene.nodes[index]!, y: scene.nodes[index]!.y + dy } as SceneNode;
        const next: Scene = { ...scene, nodes: scene.nodes.map((node, nodeIndex) => (nodeIndex === index ? moved : node)) };
        const plan = diffScene(next, snapshot, MAP_ID);
        expect(plan.ops).toEqual([{ type: 'update', node: moved, hash: hashSceneNode(moved), itemIds: [`item-${index}`] }]);
      }),
      { seed: PROPERTY_SEED, numRuns: 100 },
    );
  });

  it('puts back an item a person moved or resized, though the journey did not change', () => {
    const scene = createTemplateScene();
    const snapshot = snapshotOf(scene);
    const sticky = snapshot.items.find((item) => item.type === 'sticky')!;
    sticky.x += 30;
    const header = snapshot.items.find((item) => item.type === 'shape')!;
    header.height += 40;
    expect(diffScene(scene, snapshot, MAP_ID).ops.map(opSummary)).toEqual([`update ${header.identity.key}`, `update ${sticky.identity.key}`]);
  });

  it('tells a drag from a reflow by the anchor the host places exactly: text and sticky heights may differ', () => {
    const scene = createTemplateScene();
    const topLeft = snapshotOf(scene);
    for (const item of topLeft.items) if (item.type === 'text' || item.type === 'sticky') item.height += 17;
    expect(diffScene(scene, topLeft, MAP_ID).ops).toEqual([]);
    // A host that places centres (Miro): a taller text keeps its centre, so its top moves up.
    const centred = { ...snapshotOf(scene), anchor: 'centre' as const };
    for (const item of centred.items) {
      if (item.type !== 'text') continue;
      item.height += 20;
      item.y -= 10;
    }
    expect(diffScene(scene, centred, MAP_ID).ops).toEqual([]);
    const text = centred.items.find((item) => item.type === 'text')!;
    text.y += 10;
    expect(diffScene(scene, centred, MAP_ID).ops.map(opSummary)).toEqual([`update ${text.identity.key}`]);
  });

  it('lets people move the whole map, and an emotion line follow its points', () => {
    const scene = createTemplateScene();
    const snapshot = snapshotOf(scene);
    for (const item of snapshot.items) {
      if (item.type === 'frame') Object.assign(item, { width: item.width + 300, height: item.height + 100 });
      if (item.type === 'emotion-line') Object.assign(item, { x: item.x + 5, y: item.y - 12, height: item.height + 24 });
    }
    expect(diffScene(scene, { ...snapshot, origin: { x: ORIGIN.x + 4000, y: ORIGIN.y } }, MAP_ID).ops).toEqual([]);
  });

  it('updates a node whose item was drawn as another type', () => {
    const scene = createTemplateScene();
    const snapshot = snapshotOf(scene);
    const index = scene.nodes.findIndex((node) => node.type === 'sticky');
    snapshot.items[index]!.type = 'shape';
    expect(diffScene(scene, snapshot, MAP_ID).ops.map(opSummary)).toEqual([`update ${scene.nodes[index]!.key}`]);
  });

  it('deletes a node the scene no longer has, with all the items that show it', () => {
    const scene = createTemplateScene();
    const snapshot = snapshotOf(scene);
    const index = scene.nodes.findIndex((node) => node.type === 'sticky');
    const removed = scene.nodes[index]!;
    // The board holds the card twice (e.g. a run interrupted and resumed by an old build).
    snapshot.items.push({ ...snapshot.items[index]!, itemId: 'item-copy' });
    const next: Scene = { ...scene, nodes: scene.nodes.filter((node) => node !== removed) };
    expect(diffScene(next, snapshot, MAP_ID).ops).toEqual([{ type: 'delete', key: removed.key, itemIds: [`item-${index}`, 'item-copy'] }]);
  });

  it('orders creates, then updates, then deletes', () => {
    const scene = createTemplateScene();
    const snapshot = snapshotOf(scene);
    const stickies = scene.nodes.map((node, index) => ({ node, index })).filter(({ node }) => node.type === 'sticky');
    const [gone, moved, added] = [stickies[0]!, stickies[1]!, stickies[2]!];
    snapshot.items = snapshot.items.filter((item) => item.itemId !== `item-${added.index}`);
    const movedNode = { ...moved.node, x: moved.node.x + 5 } as SceneNode;
    const next: Scene = {
      ...scene,
      nodes: scene.nodes.filter((node) => node !== gone.node).map((node) => (node === moved.node ? movedNode : node)),
    };
    expect(diffScene(next, snapshot, MAP_ID).ops.map(opSummary)).toEqual([`create ${added.node.key}`, `update ${moved.node.key}`, `delete ${gone.node.key}`]);
  });

  it('never deletes or updates items of another map', () => {
    const scene = createTemplateScene();
    const other = layoutJourney({ ...createOnlineStoreJourney(), title: 'Another map' }, { metrics: FIGJAM_METRICS });
    const otherItems = snapshotOf(other, 'map-other').items.map((item) => ({ ...item, itemId: `other-${item.itemId}` }));
    const stray: SnapshotItem = { ...otherItems[5]!, itemId: 'other-stray', identity: { map: 'map-other', key: 'card:only-there', hash: '00000000' } };
    const snapshot: Snapshot = { ...snapshotOf(scene), items: [...otherItems, stray, ...snapshotOf(scene).items] };
    const plan = diffScene(scene, snapshot, MAP_ID);
    expect(plan.ops).toEqual([]);
    const emptied = diffScene({ nodes: [scene.nodes[0]!] }, snapshot, MAP_ID);
    for (const op of emptied.ops) {
      expect(op.type).toBe('delete');
      if (op.type !== 'create') expect(op.itemIds.every((id) => id.startsWith('item-'))).toBe(true);
    }
    expect(emptied.ops).toHaveLength(scene.nodes.length - 1);
  });

  it('ignores foreign items inside the frame', () => {
    const scene = createTemplateScene();
    const snapshot = snapshotOf(scene);
    snapshot.foreign.push({ itemId: 'photo', kind: undefined, text: '', x: 100, y: 100, width: 50, height: 50 });
    expect(diffScene({ nodes: [scene.nodes[0]!] }, snapshot, MAP_ID).ops.flatMap((op) => (op.type === 'delete' ? op.itemIds : []))).not.toContain('photo');
  });
});
