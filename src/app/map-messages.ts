import type { Journey } from '../model/journey';
import { parseJourneyDraft, type JourneyDraft } from '../model/journey-draft';
import { parseJourney } from '../model/journey-schema';
import { fail, succeed, type ParseResult, type ValidationError } from '../model/parse-result';
import type { ApplyProgress, ApplyReport } from '../sync/host-port';
import type { RegenerateOutcome } from '../sync/regenerate-map';
import type { AppError } from './app-error';
import type { SlidePicture } from '../render/render-slides';
import { readPngSize, type SlideImage, type SlidesReport } from './slide-deck';

/** What the panel asks of the map service. */
export type MapRequest =
  | { type: 'open' }
  | { type: 'insert-template' }
  | { type: 'insert-journey'; journey: Journey }
  | { type: 'finish' }
  | { type: 'regenerate' }
  | { type: 'update-map'; mapId: string; journey: Journey; base?: Journey }
  | { type: 'load-map-journey' }
  | { type: 'render-svg'; journey: Journey; maxWidth?: number }
  | { type: 'render-slides'; journey: Journey }
  | { type: 'place-slides'; mapId: string; slides: SlideImage[] }
  | { type: 'focus'; mapId: string; keys: string[] }
  | { type: 'take-back'; mapId: string }
  | { type: 'save-draft'; draft?: JourneyDraft }
  | { type: 'close' };

/** What a drawing run answers. */
export interface RunAnswer {
  report: ApplyReport;
  /** Regenerate and updates: what was found and kept. */
  outcome?: RegenerateOutcome;
  /** Updates from the editor: the journey now drawn (the panel's and the board's edits together). */
  journey?: Journey;
}

/** The answer to each request type. */
export interface MapAnswers {
  open: { draft?: JourneyDraft; selected?: { mapId: string; journey: Journey } };
  'insert-template': RunAnswer;
  'insert-journey': RunAnswer;
  finish: RunAnswer;
  regenerate: RunAnswer;
  'update-map': RunAnswer;
  'load-map-journey': { mapId: string; journey: Journey };
  'render-svg': { svg: string };
  /** The pictures of a map's deck, one per presentation view, in reading order. */
  'render-slides': { slides: SlidePicture[] };
  'place-slides': SlidesReport;
  focus: Record<string, never>;
  /** What taking back an insert removed (the report), and what it kept: items people changed, and their own items in the frame. */
  'take-back': { report: ApplyReport; changed: number; foreign: number };
  'save-draft': Record<string, never>;
  close: Record<string, never>;
}

/** The answer to request `R`. */
export type MapAnswer<R extends MapRequest = MapRequest> = MapAnswers[R['type']];

/** A request on the channel: its id pairs it with its answer, its errors and its progress. */
export interface RequestEnvelope {
  channel: typeof MAP_CHANNEL;
  id: number;
  request: MapRequest;
}

/** What the map service sends back on the channel. */
export type ServiceEnvelope =
  | { channel: typeof MAP_CHANNEL; type: 'ready'; locale: string }
  | { channel: typeof MAP_CHANNEL; type: 'progress'; id: number; progress: ApplyProgress }
  | { channel: typeof MAP_CHANNEL; type: 'answer'; id: number; answer: unknown }
  | { channel: typeof MAP_CHANNEL; type: 'error'; id?: number; error: AppError };

/** Marks every envelope of this channel, so messages of anything else in the window are ignored. */
export const MAP_CHANNEL = 'cjm-board';

// Keys "show on board" selects at most: a stage's header and its cards, or a persona's cards, points and lines.
const MAX_FOCUS_KEYS = 5_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const under = (prefix: string, errors: readonly ValidationError[]): ValidationError[] => errors.map((error) => ({ ...error, path: `${prefix}.${error.path}` }));

function parseJourneyAt(value: unknown, path: string): ParseResult<Journey> {
  const journey = parseJourney(value);
  return journey.ok ? journey : fail(under(path, journey.errors));
}

