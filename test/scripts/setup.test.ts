import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain Node script without types: it runs before anything is installed.
import { isInstalled } from '../../scripts/setup.mjs';

const check = isInstalled as (lock: string, hidden: string | undefined) => boolean;
const lock = (packages: Record<string, { version: string; optional?: boolean }>) => JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'cjm-board' }, ...packages } });

describe('npm start and npm test install what is missing', () => {
  const wanted = { 'node_modules/a': { version: '1.0.0' }, 'node_modules/@esbuild/win32-x64': { version: '0.28.2', optional: true } };

  it('runs npm ci on a fresh clone, where nothing is installed', () => {
    expect(check(lock(wanted), undefined)).toBe(false);
  });

  it('leaves node_modules alone when it holds what the lock file asks for (other platforms’ optional binaries aside)', () => {
    expect(check(lock(wanted), lock({ 'node_modules/a': { version: '1.0.0' } }))).toBe(true);
  });

  it('installs again when a version differs, a package is missing or one is left over', () => {
    expect(check(lock(wanted), lock({ 'node_modules/a': { version: '0.9.0' } }))).toBe(false);
    expect(check(lock({ ...wanted, 'node_modules/b': { version: '2.0.0' } }), lock({ 'node_modules/a': { version: '1.0.0' } }))).toBe(false);
    expect(check(lock(wanted), lock({ 'node_modules/a': { version: '1.0.0' }, 'node_modules/old': { version: '1.0.0' } }))).toBe(false);
    expect(check(lock(wanted), '{ not json')).toBe(false);
  });
});
