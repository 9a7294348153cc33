import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importJourney, importJourneyBytes, previewImport } from '../../../src/model/formats/import-journey';
import { exportJourneyCsvLong, exportJourneyCsvWide, importJourneyCsv, neutraliseCsvCell, restoreCsvCell, type CsvDelimiter } from '../../../src/model/formats/journey-csv';
import type { Journey } from '../../../src/model/journey';
import { parseJourney } from '../../../src/model/journey-schema';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { PROPERTY_SEED } from '../../layout/journey-arbitrary';
import { encodeUtf16, encodeUtf8, encodeWindows1251 } from './encode-text';

const accepted = (result: ReturnType<typeof importJourneyBytes>): Journey => {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

/**
 * A wide sheet as Excel saves "CSV (разделители — запятые)" on Russian
 * Windows: Windows-1251, semicolons (the list separator where the decimal
 * mark is a comma), CRLF; two personas scored at five stages.
 */
const RUSSIAN_SHEET = [
  'Дорожка;Осознание;Поиск;Выбор;Покупка;Отзыв',
  'Цели и действия;Понимает, что чайник сломался;Ищет «электрочайник» в поиске;Сравнивает цены;Оформляет заказ;Пишет отзыв',
  'Точки контакта;Кухня;Яндекс;Маркетплейс;Корзина;Почта',
  'Боли и барьеры;;Слишком много рекламы;"Непонятно; какой лучше";Длинная форма — 14 полей;',
  'Эмоции (Анна);0;-1;1;-2;2',
  'Эмоции (Борис);1;0;-1;-2;1',
  '',
].join('\r\n');

describe('files as spreadsheets write them (issue 15)', () => {
  it('reads a Windows-1251 CSV from Excel on Russian Windows: the right words, 5 stages, 10 scores', () => {
    const result = importJourneyBytes(encodeWindows1251(RUSSIAN_SHEET), { fileName: 'путь.csv' });
    const journey = accepted(result);
    expect(result.encoding).toBe('windows-1251');
    expect(result.delimiter).toBe(';');
    expect(journey.locale).toBe('ru');
    expect(journey.stages.map((stage) => stage.name)).toEqual(['Осознание', 'Поиск', 'Выбор', 'Покупка', 'Отзыв']);
    expect(journey.lanes.map((lane) => lane.kind)).toEqual(['actions', 'touchpoints', 'pains', 'emotions']);
    expect(journey.personas.map((persona) => persona.name)).toEqual(['Анна', 'Борис']);
    expect(journey.emotions).toHaveLength(10);
    expect(journey.cards.map((card) => card.text)).toContain('Ищет «электрочайник» в поиске');
    expect(journey.cards.map((card) => card.text)).toContain('Непонятно; какой лучше');
    expect(journey.cards.map((card) => card.text)).toContain('Длинная форма — 14 полей');
    // The encoding was inferred, not marked: the person is told, with how to save as UTF-8.
    expect(result.ok && result.warnings).toEqual([expect.objectContaining({ code: 'encoding-guessed', params: { encoding: 'windows-1251' } })]);
    const preview = previewImport(journey, result.format, result);
    expect(preview).toMatchObject({ format: 'csv', stages: 5, scores: 10, encoding: 'windows-1251', delimiter: ';', warnings: [expect.objectContaining({ code: 'encoding-guessed' })] });
  });

  it('reads Excel’s "Unicode Text": UTF-16LE with a byte order mark, tab-separated, a quoted cell of two lines', () => {
    const text = 'Lane\tSearch\tOrder\r\nActions\t"Searches the web\r\nReads reviews"\tFills in the form\r\nPains\t\tForm too long\r\nEmotion\t1\t-2\r\n';
    const result = importJourneyBytes(encodeUtf16(text, 'le'), { fileName: 'journey.txt' });
    const journey = accepted(result);
    expect(result.encoding).toBe('utf-16le');
    expect(result.delimiter).toBe('\t');
    expect(journey.lanes.map((lane) => lane.title)).toEqual(['Actions', 'Pains', 'Emotion']);
    expect(journey.cards.map((card) => card.text)).toEqual(['Searches the web', 'Reads reviews', 'Fills in the form', 'Form too long']);
    expect(journey.emotions.map((emotion) => emotion.score)).toEqual([1, -2]);
    expect(result.ok && result.warnings).toBeUndefined();
  });

  it('honours a first line "sep=;" as the delimiter and reads the rows after it, counting its line', () => {
    const result = importJourneyBytes(encodeUtf8('sep=;\r\nLane;Search;Order\r\nActions;Reads, compares;Pays\r\nEmotion;1;9\r\n'), { fileName: 'excel.csv' });
    expect(result.delimiter).toBe(';');
    expect(!result.ok && result.errors).toMatchObject([{ path: 'line 4, column "Order"', code: 'csv-score', params: { line: 4, column: 'Order', value: '9' }, message: expect.stringMatching(/received "9"/) }]);
    const good = importJourneyCsv('sep=,\nLane,Search;Compare,Order\nActions,a;b,c\n');
    expect(good.delimiter).toBe(',');
    expect(good.ok && good.value.stages.map((stage) => stage.name)).toEqual(['Search;Compare', 'Order']);
    expect(importJourneyCsv('SEP=\t\nLane\tA\nActions\tx\n').delimiter).toBe('\t');
    expect(importJourneyCsv('sep=|\nLane|A\nActions|x\n').ok).toBe(true);
  });

  it('counts lines of a file whose line breaks are lone CRs (old Mac), in errors', () => {
    const result = importJourneyCsv('Lane,A\rActions,x\rEmotion,7\r');
    expect(!result.ok && result.errors[0]?.path).toBe('line 3, column "A"');
  });

  it('refuses a file larger than the limit by its bytes, with a code the panel words', () => {
    const result = importJourneyBytes(new Uint8Array(5_000_001), { fileName: 'big.csv' });
    expect(!result.ok && result.errors).toEqual([expect.objectContaining({ code: 'file-too-large', params: { megabytes: 5, max: 5 } })]);
  });

  it('tells a Mermaid journey with front matter from a CSV by its content', () => {
    const text = '---\ntitle: A day\n---\njourney\n  section Work\n    Tea: 5: Me\n';
    expect(importJourney(text).format).toBe('mermaid');
    expect(importJourney('%%{init: {}}%%\njourney\n section A\n  T: 3: Me\n').format).toBe('mermaid');
  });
});

// ------------------------------------------------------------- formulas

/** Cells of a CSV text as a spreadsheet reads them (no trimming, no unmarking). */
const readCells = (text: string, delimiter: CsvDelimiter = ','): string[] => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter }).data.flat();