/** Checks a request received from the panel; unknown or malformed ones never act. */
export function parseMapRequest(data: unknown): ParseResult<MapRequest> {
  if (!isRecord(data) || typeof data.type !== 'string') return fail([{ path: 'type', message: 'expected a request object with a "type"' }]);
  switch (data.type) {
    case 'open':
    case 'insert-template':
    case 'finish':
    case 'regenerate':
    case 'load-map-journey':
    case 'close':
      return succeed({ type: data.type });
    case 'insert-journey': {
      const journey = parseJourneyAt(data.journey, 'journey');
      return journey.ok ? succeed({ type: 'insert-journey', journey: journey.value }) : journey;
    }
    case 'update-map': {
      if (typeof data.mapId !== 'string') return fail([{ path: 'mapId', message: 'expected the id of the map to update' }]);
      const journey = parseJourneyAt(data.journey, 'journey');
      if (!journey.ok) return journey;
      const base = data.base === undefined ? undefined : parseJourneyAt(data.base, 'base');
      if (base && !base.ok) return base;
      return succeed({ type: 'update-map', mapId: data.mapId, journey: journey.value, ...(base ? { base: base.value } : {}) });
    }
    case 'render-svg': {
      const maxWidth = data.maxWidth;
      if (maxWidth !== undefined && !(isCount(maxWidth) && maxWidth >= 64 && maxWidth <= 20_000)) return fail([{ path: 'maxWidth', message: 'expected a width from 64 to 20000 pixels' }]);
      const journey = parseJourneyAt(data.journey, 'journey');
      if (!journey.ok) return journey;
      return succeed({ type: 'render-svg', journey: journey.value, ...(maxWidth === undefined ? {} : { maxWidth }) });
    }
    case 'render-slides': {
      const journey = parseJourneyAt(data.journey, 'journey');
      return journey.ok ? succeed({ type: 'render-slides', journey: journey.value }) : journey;
    }
    case 'place-slides': {
      if (typeof data.mapId !== 'string' || data.mapId.length > 200) return fail([{ path: 'mapId', message: 'expected the id of the map' }]);
      const slides = parseSlideImages(data.slides);
      return slides.ok ? succeed({ type: 'place-slides', mapId: data.mapId, slides: slides.value }) : slides;
    }
    case 'focus': {
      const keys = data.keys;
      if (typeof data.mapId !== 'string' || !Array.isArray(keys) || keys.length > MAX_FOCUS_KEYS || !keys.every((key): key is string => typeof key === 'string' && key.length <= 200)) {
        return fail([{ path: 'keys', message: `expected a map id and at most ${MAX_FOCUS_KEYS} scene keys` }]);
      }
      return succeed({ type: 'focus', mapId: data.mapId, keys });
    }
    case 'take-back':
      return typeof data.mapId === 'string' && data.mapId.length <= 200 ? succeed({ type: 'take-back', mapId: data.mapId }) : fail([{ path: 'mapId', message: 'expected the id of the map to take back' }]);
    case 'save-draft': {
      if (data.draft === undefined) return succeed({ type: 'save-draft' });
      const draft = parseJourneyDraft(data.draft);
      return draft.ok ? succeed({ type: 'save-draft', draft: draft.value }) : draft;
    }
    default:
      return fail([{ path: 'type', message: `unknown request type ${JSON.stringify(data.type)}` }]);
  }
}

// A deck has a slide per stage, persona and more; its pictures are PNG files of a few hundred KB each.
const MAX_SLIDES = 200;
const MAX_SLIDE_BYTES = 40_000_000;
const isSlideSize = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= MIN_SLIDE_SIZE && value <= 100_000;
const isShortText = (value: unknown, limit: number): value is string => typeof value === 'string' && value.length <= limit;
const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.length <= 1_000 && value.every((id) => typeof id === 'string');
// Miro's smallest frame is 100 × 100 (https://developers.miro.com/docs/websdk-reference-frame);
// Figma takes pictures of at most 4096 pixels a side (https://developers.figma.com/docs/plugins/api/properties/figma-createimage).
const MIN_SLIDE_SIZE = 100;
const MAX_PICTURE_PIXELS = 4096;

