import type { Journey } from '../model/journey';
import type { HostMetrics } from '../layout/host-metrics';
import { layoutJourney } from '../layout/layout-journey';
import type { TextMeasurer } from '../layout/measure-text';
import { diffScene } from './diff-scene';
import type { ApplyProgress, ApplyReport, HostPort } from './host-port';

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
 * the map into view. Running it again after an interrupted run finishes the
 * map without duplicates; running it on an unchanged map writes nothing.
 * Item failures are in the report, not thrown.
 */
export async function generateMapAsync(host: HostPort, journey: Journey, options: GenerateMapOptions): Promise<ApplyReport> {
  const scene = layoutJourney(journey, { metrics: options.metrics, measureText: options.measureText });
  const snapshot = await host.readMapAsync(options.mapId);
  const plan = diffScene(scene, snapshot, options.mapId);
  const report = await host.applyAsync(plan, options.onProgress);
  await host.focusMapAsync(options.mapId);
  return report;
}
