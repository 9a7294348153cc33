import { build } from 'esbuild';
import { join } from 'node:path';

/** Where the Miro panel loads Miro's Web SDK from; browser tests answer it with the fake board. */
export const MIRO_SDK = 'https://miro.com/app/static/sdk/v2/miro.js';

/** The script served in place of Miro's SDK: installs the in-memory board as the `miro` global (miro-sdk-entry.ts). */
export async function buildFakeMiroSdkAsync(): Promise<string> {
  const result = await build({ entryPoints: [join(__dirname, 'miro-sdk-entry.ts')], bundle: true, write: false, format: 'iife', target: 'es2020', logLevel: 'silent' });
  return result.outputFiles[0]?.text ?? '';
}
