import type { Board, Frame } from '@mirohq/websdk-types';
import type { Point, SceneNode, SceneNodeType } from '../../layout/scene';
import { MAP_KEY, parseSceneKey, type SceneKey } from '../../layout/scene-keys';
import type { ApplyPlan, ApplyProgress, ApplyReport, ForeignItem, HostPort, Op, Snapshot, SnapshotItem } from '../../sync/host-port';
import { decodeItemIdentity, IDENTITY_FIELD, type ItemIdentity } from '../../sync/item-identity';
import { findDrawer, type DrawContext, type MiroBoardItem, type NodeBox } from './miro-drawers';
import { convertHtmlToText } from './miro-html';
import { describeError, retryOnRateLimitAsync } from './retry-on-rate-limit';
import { runWithConcurrencyAsync } from './run-with-concurrency';

/** Options of the Miro adapter. */
export interface MiroHostOptions {
  /** Web SDK calls in flight at once; default 8. */
  concurrency?: number;
  /** How to wait before retrying a rate-limited call; tests pass an instant one. */
  sleepAsync?: (ms: number) => Promise<void>;
}

// Eight calls in flight keep a map of ~300 items to a few seconds while
// staying far below 2,000 item calls a minute (100,000 credits at 50 each,
// https://developers.miro.com/docs/websdk-reference-rate-limiting).
const DEFAULT_CONCURRENCY = 8;
// "AppMetadata can store up to 256 bytes" per item per app; the Web SDK throws
// above it (https://developers.miro.com/changelog/2023-02-13-changelog).
const METADATA_LIMIT_BYTES = 256;
// Gap findEmptySpace keeps between a new map and existing work, in board units.
const NEW_MAP_OFFSET = 200;

const sleepWithTimerAsync = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface OwnItem {
  item: MiroBoardItem;
  identity: ItemIdentity;
}

/** What the adapter knows of one map since it last read or wrote it. */
interface MapState {
  frame: Frame;
  origin: Point;
  /** Items carrying this map's identity, by item id. */
  own: Map<string, OwnItem>;
  /** Items inside the frame without this map's identity: never written. */
  foreignIds: Set<string>;
}

/** The identity stored on an item, as Miro metadata. */
function formatIdentity(identity: ItemIdentity): { m: string; k: string; h: string } {
  return { m: identity.map, k: identity.key, h: identity.hash };
}

/** Why an identity cannot be stored, or undefined when it fits Miro's metadata limit. */
function checkIdentitySize(identity: ItemIdentity): string | undefined {
  const bytes = new TextEncoder().encode(JSON.stringify({ [IDENTITY_FIELD]: formatIdentity(identity) })).length;
  if (bytes <= METADATA_LIMIT_BYTES) return undefined;
  return `identity of ${identity.key} takes ${bytes} bytes of item metadata, over Miro's ${METADATA_LIMIT_BYTES}; shorten the ids in the journey (map, stage, lane, card, persona ids).`;
}

/** Any item `board.get()` returns. */
type BoardRecord = Awaited<ReturnType<Board['get']>>[number];

function findParentId(item: BoardRecord): string | null {
  return 'parentId' in item ? item.parentId : null;
}

function isDrawnItem(item: BoardRecord): item is MiroBoardItem {
  return item.type === 'frame' || item.type === 'sticky_note' || item.type === 'shape' || item.type === 'text' || item.type === 'connector';
}

function findNodeType(item: MiroBoardItem, identity: ItemIdentity): SceneNodeType {
  switch (item.type) {
    case 'frame':
      return 'frame';
    case 'sticky_note':
      return 'sticky';
    case 'text':
      return 'text';
    case 'connector':
      return 'emotion-line';
    case 'shape':
      return parseSceneKey(identity.key)?.kind === 'emotion' ? 'emotion-point' : 'shape';
  }
}

function readSize(item: { width?: unknown; height?: unknown }): { width: number; height: number } {
  return { width: typeof item.width === 'number' ? item.width : 0, height: typeof item.height === 'number' ? item.height : 0 };
}

