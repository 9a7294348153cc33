import type { Journey } from './journey';
import { parseJourney } from './journey-schema';
import { fail, succeed, type ParseResult } from './parse-result';

/**
 * What the panel's editor keeps between sessions: the journey being edited
 * (possibly with fields still empty), the map it belongs to, and where the
 * person was in the editor.
 */
export interface JourneyDraft {
  journey: Journey;
  /** The map the draft updates; absent for a journey not drawn yet. */
  mapId?: string;
  /** The journey of map `mapId` as the editor loaded or last drew it (see EditorState.base). */
  base?: Journey;
  /** The editor step the person was on. */
  step: number;
  /** When the draft was saved, in milliseconds since 1970. */
  savedAt: number;
}

// The editor has seven steps; a draft saved by a later version with more is shown at its last.
const MAX_STEP = 20;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The journey with each required text that is empty replaced by a stand-in,
 * so the schema checks a draft's structure while a person has not yet typed
 * a stage name or a card's text.
 */
function fillEmptyTexts(journey: Record<string, unknown>): Record<string, unknown> {
  const filled = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? '…' : value);
  const mapList = (list: unknown, field: string) => (Array.isArray(list) ? list.map((item: unknown) => (isRecord(item) ? { ...item, [field]: filled(item[field]) } : item)) : list);
  return {
    ...journey,
    title: filled(journey.title),
    personas: mapList(journey.personas, 'name'),
    stages: mapList(journey.stages, 'name'),
    lanes: mapList(journey.lanes, 'title'),
    cards: mapList(journey.cards, 'text'),
  };
}

/**
 * Checks a draft read back from storage. Returns the draft with its journey
 * exactly as saved (empty texts kept, so nothing typed or left to type is
 * lost), or the problems found; a draft that fails is ignored by the panel.
 */
export function parseJourneyDraft(value: unknown): ParseResult<JourneyDraft> {
  if (!isRecord(value) || !isRecord(value.journey)) return fail([{ path: 'draft', message: 'expected a saved draft with a journey' }]);
  const checked = parseJourney(fillEmptyTexts(value.journey));
  if (!checked.ok) return fail(checked.errors.map((error) => ({ ...error, path: `draft.journey.${error.path}` })));
  const step = value.step;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > MAX_STEP) return fail([{ path: 'draft.step', message: `expected a step from 0 to ${MAX_STEP}` }]);
  if (value.mapId !== undefined && typeof value.mapId !== 'string') return fail([{ path: 'draft.mapId', message: 'expected a map id' }]);
  const base = value.base === undefined ? undefined : parseJourney(value.base);
  if (base && !base.ok) return fail(base.errors.map((error) => ({ ...error, path: `draft.base.${error.path}` })));
  const savedAt = typeof value.savedAt === 'number' && Number.isFinite(value.savedAt) ? value.savedAt : 0;
  // The structure is the schema's; the texts are the person's, as typed.
  const journey = restoreTexts(checked.value, value.journey);
  return succeed({ journey, step, savedAt, ...(value.mapId === undefined ? {} : { mapId: value.mapId }), ...(base ? { base: base.value } : {}) });
}

/** The checked journey with the required texts put back as they were saved (the schema trims and the stand-ins replace empties). */
function restoreTexts(checked: Journey, saved: Record<string, unknown>): Journey {
  const textAt = (list: unknown, index: number, field: string, fallback: string): string => {
    const item = Array.isArray(list) ? (list[index] as unknown) : undefined;
    const text = isRecord(item) ? item[field] : undefined;
    return typeof text === 'string' && text.trim() === '' ? '' : fallback;
  };
  return {
    ...checked,
    title: typeof saved.title === 'string' && saved.title.trim() === '' ? '' : checked.title,
    personas: checked.personas.map((persona, index) => ({ ...persona, name: textAt(saved.personas, index, 'name', persona.name) })),
    stages: checked.stages.map((stage, index) => ({ ...stage, name: textAt(saved.stages, index, 'name', stage.name) })),
    lanes: checked.lanes.map((lane, index) => ({ ...lane, title: textAt(saved.lanes, index, 'title', lane.title) })),
    cards: checked.cards.map((card, index) => ({ ...card, text: textAt(saved.cards, index, 'text', card.text) })),
  };
}
