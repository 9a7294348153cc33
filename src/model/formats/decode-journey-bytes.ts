import { fail, type ParseResult, type ValidationError } from '../parse-result';

/**
 * The text of a file from its bytes, in the encodings spreadsheets and
 * editors save in:
 *
 * - UTF-8, with or without a byte order mark (Excel's "CSV UTF-8" writes one);
 * - UTF-16LE or UTF-16BE with a byte order mark (Excel's "Unicode Text" is
 *   UTF-16LE, tab-separated), or without one, told by where its zero bytes fall;
 * - Windows-1251 (Excel's plain "CSV" on Russian and Ukrainian Windows) and
 *   Windows-1252 (the same on Western Windows), when the bytes are not UTF-8:
 *   which one is told by the letters, since a single-byte code page carries
 *   no mark of its own.
 *
 * Anything else — a picture, a workbook, UTF-32, a file that is neither —
 * is refused with an error that says how to save it as UTF-8. Pure: it
 * needs only `TextDecoder`, which browsers and Node have.
 */

/** The encodings a journey file is read in. */
export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252';

/** The names of the encodings, as messages (and Excel's menus) spell them. */
export const ENCODING_NAMES: Readonly<Record<FileEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with a byte order mark',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'windows-1252': 'Windows-1252 (Western European)',
};

/** A file's text and the encoding it was read in. */
export interface DecodedText {
  /** The text, without a byte order mark. */
  text: string;
  encoding: FileEncoding;
}

/** The fix every encoding error ends with: the menu item of Excel (and the same words fit LibreOffice's "Text CSV", UTF-8). */
export const SAVE_AS_UTF8 = 'save it as UTF-8 (in Excel: File → Save As → CSV UTF-8)';

// Windows-1251, bytes 0x80–0xBF (0xC0–0xFF are А…я, U+0410–U+044F). 0x98 is
// unassigned; as in the WHATWG Encoding Standard it reads as U+0098, a control.
const WINDOWS_1251_HIGH =
  'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u0098™љ›њќћџ\u00A0ЎўЈ¤Ґ¦§Ё©Є«¬\u00AD®Ї°±Ііґµ¶·ё№є»јЅѕї';
// Windows-1252, bytes 0x80–0x9F (0xA0–0xFF are Latin-1's). Node 20's
// TextDecoder reads this label as Latin-1 (curly quotes become controls),
// so the table is ours; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Every byte of a code page as a UTF-16 code unit. */
function buildCodePage(high: string): Uint16Array {
  const units = new Uint16Array(256);
  for (let byte = 0; byte <= 0xff; byte += 1) {
    const index = byte - 0x80;
    units[byte] = byte < 0x80 ? byte : index < high.length ? high.charCodeAt(index) : high === WINDOWS_1251_HIGH ? 0x0410 + byte - 0xc0 : byte;
  }
  return units;
}

let codePages: Record<'windows-1251' | 'windows-1252', Uint16Array> | undefined;

/** Decodes a single-byte code page by its table; every byte is some character. */
function decodeCodePage(bytes: Uint8Array, encoding: 'windows-1251' | 'windows-1252'): string {
  codePages ??= { 'windows-1251': buildCodePage(WINDOWS_1251_HIGH), 'windows-1252': buildCodePage(WINDOWS_1252_HIGH) };
  const table = codePages[encoding];
  const parts: string[] = [];
  // In chunks: String.fromCharCode takes its code units as arguments, and engines cap how many.
  const chunk = new Uint16Array(8192);
  for (let start = 0; start < bytes.length; start += chunk.length) {
    const length = Math.min(chunk.length, bytes.length - start);
    for (let at = 0; at < length; at += 1) chunk[at] = table[bytes[start + at] ?? 0] ?? 0;
    // `apply` takes the typed array as it is; a spread would iterate it.
    parts.push(String.fromCharCode.apply(null, chunk.subarray(0, length) as unknown as number[]));
  }
  return parts.join('');
}

interface Decoder {
  decode(input: Uint8Array): string;
}
type DecoderConstructor = new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => Decoder;

// The core's compiler settings know no DOM; TextDecoder is a global of every browser and of Node.
const findDecoder = (): DecoderConstructor | undefined => (globalThis as { TextDecoder?: DecoderConstructor }).TextDecoder;

/** `bytes` decoded strictly in UTF-8 or UTF-16, or undefined when they are not that encoding. */
function decodeStrictly(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be'): string | undefined {
  const Constructor = findDecoder();
  if (!Constructor) return undefined;
  try {
    return new Constructor(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const hex = (byte: number): string => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** What a scan of bytes as UTF-8 found: whole multi-byte characters, and bytes that start none. */
interface Utf8Scan {
  multibyte: number;
  invalid: number;
  /** Offset of the first byte that is not UTF-8; -1 when all are. */
  firstInvalid: number;
}

/** Scans bytes as UTF-8 (the well-formed sequences of Unicode's table 3-7), counting good and bad. */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { multibyte: 0, invalid: 0, firstInvalid: -1 };
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    let trail = 0;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) trail = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      trail = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      trail = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    }
    let good = trail > 0;
    for (let index = 1; good && index <= trail; index += 1) {
      const byte = bytes[at + index];
      good = byte !== undefined && byte >= (index === 1 ? low : 0x80) && byte <= (index === 1 ? high : 0xbf);
    }
    if (good) {
      scan.multibyte += 1;
      at += trail + 1;
    } else {
      scan.invalid += 1;
      if (scan.firstInvalid === -1) scan.firstInvalid = at;
      at += 1;
    }
  }
  return scan;
}