const FORMULAS = ['=HYPERLINK("http://x","click")', "=cmd|' /C calc'!A0", '+1+2', '-2+3', '@SUM(A1:A9)', "'=already marked", '-', '+ plus', '=1'];

/** The template with a formula in card texts, a stage name, a lane title and a persona name. */
function createFormulaJourney(): Journey {
  const journey = createOnlineStoreJourney();
  FORMULAS.forEach((text, index) => {
    journey.cards[index]!.text = text;
  });
  journey.stages[1]!.name = '=SUM(1,2)';
  journey.lanes[2]!.title = '@lane';
  journey.personas[0]!.name = '-Anna';
  return journey;
}

describe('CSV exports safe to open in a spreadsheet', () => {
  it.each([
    ['wide', exportJourneyCsvWide],
    ['long', exportJourneyCsvLong],
  ] as const)('%s: no cell starts a formula; scores stay plain numbers; import gives the texts back exactly', (shape, exportCsv) => {
    const journey = createFormulaJourney();
    const text = exportCsv(journey);
    const cells = readCells(text);
    for (const cell of cells) {
      if (/^[=+\-@\t\r]/.test(cell)) expect(cell, `cell ${JSON.stringify(cell)}`).toMatch(/^-?\d+$/);
    }
    // The wide shape holds a cell's cards one per line: only the cell's start can make a formula.
    expect(cells.some((cell) => cell.startsWith("'=HYPERLINK(\"http://x\",\"click\")"))).toBe(true);
    if (shape === 'long') expect(cells).toContain("''=already marked");
    expect(cells).toContain('-2');
    const back = importJourneyCsv(text);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const texts = back.value.cards.map((card) => card.text);
    for (const formula of FORMULAS) expect(texts).toContain(formula);
    expect(back.value.stages[1]?.name).toBe('=SUM(1,2)');
    expect(back.value.lanes.map((lane) => lane.title)).toContain('@lane');
    if (shape === 'long') expect(back.value.personas[0]?.name).toBe('-Anna');
    expect(back.value.emotions.map((emotion) => emotion.score)).toEqual(journey.emotions.map((emotion) => emotion.score));
  });

  it('marks exactly the cells OWASP names, and unmarks only what it marked', () => {
    expect(['=1', '+x', '-x', '@x', '\tx', '\rx'].map(neutraliseCsvCell)).toEqual(["'=1", "'+x", "'-x", "'@x", "'\tx", "'\rx"]);
    expect(['-2', '+1', '0', '3.5', '-0,5', 'plain', " '=x", 'a=b'].map(neutraliseCsvCell)).toEqual(['-2', '+1', '0', '3.5', '-0,5', 'plain', " '=x", 'a=b']);
    expect(["'=1", "'plain", "'-2", "''=1"].map(restoreCsvCell)).toEqual(['=1', "'plain", "'-2", "'=1"]);
  });

  it('restores whatever it neutralised, for any text (fast-check)', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.tuple(fc.constantFrom("'", "''", '=', '+', '-', '@', '\t', '\r', "'-", '-1', "'+2"), fc.string()).map(([head, tail]) => head + tail));
    fc.assert(
      fc.property(text, (value) => {
        expect(restoreCsvCell(neutraliseCsvCell(value))).toBe(value);
        expect(neutraliseCsvCell(value)).not.toMatch(/^(?!'*[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$)[=+\-@\t\r]/);
      }),
      { seed: PROPERTY_SEED, numRuns: 1000 },
    );
  });

  it('round-trips arbitrary card texts and persona names through the long CSV with either delimiter (fast-check)', () => {
    // Texts as the schema keeps them: trimmed, not empty, no control characters.
    const kept = (value: string) => value === value.trim() && value !== '' && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value);
    const text = fc
      .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.tuple(fc.constantFrom('=', '+', '-', '@', "'", "'=", '"', ';', ','), fc.string({ maxLength: 30 })).map(([head, tail]) => `${head}${tail}`))
      .filter(kept);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), text, fc.constantFrom<CsvDelimiter>(',', ';'), (texts, persona, delimiter) => {
        const journey = createOnlineStoreJourney();
        journey.personas[0]!.name = persona.slice(0, 200);
        journey.cards = texts.map((value, index) => ({ id: `card:t${index}`, stage: journey.stages[index % journey.stages.length]!.id, lane: journey.lanes[0]!.id, text: value }));
        const checked = parseJourney(journey);
        if (!checked.ok) return;
        const csv = exportJourneyCsvLong(checked.value, { delimiter });
        const back = importJourneyCsv(csv);
        if (!back.ok) throw new Error(JSON.stringify(back.errors.slice(0, 3)));
        expect(back.delimiter).toBe(delimiter);
        expect(back.value.cards.map((card) => card.text)).toEqual(checked.value.cards.map((card) => card.text));
        expect(back.value.personas[0]?.name).toBe(checked.value.personas[0]?.name);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('writes UTF-8 with a byte order mark (Excel reads Cyrillic right), with the delimiter asked for', () => {
    const journey = createOnlineStoreJourney();
    expect(exportJourneyCsvWide(journey).startsWith('\uFEFFLane,Realise the need,')).toBe(true);
    // The template has steps and plans, so the long shape writes its Step, plan, Touchpoint and Channel columns.
    expect(exportJourneyCsvLong(journey, { delimiter: ';' }).startsWith('\uFEFFStage;Step;Lane;Text;Persona;Emotion;Evidence;Addresses;Impact;Effort;Owner;Status;KPI;Touchpoint;Channel\n')).toBe(true);
    expect(exportJourneyCsvWide(journey, { delimiter: ';', bom: false }).startsWith('Lane;Realise the need;')).toBe(true);
    // A cell holding the delimiter is quoted, and reads back whole.
    journey.cards[0]!.text = 'one; two, three';
    const back = importJourneyCsv(exportJourneyCsvWide(journey, { delimiter: ';' }));
    expect(back.delimiter).toBe(';');
    expect(back.ok && back.value.cards.some((card) => card.text === 'one; two, three')).toBe(true);
  });

  it('exports Cyrillic that reads back from its bytes as UTF-8 with the mark', () => {
    const csv = exportJourneyCsvWide(accepted(importJourneyBytes(encodeWindows1251(RUSSIAN_SHEET))), { delimiter: ';' });
    const result = importJourneyBytes(encodeUtf8(csv));
    expect(result.encoding).toBe('utf-8-bom');
    expect(accepted(result).emotions).toHaveLength(10);
  });
});

