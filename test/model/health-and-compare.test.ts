import { describe, expect, it } from 'vitest';
import { compareJourneys, formatComparison } from '../../src/model/compare-journeys';
import { importJourneyCsv } from '../../src/model/formats/journey-csv';
import { checkJourneyHealth, HEALTH_RULES, MAX_STICKY_TEXT } from '../../src/model/health-check';
import type { Journey } from '../../src/model/journey';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';

const rulesOf = (journey: Journey) => checkJourneyHealth(journey).findings.map((finding) => `${finding.rule} ${finding.stage ?? finding.lane ?? finding.persona ?? ''}`.trim());

describe('checkJourneyHealth', () => {
  it('finds only the moment of truth on the template, at the order form, and scores happiness as the share of positive stages and steps', () => {
    const report = checkJourneyHealth(createOnlineStoreJourney());
    expect(report.findings.map((finding) => finding.rule)).toEqual(['moment-of-truth']);
    expect(report.findings[0]).toMatchObject({
      stage: 'stage:order',
      step: 'step:form',
      persona: 'persona:anna',
      severity: 'info',
      message: expect.stringMatching(/Anna Petrova feels worst at "Order & pay › Fill in the order form" \(-2\)/),
    });
    const journey = createOnlineStoreJourney();
    // Five stages and the four steps of Order & pay: nine places, four of them positive (search, cart, use, repeat).
    const positive = journey.emotions.filter((emotion) => emotion.score > 0).length;
    expect(positive).toBe(4);
    expect(report.happiness).toEqual([{ persona: 'persona:anna', name: 'Anna Petrova', score: positive / 9, positiveStages: positive, stages: 9, counted: 'steps' }]);
    expect(report).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('flags each rule where it applies', () => {
    // The template's opportunities address its pains; without their plans, the pains rule looks at stages.
    const journey = createOnlineStoreJourney();
    for (const card of journey.cards) delete card.plan;
    journey.emotions = journey.emotions.filter((emotion) => emotion.stage !== 'stage:use');
    journey.cards = journey.cards.filter((card) => !(card.stage === 'stage:need' && card.lane === 'lane:touchpoints'));
    journey.cards = journey.cards.filter((card) => !(card.stage === 'stage:order' && card.lane === 'lane:opportunities'));
    journey.cards = journey.cards.filter((card) => card.lane !== 'lane:backstage');
    journey.personas[0]!.goals = [];
    journey.cards[0]!.text = 'x'.repeat(MAX_STICKY_TEXT + 1);
    for (const card of journey.cards) if (card.stage === 'stage:search') card.evidence = 'assumption';
    expect(rulesOf(journey)).toEqual([
      'missing-emotion stage:use',
      'card-too-long stage:need',
      'stage-without-touchpoints stage:need',
      'pain-without-opportunity stage:order',
      'empty-lane lane:backstage',
      'persona-without-goals persona:anna',
      'stage-on-assumptions stage:search',
      'moment-of-truth stage:order',
    ]);
    expect(checkJourneyHealth(journey)).toMatchObject({ errors: 2, warnings: 5 });
    // Each finding carries what its sentence is made of, for the panel to word in the person's language.
    const params = Object.fromEntries(checkJourneyHealth(journey).findings.map((finding) => [`${finding.rule} ${finding.stage ?? finding.lane ?? finding.persona ?? ''}`, finding.params]));
    expect(params['missing-emotion stage:use']).toEqual({ persona: 'Anna Petrova', stage: journey.stages.find((stage) => stage.id === 'stage:use')!.name });
    expect(params['card-too-long stage:need']).toMatchObject({ length: MAX_STICKY_TEXT + 1, max: MAX_STICKY_TEXT });
    expect(params['empty-lane lane:backstage']).toEqual({ lane: journey.lanes.find((lane) => lane.id === 'lane:backstage')!.title });
    expect(params['pain-without-opportunity stage:order']).toMatchObject({ stage: 'Order & pay', pains: expect.any(Number) });
    expect(params['moment-of-truth stage:order']).toEqual({ persona: 'Anna Petrova', stage: 'Order & pay › Fill in the order form', score: -2 });
  });

  it('looks at each pain once opportunities address pains: the template answers them all, and a pain loses its answer with its opportunity', () => {
    const journey = createOnlineStoreJourney();
    expect(rulesOf(journey)).toEqual(['moment-of-truth stage:order']);
    journey.cards = journey.cards.filter((card) => card.id !== 'card:opportunities-order-1');
    const findings = checkJourneyHealth(journey).findings.filter((finding) => finding.rule === 'pain-without-opportunity');
    expect(findings.map((finding) => [finding.card, finding.params])).toEqual([['card:pains-order-1', { stage: 'Order & pay › Add to cart', text: 'Delivery cost not shown in the cart' }]]);
  });

  it('has an id, a severity and a one-line explanation for every rule', () => {
    for (const rule of HEALTH_RULES) {
      expect(rule.id).toMatch(/^[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.explanation).not.toMatch(/\n/);
    }
  });
});

describe('compareJourneys', () => {
  it('finds added, removed, renamed, edited and moved items and emotion changes', () => {
    const before = createOnlineStoreJourney();
    const after = createOnlineStoreJourney();
    after.stages[1]!.name = 'Search';
    after.stages = after.stages.filter((stage) => stage.id !== 'stage:repeat');
    after.cards = after.cards.filter((card) => card.stage !== 'stage:repeat');
    after.emotions = after.emotions.filter((emotion) => emotion.stage !== 'stage:repeat');
    after.cards[0]!.text = 'Kettle leaks';
    after.cards[1]!.stage = 'stage:search';
    after.cards.push({ id: 'card:new', stage: 'stage:order', step: 'step:pay', lane: 'lane:pains', text: 'No Apple Pay' });
    after.emotions.find((emotion) => emotion.step === 'step:form')!.score = 0;
    const comparison = compareJourneys(before, after);
    expect(comparison.stages).toEqual({ added: [], removed: [before.stages.find((stage) => stage.id === 'stage:repeat')?.name], renamed: [{ from: 'Search & compare', to: 'Search' }] });
    expect(comparison.cards.added).toEqual([{ stage: 'Order & pay › Pay', lane: 'Pains & barriers', text: 'No Apple Pay' }]);
    expect(comparison.cards.edited).toEqual([{ stage: 'Realise the need', lane: 'Goals & actions', from: before.cards[0]!.text, to: 'Kettle leaks' }]);
    expect(comparison.cards.moved).toHaveLength(1);
    expect(comparison.emotions).toEqual([{ persona: 'Anna Petrova', stage: 'Order & pay › Fill in the order form', from: -2, to: 0 }]);
    const text = formatComparison(comparison);
    expect(text).toContain('~ stage "Search & compare" → "Search"');
    expect(text).toContain('~ emotion of Anna Petrova at Order & pay › Fill in the order form: -2 → 0');
    expect(formatComparison(compareJourneys(before, before))).toBe('no changes\n');
  });

  it('compares two imports of a spreadsheet by names, though their ids are made up', () => {
    const a = importJourneyCsv('Lane,Search,Order\nActions,Looks,Buys\nEmotion,1,-1\n');
    const b = importJourneyCsv('Lane,Order,Search\nActions,Buys,Looks\nEmotion,0,1\n');
    if (!a.ok || !b.ok) throw new Error('the CSVs are valid');
    const comparison = compareJourneys(a.value, b.value);
    expect(comparison.cards).toEqual({ added: [], removed: [], edited: [], moved: [] });
    expect(comparison.emotions).toEqual([{ persona: 'Customer', stage: 'Order', from: -1, to: 0 }]);
  });

  it('pairs steps inside paired stages, and tells cards moved between steps and scores changed at a step', () => {
    const csv = (rows: string[]) => {
      const result = importJourneyCsv(['Stage,Step,Lane,Text,Persona,Emotion', ...rows].join('\n'));
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.value;
    };
    const before = csv(['Order,Cart,Actions,Adds the kettle,,', 'Order,Form,Pains,Address twice,,', 'Order,Cart,Emotions,,Anna,1', 'Order,Form,Emotions,,Anna,-2', 'Order,Pay,Emotions,,Anna,0']);
    const after = csv(['Order,Cart,Actions,Adds the kettle,,', 'Order,Form,Actions,Address twice,,', 'Order,Cart,Emotions,,Anna,1', 'Order,Form,Emotions,,Anna,-1', 'Order,Delivery,Emotions,,Anna,0']);
    const comparison = compareJourneys(before, after);
    // Made-up ids pair the third steps: a step in the place of another is read as renamed, as stages are.
    expect(comparison.steps).toEqual({ added: [], removed: [], renamed: [{ from: 'Order › Pay', to: 'Order › Delivery' }] });
    expect(comparison.cards.moved).toEqual([{ text: 'Address twice', from: 'Order › Form / Pains', to: 'Order › Form / Actions' }]);
    expect(comparison.emotions).toEqual([{ persona: 'Anna', stage: 'Order › Form', from: -2, to: -1 }]);
    expect(formatComparison(comparison)).toContain('~ step "Order › Pay" → "Order › Delivery"\n');
    after.stages[0]!.steps!.push({ id: 'step:new', name: 'Review' });
    expect(compareJourneys(before, after).steps.added).toEqual(['Order › Review']);
  });
});

describe('checkJourneyHealth of a map with steps', () => {
  it('checks emotions and touchpoints per step, finds the moment of truth at a step, and counts happiness over stages and steps', () => {
    const result = importJourneyCsv(
      [
        'Stage,Step,Lane,Text,Persona,Emotion,Touchpoint',
        'Choose,,Touchpoints,Catalogue,,,',
        'Order & pay,Cart,Actions,Adds the kettle,,,Product page',
        'Order & pay,Form,Touchpoints,Order form,,,',
        'Order & pay,Pay,Actions,Pays,,,',
        'Choose,,Emotions,,Anna,1,',
        'Order & pay,Cart,Emotions,,Anna,1,',
        'Order & pay,Form,Emotions,,Anna,-2,',
      ].join('\n'),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const report = checkJourneyHealth(result.value);
    const at = (rule: string) => report.findings.filter((finding) => finding.rule === rule).map((finding) => [finding.params.stage, finding.step]);
    expect(at('missing-emotion')).toEqual([['Order & pay › Pay', 'step:t3']]);
    // Cart names its touchpoint, Form has a touchpoint card; Pay has neither.
    expect(at('step-without-touchpoint')).toEqual([['Order & pay › Pay', 'step:t3']]);
    expect(at('stage-without-touchpoints')).toEqual([]);
    expect(report.findings.find((finding) => finding.rule === 'moment-of-truth')).toMatchObject({ stage: 'stage:s2', step: 'step:t2', params: { persona: 'Anna', stage: 'Order & pay › Form', score: -2 } });
    expect(report.happiness).toEqual([{ persona: 'persona:p1', name: 'Anna', score: 2 / 4, positiveStages: 2, stages: 4, counted: 'steps' }]);
  });
});
