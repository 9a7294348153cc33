import { FIGJAM_METRICS } from '../../layout/host-metrics';
import { formatValidationErrors } from '../../model/parse-result';
import { createOnlineStoreJourney } from '../../model/templates/online-store-template';
import { generateMapAsync } from '../../sync/generate-map';
import type { ApplyProgress, ApplyReport, HostPort, MapInfo } from '../../sync/host-port';
import { createMapId } from '../../sync/item-identity';
import { chooseMapAsync, loadChosenJourneyAsync, loadSelectedJourneyAsync, regenerateMapAsync, updateMapFromPanelAsync, type RegenerateResult } from '../../sync/regenerate-map';
import { createFigjamHost } from './figjam-host';
import { createMainBridge } from './main-bridge';

/** The panel's size: wide enough for the stage editor, tall enough for the wizard. */
// The editor's grid and wizard need a little more room than the first screen.
const PANEL_SIZE = { width: 380, height: 640 };
// figma.clientStorage key of the panel's draft: per person and per plugin, kept on their machine
// (https://developers.figma.com/docs/plugins/api/figma-clientStorage).
const DRAFT_STORAGE_KEY = 'cjm-board/draft';

/** Menu commands of `manifest.json`. */
export const FIGJAM_COMMANDS = {
  open: 'open',
  insertTemplate: 'insert-template',
  regenerate: 'regenerate',
} as const;

/** What the plugin needs besides the `figma` global. */
export interface RunPluginOptions {
  /** The panel HTML (`__html__` in the plugin sandbox). */
  html: string;
  /** Source of randomness for map ids; defaults to Math.random. */
  random?: () => number;
  /** Back-off between drawing rounds after failures; defaults to a timer. */
  sleepAsync?: (ms: number) => Promise<void>;
}

const sleepWithTimerAsync = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function describeReport(report: ApplyReport): string {
  const drawn = report.created + report.updated;
  const failed = report.failed.length;
  const reason = report.failed[0]?.reason ?? '';
  return failed === 0
    ? `CJM map inserted: ${drawn} items`
    : `CJM map inserted: ${drawn} items; ${failed} could not be drawn (${reason}). Open CJM panel and click Insert again, or undo and retry.`;
}

/** Regenerate could not choose a map; the message says which maps there are. */
class NoMapChosenError extends Error {
  override name = 'NoMapChosenError';
}

/**
 * Regenerates map `preferredMapId` when it is still an original map on the
 * page (the map the panel drew last), otherwise the map `chooseMapAsync`
 * picks: the one holding the selection, or the only one. Throws
 * NoMapChosenError when there is none or several and none is selected, and
 * RegenerateError when the map's stored journey cannot be read.
 */
async function regenerateChosenMapAsync(
  host: HostPort,
  options: { preferredMapId?: string; random: () => number; sleepAsync: (ms: number) => Promise<void>; onProgress?: (progress: ApplyProgress) => void },
): Promise<RegenerateResult & { map: MapInfo }> {
  let map: MapInfo | undefined;
  if (options.preferredMapId) map = (await host.listMapsAsync()).find((info) => info.mapId === options.preferredMapId && !info.isCopy);
  if (!map) {
    const chosen = await chooseMapAsync(host);
    if (!chosen.ok) throw new NoMapChosenError(formatValidationErrors(chosen.errors));
    map = chosen.value;
  }
  const result = await regenerateMapAsync(host, { metrics: FIGJAM_METRICS, map, createMapId: () => createMapId(options.random), onProgress: options.onProgress, sleepAsync: options.sleepAsync });
  return { ...result, map };
}

/**
 * Runs the FigJam plugin for `figma.command`: `open` (or no command) shows
 * the panel and connects it; `insert-template` draws the template map without
 * a panel, notifies what it drew and closes; `regenerate` (the menu command
 * and the relaunch button on a map's section) re-lays out the chosen map,
 * notifies what it did and closes. Never throws: failures are shown with
 * `figma.notify`.
 */
export async function runPlugin(api: PluginAPI, options: RunPluginOptions): Promise<void> {
  const random = options.random ?? Math.random;
  const sleepAsync = options.sleepAsync ?? sleepWithTimerAsync;
  const host = createFigjamHost(api);
  // Run from the plugins menu without a command, figma.command is ''.
  const command = api.command || FIGJAM_COMMANDS.open;
  switch (command) {
    case FIGJAM_COMMANDS.insertTemplate: {
      try {
        const report = await generateMapAsync(host, createOnlineStoreJourney(), { metrics: FIGJAM_METRICS, mapId: createMapId(random), sleepAsync });
        api.notify(describeReport(report), { error: report.failed.length > 0 });
      } catch (error) {
        api.notify(`Could not insert the CJM map: ${describeError(error)}`, { error: true });
      }
      api.closePlugin();
      return;
    }
    case FIGJAM_COMMANDS.regenerate: {
      try {
        const result = await regenerateChosenMapAsync(host, { random, sleepAsync });
        // The summary names the map; notify shows up to 100 characters
        // (https://developers.figma.com/docs/plugins/api/properties/figma-notify).
        api.notify(result.summary, { error: result.report.failed.length > 0 });
      } catch (error) {
        api.notify(`Could not regenerate: ${describeError(error)}`, { error: true });
      }
      api.closePlugin();
      return;
    }
    case FIGJAM_COMMANDS.open: {
      api.showUI(options.html, { ...PANEL_SIZE, themeColors: true });
      const dispose = createMainBridge(api, {
        createTemplateJourney: createOnlineStoreJourney,
        createMapId: () => createMapId(random),
        generateMapAsync: (journey, mapId, onProgress) => generateMapAsync(host, journey, { metrics: FIGJAM_METRICS, mapId, onProgress, sleepAsync }),
        regenerateMapAsync: async (preferredMapId, onProgress) => {
          // What the panel is told: the journey itself goes back only to an update from the editor.
          const { mapId, report, summary, outcome } = await regenerateChosenMapAsync(host, { preferredMapId, random, sleepAsync, onProgress });
          return { mapId, report, summary, outcome };
        },
        loadMapJourneyAsync: async () => {
          const loaded = await loadChosenJourneyAsync(host);
          if (!loaded.ok) throw new Error(formatValidationErrors(loaded.errors));
          return { mapId: loaded.value.map.mapId, journey: loaded.value.journey };
        },
        focusAsync: (mapId, keys) => host.focusMapAsync(mapId, keys),
        loadDraftAsync: () => api.clientStorage.getAsync(DRAFT_STORAGE_KEY),
        saveDraftAsync: (draft) => (draft ? api.clientStorage.setAsync(DRAFT_STORAGE_KEY, draft) : api.clientStorage.deleteAsync(DRAFT_STORAGE_KEY)),
        loadSelectedMapAsync: () => loadSelectedJourneyAsync(host),
        updateMapAsync: async (mapId, journey, onProgress, base) => {
          const result = await updateMapFromPanelAsync(host, {
            metrics: FIGJAM_METRICS,
            mapId,
            journey,
            ...(base ? { base } : {}),
            createMapId: () => createMapId(random),
            onProgress,
            sleepAsync,
          });
          return { mapId: result.mapId, report: result.report, summary: result.summary, outcome: result.outcome, journey: result.journey };
        },
        closePlugin: () => api.closePlugin(),
      });
      api.on('close', dispose);
      return;
    }
    default:
      api.notify(`Unknown command "${command}": expected open, insert-template or regenerate. Check manifest.json.`, { error: true });
      api.closePlugin();
  }
}
