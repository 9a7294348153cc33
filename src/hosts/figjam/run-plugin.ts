import { describeAppError, findAppError } from '../../app/app-error';
import { createServiceEndpoint } from '../../app/map-channel';
import { MAP_CHANNEL } from '../../app/map-messages';
import { createMapService, type MapService } from '../../app/map-service';
import { createOnlineStoreJourney } from '../../model/templates/online-store-template';
import { renderJourneySvg } from '../../render/render-scene-svg';
import { renderJourneySlides } from '../../render/render-slides';
import type { ApplyReport } from '../../sync/host-port';
import { describeRegenerateResult } from '../../sync/regenerate-map';
import { createFigjamPort } from './figjam-host';

// The editor's grid and wizard need a little more room than the first screen.
const PANEL_SIZE = { width: 380, height: 640 };

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

function describeReport(report: ApplyReport): string {
  const drawn = report.created + report.updated;
  const failed = report.failed.length;
  const reason = report.failed[0]?.reason ?? '';
  return failed === 0
    ? `CJM map inserted: ${drawn} items`
    : `CJM map inserted: ${drawn} items; ${failed} could not be drawn (${reason}). Open CJM panel and click Insert again, or undo and retry.`;
}

/** The map service of the plugin: the same core the Miro panel runs, over the FigJam port. */
function createFigjamMapService(api: PluginAPI, options: RunPluginOptions): MapService {
  return createMapService({
    port: createFigjamPort(api),
    createTemplateJourneyAsync: () => Promise.resolve(createOnlineStoreJourney()),
    // Layout and drawing live on this side; the panel stays light.
    renderSvgAsync: (journey, maxWidth) => Promise.resolve(renderJourneySvg(journey, maxWidth === undefined ? {} : { maxWidth })),
    renderSlidesAsync: (journey) => Promise.resolve(renderJourneySlides(journey)),
    close: () => api.closePlugin(),
    ...(options.random ? { random: options.random } : {}),
    ...(options.sleepAsync ? { sleepAsync: options.sleepAsync } : {}),
  });
}

/**
 * Connects the panel iframe to the map service: every `figma.ui` message is
 * an envelope of the map channel, checked on arrival and answered with the
 * request's id (https://developers.figma.com/docs/plugins/api/figma-ui:
 * `figma.ui.on('message')` gets the pluginMessage itself). Posts `ready`
 * first. Returns the disposer that removes the listener.
 */
export function connectPanel(api: PluginAPI, service: MapService, locale = 'en'): () => void {
  const endpoint = createServiceEndpoint(service, (envelope) => api.ui.postMessage(envelope));
  const handleMessage = (data: unknown): void => endpoint.receive(data);
  api.ui.on('message', handleMessage);
  api.ui.postMessage({ channel: MAP_CHANNEL, type: 'ready', locale });
  return () => api.ui.off('message', handleMessage);
}

/**
 * Runs the FigJam plugin for `figma.command`: `open` (or no command) shows
 * the panel and connects it to the map service; `insert-template` draws the
 * template map without a panel, notifies what it drew and closes;
 * `regenerate` (the menu command and the relaunch button on a map's
 * section) re-lays out the chosen map, notifies what it did and closes.
 * Never throws: failures are shown with `figma.notify`.
 */
export async function runPlugin(api: PluginAPI, options: RunPluginOptions): Promise<void> {
  const service = createFigjamMapService(api, options);
  // Run from the plugins menu without a command, figma.command is ''.
  const command = api.command || FIGJAM_COMMANDS.open;
  switch (command) {
    case FIGJAM_COMMANDS.insertTemplate: {
      try {
        const { report } = await service.handleAsync({ type: 'insert-template' });
        api.notify(describeReport(report), { error: report.failed.length > 0 });
      } catch (error) {
        api.notify(`Could not insert the CJM map: ${describeAppError(findAppError(error))}`, { error: true });
      }
      api.closePlugin();
      return;
    }
    case FIGJAM_COMMANDS.regenerate: {
      try {
        const { report, outcome } = await service.handleAsync({ type: 'regenerate' });
        // The summary names the map; notify shows up to 100 characters
        // (https://developers.figma.com/docs/plugins/api/properties/figma-notify).
        if (outcome) api.notify(describeRegenerateResult(outcome, report), { error: report.failed.length > 0 });
      } catch (error) {
        api.notify(`Could not regenerate: ${describeAppError(findAppError(error))}`, { error: true });
      }
      api.closePlugin();
      return;
    }
    case FIGJAM_COMMANDS.open: {
      api.showUI(options.html, { ...PANEL_SIZE, themeColors: true });
      const dispose = connectPanel(api, service);
      api.on('close', dispose);
      return;
    }
    default:
      api.notify(`Unknown command "${command}": expected open, insert-template or regenerate. Check manifest.json.`, { error: true });
      api.closePlugin();
  }
}
