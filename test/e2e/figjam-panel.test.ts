import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousAxeViolationsAsync, guardNetworkAsync, launchChromiumAsync, saveScreenshotAsync } from './chromium';
import { startStaticServerAsync, type StaticServer } from './static-server';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');

let browser: Browser;
let server: StaticServer;

async function bundleHarnessAsync(): Promise<string> {
  const result = await build({ entryPoints: [join(__dirname, 'figjam-harness-entry.ts')], bundle: true, write: false, format: 'iife', target: 'es2020', logLevel: 'silent' });
  return result.outputFiles[0]?.text ?? '';
}

beforeAll(async () => {
  for (const file of ['figjam/code.js', 'figjam/ui.html']) {
    if (!existsSync(join(DIST, file))) throw new Error(`dist/${file} is missing: run "npm run build" (npm test builds first)`);
  }
  const uiHtml = readFileSync(join(DIST, 'figjam/ui.html'), 'utf8');
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>FigJam stand-in</title></head><body>
<script>window.__UI_HTML__ = ${JSON.stringify(uiHtml).replace(/<\//g, '<\\/')};</script>
<script src="/harness.js"></script>
<script src="/figjam/code.js"></script>
</body></html>`;
  server = await startStaticServerAsync(DIST, {
    '/harness.html': ['text/html; charset=utf-8', page],
    '/harness.js': ['text/javascript; charset=utf-8', await bundleHarnessAsync()],
  });
  browser = await launchChromiumAsync();
});

afterAll(async () => {
  await browser?.close();
  await server?.closeAsync();
});

async function openPanelAsync(): Promise<{ page: Page; external: string[] }> {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 420, height: 620 } });
  const external = await guardNetworkAsync(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/harness.html`);
  expect(errors).toEqual([]);
  return { page, external };
}

const countMapNodesAsync = (page: Page) =>
  page.evaluate(() => {
    const fake = (window as unknown as { __fake: { listNodes(): { type: string; getPluginData(key: string): string }[] } }).__fake;
    const nodes = fake.listNodes();
    return { total: nodes.length, sections: nodes.filter((node) => node.type === 'SECTION').length, unmarked: nodes.filter((node) => node.getPluginData('cjm') === '').length };
  });

describe('FigJam panel in Chromium, driving the built plugin', () => {
  it('inserts the template from the panel: progress, summary, a complete marked map', async () => {
    const { page, external } = await openPanelAsync();
    const panel = page.frameLocator('iframe[title="cjm-board panel"]');
    const button = panel.getByRole('button', { name: 'Insert CJM template' });
    await button.click();
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Map ready: \d+ items created\./);
    const status = (await panel.getByRole('status').textContent()) ?? '';
    const created = Number(/(\d+) items created/.exec(status)?.[1]);
    const counts = await countMapNodesAsync(page);
    expect(counts.sections).toBe(1);
    expect(counts.total).toBe(created);
    expect(counts.total).toBeGreaterThan(100);
    expect(counts.unmarked).toBe(0);
    await expect.poll(() => button.isEnabled()).toBe(true);
    await saveScreenshotAsync(page, 'figjam-panel-inserted');
    expect(external).toEqual([]);
    await page.close();
  });

  it('puts slides on the board: the pictures cross from the panel to the plugin as PNG files, into sections named in reading order', async () => {
    const { page, external } = await openPanelAsync();
    const panel = page.frameLocator('iframe[title="cjm-board panel"]');
    await panel.getByRole('button', { name: 'Insert CJM template' }).click();
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Map ready/);
    await panel.getByRole('button', { name: 'Present the map' }).click();
    await panel.getByRole('button', { name: 'Put slides on the board' }).click();
    await expect.poll(() => panel.getByText(/slides beside the map/).count(), { timeout: 60_000 }).toBe(1);
    const deck = await page.evaluate(() => {
      interface Node { id: string; type: string; name: string; parent: Node | null; fills?: readonly { type: string; imageHash?: string }[]; getPluginData(key: string): string }
      const fake = (window as unknown as { __fake: { listNodes(): Node[]; peekImage(hash: string): Uint8Array | undefined } }).__fake;
      const nodes = fake.listNodes();
      return nodes
        .filter((node) => node.type === 'SECTION' && node.getPluginData('cjmSlide') !== '')
        .map((section) => {
          const pictures = nodes.filter((node) => node.parent?.id === section.id);
          const hash = pictures[0]?.fills?.find((fill) => fill.type === 'IMAGE')?.imageHash;
          const bytes = hash ? fake.peekImage(hash) : undefined;
          return { name: section.name, pictures: pictures.map((node) => node.type), png: bytes ? String.fromCharCode(...bytes.subarray(1, 4)) : '' };
        });
    });
    expect(deck.length).toBeGreaterThanOrEqual(8);
    expect(deck.map((slide) => slide.name.split('. ')[0])).toEqual(deck.map((_, index) => String(index + 1)));
    expect(deck.every((slide) => slide.pictures.join() === 'RECTANGLE' && slide.png === 'PNG')).toBe(true);
    await saveScreenshotAsync(page, 'figjam-panel-slides');
    expect(external).toEqual([]);
    await page.close();
  });

  it('switches the panel language to Russian and Ukrainian', async () => {
    const { page } = await openPanelAsync();
    const panel = page.frameLocator('iframe[title="cjm-board panel"]');
    await panel.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect.poll(() => panel.getByRole('button', { name: 'Вставить шаблон CJM' }).count()).toBe(1);
    await panel.getByRole('combobox', { name: 'Язык' }).selectOption('uk');
    await expect.poll(() => panel.getByRole('button', { name: 'Вставити шаблон CJM' }).count()).toBe(1);
    await saveScreenshotAsync(page, 'figjam-panel-ukrainian');
    await page.close();
  });

  it('regenerates after a sticky was edited on the board: the edit is kept, one undo step, the summary says so', async () => {
    const { page, external } = await openPanelAsync();
    const panel = page.frameLocator('iframe[title="cjm-board panel"]');
    await panel.getByRole('button', { name: 'Insert CJM template' }).click();
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Map ready/);
    const before = await countMapNodesAsync(page);

    await page.evaluate(async () => {
      interface Node { type: string; getPluginData(key: string): string; text: { characters: string } }
      const fake = (window as unknown as { __fake: { listNodes(): Node[]; api: { loadFontAsync(font: object): Promise<void> } } }).__fake;
      const sticky = fake.listNodes().find((node) => node.type === 'STICKY' && node.getPluginData('cjm').includes('card:actions-need-1'));
      if (!sticky) throw new Error('no sticky card:actions-need-1');
      await fake.api.loadFontAsync({ family: 'Inter', style: 'Medium' });
      sticky.text.characters = 'Kettle leaks on the table';
    });
    await page.evaluate(() => (window as unknown as { __fake: { clearCalls(): void } }).__fake.clearCalls());

    await panel.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/regenerated: 1 board edit kept, 0 new stickies added to the map\.Items created: 0, updated: 1, removed: 0\./);
    await saveScreenshotAsync(page, 'figjam-panel-regenerated');
    const after = await countMapNodesAsync(page);
    expect(after).toEqual(before);
    const undoSteps = await page.evaluate(() => (window as unknown as { __fake: { calls: { method: string }[] } }).__fake.calls.filter((call) => call.method === 'commitUndo').length);
    expect(undoSteps).toBe(1);
    const texts = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { listNodes(): { type: string; text?: { characters: string } }[] } }).__fake;
      return fake.listNodes().filter((node) => node.type === 'STICKY' && node.text?.characters === 'Kettle leaks on the table').length;
    });
    expect(texts).toBe(1);
    expect(external).toEqual([]);
    await page.close();
  });

  it('imports a Mermaid journey through the plugin, checks the map and exports it', async () => {
    const { page, external } = await openPanelAsync();
    const panel = page.frameLocator('iframe[title="cjm-board panel"]');
    await panel.getByRole('button', { name: 'Import, check and export…' }).click();
    const diagram = 'journey\n  title Morning\n  section Wake up\n    Snooze: 2: Me\n  section Breakfast\n    Make tea: 5: Me\n';
    await panel.getByLabel('Journey file').setInputFiles({ name: 'morning.mmd', mimeType: 'text/plain', buffer: Buffer.from(diagram) });
    await expect.poll(() => panel.getByText(/morning\.mmd: “Morning”, 2 stages \(2 steps\), 2 lanes, 0 cards, 1 persona, 2 emotion scores\./).count()).toBe(1);
    await panel.getByRole('button', { name: 'Insert this map' }).click();
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Map ready: \d+ items created\./);
    const counts = await countMapNodesAsync(page);
    expect(counts.sections).toBe(1);
    expect(counts.unmarked).toBe(0);

    await panel.getByRole('button', { name: 'Check the map' }).click();
    await expect.poll(() => panel.getByRole('list', { name: 'Check and export the map' }).textContent()).toMatch(/Me feels worst at “Wake up › Snooze” \(-1\)/);
    // Show on board: the persona without goals selects the persona card.
    await panel.getByRole('listitem').filter({ hasText: 'has no goals' }).getByRole('button', { name: 'Show on board' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __fake: { api: { currentPage: { selection: { getPluginData(key: string): string }[] } } } }).__fake.api.currentPage.selection.map((node) => node.getPluginData('cjm'))))
      .toEqual([expect.stringContaining('"k":"persona:p1"')]);
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Mermaid', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('morning.mmd');
    expect(readFileSync(await download.path(), 'utf8')).toBe(diagram.replace(/ {4}/g, '    '));
    // The picture is drawn on the plugin's side and saved by the panel.
    const [picture] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'PNG', exact: true }).click()]);
    expect(picture.suggestedFilename()).toBe('morning.png');
    expect(readFileSync(await picture.path()).subarray(1, 4).toString()).toBe('PNG');
    await saveScreenshotAsync(page, 'figjam-panel-import-check');
    expect(await findSeriousAxeViolationsAsync(page.frames().find((frame) => frame !== page.mainFrame()) ?? page)).toEqual([]);
    // Findings speak the panel's language.
    await panel.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect.poll(() => panel.getByRole('list', { name: 'Проверка и экспорт карты' }).textContent()).toMatch(/Хуже всего персоне Me на этапе «Wake up › Snooze» \(-1\)/);
    expect(external).toEqual([]);
    await page.close();
  });
  // What FigJam puts into a plugin iframe shown with themeColors: true: a class on <html> and
  // --figma-color-* variables (https://developers.figma.com/docs/plugins/css-variables; FigJam itself
  // is light only, Figma Design also dark). Values as Figma's light and dark themes define them.
  const THEMES = {
    light:
      '--figma-color-bg:#ffffff;--figma-color-bg-secondary:#f5f5f5;--figma-color-text:#000000e5;--figma-color-text-secondary:#0000008c;--figma-color-bg-brand:#0d99ff;--figma-color-bg-brand-secondary:#0768cf;--figma-color-text-brand:#007be5;--figma-color-text-onbrand:#ffffff;--figma-color-border:#e6e6e6;--figma-color-text-danger:#dc3412;--figma-color-text-warning:#b86200',
    dark: '--figma-color-bg:#2c2c2c;--figma-color-bg-secondary:#383838;--figma-color-text:#ffffff;--figma-color-text-secondary:#ffffffb3;--figma-color-bg-brand:#0c8ce9;--figma-color-bg-brand-secondary:#105cad;--figma-color-text-brand:#7cc4f8;--figma-color-text-onbrand:#ffffff;--figma-color-border:#444444;--figma-color-text-danger:#fca397;--figma-color-text-warning:#f7d15f',
  } as const;

  it.each(Object.keys(THEMES) as (keyof typeof THEMES)[])('in Figma’s %s theme colours, the gallery and every editor step pass axe-core (contrast included)', async (theme) => {
    const { page, external } = await openPanelAsync();
    await page.setViewportSize({ width: 420, height: 700 });
    const panel = page.frameLocator('iframe[title="cjm-board panel"]');
    await expect.poll(() => panel.getByRole('img', { name: /^Preview of the map/ }).count(), { timeout: 20_000 }).toBe(7);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    if (!frame) throw new Error('the panel iframe is missing');
    await frame.evaluate(([name, variables]) => {
      document.documentElement.classList.add(`figma-${name}`);
      const style = document.createElement('style');
      style.id = 'figma-style';
      style.textContent = `:root{${variables}}`;
      document.head.append(style);
    }, [theme, THEMES[theme]] as const);
    expect(await findSeriousAxeViolationsAsync(frame)).toEqual([]);
    await saveScreenshotAsync(page, `figjam-panel-${theme}-gallery`);
    await panel.getByRole('button', { name: /^Edit “Loyalty/ }).click();
    for (let step = 1; step <= 7; step += 1) {
      expect(await findSeriousAxeViolationsAsync(frame), `step ${step}`).toEqual([]);
      if (step === 6) await saveScreenshotAsync(page, `figjam-panel-${theme}-emotions`);
      if (step < 7) await panel.getByRole('button', { name: 'Next', exact: true }).click();
    }
    expect(external).toEqual([]);
    await page.close();
  });
});

