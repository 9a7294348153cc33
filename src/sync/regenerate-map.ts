import type { Journey } from '../model/journey';
import { parseJourney } from '../model/journey-schema';
import { fail, formatValidationErrors, succeed, type ParseResult } from '../model/parse-result';
import type { HostMetrics } from '../layout/host-metrics';
import { layoutJourney } from '../layout/layout-journey';
import type { TextMeasurer } from '../layout/measure-text';
import { cardKey } from '../layout/scene-keys';
import { diffScene } from './diff-scene';
import { drawJourneyAsync } from './generate-map';
import type { ApplyProgress, ApplyReport, HostPort, MapInfo, Op, StoredJourney } from './host-port';
import { adoptForeignItems, mergeBoardEdits, type BoardChange, type Release } from './merge-board-edits';
import { mergeJourneys, type MergeConflict } from './merge-journeys';

/** Options of one Regenerate run. */
export interface RegenerateOptions {
  metrics: HostMetrics;
  /** The map to regenerate, as `chooseMapAsync` or the panel found it. */
  map: MapInfo;
  /** A fresh map id, used when `map` is a copy that becomes a map of its own. */
  createMapId: () => string;
  /** The journey as the panel has it now, when the panel was edited meanwhile. */
  panelJourney?: Journey;
  /**
   * The journey the panel's edits started from (as the panel loaded it).
   * The panel's changes are what differs from it; without it, from the
   * journey stored with the map, which is right only while nothing else
   * changed the map since the panel loaded it.
   */
  panelBase?: Journey;
  measureText?: TextMeasurer;
  onProgress?: (progress: ApplyProgress) => void;
  /** Waits between rounds after failures (back-off); without it rounds follow at once. */
  sleepAsync?: (ms: number) => Promise<void>;
}

/** What a Regenerate run found, in counts a panel can say in its own language. */
export interface RegenerateOutcome {
  title: string;
  /** Board edits absorbed into the journey. */
  edits: number;
  /** Stickies people added in cells, now cards. */
  adopted: number;
  /** Fields changed both on the board and in the panel (the board's kept). */
  conflicts: number;
}

/** What Regenerate did. */
export interface RegenerateResult {
  /** The map's id (new when a copy became a map of its own). */
  mapId: string;
  report: ApplyReport;
  /** The journey now drawn and stored with the map. */
  journey: Journey;
  /** Edits found on the board and kept. */
  changes: BoardChange[];
  /** Fields changed both on the board and in the panel; the board's version was kept. */
  conflicts: MergeConflict[];
  /** The same in counts, for the panel. */
  outcome: RegenerateOutcome;
  /** One line for people (English), e.g. for a FigJam notification. */
  summary: string;
}

/** Regenerate could not run; the message says why and what to do. */
export class RegenerateError extends Error {
  override name = 'RegenerateError';
}

/**
 * Chooses the map Regenerate acts on: the one containing the selection, or
 * the only map on the page or board. Otherwise an error that says which maps
 * there are and to select one.
 */
export async function chooseMapAsync(host: HostPort): Promise<ParseResult<MapInfo>> {
  const maps = await host.listMapsAsync();
  const selected = maps.filter((map) => map.selected);
  if (selected.length === 1 && selected[0]) return succeed(selected[0]);
  if (selected.length > 1) {
    return fail([{ path: 'selection', message: `the selection touches ${selected.length} maps (${describeMaps(selected)}); select items of one map and run Regenerate again` }]);
  }
  if (maps.length === 1 && maps[0]) return succeed(maps[0]);
  if (maps.length === 0) return fail([{ path: 'board', message: 'there is no CJM map here; insert one with Insert CJM template first' }]);
  return fail([{ path: 'selection', message: `there are ${maps.length} maps here (${describeMaps(maps)}); select one and run Regenerate again` }]);
}

/**
 * The journey stored with the map Regenerate would choose (the selected one,
 * or the only one), validated: for the panel's check and export. Fails with
 * a message for people when there is no map to choose or its journey is
 * missing or damaged.
 */
export async function loadChosenJourneyAsync(host: HostPort): Promise<ParseResult<{ map: MapInfo; journey: Journey }>> {
  const chosen = await chooseMapAsync(host);
  if (!chosen.ok) return chosen;
  const loaded = await loadStoredJourneyAsync(host, chosen.value.mapId, chosen.value.title);
  return loaded.ok ? succeed({ map: chosen.value, journey: loaded.value.journey }) : loaded;
}

