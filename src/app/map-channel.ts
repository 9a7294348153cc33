import type { Journey } from '../model/journey';
import type { JourneyDraft } from '../model/journey-draft';
import type { ApplyProgress, ApplyReport } from '../sync/host-port';
import type { RegenerateOutcome } from '../sync/regenerate-map';
import { describeAppError, findAppError, type AppError } from './app-error';
import { MAP_CHANNEL, parseMapAnswer, parseRequestEnvelope, parseServiceEnvelope, type MapAnswer, type MapAnswers, type MapRequest, type RequestEnvelope, type ServiceEnvelope } from './map-messages';
import type { MapService } from './map-service';
import type { SlideImage, SlidesReport } from './slide-deck';

/**
 * What the panel asks of the map service, as the panel calls it. One
 * implementation serves both hosts (`createMapClient`); only the transport
 * differs: in-process in Miro, `postMessage` in FigJam.
 */
export interface PanelController {
  /** Language of the host, e.g. `en-US`, when the host tells it. */
  hostLocale?: string;
  /** Draws the default template as a new map; failures per item are in the report. */
  insertTemplateAsync(onProgress: (progress: ApplyProgress) => void): Promise<ApplyReport>;
  /** Draws what is still missing of the map drawn last, without duplicates. */
  finishMapAsync(onProgress: (progress: ApplyProgress) => void): Promise<ApplyReport>;
  /** Regenerates the chosen map: keeps the board's edits and re-lays the map out. */
  regenerateAsync(onProgress: (progress: ApplyProgress) => void): Promise<{ report: ApplyReport; outcome: RegenerateOutcome }>;
  /** Draws `journey` (an imported file) as a new map. */
  insertJourneyAsync(journey: Journey, onProgress: (progress: ApplyProgress) => void): Promise<ApplyReport>;
  /** The journey of the chosen map. */
  loadMapJourneyAsync(): Promise<{ mapId: string; journey: Journey }>;
  /** Updates map `mapId` to the panel's `journey` (edited from `base`), keeping the board's edits. */
  updateMapAsync(
    mapId: string,
    journey: Journey,
    onProgress: (progress: ApplyProgress) => void,
    base?: Journey,
  ): Promise<{ report: ApplyReport; outcome: RegenerateOutcome; journey?: Journey }>;
  /** The map of `journey` as an SVG picture, at most `maxWidth` pixels wide. */
  renderSvgAsync(journey: Journey, maxWidth?: number): Promise<string>;
  /** The pictures of the deck of slides of `journey`, one per presentation view. */
  renderSlidesAsync(journey: Journey): Promise<MapAnswers['render-slides']['slides']>;
  /** Makes `slides` the deck of map `mapId` on the board (see BoardPort.placeSlidesAsync). */
  placeSlidesAsync(mapId: string, slides: SlideImage[], onProgress?: (progress: ApplyProgress) => void): Promise<SlidesReport>;
  /** Selects and zooms to the items of map `mapId` that show `keys`. */
  showOnBoardAsync(mapId: string, keys: readonly string[]): Promise<void>;
  /**
   * Removes what the last insert of map `mapId` drew and nobody changed
   * since; only where the host keeps no undo step for the app (Miro).
   */
  takeBackAsync?: (mapId: string, onProgress: (progress: ApplyProgress) => void) => Promise<MapAnswers['take-back']>;
  /** The saved draft (absent when none or damaged) and the journey of the selected map (absent when none). */
  openAsync(): Promise<{ draft?: JourneyDraft; selected?: { mapId: string; journey: Journey } }>;
  /** Keeps the editor's draft; `undefined` forgets it. */
  saveDraftAsync(draft: JourneyDraft | undefined): Promise<void>;
}

/** A request the map service refused or failed: `reason` says why, for the panel to word. */
export class MapServiceError extends Error {
  override name = 'MapServiceError';
  constructor(readonly reason: AppError) {
    super(describeAppError(reason));
  }
}

/**
 * The service's end of the channel: `receive` takes an envelope from the
 * panel, checks it, runs the request and posts its progress, then its
 * answer or error, each with the request's id. An envelope that fails the
 * check is answered with a `bad-message` error for its id (or for none) and
 * changes nothing. Anything not of this channel is ignored.
 */
