import type { Journey } from '../model/journey';
import type { HostMetrics } from '../layout/host-metrics';
import { layoutJourney } from '../layout/layout-journey';
import type { TextMeasurer } from '../layout/measure-text';
import type { Scene } from '../layout/scene';
import { diffScene } from './diff-scene';
import type { ApplyPlan, ApplyProgress, ApplyReport, HostPort, JourneyRecord, LeftAloneItem, StoredJourney } from './host-port';

/**
 * Rounds of read → diff → apply one run makes at most: a round after a
 * partial failure redraws only what is still missing or stale.
 */
export const MAX_GENERATE_ROUNDS = 5;

/** Pause before round n (from the second): 250 ms, then doubling. */
const roundDelayMs = (round: number): number => 250 * 2 ** (round - 1);

// Attempts at storing the journey with the map before a run gives up.
const SAVE_ATTEMPTS = 3;

/** Stores the journey with the map, retrying a failed write: a run cannot go on without it. */
async function saveRecordAsync(host: HostPort, mapId: string, record: JourneyRecord, sleepAsync?: (ms: number) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await host.saveJourneyAsync(mapId, record);
      return;
    } catch (error) {
      if (attempt >= SAVE_ATTEMPTS) throw error;
      await sleepAsync?.(roundDelayMs(attempt));
    }
  }
}

/** Options of one generation run. */
export interface GenerateMapOptions {
  metrics: HostMetrics;
  /** The map to draw or complete; a new id draws a new map. */
  mapId: string;
  measureText?: TextMeasurer;
  onProgress?: (progress: ApplyProgress) => void;
  /** Waits between rounds after failures (back-off); without it rounds follow at once. */
  sleepAsync?: (ms: number) => Promise<void>;
}

/** Options of drawing a laid-out journey. */
export interface DrawJourneyOptions {
  mapId: string;
  /** The plan of the first round when the caller has one (Regenerate adopts and releases items in it). */
  firstPlan?: ApplyPlan;
  /** What the map stores now, when the caller has already loaded it. */
  stored?: StoredJourney;
  /** Stickies to keep left alone (Regenerate's finding); else what the map stores. */
  leftAlone?: readonly LeftAloneItem[];
  onProgress?: (progress: ApplyProgress) => void;
  /** Waits between rounds after failures (back-off); without it rounds follow at once. */
  sleepAsync?: (ms: number) => Promise<void>;
}

/** JSON with object keys sorted, so equal data compares equal whatever its key order. */
function stringifyStably(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Whether the stored record already says what `record` says. Left-alone
 * entries the record no longer has (stickies deleted or taken off the map)
 * are harmless, so they alone cause no write; the next save drops them.
 */
function sameRecord(stored: StoredJourney, record: JourneyRecord): boolean {
  if (stringifyStably(stored.journey) !== stringifyStably(record.journey)) return false;
  const known = new Set((stored.leftAlone ?? []).map((item) => stringifyStably(item)));
  return (record.leftAlone ?? []).every((item) => known.has(stringifyStably(item)));
}

/**
 * Draws `scene` (the layout of `journey`) as map `mapId` and stores the
 * journey with the map before the first write. When the plan creates items
 * the journey is stored as incomplete, and as complete once every item is
 * drawn, so an interrupted run is finished, not misread as deletions, by the
 * next; a plan without creates stores it once, as complete. After item failures it
 * reads the map again and writes what is still missing, up to
 * MAX_GENERATE_ROUNDS rounds. A map that already shows the scene, with the
 * journey stored, gets no write at all. Item failures are in the report
 * (those of the last round), not thrown.
 */
export async function drawJourneyAsync(host: HostPort, journey: Journey, scene: Scene, options: DrawJourneyOptions): Promise<ApplyReport> {
  const { mapId } = options;
  const stored = options.stored ?? (await host.loadJourneyAsync(mapId));
  const leftAlone = options.leftAlone ?? stored?.leftAlone;
  const record = (complete: boolean): JourneyRecord => ({ journey, complete, ...(leftAlone && leftAlone.length > 0 ? { leftAlone } : {}) });
  const storedComplete = stored !== undefined && stored.complete && sameRecord(stored, record(true));
  let total: ApplyReport | undefined;
  let markedIncomplete = false;
  for (let round = 0; round < MAX_GENERATE_ROUNDS; round += 1) {
    if (round > 0) await options.sleepAsync?.(roundDelayMs(round));
    const plan = round === 0 && options.firstPlan ? options.firstPlan : diffScene(scene, await host.readMapAsync(mapId), mapId);
    if (plan.ops.length === 0 && (total || storedComplete)) {
      total ??= { mapId, origin: plan.origin ?? { x: 0, y: 0 }, created: 0, updated: 0, deleted: 0, released: 0, failed: [] };
      break;
    }
    if (round === 0 && !storedComplete) {
      const complete = !plan.ops.some((op) => op.type === 'create');
      await saveRecordAsync(host, mapId, record(complete), options.sleepAsync);
      markedIncomplete = !complete;
    } else if (!markedIncomplete && plan.ops.some((op) => op.type === 'create')) {
      await saveRecordAsync(host, mapId, record(false), options.sleepAsync);
      markedIncomplete = true;
    }
    const report = await host.applyAsync(plan, options.onProgress);
    total = total
      ? {
          ...report,
          created: total.created + report.created,
          updated: total.updated + report.updated,
          deleted: total.deleted + report.deleted,
          released: total.released + report.released,
        }
      : report;
    if (report.failed.length === 0) break;
  }
  if (!total) throw new Error('drawJourneyAsync made no round; MAX_GENERATE_ROUNDS must be at least 1');
  if (markedIncomplete && total.failed.length === 0) await saveRecordAsync(host, mapId, record(true), options.sleepAsync);
  return total;
}

/**
 * Draws a journey on the board as map `mapId`: lays it out, writes only what
 * the board does not already show (see drawJourneyAsync), stores the journey
 * with the map, then brings the map into view. Running it again after an
 * interrupted run finishes the map without duplicates; on an unchanged map it
 * writes nothing.
 */
export async function generateMapAsync(host: HostPort, journey: Journey, options: GenerateMapOptions): Promise<ApplyReport> {
  const scene = layoutJourney(journey, { metrics: options.metrics, measureText: options.measureText });
  const report = await drawJourneyAsync(host, journey, scene, { mapId: options.mapId, onProgress: options.onProgress, sleepAsync: options.sleepAsync });
  await host.focusMapAsync(options.mapId);
  return report;
}
