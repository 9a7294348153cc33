import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_STRINGS } from '../../ui/editor/editor-strings';
import { STRINGS, type Locale } from '../../ui/strings';
import { createTemplates as createEnglishTemplates } from '../../src/model/templates/templates-en';
import { createTemplates as createRussianTemplates } from '../../src/model/templates/templates-ru';
import { createTemplates as createUkrainianTemplates } from '../../src/model/templates/templates-uk';
import { formatJourneyFile } from '../../src/model/journey-file';
import { startMiroPanelHarnessAsync, type MiroPanelHarness } from './miro-panel-harness';

// Walks every screen of the panel in each language — the gallery, every
// editor step, inserting a map, Regenerate, the map's actions, the files
// section with its check and exports — and reads everything a person sees
// or hears (text, labels, tooltips, placeholders, alt texts). Nothing may be
// in another language: no Latin words in Russian or Ukrainian beyond names
// and formats, no Cyrillic in English, no Ukrainian letters in Russian and
// no Russian ones in Ukrainian.

let harness: MiroPanelHarness;

beforeAll(async () => {
  harness = await startMiroPanelHarnessAsync();
});

afterAll(async () => {
  await harness?.closeAsync();
});

// Names of products, formats and keys, which every language writes so.
const LATIN_NAMES = new Set([
  'CJM', 'Miro', 'FigJam', 'Figma', 'CSV', 'JSON', 'SVG', 'PNG', 'Markdown', 'Mermaid', 'cjm', 'board', 'UTF', 'BOM', 'Excel', 'Google', 'Sheets', 'Numbers',
  'CRM', 'Enter', 'Backspace', 'Alt', 'Tab', 'Esc', 'Escape', 'Shift', 'Ctrl', 'Cmd', 'KPI', 'KPIs', 'NPS', 'CSAT', 'CES', 'URL', 'SaaS', 'SMS', 'Windows', 'Unicode', 'Text',
]);
// Names of the files the walk gives the panel: data, not the panel's words.
const FILE_NAMES = /\b(?:notes\.csv|earlier\.json)\b/g;
// The sheet's own words, which the panel quotes where it points at a cell.
const SHEET = 'Stage;Lane;Text\n;Actions;Hello\n';
const SHEET_WORDS = new Set(['Stage', 'Lane', 'Text', 'Actions', 'Hello']);
// The language menu names each language in itself.
const LANGUAGE_NAMES = new Set(['English', 'Русский', 'Українська']);
const TEMPLATES = { en: createEnglishTemplates, ru: createRussianTemplates, uk: createUkrainianTemplates };
const LOCALES: { locale: Locale; browser: string }[] = [
  { locale: 'en', browser: 'en-US' },
  { locale: 'ru', browser: 'ru-RU' },
  { locale: 'uk', browser: 'uk-UA' },
];

/**
 * Everything of the page a person sees or a screen reader says, but what
 * the page itself marks as another language (`lang`) or not to translate
 * (`notranslate`: a JSON path, a file format's own words).
 */
function readScreenAsync(page: Page, locale: Locale): Promise<string> {
  return page.evaluate((language) => {
    const foreign = (element: Element | null) => Boolean(element?.closest(`[lang]:not([lang^="${language}"]):not(html), .notranslate`));
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || foreign(parent) || !parent.checkVisibility() || parent.closest('script, style')) continue;
      texts.push(node.textContent ?? '');
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
      if (foreign(element)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts.join('\n');
  }, locale);
}

/** Words of `text` that are not of `locale`'s language. */
export function findForeignWords(text: string, locale: Locale): string[] {
  const words = findWordsOfOtherLanguages(text, locale).filter((word) => !LANGUAGE_NAMES.has(word));
  return words;
}

function findWordsOfOtherLanguages(text: string, locale: Locale): string[] {
  if (locale === 'en') return [...text.matchAll(/\p{Script=Cyrillic}+/gu)].map((match) => match[0]);
  const latin = [...text.matchAll(/\p{Script=Latin}{2,}/gu)].map((match) => match[0]).filter((word) => !LATIN_NAMES.has(word));
  const otherLetters = locale === 'ru' ? /[\p{L}]*[іїєґІЇЄҐ][\p{L}]*/gu : /[\p{L}]*[ыэъёЫЭЪЁ][\p{L}]*/gu;
  return [...latin, ...[...text.matchAll(otherLetters)].map((match) => match[0])];
}

