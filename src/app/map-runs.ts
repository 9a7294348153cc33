import type { Journey } from '../model/journey';
import { layoutJourney } from '../layout/layout-journey';
import type { TextMeasurer } from '../layout/measure-text';
import type { Point, Scene, SceneNode } from '../layout/scene';
import { MAP_KEY, type SceneKey } from '../layout/scene-keys';
import { diffScene } from '../sync/diff-scene';
import type { ApplyPlan, ApplyProgress, ApplyReport, LeftAloneItem, Snapshot } from '../sync/host-port';
import type { BoardChange } from '../sync/merge-board-edits';
import type { MergeConflict } from '../sync/merge-journeys';
import { countRegenerateOutcome, describeRegenerateResult, planRegenerate, type MapChoice, type RegenerateOutcome, type RegeneratePlan } from '../sync/regenerate-map';
import { planRemoval } from '../sync/plan-removal';
import { rebuildJourneyFromBoard } from '../sync/rebuild-journey';
import { parseSlideList, SLIDES_RECORD_KEY, type SlideImage, type SlidesReport } from './slide-deck';
import { checkLease, LEASE_KEY, LEASE_MS, parseLease, releaseLeaseAsync, takeLeaseAsync, type LeaseHolder, type MapLease } from './map-lease';
import { AppFailure } from './app-error';
import type { BoardPort, BoardRun, MapContainer, MapTarget } from './board-port';
import { isSameRecord, loadMapRecordAsync, MAP_RECORD_KEY, saveMapRecordAsync, type LoadedMapRecord, type MapRecordToSave } from './map-records';
import { readRecordAsync } from './record-chunks';

/**
 * Rounds of read → diff → apply one run makes at most: a round after a
 * partial failure redraws only what is still missing or stale.
 */
export const MAX_DRAW_ROUNDS = 5;

/** Pause before round n (from the second): 250 ms, then doubling. */
const roundDelayMs = (round: number): number => 250 * 2 ** (round - 1);

// Attempts at storing the record with the map before a run gives up: a run cannot go on without it.
const SAVE_ATTEMPTS = 3;

/** One map on the board, original or copy. */
export interface MapInfo extends MapContainer {
  /**
   * True when a person duplicated the map: the record stored with this map
   * id names another container as the original. Its first Regenerate makes
   * it a map of its own.
   */
  isCopy: boolean;
}

/** Options every run takes. */
export interface RunOptions {
  measureText?: TextMeasurer;
  onProgress?: (progress: ApplyProgress) => void;
  /** Waits between rounds after failures (back-off); without it rounds follow at once. */
  sleepAsync?: (ms: number) => Promise<void>;
  /** The clock of leases; Date.now by default. */
  now?: () => number;
  /** Who holds the map's lease when the host does not say who is using the panel. */
  panelId?: string;
}

/** Runs `work` as one board run: begun, then ended whatever happens. */
export async function runOnBoardAsync<T>(port: BoardPort, work: (run: BoardRun) => Promise<T>): Promise<T> {
  const run = port.beginRun();
  try {
    return await work(run);
  } finally {
    await run.endAsync();
  }
}

/** What a listing read of the record stored with a container: the record (undefined when none is stored), or why it cannot be read. */
type StoredRead = { ok: true; record: LoadedMapRecord | undefined } | { ok: false; failure: unknown };

/** A map as listed, with what the listing read of its record: a run reuses it rather than reading the record again. */
interface ListedMap {
  info: MapInfo;
  stored: StoredRead;
}

/** The record the listing read, or the reason it could not (thrown). */
function requireStored(map: ListedMap): LoadedMapRecord | undefined {
  if (!map.stored.ok) throw map.stored.failure;
  return map.stored.record;
}

/**
 * The maps on the board (only those carrying `mapId`, when given), each
 * marked original or copy: a container is the original of its map id when
 * the record stored with it names it; when no record names a container on
 * the board (a record without one, a damaged or missing record, or an
 * original that was deleted), the first container found is the original.
 */