// ------------------------------------------------------- linear, bounded

describe('CSV import on long lines and many delimiters', () => {
  it('reads emotion rows named "Emotion — Anna", "Emotion: Anna", "Эмоции - Борис"', () => {
    const result = importJourneyCsv('Lane,A\nActions,x\nEmotion — Anna,1\nEmotion: Olga,2\nЭмоции - Борис,-1\nEmotion (),0\n');
    expect(result.ok && result.value.personas.map((persona) => persona.name)).toEqual(['Anna', 'Olga', 'Борис']);
    // "Emotion ()" names nobody: it is the lane "Emotion" again, and its score yields to Anna's own there.
    expect(result.ok && result.value.lanes.map((lane) => lane.title)).toEqual(['Actions', 'Emotion', 'Эмоции']);
    expect(result.ok && result.value.emotions).toHaveLength(3);
  });

  it('refuses a label of 200,000 brackets with a short message (a regular expression once backtracked over it)', () => {
    const result = importJourneyCsv(`Lane,Search\n${'('.repeat(200_000)}),x\nEmotion (${'-'.repeat(100_000)}),1\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/200001 characters; a map holds at most 200/);
    for (const error of result.errors) expect(error.path.length + error.message.length).toBeLessThan(600);
  });

  it('reads a header of 20,000 columns and 2,000 short rows (each column once checked against every row)', () => {
    const header = `Lane,${Array.from({ length: 20_000 }, (_, index) => `S${index}`).join(',')}`;
    const result = importJourneyCsv(`${header}\n${Array.from({ length: 2_000 }, (_, index) => `Lane ${index},x`).join('\n')}\n`);
    expect(!result.ok && result.errors).toMatchObject([{ path: 'line 1', message: 'the file has 20000 stages; a map holds at most 40' }]);
  });

  it('scores 300 personas at 40 stages, each checked once (a list search per score was quadratic)', () => {
    const stages = Array.from({ length: 40 }, (_, index) => `S${index}`);
    const rows = Array.from({ length: 300 }, (_, persona) => `Emotion (P${persona}),${stages.map((_, stage) => ((persona + stage) % 5) - 2).join(',')}`);
    const built = importJourneyCsv(`Lane,${stages.join(',')}\nActions,${stages.join(',')}\n${rows.join('\n')}\n`);
    expect(built.ok && built.value.emotions).toHaveLength(12_000);
    // More personas than a map holds: the schema says so.
    const read = importJourney(`Lane,${stages.join(',')}\nActions,${stages.join(',')}\n${rows.join('\n')}\n`, { format: 'csv' });
    expect(!read.ok && read.errors[0]?.message).toMatch(/has 300 personas; a map holds at most 12/);
  });

  it('never throws and keeps every error short on sheets of long runs of delimiters, quotes and brackets (fast-check)', () => {
    const token = fc.constantFrom(',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', '(', ')', ' — ', ':', 'Emotion', 'Lane', 'Stage', 'Text', 'x', '-2', "'=", 'sep=;');
    const run = fc.tuple(token, fc.integer({ min: 1, max: 3_000 })).map(([part, times]) => part.repeat(times));
    fc.assert(
      fc.property(fc.array(fc.oneof(token, run), { minLength: 1, maxLength: 12 }), (parts) => {
        const result = importJourney(parts.join(''), { format: 'csv' });
        if (result.ok) {
          expect(parseJourney(result.value).ok).toBe(true);
          return;
        }
        for (const error of result.errors) {
          expect(error.path.length).toBeLessThanOrEqual(121);
          expect(error.message.length).toBeLessThanOrEqual(400);
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });
});
