// The map as a PDF, read back with a real PDF reader (pdf.js): A3 landscape
// pages, the stage headers on every page, every card's words there as text
// a reader can search and copy, in Cyrillic too.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type { Journey } from '../../src/model/journey';
import { formatJourneyFile } from '../../src/model/journey-file';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { createTemplates as createRussianTemplates } from '../../src/model/templates/templates-ru';

/** Exports `journey` with `cjm export --format pdf`, as a person would; the file's bytes. */
function exportPdf(journey: Journey): Uint8Array {
  const written = new Map<string, string | Uint8Array>();
  const errors: string[] = [];
  const code = runCli(['export', 'map.json', '--format', 'pdf', '-o', 'map.pdf'], {
    readFile: () => formatJourneyFile(journey),
    writeFile: (path, data) => written.set(path, data),
    stdout: () => undefined,
    stderr: (text) => errors.push(String(text)),
  });
  expect(errors).toEqual([]);
  expect(code).toBe(0);
  const pdf = written.get('map.pdf');
  if (!(pdf instanceof Uint8Array)) throw new Error('no PDF was written');
  return pdf;
}

/** Each page's size (points) and text, as pdf.js reads them. */
async function readPdfAsync(bytes: Uint8Array): Promise<{ pages: { width: number; height: number; text: string }[]; title: unknown; language: unknown }> {
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join('\n');
    pages.push({ width, height, text });
  }
  const { info } = (await document.getMetadata()) as { info: { Title?: unknown; Language?: unknown } };
  const language = await document.getMarkInfo().then(() => info.Language);
  await document.destroy();
  return { pages, title: info.Title, language };
}

/** `journey` with its lanes and cards repeated until the map is far taller than a page. */
function createTallJourney(): Journey {
  const journey = createOnlineStoreJourney();
  const lanes = journey.lanes.flatMap((lane) => (lane.kind === 'emotions' ? [lane] : [lane, { ...lane, id: `${lane.id}-again` as const, title: `${lane.title} (again)` }]));
  const cards = journey.cards.flatMap((card) => {
    const lane = journey.lanes.find((candidate) => candidate.id === card.lane);
    return lane?.kind === 'emotions' ? [card] : [card, { ...card, id: `${card.id}-again` as const, lane: `${card.lane}-again` as const }];
  });
  return { ...journey, lanes, cards };
}

describe('cjm export --format pdf', () => {
  it('prints the standard map on A3 landscape pages a PDF reader opens, its words as text', async () => {
    const journey = createOnlineStoreJourney();
    const bytes = exportPdf(journey);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('%PDF-1.7');
    const { pages, title } = await readPdfAsync(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([1191, 842]);
    expect(title).toBe(journey.title);
    const all = pages.map((page) => page.text).join('\n').replace(/\s+/g, ' ');
    for (const stage of journey.stages) expect(all).toContain(stage.name);
    // A card's words are there to search (each line of the sticky as it is wrapped).
    expect(all).toContain('Notices');
    expect(pages.at(-1)?.text).toContain(`${journey.title} · ${pages.length} / ${pages.length}`);
  });

  it('cuts a tall map between lanes and repeats the stage headers on every page', async () => {
    const journey = createTallJourney();
    const { pages } = await readPdfAsync(exportPdf(journey));
    expect(pages.length).toBeGreaterThan(1);
    for (const [index, page] of pages.entries()) {
      const text = page.text.replace(/\s+/g, ' ');
      for (const stage of journey.stages) expect(text, `page ${index + 1}`).toContain(stage.name);
      expect(text).toContain(`${index + 1} / ${pages.length}`);
    }
    // Every lane is on a page, whole: its label is drawn once in all.
    const all = pages.map((page) => page.text).join('\n').replace(/\s+/g, ' ');
    for (const lane of journey.lanes.filter((candidate) => candidate.title.endsWith('(again)'))) expect(all.split(lane.title).length - 1, lane.title).toBe(1);
  });

  it('prints a Russian map in Cyrillic a reader can copy, in the document’s language', async () => {
    const journey = createRussianTemplates()[0]!.journey;
    const { pages, title } = await readPdfAsync(exportPdf(journey));
    expect(title).toBe(journey.title);
    const all = pages.map((page) => page.text).join('\n').replace(/\s+/g, ' ');
    for (const stage of journey.stages) expect(all).toContain(stage.name);
    expect(all).toMatch(/[а-яё]{4,}/i);
  });
});