async function listStoredMapsAsync(run: BoardRun, mapId?: string): Promise<ListedMap[]> {
  const containers = (await run.listMapContainersAsync()).filter((container) => mapId === undefined || container.mapId === mapId);
  const reads = await Promise.all(
    containers.map(async (container): Promise<StoredRead> => {
      try {
        return { ok: true, record: await loadMapRecordAsync(run, { mapId: container.mapId, containerId: container.containerId }, container.title) };
      } catch (failure) {
        return { ok: false, failure };
      }
    }),
  );
  const present = new Set(containers.map((container) => container.containerId));
  const originals = new Map<string, string>();
  reads.forEach((read, index) => {
    const named = read.ok ? read.record?.map.container : undefined;
    const container = containers[index];
    if (container && named !== undefined && present.has(named) && !originals.has(container.mapId)) originals.set(container.mapId, named);
  });
  const seen = new Set<string>();
  return containers.map((container, index) => {
    const original = originals.get(container.mapId);
    const isCopy = original === undefined ? seen.has(container.mapId) : original !== container.containerId;
    seen.add(container.mapId);
    return { info: { ...container, isCopy }, stored: reads[index] ?? { ok: true, record: undefined } };
  });
}

/** Every map on the board, originals and copies (see listStoredMapsAsync for how they are told apart). */
export async function listMapsAsync(run: BoardRun): Promise<MapInfo[]> {
  return (await listStoredMapsAsync(run)).map((map) => map.info);
}

/** The original container of map `mapId` on the board, with its record as read; undefined when the map is not there. */
async function findOriginalAsync(run: BoardRun, mapId: string): Promise<ListedMap | undefined> {
  return (await listStoredMapsAsync(run, mapId)).find((map) => !map.info.isCopy);
}

/** The map a run acts on, how it was chosen, and its record as read. */
interface ChosenMap extends ListedMap {
  chosenBy: MapChoice;
}

/**
 * Chooses the map a run acts on, by one rule on both hosts: the map the
 * selection touches; else the map this panel drew last (`drawnMapId`), while
 * it is on the board; else the only map on the page or board. Throws an
 * AppFailure (`several-selected`, `several-maps`, `no-map`) otherwise.
 */
async function chooseMapAsync(run: BoardRun, drawnMapId?: string): Promise<ChosenMap> {
  const maps = await listStoredMapsAsync(run);
  const selected = maps.filter((map) => map.info.selected);
  if (selected.length === 1 && selected[0]) return { ...selected[0], chosenBy: 'selection' };
  if (selected.length > 1) throw new AppFailure({ code: 'several-selected', titles: selected.map((map) => map.info.title) });
  const drawn = drawnMapId === undefined ? undefined : maps.find((map) => map.info.mapId === drawnMapId && !map.info.isCopy);
  if (drawn) return { ...drawn, chosenBy: 'panel' };
  if (maps.length === 1 && maps[0]) return { ...maps[0], chosenBy: 'only' };
  if (maps.length === 0) throw new AppFailure({ code: 'no-map' });
  throw new AppFailure({ code: 'several-maps', titles: maps.map((map) => map.info.title) });
}

/** Options of drawing a laid-out journey. */
interface DrawOptions extends RunOptions {
  target: MapTarget;
  /** The plan of the first round when the caller has one (Regenerate adopts and releases items in it). */
  firstPlan?: ApplyPlan;
  /** What the map stores now. */
  stored?: LoadedMapRecord;
  /** Stickies to keep left alone (Regenerate's finding); else what the map stores. */
  leftAlone?: readonly LeftAloneItem[];
  /** The nodes as the map last drew them (Regenerate knows them): later rounds write only what changed. */
  drawn?: ReadonlyMap<SceneKey, SceneNode>;
  /** Runs before every round after the first (Regenerate renews its lease). */
  beforeRoundAsync?: () => Promise<void>;
  /** Where a new map's container goes, when the caller found it already. */
  origin?: Point;
  /** Told once a new map's container is on the board, while the rest is still being drawn. */
  onContainer?: (target: MapTarget & { containerId: string }) => void;
}

/** A drawing's report, and where the map now is. */
export interface DrawResult {
  target: MapTarget & { containerId: string | undefined };
  report: ApplyReport;
}

