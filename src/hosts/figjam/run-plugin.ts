import { FIGJAM_METRICS } from '../../layout/host-metrics';
import { createOnlineStoreJourney } from '../../model/templates/online-store-template';
import { generateMapAsync } from '../../sync/generate-map';
import type { ApplyReport } from '../../sync/host-port';
import { createMapId } from '../../sync/item-identity';
import { createFigjamHost } from './figjam-host';
import { createMainBridge } from './main-bridge';

/** The panel's size: wide enough for the stage editor, tall enough for the wizard. */
const PANEL_SIZE = { width: 360, height: 560 };

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
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function describeReport(report: ApplyReport): string {
  const drawn = report.created + report.updated;
  const failed = report.failed.length;
  const reason = report.failed[0]?.reason ?? '';
  return failed === 0
    ? `CJM map inserted: ${drawn} items`
    : `CJM map inserted: ${drawn} items; ${failed} could not be drawn (${reason}). Open CJM panel and click Insert again, or undo and retry.`;
}

/**
 * Runs the FigJam plugin for `figma.command`: `open` (or no command) shows
 * the panel and connects it; `insert-template` draws the template map without
 * a panel, notifies what it drew and closes; `regenerate` is announced and
 * closes. Never throws: failures are shown with `figma.notify`.
 */
export async function runPlugin(api: PluginAPI, options: RunPluginOptions): Promise<void> {
  const random = options.random ?? Math.random;
  const host = createFigjamHost(api);
  // Run from the plugins menu without a command, figma.command is ''.
  const command = api.command || FIGJAM_COMMANDS.open;
  switch (command) {
    case FIGJAM_COMMANDS.insertTemplate: {
      try {
        const report = await generateMapAsync(host, createOnlineStoreJourney(), { metrics: FIGJAM_METRICS, mapId: createMapId(random) });
        api.notify(describeReport(report), { error: report.failed.length > 0 });
      } catch (error) {
        api.notify(`Could not insert the CJM map: ${describeError(error)}`, { error: true });
      }
      api.closePlugin();
      return;
    }
    case FIGJAM_COMMANDS.regenerate:
      api.notify('Regenerate is coming soon: it will re-lay out the map from the board. For now, use Open CJM panel.');
      api.closePlugin();
      return;
    case FIGJAM_COMMANDS.open: {
      api.showUI(options.html, { ...PANEL_SIZE, themeColors: true });
      const dispose = createMainBridge(api, {
        createTemplateJourney: createOnlineStoreJourney,
        createMapId: () => createMapId(random),
        generateMapAsync: (journey, mapId, onProgress) => generateMapAsync(host, journey, { metrics: FIGJAM_METRICS, mapId, onProgress }),
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
