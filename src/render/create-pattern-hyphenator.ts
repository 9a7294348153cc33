import english from 'hyphen/en';
import russian from 'hyphen/ru';
import ukrainian from 'hyphen/uk';
import type { Hyphenator } from '../layout/measure-text';

// Liang's TeX patterns (hyphen-en-us, ruhyphen, ukrhyph) through the hyphen
// package. Large (about 55 KB gzipped together): imported only where a
// picture is drawn outside the FigJam main thread (CLI, playground).
const LANGUAGES = { en: english, ru: russian, uk: ukrainian } as const;

/** A language the pattern hyphenator knows. */
export type HyphenationLanguage = keyof typeof LANGUAGES;

// Russian and Ukrainian typesetting leave at least two letters on each side of a break.
const MIN_LETTERS_AT_EDGE = 2;
const BREAK = '\u00ad';
const UKRAINIAN_LETTERS = /[\u0404\u0406\u0407\u0490\u0454\u0456\u0457\u0491]/;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
// The letters of a word, without the quotes and punctuation around them.
const WORD_CORE = /^(\P{L}*)(\p{L}[\p{L}\p{M}'\u2019]*\p{L})(\P{L}*)$/u;

/** The patterns to hyphenate `word` with: by its script, and for Cyrillic by the journey's language. */
function pickLanguage(word: string, cyrillic: 'ru' | 'uk'): HyphenationLanguage | undefined {
  if (CYRILLIC.test(word)) return UKRAINIAN_LETTERS.test(word) ? 'uk' : cyrillic;
  return LATIN.test(word) ? 'en' : undefined;
}

/** The pieces of `word` between hyphenation points that leave enough letters on both sides. */
function hyphenateWord(word: string, cyrillic: 'ru' | 'uk'): readonly string[] {
  const match = WORD_CORE.exec(word);
  const language = match && pickLanguage(word, cyrillic);
  if (!match || !language) return [word];
  const [, before = '', core = '', after = ''] = match;
  const syllables = LANGUAGES[language].hyphenateSync(core, { hyphenChar: BREAK, minWordLength: 2 * MIN_LETTERS_AT_EDGE }).split(BREAK);
  const pieces: string[] = [];
  for (const syllable of syllables) {
    const last = pieces.length - 1;
    if (last >= 0 && (countLetters(pieces.join('')) < MIN_LETTERS_AT_EDGE || countLetters(syllable) < MIN_LETTERS_AT_EDGE)) pieces[last] += syllable;
    else pieces.push(syllable);
  }
  if (pieces.join('') !== core) return [word];
  pieces[0] = before + pieces[0];
  pieces[pieces.length - 1] += after;
  return pieces;
}

const countLetters = (text: string): number => text.match(/\p{L}/gu)?.length ?? 0;

/**
 * A hyphenator with the patterns of English, Russian and Ukrainian: a
 * Latin word is hyphenated as English, a Cyrillic one as the journey's
 * `locale` (Ukrainian for `uk`, or when the word has a letter only
 * Ukrainian uses; Russian otherwise). Words in other scripts, numbers and
 * words with no pattern match are returned whole.
 */
export function createPatternHyphenator(locale?: string): Hyphenator {
  const cyrillic = locale?.toLowerCase().startsWith('uk') ? 'uk' : 'ru';
  const cache = new Map<string, readonly string[]>();
  return (word) => {
    let pieces = cache.get(word);
    if (!pieces) {
      pieces = hyphenateWord(word, cyrillic);
      cache.set(word, pieces);
    }
    return pieces;
  };
}