const emptyReport = (mapId: string, plan: ApplyPlan): ApplyReport => ({ mapId, origin: plan.origin ?? { x: 0, y: 0 }, created: 0, updated: 0, deleted: 0, released: 0, failed: [] });

function addReports(total: ApplyReport | undefined, report: ApplyReport): ApplyReport {
  if (!total) return report;
  return {
    ...report,
    containerId: report.containerId ?? total.containerId,
    created: total.created + report.created,
    updated: total.updated + report.updated,
    deleted: total.deleted + report.deleted,
    released: total.released + report.released,
    ...(total.refused || report.refused ? { refused: [...(total.refused ?? []), ...(report.refused ?? [])] } : {}),
  };
}

/**
 * Draws `scene` (the layout of `journey`) as map `target.mapId` and keeps the
 * record stored with it: a new map gets its container first, so the record
 * has a place before any other item is drawn; a plan that creates items
 * stores the record as incomplete before them and as complete after, so an
 * interrupted run is finished, not misread as deletions, by the next. After
 * item failures it reads the map again and writes what is still missing, up
 * to MAX_DRAW_ROUNDS rounds. A map that already shows the scene, with the
 * record stored, gets no write at all. Item failures are in the report (of
 * the last round); a record that cannot be stored throws.
 */
export async function drawJourneyAsync(run: BoardRun, journey: Journey, scene: Scene, options: DrawOptions): Promise<DrawResult> {
  let target: MapTarget = { ...options.target };
  let stored = options.stored;
  const leftAlone = options.leftAlone ?? stored?.map.leftAlone;
  const record = (complete: boolean): MapRecordToSave => ({
    journey,
    map: { complete, ...(target.containerId === undefined ? {} : { container: target.containerId }), ...(leftAlone && leftAlone.length > 0 ? { leftAlone: [...leftAlone] } : {}) },
  });
  const saveAsync = async (complete: boolean): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        stored = await saveMapRecordAsync(run, target, record(complete), stored);
        return;
      } catch (error) {
        if (attempt >= SAVE_ATTEMPTS) throw error;
        await options.sleepAsync?.(roundDelayMs(attempt));
      }
    }
  };
  const storedComplete = (): boolean => stored !== undefined && stored.map.complete && isSameRecord(stored, record(true));
  let total: ApplyReport | undefined;
  let markedIncomplete = false;
  const refusedKeys = new Set<string>();
  for (let round = 0; round < MAX_DRAW_ROUNDS; round += 1) {
    if (round > 0) {
      await options.sleepAsync?.(roundDelayMs(round));
      await options.beforeRoundAsync?.();
    }
    let plan =
      round === 0 && options.firstPlan
        ? options.firstPlan
        : diffScene(scene, target.containerId === undefined ? undefined : await run.readMapAsync(target), target.mapId, options.drawn ? { drawn: options.drawn } : {});
    // An item the host refused is left alone for the rest of the run: asking again would be refused again.
    if (refusedKeys.size > 0) plan = { ...plan, ops: plan.ops.filter((op) => !refusedKeys.has(op.type === 'delete' || op.type === 'release' ? op.key : op.node.key)) };
    if (plan.ops.length === 0 && (total || storedComplete())) {
      total ??= emptyReport(target.mapId, plan);
      break;
    }
    const count = plan.ops.length;
    let offset = 0;
    const onProgress = (progress: ApplyProgress): void => options.onProgress?.({ ...progress, done: offset + progress.done, total: count });
    if (target.containerId === undefined) {
      // A new map: its container first, so the record has somewhere to go.
      const frameOp = plan.ops.find((op) => op.type === 'create' && op.node.key === MAP_KEY);
      if (!frameOp) throw new AppFailure({ code: 'map-gone' });
      const report = await run.applyAsync(target, { ...plan, ...(options.origin ? { origin: options.origin } : {}), ops: [frameOp] }, onProgress);
      total = addReports(total, report);
      if (report.failed.length > 0 || report.containerId === undefined) continue;
      target = { ...target, containerId: report.containerId };
      options.onContainer?.({ ...target, containerId: report.containerId });
      offset = 1;
      plan = { ...plan, origin: report.origin, ops: plan.ops.filter((op) => op !== frameOp) };
    }
    const creates = plan.ops.some((op) => op.type === 'create');
    // The record first: a run cut off while drawing is finished from it by the next.
    if (round === 0 && !storedComplete()) {
      await saveAsync(!creates);
      markedIncomplete = creates;
    } else if (!markedIncomplete && creates) {
      await saveAsync(false);
      markedIncomplete = true;
    }
    const report = await run.applyAsync(target, plan, onProgress);
    total = addReports(total, report);
    for (const refusal of report.refused ?? []) refusedKeys.add(refusal.key);
    if (report.failed.length === 0) break;
  }
  if (!total) throw new Error('drawJourneyAsync made no round; MAX_DRAW_ROUNDS must be at least 1');
  // The record says complete while the host finishes its own writes of the run.
  await Promise.all([markedIncomplete && total.failed.length === 0 ? saveAsync(true) : undefined, run.settleAsync?.()]);
  return { target, report: { ...total, ...(target.containerId === undefined ? {} : { containerId: target.containerId }) } };
}

