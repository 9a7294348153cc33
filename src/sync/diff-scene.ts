import type { SceneNode } from '../layout/scene';
import { hashContent } from './content-hash';
import type { ApplyPlan, Op, Snapshot, SnapshotItem } from './host-port';

/** The hash stored on an item: of everything the node draws, position included. */
export function hashSceneNode(node: SceneNode): string {
  return hashContent(JSON.stringify(node));
}

// Board units an item may sit off its place before it is put back.
const PLACE_TOLERANCE = 0.5;

/**
 * Whether a person moved or resized the item off the place the scene gives
 * it. Compared: the host's exact anchor point, the width, and the height of
 * shapes (text and sticky heights follow their content on the hosts). The
 * map's frame may be moved freely, and an emotion line follows its points.
 */
function isDisplaced(node: SceneNode, item: SnapshotItem, anchor: Snapshot['anchor']): boolean {
  if (node.type === 'frame' || node.type === 'emotion-line') return false;
  const off = (a: number, b: number) => Math.abs(a - b) > PLACE_TOLERANCE;
  const centred = anchor === 'centre';
  if (off(centred ? node.x + node.width / 2 : node.x, centred ? item.x + item.width / 2 : item.x)) return true;
  if (off(centred ? node.y + node.height / 2 : node.y, centred ? item.y + item.height / 2 : item.y)) return true;
  if (off(node.width, item.width)) return true;
  return (node.type === 'shape' || node.type === 'emotion-point') && off(node.height, item.height);
}

/**
 * Compares a scene with what the board holds and returns the fewest ops that
 * make the board show the scene: create what is missing, update what differs
 * (in what the app drew, or moved off its place by a person),
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
    else if (existing.some((item) => item.identity.hash !== hash || item.type !== node.type || isDisplaced(node, item, snapshot?.anchor ?? 'top-left'))) {
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
