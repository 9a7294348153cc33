import type { Journey } from '../model/journey';
import type { JourneyDraft } from '../model/journey-draft';
import { formatRecordText, parseRecord } from '../model/journey-record';
import type { TextMeasurer } from '../layout/measure-text';
import type { ApplyProgress } from '../sync/host-port';
import { createMapId } from '../sync/item-identity';
import { AppFailure } from './app-error';
import type { BoardPort } from './board-port';
import type { MapAnswer, MapAnswers, MapRequest, RunAnswer } from './map-messages';
import { findMapTargetAsync, insertMapAsync, placeMapSlidesAsync, takeBackInsertAsync, loadChosenJourneyAsync, loadSelectedJourneyAsync, regenerateMapAsync, updateMapFromPanelAsync, type RegenerateResult } from './map-runs';
import { readRecordAsync, writeRecordAsync } from './record-chunks';
import type { SlidePicture } from '../render/render-slides';

/** The key of the editor's draft in the person's record space. */
export const DRAFT_RECORD_KEY = 'draft';

/** What the map service needs besides the board. */
export interface MapServiceOptions {
  port: BoardPort;
  /** The journey "Insert CJM template" draws (loaded on first use where the panel must start light). */
  createTemplateJourneyAsync(): Promise<Journey>;
  /** The map of `journey` as an SVG picture, at most `maxWidth` pixels wide. */
  renderSvgAsync(journey: Journey, maxWidth?: number): Promise<string>;
  /** The map of `journey` as a deck of slide pictures (see renderJourneySlides); where absent, a deck cannot be made. */
  renderSlidesAsync?(journey: Journey): Promise<SlidePicture[]>;
  /** Closes the plugin, where the host has such a thing. */
  close?(): void;
  /** Source of randomness for map ids; Math.random by default. */
  random?: () => number;
  /** Back-off between drawing rounds after failures; a timer by default. */
  sleepAsync?: (ms: number) => Promise<void>;
  measureText?: TextMeasurer;
}

/** The application core behind the panel, the same on both hosts. */
export interface MapService {
  /**
   * Does what `request` asks and answers it; rejects with an AppFailure
   * that says why not. Drawing runs and board reads go one at a time, in
   * the order asked; saving a draft, pictures and closing do not wait.
   */
  handleAsync<R extends MapRequest>(request: R, onProgress?: (progress: ApplyProgress) => void): Promise<MapAnswer<R>>;
}

const sleepWithTimerAsync = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the map service over a host's port. It remembers, for as long as
 * the panel is open, the map it drew last: what **Finish the map** completes
 * and what Regenerate falls back on when nothing is selected.
 */
