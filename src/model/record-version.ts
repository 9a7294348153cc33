/**
 * The one version number of everything cjm-board stores or exchanges: the
 * envelope of files, of the journey stored with a map and of drafts, and the
 * `schema` field of the journey inside. Kept in a module of its own so the
 * journey and the record both import it without importing each other.
 */

/** The `format` field of every cjm-board record and journey file. */
export const RECORD_FORMAT = 'cjm-journey';

/**
 * The record version this build writes and the newest it reads. Version 1
 * was cjm-board 0.1.0 (three separate numbers); version 2 made them one;
 * version 3 added steps inside stages (cards and scores may name a step).
 */
export const RECORD_VERSION = 3 as const;
