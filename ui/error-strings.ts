import type { AppError } from '../src/app/app-error';
import type { MapTimeoutError } from '../src/app/map-channel';
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

/** Words of each AppError; `retry` is the next step, naming the button the person clicked (or "try again"). */
type ErrorWords = { [C in AppError['code']]: (reason: Extract<AppError, { code: C }>, retry: string) => string } & {
  /** The other end never answered (the FigJam panel opened without its plugin). */
  timeout: (seconds: number) => string;
  retry: (button: string | undefined) => string;
};

const en: ErrorWords = {
  'no-map': () => 'There is no CJM map here. Insert one with Insert CJM template first.',
  'several-selected': ({ titles }, retry) => `The selection touches ${titles.length} maps (${listTitles(titles, (n) => `and ${n} more`)}). Select items of one map and ${retry}.`,
  'several-maps': ({ titles }, retry) => `There are ${titles.length} maps here (${listTitles(titles, (n) => `and ${n} more`)}). Select one on the board and ${retry}.`,
  'map-gone': ({ title }) => (title === undefined ? 'The map is no longer on the board. Insert it again.' : `The map “${title}” is no longer on the board. Insert it again.`),
  'no-record': ({ title }) => `The map “${title}” has no journey stored with it, so its edits cannot be read. Insert the map again from the panel.`,
  'record-damaged': ({ title, details }) => `The journey stored with “${title}” is damaged (${formatDetails(details)}). Insert the map again from the panel.`,
  'record-newer': ({ title, version, supported }) => `The map “${title}” was saved by a newer cjm-board (version ${version}; this one reads up to ${supported}). Update cjm-board to work on it.`,
  'map-busy': ({ name, seconds }, retry) => `${name || 'Someone'} is regenerating this map right now. In a moment (within ${seconds} s), ${retry}.`,
  'invalid-edits': ({ details }, retry) => `The board’s edits would make an invalid journey (${formatDetails(details)}). Fix that on the board and ${retry}.`,
  'bad-message': ({ details }) => `The plugin could not read a message (${formatDetails(details)}). Reload the plugin.`,
  unexpected: ({ detail }, retry) => `Something went wrong: ${detail}. Nothing else was changed; ${retry}.`,
  timeout: (seconds) => `The plugin did not answer in ${seconds} s. Run it again from the menu.`,
  retry: (button) => (button ? `click “${button}” again` : 'try again'),
};

const ru: ErrorWords = {
  'no-map': () => 'Здесь нет карты CJM. Сначала вставьте её кнопкой «Вставить шаблон CJM».',
  'several-selected': ({ titles }, retry) => `Выделение задевает несколько карт (${titles.length}: ${listTitles(titles, (n) => `и ещё ${n}`)}). Выделите элементы одной карты и ${retry}.`,
  'several-maps': ({ titles }, retry) => `Здесь несколько карт (${titles.length}: ${listTitles(titles, (n) => `и ещё ${n}`)}). Выделите одну на доске и ${retry}.`,
  'map-gone': ({ title }) => (title === undefined ? 'Карты больше нет на доске. Вставьте её заново.' : `Карты «${title}» больше нет на доске. Вставьте её заново.`),
  'no-record': ({ title }) => `С картой «${title}» не сохранён путь клиента, поэтому её правки нельзя прочитать. Вставьте карту заново из панели.`,
  'record-damaged': ({ title, details }) => `Путь клиента, сохранённый с картой «${title}», повреждён (${formatDetails(details)}). Вставьте карту заново из панели.`,
  'record-newer': ({ title, version, supported }) => `Карта «${title}» сохранена более новой версией cjm-board (версия ${version}; эта читает до ${supported}). Обновите cjm-board, чтобы работать с ней.`,
  'map-busy': ({ name, seconds }, retry) => `${name || 'Кто-то другой'} сейчас перестраивает эту карту. Чуть позже (не дольше ${seconds} с) ${retry}.`,
  'invalid-edits': ({ details }, retry) => `Правки на доске дают недопустимый путь клиента (${formatDetails(details)}). Исправьте это на доске и ${retry}.`,
  'bad-message': ({ details }) => `Плагин не смог прочитать сообщение (${formatDetails(details)}). Перезапустите плагин.`,
  unexpected: ({ detail }, retry) => `Что-то пошло не так: ${detail}. Больше ничего не изменено; ${retry}.`,
  timeout: (seconds) => `Плагин не ответил за ${seconds} с. Запустите его снова из меню.`,
  retry: (button) => (button ? `снова нажмите «${button}»` : 'повторите'),
};