export function createMapService(options: MapServiceOptions): MapService {
  const { port } = options;
  const random = options.random ?? Math.random;
  const sleepAsync = options.sleepAsync ?? sleepWithTimerAsync;
  const newMapId = (): string => createMapId(random);
  const measure = options.measureText ? { measureText: options.measureText } : {};
  /** The map this panel drew last and the journey it drew there. */
  let drawn: { mapId: string; journey: Journey } | undefined;
  /** The map this panel inserted last, while no later run has re-laid it out: what "remove what this run drew" takes back. */
  let inserted: { mapId: string; journey: Journey } | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `work` after the runs before it, whatever became of them. */
  const enqueueAsync = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const drawAsync = async (journey: Journey, mapId: string, onProgress?: (progress: ApplyProgress) => void): Promise<RunAnswer> => {
    drawn = { mapId, journey };
    inserted = { mapId, journey };
    const result = await insertMapAsync(port, journey, mapId, { ...measure, sleepAsync, ...(onProgress ? { onProgress } : {}) });
    return { report: result.report };
  };
  const remember = (result: RegenerateResult): void => {
    drawn = { mapId: result.mapId, journey: result.journey };
    if (inserted?.mapId === result.mapId) inserted = undefined;
  };

  // Draft saves run one after another, and one waiting behind another is
  // replaced by the newer: a large draft is written in parts, and two writes
  // at once could leave the older head pointing at parts the newer removed.
  let draftWriting: Promise<void> = Promise.resolve();
  let draftWaiting: { draft: JourneyDraft | undefined } | undefined;
  let draftPartKeys: string[] = [];
  const saveDraftAsync = (draft: JourneyDraft | undefined): Promise<void> => {
    const queued = draftWaiting !== undefined;
    draftWaiting = { draft };
    if (queued) return draftWriting;
    draftWriting = draftWriting
      .catch(() => undefined)
      .then(async () => {
        const next = draftWaiting;
        draftWaiting = undefined;
        if (!next) return;
        const space = port.personRecords();
        if (!next.draft) {
          await space.removeAsync(DRAFT_RECORD_KEY);
          return;
        }
        draftPartKeys = await writeRecordAsync(space, DRAFT_RECORD_KEY, formatRecordText({ kind: 'draft', draft: next.draft }), draftPartKeys);
      });
    return draftWriting;
  };
  /** The saved draft, migrated; undefined when there is none or it cannot be read (the panel then starts afresh). */
  const loadDraftAsync = async (): Promise<JourneyDraft | undefined> => {
    const read = await readRecordAsync(port.personRecords(), DRAFT_RECORD_KEY);
    if (!read || 'failure' in read) return undefined;
    draftPartKeys = read.partKeys;
    const parsed = parseRecord(read.value, 'draft');
    return parsed.ok ? parsed.value.draft : undefined;
  };

  const handlers: { [T in MapRequest['type']]: (request: Extract<MapRequest, { type: T }>, onProgress?: (progress: ApplyProgress) => void) => Promise<MapAnswers[T]> } = {
    open: () =>
      enqueueAsync(async () => {
        // A draft or map that cannot be read leaves the panel at its first screen.
        const [draft, selected] = await Promise.all([loadDraftAsync().catch(() => undefined), loadSelectedJourneyAsync(port).catch(() => undefined)]);
        return { ...(draft ? { draft } : {}), ...(selected ? { selected } : {}) };
      }),
    'insert-template': (_request, onProgress) =>
      enqueueAsync(async () => drawAsync(await options.createTemplateJourneyAsync(), newMapId(), onProgress)),
    'insert-journey': (request, onProgress) => enqueueAsync(() => drawAsync(request.journey, newMapId(), onProgress)),
    finish: (_request, onProgress) =>
      enqueueAsync(async () => {
        const journey = drawn?.journey ?? (await options.createTemplateJourneyAsync());
        return drawAsync(journey, drawn?.mapId ?? newMapId(), onProgress);
      }),
    regenerate: (_request, onProgress) =>
      enqueueAsync(async () => {
        const result = await regenerateMapAsync(port, { ...measure, sleepAsync, createMapId: newMapId, ...(drawn ? { drawnMapId: drawn.mapId } : {}), ...(onProgress ? { onProgress } : {}) });
        // A map chosen on the board becomes the panel's only when the panel drew it.
        if (drawn?.mapId === result.mapId) remember(result);
        return { report: result.report, outcome: result.outcome };
      }),
    'update-map': (request, onProgress) =>
      enqueueAsync(async () => {
        const result = await updateMapFromPanelAsync(port, {
          ...measure,
          sleepAsync,
          createMapId: newMapId,
          mapId: request.mapId,
          journey: request.journey,
          ...(request.base ? { base: request.base } : {}),
          ...(onProgress ? { onProgress } : {}),
        });
        remember(result);
        return { report: result.report, outcome: result.outcome, journey: result.journey };
      }),
    'load-map-journey': () =>
      enqueueAsync(async () => {
        const { map, journey } = await loadChosenJourneyAsync(port, drawn?.mapId);
        return { mapId: map.mapId, journey };
      }),
    'render-svg': async (request) => ({ svg: await options.renderSvgAsync(request.journey, request.maxWidth) }),
    'render-slides': async (request) => {
      if (!options.renderSlidesAsync) throw new AppFailure({ code: 'unexpected', detail: 'this panel cannot draw slides' });
      return { slides: await options.renderSlidesAsync(request.journey) };
    },
    'place-slides': (request, onProgress) => enqueueAsync(() => placeMapSlidesAsync(port, request.mapId, request.slides, onProgress ? { onProgress } : {})),
    focus: (request) =>
      enqueueAsync(async () => {
        const target = await findMapTargetAsync(port, request.mapId);
        if (!target) throw new AppFailure({ code: 'map-gone' });
        await port.focusMapAsync(target, request.keys);
        return {};
      }),
    'take-back': (request, onProgress) =>
      enqueueAsync(async () => {
        const insert = inserted;
        if (insert?.mapId !== request.mapId) throw new AppFailure({ code: 'map-gone' });
        const result = await takeBackInsertAsync(port, insert.journey, insert.mapId, { ...measure, ...(onProgress ? { onProgress } : {}) });
        if (result.changed === 0 && result.foreign === 0 && result.report.failed.length === 0) {
          inserted = undefined;
          if (drawn?.mapId === request.mapId) drawn = undefined;
        }
        return result;
      }),
    'save-draft': async (request) => {
      await saveDraftAsync(request.draft);
      return {};
    },
    close: () => {
      options.close?.();
      return Promise.resolve({});
    },
  };

  return {
    handleAsync: <R extends MapRequest>(request: R, onProgress?: (progress: ApplyProgress) => void): Promise<MapAnswer<R>> => {
      const handle = handlers[request.type] as unknown as (request: R, onProgress?: (progress: ApplyProgress) => void) => Promise<MapAnswer<R>>;
      return handle(request, onProgress);
    },
  };
}
