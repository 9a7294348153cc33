import { JOURNEY_SCHEMA, type Journey, type LaneId, type LaneKind, type StageId } from '../journey';
import type { TemplateLocale } from './template-catalog';

/** A lane kind other than `custom`: one of the nine lanes the method names. */
export type StandardLaneKind = Exclude<LaneKind, 'custom'>;

/** The eight lanes a new map and every built-in template start with (all standard lanes but KPIs), top to bottom. */
export const DEFAULT_LANE_KINDS = [
  'actions',
  'touchpoints',
  'channels',
  'thoughts',
  'emotions',
  'pains',
  'opportunities',
  'backstage',
] as const satisfies readonly StandardLaneKind[];

/** Titles of the standard lanes per language; English matches the online-store template. */
export const STANDARD_LANE_TITLES: Readonly<Record<TemplateLocale, Readonly<Record<StandardLaneKind, string>>>> = {
  en: {
    actions: 'Goals & actions',
    touchpoints: 'Touchpoints',
    channels: 'Channels',
    thoughts: 'Thoughts & questions',
    emotions: 'Emotions',
    pains: 'Pains & barriers',
    opportunities: 'Opportunities',
    backstage: 'Backstage',
    kpis: 'KPIs',
    'physical-evidence': 'Physical evidence',
    frontstage: 'Frontstage',
    support: 'Support processes',
  },
  ru: {
    actions: 'Цели и действия',
    touchpoints: 'Точки контакта',
    channels: 'Каналы',
    thoughts: 'Мысли и вопросы',
    emotions: 'Эмоции',
    pains: 'Боли и барьеры',
    opportunities: 'Возможности',
    backstage: 'Закулисье',
    kpis: 'Метрики (KPI)',
    'physical-evidence': 'Физическое окружение',
    frontstage: 'Видимые действия сотрудников',
    support: 'Поддерживающие процессы',
  },
  uk: {
    actions: 'Цілі та дії',
    touchpoints: 'Точки контакту',
    channels: 'Канали',
    thoughts: 'Думки та питання',
    emotions: 'Емоції',
    pains: 'Болі та бар’єри',
    opportunities: 'Можливості',
    backstage: 'За лаштунками',
    kpis: 'Метрики (KPI)',
    'physical-evidence': 'Фізичне оточення',
    frontstage: 'Видимі дії працівників',
    support: 'Допоміжні процеси',
  },
};

// Stage ids of a new map, from realising the need to loyalty or refusal
// (CJM-METHOD, "Stages"); DEFAULT_STAGE_NAMES follows this order.
const DEFAULT_STAGE_KEYS = ['awareness', 'consideration', 'purchase', 'onboarding', 'support', 'loyalty'] as const;

/** Names of a new map's six stages per language, in journey order. */
export const DEFAULT_STAGE_NAMES: Readonly<Record<TemplateLocale, readonly string[]>> = {
  en: ['Awareness', 'Consideration', 'Purchase', 'Onboarding & use', 'Support', 'Loyalty or refusal'],
  ru: ['Осознание потребности', 'Поиск и сравнение', 'Покупка', 'Начало использования', 'Поддержка', 'Лояльность или отказ'],
  uk: ['Усвідомлення потреби', 'Пошук і порівняння', 'Купівля', 'Початок використання', 'Підтримка', 'Лояльність або відмова'],
};

// Words of a new map that are not lane or stage names.
const BLANK_TEXTS: Readonly<Record<TemplateLocale, { title: string; persona: string }>> = {
  en: { title: 'New customer journey', persona: 'Customer' },
  ru: { title: 'Новая карта пути клиента', persona: 'Клиент' },
  uk: { title: 'Нова карта шляху клієнта', persona: 'Клієнт' },
};

/**
 * Creates an empty map to fill in: one persona with empty lists, the six
 * default stages, the eight default lanes, no cards and a neutral (0)
 * emotion score at every stage. Returns a new journey on each call.
 */
export function createBlankJourney(locale: TemplateLocale): Journey {
  const texts = BLANK_TEXTS[locale];
  const stageNames = DEFAULT_STAGE_NAMES[locale];
  const laneTitles = STANDARD_LANE_TITLES[locale];
  const stages = DEFAULT_STAGE_KEYS.map((key, index) => ({ id: `stage:${key}` as StageId, name: stageNames[index] ?? key }));
  return {
    schema: JOURNEY_SCHEMA,
    title: texts.title,
    locale,
    scope: {},
    personas: [{ id: 'persona:customer', name: texts.persona, avatar: '🙂', goals: [], needs: [], pains: [], behaviour: [], channels: [] }],
    stages,
    lanes: DEFAULT_LANE_KINDS.map((kind) => ({ id: `lane:${kind}` as LaneId, kind, title: laneTitles[kind] })),
    cards: [],
    emotions: stages.map((stage) => ({ persona: 'persona:customer', stage: stage.id, score: 0 })),
  };
}
