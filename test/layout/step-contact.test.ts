import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeStepContact, readStepContact } from '../../src/layout/layout-journey';

describe("a step header's second line", () => {
  it.each([
    [{ touchpoint: 'Order form', channel: 'Web' }, 'Order form \u00b7 Web'],
    [{ touchpoint: 'Order form' }, 'Order form'],
    [{ channel: 'Courier' }, '\u00b7 Courier'],
    [{}, ''],
  ])('writes %j as "%s" and reads it back the same', (contact, line) => {
    expect(describeStepContact(contact)).toBe(line);
    expect(readStepContact(line)).toEqual(contact);
  });

  it('reads back whatever touchpoint and channel it wrote, a channel with a dot of its own too', () => {
    const part = fc.string({ minLength: 1, maxLength: 20 }).map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text !== '' && !text.startsWith('\u00b7'));
    fc.assert(
      fc.property(fc.option(part.filter((text) => !text.includes('\u00b7')), { nil: undefined }), fc.option(part, { nil: undefined }), (touchpoint, channel) => {
        const contact = { ...(touchpoint ? { touchpoint } : {}), ...(channel ? { channel } : {}) };
        expect(readStepContact(describeStepContact(contact))).toEqual(contact);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('takes the line as a person typed it: spaces folded, no dot is all touchpoint', () => {
    expect(readStepContact('  Call   centre ')).toEqual({ touchpoint: 'Call centre' });
    expect(readStepContact('App·Push')).toEqual({ touchpoint: 'App', channel: 'Push' });
  });
});