/** What inserting or finishing a map did. */
export interface InsertResult {
  mapId: string;
  containerId: string | undefined;
  report: ApplyReport;
}

/**
 * Draws `journey` as map `mapId`: a new map when no container carries that
 * id, else what is still missing of it (finishing an interrupted insert,
 * without duplicates; an unchanged map gets no write). Brings the map into
 * view afterwards.
 */
export async function insertMapAsync(port: BoardPort, journey: Journey, mapId: string, options: RunOptions = {}): Promise<InsertResult> {
  let focusing: Promise<void> | undefined;
  const result = await runOnBoardAsync(port, async (run) => {
    const scene = layoutJourney(journey, { metrics: port.metrics, measureText: options.measureText });
    const container = scene.nodes.find((node) => node.key === MAP_KEY);
    // The free space for a new map is found while the map is looked for; a map being finished does not use it.
    const [existing, origin] = await Promise.all([
      findOriginalAsync(run, mapId),
      container && run.placeNewMapAsync ? run.placeNewMapAsync(container.width, container.height).catch(() => undefined) : undefined,
    ]);
    const target: MapTarget = { mapId, containerId: existing?.info.containerId };
    // Finishing a map someone else is regenerating would draw what their run draws.
    if (existing) await checkLeaseAsync(parseLease(await run.mapRecords(target).getAsync(LEASE_KEY)), createHolder(port, options), (options.now ?? Date.now)(), existing.info.title);
    // A record that cannot be read is replaced: the journey being drawn is the map's now.
    const stored = existing?.stored.ok ? existing.stored.record : undefined;
    // A new map comes into view as soon as its container is there: people watch it fill.
    const onContainer = (drawnTarget: MapTarget): void => {
      focusing = run.focusMapAsync?.(drawnTarget).catch(() => undefined);
    };
    // FigJam focuses after the run, once its one undo step is committed.
    const drawn = await drawJourneyAsync(run, journey, scene, { ...options, target, ...(run.focusMapAsync ? { onContainer } : {}), ...(stored ? { stored } : {}), ...(!existing && origin ? { origin } : {}) });
    await focusing;
    return drawn;
  });
  if (!focusing && result.target.containerId !== undefined) await port.focusMapAsync(result.target);
  return { mapId, containerId: result.target.containerId, report: result.report };
}

/** What taking back an insert did: the report of its deletes, and what it left because people made it theirs. */
export interface TakeBackResult {
  report: ApplyReport;
  /** Items of the run that someone changed since: kept. */
  changed: number;
  /** People's own items inside the map's frame: kept, and so is the frame. */
  foreign: number;
}

/**
 * Takes back the insert of `journey` as map `mapId` (for Miro, which keeps
 * no undo step for an app's writes): deletes what the run drew and nobody
 * has touched since (see planRemoval), the frame and the stored journey last
 * and only when nothing of anyone's is left in it. Waits for no one: a map
 * another panel is regenerating is refused as busy.
 */
