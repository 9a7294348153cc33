import type { Journey } from '../model/journey';
import type { HostMetrics } from '../layout/host-metrics';
import { layoutJourney } from '../layout/layout-journey';
import type { TextMeasurer } from '../layout/measure-text';
import { diffScene } from './diff-scene';
import type { ApplyProgress, ApplyReport, HostPort } from './host-port';

/**
 * Rounds of read → diff → apply one run makes at most: a round after a
 * partial failure redraws only what is still missing or stale.
 */
export const MAX_GENERATE_ROUNDS = 3;

/** Options of one generation run. */
export interface GenerateMapOptions {
  metrics: HostMetrics;
  /** The map to draw or complete; a new id draws a new map. */
  mapId: string;
  measureText?: TextMeasurer;
  onProgress?: (progress: ApplyProgress) => void;
}

/**
 * Draws a journey on the board as map `mapId`: lays it out, reads what the
 * board already holds of that map, writes only the difference, then brings
 * the map into view. When some items fail, it reads the map again and writes
 * what is still missing, up to MAX_GENERATE_ROUNDS rounds; running it again
 * later with the same `mapId` finishes the map without duplicates, and on an
 * unchanged map it writes nothing. Item failures are in the report (those of
 * the last round), not thrown.
 */
export async function generateMapAsync(host: HostPort, journey: Journey, options: GenerateMapOptions): Promise<ApplyReport> {
  const scene = layoutJourney(journey, { metrics: options.metrics, measureText: options.measureText });
  let total: ApplyReport | undefined;
  for (let round = 0; round < MAX_GENERATE_ROUNDS; round += 1) {
    const snapshot = await host.readMapAsync(options.mapId);
    const plan = diffScene(scene, snapshot, options.mapId);
    if (total && plan.ops.length === 0) break;
    const report = await host.applyAsync(plan, options.onProgress);
    total = total
      ? { ...report, created: total.created + report.created, updated: total.updated + report.updated, deleted: total.deleted + report.deleted }
      : report;
    if (report.failed.length === 0) break;
  }
  await host.focusMapAsync(options.mapId);
  if (!total) throw new Error('generateMapAsync made no round; MAX_GENERATE_ROUNDS must be at least 1');
  return total;
}
