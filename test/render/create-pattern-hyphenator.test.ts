import { describe, expect, it } from 'vitest';
import { createPatternHyphenator } from '../../src/render/create-pattern-hyphenator';

describe('createPatternHyphenator', () => {
  const russian = createPatternHyphenator('ru');

  it('splits Russian, Ukrainian and English words at their patterns\' points', () => {
    expect(russian('Регистрируется')).toEqual(['Ре', 'ги', 'стри', 'ру', 'ет', 'ся']);
    expect(createPatternHyphenator('uk')('Привітальне')).toEqual(['При', 'ві', 'таль', 'не']);
    expect(russian('notification')).toEqual(['no', 'ti', 'fi', 'ca', 'tion']);
  });

  it('leaves two letters at least on each side and keeps punctuation with its piece', () => {
    expect(russian('«Приветственное»,')).toEqual(['«При', 'вет', 'ствен', 'ное»,']);
    for (const piece of russian('объявление')) expect(piece.length).toBeGreaterThanOrEqual(2);
  });

  it('hyphenates a Cyrillic word with a Ukrainian-only letter as Ukrainian in any journey', () => {
    expect(russian('Привітальне')).toEqual(['При', 'ві', 'таль', 'не']);
  });

  it('returns numbers, emoji, short words and mixed tokens whole', () => {
    for (const word of ['2024', '😫', 'ой', 'Пуш-уведомление', 'a1b2c3d4e5']) expect(russian(word)).toEqual([word]);
  });

  it('joins back to the word', () => {
    for (const word of ['Зареєструвався', 'Supercalifragilisticexpialidocious', 'Приветственное']) expect(createPatternHyphenator('uk')(word).join('')).toBe(word);
  });
});