export function createServiceEndpoint(service: MapService, post: (envelope: ServiceEnvelope) => void): { receive(data: unknown): void } {
  return {
    receive(data) {
      const envelope = parseRequestEnvelope(data);
      if (!envelope) return;
      const { id, request } = envelope;
      if (!request.ok) {
        post({ channel: MAP_CHANNEL, type: 'error', ...(id === undefined ? {} : { id }), error: { code: 'bad-message', details: request.errors.slice(0, 5) } });
        return;
      }
      if (id === undefined) return;
      service.handleAsync(request.value, (progress) => post({ channel: MAP_CHANNEL, type: 'progress', id, progress })).then(
        (answer) => post({ channel: MAP_CHANNEL, type: 'answer', id, answer }),
        (error: unknown) => post({ channel: MAP_CHANNEL, type: 'error', id, error: findAppError(error) }),
      );
    },
  };
}

/**
 * A request that got neither an answer nor progress for `timeoutMs`: the
 * other end is not there (the FigJam panel opened without its plugin) or
 * stopped. The panel words it in the person's language.
 */
export class MapTimeoutError extends Error {
  override name = 'MapTimeoutError';
  constructor(
    readonly request: MapRequest['type'],
    readonly timeoutMs: number,
  ) {
    super(`no answer to "${request}" in ${timeoutMs} ms`);
  }
}

// Without an answer or progress for this long the other end is taken to be
// gone: a run reports progress per batch of items, far more often, and a
// wait for a host's rate limit says how long it waits (added to this).
export const MAP_REQUEST_TIMEOUT_MS = 20_000;

interface Pending {
  type: MapRequest['type'];
  /** Restarts the wait for the answer, longer by `extraMs` (a rate-limit wait announced); called on every progress message. */
  restartTimer(extraMs?: number): void;
  clearTimer(): void;
  onProgress?: (progress: ApplyProgress) => void;
  resolve(answer: unknown): void;
  reject(error: Error): void;
}

/** The panel's end of the channel. */
export interface MapClient {
  controller: PanelController;
  /** Takes an envelope from the service (anything else is ignored). */
  receive(data: unknown): void;
  /** Resolves with the host's locale once the service says it is ready. */
  readyAsync: Promise<string>;
}

/**
 * The panel's end of the channel: each request gets an id, and its answer,
 * its error and its progress reach it by that id, whatever else is in
 * flight. Answers are checked on arrival; one that fails the check rejects
 * its request. A request that hears nothing (no answer, no progress) for
 * `timeoutMs` (default {@link MAP_REQUEST_TIMEOUT_MS}) rejects with a
 * {@link MapTimeoutError}; an answer that comes later is ignored.
 */
