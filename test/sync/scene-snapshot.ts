import type { Scene, SceneNode } from '../../src/layout/scene';
import { hashSceneNode } from '../../src/sync/diff-scene';
import type { Snapshot, SnapshotItem } from '../../src/sync/host-port';

/** The text an adapter reads back from an item drawn for `node`. */
export function readBackText(node: SceneNode): string {
  if (node.type === 'shape') return node.text ? `${node.heading}\n${node.text}` : node.heading;
  if (node.type === 'text' || node.type === 'sticky') return node.text;
  if (node.type === 'frame') return node.title;
  return '';
}

/** What an adapter reads back from a board that shows `scene` exactly, as map `mapId` at `origin`. */
export function snapshotOfScene(scene: Scene, mapId: string, origin = { x: 0, y: 0 }): Snapshot {
  const ids = new Map(scene.nodes.map((node, index) => [node.key, `item-${index}`]));
  const items: SnapshotItem[] = scene.nodes.map((node, index) => ({
    itemId: `item-${index}`,
    identity: { map: mapId, key: node.key, hash: hashSceneNode(node) },
    type: node.type,
    text: readBackText(node),
    x: node.x,
    y: node.y,
    width: node.width,
    height: node.height,
    // A link's connector is attached to the stickies of its two cards.
    ...(node.type === 'link' ? { ends: { start: ids.get(node.from) ?? '', end: ids.get(node.to) ?? '' } } : {}),
  }));
  return { mapId, origin, anchor: 'top-left', items, foreign: [] };
}