export async function takeBackInsertAsync(port: BoardPort, journey: Journey, mapId: string, options: RunOptions = {}): Promise<TakeBackResult> {
  return runOnBoardAsync(port, async (run) => {
    const existing = await findOriginalAsync(run, mapId);
    if (!existing) throw new AppFailure({ code: 'map-gone', title: journey.title });
    const target: MapTarget = { mapId, containerId: existing.info.containerId };
    const records = run.mapRecords(target);
    await checkLeaseAsync(parseLease(await records.getAsync(LEASE_KEY)), createHolder(port, options), (options.now ?? Date.now)(), existing.info.title);
    const snapshot = await run.readMapAsync(target);
    if (!snapshot) throw new AppFailure({ code: 'map-gone', title: journey.title });
    const scene = layoutJourney(journey, { metrics: port.metrics, measureText: options.measureText });
    const { plan, changed, foreign } = planRemoval(scene, snapshot, mapId);
    const report = await run.applyAsync(target, plan, options.onProgress);
    const frameGone = plan.ops.some((op) => op.type === 'delete' && op.key === MAP_KEY) && !report.failed.some((failure) => failure.key === MAP_KEY);
    if (frameGone) {
      // The journey stored with the map goes with it; a removal that fails only leaves unused data.
      const stored = await readRecordAsync(records, MAP_RECORD_KEY).catch(() => undefined);
      const parts = stored && 'partKeys' in stored ? stored.partKeys : [];
      await Promise.all([MAP_RECORD_KEY, LEASE_KEY, ...parts].map((key) => records.removeAsync(key).catch(() => undefined)));
    }
    return { report, changed, foreign };
  });
}

/** Options of one Regenerate. */
export interface RegenerateOptions extends RunOptions {
  /** The map to regenerate (its container, as listed); undefined to choose by the rule. */
  map?: MapInfo;
  /** The map this panel drew last, for choosing (see chooseMapAsync). */
  drawnMapId?: string;
  /** A fresh map id, for a copy that becomes a map of its own. */
  createMapId: () => string;
  /** The journey as the panel has it now, when the panel was edited meanwhile. */
  panelJourney?: Journey;
  /** The journey the panel's edits started from (as the panel loaded it). */
  panelBase?: Journey;
}

/** What Regenerate did. */
export interface RegenerateResult {
  /** The map's id (new when a copy became a map of its own). */
  mapId: string;
  containerId: string;
  report: ApplyReport;
  /** The journey now drawn and stored with the map. */
  journey: Journey;
  changes: BoardChange[];
  conflicts: MergeConflict[];
  outcome: RegenerateOutcome;
  /** One line for people (English), for a FigJam notification. */
  summary: string;
}

/**
 * Makes the copy `map` a map of its own: a new map id on all its items and
 * the record of the original (`original`, as read from the copy's record
 * space) stored for it, without what the original left alone: the copy's
 * items have other ids.
 */
async function forkCopyAsync(run: BoardRun, map: MapInfo, original: LoadedMapRecord | undefined, createMapId: () => string): Promise<{ target: MapTarget; stored: LoadedMapRecord | undefined }> {
  const target: MapTarget = { mapId: createMapId(), containerId: map.containerId };
  // The record first, so the new map has it as soon as any item is its.
  const stored = original
    ? await saveMapRecordAsync(run, target, { journey: original.journey, map: { complete: original.map.complete, container: map.containerId } }, original)
    : undefined;
  await run.relabelMapAsync(map.containerId, map.mapId, target.mapId);
  return { target, stored };
}

/** The map a Regenerate acts on: `map` as it is listed now (its record read afresh), else the one the rule chooses. */
async function findRegenerateMapAsync(run: BoardRun, map: MapInfo | undefined, drawnMapId: string | undefined): Promise<ListedMap & { chosenBy?: MapChoice }> {
  if (!map) return chooseMapAsync(run, drawnMapId);
  const listed = (await listStoredMapsAsync(run, map.mapId)).find((candidate) => candidate.info.containerId === map.containerId);
  if (!listed) throw new AppFailure({ code: 'map-gone', title: map.title });
  return listed;
}

