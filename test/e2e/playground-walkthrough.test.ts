import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlankJourney } from '../../src/model/templates/blank-journey';
import { CELLS_STRINGS } from '../../ui/editor/cells-strings';
import { EDITOR_STRINGS } from '../../ui/editor/editor-strings';
import { EMOTIONS_STRINGS } from '../../ui/editor/emotions-strings';
import { PLAYGROUND_STRINGS } from '../../ui/playground/playground-strings';
import { STRINGS, type Locale } from '../../ui/strings';
import { findSeriousAxeViolationsAsync, guardNetworkAsync, launchChromiumAsync, saveScreenshotAsync } from './chromium';

// A facilitator's day in the playground, in each language the panel speaks:
// build a two-persona, six-stage map in the editor, insert it, edit a sticky
// on the board, close and reopen the panel (it opens on the map, its actions
// first), Regenerate, and find the board's edit kept. Each step is
// photographed; `UPDATE_DOCS=1` keeps the pictures in docs/walkthrough/.

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const DOCS = join(ROOT, 'docs', 'walkthrough');
const PORT = 3400 + Math.floor(Math.random() * 400);

let server: ChildProcess | undefined;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'playground/index.html'))) throw new Error('dist/playground/index.html is missing: run "npm run build" (npm test builds first)');
  server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], { env: { ...process.env, PORT: String(PORT) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server?.stdout?.on('data', (chunk: Buffer) => (chunk.toString().includes('Playground:') ? resolve() : undefined));
    server?.on('exit', (code) => reject(new Error(`the server stopped (${code})`)));
  });
  browser = await launchChromiumAsync();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

/** What the walk types, in each language: a facilitator's own words. */
const WORDS: Record<Locale, { title: string; first: string; second: string; card: string; edited: string }> = {
  en: { title: 'Pharmacy pick-up', first: 'Irina', second: 'Pavel', card: 'Pharmacy app', edited: 'Pharmacy app, pick-up slot' },
  ru: { title: 'Самовывоз из аптеки', first: 'Ирина', second: 'Павел', card: 'Приложение аптеки', edited: 'Приложение аптеки, слот самовывоза' },
  uk: { title: 'Самовивіз з аптеки', first: 'Ірина', second: 'Павло', card: 'Застосунок аптеки', edited: 'Застосунок аптеки, слот самовивозу' },
};
const BROWSER_LOCALES: Record<Locale, string> = { en: 'en-US', ru: 'ru-RU', uk: 'uk-UA' };

async function photographAsync(page: Page, name: string): Promise<void> {
  const path = await saveScreenshotAsync(page, `walkthrough-${name}`);
  if (process.env.UPDATE_DOCS) {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, join(DOCS, `${name}.png`));
  }
}

const readStickyTextsAsync = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as unknown as { __playground: { describeBoard(): { items: { kind: string; text: string }[] } } }).__playground
      .describeBoard()
      .items.filter((item) => item.kind === 'sticky')
      .map((item) => item.text),
  );

describe('the facilitator’s day in the playground, in Chromium', () => {
  it.each(['en', 'ru', 'uk'] as const)('%s: build a two-persona map, insert it, edit the board, reopen the panel, Regenerate', async (locale) => {
    const words = WORDS[locale];
    const editor = EDITOR_STRINGS[locale];
    const panelWords = STRINGS[locale];
    const playground = PLAYGROUND_STRINGS[locale];
    const page = await browser.newPage({ locale: BROWSER_LOCALES[locale], viewport: { width: 1440, height: 900 } });
    const external = await guardNetworkAsync(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://localhost:${PORT}/playground/?rules=miro`);
    const panel = page.getByRole('main');

    // The board's toolbar keeps to one row at a laptop's width, in every language.
    const toolbar = await page.locator('.board__toolbar').evaluate((bar) => {
      const tallest = Math.max(...[...bar.children].map((child) => child.getBoundingClientRect().height));
      const style = getComputedStyle(bar);
      return { inner: bar.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom), tallest };
    });
    expect(toolbar.inner).toBeLessThan(toolbar.tallest + 4);

    const next = () => panel.getByRole('button', { name: editor.next, exact: true }).click();
    await panel.getByRole('button', { name: editor.editTemplate(editor.blankName), exact: true }).click();
    await panel.getByLabel(editor.mapTitle).fill(words.title);
    await next();
    await panel.getByLabel(editor.personaName, { exact: true }).fill(words.first);
    await panel.getByRole('button', { name: editor.addPersona }).click();
    await panel.getByLabel(editor.personaName, { exact: true }).fill(words.second);
    await next();
    expect(await panel.getByRole('textbox', { name: new RegExp(`^${editor.stageName(1).replace(/\d/, '\\d')}$`) }).count()).toBe(6);
    await next();
    await next();
    const touchpoints = createBlankJourney(locale).lanes.find((lane) => lane.kind === 'touchpoints');
    if (!touchpoints) throw new Error('the blank journey has a touchpoints lane');
    await panel.getByRole('button', { name: `${CELLS_STRINGS[locale].addCard}${CELLS_STRINGS[locale].addCardTo(touchpoints.title)}` }).click();
    await page.keyboard.type(words.card);
    await next();
    await panel.getByRole('radiogroup', { name: new RegExp(EMOTIONS_STRINGS[locale].asIs) }).first().getByRole('radio').first().check();
    await next();
    await panel.getByRole('button', { name: editor.insertMap }).click();
    await panel.getByRole('button', { name: editor.updateMap }).waitFor({ timeout: 30_000 });
    await photographAsync(page, `${locale}-1-inserted`);

    // Someone edits the card on the board.
    await page.getByRole('img', { name: new RegExp(`: ${words.card}$`) }).dblclick();
    const textbox = page.getByRole('textbox', { name: new RegExp(`^${playground.textOf('').trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    await textbox.fill(words.edited);
    await textbox.press('Enter');
    await photographAsync(page, `${locale}-2-board-edited`);

    // The panel closed and opened again, with the sticky still selected: it opens on the map, its actions first.
    await page.getByRole('button', { name: playground.reopen }).click();
    await expect.poll(() => panel.getByText(panelWords.mapOpened(words.title)).count(), { timeout: 20_000 }).toBe(1);
    const regenerate = panel.getByRole('button', { name: panelWords.regenerate, exact: true }).first();
    await regenerate.waitFor();
    await photographAsync(page, `${locale}-3-reopened`);

    await regenerate.click();
    // Done when the button says Regenerate again and the summary names the map.
    await expect.poll(async () => (await regenerate.textContent()) === panelWords.regenerate && (await regenerate.isEnabled()), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => panel.locator('.panel__status').textContent(), { timeout: 30_000 }).toContain(words.title);
    expect(await readStickyTextsAsync(page)).toContain(words.edited);
    await panel.locator('.panel__status').scrollIntoViewIfNeeded();
    await photographAsync(page, `${locale}-4-regenerated`);

    expect(await findSeriousAxeViolationsAsync(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