/**
 * Checks the slides of a deck sent by the panel: one per view, pictures
 * that are PNG files both hosts take, of sizes a board holds. The pictures
 * cross FigJam's message channel as Uint8Array, which it carries as is
 * (https://developers.figma.com/docs/plugins/api/properties/figma-ui-postmessage:
 * "Date objects and Uint8Array objects").
 */
function parseSlideImages(value: unknown): ParseResult<SlideImage[]> {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_SLIDES) return fail([{ path: 'slides', message: `expected from 1 to ${MAX_SLIDES} slides` }]);
  let bytes = 0;
  const slides: SlideImage[] = [];
  const views = new Set<string>();
  for (const [index, slide] of value.entries()) {
    const png: unknown = isRecord(slide) ? slide.png : undefined;
    const pixels = png instanceof Uint8Array ? readPngSize(png) : undefined;
    if (!isRecord(slide) || !isShortText(slide.view, 300) || !isShortText(slide.title, 500) || !isSlideSize(slide.width) || !isSlideSize(slide.height) || !(png instanceof Uint8Array) || !pixels) {
      return fail([{ path: `slides.${index}`, message: `expected a view, a title, a size of at least ${MIN_SLIDE_SIZE} board units and a PNG picture` }]);
    }
    if (pixels.width > MAX_PICTURE_PIXELS || pixels.height > MAX_PICTURE_PIXELS) return fail([{ path: `slides.${index}.png`, message: `expected a picture of at most ${MAX_PICTURE_PIXELS} pixels a side, received ${pixels.width} × ${pixels.height}` }]);
    if (views.has(slide.view)) return fail([{ path: `slides.${index}.view`, message: `expected one slide per view; "${slide.view}" comes twice` }]);
    views.add(slide.view);
    bytes += png.length;
    slides.push({ view: slide.view, title: slide.title, png, width: slide.width, height: slide.height });
  }
  return bytes > MAX_SLIDE_BYTES ? fail([{ path: 'slides', message: `the pictures take ${bytes} bytes, more than ${MAX_SLIDE_BYTES}` }]) : succeed(slides);
}

function isApplyReport(value: unknown): value is ApplyReport {
  if (!isRecord(value) || !isRecord(value.origin) || !Array.isArray(value.failed)) return false;
  return (
    typeof value.mapId === 'string' &&
    (value.containerId === undefined || typeof value.containerId === 'string') &&
    typeof value.origin.x === 'number' &&
    typeof value.origin.y === 'number' &&
    isCount(value.created) &&
    isCount(value.updated) &&
    isCount(value.deleted) &&
    isCount(value.released) &&
    value.failed.every(isKeyedReason) &&
    (value.refused === undefined || (Array.isArray(value.refused) && value.refused.every(isKeyedReason)))
  );
}

const isKeyedReason = (item: unknown): boolean => isRecord(item) && typeof item.key === 'string' && typeof item.reason === 'string';
const isOptionalCount = (value: unknown): boolean => value === undefined || isCount(value);
const REBUILD_REASONS = new Set(['missing', 'damaged', 'newer']);

const MAP_CHOICES = new Set(['selection', 'panel', 'only']);

function isRegenerateOutcome(value: unknown): value is RegenerateOutcome {
  return (
    isRecord(value) &&
    typeof value.title === 'string' &&
    isCount(value.edits) &&
    isCount(value.adopted) &&
    isCount(value.conflicts) &&
    (value.chosenBy === undefined || (typeof value.chosenBy === 'string' && MAP_CHOICES.has(value.chosenBy))) &&
    (value.rebuilt === undefined || (typeof value.rebuilt === 'string' && REBUILD_REASONS.has(value.rebuilt))) &&
    isOptionalCount(value.healed) &&
    isOptionalCount(value.cut) &&
    isOptionalCount(value.movedInGroups) &&
    isOptionalCount(value.refused)
  );
}

