import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousAxeViolationsAsync, guardNetworkAsync, launchChromiumAsync, saveScreenshotAsync } from './chromium';
import { intersects } from '../boxes';
import type { BoardItemSummary } from '../../ui/playground/describe-board';

// The playground as a person uses it after `npm start`: the real dev server,
// the real panel, the simulated board, driven by role and label in Chromium.
const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const RULES = ['miro', 'figjam'] as const;
type Rules = (typeof RULES)[number];
const RULE_LABELS: Record<Rules, string> = { miro: 'Miro rules', figjam: 'FigJam rules' };

type BoardItem = BoardItemSummary;

let browser: Browser;
let server: ChildProcessWithoutNullStreams;
let playgroundUrl: string;

/** Starts scripts/serve.mjs on a free port (PORT=0) and answers the playground URL it prints. */
function startServerAsync(): Promise<string> {
  server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1' } });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`scripts/serve.mjs printed no playground URL in 10 s:\n${output}`)), 10_000);
    const read = (chunk: Buffer) => {
      output += String(chunk);
      const url = /Playground: +(http:\/\/127\.0\.0\.1:\d+\/playground\/)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve(url);
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code) => reject(new Error(`scripts/serve.mjs exited with ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  if (!existsSync(join(DIST, 'playground/index.html'))) throw new Error('dist/playground/index.html is missing: run "npm run build" (npm test builds first)');
  [playgroundUrl, browser] = await Promise.all([startServerAsync(), launchChromiumAsync()]);
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

interface OpenPlayground {
  page: Page;
  external: string[];
  errors: string[];
}

/** Opens the playground and picks `rules` with the board's switch, as a person would. */
async function openPlaygroundAsync(rules: Rules): Promise<OpenPlayground> {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  const external = await guardNetworkAsync(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(playgroundUrl);
  await page.getByRole('radio', { name: RULE_LABELS[rules] }).check();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __playground: { rules: string } }).__playground.rules)).toBe(rules);
  return { page, external, errors };
}

const describeBoardAsync = (page: Page): Promise<BoardItem[]> =>
  page.evaluate(() => (window as unknown as { __playground: { describeBoard(): { items: BoardItem[] } } }).__playground.describeBoard().items);

const readPanelStatusAsync = (page: Page) => page.getByRole('main').getByRole('status').textContent();

/** Pairs of stickies that overlap (by more than half a unit), named by their text. */
function findOverlappingStickies(items: readonly BoardItem[]): string[] {
  const stickies = items.filter((item) => item.kind === 'sticky');
  const overlaps: string[] = [];
  for (const [index, a] of stickies.entries()) {
    for (const b of stickies.slice(index + 1)) if (intersects(a, b, 0.5)) overlaps.push(`${a.text} / ${b.text}`);
  }
  return overlaps;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A sticky on the board by its text: "Sticky note: …" in Miro, "Sticky: …" in FigJam. */
const findSticky = (page: Page, text: string) => page.getByRole('img', { name: new RegExp(`^Sticky( note)?: ${escapeRegExp(text)}$`) });

/** Drags with the mouse from the centre of `from` by (dx, dy) screen pixels, in small steps. */
async function dragByAsync(page: Page, from: { x: number; y: number; width: number; height: number }, dx: number, dy: number): Promise<void> {
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx / 2, start.y + dy / 2, { steps: 4 });
  await page.mouse.move(start.x + dx, start.y + dy, { steps: 4 });
  await page.mouse.up();
}

async function insertTemplateAsync(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Insert CJM template' }).click();
  await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/Map ready: \d+ items created\./);
}

describe.each(RULES)('the playground under %s rules, in Chromium', (rules) => {
  it('inserts the template: the board holds the whole map, no two stickies overlapping', async () => {
    const { page, external, errors } = await openPlaygroundAsync(rules);
    await insertTemplateAsync(page);
    const items = await describeBoardAsync(page);
    expect(items.length).toBeGreaterThan(100);
    expect(items.filter((item) => item.kind === 'frame')).toHaveLength(1);
    expect(items.filter((item) => item.kind === 'sticky').length).toBeGreaterThan(80);
    // An emotion point at each of the five stages without steps and at each of the four steps of Order & pay.
    expect(items.filter((item) => item.kind === 'ellipse')).toHaveLength(9);
    expect(items.some((item) => item.text.includes('Anna Petrova'))).toBe(true);
    expect(items.every((item) => item.hasIdentity)).toBe(true);
    expect(findOverlappingStickies(items)).toEqual([]);
    // The panel and the board count the same items.
    const created = Number(/Map ready: (\d+) items created/.exec((await readPanelStatusAsync(page)) ?? '')?.[1]);
    expect(created).toBe(items.length);
    const selection = (await page.locator('#board-selection').textContent()) ?? '';
    if (!selection.startsWith('Selected')) expect(selection).toBe(`${items.length} items on the board`);
    // The board shows what it holds: every sticky is drawn, named by its text.
    await expect.poll(() => page.getByRole('img', { name: /^Sticky( note)?: / }).count()).toBe(items.filter((item) => item.kind === 'sticky').length);
    await saveScreenshotAsync(page, `playground-${rules}-inserted`);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('keeps a person’s board edits through Regenerate: typed text, a dragged sticky, an added sticky, a dragged emotion point', async () => {
    const { page, external, errors } = await openPlaygroundAsync(rules);
    await insertTemplateAsync(page);

    // Double-click a sticky, type, press Enter.
    await findSticky(page, 'Notices the old kettle is broken').dblclick();
    const editor = page.getByRole('textbox', { name: /^Text of sticky/ });
    await editor.fill('Kettle leaks on the table');
    await editor.press('Enter');
    await expect.poll(() => findSticky(page, 'Kettle leaks on the table').count()).toBe(1);

    // Drag another sticky a little, within its cell.
    const dragged = findSticky(page, 'Decides to buy a new one this week');
    const before = (await describeBoardAsync(page)).find((item) => item.text === 'Decides to buy a new one this week') as BoardItem;
    await dragByAsync(page, (await dragged.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 }, -6, 4);
    const after = (await describeBoardAsync(page)).find((item) => item.id === before.id) as BoardItem;
    expect(after.x).toBeLessThan(before.x - 10);
    expect(after.y).toBeGreaterThan(before.y + 5);

    // Add a sticky (it opens for typing), write on it, drop it into a cell.
    await page.getByRole('button', { name: 'Add sticky' }).click();
    await page.keyboard.type('Asks a neighbour');
    await page.keyboard.press('Enter');
    const added = findSticky(page, 'Asks a neighbour');
    await expect.poll(() => added.count()).toBe(1);
    const cell = (await findSticky(page, 'Compares prices and reviews on two sites').boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    const addedBox = (await added.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    await dragByAsync(page, addedBox, cell.x + cell.width / 2 + 3 - (addedBox.x + addedBox.width / 2), cell.y + cell.height / 2 + 3 - (addedBox.y + addedBox.height / 2));
    const dropped = await describeBoardAsync(page);
    const addedItem = dropped.find((item) => item.text === 'Asks a neighbour');
    expect(addedItem?.hasIdentity).toBe(false);
    // Dropped into a cell, it is inside the map's frame or section, as a person's sticky would be.
    expect(addedItem?.parentId).toBe(dropped.find((item) => item.kind === 'frame')?.id);

    // Drag the lowest emotion point (the worst moment, -2) up towards neutral.
    await dragByAsync(page, (await page.getByRole('img', { name: 'Circle: 😫' }).boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 }, 0, -20);
    await saveScreenshotAsync(page, `playground-${rules}-edited`);

    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/regenerated: \d+ board edits? kept, 1 new sticky added to the map\./);
    const items = await describeBoardAsync(page);
    expect(items.filter((item) => item.text === 'Kettle leaks on the table')).toHaveLength(1);
    expect(items.filter((item) => item.text === 'Decides to buy a new one this week')).toHaveLength(1);
    // The dragged point took the score of where it was dropped: its face is no longer the worst one.
    const faces = items.filter((item) => item.kind === 'ellipse').map((item) => item.text);
    expect(faces).toHaveLength(9);
    expect(faces).not.toContain('😫');
    expect(items.filter((item) => item.text === 'Asks a neighbour')).toEqual([expect.objectContaining({ kind: 'sticky', hasIdentity: true })]);
    expect(items.every((item) => item.hasIdentity)).toBe(true);
    expect(findOverlappingStickies(items)).toEqual([]);
    await saveScreenshotAsync(page, `playground-${rules}-regenerate`);

    // Panel and board, map drawn and edited: no serious accessibility problem.
    expect(await findSeriousAxeViolationsAsync(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('keeps what a person gave the cards through Regenerate: a group, bold text with a link, a colour', async () => {
    const { page, external, errors } = await openPlaygroundAsync(rules);
    await insertTemplateAsync(page);
    const styled = 'Decides to buy a new one this week';

    // Group two stickies of different cells: click one, shift-click the other.
    await findSticky(page, styled).click();
    await findSticky(page, 'Compares prices and reviews on two sites').click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Group', exact: true }).click();
    // Bold and link the first word of one, recolour it red.
    await findSticky(page, styled).click();
    await page.getByRole('button', { name: 'Bold' }).click();
    page.once('dialog', (dialog) => void dialog.accept('https://shop.example/kettles'));
    await page.getByRole('button', { name: 'Link…' }).click();
    await page.getByLabel('Colour').selectOption({ label: 'Red' });
    const before = (await describeBoardAsync(page)).find((item) => item.text === styled) as BoardItem;
    expect(before.groupId).toBeTruthy();
    expect(JSON.stringify(before.rich)).toContain('https://shop.example/kettles');
    // The sticky above it goes: Regenerate moves the styled one into its place.
    await findSticky(page, 'Notices the old kettle is broken').click();
    await page.keyboard.press('Delete');
    await saveScreenshotAsync(page, `playground-${rules}-styled`);

    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/regenerated/);
    const items = await describeBoardAsync(page);
    const after = items.find((item) => item.id === before.id) as BoardItem;
    expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeGreaterThan(20);
    expect(after.fill).toBe(before.fill);
    expect(after.rich).toEqual(before.rich);
    expect(after.groupId).toBe(before.groupId);
    expect(items.filter((item) => item.groupId === before.groupId)).toHaveLength(2);
    expect(findOverlappingStickies(items)).toEqual([]);
    await saveScreenshotAsync(page, `playground-${rules}-styled-regenerated`);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('links a pain to an opportunity with a connector a person draws, and unlinks them when the connector is deleted', async () => {
    const { page, external, errors } = await openPlaygroundAsync(rules);
    await insertTemplateAsync(page);
    const appLines = async () => (await describeBoardAsync(page)).filter((item) => item.kind === 'line' && item.hasIdentity).length;
    const drawn = await appLines();
    // Select the pain, then the opportunity, and connect them.
    await findSticky(page, 'No SMS before the courier comes').click();
    await findSticky(page, 'One-hour delivery window').click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    // One connector, the person's: no identity yet.
    const drawnByHand = (await describeBoardAsync(page)).filter((item) => item.kind === 'line' && !item.hasIdentity);
    expect(drawnByHand).toHaveLength(1);
    const connector = drawnByHand[0];
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/regenerated/);
    // The person's connector is the map's link now, and no second one is drawn.
    expect((await describeBoardAsync(page)).find((item) => item.id === connector?.id)?.hasIdentity).toBe(true);
    expect(await appLines()).toBe(drawn + 1);
    await saveScreenshotAsync(page, `playground-${rules}-linked`);

    // Clicked where it shows (not where another line crosses it) and deleted, the link is gone: Regenerate does not draw it again.
    const point = await page.evaluate((id) => {
      const group = document.querySelector(`[data-line-id="${id}"]`);
      const path = group?.querySelector('path[stroke="transparent"]') as SVGPathElement | null | undefined;
      if (!path) return undefined;
      const matrix = path.getScreenCTM();
      const length = path.getTotalLength();
      for (const share of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
        const at = path.getPointAtLength(length * share);
        const screen = matrix ? new DOMPoint(at.x, at.y).matrixTransform(matrix) : at;
        if (group?.contains(document.elementFromPoint(screen.x, screen.y))) return { x: screen.x, y: screen.y };
      }
      return undefined;
    }, connector?.id);
    if (!point) throw new Error('the connector shows nowhere on the board');
    await page.mouse.click(point.x, point.y);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    expect(await appLines()).toBe(drawn);
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/regenerated: 1 board edit kept/);
    expect(await appLines()).toBe(drawn);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('puts a slide per view beside the map from Present: pictures the browser drew, in frames or sections named in reading order', async () => {
    const { page, external, errors } = await openPlaygroundAsync(rules);
    await insertTemplateAsync(page);
    const before = await describeBoardAsync(page);
    const panel = page.getByRole('main');
    await panel.getByRole('button', { name: 'Present the map' }).click();
    // One view saved as a picture: the second, the first stage.
    await panel.getByRole('button', { name: 'Next' }).click();
    const saveView = panel.getByRole('group', { name: 'Save this view:' });
    const [png] = await Promise.all([page.waitForEvent('download'), saveView.getByRole('button', { name: 'PNG' }).click()]);
    expect(png.suggestedFilename()).toMatch(/^2-[\p{L}\p{N}-]+\.png$/u);
    expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), saveView.getByRole('button', { name: 'SVG' }).click()]);
    expect(readFileSync(await svg.path(), 'utf8')).toMatch(/^<svg [^>]*viewBox="[1-9]/);
    await panel.getByRole('button', { name: 'Put slides on the board' }).click();
    await expect.poll(() => panel.getByText(/slides beside the map/).count(), { timeout: 60_000 }).toBe(1);
    const items = await describeBoardAsync(page);
    const map = items.find((item) => item.kind === 'frame' && item.hasIdentity)!;
    const slides = items.filter((item) => item.kind === 'frame' && !item.hasIdentity);
    // The whole map, then each stage, then the persona, numbered in reading order.
    expect(slides.length).toBeGreaterThanOrEqual(8);
    expect(slides[0]?.text).toBe(`1. ${map.text}`);
    expect(slides.map((slide) => slide.text.split('. ')[0])).toEqual(slides.map((_, index) => String(index + 1)));
    expect(slides.slice(1).every((slide) => slide.text.endsWith(` · ${map.text}`))).toBe(true);
    expect(slides.at(-1)?.text).toMatch(/^\d+\. Anna Petrova · /);
    for (const slide of slides) {
      const pictures = items.filter((item) => item.parentId === slide.id);
      expect(pictures.map((item) => item.kind), slide.text).toEqual(['image']);
      expect(slide.y).toBeGreaterThan(map.y + map.height);
    }
    // The pictures are the browser's PNGs of the views, on the board as images.
    const sources = await page.locator('svg image').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
    expect(sources).toHaveLength(slides.length);
    expect(sources.every((source) => source.startsWith('data:image/png;base64,iVBORw0KGgo'))).toBe(true);
    // The map is as it was.
    expect(items.filter((item) => item.hasIdentity)).toEqual(before);
    await saveScreenshotAsync(page, `playground-${rules}-slides`);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('draws the impact × effort matrix on request, and re-rates an opportunity whose sticky a person drags in it', async () => {
    const { page, external, errors } = await openPlaygroundAsync(rules);
    const panel = page.getByRole('main');
    await panel.getByRole('button', { name: 'Edit “Online store”' }).click();
    await panel.getByRole('button', { name: '4. Lanes' }).click();
    await panel.getByRole('checkbox', { name: 'Impact × effort matrix under the map' }).check();
    await panel.getByRole('button', { name: '7. Insert' }).click();
    await panel.getByRole('button', { name: 'Insert the map' }).click();
    await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/Map ready: \d+ items created\./);
    const boxOf = async (name: RegExp) => {
      const box = await page.getByRole('img', { name }).boundingBox();
      if (!box) throw new Error(`${name} shows nowhere`);
      return box;
    };
    // An opportunity shows twice: its card in the lanes, its sticky in the matrix below.
    const matrixSticky = async (text: string) => {
      const boxes = await Promise.all((await findSticky(page, text).all()).map((sticky) => sticky.boundingBox()));
      expect(boxes).toHaveLength(2);
      return boxes.filter((box) => box !== null).sort((a, b) => b.y - a.y)[0]!;
    };
    await page.getByRole('img', { name: /: Money pits$/ }).scrollIntoViewIfNeeded();
    await saveScreenshotAsync(page, `playground-${rules}-matrix`);
    // One-page checkout onto the money pits (impact 2, effort 4); address autocomplete into the tray.
    const pits = await boxOf(/: Money pits$/);
    const checkout = await matrixSticky('One-page checkout with guest mode');
    await dragByAsync(page, checkout, pits.x + checkout.width / 2 - (checkout.x + checkout.width / 2), pits.y + pits.height + checkout.height / 2 - (checkout.y + checkout.height / 2));
    const tray = await boxOf(/: Not rated yet$/);
    const autocomplete = await matrixSticky('Address autocomplete');
    await dragByAsync(page, autocomplete, tray.x + autocomplete.width / 2 - (autocomplete.x + autocomplete.width / 2), tray.y + 3.5 * autocomplete.height - (autocomplete.y + autocomplete.height / 2));
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/regenerated: 2 board edits kept/);
    // Laid out again where their new ratings put them: in the cell under the quadrant's name, in the tray under its label.
    const moved = await matrixSticky('One-page checkout with guest mode');
    const pitsNow = await boxOf(/: Money pits$/);
    expect(Math.abs(moved.x - pitsNow.x)).toBeLessThan(moved.width / 2);
    expect(moved.y).toBeGreaterThan(pitsNow.y);
    expect(moved.y - pitsNow.y).toBeLessThan(moved.height);
    const cleared = await matrixSticky('Address autocomplete');
    const trayNow = await boxOf(/: Not rated yet$/);
    expect(Math.abs(cleared.x - trayNow.x)).toBeLessThan(cleared.width / 2);
    expect(cleared.y).toBeGreaterThan(trayNow.y);
    expect(findOverlappingStickies(await describeBoardAsync(page))).toEqual([]);
    await saveScreenshotAsync(page, `playground-${rules}-matrix-rerated`);
    // The editor's own journey does not know of the drags; updating the map from it keeps them.
    await panel.getByRole('button', { name: 'Update the map' }).click();
    await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/is up to date: nothing to redraw/);
    const kept = await matrixSticky('One-page checkout with guest mode');
    expect([kept.x, kept.y]).toEqual([moved.x, moved.y]);
    expect((await matrixSticky('Address autocomplete')).x).toBe(cleared.x);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('switches the panel to Russian', async () => {
    const { page, external, errors } = await openPlaygroundAsync(rules);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect.poll(() => page.getByRole('button', { name: 'Вставить шаблон CJM' }).count()).toBe(1);
    await saveScreenshotAsync(page, `playground-${rules}-russian`);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('builds a two-persona, six-stage journey in the wizard, inserts it, then updates it from the editor', async () => {
    const { page, external, errors } = await openPlaygroundAsync(rules);
    const panel = page.getByRole('main');
    const next = () => panel.getByRole('button', { name: 'Next', exact: true }).click();
    await panel.getByRole('button', { name: 'Edit “Blank journey”' }).click();
    await panel.getByLabel('Map title').fill('Pharmacy pick-up');
    await next();
    await panel.getByLabel('Name', { exact: true }).fill('Irina');
    await panel.getByRole('button', { name: 'Next question' }).click();
    await panel.getByLabel('Role or occupation').fill('Nurse on shifts');
    await panel.getByRole('button', { name: 'Add persona' }).click();
    await panel.getByLabel('Name', { exact: true }).fill('Pavel');
    await next();
    await panel.getByLabel('Stage 3 name').fill('Order online');
    await next();
    await next();
    await panel.getByRole('button', { name: /Add a card to Touchpoints/ }).click();
    await page.keyboard.type('Pharmacy app');
    await next();
    await panel.getByRole('radiogroup', { name: /As-is/ }).first().getByRole('radio').first().check();
    await next();
    await panel.getByRole('button', { name: 'Insert the map' }).click();
    await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/Map ready: \d+ items created\./);

    const items = await describeBoardAsync(page);
    expect(items.filter((item) => item.kind === 'frame')).toHaveLength(1);
    expect(items.filter((item) => item.kind === 'sticky').map((item) => item.text)).toEqual(['Pharmacy app']);
    // Two personas at six stages: twelve points, each line's legend entry, the renamed stage.
    expect(items.filter((item) => item.kind === 'ellipse')).toHaveLength(12);
    for (const text of ['Pharmacy pick-up', 'Irina', 'Pavel', 'Nurse on shifts', 'Order online']) expect(items.some((item) => item.text.includes(text)), text).toBe(true);
    expect(findOverlappingStickies(items)).toEqual([]);
    await saveScreenshotAsync(page, `playground-${rules}-wizard`);

    // Someone edits the card on the board meanwhile.
    await findSticky(page, 'Pharmacy app').dblclick();
    const editor = page.getByRole('textbox', { name: /^Text of sticky/ });
    await editor.fill('Pharmacy app, pick-up slot');
    await editor.press('Enter');

    // Back in the editor, the map is the editor's own: a new card updates it
    // in place, twice, and the board's edit survives both updates.
    const stickyTexts = async () => (await describeBoardAsync(page)).filter((item) => item.kind === 'sticky').map((item) => item.text).sort();
    const expected = ['Pharmacy app, pick-up slot'];
    for (const card of ['Queue at the counter', 'No parking nearby']) {
      expected.push(card);
      await panel.getByRole('button', { name: '5. Cards' }).click();
      await panel.getByRole('button', { name: /Add a card to Pains/ }).click();
      await page.keyboard.type(card);
      await panel.getByRole('button', { name: '7. Insert' }).click();
      await panel.getByRole('button', { name: 'Update the map' }).click();
      await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/regenerated/);
      await expect.poll(stickyTexts).toEqual([...expected].sort());
    }
    const updated = await describeBoardAsync(page);
    expect(updated.filter((item) => item.kind === 'frame')).toHaveLength(1);
    expect(await findSeriousAxeViolationsAsync(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('imports examples/online-store-long.csv through the panel and draws it on the board', async () => {
    const { page, external, errors } = await openPlaygroundAsync(rules);
    await page.getByRole('button', { name: 'Import, check and export…' }).click();
    const csv = readFileSync(join(ROOT, 'examples/online-store-long.csv'));
    await page.getByLabel('Journey file').setInputFiles({ name: 'online-store-long.csv', mimeType: 'text/csv', buffer: csv });
    const preview = page.getByText(/^online-store-long\.csv: “.+”, 6 stages \(4 steps\), 8 lanes, \d+ cards/);
    await expect.poll(() => preview.count()).toBe(1);
    const cards = Number(/(\d+) cards/.exec((await preview.textContent()) ?? '')?.[1]);
    await page.getByRole('button', { name: 'Insert this map' }).click();
    await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/Map ready: \d+ items created\./);
    const items = await describeBoardAsync(page);
    expect(items.filter((item) => item.kind === 'frame')).toHaveLength(1);
    expect(items.filter((item) => item.kind === 'sticky')).toHaveLength(cards);
    expect(items.some((item) => item.text === 'Notices the old kettle is broken')).toBe(true);
    expect(findOverlappingStickies(items)).toEqual([]);
    await saveScreenshotAsync(page, `playground-${rules}-import`);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});

describe('the playground board, by keyboard and across rules', () => {
  it('ships a script that runs no code built from strings', () => {
    const code = readFileSync(join(DIST, 'playground/playground.js'), 'utf8');
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/\bnew\s+Function\s*\(/);
    expect(code).not.toMatch(/set(?:Timeout|Interval)\s*\(\s*["'`]/);
  });

  it('selects, edits and deletes with the keyboard alone', async () => {
    const { page, external, errors } = await openPlaygroundAsync('miro');
    await insertTemplateAsync(page);
    const board = page.getByRole('application', { name: 'Miro board' });
    await board.focus();
    await page.keyboard.press('n');
    await expect.poll(() => page.getByText(/^Selected: /).textContent()).toMatch(/^Selected: (Shape|Text|Sticky note|Circle): /);
    // Next until a sticky is selected, then Enter edits it.
    for (let step = 0; step < 40 && !/^Selected: Sticky note/.test((await page.getByText(/^Selected: /).textContent()) ?? ''); step += 1) await page.keyboard.press('n');
    const selected = ((await page.getByText(/^Selected: /).textContent()) ?? '').replace(/^Selected: Sticky note: /, '');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    await expect.poll(() => findSticky(page, 'Typed without a mouse').count()).toBe(1);
    const count = (await describeBoardAsync(page)).length;
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await describeBoardAsync(page)).length).toBe(count - 1);
    expect((await describeBoardAsync(page)).some((item) => item.text === 'Typed without a mouse' || item.text === selected)).toBe(false);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('asks before switching rules on a board with items, and then starts an empty board', async () => {
    const { page, external, errors } = await openPlaygroundAsync('miro');
    await insertTemplateAsync(page);
    await page.getByRole('radio', { name: 'FigJam rules' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start an empty FigJam board?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.getByRole('radio', { name: 'Miro rules' }).isChecked()).toBe(true);
    expect((await describeBoardAsync(page)).length).toBeGreaterThan(100);

    await page.getByRole('radio', { name: 'FigJam rules' }).click();
    await dialog.getByRole('button', { name: 'Switch to FigJam rules' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __playground: { rules: string } }).__playground.rules)).toBe('figjam');
    expect(await describeBoardAsync(page)).toEqual([]);
    expect(await page.getByRole('radio', { name: 'FigJam rules' }).isChecked()).toBe(true);
    // A fresh panel for the new board.
    expect(await readPanelStatusAsync(page)).toBe('');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});

