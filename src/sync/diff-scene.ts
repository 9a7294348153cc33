import type { SceneNode } from '../layout/scene';
import { hashContent } from './content-hash';
import type { ApplyPlan, Op, Snapshot, SnapshotItem } from './host-port';

/** The hash stored on an item: of everything the node draws, position included. */
export function hashSceneNode(node: SceneNode): string {
  return hashContent(JSON.stringify(node));
}

/**
 * Compares a scene with what the board holds and returns the fewest ops that
 * make the board show the scene: create what is missing, update what differs,
 * delete what the app drew that the scene no longer has. Only items carrying
 * this map's identity are ever deleted; foreign items are never touched.
 * An unchanged board yields no ops.
 */
export function diffScene(scene: { nodes: readonly SceneNode[] }, snapshot: Snapshot | undefined, mapId: string): ApplyPlan {
  const byKey = new Map<string, SnapshotItem[]>();
  for (const item of snapshot?.items ?? []) {
    if (item.identity.map !== mapId) continue;
    const list = byKey.get(item.identity.key);
    if (list) list.push(item);
    else byKey.set(item.identity.key, [item]);
  }
  const creates: Op[] = [];
  const updates: Op[] = [];
  const deletes: Op[] = [];
  const seen = new Set<string>();
  for (const node of scene.nodes) {
    seen.add(node.key);
    const hash = hashSceneNode(node);
    const existing = byKey.get(node.key);
    if (!existing || existing.length === 0) creates.push({ type: 'create', node, hash });
    else if (existing.some((item) => item.identity.hash !== hash || item.type !== node.type)) {
      updates.push({ type: 'update', node, hash, itemIds: existing.map((item) => item.itemId) });
    }
  }
  for (const [key, items] of byKey) {
    if (!seen.has(key)) deletes.push({ type: 'delete', key, itemIds: items.map((item) => item.itemId) });
  }
  const plan: ApplyPlan = { mapId, ops: [...creates, ...updates, ...deletes] };
  if (snapshot) plan.origin = snapshot.origin;
  return plan;
}
