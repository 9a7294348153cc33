import { parseMainToUiMessage, type MainToUiMessage, type UiToMainMessage } from '../src/hosts/figjam/figjam-messages';
import type { RegenerateOutcome } from '../src/sync/regenerate-map';
import type { ApplyProgress, ApplyReport } from '../src/sync/host-port';
import type { Journey } from '../src/model/journey';
import type { PanelController } from './panel-controller';

/** The window pair the bridge talks through: the iframe and its parent (FigJam). */
export interface UiBridgeWindows {
  self: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  parent: Pick<Window, 'postMessage'>;
}

/** A panel controller over FigJam messages, and the disposer of its listener. */
export interface UiBridge {
  controller: PanelController;
  /** Resolves with the host locale when the main thread says it is ready. */
  readyAsync: Promise<string>;
  dispose(): void;
}

interface PendingRun {
  onProgress: (progress: ApplyProgress) => void;
  resolve: (done: { report: ApplyReport; outcome?: RegenerateOutcome; journey?: Journey }) => void;
  reject: (error: Error) => void;
}

/**
 * Connects the panel iframe to the FigJam main thread. Every message received
 * is checked before it is acted on; malformed ones are ignored with a console
 * warning. Nothing is registered until this is called.
 */
export function createUiBridge(windows: UiBridgeWindows): UiBridge {
  let pending: PendingRun | undefined;
  let pendingJourney: { resolve: (loaded: { mapId: string; journey: Journey }) => void; reject: (error: Error) => void } | undefined;
  let pendingSvg: { resolve: (svg: string) => void; reject: (error: Error) => void } | undefined;
  let pendingOpen: ((opened: Extract<MainToUiMessage, { type: 'draft' }>) => void) | undefined;
  let resolveReady: (locale: string) => void = () => undefined;
  const readyAsync = new Promise<string>((resolve) => {
    resolveReady = resolve;
  });

  const post = (message: UiToMainMessage) => windows.parent.postMessage({ pluginMessage: message }, '*');

  const handleMessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null || !('pluginMessage' in data)) return;
    const parsed = parseMainToUiMessage((data as { pluginMessage: unknown }).pluginMessage);
    if (!parsed.ok) {
      console.warn('cjm-board: ignored a malformed message from the plugin', parsed.errors);
      return;
    }
    handleMainMessage(parsed.value);
  };

  const handleMainMessage = (message: MainToUiMessage) => {
    switch (message.type) {
      case 'ready':
        resolveReady(message.locale);
        return;
      case 'progress':
        pending?.onProgress({ done: message.done, total: message.total });
        return;
      case 'done':
        pending?.resolve({ report: message.report, ...(message.outcome ? { outcome: message.outcome } : {}), ...(message.journey ? { journey: message.journey } : {}) });
        pending = undefined;
        return;
      case 'svg':
        pendingSvg?.resolve(message.svg);
        pendingSvg = undefined;
        return;
      case 'draft':
        pendingOpen?.(message);
        pendingOpen = undefined;
        return;
      case 'journey':
        pendingJourney?.resolve({ mapId: message.mapId, journey: message.journey });
        pendingJourney = undefined;
        return;
      case 'error':
        // The panel asks one thing at a time: a run, a map's journey, a picture.
        if (pendingSvg) {
          pendingSvg.reject(new Error(message.message));
          pendingSvg = undefined;
          return;
        }
        if (pendingJourney) {
          pendingJourney.reject(new Error(message.message));
          pendingJourney = undefined;
          return;
        }
        pending?.reject(new Error(message.message));
        pending = undefined;
        return;
    }
  };

  windows.self.addEventListener('message', handleMessage as EventListener);

  const runAsync = (message: UiToMainMessage, onProgress: PendingRun['onProgress']): Promise<{ report: ApplyReport; outcome?: RegenerateOutcome; journey?: Journey }> => {
    if (pending) return Promise.reject(new Error('a map is already being drawn; wait for it to finish'));
    return new Promise((resolve, reject) => {
      pending = { onProgress, resolve, reject };
      post(message);
    });
  };

  const controller: PanelController = {
    insertTemplateAsync: async (onProgress) => (await runAsync({ type: 'insert-template' }, onProgress)).report,
    // The main thread draws the journey it drew last onto that map again.
    finishMapAsync: async (onProgress) => (await runAsync({ type: 'finish' }, onProgress)).report,
    regenerateAsync: async (onProgress) => {
      const done = await runAsync({ type: 'regenerate' }, onProgress);
      if (!done.outcome) throw new Error('the plugin answered without saying what it regenerated');
      return { report: done.report, outcome: done.outcome };
    },
    insertJourneyAsync: async (journey, onProgress) => (await runAsync({ type: 'insert-journey', journey }, onProgress)).report,
    loadMapJourneyAsync: () => {
      if (pending || pendingJourney) return Promise.reject(new Error('the plugin is busy; wait for it to finish'));
      return new Promise<{ mapId: string; journey: Journey }>((resolve, reject) => {
        pendingJourney = { resolve, reject };
        post({ type: 'load-journey' });
      });
    },
    showOnBoardAsync: async (mapId, keys) => post({ type: 'focus', mapId, keys: [...keys] }),
    renderSvgAsync: (journey, maxWidth) => {
      if (pendingSvg) return Promise.reject(new Error('a picture is already being drawn; wait for it'));
      return new Promise<string>((resolve, reject) => {
        pendingSvg = { resolve, reject };
        post({ type: 'render-svg', journey, ...(maxWidth === undefined ? {} : { maxWidth }) });
      });
    },
    openAsync: () =>
      new Promise((resolve) => {
        pendingOpen = ({ draft, selected }) => resolve({ ...(draft ? { draft } : {}), ...(selected ? { selected } : {}) });
        post({ type: 'load-draft' });
      }),
    saveDraftAsync: async (draft) => post(draft ? { type: 'save-draft', draft } : { type: 'save-draft' }),
    updateMapAsync: async (mapId, journey, onProgress, base) => {
      const done = await runAsync({ type: 'update-map', mapId, journey, ...(base ? { base } : {}) }, onProgress);
      if (!done.outcome) throw new Error('the plugin answered without saying what it updated');
      return { report: done.report, outcome: done.outcome, ...(done.journey ? { journey: done.journey } : {}) };
    },
  };

  return {
    controller,
    readyAsync,
    dispose: () => windows.self.removeEventListener('message', handleMessage as EventListener),
  };
}
