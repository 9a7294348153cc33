import { parseJourney } from '../../model/journey-schema';
import type { Journey } from '../../model/journey';
import { parseJourneyDraft, type JourneyDraft } from '../../model/journey-draft';
import { fail, succeed, type ParseResult } from '../../model/parse-result';
import type { ApplyReport } from '../../sync/host-port';
import type { RegenerateOutcome } from '../../sync/regenerate-map';

/** Messages the panel (plugin iframe) sends to the FigJam main thread. */
export type UiToMainMessage =
  | { type: 'insert-template' }
  | { type: 'generate'; journey: Journey }
  | { type: 'insert-journey'; journey: Journey }
  | { type: 'load-journey' }
  | { type: 'finish' }
  | { type: 'focus'; mapId: string; keys: string[] }
  | { type: 'update-map'; mapId: string; journey: Journey; base?: Journey }
  | { type: 'render-svg'; journey: Journey; maxWidth?: number }
  | { type: 'regenerate' }
  | { type: 'load-draft' }
  | { type: 'save-draft'; draft?: JourneyDraft }
  | { type: 'close' };

/** Messages the FigJam main thread sends to the panel. */
export type MainToUiMessage =
  | { type: 'ready'; locale: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; report: ApplyReport; summary?: string; outcome?: RegenerateOutcome; journey?: Journey }
  | { type: 'journey'; mapId: string; journey: Journey }
  | { type: 'svg'; svg: string }
  | { type: 'draft'; draft?: JourneyDraft; selected?: { mapId: string; journey: Journey } }
  | { type: 'error'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Items "show on board" selects at most: a stage's header and its cards.
const MAX_FOCUS_KEYS = 500;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * Checks a message received from the panel. Returns the typed message, or an
 * error naming what was wrong; unknown or malformed messages never act.
 */
export function parseUiToMainMessage(data: unknown): ParseResult<UiToMainMessage> {
  if (!isRecord(data) || typeof data.type !== 'string') return fail([{ path: 'type', message: 'expected a message object with a "type"' }]);
  switch (data.type) {
    case 'insert-template':
    case 'load-journey':
    case 'finish':
    case 'regenerate':
    case 'load-draft':
    case 'close':
      return succeed({ type: data.type });
    case 'save-draft': {
      if (data.draft === undefined) return succeed({ type: 'save-draft' });
      const draft = parseJourneyDraft(data.draft);
      return draft.ok ? succeed({ type: 'save-draft', draft: draft.value }) : draft;
    }
    case 'focus': {
      const keys = data.keys;
      if (typeof data.mapId !== 'string' || !Array.isArray(keys) || keys.length > MAX_FOCUS_KEYS || !keys.every((key): key is string => typeof key === 'string' && key.length <= 200)) {
        return fail([{ path: 'keys', message: `expected a map id and at most ${MAX_FOCUS_KEYS} scene keys` }]);
      }
      return succeed({ type: 'focus', mapId: data.mapId, keys });
    }
    case 'render-svg': {
      const maxWidth = data.maxWidth;
      if (maxWidth !== undefined && !(isCount(maxWidth) && maxWidth >= 64 && maxWidth <= 20_000)) return fail([{ path: 'maxWidth', message: 'expected a width from 64 to 20000 pixels' }]);
      const journey = parseJourney(data.journey);
      if (!journey.ok) return fail(journey.errors.map((error) => ({ ...error, path: `journey.${error.path}` })));
      return succeed({ type: 'render-svg', journey: journey.value, ...(maxWidth === undefined ? {} : { maxWidth }) });
    }
    case 'update-map': {
      if (typeof data.mapId !== 'string') return fail([{ path: 'mapId', message: 'expected the id of the map to update' }]);
      const journey = parseJourney(data.journey);
      if (!journey.ok) return fail(journey.errors.map((error) => ({ ...error, path: `journey.${error.path}` })));
      const base = data.base === undefined ? undefined : parseJourney(data.base);
      if (base && !base.ok) return fail(base.errors.map((error) => ({ ...error, path: `base.${error.path}` })));
      return succeed({ type: 'update-map', mapId: data.mapId, journey: journey.value, ...(base ? { base: base.value } : {}) });
    }
    case 'generate':
    case 'insert-journey': {
      const journey = parseJourney(data.journey);
      if (!journey.ok) return fail(journey.errors.map((error) => ({ ...error, path: `journey.${error.path}` })));
      return succeed({ type: data.type, journey: journey.value });
    }
    default:
      return fail([{ path: 'type', message: `unknown message type ${JSON.stringify(data.type)}` }]);
  }
}

function isRegenerateOutcome(value: unknown): value is RegenerateOutcome {
  return isRecord(value) && typeof value.title === 'string' && isCount(value.edits) && isCount(value.adopted) && isCount(value.conflicts);
}

function isApplyReport(value: unknown): value is ApplyReport {
  if (!isRecord(value) || !isRecord(value.origin) || !Array.isArray(value.failed)) return false;
  return (
    typeof value.mapId === 'string' &&
    typeof value.origin.x === 'number' &&
    typeof value.origin.y === 'number' &&
    isCount(value.created) &&
    isCount(value.updated) &&
    isCount(value.deleted) &&
    isCount(value.released) &&
    value.failed.every((item) => isRecord(item) && typeof item.key === 'string' && typeof item.reason === 'string')
  );
}

/** Checks a message received from the main thread. */
export function parseMainToUiMessage(data: unknown): ParseResult<MainToUiMessage> {
  if (!isRecord(data) || typeof data.type !== 'string') return fail([{ path: 'type', message: 'expected a message object with a "type"' }]);
  switch (data.type) {
    case 'ready':
      return typeof data.locale === 'string' ? succeed({ type: 'ready', locale: data.locale }) : fail([{ path: 'locale', message: 'expected a locale string' }]);
    case 'progress':
      return isCount(data.done) && isCount(data.total)
        ? succeed({ type: 'progress', done: data.done, total: data.total })
        : fail([{ path: 'done', message: 'expected whole numbers "done" and "total"' }]);
    case 'done':
      if (!isApplyReport(data.report)) return fail([{ path: 'report', message: 'expected an apply report' }]);
      if (data.summary !== undefined && typeof data.summary !== 'string') return fail([{ path: 'summary', message: 'expected a summary string' }]);
      if (data.outcome !== undefined && !isRegenerateOutcome(data.outcome)) return fail([{ path: 'outcome', message: 'expected a regenerate outcome' }]);
      {
        const journey = data.journey === undefined ? undefined : parseJourney(data.journey);
        if (journey && !journey.ok) return fail(journey.errors.map((error) => ({ ...error, path: `journey.${error.path}` })));
        return succeed({
          type: 'done',
          report: data.report,
          ...(data.summary === undefined ? {} : { summary: data.summary }),
          ...(data.outcome === undefined ? {} : { outcome: data.outcome }),
          ...(journey ? { journey: journey.value } : {}),
        });
      }
    case 'error':
      return typeof data.message === 'string' ? succeed({ type: 'error', message: data.message }) : fail([{ path: 'message', message: 'expected an error message string' }]);
    case 'svg':
      return typeof data.svg === 'string' && data.svg.startsWith('<svg ') ? succeed({ type: 'svg', svg: data.svg }) : fail([{ path: 'svg', message: 'expected an SVG picture' }]);
    case 'draft': {
      // A damaged draft is dropped, not an error: the panel opens without it.
      const draft = data.draft === undefined ? undefined : parseJourneyDraft(data.draft);
      let selected: { mapId: string; journey: Journey } | undefined;
      if (data.selected !== undefined) {
        const record = isRecord(data.selected) ? data.selected : {};
        const journey = parseJourney(record.journey);
        if (typeof record.mapId !== 'string' || !journey.ok) return fail([{ path: 'selected', message: 'expected the selected map id and its journey' }]);
        selected = { mapId: record.mapId, journey: journey.value };
      }
      return succeed({ type: 'draft', ...(draft?.ok ? { draft: draft.value } : {}), ...(selected ? { selected } : {}) });
    }
    case 'journey': {
      if (typeof data.mapId !== 'string') return fail([{ path: 'mapId', message: 'expected the map id' }]);
      const journey = parseJourney(data.journey);
      if (!journey.ok) return fail(journey.errors.map((error) => ({ ...error, path: `journey.${error.path}` })));
      return succeed({ type: 'journey', mapId: data.mapId, journey: journey.value });
    }
    default:
      return fail([{ path: 'type', message: `unknown message type ${JSON.stringify(data.type)}` }]);
  }
}
