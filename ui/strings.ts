import type { ImportPreview } from '../src/model/formats/import-journey';

/** The languages the panel speaks. */
export const LOCALES = ['en', 'ru', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];

/** "1 card", "2 cards": English plurals. */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

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
  filesToggle: 'Import, check and export…',
  importTitle: 'Import a journey',
  importHint: 'From a spreadsheet (CSV, wide or long), a Mermaid user journey or a cjm-board JSON file. You see what it holds before anything is drawn.',
  importFile: 'Journey file',
  importPreview: (fileName: string, preview: ImportPreview) =>
    `${fileName}: “${preview.title}”, ${count(preview.stages, 'stage')}, ${count(preview.lanes, 'lane')}, ${count(preview.cards, 'card')}, ${count(preview.personas, 'persona')}, ${count(preview.scores, 'emotion score')}.`,
  importInsert: 'Insert this map',
  importInvalid: (fileName: string, problems: number) => `${fileName} cannot be imported (${count(problems, 'problem')}); nothing was drawn:`,
  importMoreErrors: (count: number) => `…and ${count} more.`,
  checkTitle: 'Check and export the map',
  checkHint: 'Select a map on the board (or keep just one), then check it against the method and export it.',
  checkButton: 'Check the map',
  checkSummary: (title: string, errors: number, warnings: number) => `“${title}”: ${count(errors, 'error')}, ${count(warnings, 'warning')}.`,
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  happiness: (name: string, percent: number, positive: number, total: number) => `Happiness of ${name}: ${percent} % (${positive} of ${total} stages positive).`,
  exportTitle: 'Export',
  showOnBoard: 'Show on board',
  evidenceTitle: 'Evidence of the cards',
  evidenceHint: 'What each card rests on. The map shows it under the sticky, and the check flags stages that rest only on assumptions.',
  evidenceNone: '— not set —',
  evidenceKinds: { interview: 'Interview', survey: 'Survey', analytics: 'Analytics', support: 'Support tickets', observation: 'Observation', assumption: 'Assumption' },
  evidenceApply: 'Update the map',
  evidenceChanged: (changed: number) => (changed === 0 ? 'No changes yet.' : `${count(changed, 'card')} changed; board edits made meanwhile are kept.`),
  compareFile: 'Compare with an earlier version (file)',
  compareNow: 'now',
  compareChart: 'Emotion per stage: the earlier version dashed, the map now solid',
  compareTitle: (fileName: string) => `Changes since ${fileName}`,
};

