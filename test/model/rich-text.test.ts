import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseJourney } from '../../src/model/journey-schema';
import { formatRichTextAsPlain, hasRichForm, isFormOf, isSafeLink, normalizeRichText, type RichText } from '../../src/model/rich-text';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { clipText } from '../../src/model/text-size';

const form: RichText = [
  { runs: [{ text: 'Pays ' }, { text: 'by card', bold: true }, { text: '' }] },
  { runs: [{ text: 'see ' }, { text: 'the FAQ', link: 'https://shop.example/faq' }], list: 'bullet' },
];

describe('the form of a card\u2019s text', () => {
  it('spells its words line by line and says whether it has marks', () => {
    expect(formatRichTextAsPlain(form)).toBe('Pays by card\nsee the FAQ');
    expect(isFormOf(form, '  Pays   by card \n\n see the FAQ ')).toBe(true);
    expect(isFormOf(form, 'Pays cash')).toBe(false);
    expect(hasRichForm(form)).toBe(true);
    expect(hasRichForm([{ runs: [{ text: 'plain' }] }])).toBe(false);
  });

  it('has one canonical shape: empty runs dropped, equal marks joined, unsafe links dropped', () => {
    expect(
      normalizeRichText([{ runs: [{ text: 'a', bold: true }, { text: '' }, { text: 'b', bold: true }, { text: 'c', link: 'javascript:alert(1)' }] }]),
    ).toEqual([{ runs: [{ text: 'ab', bold: true }, { text: 'c' }] }]);
  });

  it('keeps only http, https and mailto links, without spaces or control characters', () => {
    for (const good of ['https://a.example', 'HTTP://a.example/x?y=1#z', 'mailto:anna@example.com']) expect(isSafeLink(good), good).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'https://', 'https://a b.example', 'https://a.example/\u0000', 'ftp://a.example', `https://a.example/${'x'.repeat(2001)}`]) {
      expect(isSafeLink(bad), bad).toBe(false);
    }
  });

  it('travels in the journey while it spells the card\u2019s text, and is dropped once the words change', () => {
    const journey = createOnlineStoreJourney();
    const card = journey.cards[0]!;
    card.form = [{ runs: [{ text: card.text, italic: true }] }];
    const kept = parseJourney(journey);
    expect(kept.ok && kept.value.cards[0]?.form).toEqual(card.form);
    card.text = 'Other words';
    const dropped = parseJourney(journey);
    expect(dropped.ok && dropped.value.cards[0]?.form).toBeUndefined();
    card.form = [{ runs: [{ text: 'Other words', link: 'javascript:alert(1)' }] }];
    const refused = parseJourney(journey);
    expect(!refused.ok && refused.errors[0]?.path).toBe('cards[0].form[0].runs[0].link');
  });
});

describe('clipText', () => {
  afterEach(() => vi.unstubAllGlobals());

  const cases: [string, number, string][] = [
    ['short', 10, 'short'],
    ['ab👩‍👩‍👧‍👦cd', 5, 'ab'],
    ['ab👍🏽cd', 3, 'ab'],
    ['e\u0301e\u0301e\u0301', 3, 'e\u0301'],
    ['🇺🇦🇺🇦', 6, '🇺🇦'],
    ['abc😀', 4, 'abc'],
  ];

  it.each(cases)('cuts %j to %i units on a grapheme boundary', (text, max, expected) => {
    expect(clipText(text, max)).toBe(expected);
  });

  it.each(cases.filter(([text]) => !text.includes('🇺🇦')))('cuts %j without Intl.Segmenter too (plugin sandboxes)', (text, max, expected) => {
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    expect(clipText(text, max)).toBe(expected);
  });
});
