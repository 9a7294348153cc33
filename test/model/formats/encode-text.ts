// Encoders for tests: the bytes that Excel and editors write, made from
// text, so every encoded fixture is readable in the test that uses it. The
// code-page tables are written out here, not taken from the decoder under
// test.

/** Windows-1251 letters and signs outside ASCII and А…я (0xC0–0xFF). */
const WINDOWS_1251: Readonly<Record<string, number>> = {
  Ё: 0xa8, ё: 0xb8, Є: 0xaa, є: 0xba, І: 0xb2, і: 0xb3, Ї: 0xaf, ї: 0xbf, Ґ: 0xa5, ґ: 0xb4,
  '«': 0xab, '»': 0xbb, '—': 0x97, '–': 0x96, '№': 0xb9, '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '…': 0x85, '€': 0x88, '\u00A0': 0xa0,
};

/** Windows-1252 signs at 0x80–0x9F (0xA0–0xFF are Latin-1's, the same code points). */
const WINDOWS_1252: Readonly<Record<string, number>> = {
  '€': 0x80, '‚': 0x82, ƒ: 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, ˆ: 0x88, '‰': 0x89, Š: 0x8a, '‹': 0x8b, Œ: 0x8c, Ž: 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, š: 0x9a, '›': 0x9b, œ: 0x9c, ž: 0x9e, Ÿ: 0x9f,
};

function encodeSingleByte(text: string, byteOf: (char: string, code: number) => number | undefined): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const byte = code < 0x80 ? code : byteOf(char, code);
    if (byte === undefined) throw new Error(`"${char}" (U+${code.toString(16)}) has no byte in this code page`);
    bytes.push(byte);
  }
  return Uint8Array.from(bytes);
}

/** Text as Windows-1251 bytes (Excel's "CSV" on Russian and Ukrainian Windows); throws for a character it lacks. */
export const encodeWindows1251 = (text: string): Uint8Array =>
  encodeSingleByte(text, (char, code) => (code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : WINDOWS_1251[char]));

/** Text as Windows-1252 bytes (Excel's "CSV" on Western Windows); throws for a character it lacks. */
export const encodeWindows1252 = (text: string): Uint8Array => encodeSingleByte(text, (char, code) => (code >= 0xa0 && code <= 0xff ? code : WINDOWS_1252[char]));

/** Text as UTF-16 bytes, little- or big-endian, with a byte order mark unless `bom` is false (Excel's "Unicode Text" is UTF-16LE with one). */
export function encodeUtf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const units = `${bom ? '\uFEFF' : ''}${text}`;
  const bytes = new Uint8Array(units.length * 2);
  for (let at = 0; at < units.length; at += 1) {
    const unit = units.charCodeAt(at);
    bytes[at * 2 + (endian === 'le' ? 0 : 1)] = unit & 0xff;
    bytes[at * 2 + (endian === 'le' ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}

/** Text as UTF-8 bytes, with Excel's "CSV UTF-8" byte order mark when `bom` is true. */
export const encodeUtf8 = (text: string, bom = false): Uint8Array => new TextEncoder().encode(`${bom ? '\uFEFF' : ''}${text}`);
