import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousAxeViolationsAsync, saveScreenshotAsync } from './chromium';
import { startMiroPanelHarnessAsync, type MiroPanelHarness, type OpenPanel } from './miro-panel-harness';

// The panel's screens, driven in Chromium the way a facilitator uses them on
// the Miro panel (the narrowest host): the gallery, every editor step, and
// building a two-persona journey in the wizard that is then drawn. Each
// screen is checked with axe-core and photographed; `UPDATE_DOCS=1` also
// copies the pictures to docs/screens/ for the README.

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'screens');

let harness: MiroPanelHarness;

beforeAll(async () => {
  harness = await startMiroPanelHarnessAsync();
});

afterAll(async () => {
  await harness?.closeAsync();
});

const openPanelAsync = (locale = 'en-US'): Promise<OpenPanel> => harness.openPanelAsync({ locale, viewport: { width: 340, height: 900 } });

/** Photographs a screen (test-results/, and docs/screens/ with UPDATE_DOCS=1) and checks it with axe-core. */
async function checkScreenAsync(page: Page, name: string): Promise<void> {
  const path = await saveScreenshotAsync(page, `panel-${name}`);
  if (process.env.UPDATE_DOCS) {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, join(DOCS, `${name}.png`));
  }
  expect(await findSeriousAxeViolationsAsync(page), name).toEqual([]);
}

describe('the panel’s screens in Chromium', () => {
  it('shows the gallery with previews, then every editor step, each free of serious accessibility problems', async () => {
    const { page, errors, external } = await openPanelAsync();
    await expect.poll(() => page.getByRole('img', { name: /^Preview of the map/ }).count(), { timeout: 20_000 }).toBe(7);
    await checkScreenAsync(page, 'gallery');

    await page.getByRole('button', { name: /^Edit “Loyalty/ }).click();
    const steps = ['scope', 'personas', 'stages', 'lanes', 'cards', 'emotions', 'insert'];
    for (const [index, step] of steps.entries()) {
      await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toMatch(new RegExp(`^Step ${index + 1} of 7`));
      await checkScreenAsync(page, `editor-${index + 1}-${step}`);
      if (index < steps.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await expect.poll(() => page.getByRole('img', { name: /Loyalty/ }).count(), { timeout: 10_000 }).toBe(1);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('edits the steps of a stage: the stages, cards and emotions of the online store, whose Order & pay has four steps', async () => {
    const { page, errors, external } = await openPanelAsync();
    await expect.poll(() => page.getByRole('img', { name: /^Preview of the map/ }).count(), { timeout: 20_000 }).toBe(7);
    await page.getByRole('button', { name: /^Edit “Online store/ }).click();
    const next = () => page.getByRole('button', { name: 'Next', exact: true }).click();
    await next();
    await next();
    await expect.poll(() => page.getByRole('list', { name: 'Steps of “Order & pay”' }).getByRole('listitem').count()).toBe(4);
    await page.getByLabel('Step 2 name in “Order & pay”').scrollIntoViewIfNeeded();
    await checkScreenAsync(page, 'editor-steps-stages');
    await next();
    await next();
    await page.getByLabel('Stage or step', { exact: true }).selectOption({ label: 'Fill in the order form' });
    await expect.poll(() => page.getByRole('textbox', { name: 'Card 1 in Pains & barriers, Order & pay › Fill in the order form' }).inputValue()).toBe('Order form has 14 fields');
    await checkScreenAsync(page, 'editor-steps-cards');
    await next();
    await page.getByRole('group', { name: 'Fill in the order form' }).scrollIntoViewIfNeeded();
    await checkScreenAsync(page, 'editor-steps-emotions');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('in Russian and Ukrainian too, the gallery and the editor have no serious accessibility problems', async () => {
    for (const locale of ['ru-RU', 'uk-UA']) {
      const { page, errors } = await openPanelAsync(locale);
      await expect.poll(() => page.getByRole('img').count(), { timeout: 20_000 }).toBe(7);
      expect(await findSeriousAxeViolationsAsync(page)).toEqual([]);
      await page.getByRole('button', { name: locale === 'ru-RU' ? /^Редактировать «/ : /^Редагувати «/ }).nth(1).click();
      for (let step = 0; step < 6; step += 1) {
        expect(await findSeriousAxeViolationsAsync(page), `${locale} step ${step + 1}`).toEqual([]);
        await page.getByRole('button', { name: locale === 'ru-RU' ? 'Далее' : 'Далі', exact: true }).click();
      }
      if (locale === 'ru-RU') await checkScreenAsync(page, 'editor-insert-ru');
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('builds a two-persona, six-stage journey in the wizard and draws it, with an emotion line per persona', async () => {
    const { page, errors } = await openPanelAsync();
    await page.getByRole('button', { name: 'Edit “Blank journey”' }).click();
    await page.getByLabel('Map title').fill('Pharmacy pick-up');
    await page.getByLabel('Product or service').fill('Pharmacy chain');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    await page.getByLabel('Name', { exact: true }).fill('Irina');
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByLabel('Age', { exact: true }).fill('34');
    await page.getByRole('button', { name: 'Add persona' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Pavel');
    await page.getByRole('group', { name: 'Pick an emoji' }).getByRole('button', { name: '🧔' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // The blank journey brings the six default stages; rename one.
    expect(await page.getByRole('textbox', { name: /^Stage \d name$/ }).count()).toBe(6);
    await page.getByLabel('Stage 3 name').fill('Order online');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    await page.getByRole('button', { name: /Add a card to Touchpoints/ }).click();
    await page.keyboard.type('Pharmacy app');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    await page.getByLabel('Persona', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('radiogroup', { name: /As-is/ }).first().getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await checkScreenAsync(page, 'wizard-journey-ready');

    await page.getByRole('button', { name: 'Insert the map' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 }).toMatch(/Map ready: \d+ items created\./);
    await page.getByRole('button', { name: 'Update the map' }).waitFor();

    const board = await page.evaluate(() => {
      const fake = (window as unknown as { __fakeMiro: { listRecords(): { type: string; content?: string; metadata: Record<string, unknown> }[] } }).__fakeMiro;
      const records = fake.listRecords();
      return {
        stickies: records.filter((record) => record.type === 'sticky_note').map((record) => record.content ?? ''),
        connectors: records.filter((record) => record.type === 'connector').length,
        texts: records.map((record) => record.content ?? '').join('\n'),
      };
    });
    expect(board.stickies.some((text) => text.includes('Pharmacy app'))).toBe(true);
    // Two personas, six stages: two lines of five connectors each.
    expect(board.connectors).toBe(10);
    expect(board.texts).toContain('Irina');
    expect(board.texts).toContain('Pavel');
    expect(board.texts).toContain('Order online');
    expect(errors).toEqual([]);
    await page.close();
  });
});