function parseRunAnswer(value: Record<string, unknown>): ParseResult<RunAnswer> {
  if (!isApplyReport(value.report)) return fail([{ path: 'report', message: 'expected an apply report' }]);
  if (value.outcome !== undefined && !isRegenerateOutcome(value.outcome)) return fail([{ path: 'outcome', message: 'expected a regenerate outcome' }]);
  const journey = value.journey === undefined ? undefined : parseJourneyAt(value.journey, 'journey');
  if (journey && !journey.ok) return journey;
  return succeed({ report: value.report, ...(value.outcome === undefined ? {} : { outcome: value.outcome }), ...(journey ? { journey: journey.value } : {}) });
}

function parseMapJourney(value: unknown, path: string): ParseResult<{ mapId: string; journey: Journey }> {
  const record = isRecord(value) ? value : {};
  if (typeof record.mapId !== 'string') return fail([{ path: `${path}.mapId`, message: 'expected the map id' }]);
  const journey = parseJourneyAt(record.journey, `${path}.journey`);
  return journey.ok ? succeed({ mapId: record.mapId, journey: journey.value }) : journey;
}

/** Checks the answer to a request of type `type`, as received from the map service. */
export function parseMapAnswer<T extends MapRequest['type']>(type: T, data: unknown): ParseResult<MapAnswers[T]> {
  const value = isRecord(data) ? data : {};
  const done = (answer: unknown): ParseResult<MapAnswers[T]> => succeed(answer as MapAnswers[T]);
  switch (type) {
    case 'insert-template':
    case 'insert-journey':
    case 'finish':
    case 'regenerate':
    case 'update-map': {
      const answer = parseRunAnswer(value);
      return answer.ok ? done(answer.value) : answer;
    }
    case 'open': {
      // A damaged draft is dropped, not an error: the panel opens without it.
      const draft = value.draft === undefined ? undefined : parseJourneyDraft(value.draft);
      const selected = value.selected === undefined ? undefined : parseMapJourney(value.selected, 'selected');
      if (selected && !selected.ok) return selected;
      return done({ ...(draft?.ok ? { draft: draft.value } : {}), ...(selected ? { selected: selected.value } : {}) });
    }
    case 'load-map-journey': {
      const loaded = parseMapJourney(value, 'answer');
      return loaded.ok ? done(loaded.value) : loaded;
    }
    case 'take-back':
      return isApplyReport(value.report) && isCount(value.changed) && isCount(value.foreign)
        ? done({ report: value.report, changed: value.changed, foreign: value.foreign })
        : fail([{ path: 'answer', message: 'expected what was removed and kept' }]);
    case 'render-slides':
      return Array.isArray(value.slides) &&
        value.slides.length <= MAX_SLIDES &&
        value.slides.every((slide) => isRecord(slide) && isShortText(slide.view, 300) && isShortText(slide.title, 500) && typeof slide.svg === 'string' && slide.svg.startsWith('<svg ') && isSlideSize(slide.width) && isSlideSize(slide.height))
        ? done({ slides: value.slides })
        : fail([{ path: 'slides', message: 'expected the pictures of the slides' }]);
    case 'place-slides':
      return isCount(value.made) && isCount(value.kept) && isCount(value.removed) && isIdList(value.containerIds) && isIdList(value.asideIds)
        ? done({ made: value.made, kept: value.kept, removed: value.removed, containerIds: value.containerIds, asideIds: value.asideIds })
        : fail([{ path: 'answer', message: 'expected what making the slides did' }]);
    case 'render-svg':
      return typeof value.svg === 'string' && value.svg.startsWith('<svg ') ? done({ svg: value.svg }) : fail([{ path: 'svg', message: 'expected an SVG picture' }]);
    default:
      return done({});
  }
}

const ERROR_CODES = new Set(['no-map', 'several-selected', 'several-maps', 'map-gone', 'no-record', 'record-damaged', 'record-newer', 'map-busy', 'invalid-edits', 'bad-message', 'unexpected']);

