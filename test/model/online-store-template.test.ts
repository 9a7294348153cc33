import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMOTION_MIN } from '../../src/model/emotion-scale';
import { formatJourneyFile } from '../../src/model/journey-file';
import { parseJourney } from '../../src/model/journey-schema';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';

const STANDARD_LANES = ['actions', 'touchpoints', 'channels', 'thoughts', 'emotions', 'pains', 'opportunities', 'backstage'];

describe('the online-store template', () => {
  it('is a valid journey, unchanged by parsing', () => {
    const journey = createOnlineStoreJourney();
    const result = parseJourney(journey);
    expect(result.ok ? undefined : result.errors).toBeUndefined();
    if (result.ok) expect(result.value).toEqual(journey);
  });

  it('has one persona, six stages and the eight standard lanes in order', () => {
    const journey = createOnlineStoreJourney();
    expect(journey.personas).toHaveLength(1);
    expect(journey.stages).toHaveLength(6);
    expect(journey.lanes.map((lane) => lane.kind)).toEqual(STANDARD_LANES);
  });

  it('has one to three cards in every cell', () => {
    const journey = createOnlineStoreJourney();
    for (const stage of journey.stages) {
      for (const lane of journey.lanes) {
        const count = journey.cards.filter((card) => card.stage === stage.id && card.lane === lane.id).length;
        expect(count, `${stage.id} × ${lane.id}`).toBeGreaterThanOrEqual(1);
        expect(count, `${stage.id} × ${lane.id}`).toBeLessThanOrEqual(3);
      }
    }
  });

  it('scores the persona at every stage, with a low point at the bottom of the scale', () => {
    const journey = createOnlineStoreJourney();
    const persona = journey.personas[0]!.id;
    for (const stage of journey.stages) {
      expect(journey.emotions.filter((emotion) => emotion.persona === persona && emotion.stage === stage.id), stage.id).toHaveLength(1);
    }
    expect(journey.emotions.some((emotion) => emotion.score === EMOTION_MIN)).toBe(true);
  });

  it('returns a fresh journey on each call', () => {
    const first = createOnlineStoreJourney();
    first.stages[0]!.name = 'Changed';
    first.cards.length = 0;
    const second = createOnlineStoreJourney();
    expect(second.stages[0]!.name).not.toBe('Changed');
    expect(second.cards.length).toBeGreaterThan(0);
  });

  it('is saved byte for byte as examples/online-store.json', () => {
    const example = readFileSync(new URL('../../examples/online-store.json', import.meta.url), 'utf8');
    expect(example).toBe(formatJourneyFile(createOnlineStoreJourney()));
  });
});
