import type { Board } from '@mirohq/websdk-types';
import { MIRO_METRICS } from '../src/layout/host-metrics';
import { createMiroHost } from '../src/hosts/miro/miro-host';
import { createMiroDraftStore } from '../src/hosts/miro/miro-draft-store';
import { parseJourneyDraft } from '../src/model/journey-draft';
import { generateMapAsync } from '../src/sync/generate-map';
import { createMapId } from '../src/sync/item-identity';
import { chooseMapAsync, loadChosenJourneyAsync, loadSelectedJourneyAsync, regenerateMapAsync, updateMapFromPanelAsync } from '../src/sync/regenerate-map';
import { formatValidationErrors } from '../src/model/parse-result';
import type { PanelController } from './panel-controller';
import type { Journey } from '../src/model/journey';

/** What the Miro controller needs besides the board: the host's language, randomness and a clock. */
export interface MiroControllerOptions {
  hostLocale?: string;
  random?: () => number;
  sleepAsync?: (ms: number) => Promise<void>;
}

/**
 * The panel controller of Miro: calls the core and the Miro adapter directly
 * on `board` (Miro's `miro.board`, or the playground's simulated board).
 */
export function createMiroController(board: Board, options: MiroControllerOptions = {}): PanelController {
  const host = createMiroHost(board);
  const drafts = createMiroDraftStore(board);
  const random = options.random ?? Math.random;
  const sleepAsync = options.sleepAsync ?? ((ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)));
  let mapId = createMapId(random);
  /** The journey the panel inserted last: what Finish the map completes. */
  let lastJourney: Journey | undefined;
  // The host's own template loads on first use: the panel inserts templates in its language itself.
  const loadTemplateAsync = async (): Promise<Journey> => (await import('../src/model/templates/online-store-template')).createOnlineStoreJourney();
  const controller: PanelController = {
    ...(options.hostLocale === undefined ? {} : { hostLocale: options.hostLocale }),
    insertTemplateAsync: async (onProgress) => {
      mapId = createMapId(random);
      lastJourney = await loadTemplateAsync();
      return generateMapAsync(host, lastJourney, { metrics: MIRO_METRICS, mapId, onProgress, sleepAsync });
    },
    finishMapAsync: async (onProgress) => {
      lastJourney ??= await loadTemplateAsync();
      return generateMapAsync(host, lastJourney, { metrics: MIRO_METRICS, mapId, onProgress, sleepAsync });
    },
    regenerateAsync: async (onProgress) => {
      const chosen = await chooseMapAsync(host);
      if (!chosen.ok) throw new Error(formatValidationErrors(chosen.errors));
      const result = await regenerateMapAsync(host, { metrics: MIRO_METRICS, map: chosen.value, createMapId: () => createMapId(random), onProgress, sleepAsync });
      mapId = result.mapId;
      return { report: result.report, outcome: result.outcome };
    },
    insertJourneyAsync: (journey, onProgress) => {
      mapId = createMapId(random);
      lastJourney = journey;
      return generateMapAsync(host, journey, { metrics: MIRO_METRICS, mapId, onProgress, sleepAsync });
    },
    loadMapJourneyAsync: async () => {
      const loaded = await loadChosenJourneyAsync(host);
      if (!loaded.ok) throw new Error(formatValidationErrors(loaded.errors));
      return { mapId: loaded.value.map.mapId, journey: loaded.value.journey };
    },
    showOnBoardAsync: (mapIdToShow, keys) => host.focusMapAsync(mapIdToShow, keys),
    renderSvgAsync: async (journey, maxWidth) => {
      // Loaded on first use: the panel starts without the renderer.
      const { renderJourneySvg } = await import('../src/render/render-scene-svg');
      return renderJourneySvg(journey, maxWidth === undefined ? {} : { maxWidth });
    },
    openAsync: async () => {
      // A draft or map that cannot be read leaves the panel at its first screen.
      const [stored, selected] = await Promise.all([drafts.loadAsync().catch(() => undefined), loadSelectedJourneyAsync(host).catch(() => undefined)]);
      const draft = stored === undefined || stored === null ? undefined : parseJourneyDraft(stored);
      return { ...(draft?.ok ? { draft: draft.value } : {}), ...(selected ? { selected } : {}) };
    },
    saveDraftAsync: (draft) => drafts.saveAsync(draft),
    updateMapAsync: async (mapIdToUpdate, journey, onProgress, base) => {
      const result = await updateMapFromPanelAsync(host, {
        metrics: MIRO_METRICS,
        mapId: mapIdToUpdate,
        journey,
        ...(base ? { base } : {}),
        createMapId: () => createMapId(random),
        onProgress,
        sleepAsync,
      });
      return { report: result.report, outcome: result.outcome, journey: result.journey };
    },
  };
  return controller;
}
