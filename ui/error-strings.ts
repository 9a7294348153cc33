import type { AppError } from '../src/app/app-error';
import type { ValidationError } from '../src/model/parse-result';
import type { MapChoice } from '../src/sync/regenerate-map';
import type { Locale } from './strings';

/** Titles of maps for a message: at most three, then how many more, in the panel's language. */
function listTitles(titles: readonly string[], more: (count: number) => string): string {
  const quoted = titles.slice(0, 3).map((title) => `«${title}»`);
  return titles.length > 3 ? `${quoted.join(', ')} ${more(titles.length - 3)}` : quoted.join(', ');
}

/** Field-level details (paths and the validator's words) shown after the sentence, as found. */
const formatDetails = (details: readonly ValidationError[]): string =>
  details
    .slice(0, 3)
    .map((error) => `${error.path}: ${error.message}`)
    .join('; ');

type ErrorWords = { [C in AppError['code']]: (reason: Extract<AppError, { code: C }>) => string };

const en: ErrorWords = {
  'no-map': () => 'There is no CJM map here. Insert one with Insert CJM template first.',
  'several-selected': ({ titles }) => `The selection touches ${titles.length} maps (${listTitles(titles, (n) => `and ${n} more`)}). Select items of one map and try again.`,
  'several-maps': ({ titles }) => `There are ${titles.length} maps here (${listTitles(titles, (n) => `and ${n} more`)}). Select one of them and try again.`,
  'map-gone': ({ title }) => (title === undefined ? 'The map is no longer on the board. Insert it again.' : `The map “${title}” is no longer on the board. Insert it again.`),
  'no-record': ({ title }) => `The map “${title}” has no journey stored with it, so its edits cannot be read. Insert the map again from the panel.`,
  'record-damaged': ({ title, details }) => `The journey stored with “${title}” is damaged (${formatDetails(details)}). Insert the map again from the panel.`,
  'record-newer': ({ title, version, supported }) => `The map “${title}” was saved by a newer cjm-board (version ${version}; this one reads up to ${supported}). Update cjm-board to work on it.`,
  'map-busy': ({ name, seconds }) => `${name || 'Someone'} is regenerating this map right now. Try again in a moment (within ${seconds} s).`,
  'invalid-edits': ({ details }) => `The board’s edits would make an invalid journey (${formatDetails(details)}). Fix that on the board and run Regenerate again.`,
  'bad-message': ({ details }) => `The plugin could not read a message (${formatDetails(details)}). Reload the plugin.`,
  unexpected: ({ detail }) => `Something went wrong: ${detail}. Nothing else was changed; try again.`,
};

const ru: ErrorWords = {
  'no-map': () => 'Здесь нет карты CJM. Сначала вставьте её кнопкой «Вставить шаблон CJM».',
  'several-selected': ({ titles }) => `Выделение задевает несколько карт (${titles.length}: ${listTitles(titles, (n) => `и ещё ${n}`)}). Выделите элементы одной карты и повторите.`,
  'several-maps': ({ titles }) => `Здесь несколько карт (${titles.length}: ${listTitles(titles, (n) => `и ещё ${n}`)}). Выделите одну из них и повторите.`,
  'map-gone': ({ title }) => (title === undefined ? 'Карты больше нет на доске. Вставьте её заново.' : `Карты «${title}» больше нет на доске. Вставьте её заново.`),
  'no-record': ({ title }) => `С картой «${title}» не сохранён путь клиента, поэтому её правки нельзя прочитать. Вставьте карту заново из панели.`,
  'record-damaged': ({ title, details }) => `Путь клиента, сохранённый с картой «${title}», повреждён (${formatDetails(details)}). Вставьте карту заново из панели.`,
  'record-newer': ({ title, version, supported }) => `Карта «${title}» сохранена более новой версией cjm-board (версия ${version}; эта читает до ${supported}). Обновите cjm-board, чтобы работать с ней.`,
  'map-busy': ({ name, seconds }) => `${name || 'Кто-то другой'} сейчас перестраивает эту карту. Попробуйте ещё раз через минуту (не дольше ${seconds} с).`,
  'invalid-edits': ({ details }) => `Правки на доске дают недопустимый путь клиента (${formatDetails(details)}). Исправьте это на доске и снова нажмите «Перестроить».`,
  'bad-message': ({ details }) => `Плагин не смог прочитать сообщение (${formatDetails(details)}). Перезапустите плагин.`,
  unexpected: ({ detail }) => `Что-то пошло не так: ${detail}. Больше ничего не изменено; попробуйте ещё раз.`,
};