/** Letters of Windows-1251 outside А…я: Ё ё, Ukrainian І і Ї ї Є є Ґ ґ. */
const CYRILLIC_1251_EXTRA = new Set([0xa8, 0xb8, 0xb2, 0xb3, 0xaf, 0xbf, 0xaa, 0xba, 0xa5, 0xb4]);
const isAsciiLetter = (byte: number | undefined): boolean => byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
const isCyrillic1251 = (byte: number | undefined): boolean => byte !== undefined && (byte >= 0xc0 || CYRILLIC_1251_EXTRA.has(byte));

/**
 * Windows-1251 or Windows-1252, by the neighbours of bytes 0xC0–0xFF (А…я
 * in the one, À…ÿ in the other). Russian and Ukrainian words are runs of
 * such bytes; a Western accented letter sits among plain Latin ones
 * ("café", "Größe").
 */
function chooseCodePage(bytes: Uint8Array): 'windows-1251' | 'windows-1252' {
  let cyrillic = 0;
  let latin = 0;
  for (let at = 0; at < bytes.length; at += 1) {
    if ((bytes[at] ?? 0) < 0xc0) continue;
    const before = bytes[at - 1];
    const after = bytes[at + 1];
    if (isAsciiLetter(before) || isAsciiLetter(after)) latin += 1;
    else if (isCyrillic1251(before) || isCyrillic1251(after)) cyrillic += 1;
  }
  return cyrillic > latin ? 'windows-1251' : 'windows-1252';
}

/** Bytes that are unassigned in each code page: text never holds them. */
const UNASSIGNED: Readonly<Record<'windows-1251' | 'windows-1252', ReadonlySet<number>>> = {
  'windows-1251': new Set([0x98]),
  'windows-1252': new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]),
};

/**
 * Share of control or unassigned bytes above which a file is not text in
 * a code page: one in 200. Text holds none but the odd form feed or DOS
 * end-of-file mark; random bytes hold one in eight.
 */
const MAX_CONTROL_SHARE = 1 / 200;

/** The first offset of a control or unassigned byte, and how many there are. */
function countControls(bytes: Uint8Array, unassigned: ReadonlySet<number>): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let at = 0; at < bytes.length; at += 1) {
    const byte = bytes[at] ?? 0;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f || unassigned.has(byte)) {
      count += 1;
      if (first === -1) first = at;
    }
  }
  return { count, first };
}

/**
 * UTF-16 without a byte order mark, told by its zero bytes: the text of a
 * journey is mostly characters below U+0100 or in one script block, so one
 * byte of each pair is often zero (the high byte of digits, delimiters and
 * line breaks) and the other almost never. Undefined when the zeros fall
 * otherwise (a picture, a workbook: zeros everywhere).
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let at = 0; at < bytes.length; at += 2) {
    if (bytes[at] === 0) evenZeros += 1;
    if (bytes[at + 1] === 0) oddZeros += 1;
  }
  const pairs = bytes.length / 2;
  // At least one character in twenty is a digit, a space, a delimiter or a line break.
  if (oddZeros >= pairs / 20 && evenZeros * 50 <= oddZeros) return 'utf-16le';
  if (evenZeros >= pairs / 20 && oddZeros * 50 <= evenZeros) return 'utf-16be';
  return undefined;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);

/** The first offset of a zero byte, or -1. */
const findZero = (bytes: Uint8Array): number => bytes.indexOf(0);

function refuse(code: string, message: string, params?: Record<string, string | number>): ParseResult<DecodedText> {
  return fail([{ path: '(file)', code, message, ...(params ? { params } : {}) }]);
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', withMark: boolean): ParseResult<DecodedText> {
  const body = withMark ? bytes.subarray(2) : bytes;
  const text = decodeStrictly(body, encoding);
  if (text === undefined) {
    const why = body.length % 2 === 1 ? 'it has an odd number of bytes' : 'it holds a half of a character pair';
    return refuse('file-encoding-invalid', `the file says it is ${ENCODING_NAMES[encoding]}, but ${why}; it may be cut short or damaged; ${SAVE_AS_UTF8}`, { encoding });
  }
  const warnings: ValidationError[] = withMark
    ? []
    : [
        {
          path: '(file)',
          code: 'encoding-guessed',
          message: `the file has no byte order mark; it was read as ${ENCODING_NAMES[encoding]} from where its zero bytes fall; if the text looks wrong, ${SAVE_AS_UTF8}`,
          params: { encoding },
        },
      ];
  return { ok: true, value: { text, encoding }, ...(warnings.length > 0 ? { warnings } : {}) };
}