const uk: ErrorWords = {
  'no-map': () => 'Тут немає карти CJM. Спершу вставте її кнопкою «Вставити шаблон CJM».',
  'several-selected': ({ titles }, retry) => `Виділення зачіпає кілька карт (${titles.length}: ${listTitles(titles, (n) => `і ще ${n}`)}). Виділіть елементи однієї карти й ${retry}.`,
  'several-maps': ({ titles }, retry) => `Тут кілька карт (${titles.length}: ${listTitles(titles, (n) => `і ще ${n}`)}). Виділіть одну на дошці й ${retry}.`,
  'map-gone': ({ title }) => (title === undefined ? 'Карти більше немає на дошці. Вставте її знову.' : `Карти «${title}» більше немає на дошці. Вставте її знову.`),
  'no-record': ({ title }) => `З картою «${title}» не збережено шлях клієнта, тож її правки не можна прочитати. Вставте карту знову з панелі.`,
  'record-damaged': ({ title, details }) => `Шлях клієнта, збережений з картою «${title}», пошкоджено (${formatDetails(details)}). Вставте карту знову з панелі.`,
  'record-newer': ({ title, version, supported }) => `Карту «${title}» збережено новішою версією cjm-board (версія ${version}; ця читає до ${supported}). Оновіть cjm-board, щоб працювати з нею.`,
  'map-busy': ({ name, seconds }, retry) => `${name || 'Хтось інший'} зараз перебудовує цю карту. Трохи згодом (не довше ${seconds} с) ${retry}.`,
  'invalid-edits': ({ details }, retry) => `Правки на дошці дають неприпустимий шлях клієнта (${formatDetails(details)}). Виправте це на дошці й ${retry}.`,
  'bad-message': ({ details }) => `Плагін не зміг прочитати повідомлення (${formatDetails(details)}). Перезапустіть плагін.`,
  unexpected: ({ detail }, retry) => `Щось пішло не так: ${detail}. Більше нічого не змінено; ${retry}.`,
  timeout: (seconds) => `Плагін не відповів за ${seconds} с. Запустіть його знову з меню.`,
  retry: (button) => (button ? `знову натисніть «${button}»` : 'повторіть'),
};

const ERROR_WORDS: Record<Locale, ErrorWords> = { en, ru, uk };

/** An AppError in the panel's language; its next step names `button`, the one the person clicked, when given. */
export function describeAppErrorIn(locale: Locale, reason: AppError, button?: string): string {
  const words = ERROR_WORDS[locale];
  return (words[reason.code] as (reason: AppError, retry: string) => string)(reason, words.retry(button));
}

/**
 * Any error a panel request rejected with, in the panel's language, its next
 * step naming `button` when given; a request left unanswered says so, and an
 * error without a reason is shown as the unexpected one.
 */
export function describeErrorIn(locale: Locale, error: unknown, button?: string): string {
  // Known by name: the channel's module stays out of the Miro panel's first part.
  if (error instanceof Error && error.name === 'MapTimeoutError') return ERROR_WORDS[locale].timeout(Math.round((error as MapTimeoutError).timeoutMs / 1000));
  if (typeof error === 'object' && error !== null && 'reason' in error) {
    const reason = (error as { reason: AppError }).reason;
    if (typeof reason === 'object' && typeof reason.code === 'string' && reason.code in ERROR_WORDS[locale]) return describeAppErrorIn(locale, reason, button);
  }
  return describeAppErrorIn(locale, { code: 'unexpected', detail: error instanceof Error ? error.message : String(error) }, button);
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