describe('the playground in the panel’s language', () => {
  it('speaks the language the panel was switched to, and keeps it across a switch of rules', async () => {
    const { page, external, errors } = await openPlaygroundAsync('miro');
    const languageOf = () => page.getByRole('main').getByRole('combobox').first().inputValue();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    // The board's own controls, status line and header follow the panel.
    await expect.poll(() => page.getByRole('button', { name: 'Новый стикер' }).count()).toBe(1);
    for (const name of ['Править текст', 'Удалить', 'Группировать', 'Разгруппировать', 'Жирный', 'Ссылка…', 'Показать всё', 'Увеличить', 'Уменьшить']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await page.getByRole('radio', { name: 'Правила FigJam' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Песочница cjm-board' }).count()).toBe(1);
    expect(await page.getByText('На доске 0 элементов').count()).toBe(1);
    expect(await page.locator('.playground').getAttribute('lang')).toBe('ru');

    await page.getByRole('button', { name: 'Вставить шаблон CJM' }).click();
    await expect.poll(() => page.getByRole('img', { name: /^Стикер: / }).count(), { timeout: 30_000 }).toBeGreaterThan(80);
    await page.getByRole('img', { name: /^Стикер: / }).first().click();
    await expect.poll(() => page.getByText(/^Выделено: Стикер: /).count()).toBe(1);
    await page.getByRole('button', { name: 'Показать всё' }).click();
    await saveScreenshotAsync(page, 'playground-miro-russian-board');

    // Switching rules asks in Russian, and the new panel is Russian too.
    await page.getByRole('radio', { name: 'Правила FigJam' }).click();
    const dialog = page.getByRole('dialog', { name: 'Начать пустую доску FigJam?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByText(/на этой доске Miro будут удалены/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Перейти на правила FigJam' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __playground: { rules: string } }).__playground.rules)).toBe('figjam');
    await expect.poll(languageOf).toBe('ru');
    expect(await page.getByRole('button', { name: 'Вставить шаблон CJM' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Новый стикер' }).count()).toBe(1);
    expect(await page.getByText('FigJam plugin window', { exact: true }).count()).toBe(0);
    await saveScreenshotAsync(page, 'playground-figjam-russian-switched');

    // Ukrainian, and back to Miro's rules on the empty board: still Ukrainian.
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('uk');
    await expect.poll(() => page.getByRole('button', { name: 'Новий стікер' }).count()).toBe(1);
    await page.getByRole('radio', { name: 'Правила Miro' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __playground: { rules: string } }).__playground.rules)).toBe('miro');
    await expect.poll(languageOf).toBe('uk');
    expect(await page.getByRole('button', { name: 'Вставити шаблон CJM' }).count()).toBe(1);
    expect(await page.getByText('На дошці 0 елементів').count()).toBe(1);
    expect(await findSeriousAxeViolationsAsync(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});

/** The map each item belongs to: the frame or section it lies in (lines: the one their box lies in), or undefined. */
function findMapOf(item: BoardItem, frames: readonly BoardItem[]): string | undefined {
  if (item.kind === 'frame') return item.id;
  if (item.parentId) return item.parentId;
  const centre = { x: item.x + item.width / 2, y: item.y + item.height / 2 };
  return frames.find((frame) => centre.x >= frame.x && centre.x <= frame.x + frame.width && centre.y >= frame.y && centre.y <= frame.y + frame.height)?.id;
}

describe.each(RULES)('two maps on one board under %s rules, in Chromium', (rules) => {
  it('draws each map back to front with its own emotion lines: frame, lane bands and cards, lines, points', async () => {
    const { page, external, errors } = await openPlaygroundAsync(rules);
    await insertTemplateAsync(page);
    // Look beside the first map, as a person would before inserting the next: both hosts place a new map where the person looks.
    const board = page.getByRole('application', { name: /board$/ });
    await board.focus();
    await page.keyboard.press('Escape');
    for (let step = 0; step < 12; step += 1) await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Insert CJM template' }).click();
    await expect.poll(async () => (await describeBoardAsync(page)).filter((item) => item.kind === 'frame').length, { timeout: 30_000 }).toBe(2);
    await expect.poll(() => readPanelStatusAsync(page), { timeout: 30_000 }).toMatch(/Map ready: \d+ items created\./);
    const items = await describeBoardAsync(page);
    const frames = items.filter((item) => item.kind === 'frame');
    expect(intersects(frames[0]!, frames[1]!, 0.5), 'the maps lie side by side').toBe(false);
    const order = items.map((item) => ({ item, map: findMapOf(item, frames) }));
    for (const frame of frames) {
      const own = order.flatMap(({ item, map }, index) => (map === frame.id ? [{ item, index }] : []));
      const lines = own.filter(({ item }) => item.kind === 'line');
      const bands = own.filter(({ item }) => item.kind === 'shape');
      const points = own.filter(({ item }) => item.kind === 'ellipse');
      expect(lines.length, `lines of ${frame.text}`).toBeGreaterThan(0);
      expect(bands.length, `lane bands of ${frame.text}`).toBeGreaterThan(0);
      // The frame first, then everything of the map in one run: no other map's item in between.
      expect(own[0]?.item.id).toBe(frame.id);
      expect(own.at(-1)!.index - own[0]!.index + 1, `items of ${frame.text} drawn together`).toBe(own.length);
      // Emotion lines under their points; links between cards (connectors too) in front of everything of the map.
      const firstPoint = Math.min(...points.map(({ index }) => index));
      const stickies = own.filter(({ item }) => item.kind === 'sticky');
      const emotionLines = lines.filter(({ index }) => index < firstPoint);
      const links = lines.filter(({ index }) => index > firstPoint);
      expect(emotionLines.length, `emotion lines of ${frame.text}`).toBeGreaterThan(0);
      expect(Math.min(...emotionLines.map(({ index }) => index))).toBeGreaterThan(Math.max(...bands.map(({ index }) => index)));
      expect(links.length, `links of ${frame.text}`).toBeGreaterThan(0);
      expect(Math.min(...links.map(({ index }) => index))).toBeGreaterThan(Math.max(...stickies.map(({ index }) => index), ...points.map(({ index }) => index)));
    }
    // The drawing follows the same order, back to front.
    const drawnOrder = await page.evaluate(() =>
      [...document.querySelectorAll('.board__svg [data-item-id], .board__svg [data-line-id]')].map((element) => element.getAttribute('data-item-id') ?? element.getAttribute('data-line-id')),
    );
    expect(drawnOrder).toEqual(items.map((item) => item.id));
    await page.getByRole('button', { name: 'Fit' }).click();
    await saveScreenshotAsync(page, `playground-${rules}-two-maps`);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
