// Every problem a JSON journey file can have is worded in the panel's three
// languages: the schema's and the envelope's errors all carry codes, and each
// code has words in English, Russian and Ukrainian (none falls back to the
// English of the file format).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJourneyFile, parseJourneyFileText } from '../../src/model/journey-file';
import { MAX_CARD_TEXT } from '../../src/model/journey-schema';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { describeFileError, JOURNEY_FILE_WORDS } from '../../ui/journey-files-strings';

const LOCALES = ['en', 'ru', 'uk'] as const;
const good = JSON.parse(formatJourneyFile(createOnlineStoreJourney())) as { journey: Record<string, unknown> };

/** The errors of a journey file holding `journey` in the current envelope. */
const errorsOf = (journey: unknown, envelope: Record<string, unknown> = {}) => {
  const result = parseJourneyFileText(JSON.stringify({ ...good, journey, ...envelope }));
  if (result.ok) throw new Error('the file was accepted');
  return result.errors;
};

const clone = (): Record<string, any> => structuredClone(good.journey) as Record<string, any>;

const BAD_FILES: { name: string; errors: () => ReturnType<typeof errorsOf> }[] = [
  { name: 'an unknown field', errors: () => errorsOf({ ...clone(), colour: 'red' }) },
  { name: 'a missing title', errors: () => errorsOf((({ title, ...rest }) => (void title, rest))(clone())) },
  { name: 'a stage that is not an object', errors: () => errorsOf({ ...clone(), stages: ['Search'] }) },
  { name: 'a number for a text', errors: () => errorsOf({ ...clone(), title: 42 }) },
  { name: 'an empty stage name', errors: () => { const j = clone(); j.stages[0].name = '   '; return errorsOf(j); } },
  { name: 'a card text too long', errors: () => { const j = clone(); j.cards[0].text = 'я'.repeat(MAX_CARD_TEXT + 1); return errorsOf(j); } },
  { name: 'no stages', errors: () => errorsOf({ ...clone(), stages: [] }) },
  { name: 'stages not a list', errors: () => errorsOf({ ...clone(), stages: { a: 1 } }) },
  { name: 'a bad id', errors: () => { const j = clone(); j.cards[0].id = 'карточка 1'; return errorsOf(j); } },
  { name: 'a bad link', errors: () => { const j = clone(); j.cards[0].form = [{ runs: [{ text: j.cards[0].text, link: 'javascript:alert(1)' }] }]; return errorsOf(j); } },
  { name: 'a bad language code', errors: () => errorsOf({ ...clone(), locale: 'Русский' }) },
  { name: 'an unknown lane kind', errors: () => { const j = clone(); j.lanes[0].kind = 'feelings'; return errorsOf(j); } },
  { name: 'a hidden persona that is not a boolean', errors: () => { const j = clone(); j.personas[0].hidden = 'yes'; return errorsOf(j); } },
  { name: 'bold that is not true', errors: () => { const j = clone(); j.cards[0].form = [{ runs: [{ text: j.cards[0].text, bold: false }] }]; return errorsOf(j); } },
  { name: 'another journey schema', errors: () => errorsOf({ ...clone(), schema: 99 }) },
  { name: 'a score out of the scale', errors: () => { const j = clone(); j.emotions[0].score = 7; return errorsOf(j); } },
  { name: 'a fractional score', errors: () => { const j = clone(); j.emotions[0].score = 1.5; return errorsOf(j); } },
  { name: 'a score that is text', errors: () => { const j = clone(); j.emotions[0].score = 'bad'; return errorsOf(j); } },
  { name: 'a repeated id', errors: () => { const j = clone(); j.cards[1].id = j.cards[0].id; return errorsOf(j); } },
  { name: 'a second emotions lane', errors: () => { const j = clone(); j.lanes[1].kind = 'emotions'; j.lanes[0].kind = 'emotions'; return errorsOf(j); } },
  { name: 'a card in an unknown stage', errors: () => { const j = clone(); j.cards[0].stage = 'stage:nowhere'; return errorsOf(j); } },
  { name: 'a score given twice', errors: () => { const j = clone(); j.emotions.push({ ...j.emotions[0] }); return errorsOf(j); } },
  { name: 'not JSON', errors: () => { const r = parseJourneyFileText('{"format": "cjm-journey",'); return r.ok ? [] : r.errors; } },
  { name: 'not an object', errors: () => { const r = parseJourneyFileText('[1, 2]'); return r.ok ? [] : r.errors; } },
  { name: 'another format', errors: () => errorsOf(clone(), { format: 'trello-board' }) },
  { name: 'a bad version', errors: () => errorsOf(clone(), { version: 'one' }) },
  { name: 'a newer version', errors: () => errorsOf(clone(), { version: 99 }) },
  { name: 'a map record, not a file', errors: () => errorsOf(clone(), { kind: 'map' }) },
];

describe('a JSON journey file’s problems in the panel', () => {
  it.each(BAD_FILES)('words $name in every language', ({ errors }) => {
    const found = errors();
    expect(found.length).toBeGreaterThan(0);
    for (const error of found) {
      for (const locale of LOCALES) {
        const words = describeFileError(error, locale);
        expect(words.detail, `${locale}: ${error.path}: ${error.message}`).toBeUndefined();
        expect(words.text).not.toBe(JOURNEY_FILE_WORDS[locale].technical);
        expect(words.text).not.toMatch(/undefined|\$\{/);
      }
    }
  });

  it('says a Russian file’s problem in Russian, with its path', () => {
    const [error] = errorsOf({ ...clone(), colour: 'red' });
    expect(describeFileError(error!, 'ru')).toEqual({ place: 'journey.colour', placeIsPath: true, text: 'Неизвестное поле «colour»; удалите его или проверьте написание.' });
    expect(describeFileError(error!, 'uk').text).toBe('Невідоме поле «colour»; видаліть його або перевірте написання.');
  });

  it('gives every error of any damaged journey a code (fuzzed)', () => {
    const values = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), values), { minLength: 1, maxLength: 4 }), (edits) => {
        const journey = clone();
        for (const [where, field, value] of edits) {
          // One edit: a top-level field, or a field of an item of one of the lists, set to any value.
          const lists = ['personas', 'stages', 'lanes', 'cards', 'emotions'] as const;
          const list: unknown = journey[lists[where % lists.length]!];
          const item = Array.isArray(list) ? (list[field % Math.max(1, list.length)] as Record<string, unknown> | undefined) : undefined;
          if (item && typeof item === 'object' && where % 3 !== 0) {
            const keys = Object.keys(item);
            item[keys[field % keys.length] ?? 'extra'] = value;
          } else journey[Object.keys(journey)[field % Object.keys(journey).length] ?? 'extra'] = value;
        }
        const result = parseJourneyFileText(JSON.stringify({ ...good, journey }));
        if (result.ok) return;
        for (const error of result.errors) expect(error.code, `${error.path}: ${error.message}`).toBeDefined();
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
