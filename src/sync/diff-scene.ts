import type { SceneNode } from '../layout/scene';
import { hashContent } from './content-hash';
import { parseSceneKey, type SceneKey } from '../layout/scene-keys';
import type { ApplyPlan, Op, Snapshot, SnapshotItem, UpdateParts } from './host-port';
import { normalizeBoardText } from './board-text';

/**
 * The hash stored on an item: of everything the node draws, position
 * included, but for the two kinds of items that move with others (below).
 */
export function hashSceneNode(node: SceneNode): string {
  // A link's connector follows its stickies, and an opportunity's sticky in
  // the prioritisation matrix moves with its ratings: their hashes hold what
  // they show, not where (the diff puts them back in place on its own), so
  // an item's hash tells whether the map wrote the words it shows.
  if (node.type === 'link' || (node.type === 'sticky' && parseSceneKey(node.key)?.kind === 'matrix-card')) {
    const { x: _x, y: _y, width: _width, height: _height, ...rest } = node;
    if ('path' in rest) delete (rest as { path?: unknown }).path;
    return hashContent(JSON.stringify(rest));
  }
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
  if (node.type === 'frame' || node.type === 'emotion-line' || node.type === 'link') return false;
  const off = (a: number, b: number) => Math.abs(a - b) > PLACE_TOLERANCE;
  const centred = anchor === 'centre';
  if (off(centred ? node.x + node.width / 2 : node.x, centred ? item.x + item.width / 2 : item.x)) return true;
  if (off(centred ? node.y + node.height / 2 : node.y, centred ? item.y + item.height / 2 : item.y)) return true;
  if (off(node.width, item.width)) return true;
  return (node.type === 'shape' || node.type === 'emotion-point') && off(node.height, item.height);
}

/** The text a node shows on the board, as read back in plain text. */
export function findNodeText(node: SceneNode): string {
  switch (node.type) {
    case 'shape':
      return node.text ? `${node.heading}\n${node.text}` : node.heading;
    case 'text':
    case 'sticky':
      return node.text;
    case 'frame':
      return node.title;
    case 'emotion-point':
      return node.face;
    case 'emotion-line':
    case 'link':
      // A connector's label is a person's: the map writes none.
      return '';
  }
}

/** Everything of a node's look but its text, place and size: what `style` in UpdateParts is about. */
function describeLook(node: SceneNode): string {
  const { key: _key, x: _x, y: _y, width: _width, height: _height, ...rest } = node as SceneNode & Record<string, unknown>;
  const look: Record<string, unknown> = { ...rest };
  // What the item says and which place of the journey it stands for are not
  // its look: an emotion point dragged to another score keeps its paint.
  for (const field of ['text', 'heading', 'title', 'face', 'form', 'path', 'pointKeys', 'score', 'stage', 'persona', 'tag', 'from', 'to']) delete look[field];
  return JSON.stringify(look);
}

/** What diffing needs besides the scene and the snapshot. */
export interface DiffOptions {
  /**
   * The nodes as the map last drew them, by key (Regenerate knows them):
   * with them, updates write only what changed (see UpdateParts) and keep a
   * person's colours; without, an update writes everything its node defines.
   */
  drawn?: ReadonlyMap<SceneKey, SceneNode>;
  /** Keys whose board text is kept as it is (longer than the journey holds): never rewritten. */
  keepText?: ReadonlySet<SceneKey>;
}

/** What an update of `items` to show `node` must write, given the node last drawn there. */
function findUpdateParts(node: SceneNode, items: readonly SnapshotItem[], options: DiffOptions): UpdateParts | undefined {
  if (!options.drawn || node.type === 'emotion-line') return undefined;
  const words = normalizeBoardText(findNodeText(node));
  // A link's connector shows no words of the map's: a label a person typed on it stays.
  const text = node.type !== 'link' && !options.keepText?.has(node.key) && items.some((item) => normalizeBoardText(item.text) !== words);
  const drawn = options.drawn.get(node.key);
  // A key the map never drew here is a person's sticky being adopted: its colour is theirs.
  const style = drawn !== undefined && drawn.type === node.type && describeLook(drawn) !== describeLook(node);
  return { text, style };
}

/**
 * Compares a scene with what the board holds and returns the fewest ops that
 * make the board show the scene: create what is missing, update what differs
 * (in what the app drew, or moved off its place by a person),
 * delete what the app drew that the scene no longer has. Only items carrying
 * this map's identity are ever deleted; foreign items are never touched.
 * An unchanged board yields no ops.
 */
export function diffScene(scene: { nodes: readonly SceneNode[]; personaTags?: readonly string[] }, snapshot: Snapshot | undefined, mapId: string, options: DiffOptions = {}): ApplyPlan {
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
    // A line drawn as one item per segment lacks one when a person deleted a connector: it is drawn again whole.
    const missingSegment = node.type === 'emotion-line' && snapshot?.lineItems === 'per-segment' && existing !== undefined && existing.length !== Math.max(1, node.pointKeys.length - 1);
    if (!existing || existing.length === 0) creates.push({ type: 'create', node, hash });
    else if (missingSegment || (existing.length > 1 && node.type !== 'emotion-line') || existing.some((item) => item.identity.hash !== hash || item.type !== node.type || isDisplaced(node, item, snapshot?.anchor ?? 'top-left'))) {
      const parts = existing.every((item) => item.type === node.type) ? findUpdateParts(node, existing, options) : undefined;
      updates.push({ type: 'update', node, hash, itemIds: existing.map((item) => item.itemId), ...(parts ? { parts } : {}) });
    }
  }
  for (const [key, items] of byKey) {
    if (!seen.has(key)) deletes.push({ type: 'delete', key, itemIds: items.map((item) => item.itemId) });
  }
  const plan: ApplyPlan = { mapId, ops: [...creates, ...updates, ...deletes], ...(scene.personaTags ? { personaTags: [...scene.personaTags] } : {}) };
  if (snapshot) plan.origin = snapshot.origin;
  return plan;
}