export function createMapClient(send: (envelope: RequestEnvelope) => void, options: { hostLocale?: string; timeoutMs?: number; takeBack?: boolean } = {}): MapClient {
  const timeoutMs = options.timeoutMs ?? MAP_REQUEST_TIMEOUT_MS;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let resolveReady: (locale: string) => void = () => undefined;
  const readyAsync = new Promise<string>((resolve) => {
    resolveReady = resolve;
  });

  const requestAsync = <R extends MapRequest>(request: R, onProgress?: (progress: ApplyProgress) => void): Promise<MapAnswer<R>> =>
    new Promise((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const clearTimer = () => clearTimeout(timer);
      const restartTimer = (extraMs = 0) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          pending.delete(id);
          reject(new MapTimeoutError(request.type, timeoutMs));
        }, timeoutMs + extraMs);
      };
      pending.set(id, { type: request.type, restartTimer, clearTimer, ...(onProgress ? { onProgress } : {}), resolve: resolve, reject });
      restartTimer();
      send({ channel: MAP_CHANNEL, id, request });
    });

  const receive = (data: unknown): void => {
    const parsed = parseServiceEnvelope(data);
    if (!parsed) return;
    if (!parsed.ok) {
      console.warn('cjm-board: ignored a malformed message from the map service', parsed.errors);
      return;
    }
    const envelope = parsed.value;
    if (envelope.type === 'ready') {
      resolveReady(envelope.locale);
      return;
    }
    if (envelope.id === undefined) {
      console.warn('cjm-board: the map service refused a message', envelope.type === 'error' ? describeAppError(envelope.error) : envelope);
      return;
    }
    const request = pending.get(envelope.id);
    if (!request) return;
    if (envelope.type === 'progress') {
      request.restartTimer(envelope.progress.waitingMs);
      request.onProgress?.(envelope.progress);
      return;
    }
    request.clearTimer();
    pending.delete(envelope.id);
    if (envelope.type === 'error') {
      request.reject(new MapServiceError(envelope.error));
      return;
    }
    const answer = parseMapAnswer(request.type, envelope.answer);
    if (answer.ok) request.resolve(answer.value);
    else request.reject(new MapServiceError({ code: 'bad-message', details: answer.errors.slice(0, 5) }));
  };

  const requireOutcome = (answer: { report: ApplyReport; outcome?: RegenerateOutcome; journey?: Journey }) => {
    if (!answer.outcome) throw new MapServiceError({ code: 'unexpected', detail: 'the plugin answered without saying what it regenerated' });
    return { report: answer.report, outcome: answer.outcome, ...(answer.journey ? { journey: answer.journey } : {}) };
  };

  const controller: PanelController = {
    ...(options.hostLocale === undefined ? {} : { hostLocale: options.hostLocale }),
    insertTemplateAsync: async (onProgress) => (await requestAsync({ type: 'insert-template' }, onProgress)).report,
    finishMapAsync: async (onProgress) => (await requestAsync({ type: 'finish' }, onProgress)).report,
    regenerateAsync: async (onProgress) => requireOutcome(await requestAsync({ type: 'regenerate' }, onProgress)),
    insertJourneyAsync: async (journey, onProgress) => (await requestAsync({ type: 'insert-journey', journey }, onProgress)).report,
    loadMapJourneyAsync: () => requestAsync({ type: 'load-map-journey' }),
    updateMapAsync: async (mapId, journey, onProgress, base) => requireOutcome(await requestAsync({ type: 'update-map', mapId, journey, ...(base ? { base } : {}) }, onProgress)),
    renderSvgAsync: async (journey, maxWidth) => (await requestAsync({ type: 'render-svg', journey, ...(maxWidth === undefined ? {} : { maxWidth }) })).svg,
    renderSlidesAsync: async (journey) => (await requestAsync({ type: 'render-slides', journey })).slides,
    placeSlidesAsync: (mapId, slides, onProgress) => requestAsync({ type: 'place-slides', mapId, slides }, onProgress),
    showOnBoardAsync: async (mapId, keys) => {
      await requestAsync({ type: 'focus', mapId, keys: [...keys] });
    },
    ...(options.takeBack ? { takeBackAsync: (mapId: string, onProgress: (progress: ApplyProgress) => void) => requestAsync({ type: 'take-back', mapId }, onProgress) } : {}),
    openAsync: () => requestAsync({ type: 'open' }),
    saveDraftAsync: async (draft) => {
      await requestAsync(draft ? { type: 'save-draft', draft } : { type: 'save-draft' });
    },
  };
  return { controller, receive, readyAsync };
}

/**
 * The channel within one page (Miro: the panel and the service share the
 * panel's window). Envelopes are copied and delivered a task later, as
 * postMessage would, and checked on arrival at each end like any other.
 */
export function connectInProcess(service: MapService, options: { hostLocale?: string; timeoutMs?: number; takeBack?: boolean } = {}): MapClient {
  const toService: { receive(data: unknown): void } = { receive: () => undefined };
  const client = createMapClient((envelope) => {
    const copy = structuredClone(envelope);
    setTimeout(() => toService.receive(copy), 0);
  }, options);
  const endpoint = createServiceEndpoint(service, (envelope) => {
    const copy = structuredClone(envelope);
    setTimeout(() => client.receive(copy), 0);
  });
  toService.receive = (data) => endpoint.receive(data);
  client.receive({ channel: MAP_CHANNEL, type: 'ready', locale: options.hostLocale ?? 'en' });
  return client;
}
