import { render } from 'preact';
import { MIRO_METRICS } from '../src/layout/host-metrics';
import { createOnlineStoreJourney } from '../src/model/templates/online-store-template';
import { createMiroHost } from '../src/hosts/miro/miro-host';
import { generateMapAsync } from '../src/sync/generate-map';
import { createMapId } from '../src/sync/item-identity';
import { chooseMapAsync, loadChosenJourneyAsync, regenerateMapAsync } from '../src/sync/regenerate-map';
import { formatValidationErrors } from '../src/model/parse-result';
import { PanelApp } from './panel-app';
import { pickLocale, STRINGS } from './strings';
import type { PanelController } from './panel-controller';

const root = document.getElementById('app');
if (root && typeof miro === 'undefined') {
  // Opened outside Miro (or Miro's SDK could not load): say where it works.
  const strings = STRINGS[pickLocale(navigator.language)];
  render(
    <main class="panel">
      <h1 class="panel__title">{strings.title}</h1>
      <p role="alert" class="panel__error">
        {strings.outsideMiro}
      </p>
    </main>,
    root,
  );
} else if (root) {
  const host = createMiroHost(miro.board);
  const sleepAsync = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  let mapId = createMapId(Math.random);
  /** The journey the panel inserted last: what Finish the map completes. */
  let lastJourney = createOnlineStoreJourney();
  const controller: PanelController = {
    hostLocale: navigator.language,
    insertTemplateAsync: (onProgress) => {
      mapId = createMapId(Math.random);
      lastJourney = createOnlineStoreJourney();
      return generateMapAsync(host, lastJourney, { metrics: MIRO_METRICS, mapId, onProgress, sleepAsync });
    },
    finishMapAsync: (onProgress) => generateMapAsync(host, lastJourney, { metrics: MIRO_METRICS, mapId, onProgress, sleepAsync }),
    regenerateAsync: async (onProgress) => {
      const chosen = await chooseMapAsync(host);
      if (!chosen.ok) throw new Error(formatValidationErrors(chosen.errors));
      const result = await regenerateMapAsync(host, { metrics: MIRO_METRICS, map: chosen.value, createMapId: () => createMapId(Math.random), onProgress, sleepAsync });
      mapId = result.mapId;
      return { report: result.report, outcome: result.outcome };
    },
    insertJourneyAsync: (journey, onProgress) => {
      mapId = createMapId(Math.random);
      lastJourney = journey;
      return generateMapAsync(host, journey, { metrics: MIRO_METRICS, mapId, onProgress, sleepAsync });
    },
    loadMapJourneyAsync: async () => {
      const loaded = await loadChosenJourneyAsync(host);
      if (!loaded.ok) throw new Error(formatValidationErrors(loaded.errors));
      return { mapId: loaded.value.map.mapId, journey: loaded.value.journey };
    },
    showOnBoardAsync: (mapId, keys) => host.focusMapAsync(mapId, keys),
    renderSvgAsync: async (journey, maxWidth) => {
      // Loaded with the Import, check and export section.
      const { renderJourneySvg } = await import('../src/render/render-scene-svg');
      return renderJourneySvg(journey, maxWidth === undefined ? {} : { maxWidth });
    },
    updateMapAsync: async (mapIdToUpdate, journey, onProgress) => {
      const map = (await host.listMapsAsync()).find((info) => info.mapId === mapIdToUpdate && !info.isCopy);
      if (!map) throw new Error('the map is no longer on this board; check it again');
      const result = await regenerateMapAsync(host, { metrics: MIRO_METRICS, map, panelJourney: journey, createMapId: () => createMapId(Math.random), onProgress, sleepAsync });
      return { report: result.report, outcome: result.outcome };
    },
  };
  render(<PanelApp controller={controller} />, root);
}