/**
 * Regenerate: reads the map back, absorbs what people changed on the board
 * (and, three-way, what changed in the panel meanwhile), lays the map out
 * again in place and writes only the difference. Nothing a person typed is
 * deleted; items the app did not draw are left where they are; a copy of a
 * map becomes a map of its own. On an unchanged board it writes nothing.
 * Throws an AppFailure when no map can be chosen or its record read.
 */
export async function regenerateMapAsync(port: BoardPort, options: RegenerateOptions): Promise<RegenerateResult> {
  return runOnBoardAsync(port, (run) => regenerateInRunAsync(run, port, options));
}

/** Why a record that could not be read is rebuilt from the board: the reason it failed with. */
function findRebuildReason(failure: unknown): RegenerateOutcome['rebuilt'] {
  if (failure instanceof AppFailure) {
    if (failure.reason.code === 'record-newer') return 'newer';
    if (failure.reason.code === 'record-damaged') return 'damaged';
  }
  return undefined;
}

/**
 * Whoever the panel runs for, as the lease names them: the person the host
 * says is using it, in this panel (two tabs of one person are two holders),
 * asked only when a lease is met or taken.
 */
function createHolder(port: BoardPort, options: RunOptions): () => Promise<LeaseHolder> {
  let holder: Promise<LeaseHolder> | undefined;
  const panel = options.panelId ?? PANEL_ID;
  return () =>
    (holder ??= (async () => {
      try {
        const person = await port.findPersonAsync?.();
        if (person && person.id) return { id: `${person.id}/${panel}`, name: person.name };
      } catch {
        // Without the person, the panel holds the lease under an id of its own.
      }
      return { id: panel, name: '' };
    })());
}

/** Throws `map-busy` when `lease` is live and not this panel's; asks who this panel is only then. */
async function checkLeaseAsync(lease: MapLease | undefined, holderAsync: () => Promise<LeaseHolder>, now: number, title: string): Promise<void> {
  if (!lease || lease.until <= now) return;
  checkLease(lease, await holderAsync(), now, title);
}

/** A failure as something to throw: errors as they are, anything else wrapped. */
const asError = (failure: unknown): Error => (failure instanceof Error ? failure : new Error(String(failure)));

// Tells panels apart when the host does not say who is using them.
const PANEL_ID = `panel-${Math.random().toString(36).slice(2, 10)}`;

