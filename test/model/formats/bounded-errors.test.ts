import { describe, expect, it } from 'vitest';
import { importJourney } from '../../../src/model/formats/import-journey';
import { formatJourneyFile, parseJourneyFileText } from '../../../src/model/journey-file';
import { boundValidationErrors, excerptText, formatValidationErrors, MAX_QUOTED_TEXT, quoteText, type ValidationError } from '../../../src/model/parse-result';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';

const FOUR_MB = 4_000_000;

/** The template's file with `change` made to its JSON document. */
function fileWith(change: (document: { format: unknown; journey: Record<string, unknown> & { cards: Record<string, unknown>[] } }) => void): string {
  const document = JSON.parse(formatJourneyFile(createOnlineStoreJourney()));
  change(document);
  return JSON.stringify(document);
}

const errorsOf = (text: string): ValidationError[] => {
  const result = importJourney(text, { format: 'json' });
  if (result.ok) throw new Error('accepted');
  return result.errors;
};

describe('error messages quote a short excerpt of a bad value (issue 15)', () => {
  it('a 4 MB card id gives a message of a few hundred characters, naming the field and the fix', () => {
    const errors = errorsOf(
      fileWith((document) => {
        document.journey.cards[0]!.id = `card:${'x'.repeat(FOUR_MB)}`;
      }),
    );
    expect(errors).toEqual([
      {
        path: 'journey.cards[0].id',
        message: expect.stringMatching(/^expected an id like "card:name" \(letters, digits, _ \. -\), received "card:x{55}…"$/),
        code: 'json-bad-id',
        params: { prefix: 'card', received: expect.stringMatching(/^card:x{55}…$/) },
      },
    ]);
    expect(formatValidationErrors(errors).length).toBeLessThan(200);
  });

  it('bounds unknown keys, picklist values, the schema literal and the envelope’s format, however long', () => {
    const long = 'y'.repeat(FOUR_MB);
    const texts = [
      fileWith((document) => {
        document.journey.cards[0]![long] = 1;
      }),
      fileWith((document) => {
        document.journey.cards[0]!.evidence = long;
      }),
      fileWith((document) => {
        document.journey.schema = long;
      }),
      fileWith((document) => {
        document.format = long;
      }),
    ];
    for (const text of texts) {
      const errors = errorsOf(text);
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.path.length).toBeLessThanOrEqual(121);
        expect(error.message.length).toBeLessThanOrEqual(400);
        for (const value of Object.values(error.params ?? {})) expect(String(value).length).toBeLessThanOrEqual(MAX_QUOTED_TEXT + 1);
      }
    }
    // The envelope's message keeps its end, the question that is the hint.
    const format = parseJourneyFileText(texts[3]!);
    expect(!format.ok && format.errors[0]?.message).toMatch(/^expected "cjm-journey", received "y+…y+"; is this a journey file of cjm-board\?$/);
  });

  it('lists the first ten errors and counts the rest', () => {
    const errors = Array.from({ length: 25 }, (_, index) => ({ path: `line ${index + 1}`, message: 'bad' }));
    const lines = formatValidationErrors(errors).split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('line 1: bad');
    expect(lines[10]).toBe('… and 15 more errors');
    expect(formatValidationErrors(errors.slice(0, 11))).toMatch(/\n… and 1 more error$/);
    expect(formatValidationErrors(errors, { max: 2, noun: 'warning' })).toBe('line 1: bad\nline 2: bad\n… and 23 more warnings');
    expect(formatValidationErrors(errors.slice(0, 3))).toBe('line 1: bad\nline 2: bad\nline 3: bad');
  });

  it('cuts excerpts on grapheme boundaries, never inside an emoji sequence', () => {
    const family = '👨‍👩‍👧‍👦';
    const text = `${'a'.repeat(MAX_QUOTED_TEXT - 3)}${family}${'b'.repeat(100)}`;
    expect(excerptText(text)).toBe(`${'a'.repeat(MAX_QUOTED_TEXT - 3)}…`);
    expect(excerptText('short')).toBe('short');
    expect(quoteText('tab\there')).toBe('"tab\\there"');
    const [bounded] = boundValidationErrors([{ path: 'p', message: `${'m'.repeat(300)}${family.repeat(40)}the fix` }]);
    expect(bounded?.message.length).toBeLessThanOrEqual(400);
    expect(bounded?.message.endsWith('the fix')).toBe(true);
    expect(bounded?.message).not.toMatch(/\u200D…|…\u200D|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('leaves short errors as they are', () => {
    const errors: ValidationError[] = [{ path: 'version', message: 'too new', code: 'record-newer', params: { version: 3, supported: 2 } }];
    expect(boundValidationErrors(errors)).toEqual(errors);
  });
});