/** The journey stored with map `mapId`, validated, with what else is stored; an error for people when it is missing or damaged. */
async function loadStoredJourneyAsync(host: HostPort, mapId: string, title: string): Promise<ParseResult<{ stored: StoredJourney; journey: Journey }>> {
  const stored = await host.loadJourneyAsync(mapId);
  if (!stored) return fail([{ path: 'map', message: `the map "${title}" has no journey stored with it, so its edits cannot be read; insert the map again from the panel` }]);
  const journey = parseJourney(stored.journey);
  if (!journey.ok) return fail([{ path: 'map', message: `the journey stored with "${title}" is damaged (${formatValidationErrors(journey.errors.slice(0, 3))}); insert the map again from the panel` }]);
  return succeed({ stored, journey: journey.value });
}

function describeMaps(maps: readonly MapInfo[]): string {
  const titles = maps.slice(0, 3).map((map) => `"${map.title}"${map.isCopy ? ' (copy)' : ''}`);
  return maps.length > 3 ? `${titles.join(', ')} and ${maps.length - 3} more` : titles.join(', ');
}

/** Puts release ops after creates and updates, before deletes (create and update before delete). */
function insertReleases(ops: readonly Op[], releases: readonly Release[]): Op[] {
  const releaseOps: Op[] = releases.map((release) => ({ type: 'release', key: release.key, itemIds: release.itemIds }));
  const firstDelete = ops.findIndex((op) => op.type === 'delete');
  const at = firstDelete === -1 ? ops.length : firstDelete;
  return [...ops.slice(0, at), ...releaseOps, ...ops.slice(at)];
}

function describeResult(outcome: RegenerateOutcome, report: ApplyReport): string {
  // Kept short: FigJam shows it as a one-line notification.
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const written = report.created + report.updated + report.deleted;
  const parts = [plural(outcome.edits, 'edit', 'edits') + ' kept'];
  if (outcome.adopted > 0) parts.push(plural(outcome.adopted, 'sticky', 'stickies') + ' added');
  parts.push(written === 0 ? 'nothing redrawn' : `${written} redrawn`);
  if (outcome.conflicts > 0) parts.push(plural(outcome.conflicts, 'clash', 'clashes') + ': board kept');
  if (report.failed.length > 0) parts.push(`${report.failed.length} failed, run again`);
  const title = outcome.title.length > 32 ? `${outcome.title.slice(0, 31)}…` : outcome.title;
  return `Regenerated "${title}": ${parts.join(', ')}.`;
}

/**
 * Regenerate: reads the map back, absorbs what people changed on the board
 * (and, three-way, what changed in the panel meanwhile) into the journey,
 * lays the map out again in place and writes only the difference. Nothing a
 * person typed is deleted; items the app did not draw are left where they
 * are; a copy of a map becomes a map of its own. On an unchanged board it
 * writes nothing. Throws RegenerateError when the map or its stored journey
 * cannot be read; item failures are in the report.
 */
