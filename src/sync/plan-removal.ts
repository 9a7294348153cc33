import type { SceneNode } from '../layout/scene';
import { MAP_KEY } from '../layout/scene-keys';
import { normalizeBoardText } from './board-text';
import { findNodeText, hashSceneNode } from './diff-scene';
import type { ApplyPlan, Op, Snapshot, SnapshotItem } from './host-port';

/** What taking back a run would do: the plan, and what it leaves because people made it theirs. */
export interface RemovalPlan {
  plan: ApplyPlan;
  /** Items the run drew that someone changed since (moved, resized, retyped, formatted, recoloured, tagged, grouped): kept. */
  changed: number;
  /** Items without the map's identity inside its frame (people's own notes, images…): kept, and with them the frame. */
  foreign: number;
}

/** Board units an item may sit off its place and still count as untouched (hosts round positions). */
const PLACE_TOLERANCE = 1;

/**
 * Plans taking back what one run drew (Miro has no undo step for an app's
 * writes): every item of the map that is still exactly as the run drew it —
 * same place and size, same words and colour, no formatting, tags or group
 * of a person's — is deleted; anything someone has touched since stays, and so
 * does the frame when anything stays inside it. Deleting is the host's
 * usual delete, which hands an item over instead when someone types on it
 * in the meantime. Pure: the scene is the one the run drew.
 */
export function planRemoval(scene: { nodes: readonly SceneNode[] }, snapshot: Snapshot, mapId: string): RemovalPlan {
  const nodes = new Map(scene.nodes.map((node) => [node.key, node] as const));
  const deletes: Op[] = [];
  let changed = 0;
  let frame: SnapshotItem | undefined;
  for (const item of snapshot.items) {
    if (item.identity.map !== mapId) continue;
    if (item.identity.key === MAP_KEY) {
      frame = item;
      continue;
    }
    const node = nodes.get(item.identity.key);
    if (node && isAsDrawn(node, item, snapshot.anchor)) deletes.push({ type: 'delete', key: item.identity.key, itemIds: [item.itemId] });
    else changed += 1;
  }
  const foreign = snapshot.foreign.length;
  if (frame && changed === 0 && foreign === 0) deletes.push({ type: 'delete', key: MAP_KEY, itemIds: [frame.itemId] });
  return { plan: { mapId, origin: snapshot.origin, ops: deletes }, changed, foreign };
}

function isAsDrawn(node: SceneNode, item: SnapshotItem, anchor: Snapshot['anchor']): boolean {
  if (item.type !== node.type || item.identity.hash !== hashSceneNode(node)) return false;
  if (item.nested || (item.tags ?? []).some((tag) => node.type !== 'sticky' || tag !== node.tag?.label)) return false;
  // A colour a person gave it is theirs.
  if (item.looks && !item.looks.includes(node.style)) return false;
  // A sticky's form is the card's as drawn; shapes and texts carry the app's own (bold headings).
  if (node.type === 'sticky' && JSON.stringify(item.rich ?? null) !== JSON.stringify(node.form ?? null)) return false;
  if (node.type !== 'emotion-line' && normalizeBoardText(item.text) !== normalizeBoardText(findNodeText(node))) return false;
  if (node.type === 'frame' || node.type === 'emotion-line' || node.type === 'link') return true;
  const off = (a: number, b: number) => Math.abs(a - b) > PLACE_TOLERANCE;
  const centred = anchor === 'centre';
  const [nodeX, itemX, nodeY, itemY] = centred ? [node.x + node.width / 2, item.x + item.width / 2, node.y + node.height / 2, item.y + item.height / 2] : [node.x, item.x, node.y, item.y];
  // Heights of texts and stickies follow their words on the hosts, as when diffing.
  const sized = node.type === 'shape' || node.type === 'emotion-point';
  return !off(nodeX, itemX) && !off(nodeY, itemY) && !off(node.width, item.width) && !(sized && off(node.height, item.height));
}