function readText(item: { type: string; content?: unknown; title?: unknown }): string {
  if (typeof item.content === 'string') return convertHtmlToText(item.content);
  if (item.type === 'frame' && typeof item.title === 'string') return item.title;
  return '';
}

/**
 * Creates the Miro adapter over `board` (`miro.board` in the app).
 *
 * Coordinates: Miro positions an item by its centre, relative to the board
 * centre; a frame's children are positioned by their centre relative to the
 * frame's top-left corner (https://developers.miro.com/docs/boards,
 * https://developers.miro.com/docs/frame-1). Items are created at their
 * absolute position and then made children with `frame.add(item)`, which
 * since Web SDK 2.0 links them without moving them
 * (https://developers.miro.com/changelog/2022-08-09-changelog). The frame's
 * top-left is the map origin, so a child's centre is simply its scene
 * position plus half its size.
 *
 * Identity: each item gets `setMetadata('cjm', {m, k, h})` (one call, 50
 * credits; at most 256 bytes per item).
 *
 * Cost of a new map, in Web SDK calls of 50 credits: 2 to place it
 * (viewport, free space), 2 for the frame (create, metadata), 3 per other
 * item (create, `frame.add`, metadata) and 2 per emotion-line segment
 * (connector, metadata). Reading a map costs 1 bulk `board.get()` plus one
 * metadata read per frame on the board and per item inside the map's frame.
 *
 * Writes are pipelined (`concurrency` calls in flight), retried with
 * back-off on rate limits, and reported per op; a failed item never throws.
 */
