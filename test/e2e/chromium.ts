import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; browser tests never download one. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags for a headless Chromium on a closed network, run as root: without
// the background-networking flags Chromium keeps trying to reach its servers.
// These are all the flags it gets (Playwright's own defaults are left out),
// plus a fresh profile and the pipe Playwright drives it through.
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where screenshots of browser tests are kept. */
export const RESULTS_DIR = join(process.cwd(), 'test-results');

/**
 * Starts Debian's Chromium headless with exactly CHROMIUM_FLAGS and a fresh
 * profile directory (removed when the browser closes), or fails with how to
 * install it.
 */
export async function launchChromiumAsync(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it with "apt-get install chromium" or set CHROMIUM_PATH`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'cjm-board-chromium-'));
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      ignoreDefaultArgs: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe'],
    });
    // Chromium may still be writing its profile when the connection closes; a leftover temporary directory is harmless.
    browser.on('disconnected', () => {
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      } catch {
        // Left for the system's temporary-file clean-up.
      }
    });
    return browser;
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Makes every request that would leave this machine fail, and records it,
 * so a test can assert that nothing was sent anywhere. `fulfil` answers
 * chosen external URLs (such as a host SDK) with local content instead.
 */
export async function guardNetworkAsync(page: Page, fulfil: Record<string, { body: string; contentType: string }> = {}): Promise<string[]> {
  const external: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    const local = fulfil[url];
    if (local) return route.fulfill({ status: 200, body: local.body, contentType: local.contentType });
    const { hostname, protocol } = new URL(url);
    if (protocol === 'data:' || protocol === 'about:' || hostname === 'localhost' || hostname === '127.0.0.1') return route.continue();
    external.push(url);
    return route.abort();
  });
  return external;
}

/** Saves a full-page screenshot under test-results/ and returns its path. */
export async function saveScreenshotAsync(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** One accessibility problem axe-core found: its rule, impact and the elements concerned. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (https://github.com/dequelabs/axe-core) on a page or frame
 * and returns the serious and critical violations: a panel must have none.
 */
export async function findSeriousAxeViolationsAsync(target: Pick<Page, 'evaluate' | 'addScriptTag'>): Promise<AxeViolation[]> {
  await target.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
  });
}