/** Every string of one language. */
export type Strings = typeof en;

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
  filesToggle: 'Импорт, проверка и экспорт…',
  importTitle: 'Импорт пути',
  importHint: 'Из таблицы (CSV, широкой или длинной), пользовательского пути Mermaid или JSON-файла cjm-board. Сначала вы увидите, что в нём, и только потом карта будет нарисована.',
  importFile: 'Файл пути',
  importPreview: (fileName, preview) =>
    `${fileName}: «${preview.title}», этапов — ${preview.stages}, дорожек — ${preview.lanes}, карточек — ${preview.cards}, персон — ${preview.personas}, оценок эмоций — ${preview.scores}.`,
  importInsert: 'Вставить эту карту',
  importInvalid: (fileName, count) => `${fileName} не импортирован (проблем: ${count}); ничего не нарисовано:`,
  importMoreErrors: (count) => `…и ещё ${count}.`,
  checkTitle: 'Проверка и экспорт карты',
  checkHint: 'Выделите карту на доске (или оставьте одну), затем проверьте её по методике и экспортируйте.',
  checkButton: 'Проверить карту',
  checkSummary: (title, errors, warnings) => `«${title}»: ошибок — ${errors}, предупреждений — ${warnings}.`,
  severity: { error: 'Ошибка', warning: 'Предупреждение', info: 'Заметка' },
  happiness: (name, percent, positive, total) => `Удовлетворённость (${name}): ${percent} % (положительных этапов: ${positive} из ${total}).`,
  exportTitle: 'Экспорт',
  showOnBoard: 'Показать на доске',
  evidenceTitle: 'Основания карточек',
  evidenceHint: 'На чём основана каждая карточка. Карта покажет это под стикером, а проверка отметит этапы, которые держатся только на допущениях.',
  evidenceNone: '— не указано —',
  evidenceKinds: { interview: 'Интервью', survey: 'Опрос', analytics: 'Аналитика', support: 'Обращения в поддержку', observation: 'Наблюдение', assumption: 'Допущение' },
  evidenceApply: 'Обновить карту',
  evidenceChanged: (changed) => (changed === 0 ? 'Изменений пока нет.' : `Изменено карточек: ${changed}; правки на доске, сделанные тем временем, сохранятся.`),
  compareFile: 'Сравнить с прежней версией (файл)',
  compareNow: 'сейчас',
  compareChart: 'Эмоции по этапам: прежняя версия пунктиром, карта сейчас сплошной линией',
  compareTitle: (fileName) => `Изменения с ${fileName}`,
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
  filesToggle: 'Імпорт, перевірка та експорт…',
  importTitle: 'Імпорт шляху',
  importHint: 'З таблиці (CSV, широкої чи довгої), шляху користувача Mermaid або JSON-файлу cjm-board. Спершу ви побачите, що в ньому, і лише потім карту буде намальовано.',
  importFile: 'Файл шляху',
  importPreview: (fileName, preview) =>
    `${fileName}: «${preview.title}», етапів — ${preview.stages}, доріжок — ${preview.lanes}, карток — ${preview.cards}, персон — ${preview.personas}, оцінок емоцій — ${preview.scores}.`,
  importInsert: 'Вставити цю карту',
  importInvalid: (fileName, count) => `${fileName} не імпортовано (проблем: ${count}); нічого не намальовано:`,
  importMoreErrors: (count) => `…і ще ${count}.`,
  checkTitle: 'Перевірка та експорт карти',
  checkHint: 'Виділіть карту на дошці (або залиште одну), потім перевірте її за методикою та експортуйте.',
  checkButton: 'Перевірити карту',
  checkSummary: (title, errors, warnings) => `«${title}»: помилок — ${errors}, попереджень — ${warnings}.`,
  severity: { error: 'Помилка', warning: 'Попередження', info: 'Примітка' },
  happiness: (name, percent, positive, total) => `Задоволеність (${name}): ${percent} % (позитивних етапів: ${positive} з ${total}).`,
  exportTitle: 'Експорт',
  showOnBoard: 'Показати на дошці',
  evidenceTitle: 'Підстави карток',
  evidenceHint: 'На чому ґрунтується кожна картка. Карта покаже це під стікером, а перевірка позначить етапи, що тримаються лише на припущеннях.',
  evidenceNone: '— не вказано —',
  evidenceKinds: { interview: 'Інтерв’ю', survey: 'Опитування', analytics: 'Аналітика', support: 'Звернення до підтримки', observation: 'Спостереження', assumption: 'Припущення' },
  evidenceApply: 'Оновити карту',
  evidenceChanged: (changed) => (changed === 0 ? 'Змін поки немає.' : `Змінено карток: ${changed}; правки на дошці, зроблені тим часом, збережуться.`),
  compareFile: 'Порівняти з попередньою версією (файл)',
  compareNow: 'зараз',
  compareChart: 'Емоції за етапами: попередня версія пунктиром, карта зараз суцільною лінією',
  compareTitle: (fileName) => `Зміни від ${fileName}`,
};

/** Every UI string, per language. */
export const STRINGS: Readonly<Record<Locale, Strings>> = { en, ru, uk };

/** Picks the panel language from a BCP 47 tag such as `ru-RU`; English otherwise. */
export function pickLocale(tag: string | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}
