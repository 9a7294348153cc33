import { MAX_STICKY_TEXT } from '../../src/model/health-check';
import type { Locale } from '../strings';
import { pluralize } from './editor-strings';

const en = {
  hint: 'Enter adds a card below, Shift+Enter starts a new line, Backspace in an empty card deletes it. Alt+↑/↓ reorders a card, Alt+←/→ moves it to another stage.',
  stage: 'Stage',
  noStages: 'Add a stage first: cards sit in a stage and a lane.',
  noLanes: 'Switch on or add a lane first: cards sit in a stage and a lane.',
  cardLabel: (position: number, lane: string, stage: string) => `Card ${position} in ${lane}, ${stage}`,
  emptyCell: 'No cards yet.',
  /** Visible part of the add button; `addCardTo` follows it, visually hidden, to name the lane. */
  addCard: 'Add a card',
  addCardTo: (lane: string) => ` to ${lane}`,
  moveUp: 'Move up',
  moveDown: 'Move down',
  movePreviousStage: 'Move to the previous stage',
  moveNextStage: 'Move to the next stage',
  deleteCard: 'Delete card',
  speaksFor: 'Speaks for',
  everyone: 'everyone',
  emptyText: 'A card needs text; delete it instead.',
  tooLong: (length: number) => `${pluralize('en', length, ['character', 'characters', 'characters'])}: a sticky holds ${MAX_STICKY_TEXT}; shorten it.`,
  movedToStage: (stage: string) => `Card moved to “${stage}”.`,
  movedToPosition: (position: number, total: number) => `Card moved to position ${position} of ${total}.`,
  deleted: 'Card deleted.',
};

/** Every string of the cards step, in one language. */
export type CellsStrings = typeof en;

const ru: CellsStrings = {
  hint: 'Enter добавляет карточку ниже, Shift+Enter начинает новую строку, Backspace в пустой карточке удаляет её. Alt+↑/↓ меняет порядок карточек, Alt+←/→ переносит карточку на другой этап.',
  stage: 'Этап',
  noStages: 'Сначала добавьте этап: карточка находится на пересечении этапа и дорожки.',
  noLanes: 'Сначала включите или добавьте дорожку: карточка находится на пересечении этапа и дорожки.',
  cardLabel: (position, lane, stage) => `Карточка ${position} в «${lane}», этап «${stage}»`,
  emptyCell: 'Карточек пока нет.',
  addCard: 'Добавить карточку',
  addCardTo: (lane) => ` в «${lane}»`,
  moveUp: 'Переместить выше',
  moveDown: 'Переместить ниже',
  movePreviousStage: 'Перенести на предыдущий этап',
  moveNextStage: 'Перенести на следующий этап',
  deleteCard: 'Удалить карточку',
  speaksFor: 'Персона',
  everyone: 'все',
  emptyText: 'В карточке нет текста: напишите его или удалите карточку.',
  tooLong: (length) => `${pluralize('ru', length, ['символ', 'символа', 'символов'])}: на стикер помещается ${MAX_STICKY_TEXT}, сократите текст.`,
  movedToStage: (stage) => `Карточка перенесена на этап «${stage}».`,
  movedToPosition: (position, total) => `Карточка теперь ${position}-я из ${total}.`,
  deleted: 'Карточка удалена.',
};

const uk: CellsStrings = {
  hint: 'Enter додає картку нижче, Shift+Enter починає новий рядок, Backspace у порожній картці видаляє її. Alt+↑/↓ змінює порядок карток, Alt+←/→ переносить картку на інший етап.',
  stage: 'Етап',
  noStages: 'Спершу додайте етап: картка розташована на перетині етапу й доріжки.',
  noLanes: 'Спершу увімкніть або додайте доріжку: картка розташована на перетині етапу й доріжки.',
  cardLabel: (position, lane, stage) => `Картка ${position} у «${lane}», етап «${stage}»`,
  emptyCell: 'Карток поки немає.',
  addCard: 'Додати картку',
  addCardTo: (lane) => ` до «${lane}»`,
  moveUp: 'Перемістити вище',
  moveDown: 'Перемістити нижче',
  movePreviousStage: 'Перенести на попередній етап',
  moveNextStage: 'Перенести на наступний етап',
  deleteCard: 'Видалити картку',
  speaksFor: 'Персона',
  everyone: 'усі',
  emptyText: 'У картці немає тексту: напишіть його або видаліть картку.',
  tooLong: (length) => `${pluralize('uk', length, ['символ', 'символи', 'символів'])}: на стікер уміщається ${MAX_STICKY_TEXT}, скоротіть текст.`,
  movedToStage: (stage) => `Картку перенесено на етап «${stage}».`,
  movedToPosition: (position, total) => `Картка тепер ${position}-а з ${total}.`,
  deleted: 'Картку видалено.',
};

/** The cards step's strings per language. */
export const CELLS_STRINGS: Readonly<Record<Locale, CellsStrings>> = { en, ru, uk };
