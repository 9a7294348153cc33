import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousAxeViolationsAsync, saveScreenshotAsync } from './chromium';
import { startMiroPanelHarnessAsync, type MiroPanelHarness } from './miro-panel-harness';

const ROOT = join(__dirname, '..', '..');

let harness: MiroPanelHarness;

beforeAll(async () => {
  harness = await startMiroPanelHarnessAsync();
});

afterAll(async () => {
  await harness?.closeAsync();
});

interface BoardSummary {
  types: Record<string, number>;
  unmarked: number;
  frames: number;
  connectorShapes: string[];
  credits: number;
}

describe('Miro panel in Chromium', () => {
  it('inserts the template onto the board, zooms to it, and sends nothing anywhere', async () => {
    const { page, errors, external } = await harness.openPanelAsync({ viewport: { width: 320, height: 600 } });

    await page.getByRole('button', { name: 'Insert CJM template' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/Map ready: \d+ items created\./);
    await saveScreenshotAsync(page, 'miro-panel-inserted');

    const board = await page.evaluate(() => {
      const fake = (window as unknown as { __fakeMiro: { listRecords(): { type: string; metadata: Record<string, unknown>; shape?: string }[]; creditsSpent?: number; zooms: string[][] } }).__fakeMiro;
      const records = fake.listRecords();
      const types: Record<string, number> = {};
      for (const record of records) types[record.type] = (types[record.type] ?? 0) + 1;
      return {
        types,
        unmarked: records.filter((record) => record.metadata.cjm === undefined).length,
        frames: records.filter((record) => record.type === 'frame').length,
        connectorShapes: records.filter((record) => record.type === 'connector').map((record) => String(record.shape)),
        credits: Number(fake.creditsSpent ?? 0),
        zooms: fake.zooms.length,
      } satisfies BoardSummary & { zooms: number };
    });
    expect(errors).toEqual([]);
    expect(board.frames).toBe(1);
    // The template's 102 cards, the emotion line from point to point (five stages and the four steps of Order & pay: 8 connectors),
    // and a connector for each of the 15 links from an opportunity to a pain it addresses.
    expect(board.types.sticky_note).toBe(102);
    expect(board.connectorShapes).toEqual(Array.from({ length: 8 + 15 }, () => 'curved'));
    expect(board.unmarked).toBe(0);
    expect(board.zooms).toBe(1);
    expect(external).toEqual([]);
    await page.close();
  });

  it('regenerates the map after board edits: the edit is kept, a new sticky adopted, the summary says so', async () => {
    const { page, errors, external } = await harness.openPanelAsync({ viewport: { width: 320, height: 700 } });
    await page.getByRole('button', { name: 'Insert CJM template' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/Map ready/);

    // A person edits one sticky and adds one next to it, in the same cell.
    const added = await page.evaluate(() => {
      interface Rec { id: string; type: string; x: number; y: number; parentId: string | null; content?: string; metadata: Record<string, unknown> }
      const fake = (window as unknown as { __fakeMiro: { listRecords(): Rec[]; editItem(id: string, patch: object): void; seedItem(props: object): Rec } }).__fakeMiro;
      const sticky = fake.listRecords().find((record) => JSON.stringify(record.metadata.cjm ?? '').includes('card:actions-need-1'));
      if (!sticky) throw new Error('no sticky card:actions-need-1');
      fake.editItem(sticky.id, { content: '<p>Kettle leaks on the table</p>' });
      return fake.seedItem({ type: 'sticky_note', parentId: sticky.parentId, x: sticky.x + 8, y: sticky.y + 240, width: 199, height: 228, content: '<p>Asks a neighbour</p>', style: { fillColor: 'yellow' } }).id;
    });

    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/regenerated: 1 board edit kept, 1 new sticky added to the map\.Items created: 0, updated: \d+, removed: 0\./);
    await saveScreenshotAsync(page, 'miro-panel-regenerated');

    const board = await page.evaluate((addedId) => {
      interface Rec { id: string; type: string; content?: string; metadata: Record<string, unknown> }
      const fake = (window as unknown as { __fakeMiro: { listRecords(): Rec[] } }).__fakeMiro;
      const records = fake.listRecords();
      return {
        edited: records.filter((record) => record.content === '<p>Kettle leaks on the table</p>').length,
        added: records.filter((record) => record.content === '<p>Asks a neighbour</p>').length,
        adoptedMarked: records.some((record) => record.id === addedId && record.metadata.cjm !== undefined),
        stickies: records.filter((record) => record.type === 'sticky_note').length,
      };
    }, added);
    expect(board).toEqual({ edited: 1, added: 1, adoptedMarked: true, stickies: 103 });

    // Nothing changed since: Regenerate says the map is up to date.
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/is up to date: nothing to redraw/);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('says it waits for Miro’s rate limit and resumes by itself', async () => {
    const { page } = await harness.openPanelAsync({ viewport: { width: 320, height: 600 } });
    // Miro refuses two calls in a row for lack of credits, mid-way through the map.
    await page.evaluate(() => (window as unknown as { __fakeMiro: { failWithRateLimit(count: number, options: object): void } }).__fakeMiro.failWithRateLimit(2, { afterCalls: 60 }));
    await page.getByRole('button', { name: 'Insert CJM template' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 20_000, interval: 50 }).toMatch(/Waiting for Miro’s rate limit, resuming in \d+ s/);
    await saveScreenshotAsync(page, 'miro-panel-rate-limit');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/Map ready: \d+ items created\./);
    await page.close();
  });

  it('imports a CSV with a preview, draws it, checks the map and downloads its exports; a bad file draws nothing', async () => {
    const { page, errors, external } = await harness.openPanelAsync({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
    await page.getByRole('button', { name: 'Import, check and export…' }).click();

    // A file with mistakes: its errors, with lines, and nothing on the board.
    await page.getByLabel('Journey file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('Lane,Search\n,orphan\nEmotion,7\n') });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/broken\.csv cannot be imported \(2 problems\); nothing was drawn:Line 2: .*Line 3, column “Search”: /);
    const itemsAfterBadFile = await page.evaluate(() => (window as unknown as { __fakeMiro: { listRecords(): unknown[] } }).__fakeMiro.listRecords().length);
    expect(itemsAfterBadFile).toBe(0);

    const csv = readFileSync(join(ROOT, 'examples/online-store-wide.csv'));
    await page.getByLabel('Journey file').setInputFiles({ name: 'online-store-wide.csv', mimeType: 'text/csv', buffer: csv });
    await expect.poll(() => page.getByText(/online-store-wide\.csv: “Online store wide”, 6 stages \(4 steps\), 8 lanes, 102 cards, 1 persona, 9 emotion scores\./).count()).toBe(1);
    await page.getByRole('button', { name: 'Insert this map' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/Map ready: \d+ items created\./);
    const stickies = await page.evaluate(() => (window as unknown as { __fakeMiro: { listRecords(): { type: string }[] } }).__fakeMiro.listRecords().filter((record) => record.type === 'sticky_note').length);
    expect(stickies).toBe(102);

    await page.getByRole('button', { name: 'Check the map' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Check and export the map' }).textContent()).toMatch(/Note.*moment of truth.*Happiness of Anna Petrova: 44 %/);
    await saveScreenshotAsync(page, 'miro-panel-import-check');
    // Show on board: the moment of truth (the order form, the second step of the third stage) selects its emotion point and its step's header, and zooms to them.
    await page.getByRole('listitem').filter({ hasText: 'moment of truth' }).getByRole('button', { name: 'Show on board' }).click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const fake = (window as unknown as { __fakeMiro: { zooms: string[][]; listRecords(): { id: string; metadata: Record<string, unknown> }[]; getSelection(): Promise<{ id: string }[]> } }).__fakeMiro;
          return fake.getSelection().then((selection) => selection.map((item) => JSON.stringify(fake.listRecords().find((record) => record.id === item.id)?.metadata.cjm ?? '')));
        }),
      )
      .toEqual(expect.arrayContaining([expect.stringContaining('"k":"emotion:p1:s3@t2"'), expect.stringContaining('"k":"step:s3@t2"')]));
    // Evidence set in the panel: the map gets its marker, and keeps the rest.
    await page.getByText('Evidence of the cards').click();
    await page.getByRole('group', { name: 'Realise the need' }).getByRole('combobox').first().selectOption('interview');
    await expect.poll(() => page.getByText('1 card changed; board edits made meanwhile are kept.').count()).toBe(1);
    await page.getByRole('button', { name: 'Update the map' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/regenerated: 0 board edits kept, 0 new stickies added to the map\.Items created: 1, updated: \d+, removed: 0\./);
    const markers = await page.evaluate(() => (window as unknown as { __fakeMiro: { listRecords(): { type: string; content?: string }[] } }).__fakeMiro.listRecords().filter((record) => record.type === 'text' && (record.content ?? '').includes('🎤 interview')).length);
    expect(markers).toBe(1);
    await saveScreenshotAsync(page, 'miro-panel-evidence');

    // Every part of the panel open, in each language: no serious accessibility problem.
    await page.getByText('Evidence of the cards').click();
    for (const language of ['en', 'ru', 'uk']) {
      await page.locator('select').first().selectOption(language);
      expect(await findSeriousAxeViolationsAsync(page), language).toEqual([]);
    }
    await page.locator('select').first().selectOption('en');
    await page.getByText('Evidence of the cards').click();

    // Compare with an earlier version of the file: its changes, and both emotion lines on one chart.
    const earlier = csv.toString().replace('Emotions (Anna Petrova),0,1,1,-2,-1,-1,-1,1,2', 'Emotions (Anna Petrova),0,1,1,-1,-1,-1,-1,1,2');
    expect(earlier).not.toBe(csv.toString());
    await page.getByLabel('Compare with an earlier version (file)').setInputFiles({ name: 'earlier.csv', mimeType: 'text/csv', buffer: Buffer.from(earlier) });
    await expect.poll(() => page.getByRole('list', { name: 'Changes since earlier.csv' }).textContent()).toBe('~ emotion of Anna Petrova at Order & pay › Fill in the order form: −1 → −2');
    // A point per stage, and per step of Order & pay: nine on each line.
    const lines = await page.locator('figure.panel__chart path').evaluateAll((paths) => paths.map((path) => (path.getAttribute('d') ?? '').split(/[ML]/).filter(Boolean).length));
    expect(lines).toEqual([9, 9]);
    await saveScreenshotAsync(page, 'miro-panel-compare');
    for (const [label, name] of [
      ['Markdown', 'online-store-wide.md'],
      ['CSV', 'online-store-wide.csv'],
      ['PNG', 'online-store-wide.png'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
      expect(download.suggestedFilename()).toBe(name);
      const body = readFileSync(await download.path());
      if (label === 'PNG') expect(body.subarray(1, 4).toString()).toBe('PNG');
      else if (label === 'Markdown') expect(body.toString()).toMatch(/^# Online store wide\n/);
      // UTF-8 with a byte order mark, so Excel reads Cyrillic; an English panel separates cells with commas.
      else expect(body.toString()).toMatch(/^\uFEFFLane,Realise the need,/);
    }
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('the accessibility check finds a serious problem when there is one', async () => {
    const page = await harness.browser.newPage();
    await page.setContent('<main><button></button><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main>');
    expect((await findSeriousAxeViolationsAsync(page)).map((violation) => violation.id)).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
    await page.close();
  });

  it('opened outside Miro, says where it works instead of staying blank', async () => {
    // No SDK: the request to Miro fails, as it does outside a Miro board.
    const { page, errors } = await harness.openPanelAsync({ withSdk: false });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Open it from the cjm-board app on a Miro board/);
    // And where to try it instead: the playground, served next to the Miro app.
    expect(await page.getByRole('link', { name: 'Open the playground' }).getAttribute('href')).toBe('../playground/');
    expect(errors).toEqual([]);
    await page.close();
  });
});

