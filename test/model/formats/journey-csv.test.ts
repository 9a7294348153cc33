import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJourneyFileText } from '../../../src/model/journey-file';
import { exportJourneyCsvLong, exportJourneyCsvWide, importJourneyCsv } from '../../../src/model/formats/journey-csv';
import type { Journey } from '../../../src/model/journey';
import { parseJourney } from '../../../src/model/journey-schema';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { createTemplates as createUkrainianTemplates } from '../../../src/model/templates/templates-uk';

/** A journey without its ids: what a file without ids can carry. */
export function describeJourney(journey: Journey) {
  const stage = new Map(journey.stages.map((entry) => [entry.id as string, entry.name]));
  const lane = new Map(journey.lanes.map((entry) => [entry.id as string, `${entry.kind}:${entry.title}`]));
  const persona = new Map(journey.personas.map((entry) => [entry.id as string, entry.name]));
  return {
    stages: journey.stages.map((entry) => entry.name),
    lanes: journey.lanes.map((entry) => `${entry.kind}:${entry.title}`),
    personas: journey.personas.map((entry) => entry.name),
    cards: journey.cards.map((card) => [stage.get(card.stage), lane.get(card.lane), card.text, card.persona ? persona.get(card.persona) : ''].join(' | ')).sort(),
    emotions: journey.emotions.map((emotion) => `${persona.get(emotion.persona)} @ ${stage.get(emotion.stage)} = ${emotion.score}`).sort(),
  };
}

const ok = (result: ReturnType<typeof importJourneyCsv>): Journey => {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  expect(parseJourney(result.value).ok).toBe(true);
  return result.value;
};

describe('importJourneyCsv: wide', () => {
  it('reads stages from the first row, lanes from the first column, one card per line, scores in the emotion row', () => {
    const journey = ok(
      importJourneyCsv('Lane,Search,Order\nActions,"Searches the web\nReads reviews",Fills in the form\nPains,,Form too long\nEmotion,1,-2\n', { title: 'Shop' }),
    );
    expect(journey.title).toBe('Shop');
    expect(journey.stages.map((stage) => stage.name)).toEqual(['Search', 'Order']);
    expect(journey.lanes.map((lane) => [lane.kind, lane.title])).toEqual([
      ['actions', 'Actions'],
      ['pains', 'Pains'],
      ['emotions', 'Emotion'],
    ]);
    expect(journey.cards.map((card) => card.text)).toEqual(['Searches the web', 'Reads reviews', 'Fills in the form', 'Form too long']);
    expect(journey.emotions.map((emotion) => emotion.score)).toEqual([1, -2]);
    expect(journey.personas.map((persona) => persona.name)).toEqual(['Customer']);
  });

  it('detects semicolons and tabs, reads UTF-8 with a BOM, Cyrillic lanes in Russian and Ukrainian', () => {
    const ru = ok(importJourneyCsv('\uFEFFДорожка;Поиск;Заказ\nЦели и действия;Ищет чайник;Оформляет заказ\nБоли и барьеры;;Длинная форма\nЭмоции;1;−2\n'));
    expect(ru.locale).toBe('ru');
    expect(ru.lanes.map((lane) => lane.kind)).toEqual(['actions', 'pains', 'emotions']);
    expect(ru.emotions.map((emotion) => emotion.score)).toEqual([1, -2]);
    expect(ru.personas[0]?.name).toBe('Клиент');
    const uk = ok(importJourneyCsv('Доріжка\tПошук\tЗамовлення\nДії\tШукає чайник\tОформлює\nМожливості\t\tКоротка форма\nЕмоції\t0\t-1\n'));
    expect(uk.locale).toBe('uk');
    expect(uk.lanes.map((lane) => lane.kind)).toEqual(['actions', 'opportunities', 'emotions']);
    expect(uk.personas[0]?.name).toBe('Клієнт');
  });

  it('scores several personas from "Emotion (Name)" rows', () => {
    const journey = ok(importJourneyCsv('Lane,A,B\nActions,x,y\nEmotion (Olga),2,1\nEmotion (Nina),-1,0\n'));
    expect(journey.personas.map((persona) => persona.name)).toEqual(['Olga', 'Nina']);
    expect(journey.emotions).toHaveLength(4);
  });

  it('names the line and column of each problem and says how to fix it', () => {
    const result = importJourneyCsv('Lane,Search,Order\nActions,a,b\n,orphan,\nEmotion,3,x\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject([
      { path: 'line 3', message: expect.stringMatching(/first column is empty/) },
      { path: 'line 4, column "Search"', message: expect.stringMatching(/from −2 to \+2, received "3"/) },
    ]);
  });

  it('counts lines of quoted cells that span lines', () => {
    const result = importJourneyCsv('Lane,Search\nActions,"one\ntwo\nthree"\nEmotion,9\n');
    expect(!result.ok && result.errors[0]?.path).toBe('line 5, column "Search"');
  });

  it('refuses card text too long for a map, with its place', () => {
    const result = importJourneyCsv(`Lane,Search\nActions,${'x'.repeat(5001)}\n`);
    expect(!result.ok && result.errors[0]).toMatchObject({ path: 'line 2, column "Search"', message: expect.stringMatching(/5001 characters; a map holds at most 5000/) });
  });
});

