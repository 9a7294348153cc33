import type { Journey } from '../../model/journey';
import { parseJourneyDraft, type JourneyDraft } from '../../model/journey-draft';
import { formatValidationErrors } from '../../model/parse-result';
import { renderJourneySvg } from '../../render/render-scene-svg';
import type { ApplyProgress, ApplyReport } from '../../sync/host-port';
import type { RegenerateOutcome } from '../../sync/regenerate-map';
import { parseUiToMainMessage, type MainToUiMessage } from './figjam-messages';

/** What the main thread does for the panel. */
export interface MainBridgeHandlers {
  /** The journey "Insert CJM template" draws. */
  createTemplateJourney(): Journey;
  /** Draws `journey` as map `mapId`; item failures are in the report. */
  generateMapAsync(journey: Journey, mapId: string, onProgress: (progress: ApplyProgress) => void): Promise<ApplyReport>;
  /**
   * Regenerates map `mapId` (the map the panel drew last), or the map
   * chosen on the board when `mapId` is undefined or no longer a map.
   * Throws with a message for people when no map can be chosen or read.
   */
  regenerateMapAsync(
    mapId: string | undefined,
    onProgress: (progress: ApplyProgress) => void,
  ): Promise<{ mapId: string; report: ApplyReport; summary: string; outcome: RegenerateOutcome }>;
  /** The journey of the map chosen on the board; throws with a message for people. */
  loadMapJourneyAsync(): Promise<{ mapId: string; journey: Journey }>;
  /**
   * Updates map `mapId` to the panel's `journey`, keeping what people changed
   * on the board meanwhile (Regenerate's three-way merge).
   */
  updateMapAsync(
    mapId: string,
    journey: Journey,
    onProgress: (progress: ApplyProgress) => void,
    base?: Journey,
  ): Promise<{ mapId: string; report: ApplyReport; summary: string; outcome: RegenerateOutcome; journey?: Journey }>;
  /** Selects and zooms to the items of map `mapId` that show `keys`. */
  focusAsync(mapId: string, keys: readonly string[]): Promise<void>;
  /** A new map id. */
  createMapId(): string;
  /** The panel's saved draft as stored (the panel validates it), or undefined. */
  loadDraftAsync(): Promise<unknown>;
  /** Keeps the panel's draft; undefined forgets it. */
  saveDraftAsync(draft: JourneyDraft | undefined): Promise<void>;
  /** The journey of the map selected on the board, or undefined when none is. */
  loadSelectedMapAsync(): Promise<{ mapId: string; journey: Journey } | undefined>;
  /** Closes the plugin (the panel's "close"). */
  closePlugin(): void;
}

