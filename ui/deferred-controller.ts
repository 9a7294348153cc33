import type { PanelController } from '../src/app/map-channel';

/**
 * A panel controller whose implementation loads on first use: every call
 * waits for `loadAsync` (once), then goes to the loaded controller. The
 * Miro panel paints before the map service, the record module and the
 * validators have loaded.
 */
export function createDeferredController(loadAsync: () => Promise<PanelController>, hostLocale?: string, options: { takeBack?: boolean } = {}): PanelController {
  let loaded: Promise<PanelController> | undefined;
  const controllerAsync = (): Promise<PanelController> => (loaded ??= loadAsync());
  return {
    ...(hostLocale === undefined ? {} : { hostLocale }),
    insertTemplateAsync: async (onProgress) => (await controllerAsync()).insertTemplateAsync(onProgress),
    finishMapAsync: async (onProgress) => (await controllerAsync()).finishMapAsync(onProgress),
    regenerateAsync: async (onProgress) => (await controllerAsync()).regenerateAsync(onProgress),
    insertJourneyAsync: async (journey, onProgress) => (await controllerAsync()).insertJourneyAsync(journey, onProgress),
    loadMapJourneyAsync: async () => (await controllerAsync()).loadMapJourneyAsync(),
    updateMapAsync: async (mapId, journey, onProgress, base) => (await controllerAsync()).updateMapAsync(mapId, journey, onProgress, base),
    renderSvgAsync: async (journey, maxWidth) => (await controllerAsync()).renderSvgAsync(journey, maxWidth),
    renderSlidesAsync: async (journey) => (await controllerAsync()).renderSlidesAsync(journey),
    placeSlidesAsync: async (mapId, slides, onProgress) => (await controllerAsync()).placeSlidesAsync(mapId, slides, onProgress),
    showOnBoardAsync: async (mapId, keys) => (await controllerAsync()).showOnBoardAsync(mapId, keys),
    openAsync: async () => (await controllerAsync()).openAsync(),
    saveDraftAsync: async (draft) => (await controllerAsync()).saveDraftAsync(draft),
    ...(options.takeBack
      ? {
          takeBackAsync: async (mapId: string, onProgress: Parameters<NonNullable<PanelController['takeBackAsync']>>[1]) => {
            const controller = await controllerAsync();
            if (!controller.takeBackAsync) throw new Error('this host keeps its own undo step');
            return controller.takeBackAsync(mapId, onProgress);
          },
        }
      : {}),
  };
}