function isValidationErrors(value: unknown): value is ValidationError[] {
  return Array.isArray(value) && value.length <= 20 && value.every((error) => isRecord(error) && typeof error.path === 'string' && typeof error.message === 'string');
}

/** Checks an error received from the map service; a malformed one becomes `unexpected`, saying so. */
export function parseAppError(value: unknown): AppError {
  const unreadable: AppError = { code: 'unexpected', detail: 'the plugin answered with an error this panel cannot read' };
  if (!isRecord(value) || typeof value.code !== 'string' || !ERROR_CODES.has(value.code)) return unreadable;
  const titles = Array.isArray(value.titles) && value.titles.every((title) => typeof title === 'string') ? (value.titles) : undefined;
  const title = typeof value.title === 'string' ? value.title : undefined;
  const details = isValidationErrors(value.details) ? value.details : undefined;
  switch (value.code) {
    case 'no-map':
      return { code: 'no-map' };
    case 'several-selected':
    case 'several-maps':
      return titles ? { code: value.code, titles } : unreadable;
    case 'map-gone':
      return title === undefined ? { code: 'map-gone' } : { code: 'map-gone', title };
    case 'no-record':
      return title === undefined ? unreadable : { code: 'no-record', title };
    case 'record-damaged':
      return title === undefined || !details ? unreadable : { code: 'record-damaged', title, details };
    case 'record-newer':
      return title === undefined || !isCount(value.version) || !isCount(value.supported) ? unreadable : { code: 'record-newer', title, version: value.version, supported: value.supported };
    case 'map-busy':
      return title === undefined || typeof value.name !== 'string' || !isCount(value.seconds) ? unreadable : { code: 'map-busy', title, name: value.name.slice(0, 100), seconds: value.seconds };
    case 'invalid-edits':
    case 'bad-message':
      return details ? { code: value.code, details } : unreadable;
    default:
      return typeof value.detail === 'string' ? { code: 'unexpected', detail: value.detail } : unreadable;
  }
}

/** Checks an envelope received from the map service; undefined for anything that is not one of this channel. */
export function parseServiceEnvelope(data: unknown): ParseResult<ServiceEnvelope> | undefined {
  if (!isRecord(data) || data.channel !== MAP_CHANNEL) return undefined;
  switch (data.type) {
    case 'ready':
      return typeof data.locale === 'string' ? succeed({ channel: MAP_CHANNEL, type: 'ready', locale: data.locale }) : fail([{ path: 'locale', message: 'expected a locale string' }]);
    case 'progress': {
      const progress = isRecord(data.progress) ? data.progress : {};
      if (!isCount(data.id) || !isCount(progress.done) || !isCount(progress.total)) return fail([{ path: 'progress', message: 'expected a request id and whole numbers "done" and "total"' }]);
      const waitingMs = isCount(progress.waitingMs) ? { waitingMs: progress.waitingMs } : {};
      return succeed({ channel: MAP_CHANNEL, type: 'progress', id: data.id, progress: { done: progress.done, total: progress.total, ...waitingMs } });
    }
    case 'answer':
      return isCount(data.id) ? succeed({ channel: MAP_CHANNEL, type: 'answer', id: data.id, answer: data.answer }) : fail([{ path: 'id', message: 'expected a request id' }]);
    case 'error':
      return succeed({ channel: MAP_CHANNEL, type: 'error', ...(isCount(data.id) ? { id: data.id } : {}), error: parseAppError(data.error) });
    default:
      return fail([{ path: 'type', message: `unknown envelope type ${JSON.stringify(data.type)}` }]);
  }
}

/** Checks an envelope received from the panel; undefined for anything that is not one of this channel. */
export function parseRequestEnvelope(data: unknown): { id: number | undefined; request: ParseResult<MapRequest> } | undefined {
  if (!isRecord(data) || data.channel !== MAP_CHANNEL) return undefined;
  const id = isCount(data.id) ? data.id : undefined;
  if (id === undefined) return { id, request: fail([{ path: 'id', message: 'expected a request id' }]) };
  return { id, request: parseMapRequest(data.request) };
}