/**
 * Reads the text of a journey file from its bytes (see the module's
 * comment for the encodings). Returns the text and its encoding, with an
 * `encoding-guessed` warning when the encoding was inferred rather than
 * marked (a code page, UTF-16 without a byte order mark). On failure
 * returns one error at path `(file)` with a code (and `params.encoding`,
 * a {@link FileEncoding} where there is one, and `params.offset`, the byte): `file-not-text`,
 * `file-is-workbook`, `file-encoding-unsupported` (UTF-32),
 * `file-encoding-invalid` (the bytes break the encoding they claim or
 * mostly are), `file-encoding-unknown`, or `file-decoder-missing` where
 * there is no TextDecoder; each says how to save the file as UTF-8. Never
 * throws.
 */
export function decodeJourneyBytes(bytes: Uint8Array): ParseResult<DecodedText> {
  if (!findDecoder()) return refuse('file-decoder-missing', 'this program cannot decode text here (there is no TextDecoder); import the file in the panel or with the cjm command');
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'UTF-32LE' : 'UTF-32BE';
    return refuse('file-encoding-unsupported', `the file is ${encoding} (its first bytes say so); journey files are read in UTF-8, UTF-16, Windows-1251 or Windows-1252; ${SAVE_AS_UTF8}`, { encoding });
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeStrictly(bytes.subarray(3), 'utf-8');
    if (text !== undefined) return { ok: true, value: { text, encoding: 'utf-8-bom' } };
    const offset = scanUtf8(bytes.subarray(3)).firstInvalid + 3;
    return refuse('file-encoding-invalid', `the file says it is UTF-8 (its first bytes are a byte order mark), but byte ${offset} (${hex(bytes[offset] ?? 0)}) is not UTF-8; it may be damaged or mix two encodings; ${SAVE_AS_UTF8}`, { encoding: 'utf-8', offset });
  }
  // A journey's UTF-16 has zero bytes (the high bytes of its delimiters and
  // line breaks); without any, FF FE or FE FF is "яю" or "юя" in Windows-1251.
  const zero = findZero(bytes);
  const mayBeUtf16 = zero !== -1 || bytes.length <= 2;
  if (mayBeUtf16 && startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'utf-16le', true);
  if (mayBeUtf16 && startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be', true);
  // A ZIP (.xlsx, .ods) or an OLE compound file (.xls): a workbook, not its sheet as text.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return refuse('file-is-workbook', `this is a workbook (.xlsx, .xls or .ods), not a sheet saved as text; open it and ${SAVE_AS_UTF8}, then import that file`);
  }
  if (zero !== -1) {
    const utf16 = guessUtf16(bytes);
    const decoded = utf16 && decodeUtf16(bytes, utf16, false);
    if (decoded?.ok) return decoded;
    return refuse('file-not-text', `the file is not text: byte ${zero} is zero, as in a picture, a workbook or a damaged file; a journey file is a CSV, a Mermaid journey or JSON, as text; ${SAVE_AS_UTF8}`, { offset: zero });
  }
  const text = decodeStrictly(bytes, 'utf-8');
  if (text !== undefined) return { ok: true, value: { text, encoding: 'utf-8' } };
  const scan = scanUtf8(bytes);
  const at = `byte ${scan.firstInvalid} (${hex(bytes[scan.firstInvalid] ?? 0)})`;
  // Mostly good UTF-8 with a few bad bytes is a damaged file, or two files
  // pasted together; read as a code page, all its letters would be wrong.
  if (scan.multibyte >= scan.invalid) {
    return refuse('file-encoding-invalid', `the file is UTF-8 except ${scan.invalid === 1 ? 'one byte' : `${scan.invalid} bytes`}, the first ${at}; it may be damaged or mix two encodings; ${SAVE_AS_UTF8}`, { encoding: 'utf-8', offset: scan.firstInvalid });
  }
  const encoding = chooseCodePage(bytes);
  const controls = countControls(bytes, UNASSIGNED[encoding]);
  if (controls.count > bytes.length * MAX_CONTROL_SHARE) {
    return refuse('file-encoding-unknown', `the file is not UTF-8 (${at} is not) and does not read as Windows-1251 or Windows-1252 text either (byte ${controls.first} is a control character); ${SAVE_AS_UTF8}`, { offset: scan.firstInvalid });
  }
  const why = encoding === 'windows-1251' ? 'the encoding Excel saves "CSV" in on Russian and Ukrainian Windows' : 'the encoding Excel saves "CSV" in on Western Windows';
  return {
    ok: true,
    value: { text: decodeCodePage(bytes, encoding), encoding },
    warnings: [{ path: '(file)', code: 'encoding-guessed', message: `the file is not UTF-8; it was read as ${ENCODING_NAMES[encoding]}, ${why}; if letters look wrong, ${SAVE_AS_UTF8}`, params: { encoding } }],
  };
}
