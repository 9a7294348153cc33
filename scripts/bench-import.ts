// Import times of files as large as people bring: 1 MB and 5 MB (the import
// limit) of CSV (UTF-8 and Windows-1251), cjm-journey JSON and Mermaid, and
// two files made to be slow for a quadratic parser (a 1 MB CSV label, a 4 MB
// card id). Run by scripts/bench.mjs, which adds what it returns to
// bench/results.json; times are medians of three runs.
import { performance } from 'node:perf_hooks';
import { importJourney, importJourneyBytes, MAX_IMPORT_BYTES } from '../src/model/formats/import-journey';
import { exportJourneyCsvLong } from '../src/model/formats/journey-csv';
import { listPlaces, type Card, type Journey } from '../src/model/journey';
import { formatJourneyFile } from '../src/model/journey-file';
import { createOnlineStoreJourney } from '../src/model/templates/online-store-template';

const MEGABYTE = 1_000_000;
const RUNS = 3;

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Words of both scripts the panel speaks, so the UTF-8 file has two-byte letters and the Windows-1251 one has letters at all. */
const WORDS = ['Ищет', 'чайник', 'на', 'маркетплейсе', 'Compares', 'prices', 'and', 'reviews', 'сравнивает', 'отзывы', 'delivery', 'доставка'];

/** A card text of about `length` characters, different for each card. */
const cardText = (index: number, length: number): string => {
  const words: string[] = [`Card ${index}`];
  for (let at = 0; words.join(' ').length < length; at += 1) words.push(WORDS[(index + at) % WORDS.length] ?? '');
  return words.join(' ');
};

/** The template's persona, stages (and steps) and lanes with 5,000 cards (a map's most) of about `length` characters. */
function createJourneyOfCards(length: number): Journey {
  const template = createOnlineStoreJourney();
  const lanes = template.lanes.filter((lane) => lane.kind !== 'emotions');
  const places = listPlaces(template);
  return {
    ...template,
    cards: Array.from({ length: 5_000 }, (_, index): Card => ({
      id: `card:c${index}`,
      ...places[index % places.length]!,
      lane: lanes[Math.floor(index / places.length) % lanes.length]!.id,
      text: cardText(index, length),
    })),
  };
}

/**
 * A Mermaid user journey of the template's stages as sections, one actor,
 * 5,000 tasks of about `length` characters. Each task is a step, and a map
 * holds 80: the import reads the whole file and refuses it (a file as big
 * as a map holds cannot be this big), so this times the reading.
 */
function createMermaid(length: number): string {
  const stages = createOnlineStoreJourney().stages;
  const lines = ['journey', '  title A day of a long journey'];
  for (let index = 0; index < 5_000; index += 1) {
    if (index % 500 === 0) lines.push(`  section ${stages[(index / 500) % stages.length]!.name.replace(/&/g, 'and')} ${index / 500 + 1}`);
    lines.push(`    ${cardText(index, length)}: ${(index % 5) + 1}: Anna`);
  }
  return `${lines.join('\n')}\n`;
}

/** The file `make` writes with texts as long as bring it just under `bytes` (found in a few proportional steps). */
function fitToBytes(bytes: number, make: (length: number) => Uint8Array): Uint8Array {
  let length = 500;
  let file = make(length);
  for (let step = 0; step < 6 && (file.length > bytes || file.length < bytes * 0.97); step += 1) {
    length = Math.max(20, Math.min(4_900, Math.floor(length * (bytes / file.length) * 0.99)));
    file = make(length);
  }
  return file;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Windows-1251 bytes of text in Latin and Russian letters (what Excel on Russian Windows saves). */
function encodeWindows1251(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    // Letters outside А…я, Ё and ё (none in the bench's words) become "?".
    bytes[at] = code < 0x80 ? code : code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code === 0x401 ? 0xa8 : code === 0x451 ? 0xb8 : 0x3f;
  }
  return bytes;
}

function time(run: () => { ok: boolean }): { ms: number; ok: boolean } {
  const times: number[] = [];
  let ok = false;
  for (let index = 0; index < RUNS; index += 1) {
    const start = performance.now();
    ok = run().ok;
    times.push(performance.now() - start);
  }
  return { ms: Number(median(times).toFixed(1)), ok };
}

export interface ImportBench {
  [file: string]: { bytes: number; ms: number; ok: boolean; errorChars?: number };
}

/** Times the import of each file; `ok` says whether the file was accepted (the slow-made ones are refused, quickly). */
export function measureImports(): ImportBench {
  const results: ImportBench = {};
  for (const [name, size] of [
    ['1mb', MEGABYTE],
    ['5mb', MAX_IMPORT_BYTES - 20_000],
  ] as const) {
    const csv = fitToBytes(size, (length) => utf8(exportJourneyCsvLong(createJourneyOfCards(length))));
    results[`csv${name}`] = { bytes: csv.length, ...time(() => importJourneyBytes(csv, { fileName: 'journey.csv' })) };
    const cp1251 = fitToBytes(size, (length) => encodeWindows1251(exportJourneyCsvLong(createJourneyOfCards(length), { bom: false })));
    results[`cp1251csv${name}`] = { bytes: cp1251.length, ...time(() => importJourneyBytes(cp1251, { fileName: 'journey.csv' })) };
    const json = fitToBytes(size, (length) => utf8(formatJourneyFile(createJourneyOfCards(length))));
    results[`json${name}`] = { bytes: json.length, ...time(() => importJourneyBytes(json, { fileName: 'journey.json' })) };
    // As text, the way the Mermaid importer is called (the bytes' decoding is timed above).
    const mermaid = new TextDecoder().decode(fitToBytes(size, (length) => utf8(createMermaid(length))));
    results[`mermaid${name}`] = { bytes: utf8(mermaid).length, ...time(() => importJourney(mermaid, { format: 'mermaid' })) };
  }
  const label = `Lane,Search\n${'('.repeat(MEGABYTE)},x\n`;
  results.csvLabel1mb = { bytes: label.length, ...time(() => importJourney(label, { format: 'csv' })) };
  const id = JSON.stringify({ format: 'cjm-journey', version: 2, journey: { ...createOnlineStoreJourney(), cards: [{ id: `card:${'x'.repeat(4 * MEGABYTE)}`, stage: 'stage:search', lane: 'lane:actions', text: 'x' }] } });
  const refused = importJourney(id, { format: 'json' });
  results.jsonId4mb = { bytes: id.length, ...time(() => importJourney(id, { format: 'json' })), errorChars: refused.ok ? 0 : refused.errors.reduce((sum, error) => sum + error.path.length + error.message.length, 0) };
  return results;
}
