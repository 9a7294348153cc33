/** Words the layout writes on the map itself, in the journey's language. */
export interface MapLabels {
  goal: string;
  age: (age: string) => string;
  goals: string;
  needs: string;
  pains: string;
  behaviour: string;
  channels: string;
}

const LABELS: Readonly<Record<'en' | 'ru' | 'uk', MapLabels>> = {
  en: { goal: 'Goal', age: (age) => `age ${age}`, goals: 'Goals', needs: 'Needs', pains: 'Pains & fears', behaviour: 'Behaviour', channels: 'Channels' },
  ru: { goal: 'Цель', age: (age) => `возраст ${age}`, goals: 'Цели', needs: 'Потребности', pains: 'Боли и страхи', behaviour: 'Поведение', channels: 'Каналы' },
  uk: { goal: 'Мета', age: (age) => `вік ${age}`, goals: 'Цілі', needs: 'Потреби', pains: 'Болі та страхи', behaviour: 'Поведінка', channels: 'Канали' },
};

/** Returns the map labels for a journey locale such as `ru` or `uk-UA`; English otherwise. */
export function findMapLabels(locale: string | undefined): MapLabels {
  const base = (locale ?? 'en').toLowerCase().split('-')[0];
  return base === 'ru' || base === 'uk' ? LABELS[base] : LABELS.en;
}