describe('every screen speaks the panel’s language', () => {
  it('the check itself finds words of another language', () => {
    expect(findForeignWords('Шаг 1 из 7: Next', 'ru')).toEqual(['Next']);
    expect(findForeignWords('Экспорт в CSV и SVG', 'ru')).toEqual([]);
    expect(findForeignWords('Крок 1 із 7 — Этап', 'uk')).toEqual(['Этап']);
    expect(findForeignWords('Step 1 of 7 — Шаг', 'en')).toEqual(['Шаг']);
  });

  it.each(LOCALES)('$locale: gallery, editor steps, insert, Regenerate, the map’s actions, check and exports', async ({ locale, browser }) => {
    const strings = STRINGS[locale];
    const editor = EDITOR_STRINGS[locale];
    const { page, errors } = await harness.openPanelAsync({ locale: browser, viewport: { width: 340, height: 900 } });
    const seen: { screen: string; words: string[] }[] = [];
    const lookAsync = async (screen: string) => {
      const words = findForeignWords((await readScreenAsync(page, locale)).replace(FILE_NAMES, ' '), locale).filter((word) => !SHEET_WORDS.has(word));
      if (words.length > 0) seen.push({ screen, words: [...new Set(words)] });
    };

    await expect.poll(() => page.getByRole('img').count(), { timeout: 20_000 }).toBe(7);
    await lookAsync('gallery');
    // The loyalty programme: two personas, so every persona control shows.
    const loyalty = TEMPLATES[locale]().find((template) => template.id === 'loyalty');
    if (!loyalty) throw new Error('every language has the loyalty programme');
    await page.getByRole('button', { name: editor.editTemplate(loyalty.name), exact: true }).click();
    for (let step = 1; step <= 7; step += 1) {
      await lookAsync(`editor step ${step}`);
      if (step < 7) await page.getByRole('button', { name: editor.next, exact: true }).click();
    }
    await page.getByRole('button', { name: editor.insertMap }).click();
    await page.getByRole('button', { name: editor.updateMap }).waitFor({ timeout: 30_000 });
    await lookAsync('after insert');
    await page.getByRole('button', { name: strings.regenerate, exact: true }).first().click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 }).not.toBe('');
    await lookAsync('after Regenerate');
    await page.getByRole('button', { name: strings.checkButton }).first().click();
    await page.waitForTimeout(500);
    await lookAsync('check');
    // Check opens the files section on the first screen, under the map's actions.
    await lookAsync('first screen with the map');
    const files = page.getByRole('button', { name: strings.filesToggle });
    if (!(await page.getByLabel(strings.importFile).isVisible())) await files.first().click();
    await lookAsync('files');

    // A file that is not a journey: the errors are worded in the panel's language.
    await page.getByLabel(strings.importFile).setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('\u00ff\u0000\u0001\u0002binary', 'latin1') });
    await page.getByRole('alert').first().waitFor();
    await lookAsync('import refused: not text');
    await page.getByLabel(strings.importFile).setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) });
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/2/);
    await page.screenshot({ path: `test-results/panel-languages-${locale}-import-refused.png` });
    await lookAsync('import refused: a sheet with mistakes');
    // An earlier version of the map: what changed since, in the panel's language.
    const earlier = structuredClone(loyalty.journey);
    earlier.stages = earlier.stages.slice(0, -1);
    earlier.cards = earlier.cards.filter((card) => earlier.stages.some((stage) => stage.id === card.stage)).slice(1);
    earlier.emotions = earlier.emotions.filter((emotion) => earlier.stages.some((stage) => stage.id === emotion.stage)).map((emotion) => ({ ...emotion, score: 0 }));
    await page.getByLabel(strings.compareFile).setInputFiles({ name: 'earlier.json', mimeType: 'application/json', buffer: Buffer.from(formatJourneyFile(earlier)) });
    await page.waitForTimeout(500);
    await lookAsync('compared with an earlier version');

    if (process.env.SHOW_WORDS) console.log(JSON.stringify(seen));
    expect(seen).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
