import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { journeySchema } from './journey-schema';
import { RECORD_FORMAT, RECORD_VERSION } from './record-version';

/** The `$id` of the published schema: its file name, so it resolves wherever the file is served from. */
export const JOURNEY_JSON_SCHEMA_ID = 'cjm-journey.schema.json';

const journeyFileSchema = v.pipe(
  v.object({
    format: v.pipe(v.literal(RECORD_FORMAT), v.description('Always "cjm-journey".')),
    version: v.pipe(v.literal(RECORD_VERSION), v.description(`The record version; this schema describes version ${RECORD_VERSION}.`)),
    kind: v.optional(v.pipe(v.literal('file'), v.description('Files leave it out; a record stored with a map or a draft names its kind.'))),
    journey: v.pipe(journeySchema, v.description(`The journey; its "schema" is the record version, ${RECORD_VERSION}.`)),
  }),
  v.title('cjm-board journey file'),
  v.description(
    [
      `A Customer Journey Map saved by cjm-board: { "format": "${RECORD_FORMAT}", "version": ${RECORD_VERSION}, "journey": … }.`,
      'cjm-board also checks what this schema cannot say: ids are unique within stages, lanes, cards and personas;',
      'every card and emotion score names a stage, lane and persona that exist; a map has at most one "emotions" lane',
      'and one score per persona, stage and line. Text is read trimmed and without control characters.',
      'Files of version 1 are still read (and migrated) by cjm-board, but are not described here.',
    ].join(' '),
  ),
);

// The journey schema cleans text as it reads it (drops control characters,
// trims); a file that passes the cleaning is described by the checks after
// it, so the cleaning adds nothing to the JSON Schema.
const TEXT_CLEANING_ACTIONS: ReadonlySet<string> = new Set(['transform', 'trim']);

/**
 * The JSON Schema (draft-07) of a journey file of the current version, as
 * published in `schema/cjm-journey.schema.json`: generated from the valibot
 * schema the parser uses. Throws when the valibot schema gains a check the
 * generator cannot express, so the published schema never silently loses it.
 */
export function createJourneyJsonSchema(): JsonSchema {
  const { $schema, title, description, ...rest } = toJsonSchema(journeyFileSchema, {
    overrideAction: ({ valibotAction, jsonSchema }) => (TEXT_CLEANING_ACTIONS.has(valibotAction.type) ? jsonSchema : undefined),
  });
  return { $schema, $id: JOURNEY_JSON_SCHEMA_ID, title, description, ...rest };
}
