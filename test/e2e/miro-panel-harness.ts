import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { guardNetworkAsync, launchChromiumAsync } from './chromium';
import { startStaticServerAsync, type StaticServer } from './static-server';

/** Where the Miro panel loads Miro's Web SDK from; the harness answers it with the in-memory board. */
const MIRO_SDK = 'https://miro.com/app/static/sdk/v2/miro.js';
const DIST = join(__dirname, '..', '..', 'dist');

/** A Miro panel page, with what it did: page errors and requests that would have left this machine. */
export interface OpenPanel {
  page: Page;
  errors: string[];
  external: string[];
}

/** The built Miro panel served from dist/, in Chromium, on the fake board (miro-sdk-entry.ts). */
export interface MiroPanelHarness {
  browser: Browser;
  /** Opens dist/miro/panel.html; `withSdk: false` leaves Miro's SDK unreachable, as outside a Miro board. */
  openPanelAsync(options?: { locale?: string; viewport?: { width: number; height: number }; acceptDownloads?: boolean; withSdk?: boolean }): Promise<OpenPanel>;
  closeAsync(): Promise<void>;
}

/** Starts Chromium and a local server for the built Miro panel; fails with how to build it when dist/ is missing. */
export async function startMiroPanelHarnessAsync(): Promise<MiroPanelHarness> {
  if (!existsSync(join(DIST, 'miro/panel.html'))) throw new Error('dist/miro/panel.html is missing: run "npm run build" (npm test builds first)');
  const bundled = await build({ entryPoints: [join(__dirname, 'miro-sdk-entry.ts')], bundle: true, write: false, format: 'iife', target: 'es2020', logLevel: 'silent' });
  const fakeSdk = bundled.outputFiles[0]?.text ?? '';
  const server: StaticServer = await startStaticServerAsync(DIST);
  const browser = await launchChromiumAsync();
  return {
    browser,
    async openPanelAsync({ locale = 'en-US', viewport = { width: 320, height: 700 }, acceptDownloads = false, withSdk = true } = {}) {
      const page = await browser.newPage({ locale, viewport, acceptDownloads });
      const external = await guardNetworkAsync(page, withSdk ? { [MIRO_SDK]: { body: fakeSdk, contentType: 'text/javascript' } } : {});
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.url}/miro/panel.html`);
      return { page, errors, external };
    },
    async closeAsync() {
      await browser.close();
      await server.closeAsync();
    },
  };
}