export async function regenerateMapAsync(host: HostPort, options: RegenerateOptions): Promise<RegenerateResult> {
  const { map, metrics } = options;
  let mapId = map.mapId;
  if (map.isCopy) {
    mapId = options.createMapId();
    await host.forkMapAsync(map.containerId, mapId);
  }
  const loaded = await loadStoredJourneyAsync(host, mapId, map.title);
  if (!loaded.ok) throw new RegenerateError(loaded.errors.map((error) => error.message).join('; '));
  const { stored } = loaded.value;
  const base = loaded.value.journey;
  const snapshot = await host.readMapAsync(mapId);
  if (!snapshot) throw new RegenerateError(`the map "${map.title}" is no longer on the board; insert it again`);

  const fromBoard = mergeBoardEdits(base, snapshot, { metrics, measureText: options.measureText, complete: stored.complete, leftAlone: stored.leftAlone });
  let journey = fromBoard.journey;
  let conflicts: MergeConflict[] = [];
  let adoptions = fromBoard.adoptions;
  const releases = [...fromBoard.releases];
  const leftAlone = [...fromBoard.leftAlone];
  if (options.panelJourney) {
    const merged = mergeJourneys(options.panelBase ?? base, journey, options.panelJourney);
    journey = merged.journey;
    conflicts = merged.conflicts;
    // A card written on the board whose cell the panel removed stays on the
    // board as the person's own sticky.
    const orphanKeys = new Set<string>(merged.orphans.map((id) => cardKey(id)));
    const orphanItems = new Set(adoptions.filter((adoption) => orphanKeys.has(adoption.key)).map((adoption) => adoption.itemId));
    adoptions = adoptions.filter((adoption) => !orphanKeys.has(adoption.key));
    for (const key of orphanKeys) {
      const items = snapshot.items.filter((item) => item.identity.key === key);
      if (items.length > 0) releases.push({ key, itemIds: items.map((item) => item.itemId) });
      for (const item of items) orphanItems.add(item.itemId);
    }
    for (const item of [...snapshot.items, ...snapshot.foreign]) {
      if (orphanItems.has(item.itemId)) leftAlone.push({ itemId: item.itemId, x: item.x, y: item.y });
    }
  }
  const checked = parseJourney(journey);
  if (!checked.ok) {
    throw new RegenerateError(`the board's edits make an invalid journey (${formatValidationErrors(checked.errors.slice(0, 3))}); fix that on the board and run Regenerate again`);
  }
  journey = checked.value;

  const scene = layoutJourney(journey, { metrics, measureText: options.measureText });
  const released = new Set(releases.flatMap((release) => release.itemIds));
  const diffSnapshot = adoptForeignItems({ ...snapshot, items: snapshot.items.filter((item) => !released.has(item.itemId)) }, adoptions);
  const plan = diffScene(scene, diffSnapshot, mapId);
  plan.ops = insertReleases(plan.ops, releases);
  leftAlone.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  const report = await drawJourneyAsync(host, journey, scene, { mapId, firstPlan: plan, stored, leftAlone, onProgress: options.onProgress, sleepAsync: options.sleepAsync });
  const adopted = fromBoard.changes.filter((change) => change.kind === 'card-adopted').length;
  const releasedCount = fromBoard.changes.filter((change) => change.kind === 'released').length;
  const outcome: RegenerateOutcome = { title: journey.title, edits: fromBoard.changes.length - adopted - releasedCount, adopted, conflicts: conflicts.length };
  return { mapId, report, journey, changes: fromBoard.changes, conflicts, outcome, summary: describeResult(outcome, report) };
}

/**
 * The journey of the map a person has selected (exactly one map touched by
 * the selection), for the panel to open on start; undefined when nothing of
 * a map is selected or its journey cannot be read.
 */
export async function loadSelectedJourneyAsync(host: HostPort): Promise<{ mapId: string; journey: Journey } | undefined> {
  const selected = (await host.listMapsAsync()).filter((map) => map.selected && !map.isCopy);
  if (selected.length !== 1 || !selected[0]) return undefined;
  const loaded = await loadStoredJourneyAsync(host, selected[0].mapId, selected[0].title);
  return loaded.ok ? { mapId: selected[0].mapId, journey: loaded.value.journey } : undefined;
}

/** What updating a map from the panel needs: the map's id, the panel's journey and the journey its edits started from. */
export interface UpdateFromPanelOptions extends Omit<RegenerateOptions, 'map' | 'panelJourney' | 'panelBase'> {
  mapId: string;
  journey: Journey;
  base?: Journey;
}

/**
 * "Update the map" from the panel's editor: Regenerate of map `mapId` with
 * the panel's journey merged in three ways (from `base`, the journey the
 * editor loaded), so what people changed on the board meanwhile is kept.
 * Throws RegenerateError when the map is no longer on the board.
 */
export async function updateMapFromPanelAsync(host: HostPort, options: UpdateFromPanelOptions): Promise<RegenerateResult> {
  const { mapId, journey, base, ...rest } = options;
  const map = (await host.listMapsAsync()).find((info) => info.mapId === mapId && !info.isCopy);
  if (!map) throw new RegenerateError('the map is no longer on the board; check it again');
  return regenerateMapAsync(host, { ...rest, map, panelJourney: journey, ...(base ? { panelBase: base } : {}) });
}
