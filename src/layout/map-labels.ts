import { findJourneyLanguage, type EvidenceKind } from '../model/journey';
import type { BlueprintLine } from './blueprint-lines';

/** Words the layout writes on the map itself, in the journey's language. */
export interface MapLabels {
  goal: string;
  age: (age: string) => string;
  goals: string;
  needs: string;
  pains: string;
  behaviour: string;
  channels: string;
  /** The legend's names of the as-is and to-be emotion lines. */
  asIs: string;
  toBe: string;
  /** The marker under a card's sticky: what the card rests on. */
  evidence: Readonly<Record<EvidenceKind, string>>;
  /** The names of a service blueprint's lines. */
  blueprint: Readonly<Record<BlueprintLine, string>>;
  /** The mark over the pains of a persona's moment of truth (the lowest point of its line). */
  momentOfTruth: string;
}

const LABELS: Readonly<Record<'en' | 'ru' | 'uk', MapLabels>> = {
  en: {
    goal: 'Goal',
    age: (age) => `age ${age}`,
    goals: 'Goals',
    needs: 'Needs',
    pains: 'Pains & fears',
    behaviour: 'Behaviour',
    channels: 'Channels',
    asIs: 'as-is',
    toBe: 'to-be',
    evidence: { interview: '🎤 interview', survey: '📋 survey', analytics: '📈 analytics', support: '🎧 support tickets', observation: '👀 observation', assumption: '❓ assumption' },
    blueprint: { interaction: 'Line of interaction', visibility: 'Line of visibility', internal: 'Line of internal interaction' },
    momentOfTruth: '⚑ Moment of truth',
  },
  ru: {
    goal: 'Цель',
    age: (age) => `возраст ${age}`,
    goals: 'Цели',
    needs: 'Потребности',
    pains: 'Боли и страхи',
    behaviour: 'Поведение',
    channels: 'Каналы',
    asIs: 'сейчас',
    toBe: 'целевой опыт',
    evidence: { interview: '🎤 интервью', survey: '📋 опрос', analytics: '📈 аналитика', support: '🎧 обращения', observation: '👀 наблюдение', assumption: '❓ допущение' },
    blueprint: { interaction: 'Линия взаимодействия', visibility: 'Линия видимости', internal: 'Линия внутреннего взаимодействия' },
    momentOfTruth: '⚑ Момент истины',
  },
  uk: {
    goal: 'Мета',
    age: (age) => `вік ${age}`,
    goals: 'Цілі',
    needs: 'Потреби',
    pains: 'Болі та страхи',
    behaviour: 'Поведінка',
    channels: 'Канали',
    asIs: 'зараз',
    toBe: 'цільовий досвід',
    evidence: { interview: '🎤 інтерв’ю', survey: '📋 опитування', analytics: '📈 аналітика', support: '🎧 звернення', observation: '👀 спостереження', assumption: '❓ припущення' },
    blueprint: { interaction: 'Лінія взаємодії', visibility: 'Лінія видимості', internal: 'Лінія внутрішньої взаємодії' },
    momentOfTruth: '⚑ Момент істини',
  },
};

/** Returns the map labels for a journey locale such as `ru` or `uk-UA`; English otherwise. */
export function findMapLabels(locale: string | undefined): MapLabels {
  return LABELS[findJourneyLanguage(locale)];
}
