import { findJourneyLanguage, type EvidenceKind } from '../model/journey';
import type { BlueprintLine } from './blueprint-lines';
import type { MatrixQuadrant } from './scene-keys';

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
  /** The prioritisation matrix's words: its title, how to use it, its scales, tray and quadrants. */
  matrix: { title: string; hint: string; impact: string; effort: string; tray: string; quadrants: Readonly<Record<MatrixQuadrant, string>> };
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
    matrix: {
      title: 'Impact × effort',
      hint: 'Drag an opportunity to re-rate it, or into the tray to clear its ratings, then Regenerate.',
      impact: '↑ Impact',
      effort: 'Effort →',
      tray: 'Not rated yet',
      quadrants: { 'quick-wins': 'Quick wins', 'big-bets': 'Big bets', 'fill-ins': 'Fill-ins', 'money-pits': 'Money pits' },
    },
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
    matrix: {
      title: 'Эффект × затраты',
      hint: 'Перетащите возможность, чтобы изменить оценку (в лоток — снять её), и перестройте карту.',
      impact: '↑ Эффект',
      effort: 'Затраты →',
      tray: 'Без оценки',
      quadrants: { 'quick-wins': 'Быстрые победы', 'big-bets': 'Крупные ставки', 'fill-ins': 'Мелкие задачи', 'money-pits': 'Неблагодарные задачи' },
    },
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
    matrix: {
      title: 'Ефект × витрати',
      hint: 'Перетягніть можливість, щоб змінити оцінку (у лоток — зняти її), і перебудуйте карту.',
      impact: '↑ Ефект',
      effort: 'Витрати →',
      tray: 'Без оцінки',
      quadrants: { 'quick-wins': 'Швидкі перемоги', 'big-bets': 'Великі ставки', 'fill-ins': 'Дрібні справи', 'money-pits': 'Невдячні завдання' },
    },
  },
};

/** Returns the map labels for a journey locale such as `ru` or `uk-UA`; English otherwise. */
export function findMapLabels(locale: string | undefined): MapLabels {
  return LABELS[findJourneyLanguage(locale)];
}
