/** The languages the panel speaks. */
export const LOCALES = ['en', 'ru', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];

const en = {
  title: 'Customer Journey Map',
  intro: 'Insert a complete journey map: persona, six stages, eight lanes, stickies in every cell and an emotion line.',
  insert: 'Insert CJM template',
  inserting: 'Drawing the map…',
  progress: (done: number, total: number) => `${done} of ${total} items`,
  done: (created: number, updated: number) =>
    updated > 0 ? `Map ready: ${created} items created, ${updated} updated.` : `Map ready: ${created} items created.`,
  failed: (count: number, reason: string) => `${count} items could not be drawn (${reason}).`,
  finish: 'Finish the map',
  error: 'The map could not be drawn',
  language: 'Language',
};

type Strings = typeof en;

const ru: Strings = {
  title: 'Карта пути клиента',
  intro: 'Вставьте готовую карту пути клиента: персона, шесть этапов, восемь дорожек, стикеры в каждой ячейке и линия эмоций.',
  insert: 'Вставить шаблон CJM',
  inserting: 'Рисуем карту…',
  progress: (done, total) => `${done} из ${total} элементов`,
  done: (created, updated) =>
    updated > 0 ? `Карта готова: создано ${created}, обновлено ${updated}.` : `Карта готова: создано элементов — ${created}.`,
  failed: (count, reason) => `Не удалось нарисовать элементов: ${count} (${reason}).`,
  finish: 'Дорисовать карту',
  error: 'Не удалось нарисовать карту',
  language: 'Язык',
};

const uk: Strings = {
  title: 'Карта шляху клієнта',
  intro: 'Вставте готову карту шляху клієнта: персона, шість етапів, вісім доріжок, стікери в кожній клітинці та лінія емоцій.',
  insert: 'Вставити шаблон CJM',
  inserting: 'Малюємо карту…',
  progress: (done, total) => `${done} з ${total} елементів`,
  done: (created, updated) =>
    updated > 0 ? `Карта готова: створено ${created}, оновлено ${updated}.` : `Карта готова: створено елементів — ${created}.`,
  failed: (count, reason) => `Не вдалося намалювати елементів: ${count} (${reason}).`,
  finish: 'Домалювати карту',
  error: 'Не вдалося намалювати карту',
  language: 'Мова',
};

/** Every UI string, per language. */
export const STRINGS: Readonly<Record<Locale, Strings>> = { en, ru, uk };

/** Picks the panel language from a BCP 47 tag such as `ru-RU`; English otherwise. */
export function pickLocale(tag: string | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}
