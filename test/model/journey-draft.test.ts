import { describe, expect, it } from 'vitest';
import { parseJourneyDraft } from '../../src/model/journey-draft';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';

describe('parseJourneyDraft', () => {
  it('keeps the texts a person has not typed yet empty, exactly as saved', () => {
    const journey = createOnlineStoreJourney();
    journey.title = '';
    journey.stages[1] = { ...journey.stages[1]!, name: '  ' };
    journey.cards[0] = { ...journey.cards[0]!, text: '' };
    const parsed = parseJourneyDraft({ journey, step: 5, mapId: 'map-x', savedAt: 7, base: createOnlineStoreJourney() });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.journey.title).toBe('');
    expect(parsed.value.journey.stages[1]!.name).toBe('');
    expect(parsed.value.journey.cards[0]!.text).toBe('');
    expect(parsed.value.journey.cards[1]).toEqual(journey.cards[1]);
    expect(parsed.value).toMatchObject({ step: 5, mapId: 'map-x', savedAt: 7, base: createOnlineStoreJourney() });
  });

  it('refuses a draft whose structure is broken, naming the field', () => {
    const journey = createOnlineStoreJourney();
    const broken = { ...journey, cards: [{ ...journey.cards[0]!, stage: 'stage:gone' }] };
    const parsed = parseJourneyDraft({ journey: broken, step: 1 });
    expect(parsed.ok ? [] : parsed.errors.map((error) => error.path)).toEqual(['draft.journey.cards[0].stage']);
    expect(parseJourneyDraft({ journey, step: 99 }).ok).toBe(false);
    expect(parseJourneyDraft({ journey, step: 1, base: { title: 3 } }).ok).toBe(false);
    expect(parseJourneyDraft('draft').ok).toBe(false);
  });
});
