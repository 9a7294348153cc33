import type { Locale } from '../strings';
import { pluralize } from './editor-strings';

const en = {
  plan: 'Plan',
  /** The plan's summary beside its toggle, from what is set. */
  summary: (pains: number, impact: string, effort: string, owner: string) =>
    [pains > 0 ? `fixes ${pluralize('en', pains, ['pain', 'pains', 'pains'])}` : 'no pain linked', impact && `impact ${impact}`, effort && `effort ${effort}`, owner].filter(Boolean).join(' · '),
  addresses: 'Pains it addresses',
  noPains: 'The map has no pains yet: add cards to a pains lane first.',
  impact: 'Impact (1–5)',
  effort: 'Effort (1–5)',
  notRated: '—',
  owner: 'Owner',
  status: 'Status',
  noStatus: '—',
  kpi: 'KPI it should move',
  painOf: (text: string, place: string) => `${text} (${place})`,
  serves: 'Serves',
  servesSummary: (count: number) => (count > 0 ? pluralize('en', count, ['card', 'cards', 'cards']) : 'nothing linked'),
  servesWhat: 'Cards above it in this stage or step that it serves',
  nothingAbove: 'No card above it in this stage or step yet.',
};

/** Every string of an opportunity's plan in the cards step, in one language. */
export type PlanStrings = typeof en;

const ru: PlanStrings = {
  plan: 'План',
  summary: (pains, impact, effort, owner) =>
    [pains > 0 ? `решает ${pluralize('ru', pains, ['боль', 'боли', 'болей'])}` : 'боли не выбраны', impact && `эффект ${impact}`, effort && `затраты ${effort}`, owner].filter(Boolean).join(' · '),
  addresses: 'Какие боли решает',
  noPains: 'На карте пока нет болей: сначала добавьте карточки в дорожку болей.',
  impact: 'Эффект (1–5)',
  effort: 'Затраты (1–5)',
  notRated: '—',
  owner: 'Ответственный',
  status: 'Статус',
  noStatus: '—',
  kpi: 'Метрика, которую она должна сдвинуть',
  painOf: (text, place) => `${text} (${place})`,
  serves: 'Обслуживает',
  servesSummary: (count) => (count > 0 ? pluralize('ru', count, ['карточку', 'карточки', 'карточек']) : 'ничего не связано'),
  servesWhat: 'Какие карточки выше на этом этапе или шаге она обслуживает',
  nothingAbove: 'Выше на этом этапе или шаге пока нет карточек.',
};

const uk: PlanStrings = {
  plan: 'План',
  summary: (pains, impact, effort, owner) =>
    [pains > 0 ? `розв’язує ${pluralize('uk', pains, ['біль', 'болі', 'болів'])}` : 'болі не вибрано', impact && `ефект ${impact}`, effort && `витрати ${effort}`, owner].filter(Boolean).join(' · '),
  addresses: 'Які болі розв’язує',
  noPains: 'На карті поки немає болів: спершу додайте картки в доріжку болів.',
  impact: 'Ефект (1–5)',
  effort: 'Витрати (1–5)',
  notRated: '—',
  owner: 'Відповідальний',
  status: 'Статус',
  noStatus: '—',
  kpi: 'Показник, який вона має зрушити',
  painOf: (text, place) => `${text} (${place})`,
  serves: 'Обслуговує',
  servesSummary: (count) => (count > 0 ? pluralize('uk', count, ['картку', 'картки', 'карток']) : 'нічого не пов’язано'),
  servesWhat: 'Які картки вище на цьому етапі чи кроці вона обслуговує',
  nothingAbove: 'Вище на цьому етапі чи кроці поки немає карток.',
};

export const PLAN_STRINGS: Readonly<Record<Locale, PlanStrings>> = { en, ru, uk };
