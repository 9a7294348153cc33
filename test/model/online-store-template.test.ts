import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMOTION_MIN } from '../../src/model/emotion-scale';
import { formatJourneyFile } from '../../src/model/journey-file';
import { listPlaces } from '../../src/model/journey';
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

  it('orders step by step: Order & pay has its four steps, each naming its touchpoint and channel; the other stages have none', () => {
    const journey = createOnlineStoreJourney();
    expect(journey.stages.map((stage) => [stage.id, (stage.steps ?? []).map((step) => step.id)])).toEqual([
      ['stage:need', []],
      ['stage:search', []],
      ['stage:order', ['step:cart', 'step:form', 'step:delivery', 'step:pay']],
      ['stage:delivery', []],
      ['stage:use', []],
      ['stage:repeat', []],
    ]);
    const order = journey.stages.find((stage) => stage.id === 'stage:order')!;
    expect(order.steps!.map((step) => `${step.name} | ${step.touchpoint} | ${step.channel}`)).toEqual([
      'Add to cart | Cart | Web',
      'Fill in the order form | Order form | Web',
      'Choose delivery | Delivery options | Web',
      'Pay | Payment page | Web',
    ]);
    expect(journey.stages.filter((stage) => stage.id !== 'stage:order').every((stage) => stage.steps === undefined)).toBe(true);
  });

  it('has one to three cards in every cell: stage × lane, or step × lane in Order & pay', () => {
    const journey = createOnlineStoreJourney();
    expect(listPlaces(journey)).toHaveLength(9);
    for (const place of listPlaces(journey)) {
      for (const lane of journey.lanes) {
        const where = `${place.step ?? place.stage} × ${lane.id}`;
        const count = journey.cards.filter((card) => card.stage === place.stage && card.step === place.step && card.lane === lane.id).length;
        expect(count, where).toBeGreaterThanOrEqual(1);
        expect(count, where).toBeLessThanOrEqual(3);
      }
    }
  });

  it('puts each card of Order & pay at the step it speaks of', () => {
    const journey = createOnlineStoreJourney();
    const stepOf = (text: string) => journey.cards.find((card) => card.text === text)?.step;
    expect(stepOf('Adds the kettle to the cart')).toBe('step:cart');
    expect(stepOf('Order form has 14 fields')).toBe('step:form');
    expect(stepOf('Account creation is forced')).toBe('step:form');
    expect(stepOf('\u201cWhy do I have to type my address twice?\u201d')).toBe('step:form');
    expect(stepOf('Address autocomplete')).toBe('step:form');
    expect(stepOf('Chooses a delivery day')).toBe('step:delivery');
    expect(stepOf('\u201cIs the payment safe?\u201d')).toBe('step:pay');
    expect(stepOf('Payment gateway checks fraud')).toBe('step:pay');
  });

  it('scores the persona once at every stage and step, the order form its one low point at the bottom of the scale', () => {
    const journey = createOnlineStoreJourney();
    const persona = journey.personas[0]!.id;
    for (const place of listPlaces(journey)) {
      expect(journey.emotions.filter((emotion) => emotion.persona === persona && emotion.stage === place.stage && emotion.step === place.step), place.step ?? place.stage).toHaveLength(1);
    }
    expect(journey.emotions).toHaveLength(9);
    expect(journey.emotions.filter((emotion) => emotion.stage === 'stage:order').map((emotion) => [emotion.step, emotion.score])).toEqual([
      ['step:cart', 1],
      ['step:form', -2],
      ['step:delivery', -1],
      ['step:pay', -1],
    ]);
    const lowest = journey.emotions.filter((emotion) => emotion.score === EMOTION_MIN);
    expect(lowest.map((emotion) => emotion.step ?? emotion.stage)).toEqual(['step:form']);
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