async function regenerateInRunAsync(run: BoardRun, port: BoardPort, options: RegenerateOptions): Promise<RegenerateResult> {
  const listed = await findRegenerateMapAsync(run, options.map, options.drawnMapId);
  const map = listed.info;
  const now = options.now ?? Date.now;
  let target: MapTarget = { mapId: map.mapId, containerId: map.containerId };
  let stored = listed.stored.ok ? listed.stored.record : undefined;
  let unreadable = listed.stored.ok ? undefined : listed.stored.failure;
  if (map.isCopy) ({ target, stored } = await forkCopyAsync(run, map, stored, options.createMapId));
  const space = run.mapRecords(target);
  const holderAsync = createHolder(port, options);
  // Someone else's run is on: say so before reading anything more.
  const leaseText = await space.getAsync(LEASE_KEY);
  await checkLeaseAsync(parseLease(leaseText), holderAsync, now(), map.title);

  const planAsync = async () => {
    const snapshot: Snapshot | undefined = await run.readMapAsync(target);
    if (!snapshot) throw new AppFailure({ code: 'map-gone', title: map.title });
    let base = stored?.journey;
    let rebuilt: RegenerateOutcome['rebuilt'];
    if (!base) {
      // The board is the source of truth of last resort: every item of the
      // map carries its key, and the layout is deterministic.
      rebuilt = unreadable === undefined ? 'missing' : findRebuildReason(unreadable);
      if (rebuilt === undefined) throw asError(unreadable);
      const fromBoard = rebuildJourneyFromBoard(snapshot);
      if (!fromBoard.ok) {
        if (unreadable !== undefined) throw asError(unreadable);
        throw new AppFailure({ code: 'no-record', title: map.title });
      }
      base = fromBoard.value.journey;
    }
    const planned = planRegenerate(base, snapshot, {
      metrics: port.metrics,
      ...(options.measureText ? { measureText: options.measureText } : {}),
      complete: stored?.map.complete ?? true,
      ...(stored?.map.leftAlone ? { leftAlone: stored.map.leftAlone } : {}),
      ...(options.panelJourney ? { panelJourney: options.panelJourney } : {}),
      ...(options.panelBase ? { panelBase: options.panelBase } : {}),
    });
    if (!planned.ok) throw new AppFailure({ code: 'invalid-edits', details: planned.errors.slice(0, 3) });
    return { planned: planned.value, rebuilt };
  };
  const writes = (planned: RegeneratePlan): boolean =>
    planned.plan.ops.length > 0 ||
    stored === undefined ||
    !isSameRecord(stored, { journey: planned.journey, map: { complete: true, container: target.containerId, ...(planned.leftAlone.length > 0 ? { leftAlone: planned.leftAlone } : {}) } });

  let { planned, rebuilt } = await planAsync();
  let leased = false;
  if (writes(planned)) {
    // Another run came and went since this one read the map: what it read
    // may be out of date (a header it redrew, say), so read again first.
    // Who this panel is, asked while the lease is read: the lease is taken next.
    const [current, holder] = await Promise.all([space.getAsync(LEASE_KEY), holderAsync()]);
    const unchanged = current === leaseText;
    if (!unchanged) {
      checkLease(parseLease(current), holder, now(), map.title);
      try {
        stored = await loadMapRecordAsync(run, target, map.title);
        unreadable = undefined;
      } catch (failure) {
        stored = undefined;
        unreadable = failure;
      }
      ({ planned, rebuilt } = await planAsync());
    }
    if (writes(planned)) {
      await takeLeaseAsync(space, holder, now(), map.title, unchanged ? { current: { text: current } } : {});
      leased = true;
    }
  }
  try {
    const { journey, scene, plan, leftAlone, changes, conflicts } = planned;
    const drawn = await drawJourneyAsync(run, journey, scene, {
      ...options,
      target,
      firstPlan: plan,
      ...(stored ? { stored } : {}),
      leftAlone,
      drawn: planned.drawn,
      ...(leased ? { beforeRoundAsync: async () => takeLeaseAsync(space, await holderAsync(), now(), map.title) } : {}),
    });
    const outcome: RegenerateOutcome = {
      ...countRegenerateOutcome(planned),
      ...(listed.chosenBy ? { chosenBy: listed.chosenBy } : {}),
      ...(rebuilt ? { rebuilt } : {}),
      ...(drawn.report.refused && drawn.report.refused.length > 0 ? { refused: drawn.report.refused.length } : {}),
    };
    return {
      mapId: target.mapId,
      containerId: drawn.target.containerId ?? map.containerId,
      report: drawn.report,
      journey,
      changes,
      conflicts,
      outcome,
      summary: describeRegenerateResult(outcome, drawn.report),
    };
  } finally {
    // The host's writes of the run (Miro's identity index) land before another panel may take the map.
    await run.settleAsync?.().catch(() => undefined);
    if (leased) await releaseLeaseAsync(space, await holderAsync()).catch(() => undefined);
  }
}

/**
 * "Update the map" from the panel's editor: Regenerate of map `mapId` with
 * the panel's journey merged in three ways (from `base`, the journey the
 * editor loaded), so what people changed on the board meanwhile is kept.
 * Throws an AppFailure (`map-gone`) when the map is no longer on the board.
 */
export async function updateMapFromPanelAsync(
  port: BoardPort,
  options: Omit<RegenerateOptions, 'map' | 'drawnMapId' | 'panelJourney' | 'panelBase'> & { mapId: string; journey: Journey; base?: Journey },
): Promise<RegenerateResult> {
  const { mapId, journey, base, ...rest } = options;
  return runOnBoardAsync(port, async (run) => {
    const map = await findOriginalAsync(run, mapId);
    if (!map) throw new AppFailure({ code: 'map-gone' });
    return regenerateInRunAsync(run, port, { ...rest, map: map.info, panelJourney: journey, ...(base ? { panelBase: base } : {}) });
  });
}

