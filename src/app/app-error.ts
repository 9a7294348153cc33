import type { ValidationError } from '../model/parse-result';

/**
 * Why the map service could not do what was asked: a code and its
 * parameters, never a sentence. The panel words it in the person's
 * language (`ui/error-strings.ts`), the FigJam menu commands and the CLI in
 * English (`describeAppError`).
 */
export type AppError =
  /** There is no CJM map on the page or board. */
  | { code: 'no-map' }
  /** The selection touches several maps. */
  | { code: 'several-selected'; titles: string[] }
  /** Several maps and none selected (nor drawn from this panel). */
  | { code: 'several-maps'; titles: string[] }
  /** The map asked for is no longer on the board. */
  | { code: 'map-gone'; title?: string }
  /** Nothing is stored with the map, so its edits cannot be read. */
  | { code: 'no-record'; title: string }
  /** What is stored with the map cannot be read (details name the fields). */
  | { code: 'record-damaged'; title: string; details: ValidationError[] }
  /** The map was stored by a newer cjm-board. */
  | { code: 'record-newer'; title: string; version: number; supported: number }
  /** Someone else is regenerating or updating the map right now (`name` '' when the host does not say who). */
  | { code: 'map-busy'; title: string; name: string; seconds: number }
  /** The board's edits would make an invalid journey. */
  | { code: 'invalid-edits'; details: ValidationError[] }
  /** A message between panel and plugin did not pass validation. */
  | { code: 'bad-message'; details: ValidationError[] }
  /** Something failed that should not have: the host's own words. */
  | { code: 'unexpected'; detail: string };

/** Thrown inside the map service to answer a request with an AppError. */
export class AppFailure extends Error {
  override name = 'AppFailure';
  constructor(readonly reason: AppError) {
    super(describeAppError(reason));
  }
}

/** The reason of any error: an AppFailure's own, else `unexpected` with the error's message. */
export function findAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.reason;
  return { code: 'unexpected', detail: error instanceof Error ? error.message : String(error) };
}

/** Titles of maps for a message: at most three, then how many more. */
function listTitles(titles: readonly string[]): string {
  const quoted = titles.slice(0, 3).map((title) => `"${title}"`);
  return titles.length > 3 ? `${quoted.join(', ')} and ${titles.length - 3} more` : quoted.join(', ');
}

function formatDetails(details: readonly ValidationError[]): string {
  return details
    .slice(0, 3)
    .map((error) => `${error.path}: ${error.message}`)
    .join('; ');
}

/** The English sentence for an AppError (FigJam notifications, the CLI, logs). */
export function describeAppError(reason: AppError): string {
  switch (reason.code) {
    case 'no-map':
      return 'there is no CJM map here; insert one with Insert CJM template first';
    case 'several-selected':
      return `the selection touches ${reason.titles.length} maps (${listTitles(reason.titles)}); select items of one map and run Regenerate again`;
    case 'several-maps':
      return `there are ${reason.titles.length} maps here (${listTitles(reason.titles)}); select one and run Regenerate again`;
    case 'map-gone':
      return reason.title === undefined ? 'the map is no longer on the board; insert it again' : `the map "${reason.title}" is no longer on the board; insert it again`;
    case 'no-record':
      return `the map "${reason.title}" has no journey stored with it, so its edits cannot be read; insert the map again from the panel`;
    case 'record-damaged':
      return `the journey stored with "${reason.title}" is damaged (${formatDetails(reason.details)}); insert the map again from the panel`;
    case 'record-newer':
      return `the map "${reason.title}" was stored by a newer cjm-board (record version ${reason.version}; this one reads up to ${reason.supported}); update cjm-board to regenerate it`;
    case 'map-busy':
      return `${reason.name || 'someone'} is regenerating the map "${reason.title}"; try again in a moment (within ${reason.seconds} s)`;
    case 'invalid-edits':
      return `the board's edits make an invalid journey (${formatDetails(reason.details)}); fix that on the board and run Regenerate again`;
    case 'bad-message':
      return `the plugin ignored a message it could not read (${formatDetails(reason.details)}); reload the plugin`;
    case 'unexpected':
      return `something went wrong: ${reason.detail}; nothing else was changed, try again`;
  }
}