export function createMiroHost(board: Board, options: MiroHostOptions = {}): HostPort {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const sleepAsync = options.sleepAsync ?? sleepWithTimerAsync;
  const states = new Map<string, MapState>();
  const callAsync = <T>(call: () => Promise<T>): Promise<T> => retryOnRateLimitAsync(call, { sleepAsync });

  async function readIdentityAsync(item: MiroBoardItem): Promise<ItemIdentity | undefined> {
    return decodeItemIdentity(await callAsync(() => item.getMetadata(IDENTITY_FIELD)));
  }

  /** Reads identities of `items` in a bounded pipeline; an unreadable item counts as not ours. */
  async function readIdentitiesAsync(items: readonly MiroBoardItem[]): Promise<(ItemIdentity | undefined)[]> {
    const results = await runWithConcurrencyAsync(
      items.map((item) => () => readIdentityAsync(item)),
      concurrency,
    );
    return results.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
  }

  async function findFrameAsync(mapId: string, frames: readonly Frame[]): Promise<OwnItem & { item: Frame } | undefined> {
    const identities = await readIdentitiesAsync(frames);
    for (const [index, frame] of frames.entries()) {
      const identity = identities[index];
      if (identity?.map === mapId && identity.key === MAP_KEY) return { item: frame, identity };
    }
    return undefined;
  }

  async function readMapAsync(mapId: string): Promise<Snapshot | undefined> {
    // One unfiltered bulk read: items of every type, so foreign images,
    // cards or embeds inside the frame are reported too.
    const all: BoardRecord[] = await callAsync(() => board.get());
    const frames = all.filter((item): item is Frame => item.type === 'frame');
    const found = await findFrameAsync(mapId, frames);
    if (!found) {
      states.delete(mapId);
      return undefined;
    }
    const { item: frame, identity: frameIdentity } = found;
    const origin = { x: frame.x - frame.width / 2, y: frame.y - frame.height / 2 };
    const children = all.filter((item) => findParentId(item) === frame.id);
    const childIds = new Set(children.map((item) => item.id));
    // Connectors of a line join emotion points inside the frame; they are not its children.
    const connectors = all.filter(
      (item): item is Extract<MiroBoardItem, { type: 'connector' }> =>
        item.type === 'connector' &&
        'start' in item &&
        findParentId(item) !== frame.id &&
        (childIds.has(item.start?.item ?? '') || childIds.has(item.end?.item ?? '')),
    );
    const candidates: BoardRecord[] = [...children, ...connectors];
    const drawn = candidates.filter(isDrawnItem);
    const identities = await readIdentitiesAsync(drawn);
    const identityById = new Map<string, ItemIdentity | undefined>();
    drawn.forEach((item, index) => identityById.set(item.id, identities[index]));

    const state: MapState = { frame, origin, own: new Map(), foreignIds: new Set() };
    state.own.set(frame.id, { item: frame, identity: frameIdentity });
    const items: SnapshotItem[] = [
      { itemId: frame.id, identity: frameIdentity, type: 'frame', text: frame.title, x: 0, y: 0, width: frame.width, height: frame.height },
    ];
    const foreign: ForeignItem[] = [];
    const centres = new Map<string, Point>();
    for (const child of children) {
      if ('x' in child && 'y' in child) centres.set(child.id, { x: child.x, y: child.y });
    }
    for (const item of candidates) {
      const identity = identityById.get(item.id);
      const size = readSize(item as { width?: unknown; height?: unknown });
      const centre = centres.get(item.id) ?? { x: 0, y: 0 };
      const box = { x: centre.x - size.width / 2, y: centre.y - size.height / 2, ...size };
      if (isDrawnItem(item) && identity?.map === mapId) {
        state.own.set(item.id, { item, identity });
        const type = findNodeType(item, identity);
        items.push({ itemId: item.id, identity, type, text: readText(item), ...(item.type === 'connector' ? measureConnector(item, centres) : box) });
      } else if (findParentId(item) === frame.id) {
        state.foreignIds.add(item.id);
        foreign.push({ itemId: item.id, hostType: item.type, text: readText(item as { type: string }), ...box });
      }
    }
    states.set(mapId, state);
    return { mapId, origin, items, foreign };
  }

  async function placeNewMapAsync(width: number, height: number): Promise<Point> {
    // The viewport's x and y are its top-left corner
    // (https://developers.miro.com/docs/viewport); findEmptySpace answers a
    // centred rectangle that overlaps no item
    // (https://developers.miro.com/changelog/2024-03-12).
    const viewport = await callAsync(() => board.viewport.get());
    const space = await callAsync(() =>
      board.findEmptySpace({ x: viewport.x + viewport.width / 2, y: viewport.y + viewport.height / 2, width, height, offset: NEW_MAP_OFFSET }),
    );
    return { x: space.x - width / 2, y: space.y - height / 2 };
  }

  async function applyAsync(plan: ApplyPlan, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport> {
    const total = plan.ops.length;
    let done = 0;
    let state = states.get(plan.mapId);
    if (total > 0 && plan.origin && !state) {
      await readMapAsync(plan.mapId);
      state = states.get(plan.mapId);
    }
    const frameOp = plan.ops.find((op): op is Extract<Op, { node: SceneNode }> => op.type !== 'delete' && op.node.type === 'frame');
    let origin = plan.origin ?? state?.origin;
    const report: ApplyReport = { mapId: plan.mapId, origin: origin ?? { x: 0, y: 0 }, created: 0, updated: 0, deleted: 0, failed: [] };
    if (total === 0) return report;

    const settle = (): void => {
      done += 1;
      onProgress?.({ done, total });
    };
    const fail = (key: SceneKey, reason: string): void => {
      report.failed.push({ key, reason });
    };

    if (!origin) {
      if (!frameOp) {
        for (const op of plan.ops) {
          fail(op.type === 'delete' ? op.key : op.node.key, `map ${plan.mapId} has no frame on the board and the plan draws none; regenerate the map from its journey.`);
          settle();
        }
        return report;
      }
      try {
        origin = await placeNewMapAsync(frameOp.node.width, frameOp.node.height);
      } catch {
        // Neither viewport nor free space could be read: drawing at the board
        // centre beats not drawing; the report's origin says where the map went.
        origin = { x: -frameOp.node.width / 2, y: -frameOp.node.height / 2 };
      }
    }
    const mapOrigin: Point = origin;
    report.origin = mapOrigin;

    const context: DrawContext = {
      board,
      toBoardCentre: (box: NodeBox) => ({ x: mapOrigin.x + box.x + box.width / 2, y: mapOrigin.y + box.y + box.height / 2 }),
      toFrameCentre: (box: NodeBox) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 }),
      findItemIdByKey: (key) => {
        for (const [id, own] of state?.own ?? []) if (own.identity.key === key && own.item.type !== 'connector') return id;
        return undefined;
      },
      callAsync,
    };

    const identityOf = (node: SceneNode, hash: string): ItemIdentity => ({ map: plan.mapId, key: node.key, hash });

    /** Draws a node anew: create, make a frame child, store identity; removes what it made if a step fails. */
    async function drawAsync(node: SceneNode, hash: string): Promise<void> {
      const identity = identityOf(node, hash);
      const tooBig = checkIdentitySize(identity);
      if (tooBig) throw new Error(tooBig);
      const drawer = findDrawer(node);
      const frame = state?.frame;
      if (drawer.isFrameChild && !frame) throw new Error(`the map's frame is missing, so ${node.key} has nowhere to go; click Finish the map in the panel to draw the frame first.`);
      const items = await drawer.createAsync(node, context);
      try {
        for (const item of items) {
          if (drawer.isFrameChild && frame) await callAsync(() => frame.add(item));
          await callAsync(() => item.setMetadata(IDENTITY_FIELD, formatIdentity(identity)));
        }
      } catch (error) {
        for (const item of items) await callAsync(() => board.remove(item)).catch(() => undefined);
        throw error;
      }
      for (const item of items) state?.own.set(item.id, { item, identity });
    }

    async function findOwnItemAsync(itemId: string): Promise<MiroBoardItem> {
      if (state?.foreignIds.has(itemId)) throw new Error(`item ${itemId} does not carry this map's identity; the app never changes items it did not draw.`);
      const known = state?.own.get(itemId)?.item;
      if (known) return known;
      const fetched = await callAsync(() => board.getById(itemId));
      if (!isDrawnItem(fetched)) throw new Error(`item ${itemId} is a ${fetched.type}, not an item the app draws; delete it by hand if it is in the way.`);
      return fetched;
    }

    async function removeOwnAsync(itemIds: readonly string[]): Promise<void> {
      for (const itemId of itemIds) {
        const item = await findOwnItemAsync(itemId);
        await callAsync(() => board.remove(item));
        state?.own.delete(itemId);
      }
    }

    async function updateAsync(op: Extract<Op, { type: 'update' }>): Promise<void> {
      const drawer = findDrawer(op.node);
      const items = await Promise.all(op.itemIds.map((itemId) => findOwnItemAsync(itemId)));
      const rewrite = drawer.rewriteItem;
      if (!rewrite || items.some((item) => item.type !== drawer.itemType)) {
        // Replace: draw the new items first, then remove the old ones.
        await drawAsync(op.node, op.hash);
        await removeOwnAsync(op.itemIds);
        return;
      }
      const identity = identityOf(op.node, op.hash);
      for (const item of items) {
        rewrite(item, op.node, context);
        await callAsync(() => item.sync());
        await callAsync(() => item.setMetadata(IDENTITY_FIELD, formatIdentity(identity)));
        state?.own.set(item.id, { item, identity });
      }
    }

    async function runOpsAsync(ops: readonly Op[], runAsync: (op: Op) => Promise<void>, count: (op: Op) => void): Promise<void> {
      await runWithConcurrencyAsync(
        ops.map((op) => async () => {
          try {
            await runAsync(op);
            count(op);
          } catch (error) {
            fail(op.type === 'delete' ? op.key : op.node.key, describeError(error));
          }
        }),
        concurrency,
        settle,
      );
    }

    const runOpAsync = async (op: Op): Promise<void> => {
      if (op.type === 'create') await drawAsync(op.node, op.hash);
      else if (op.type === 'update') await updateAsync(op);
      else await removeOwnAsync(op.itemIds);
    };
    const countOp = (op: Op): void => {
      if (op.type === 'create') report.created += 1;
      else if (op.type === 'update') report.updated += 1;
      else report.deleted += 1;
    };

    // 1. The frame first: every other item becomes its child.
    if (frameOp?.type === 'create') {
      try {
        const identity = identityOf(frameOp.node, frameOp.hash);
        const [frame] = await findDrawer(frameOp.node).createAsync(frameOp.node, context);
        if (!frame || frame.type !== 'frame') throw new Error('Miro returned no frame for createFrame; check the boards:write scope in app-manifest.yaml.');
        await callAsync(() => frame.setMetadata(IDENTITY_FIELD, formatIdentity(identity))).catch(async (error: unknown) => {
          await callAsync(() => board.remove(frame)).catch(() => undefined);
          throw error;
        });
        state = { frame, origin: mapOrigin, own: new Map([[frame.id, { item: frame, identity }]]), foreignIds: new Set() };
        states.set(plan.mapId, state);
        report.created += 1;
      } catch (error) {
        fail(frameOp.node.key, describeError(error));
      }
      settle();
    }
    // A frame that grows is resized before its children move into the new room;
    // one that shrinks only after they left (Miro refuses to cut children off).
    const frameGrows = frameOp?.type === 'update' && state && frameOp.node.width >= state.frame.width && frameOp.node.height >= state.frame.height;
    const frameUpdate = frameOp?.type === 'update' ? frameOp : undefined;
    if (frameUpdate && frameGrows) await runOpsAsync([frameUpdate], runOpAsync, countOp);

    const isLine = (op: Op): boolean => op.type !== 'delete' && op.node.type === 'emotion-line';
    const rest = plan.ops.filter((op) => op !== frameOp);
    // 2. Creates, then updates, of everything but lines; 3. lines, which join
    // points that now exist; 4. a shrinking frame; 5. deletes, last.
    await runOpsAsync(
      rest.filter((op) => op.type === 'create' && !isLine(op)),
      runOpAsync,
      countOp,
    );
    await runOpsAsync(
      rest.filter((op) => op.type === 'update' && !isLine(op)),
      runOpAsync,
      countOp,
    );
    await runOpsAsync(rest.filter(isLine), runOpAsync, countOp);
    if (frameUpdate && !frameGrows) await runOpsAsync([frameUpdate], runOpAsync, countOp);
    // Lines go first: Miro removes a connector with the item it joins, so
    // removing points first would leave the line's ids pointing at nothing.
    await runOpsAsync(
      rest.filter((op) => op.type === 'delete' && parseSceneKey(op.key)?.kind === 'emotion-line'),
      runOpAsync,
      countOp,
    );
    await runOpsAsync(
      rest.filter((op) => op.type === 'delete' && parseSceneKey(op.key)?.kind !== 'emotion-line'),
      runOpAsync,
      countOp,
    );
    return report;
  }

  async function focusMapAsync(mapId: string): Promise<void> {
    let frame = states.get(mapId)?.frame;
    if (!frame) {
      const frames = await callAsync(() => board.get({ type: 'frame' }));
      frame = (await findFrameAsync(mapId, frames))?.item;
    }
    if (frame) {
      const target = frame;
      await callAsync(() => board.viewport.zoomTo(target));
    }
  }

  return { readMapAsync, applyAsync, focusMapAsync };
}

/** A connector's box: the bounding box of the centres it joins (relative to the frame). */
function measureConnector(connector: MiroBoardItem & { type: 'connector' }, centres: ReadonlyMap<string, Point>): NodeBox {
  const ends = [connector.start?.item, connector.end?.item].map((id) => (id ? centres.get(id) : undefined)).filter((point): point is Point => Boolean(point));
  if (ends.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const xs = ends.map((point) => point.x);
  const ys = ends.map((point) => point.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
