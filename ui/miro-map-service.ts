import type { Board } from '@mirohq/websdk-types';
import { connectInProcess, type MapClient } from '../src/app/map-channel';
import { createMapService } from '../src/app/map-service';
import { createMiroPort, type MiroHostOptions } from '../src/hosts/miro/miro-host';

/** What the Miro panel's service needs besides the board. */
export interface MiroPanelOptions extends MiroHostOptions {
  hostLocale?: string;
  random?: () => number;
}

/**
 * The Miro panel's map service on `board` (Miro's `miro.board`, or the
 * playground's simulated board), and the panel's end of the channel to it,
 * in the panel's own window.
 */
export function connectMiroPanel(board: Board, options: MiroPanelOptions = {}): MapClient {
  const { hostLocale, random, ...hostOptions } = options;
  const service = createMapService({
    port: createMiroPort(board, hostOptions),
    // Loaded on first use: the panel starts without the template and the renderer.
    createTemplateJourneyAsync: async () => (await import('../src/model/templates/online-store-template')).createOnlineStoreJourney(),
    renderSvgAsync: async (journey, maxWidth) => (await import('../src/render/render-scene-svg')).renderJourneySvg(journey, maxWidth === undefined ? {} : { maxWidth }),
    ...(random ? { random } : {}),
    ...(hostOptions.sleepAsync ? { sleepAsync: hostOptions.sleepAsync } : {}),
  });
  return connectInProcess(service, hostLocale === undefined ? {} : { hostLocale });
}