/** The journey stored with the map the rule chooses (see chooseMapAsync), for the panel's check and export. Throws an AppFailure for people. */
export async function loadChosenJourneyAsync(port: BoardPort, drawnMapId?: string): Promise<{ map: MapInfo; journey: Journey }> {
  return runOnBoardAsync(port, async (run) => {
    const chosen = await chooseMapAsync(run, drawnMapId);
    const stored = requireStored(chosen);
    if (!stored) throw new AppFailure({ code: 'no-record', title: chosen.info.title });
    return { map: chosen.info, journey: stored.journey };
  });
}

/**
 * The journey of the map a person has selected (exactly one original map
 * touched by the selection), for the panel to open on; undefined when none
 * is selected or its record cannot be read.
 */
export async function loadSelectedJourneyAsync(port: BoardPort): Promise<{ mapId: string; journey: Journey } | undefined> {
  return runOnBoardAsync(port, async (run) => {
    const selected = (await listStoredMapsAsync(run)).filter((map) => map.info.selected && !map.info.isCopy);
    const map = selected.length === 1 ? selected[0] : undefined;
    const stored = map?.stored.ok ? map.stored.record : undefined;
    return map && stored ? { mapId: map.info.mapId, journey: stored.journey } : undefined;
  });
}

/** The original container of map `mapId`, as a target; undefined when the map is not on the board. */
export async function findMapTargetAsync(port: BoardPort, mapId: string): Promise<MapTarget | undefined> {
  return runOnBoardAsync(port, async (run) => {
    const map = await findOriginalAsync(run, mapId);
    return map ? { mapId, containerId: map.info.containerId } : undefined;
  });
}

/**
 * Makes `slides` the deck of map `mapId` (see BoardPort.placeSlidesAsync)
 * under the map's lease: two panels making the deck at once would each
 * draw one, and removing a slide the other just made leaves its picture
 * loose. Throws `map-gone` when the map's original is not on the board,
 * `map-busy` while another panel's run holds the lease.
 */
export async function placeMapSlidesAsync(port: BoardPort, mapId: string, slides: readonly SlideImage[], options: RunOptions = {}): Promise<SlidesReport> {
  return runOnBoardAsync(port, async (run) => {
    const map = await findOriginalAsync(run, mapId);
    if (!map?.info.containerId) throw new AppFailure({ code: 'map-gone' });
    const target: MapTarget = { mapId, containerId: map.info.containerId };
    const space = run.mapRecords(target);
    const holder = await createHolder(port, options)();
    const now = options.now ?? Date.now;
    await takeLeaseAsync(space, holder, now(), map.info.title);
    let leasedAt = now();
    try {
      const known = parseSlideList(await space.getAsync(SLIDES_RECORD_KEY));
      const listed = new Set(known);
      const report = await port.placeSlidesAsync(target, slides, {
        known,
        // Listed before anything is drawn in it: a run stopped half-way leaves nothing the next cannot find.
        onMadeAsync: async (containerId) => {
          listed.add(containerId);
          await space.setAsync(SLIDES_RECORD_KEY, JSON.stringify([...listed]));
        },
        // A long deck keeps its lease, as Regenerate does between rounds.
        beforeStepAsync: async () => {
          if (now() - leasedAt < LEASE_MS / 3) return;
          await takeLeaseAsync(space, holder, now(), map.info.title);
          leasedAt = now();
        },
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      await space.setAsync(SLIDES_RECORD_KEY, JSON.stringify([...report.containerIds, ...report.asideIds]));
      return report;
    } finally {
      await releaseLeaseAsync(space, holder).catch(() => undefined);
    }
  });
}

/** Reads map `mapId` (its original container) back from the board; undefined when it is not there. */
export async function readMapSnapshotAsync(port: BoardPort, mapId: string): Promise<Snapshot | undefined> {
  return runOnBoardAsync(port, async (run) => {
    const map = await findOriginalAsync(run, mapId);
    return map ? run.readMapAsync({ mapId, containerId: map.info.containerId }) : undefined;
  });
}
