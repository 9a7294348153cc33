/** The languages the panel speaks. */
export const LOCALES = ['en', 'ru', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];

const en = {
  title: 'Customer Journey Map',
  intro: 'Insert a complete journey map: persona, six stages, eight lanes, stickies in every cell and an emotion line.',
  insert: 'Insert CJM template',
  inserting: 'Drawing the map…',
  progress: (done: number, total: number) => `${done} of ${total} items`,
  waiting: (seconds: number) => `Waiting for Miro’s rate limit, resuming in ${seconds} s`,
  done: (created: number, updated: number) =>
    updated > 0 ? `Map ready: ${created} items created, ${updated} updated.` : `Map ready: ${created} items created.`,
  failed: (count: number, reason: string) => `${count} items could not be drawn (${reason}).`,
  finish: 'Finish the map',
  regenerate: 'Regenerate',
  regenerateHint: 'Edited the map on the board? Regenerate keeps every edit and tidies the map in place.',
  regenerating: 'Regenerating the map…',
  regenerated: (title: string, edits: number, adopted: number) =>
    `“${title}” regenerated: ${edits} board ${edits === 1 ? 'edit' : 'edits'} kept, ${adopted} new ${adopted === 1 ? 'sticky' : 'stickies'} added to the map.`,
  written: (created: number, updated: number, removed: number) => `Items created: ${created}, updated: ${updated}, removed: ${removed}.`,
  upToDate: (title: string) => `“${title}” is up to date: nothing to redraw.`,
  conflicts: (count: number) => `${count} changes were made both on the board and in the panel; the board’s version was kept.`,
  released: (count: number) => `${count} items could not become part of the map and were left exactly as you wrote them.`,
  error: 'The map could not be drawn',
  regenerateError: 'Could not regenerate',
  language: 'Language',
};

type Strings = typeof en;

const ru: Strings = {
  title: 'Карта пути клиента',
  intro: 'Вставьте готовую карту пути клиента: персона, шесть этапов, восемь дорожек, стикеры в каждой ячейке и линия эмоций.',
  insert: 'Вставить шаблон CJM',
  inserting: 'Рисуем карту…',
  progress: (done, total) => `${done} из ${total} элементов`,
  waiting: (seconds) => `Ждём лимита запросов Miro, продолжим через ${seconds} с`,
  done: (created, updated) =>
    updated > 0 ? `Карта готова: создано ${created}, обновлено ${updated}.` : `Карта готова: создано элементов — ${created}.`,
  failed: (count, reason) => `Не удалось нарисовать элементов: ${count} (${reason}).`,
  finish: 'Дорисовать карту',
  regenerate: 'Перестроить',
  regenerateHint: 'Правили карту на доске? «Перестроить» сохранит все правки и аккуратно перестроит карту на месте.',
  regenerating: 'Перестраиваем карту…',
  regenerated: (title, edits, adopted) => `«${title}» перестроена: сохранено правок с доски — ${edits}, новых стикеров в карте — ${adopted}.`,
  written: (created, updated, removed) => `Элементов создано: ${created}, обновлено: ${updated}, удалено: ${removed}.`,
  upToDate: (title) => `«${title}» актуальна: перерисовывать нечего.`,
  conflicts: (count) => `Изменений и на доске, и в панели: ${count}; оставлена версия с доски.`,
  released: (count) => `Элементов, которые не стали частью карты и оставлены как есть: ${count}.`,
  error: 'Не удалось нарисовать карту',
  regenerateError: 'Не удалось перестроить',
  language: 'Язык',
};

const uk: Strings = {
  title: 'Карта шляху клієнта',
  intro: 'Вставте готову карту шляху клієнта: персона, шість етапів, вісім доріжок, стікери в кожній клітинці та лінія емоцій.',
  insert: 'Вставити шаблон CJM',
  inserting: 'Малюємо карту…',
  progress: (done, total) => `${done} з ${total} елементів`,
  waiting: (seconds) => `Чекаємо на ліміт запитів Miro, продовжимо через ${seconds} с`,
  done: (created, updated) =>
    updated > 0 ? `Карта готова: створено ${created}, оновлено ${updated}.` : `Карта готова: створено елементів — ${created}.`,
  failed: (count, reason) => `Не вдалося намалювати елементів: ${count} (${reason}).`,
  finish: 'Домалювати карту',
  regenerate: 'Перебудувати',
  regenerateHint: 'Редагували карту на дошці? «Перебудувати» збереже всі правки й акуратно перебудує карту на місці.',
  regenerating: 'Перебудовуємо карту…',
  regenerated: (title, edits, adopted) => `«${title}» перебудовано: збережено правок з дошки — ${edits}, нових стікерів у карті — ${adopted}.`,
  written: (created, updated, removed) => `Елементів створено: ${created}, оновлено: ${updated}, видалено: ${removed}.`,
  upToDate: (title) => `«${title}» актуальна: перемальовувати нічого.`,
  conflicts: (count) => `Змін і на дошці, і в панелі: ${count}; залишено версію з дошки.`,
  released: (count) => `Елементів, що не стали частиною карти й залишені як є: ${count}.`,
  error: 'Не вдалося намалювати карту',
  regenerateError: 'Не вдалося перебудувати',
  language: 'Мова',
};

/** Every UI string, per language. */
export const STRINGS: Readonly<Record<Locale, Strings>> = { en, ru, uk };

/** Picks the panel language from a BCP 47 tag such as `ru-RU`; English otherwise. */
export function pickLocale(tag: string | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}
