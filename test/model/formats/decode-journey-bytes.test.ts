import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJourneyBytes, type FileEncoding } from '../../../src/model/formats/decode-journey-bytes';
import { PROPERTY_SEED } from '../../layout/journey-arbitrary';
import { encodeUtf16, encodeUtf8, encodeWindows1251, encodeWindows1252 } from './encode-text';

const decode = (bytes: Uint8Array) => {
  const result = decodeJourneyBytes(bytes);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { ...result.value, warnings: result.warnings ?? [] };
};

const refusal = (bytes: Uint8Array) => {
  const result = decodeJourneyBytes(bytes);
  if (result.ok) throw new Error(`read as ${result.value.encoding}: ${JSON.stringify(result.value.text.slice(0, 80))}`);
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
};

const RUSSIAN = 'Дорожка;Поиск;Заказ\nЦели и действия;Ищет чайник «Бош» — недорого;Оформляет заказ №1\nЭмоции;1;-2\n';
const UKRAINIAN = 'Доріжка;Пошук;Замовлення\nДії;Шукає чайник, їсть ґрунтовно;Оформлює своє замовлення\n';
const GERMAN = 'Lane;Suche;Bestellung\nAktionen;Größe prüfen, Füße hoch;Café „Müller“ – bestellen\n';
const FRENCH = 'Lane,Recherche,Commande\nActions,"Compare les prix, déçu",Paye à la livraison — reçu\n';

describe('decodeJourneyBytes: marked encodings', () => {
  it('reads UTF-8 without and with a byte order mark, and says which', () => {
    expect(decode(encodeUtf8(RUSSIAN))).toEqual({ text: RUSSIAN, encoding: 'utf-8', warnings: [] });
    expect(decode(encodeUtf8(RUSSIAN, true))).toEqual({ text: RUSSIAN, encoding: 'utf-8-bom', warnings: [] });
  });

  it('reads UTF-16LE and UTF-16BE by their byte order marks, surrogate pairs included', () => {
    const text = `${RUSSIAN}Emoji 👨‍👩‍👧‍👦\n`;
    expect(decode(encodeUtf16(text, 'le'))).toEqual({ text, encoding: 'utf-16le', warnings: [] });
    expect(decode(encodeUtf16(text, 'be'))).toEqual({ text, encoding: 'utf-16be', warnings: [] });
  });

  it('reads UTF-16 without a byte order mark from where its zero bytes fall, with a warning', () => {
    for (const [endian, encoding] of [
      ['le', 'utf-16le'],
      ['be', 'utf-16be'],
    ] as const) {
      const read = decode(encodeUtf16(GERMAN, endian, false));
      expect(read.text).toBe(GERMAN);
      expect(read.encoding).toBe(encoding);
      expect(read.warnings).toEqual([expect.objectContaining({ path: '(file)', code: 'encoding-guessed', params: { encoding } })]);
    }
    // Cyrillic in UTF-16: the letters' bytes are never zero, the delimiters' and line breaks' high bytes are.
    expect(decode(encodeUtf16(RUSSIAN, 'le', false)).text).toBe(RUSSIAN);
  });

  it('refuses UTF-16 that breaks its own rules: an odd length, a lone surrogate', () => {
    const odd = encodeUtf16('Lane,A\n', 'le').subarray(0, 9);
    expect(refusal(odd)).toMatchObject({ code: 'file-encoding-invalid', message: expect.stringMatching(/says it is UTF-16LE, but it has an odd number of bytes.*CSV UTF-8/) });
    expect(refusal(encodeUtf16('a\uD800b', 'be'))).toMatchObject({ code: 'file-encoding-invalid', params: { encoding: 'utf-16be' } });
  });

  it('refuses UTF-8 with a byte order mark and a byte that is not UTF-8, naming the byte', () => {
    const bytes = Uint8Array.from([...encodeUtf8('Lane,Поиск\n', true), 0xcf, 0xee, 0xe8, 0xf1, 0xea]);
    // The mark (3 bytes), 5 ASCII bytes, 5 Cyrillic letters of 2 bytes and a line break: byte 19 is the first of the Windows-1251 word.
    expect(refusal(bytes)).toMatchObject({ code: 'file-encoding-invalid', params: { encoding: 'utf-8', offset: 19 }, message: expect.stringMatching(/byte 19 \(0xCF\) is not UTF-8.*File → Save As → CSV UTF-8/) });
  });

  it('refuses UTF-32, a workbook and a picture, saying how to save the file as UTF-8', () => {
    expect(refusal(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toMatchObject({ code: 'file-encoding-unsupported', params: { encoding: 'UTF-32LE' } });
    expect(refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]))).toMatchObject({ code: 'file-is-workbook', message: expect.stringMatching(/workbook.*CSV UTF-8/) });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0]);
    expect(refusal(png)).toMatchObject({ code: 'file-not-text', params: { offset: 8 }, message: expect.stringMatching(/not text: byte 8 is zero.*CSV UTF-8/) });
  });
});