/** Options of the bridge. */
export interface MainBridgeOptions {
  /** Locale sent to the panel in `ready`; the panel falls back to its own. */
  locale?: string;
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Connects the FigJam main thread to the panel iframe: listens to
 * `figma.ui` messages, checks each one with `parseUiToMainMessage` (a bad one
 * is answered with an `error` message and changes nothing), runs generation
 * for `insert-template` and `generate` and Regenerate for `regenerate`, one
 * run at a time, and posts `progress`, `done` or `error`. Posts `ready`
 * first. Returns the disposer that removes the listener.
 */
export function createMainBridge(api: PluginAPI, handlers: MainBridgeHandlers, options: MainBridgeOptions = {}): () => void {
  const post = (message: MainToUiMessage): void => api.ui.postMessage(message);
  /** The map the panel edits: set by its first insert or generate. */
  let currentMapId: string | undefined;
  /** The journey the panel drew last: what "finish" draws again, without duplicates. */
  let lastJourney: Journey | undefined;
  // Runs are queued, so a second click waits for the first map to finish.
  let queue: Promise<void> = Promise.resolve();

  const runGenerationAsync = async (journey: Journey, mapId: string): Promise<void> => {
    try {
      const report = await handlers.generateMapAsync(journey, mapId, (progress) => post({ type: 'progress', done: progress.done, total: progress.total }));
      post({ type: 'done', report });
    } catch (error) {
      post({ type: 'error', message: `Could not draw the map: ${describeError(error)}. Nothing else was changed; try again, or reload the plugin.` });
    }
  };

  /** Runs a Regenerate (of the board's edits, or with the panel's journey) and posts its outcome. */
  const runRegenerateAsync = async (
    regenerate: (onProgress: (progress: ApplyProgress) => void) => Promise<{ report: ApplyReport; summary: string; outcome: RegenerateOutcome; journey?: Journey }>,
    failure: string,
  ): Promise<void> => {
    try {
      const result = await regenerate((progress) => post({ type: 'progress', done: progress.done, total: progress.total }));
      post({ type: 'done', report: result.report, summary: result.summary, outcome: result.outcome, ...(result.journey ? { journey: result.journey } : {}) });
    } catch (error) {
      post({ type: 'error', message: `${failure}: ${describeError(error)}` });
    }
  };

  const handleMessage = (data: unknown): void => {
    const parsed = parseUiToMainMessage(data);
    if (!parsed.ok && typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'save-draft') {
      // The panel does not wait for an answer to a draft: an error would be
      // taken as the answer to whatever it does wait for (a run, a picture).
      console.warn('cjm-board: a draft was not saved', parsed.errors);
      return;
    }
    if (!parsed.ok) {
      post({ type: 'error', message: `The plugin ignored a message from the panel: ${formatValidationErrors(parsed.errors)}` });
      return;
    }
    const message = parsed.value;
    switch (message.type) {
      case 'close':
        handlers.closePlugin();
        return;
      case 'insert-template':
      case 'insert-journey': {
        const mapId = handlers.createMapId();
        const journey = message.type === 'insert-journey' ? message.journey : handlers.createTemplateJourney();
        currentMapId = mapId;
        lastJourney = journey;
        queue = queue.then(() => runGenerationAsync(journey, mapId));
        return;
      }
      case 'update-map':
        queue = queue.then(() => runRegenerateAsync((onProgress) => handlers.updateMapAsync(message.mapId, message.journey, onProgress, message.base), 'Could not update the map'));
        return;
      case 'render-svg':
        // Layout and drawing live on this side; the panel stays light.
        post({ type: 'svg', svg: renderJourneySvg(message.journey, message.maxWidth === undefined ? {} : { maxWidth: message.maxWidth }) });
        return;
      case 'focus':
        queue = queue.then(() => handlers.focusAsync(message.mapId, message.keys).catch((error: unknown) => post({ type: 'error', message: describeError(error) })));
        return;
      case 'finish': {
        const mapId = currentMapId ?? handlers.createMapId();
        const journey = lastJourney ?? handlers.createTemplateJourney();
        currentMapId = mapId;
        lastJourney = journey;
        queue = queue.then(() => runGenerationAsync(journey, mapId));
        return;
      }
      case 'load-draft':
        queue = queue.then(async () => {
          // A draft or map that cannot be read leaves the panel at its first screen.
          const quietly = <T>(load: () => Promise<T>): Promise<T | undefined> => Promise.resolve().then(load).catch(() => undefined);
          const [stored, selected] = await Promise.all([quietly(handlers.loadDraftAsync), quietly(handlers.loadSelectedMapAsync)]);
          const draft = stored === undefined ? undefined : parseJourneyDraft(stored);
          post({ type: 'draft', ...(draft?.ok ? { draft: draft.value } : {}), ...(selected ? { selected } : {}) });
        });
        return;
      case 'save-draft':
        // Not queued behind a long run: typing goes on while a map is drawn.
        Promise.resolve(message.draft)
          .then(handlers.saveDraftAsync)
          .catch((error: unknown) => console.warn('cjm-board: the draft could not be saved', error));
        return;
      case 'load-journey':
        queue = queue.then(async () => {
          try {
            const loaded = await handlers.loadMapJourneyAsync();
            post({ type: 'journey', mapId: loaded.mapId, journey: loaded.journey });
          } catch (error) {
            post({ type: 'error', message: describeError(error) });
          }
        });
        return;
      case 'generate': {
        const mapId = currentMapId ?? handlers.createMapId();
        currentMapId = mapId;
        lastJourney = message.journey;
        queue = queue.then(() => runGenerationAsync(message.journey, mapId));
        return;
      }
      case 'regenerate': {
        // The panel keeps editing the map it drew; a map chosen on the board
        // does not become the panel's, so the panel's journey never
        // overwrites a map it did not draw.
        const mapId = currentMapId;
        queue = queue.then(() => runRegenerateAsync((onProgress) => handlers.regenerateMapAsync(mapId, onProgress), 'Could not regenerate'));
        return;
      }
    }
  };

  // figma.ui.on('message') gets the pluginMessage itself
  // (https://developers.figma.com/docs/plugins/api/figma-ui).
  api.ui.on('message', handleMessage);
  post({ type: 'ready', locale: options.locale ?? 'en' });
  return () => api.ui.off('message', handleMessage);
}
