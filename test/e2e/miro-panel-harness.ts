import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { guardNetworkAsync, launchChromiumAsync } from './chromium';
import { startStaticServerAsync, type StaticServer } from './static-server';

/** Where the Miro panel loads Miro's Web SDK from; the harness answers it with the in-memory board. */
export const MIRO_SDK = 'https://miro.com/app/static/sdk/v2/miro.js';
const DIST = join(__dirname, '..', '..', 'dist');

/** One response the page received: its URL and HTTP status. */
export interface PageResponse {
  url: string;
  status: number;
}

/** A Miro panel page, with what it did: page errors, requests that would have left this machine, responses it got. */
export interface OpenPanel {
  page: Page;
  errors: string[];
  external: string[];
  responses: PageResponse[];
}

/** Where the harness serves the built Miro app from. */
export interface MiroPanelHarnessOptions {
  /** The folder served; dist/ by default. */
  root?: string;
  /** The URL path `root` is served under, starting and ending with `/` (a site on a sub-path: `/cjm-board/`); `/` by default. */
  base?: string;
  /** The panel page, relative to `base`; `miro/panel.html` by default (dist/ served at the root). */
  panelPath?: string;
}

/** The built Miro panel served from dist/ (or `root`), in Chromium, on the fake board (miro-sdk-entry.ts). */
export interface MiroPanelHarness {
  browser: Browser;
  /** The address `root` is served at, ending with `/`. */
  url: string;
  /**
   * Opens the panel page (or `path`, relative to the served address);
   * `withSdk: false` leaves Miro's SDK unreachable, as outside a Miro board;
   * `sdk` is served as Miro's SDK instead of the fake board.
   */
  openPanelAsync(options?: { locale?: string; viewport?: { width: number; height: number }; acceptDownloads?: boolean; withSdk?: boolean; path?: string; sdk?: string }): Promise<OpenPanel>;
  closeAsync(): Promise<void>;
}

/** Starts Chromium and a local server for the built Miro panel; fails with how to build it when the panel is missing. */
export async function startMiroPanelHarnessAsync({ root = DIST, base = '/', panelPath = 'miro/panel.html' }: MiroPanelHarnessOptions = {}): Promise<MiroPanelHarness> {
  if (!existsSync(join(root, panelPath))) throw new Error(`${join(root, panelPath)} is missing: run "npm run build" (npm test builds first)`);
  const bundled = await build({ entryPoints: [join(__dirname, 'miro-sdk-entry.ts')], bundle: true, write: false, format: 'iife', target: 'es2020', logLevel: 'silent' });
  const fakeSdk = bundled.outputFiles[0]?.text ?? '';
  const server: StaticServer = await startStaticServerAsync(root, {}, { base });
  const url = `${server.url}${base}`;
  const browser = await launchChromiumAsync();
  return {
    browser,
    url,
    async openPanelAsync({ locale = 'en-US', viewport = { width: 320, height: 700 }, acceptDownloads = false, withSdk = true, path = panelPath, sdk = fakeSdk } = {}) {
      const page = await browser.newPage({ locale, viewport, acceptDownloads });
      const external = await guardNetworkAsync(page, withSdk ? { [MIRO_SDK]: { body: sdk, contentType: 'text/javascript' } } : {});
      const errors: string[] = [];
      const responses: PageResponse[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('response', (response) => responses.push({ url: response.url(), status: response.status() }));
      await page.goto(new URL(path, url).href);
      return { page, errors, external, responses };
    },
    async closeAsync() {
      await browser.close();
      await server.closeAsync();
    },
  };
}
