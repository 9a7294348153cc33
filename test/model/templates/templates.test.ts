import { describe, expect, it } from 'vitest';
import { findLaneKind } from '../../../src/model/formats/lane-names';
import { findBlueprintLines } from '../../../src/layout/blueprint-lines';
import { checkJourneyHealth, MAX_STICKY_TEXT } from '../../../src/model/health-check';
import { JOURNEY_SCHEMA, listPlaces, listSteps, type Journey } from '../../../src/model/journey';
import { parseJourney } from '../../../src/model/journey-schema';
import { createBlankJourney, DEFAULT_LANE_KINDS, DEFAULT_STAGE_NAMES, STANDARD_LANE_TITLES } from '../../../src/model/templates/blank-journey';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { loadTemplatesAsync, TEMPLATE_IDS, TEMPLATE_LOCALES, type JourneyTemplate, type TemplateLocale } from '../../../src/model/templates/template-catalog';
import { createTemplates as createEnglishTemplates } from '../../../src/model/templates/templates-en';
import { createTemplates as createRussianTemplates } from '../../../src/model/templates/templates-ru';
import { createTemplates as createUkrainianTemplates } from '../../../src/model/templates/templates-uk';

const GALLERIES: Readonly<Record<TemplateLocale, readonly JourneyTemplate[]>> = {
  en: createEnglishTemplates(),
  ru: createRussianTemplates(),
  uk: createUkrainianTemplates(),
};

// The brief asks for emotion notes under 60 characters: they sit next to a point on the chart.
const MAX_NOTE_LENGTH = 59;
const CYRILLIC = /\p{Script=Cyrillic}/u;

const CASES = TEMPLATE_LOCALES.flatMap((locale) => GALLERIES[locale].map((template) => ({ locale, template, label: `${locale} ${template.id}` })));

/** Finds a template of a gallery, failing the test when it is missing. */
function findTemplate(locale: TemplateLocale, id: string): JourneyTemplate {
  const template = GALLERIES[locale].find((entry) => entry.id === id);
  if (!template) throw new Error(`no ${locale} template ${id}`);
  return template;
}

/** Everything of a journey that is not text: what the three languages of a template must share. */
function describeStructure(journey: Journey) {
  return {
    stages: journey.stages.map((stage) => [stage.id, ...listSteps(stage).map((step) => `${step.id} ${step.touchpoint ? 'touchpoint' : '-'} ${step.channel ? 'channel' : '-'}`)].join(' ')),
    lanes: journey.lanes.map((lane) => `${lane.id} ${lane.kind}`),
    personas: journey.personas.map((persona) => `${persona.id} ${persona.avatar} ${persona.age} ${persona.goals.length}`),
    cards: journey.cards.map((card) => `${card.id} ${card.stage} ${card.step ?? '-'} ${card.lane} ${card.persona ?? '-'}`),
    emotions: journey.emotions.map((emotion) => `${emotion.persona} ${emotion.stage} ${emotion.step ?? '-'} ${emotion.line ?? 'as-is'} ${emotion.score}`),
  };
}

/** Every text of a journey people read. */
function collectTexts(journey: Journey): string[] {
  return [
    journey.title,
    ...Object.values(journey.scope).filter((value): value is string => value !== undefined),
    ...journey.personas.flatMap((persona) => [persona.name, persona.role ?? '', persona.quote ?? '', ...persona.goals, ...persona.needs, ...persona.pains, ...persona.behaviour, ...persona.channels]),
    ...journey.stages.flatMap((stage) => [stage.name, ...listSteps(stage).flatMap((step) => [step.name, step.touchpoint ?? '', step.channel ?? ''])]),
    ...journey.lanes.map((lane) => lane.title),
    ...journey.cards.map((card) => card.text),
    ...journey.emotions.map((emotion) => emotion.note ?? ''),
  ].filter((text) => text !== '');
}

/** The as-is scores of one persona in reading order: at each stage, or at each step of a stage with steps. */
function readAsIsLine(journey: Journey, persona: string): (number | undefined)[] {
  return listPlaces(journey).map(
    (place) => journey.emotions.find((emotion) => emotion.persona === persona && emotion.stage === place.stage && emotion.step === place.step && (emotion.line ?? 'as-is') === 'as-is')?.score,
  );
}