const uk: ErrorWords = {
  'no-map': () => 'Тут немає карти CJM. Спершу вставте її кнопкою «Вставити шаблон CJM».',
  'several-selected': ({ titles }) => `Виділення зачіпає кілька карт (${titles.length}: ${listTitles(titles, (n) => `і ще ${n}`)}). Виділіть елементи однієї карти й повторіть.`,
  'several-maps': ({ titles }) => `Тут кілька карт (${titles.length}: ${listTitles(titles, (n) => `і ще ${n}`)}). Виділіть одну з них і повторіть.`,
  'map-gone': ({ title }) => (title === undefined ? 'Карти більше немає на дошці. Вставте її знову.' : `Карти «${title}» більше немає на дошці. Вставте її знову.`),
  'no-record': ({ title }) => `З картою «${title}» не збережено шлях клієнта, тож її правки не можна прочитати. Вставте карту знову з панелі.`,
  'record-damaged': ({ title, details }) => `Шлях клієнта, збережений з картою «${title}», пошкоджено (${formatDetails(details)}). Вставте карту знову з панелі.`,
  'record-newer': ({ title, version, supported }) => `Карту «${title}» збережено новішою версією cjm-board (версія ${version}; ця читає до ${supported}). Оновіть cjm-board, щоб працювати з нею.`,
  'map-busy': ({ name, seconds }) => `${name || 'Хтось інший'} зараз перебудовує цю карту. Спробуйте ще раз за хвилину (не довше ${seconds} с).`,
  'invalid-edits': ({ details }) => `Правки на дошці дають неприпустимий шлях клієнта (${formatDetails(details)}). Виправте це на дошці й знову натисніть «Перебудувати».`,
  'bad-message': ({ details }) => `Плагін не зміг прочитати повідомлення (${formatDetails(details)}). Перезапустіть плагін.`,
  unexpected: ({ detail }) => `Щось пішло не так: ${detail}. Більше нічого не змінено; спробуйте ще раз.`,
};

const ERROR_WORDS: Record<Locale, ErrorWords> = { en, ru, uk };

/** An AppError in the panel's language. */
export function describeAppErrorIn(locale: Locale, reason: AppError): string {
  const words = ERROR_WORDS[locale][reason.code] as (reason: AppError) => string;
  return words(reason);
}

/** Any error a panel request rejected with, in the panel's language (an error without a reason is shown as the unexpected one). */
export function describeErrorIn(locale: Locale, error: unknown): string {
  if (typeof error === 'object' && error !== null && 'reason' in error) {
    const reason = (error as { reason: AppError }).reason;
    if (typeof reason === 'object' && typeof reason.code === 'string' && reason.code in ERROR_WORDS[locale]) return describeAppErrorIn(locale, reason);
  }
  return describeAppErrorIn(locale, { code: 'unexpected', detail: error instanceof Error ? error.message : String(error) });
}

const CHOICE_WORDS: Record<Locale, Record<MapChoice, string>> = {
  en: { selection: 'Chosen by the selection on the board.', panel: 'Nothing was selected: the map this panel drew last.', only: 'Nothing was selected: the only map here.' },
  ru: { selection: 'Выбрана по выделению на доске.', panel: 'Ничего не выделено: карта, нарисованная этой панелью последней.', only: 'Ничего не выделено: единственная карта здесь.' },
  uk: { selection: 'Обрано за виділенням на дошці.', panel: 'Нічого не виділено: карта, яку ця панель намалювала останньою.', only: 'Нічого не виділено: єдина карта тут.' },
};

/** How the map of a run was chosen, in the panel's language. */
export function describeMapChoiceIn(locale: Locale, choice: MapChoice): string {
  return CHOICE_WORDS[locale][choice];
}