describe('decodeJourneyBytes: Windows code pages', () => {
  it('reads Windows-1251 (Russian, Ukrainian) and says the encoding was guessed', () => {
    for (const text of [RUSSIAN, UKRAINIAN]) {
      const read = decode(encodeWindows1251(text));
      expect(read.text).toBe(text);
      expect(read.encoding).toBe('windows-1251');
      expect(read.warnings).toEqual([expect.objectContaining({ code: 'encoding-guessed', params: { encoding: 'windows-1251' }, message: expect.stringMatching(/read as Windows-1251 \(Cyrillic\).*CSV UTF-8/) })]);
    }
  });

  it('reads Windows-1251 that starts with "яю" or "юя", whose bytes are those of a UTF-16 byte order mark', () => {
    for (const text of ['яю;юла\r\nёж;ель\r\n', 'юя;юла\r\nёж;ель\r\n', 'юяа;б\n']) {
      expect(decode(encodeWindows1251(text))).toMatchObject({ text, encoding: 'windows-1251' });
    }
  });

  it('reads Windows-1252 (German, French, curly quotes and the euro sign)', () => {
    for (const text of [GERMAN, FRENCH, 'Lane,Pay\nPains,“Costs 5 €” isn’t clear…\n']) {
      const read = decode(encodeWindows1252(text));
      expect(read.text).toBe(text);
      expect(read.encoding).toBe('windows-1252');
    }
  });

  it('decodes every byte of Windows-1251 as the platform’s decoder does', () => {
    const all = Uint8Array.from({ length: 128 }, (_, index) => 0x80 + index);
    // Letters around each byte make it read as Cyrillic text, not a guess of Latin.
    const bytes = Uint8Array.from([...all].flatMap((byte) => [0xe0, byte, 0xe0, 0x20]));
    expect(decode(bytes).text).toBe(new TextDecoder('windows-1251').decode(bytes));
  });

  it('refuses bytes that are neither UTF-8 nor text in a code page', () => {
    const random = Uint8Array.from({ length: 400 }, (_, index) => ((index * 7919 + 13) % 255) + 1);
    expect(refusal(random)).toMatchObject({ code: 'file-encoding-unknown', message: expect.stringMatching(/not UTF-8.*does not read as Windows-1251 or Windows-1252.*CSV UTF-8/) });
  });

  it('refuses UTF-8 with a few broken bytes rather than reading all of it wrongly as a code page', () => {
    const bytes = encodeUtf8(RUSSIAN.repeat(3));
    // "Дорожка" is 14 bytes; the semicolon after it becomes a byte UTF-8 never has.
    bytes[14] = 0xff;
    expect(refusal(bytes)).toMatchObject({ code: 'file-encoding-invalid', params: { encoding: 'utf-8', offset: 14 }, message: expect.stringMatching(/UTF-8 except one byte, the first byte 14 \(0xFF\)/) });
  });
});

// ------------------------------------------------------------ properties

const cyrillicWord = fc.string({ unit: fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯіїєґІЇЄҐ'), minLength: 2, maxLength: 12 });
const latinWord = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 10 });
/** A Western word: Latin letters with at most one accented letter inside ("café", "naïve"). */
const westernWord = fc
  .tuple(latinWord, fc.constantFrom(...'àáâäçèéêëìíîïñòóôöùúûüÿßÀÉÖÜ'), fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 6 }))
  .map(([head, accent, tail]) => `${head}${accent}${tail}`);
const sign = fc.constantFrom(' ', ' ', ' ', ', ', '; ', ' — ', ' – ', ' 12 ', ' «', '» ', '… ');
const westernSign = fc.constantFrom(' ', ' ', ' ', ', ', '; ', ' – ', ' 12 ', ' “', '” ', '’', ' € ');

/** A sheet of cells of words, rows of cells joined by a delimiter, as a spreadsheet writes it. */
const sheet = (word: fc.Arbitrary<string>, between: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.constantFrom(',', ';', '\t'),
      fc.array(fc.array(fc.array(fc.tuple(word, between).map(([text, gap]) => `${text}${gap}`), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('').trim()), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
    )
    .map(([delimiter, rows]) => `${rows.map((cells) => cells.map((cell) => (cell.includes(delimiter) ? `"${cell}"` : cell)).join(delimiter)).join('\r\n')}\r\n`);

describe('decodeJourneyBytes on generated sheets written in each encoding', () => {
  const cases: [string, fc.Arbitrary<string>, (text: string) => Uint8Array, FileEncoding][] = [
    ['UTF-8', sheet(fc.oneof(cyrillicWord, westernWord, latinWord), sign), (text) => encodeUtf8(text), 'utf-8'],
    ['UTF-8 with BOM', sheet(fc.oneof(cyrillicWord, westernWord, latinWord), sign), (text) => encodeUtf8(text, true), 'utf-8-bom'],
    ['UTF-16LE with BOM', sheet(fc.oneof(cyrillicWord, westernWord), sign), (text) => encodeUtf16(text, 'le'), 'utf-16le'],
    ['UTF-16BE with BOM', sheet(fc.oneof(cyrillicWord, westernWord), sign), (text) => encodeUtf16(text, 'be'), 'utf-16be'],
    ['Windows-1251', sheet(fc.oneof({ weight: 4, arbitrary: cyrillicWord }, { weight: 1, arbitrary: latinWord }), sign), encodeWindows1251, 'windows-1251'],
    ['Windows-1252', sheet(fc.oneof(westernWord, latinWord), westernSign), encodeWindows1252, 'windows-1252'],
  ];

  it.each(cases)('%s: the same text back, and the encoding named', (_, texts, encode, encoding) => {
    fc.assert(
      fc.property(texts, (text) => {
        const bytes = encode(text);
        const read = decode(bytes);
        expect(read.text).toBe(text);
        // A sheet of ASCII alone is UTF-8 whatever it was saved as; one
        // without Cyrillic letters reads the same in either code page.
        if (bytes.every((byte) => byte < 0x80)) expect(read.encoding).toBe('utf-8');
        else if (encoding !== 'windows-1251' || /[А-яЁёІіЇїЄєҐґ]/.test(text)) expect(read.encoding).toBe(encoding);
      }),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  });

  it('never throws on arbitrary bytes: text, or one error with a code', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = decodeJourneyBytes(bytes);
        if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ path: '(file)', code: expect.stringMatching(/^file-/) })]);
      }),
      { seed: PROPERTY_SEED, numRuns: 500 },
    );
  });
});