describe('the built-in template galleries', () => {
  it.each(TEMPLATE_LOCALES)('%s lists the six templates in catalogue order, written in its language', (locale) => {
    expect(GALLERIES[locale].map((template) => template.id)).toEqual([...TEMPLATE_IDS]);
    for (const template of GALLERIES[locale]) {
      expect(template.journey.locale, template.id).toBe(locale);
      expect(template.name.length, template.id).toBeGreaterThan(0);
      expect(template.description, template.id).toMatch(/^\S.*[.]$/);
    }
  });

  it('uses the default online-store journey itself in English', () => {
    expect(findTemplate('en', 'online-store').journey).toEqual(createOnlineStoreJourney());
  });

  it.each(CASES)('$label passes parseJourney unchanged', ({ template }) => {
    const result = parseJourney(template.journey);
    expect(result.ok ? undefined : result.errors).toBeUndefined();
    if (result.ok) expect(result.value).toEqual(template.journey);
  });

  it.each(CASES)('$label passes the health check without errors or warnings', ({ template }) => {
    const report = checkJourneyHealth(template.journey);
    expect(report.findings.filter((finding) => finding.severity !== 'info').map((finding) => finding.message)).toEqual([]);
    expect(report.errors).toBe(0);
  });

  it.each(CASES)('$label keeps every card within a sticky and every note short', ({ template }) => {
    for (const card of template.journey.cards) expect(card.text.length, card.text).toBeLessThanOrEqual(MAX_STICKY_TEXT);
    for (const emotion of template.journey.emotions) expect((emotion.note ?? '').length, emotion.note).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
    for (const emotion of template.journey.emotions) expect(emotion.note, `${emotion.persona} ${emotion.stage}`).toBeTruthy();
  });

  it.each(CASES)('$label follows the method: scope, personas, 5–7 stages, the eight lanes (a blueprint its own), full cells', ({ locale, template }) => {
    const journey = template.journey;
    expect(journey.schema).toBe(JOURNEY_SCHEMA);
    for (const field of ['goal', 'product', 'scenario', 'period'] as const) expect(journey.scope[field], field).toBeTruthy();
    for (const persona of journey.personas) {
      expect(persona.avatar, persona.id).toBeTruthy();
      expect(persona.age, persona.id).toBeTruthy();
      expect(persona.role, persona.id).toBeTruthy();
      expect(persona.quote, persona.id).toBeTruthy();
      expect(persona.goals.length, persona.id).toBeGreaterThanOrEqual(2);
      expect(persona.goals.length, persona.id).toBeLessThanOrEqual(3);
      for (const list of [persona.needs, persona.pains, persona.behaviour, persona.channels]) expect(list.length, persona.id).toBeGreaterThan(0);
    }
    expect(journey.stages.length).toBeGreaterThanOrEqual(5);
    expect(journey.stages.length).toBeLessThanOrEqual(7);
    if (template.id === 'service-blueprint') {
      // The blueprint's lanes top to bottom, the lines of interaction, visibility and internal interaction between them.
      expect(journey.lanes.map((lane) => lane.kind)).toEqual(['physical-evidence', 'actions', 'emotions', 'pains', 'opportunities', 'frontstage', 'backstage', 'support']);
      expect([...findBlueprintLines(journey.lanes).values()]).toEqual(['interaction', 'visibility', 'internal']);
    } else {
      expect(journey.lanes.map((lane) => lane.kind)).toEqual([...DEFAULT_LANE_KINDS]);
      expect(journey.lanes.map((lane) => lane.title)).toEqual(DEFAULT_LANE_KINDS.map((kind) => STANDARD_LANE_TITLES[locale][kind]));
    }
    // Every lane's title reads back as its kind, as a spreadsheet import would read it.
    for (const lane of journey.lanes) expect(findLaneKind(lane.title), lane.title).toBe(lane.kind);
    // A cell is a stage × lane, or a step × lane in a stage with steps.
    const places = listPlaces(journey);
    let filled = 0;
    for (const place of places) {
      for (const lane of journey.lanes) {
        const count = journey.cards.filter((card) => card.stage === place.stage && card.step === place.step && card.lane === lane.id).length;
        expect(count, `${place.step ?? place.stage} × ${lane.id}`).toBeLessThanOrEqual(3);
        if (count > 0) filled += 1;
      }
    }
    expect(filled / (places.length * journey.lanes.length)).toBeGreaterThanOrEqual(0.8);
  });

  it.each(CASES)('$label scores every persona at every stage and step, with a dip below neutral before the end', ({ template }) => {
    const journey = template.journey;
    for (const persona of journey.personas) {
      const line = readAsIsLine(journey, persona.id);
      expect(line.every((score) => score !== undefined), persona.id).toBe(true);
      const scores = line as number[];
      const lowest = Math.min(...scores);
      expect(lowest, persona.id).toBeLessThan(0);
      expect(scores.indexOf(lowest), persona.id).toBeLessThan(scores.length - 1);
      expect(scores.at(-1), persona.id).toBeGreaterThan(lowest);
    }
  });

  it.each(CASES)('$label uses the typography of its language', ({ locale, template }) => {
    const texts = collectTexts(template.journey);
    // The English online store is the unchanged default template, which predates this rule.
    const checkStraightQuotes = !(locale === 'en' && template.id === 'online-store');
    for (const text of texts) {
      if (checkStraightQuotes) expect(text, 'straight quotes or apostrophes').not.toMatch(/["']/);
      if (locale === 'en') expect(text, 'no Cyrillic or « » in English').not.toMatch(/[«»\p{Script=Cyrillic}]/u);
      else expect(text, 'no “ ” in Russian or Ukrainian').not.toMatch(/[“”]/);
      if (locale === 'ru') expect(text, 'no Ukrainian letters in Russian').not.toMatch(/[іїєґІЇЄҐ]/);
      if (locale === 'uk') expect(text, 'no Russian letters in Ukrainian').not.toMatch(/[ыэъёЫЭЪЁ]/);
    }
  });
});

describe('the three languages of a template', () => {
  it.each(TEMPLATE_IDS)('%s has the same ids, cells and scores in en, ru and uk', (id) => {
    const english = describeStructure(findTemplate('en', id).journey);
    expect(describeStructure(findTemplate('ru', id).journey)).toEqual(english);
    expect(describeStructure(findTemplate('uk', id).journey)).toEqual(english);
  });

  it.each(TEMPLATE_IDS)('%s differs in its texts: ru and uk are translations, not copies', (id) => {
    const english = findTemplate('en', id);
    const russian = findTemplate('ru', id);
    const ukrainian = findTemplate('uk', id);
    for (const translated of [russian, ukrainian]) {
      expect(translated.journey.title).not.toBe(english.journey.title);
      expect(translated.journey.title).toMatch(CYRILLIC);
      expect(translated.name).toMatch(CYRILLIC);
      expect(translated.description).toMatch(CYRILLIC);
      const cards = translated.journey.cards;
      const cyrillicCards = cards.filter((card) => CYRILLIC.test(card.text)).length;
      expect(cyrillicCards / cards.length).toBeGreaterThanOrEqual(0.9);
      expect(translated.journey.stages.every((stage) => CYRILLIC.test(stage.name))).toBe(true);
    }
    expect(ukrainian.journey.title).not.toBe(russian.journey.title);
    const sameInRuAndUk = russian.journey.cards.filter((card, index) => ukrainian.journey.cards[index]?.text === card.text).length;
    expect(sameInRuAndUk / russian.journey.cards.length).toBeLessThan(0.3);
  });
});

/** The stages with steps of each template, by stage id: the ids of their steps. */
const STEPPED_STAGES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'online-store': { 'stage:order': ['step:cart', 'step:form', 'step:delivery', 'step:pay'] },
  'bank-account': { 'stage:branch': ['step:queue', 'step:documents', 'step:sign'] },
  'clinic-visit': { 'stage:visit': ['step:checkin', 'step:wait', 'step:doctor'] },
};

/** Where each persona of a template with steps feels worst: the step the story's moment of truth is at. */
const LOW_POINTS: Readonly<Record<string, string>> = {
  'online-store': 'persona:anna stage:order step:form',
  'bank-account': 'persona:marina stage:branch step:documents',
  'clinic-visit': 'persona:elena stage:visit step:wait',
};

describe('the templates with steps', () => {
  it.each(CASES)('$label has steps exactly in the stages its story goes through step by step', ({ template }) => {
    const stepped = Object.fromEntries(template.journey.stages.filter((stage) => listSteps(stage).length > 0).map((stage) => [stage.id, listSteps(stage).map((step) => step.id)]));
    expect(stepped).toEqual(STEPPED_STAGES[template.id] ?? {});
  });

  it.each(CASES.filter(({ template }) => template.id in STEPPED_STAGES))('$label names every step, its touchpoint and its channel', ({ template }) => {
    for (const step of template.journey.stages.flatMap((stage) => listSteps(stage))) {
      expect(step.name, step.id).toBeTruthy();
      expect(step.touchpoint, step.id).toBeTruthy();
      expect(step.channel, step.id).toBeTruthy();
    }
  });

  it.each(CASES.filter(({ template }) => template.id in LOW_POINTS))('$label has its moment of truth at a step, the one lowest of its stage', ({ template }) => {
    const [truth] = checkJourneyHealth(template.journey).findings.filter((finding) => finding.rule === 'moment-of-truth');
    expect(`${truth?.persona} ${truth?.stage} ${truth?.step}`).toBe(LOW_POINTS[template.id]);
    // The steps tell a story: their scores differ, the low point at one of them alone.
    const stage = template.journey.stages.find((candidate) => candidate.id === truth?.stage)!;
    const scores = listSteps(stage).map((step) => template.journey.emotions.find((emotion) => emotion.step === step.id && (emotion.line ?? 'as-is') === 'as-is')!.score);
    expect(new Set(scores).size).toBeGreaterThan(1);
    expect(scores.filter((score) => score === Math.min(...scores))).toHaveLength(1);
  });

  it.each(Object.keys(STEPPED_STAGES))('%s names its steps in Russian and Ukrainian, each its own', (id) => {
    const names = (locale: TemplateLocale) => findTemplate(locale, id).journey.stages.flatMap((stage) => listSteps(stage).map((step) => step.name));
    for (const locale of ['ru', 'uk'] as const) {
      expect(names(locale).every((name) => CYRILLIC.test(name)), locale).toBe(true);
    }
    expect(names('ru')).not.toEqual(names('uk'));
    expect(names('en').every((name) => !CYRILLIC.test(name))).toBe(true);
  });
});

describe('the loyalty and SaaS templates', () => {
  it.each(TEMPLATE_LOCALES)('%s loyalty has two personas, each speaking on its own cards', (locale) => {
    const journey = findTemplate(locale, 'loyalty').journey;
    expect(journey.personas.map((persona) => persona.id)).toEqual(['persona:max', 'persona:olga']);
    for (const persona of journey.personas) {
      expect(journey.cards.filter((card) => card.persona === persona.id).length, persona.id).toBeGreaterThanOrEqual(journey.stages.length);
    }
    const pains = journey.cards.filter((card) => card.lane === 'lane:pains' && card.persona === 'persona:olga');
    expect(pains.length).toBeGreaterThan(0);
  });

  it.each(TEMPLATE_LOCALES)('%s SaaS trial has a to-be score at every stage, listed after the as-is line and never below it', (locale) => {
    const journey = findTemplate(locale, 'saas-trial').journey;
    const persona = journey.personas[0]!.id;
    const asIs = readAsIsLine(journey, persona);
    const toBe = journey.stages.map((stage) => journey.emotions.find((emotion) => emotion.persona === persona && emotion.stage === stage.id && emotion.line === 'to-be'));
    expect(toBe.every((emotion) => emotion?.note)).toBe(true);
    toBe.forEach((emotion, index) => expect(emotion!.score, journey.stages[index]!.id).toBeGreaterThanOrEqual(asIs[index]!));
    const lowest = asIs.indexOf(Math.min(...(asIs as number[])));
    expect(toBe[lowest]!.score).toBeGreaterThan(asIs[lowest]!);
    // The health check looks a score up by persona and stage alone, so today's line must come first.
    const firstToBe = journey.emotions.findIndex((emotion) => emotion.line === 'to-be');
    expect(journey.emotions.slice(firstToBe).every((emotion) => emotion.line === 'to-be')).toBe(true);
    expect(firstToBe).toBe(journey.stages.length);
  });

  it('only the SaaS trial and the service blueprint carry a to-be line', () => {
    for (const { template } of CASES) {
      expect(template.journey.emotions.some((emotion) => emotion.line === 'to-be'), template.id).toBe(template.id === 'saas-trial' || template.id === 'service-blueprint');
    }
  });
});

describe('the blank journey', () => {
  it.each(TEMPLATE_LOCALES)('%s is valid and unchanged by parsing', (locale) => {
    const journey = createBlankJourney(locale);
    const result = parseJourney(journey);
    expect(result.ok ? undefined : result.errors).toBeUndefined();
    if (result.ok) expect(result.value).toEqual(journey);
  });

  it.each(TEMPLATE_LOCALES)('%s has one empty persona, the default stages and lanes, no cards and neutral scores', (locale) => {
    const journey = createBlankJourney(locale);
    expect(journey.locale).toBe(locale);
    expect(journey.personas).toHaveLength(1);
    const persona = journey.personas[0]!;
    expect(persona.avatar).toBe('🙂');
    expect([persona.goals, persona.needs, persona.pains, persona.behaviour, persona.channels]).toEqual([[], [], [], [], []]);
    expect(journey.stages.map((stage) => stage.name)).toEqual(DEFAULT_STAGE_NAMES[locale]);
    expect(journey.lanes.map((lane) => lane.kind)).toEqual([...DEFAULT_LANE_KINDS]);
    expect(journey.lanes.map((lane) => lane.title)).toEqual(DEFAULT_LANE_KINDS.map((kind) => STANDARD_LANE_TITLES[locale][kind]));
    expect(journey.cards).toEqual([]);
    expect(journey.emotions.map((emotion) => [emotion.stage, emotion.score])).toEqual(journey.stages.map((stage) => [stage.id, 0]));
    expect(checkJourneyHealth(journey).errors).toBe(0);
  });

  it('has the same ids in every language and localized texts', () => {
    const english = createBlankJourney('en');
    for (const locale of ['ru', 'uk'] as const) {
      const journey = createBlankJourney(locale);
      expect(journey.stages.map((stage) => stage.id)).toEqual(english.stages.map((stage) => stage.id));
      expect(journey.title).not.toBe(english.title);
      expect(journey.title).toMatch(CYRILLIC);
      expect(journey.personas[0]!.name).toMatch(CYRILLIC);
    }
    expect(createBlankJourney('ru').title).not.toBe(createBlankJourney('uk').title);
  });

  it('returns a new journey on each call', () => {
    const first = createBlankJourney('en');
    first.personas[0]!.goals.push('Changed');
    first.stages.length = 0;
    const second = createBlankJourney('en');
    expect(second.personas[0]!.goals).toEqual([]);
    expect(second.stages).toHaveLength(DEFAULT_STAGE_NAMES.en.length);
  });
});

describe('the standard lane titles', () => {
  it('match the online-store template’s English titles', () => {
    for (const lane of createOnlineStoreJourney().lanes) {
      if (lane.kind !== 'custom') expect(STANDARD_LANE_TITLES.en[lane.kind], lane.kind).toBe(lane.title);
    }
  });

  it.each(TEMPLATE_LOCALES)('%s names every standard lane, and the importer reads each back as its kind', (locale) => {
    expect(Object.keys(STANDARD_LANE_TITLES[locale]).sort()).toEqual([...DEFAULT_LANE_KINDS, 'kpis', 'physical-evidence', 'frontstage', 'support'].sort());
    for (const kind of Object.keys(STANDARD_LANE_TITLES[locale]) as (keyof (typeof STANDARD_LANE_TITLES)[typeof locale])[]) expect(findLaneKind(STANDARD_LANE_TITLES[locale][kind]), kind).toBe(kind);
    expect(DEFAULT_STAGE_NAMES[locale]).toHaveLength(6);
  });

  it('call the KPI lane as asked in each language', () => {
    expect([STANDARD_LANE_TITLES.en.kpis, STANDARD_LANE_TITLES.ru.kpis, STANDARD_LANE_TITLES.uk.kpis]).toEqual(['KPIs', 'Метрики (KPI)', 'Метрики (KPI)']);
  });
});

describe('loadTemplatesAsync', () => {
  it.each(TEMPLATE_LOCALES)('loads the %s gallery: six templates in order', async (locale) => {
    const templates = await loadTemplatesAsync(locale);
    expect(templates.map((template) => template.id)).toEqual([...TEMPLATE_IDS]);
    expect(templates).toEqual(GALLERIES[locale]);
  });

  it('returns fresh objects on each call', async () => {
    const first = await loadTemplatesAsync('ru');
    const loyalty = first[1]!;
    loyalty.name = 'Changed';
    loyalty.journey.title = 'Changed';
    loyalty.journey.cards.length = 0;
    loyalty.journey.personas[0]!.goals.push('Changed');
    loyalty.journey.scope.goal = 'Changed';
    first[0]!.journey.stages[0]!.name = 'Changed';
    const second = await loadTemplatesAsync('ru');
    expect(second).not.toBe(first);
    expect(second[1]!.name).not.toBe('Changed');
    expect(second[1]!.journey.title).not.toBe('Changed');
    expect(second[1]!.journey.cards.length).toBeGreaterThan(0);
    expect(second[1]!.journey.personas[0]!.goals).not.toContain('Changed');
    expect(second[1]!.journey.scope.goal).not.toBe('Changed');
    expect(second[0]!.journey.stages[0]!.name).not.toBe('Changed');
    expect(second).toEqual(GALLERIES.ru);
  });
});
