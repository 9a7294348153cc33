import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshotAsync } from './chromium';
import { MIRO_SDK, startMiroPanelHarnessAsync, type MiroPanelHarness, type OpenPanel } from './miro-panel-harness';

// The Miro app as a team serves it: built with a public address
// (PUBLIC_URL), dist/miro is the root of a site on a sub-path, as on GitHub
// Pages (https://<owner>.github.io/cjm-board/). Here that site is
// http://127.0.0.1:<port>/cjm-board/, whose server answers 404 to anything
// outside /cjm-board/: a page or chunk asked for at the server's root fails.
const ROOT = join(__dirname, '..', '..');
const BASE = '/cjm-board/';

// Served as Miro's SDK to the app's entry page: records the icon-click
// handler it registers and the panel it opens, as the board would.
const ENTRY_SDK = `
window.__miroEntry = { handlers: {}, panels: [], errors: [] };
window.miro = { board: {
  ui: {
    on: (event, handler) => { window.__miroEntry.handlers[event] = handler; return Promise.resolve(); },
    off: () => Promise.resolve(),
    openPanel: (options) => { window.__miroEntry.panels.push(options.url); return Promise.resolve({ waitForClose: () => Promise.resolve(undefined) }); },
  },
  notifications: { showError: (message) => { window.__miroEntry.errors.push(message); return Promise.resolve(); } },
} };
`;

let folder: string;
let harness: MiroPanelHarness;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cjm-board-subpath-'));
  const out = join(folder, 'dist');
  const { PUBLIC_URL: _url, FIGMA_PLUGIN_ID: _id, ...env } = process.env;
  const built = spawnSync(process.execPath, [join(ROOT, 'build.mjs'), '--out', out], { env: { ...env, CJM_QUIET: '1', PUBLIC_URL: 'https://example.github.io/cjm-board/' }, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`node build.mjs --out ${out} failed:\n${built.stdout}${built.stderr}`);
  harness = await startMiroPanelHarnessAsync({ root: join(out, 'miro'), base: BASE, panelPath: 'panel.html' });
});

afterAll(async () => {
  await harness?.closeAsync();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** What the page asked for that failed or was not the site's own (Miro's SDK aside). */
function findStrayResponses({ responses }: OpenPanel): string[] {
  return responses.filter((response) => response.status >= 400 || (response.url !== MIRO_SDK && !response.url.startsWith(harness.url))).map((response) => `${response.status} ${response.url}`);
}

describe('the Miro app served from a sub-path', () => {
  it('the entry page loads from /cjm-board/ and its icon opens the panel beside it', async () => {
    const opened = await harness.openPanelAsync({ path: 'index.html', sdk: ENTRY_SDK });
    const { page, errors, external } = opened;
    await expect.poll(() => page.evaluate(() => Object.keys((window as unknown as { __miroEntry: { handlers: object } }).__miroEntry.handlers))).toEqual(['icon:click']);

    // A click on the app's icon: Miro opens the URL the app names, relative to the app's URL.
    const panelUrl = await page.evaluate(async () => {
      const entry = (window as unknown as { __miroEntry: { handlers: Record<string, () => void>; panels: string[] } }).__miroEntry;
      entry.handlers['icon:click']?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
      return new URL(entry.panels[0] ?? 'missing', location.href).href;
    });
    expect(panelUrl).toBe(`${harness.url}panel.html`);
    expect((await page.request.get(panelUrl)).status()).toBe(200);

    // Opened on its own, the page leads to the manifest served beside it.
    const manifestUrl = await page.locator('a[href="app-manifest.yaml"]').first().evaluate((link) => (link as HTMLAnchorElement).href);
    const manifest = await page.request.get(manifestUrl);
    expect(manifest.status()).toBe(200);
    expect(await manifest.text()).toContain('sdkUri: https://example.github.io/cjm-board/index.html');

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    expect(findStrayResponses(opened)).toEqual([]);
    expect(opened.responses.map((response) => response.url)).toEqual(expect.arrayContaining([`${harness.url}index.html`, `${harness.url}index.js`, MIRO_SDK]));
    await page.close();
  });

  it('the panel inserts the template and loads its parts from /cjm-board/, asking nothing of another address', async () => {
    const opened = await harness.openPanelAsync({ viewport: { width: 320, height: 700 } });
    const { page, errors, external } = opened;
    expect(page.url()).toBe(`${harness.url}panel.html`);
    // A script or style asked for outside /cjm-board/ leaves the panel without its button: say which.
    await page.getByRole('button', { name: 'Insert CJM template' }).waitFor({ timeout: 15_000 }).catch(() => undefined);
    expect(findStrayResponses(opened)).toEqual([]);

    await page.getByRole('button', { name: 'Insert CJM template' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/Map ready: \d+ items created\./);
    // The import, check and export section is a chunk of its own, loaded when it is opened.
    await page.getByRole('button', { name: 'Import, check and export…' }).click();
    await page.getByLabel('Journey file').waitFor();
    await page.waitForLoadState('networkidle');
    await saveScreenshotAsync(page, 'miro-subpath-panel');

    const items = await page.evaluate(() => (window as unknown as { __fakeMiro: { listRecords(): unknown[] } }).__fakeMiro.listRecords().length);
    expect(items).toBeGreaterThan(100);
    const chunks = opened.responses.filter((response) => response.url.startsWith(`${harness.url}chunks/`));
    expect(chunks.some((response) => /\/chunks\/journey-files-[A-Z0-9]+\.js$/.test(response.url))).toBe(true);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    expect(findStrayResponses(opened)).toEqual([]);
    await page.close();
  });
});
