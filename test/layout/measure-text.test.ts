import { describe, expect, it } from 'vitest';
import { createTextMeasurer, measureLineWidth, measureTextApproximately, splitGraphemes, wrapParagraph, type Hyphenator } from '../../src/layout/measure-text';

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

describe('text measured and wrapped by grapheme', () => {
  const family = '👨‍👩‍👧‍👦';
  it('measures an emoji sequence as the one picture it is drawn as', () => {
    expect(measureLineWidth(family, 20)).toBe(measureLineWidth('👨', 20));
    expect(measureLineWidth('🇺🇦', 20)).toBe(measureLineWidth('👨', 20));
    expect(measureLineWidth('👍🏽', 20)).toBe(measureLineWidth('👍', 20));
    expect(measureLineWidth('й', 20)).toBe(measureLineWidth('и\u0306', 20));
    expect(measureLineWidth('\u202Egnp.exe', 20)).toBe(measureLineWidth('gnp.exe', 20));
  });

  it('never breaks a line inside an emoji sequence', () => {
    const text = `${family.repeat(12)} ${'🇺🇦🇷🇺'.repeat(6)}`;
    const { lines } = measureTextApproximately(text, 20, 80);
    expect(lines.length).toBeGreaterThan(2);
    const sequences = new Set([family, '🇺🇦', '🇷🇺']);
    for (const line of lines) {
      const rest = [...sequences].reduce((left, sequence) => left.split(sequence).join(''), line.trim());
      expect(rest, line).toBe('');
    }
  });
});
