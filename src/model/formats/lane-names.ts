import type { LaneKind } from '../journey';
import { foldName } from '../fold-name';

export { foldName };

/**
 * Lane names people write in spreadsheets, in English, Russian and
 * Ukrainian, and the lane kind each means. Matching ignores case, spaces,
 * punctuation and the words "and" / "и" / "та" / "і", so "Goals & actions",
 * "goals and actions" and "Цели и действия" all find `actions`.
 */
const NAMES: Readonly<Record<Exclude<LaneKind, 'custom'>, readonly string[]>> = {
  actions: ['actions', 'action', 'goals actions', 'goals', 'steps', 'doing', 'customer actions', 'действия', 'цели действия', 'шаги', 'действия клиента', 'дії', 'цілі дії', 'кроки', 'дії клієнта'],
  touchpoints: ['touchpoints', 'touchpoint', 'touch points', 'точки контакта', 'точка контакта', 'точки контакту', 'точка контакту'],
  channels: ['channels', 'channel', 'каналы', 'канал', 'канали'],
  thoughts: ['thoughts', 'thinking', 'thoughts questions', 'questions', 'мысли', 'мысли вопросы', 'вопросы', 'думки', 'думки питання', 'питання'],
  emotions: ['emotions', 'emotion', 'feelings', 'feeling', 'emotion score', 'score', 'эмоции', 'эмоция', 'оценка', 'емоції', 'емоція', 'оцінка'],
  pains: ['pains', 'pain', 'pain points', 'pains barriers', 'barriers', 'problems', 'difficulties', 'трудности', 'возможные трудности', 'сложности', 'труднощі', 'можливі труднощі', 'складнощі', 'боли', 'боль', 'барьеры', 'боли барьеры', 'проблемы', 'болі', 'біль', 'бар’єри', "бар'єри", 'болі бар’єри', 'проблеми'],
  opportunities: ['opportunities', 'opportunity', 'ideas', 'improvements', 'возможности', 'идеи', 'улучшения', 'можливості', 'ідеї', 'покращення'],
  backstage: ['backstage', 'back office', 'behind the scenes', 'закулисье', 'бэкстейдж', 'бекстейдж', 'бэк офис', 'за лаштунками', 'бек офіс'],
  kpis: ['kpis', 'kpi', 'metrics', 'метрики', 'показатели', 'показники', 'метрики kpi'],
  'physical-evidence': ['physical evidence', 'props', 'физическое окружение', 'материальные свидетельства', 'физические свидетельства', 'окружение', 'фізичне оточення', 'матеріальні свідчення', 'оточення'],
  frontstage: ['frontstage', 'front stage', 'front office', 'frontstage actions', 'onstage', 'видимые действия сотрудников', 'видимые действия', 'фронтстейдж', 'фронт офис', 'видимі дії працівників', 'видимі дії', 'фронт офіс'],
  support: ['support processes', 'support process', 'supporting processes', 'поддерживающие процессы', 'вспомогательные процессы', 'процессы поддержки', 'допоміжні процеси', 'підтримувальні процеси', 'процеси підтримки'],
};

const BY_NAME = new Map<string, LaneKind>();
for (const [kind, names] of Object.entries(NAMES) as [LaneKind, readonly string[]][]) {
  for (const name of names) BY_NAME.set(foldName(name), kind);
}

/** The lane kind a name means; `custom` when it is none of the standard lanes. */
export function findLaneKind(name: string): LaneKind {
  return BY_NAME.get(foldName(name)) ?? 'custom';
}
