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
    // Pictures (exports and the gallery's previews alike) break long words at
    // the language's hyphenation points, as the CLI and the playground do; the
    // patterns (about 45 KB) load with the renderer, on first use.
    renderSvgAsync: async (journey, maxWidth) => {
      const [{ renderJourneySvg }, { createPatternHyphenator }] = await Promise.all([import('../src/render/render-scene-svg'), import('../src/render/create-pattern-hyphenator')]);
      const hyphenate = createPatternHyphenator(journey.locale);
      return renderJourneySvg(journey, { hyphenate, ...(maxWidth === undefined ? {} : { maxWidth }) });
    },
    renderSlidesAsync: async (journey) => {
      const [{ renderJourneySlides }, { createPatternHyphenator }] = await Promise.all([import('../src/render/render-slides'), import('../src/render/create-pattern-hyphenator')]);
      return renderJourneySlides(journey, { hyphenate: createPatternHyphenator(journey.locale) });
    },
    ...(random ? { random } : {}),
    ...(hostOptions.sleepAsync ? { sleepAsync: hostOptions.sleepAsync } : {}),
  });
  // Miro has no undo for what an app draws: the panel can take an insert back.
  return connectInProcess(service, { takeBack: true, ...(hostLocale === undefined ? {} : { hostLocale }) });
}
