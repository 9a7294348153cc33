import { version } from '../../package.json';

/**
 * The version of cjm-board, from package.json: one number for the panel's
 * footer, `cjm --version`, and the `generator` of every record and file it
 * writes. esbuild inlines just this field of package.json.
 */
export const APP_VERSION: string = version;

/** Who wrote a record or file: "cjm-board 0.2.0". */
export const GENERATOR = `cjm-board ${APP_VERSION}`;
