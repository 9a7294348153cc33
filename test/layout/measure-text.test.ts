import { describe, expect, it } from 'vitest';
import { createTextMeasurer, measureLineWidth, splitGraphemes, wrapParagraph, type Hyphenator } from '../../src/layout/measure-text';

// One unit per grapheme: widths are easy to reason about.
const countWidth = (text: string): number => splitGraphemes(text).length;
const SYLLABLES: Hyphenator = (word) => (word === 'Регистрируется' ? ['Ре', 'ги', 'стри', 'ру', 'ет', 'ся'] : [word]);

describe('wrapParagraph', () => {
  it('breaks a word wider than a line between graphemes, as FigJam does, never inside an emoji', () => {
    expect(wrapParagraph('abcdef', 4, countWidth)).toEqual(['abcd', 'ef']);
    expect(wrapParagraph('ab👩‍👩‍👧cd', 3, countWidth)).toEqual(['ab👩‍👩‍👧', 'cd']);
  });

  it('keeping words whole, breaks after a hyphen in the word and at hyphenation points with a hyphen drawn', () => {
    expect(wrapParagraph('Пуш-уведомление', 10, countWidth, { keepWordsWhole: true })).toEqual(['Пуш-', 'уведомление']);
    expect(wrapParagraph('Он Регистрируется', 9, countWidth, { keepWordsWhole: true, hyphenate: SYLLABLES })).toEqual(['Он Реги-', 'стрирует-', 'ся']);
  });

  it('keeping words whole, moves a word that fits a line of its own there whole, and lets an unbreakable one overflow', () => {
    expect(wrapParagraph('ab Регистрируется', 14, countWidth, { keepWordsWhole: true, hyphenate: SYLLABLES })).toEqual(['ab', 'Регистрируется']);
    expect(wrapParagraph('a Supercalifragilistic b', 8, countWidth, { keepWordsWhole: true })).toEqual(['a', 'Supercalifragilistic', 'b']);
  });
});

describe('createTextMeasurer', () => {
  it('measures like measureTextApproximately by default, and keeps words whole when asked', () => {
    const word = 'Приветственное';
    const narrow = measureLineWidth(word, 24) - 10;
    expect(createTextMeasurer()(word, 24, narrow).lines).toHaveLength(2);
    expect(createTextMeasurer({ keepWordsWhole: true })(word, 24, narrow).lines).toEqual([word]);
  });
});