describe('importJourneyCsv: long', () => {
  it('reads one row per card with persona and emotion, columns in any order and language', () => {
    const journey = ok(importJourneyCsv('Текст,Этап,Дорожка,Персона,Эмоция\nИщет чайник,Поиск,Действия,Анна,1\nДлинная форма,Заказ,Боли,Анна,-2\n,Заказ,Эмоции,Борис,0\n'));
    expect(journey.stages.map((stage) => stage.name)).toEqual(['Поиск', 'Заказ']);
    expect(journey.personas.map((persona) => persona.name)).toEqual(['Анна', 'Борис']);
    expect(journey.cards.map((card) => card.text)).toEqual(['Ищет чайник', 'Длинная форма']);
    expect(journey.emotions).toHaveLength(3);
  });

  it('says which row lacks a stage or a lane', () => {
    const result = importJourneyCsv('Stage,Lane,Text\n,Actions,x\nOrder,,y\n');
    expect(!result.ok && result.errors.map((error) => error.path)).toEqual(['line 2, column "Stage"', 'line 3, column "Lane"']);
  });
});

const loyalty = (): Journey => {
  const parsed = parseJourneyFileText(readFileSync(join(__dirname, '../../fixtures/journeys/03-loyalty-two-personas.json'), 'utf8'));
  if (!parsed.ok) throw new Error('fixture 03 is invalid');
  return parsed.value;
};

/** The Ukrainian service blueprint: its lanes come back as their kinds by their names alone. */
const blueprint = (): Journey => createUkrainianTemplates().find((template) => template.id === 'service-blueprint')!.journey;

describe('CSV round trip', () => {
  it.each([
    ['wide, online store', exportJourneyCsvWide, createOnlineStoreJourney],
    ['long, online store', exportJourneyCsvLong, createOnlineStoreJourney],
    ['wide, loyalty (Russian, two personas)', exportJourneyCsvWide, loyalty],
    ['long, loyalty (Russian, two personas)', exportJourneyCsvLong, loyalty],
    ['wide, service blueprint (Ukrainian, to-be line)', exportJourneyCsvWide, blueprint],
    ['long, service blueprint (Ukrainian, to-be line)', exportJourneyCsvLong, blueprint],
  ])('%s: export then import gives the same journey (ids aside)', (shape, exportCsv, createJourney) => {
    const journey = createJourney();
    const back = ok(importJourneyCsv(exportCsv(journey), { title: journey.title }));
    const expected = describeJourney(journey);
    const actual = describeJourney(back);
    expect(actual.stages).toEqual(expected.stages);
    expect(actual.lanes).toEqual(expected.lanes);
    // The wide shape has no place for a card's persona; the long one has.
    const withoutPersona = (cards: string[]) => cards.map((card) => card.replace(/ \| [^|]*$/, '')).sort();
    expect(shape.startsWith('wide') ? withoutPersona(actual.cards) : actual.cards).toEqual(shape.startsWith('wide') ? withoutPersona(expected.cards) : expected.cards);
    expect(actual.emotions).toEqual(expected.emotions);
    expect(actual.personas).toEqual(expected.personas);
  });
});

describe('evidence in the long CSV', () => {
  it('reads an Evidence column in any of the three languages, refuses an unknown kind, and writes it back', () => {
    const journey = ok(importJourneyCsv('Этап,Дорожка,Текст,Основание\nПоиск,Действия,Ищет чайник,интервью\nЗаказ,Действия,Платит,допущение\n'));
    expect(journey.cards.map((card) => card.evidence)).toEqual(['interview', 'assumption']);
    expect(exportJourneyCsvLong(journey).split('\n')[0]).toBe('\uFEFFЭтап,Дорожка,Текст,Персона,Эмоция,Основание');
    expect(ok(importJourneyCsv(exportJourneyCsvLong(journey))).cards.map((card) => card.evidence)).toEqual(['interview', 'assumption']);
    const bad = importJourneyCsv('Stage,Lane,Text,Evidence\nSearch,Actions,Looks,rumour\n');
    expect(!bad.ok && bad.errors).toMatchObject([{ path: 'line 2, column "Evidence"', message: expect.stringMatching(/unknown evidence "rumour"; use one of interview, survey/) }]);
  });
});
