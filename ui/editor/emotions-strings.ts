import { findEmotionStep } from '../../src/model/emotion-scale';
import type { Locale } from '../strings';
import { pluralize } from './editor-strings';

const en = {
  hint: 'How does the persona feel at each stage? Pick a face from −2 to +2 and, if you can, say why in a few words. Arrow keys move between the faces.',
  noPersonas: 'Add a persona first: emotions belong to a persona.',
  noStages: 'Add a stage first: a persona feels something at each stage.',
  persona: 'Persona',
  hiddenPersona: (name: string) => `${name} (hidden)`,
  showLines: 'Show this persona’s lines on the map',
  addToBe: 'Add a to-be line (the experience we design for)',
  asIs: 'As-is',
  toBe: 'To-be',
  why: 'Why',
  whyToBe: 'Why (to-be)',
  noScore: 'No score yet',
  noteTooLong: (length: number, max: number) => `${pluralize('en', length, ['character', 'characters', 'characters'])}: a why holds ${max}; shorten it.`,
  /** The step of the scale in words, for screen readers and tooltips. */
  scoreLabel: (score: number) => findEmotionStep(score).label,
  chartLine: (line: string, points: string) => `${line}: ${points}`,
  chartPoint: (stage: string, score: string | undefined) => (score === undefined ? `${stage} no score` : `${stage} ${score}`),
  chartEmpty: 'Emotion line: no scores yet',
};

/** Every string of the emotions step, in one language. */
export type EmotionsStrings = typeof en;

const RU_SCORE_LABELS: Readonly<Record<number, string>> = { [-2]: 'очень негативно', [-1]: 'негативно', 0: 'нейтрально', 1: 'позитивно', 2: 'очень позитивно' };
const UK_SCORE_LABELS: Readonly<Record<number, string>> = { [-2]: 'дуже негативно', [-1]: 'негативно', 0: 'нейтрально', 1: 'позитивно', 2: 'дуже позитивно' };

const ru: EmotionsStrings = {
  hint: 'Что чувствует персона на каждом этапе? Выберите лицо от −2 до +2 и, если можете, в двух словах объясните почему. Стрелки переключают лица.',
  noPersonas: 'Сначала добавьте персону: эмоции принадлежат персоне.',
  noStages: 'Сначала добавьте этап: персона что-то чувствует на каждом этапе.',
  persona: 'Персона',
  hiddenPersona: (name) => `${name} (скрыта)`,
  showLines: 'Показывать линии этой персоны на карте',
  addToBe: 'Добавить линию «как должно быть» (опыт, который мы проектируем)',
  asIs: 'Как есть',
  toBe: 'Как должно быть',
  why: 'Почему',
  whyToBe: 'Почему (как должно быть)',
  noScore: 'Оценки пока нет',
  noteTooLong: (length, max) => `${pluralize('ru', length, ['символ', 'символа', 'символов'])}: в пояснение помещается ${max}, сократите его.`,
  scoreLabel: (score) => RU_SCORE_LABELS[findEmotionStep(score).score] ?? '',
  chartLine: (line, points) => `${line}: ${points}`,
  chartPoint: (stage, score) => (score === undefined ? `${stage} без оценки` : `${stage} ${score}`),
  chartEmpty: 'Линия эмоций: оценок пока нет',
};

const uk: EmotionsStrings = {
  hint: 'Що відчуває персона на кожному етапі? Оберіть обличчя від −2 до +2 і, якщо можете, коротко поясніть чому. Стрілки перемикають обличчя.',
  noPersonas: 'Спершу додайте персону: емоції належать персоні.',
  noStages: 'Спершу додайте етап: персона щось відчуває на кожному етапі.',
  persona: 'Персона',
  hiddenPersona: (name) => `${name} (прихована)`,
  showLines: 'Показувати лінії цієї персони на карті',
  addToBe: 'Додати лінію «як має бути» (досвід, який ми проєктуємо)',
  asIs: 'Як є',
  toBe: 'Як має бути',
  why: 'Чому',
  whyToBe: 'Чому (як має бути)',
  noScore: 'Оцінки поки немає',
  noteTooLong: (length, max) => `${pluralize('uk', length, ['символ', 'символи', 'символів'])}: у пояснення вміщається ${max}, скоротіть його.`,
  scoreLabel: (score) => UK_SCORE_LABELS[findEmotionStep(score).score] ?? '',
  chartLine: (line, points) => `${line}: ${points}`,
  chartPoint: (stage, score) => (score === undefined ? `${stage} без оцінки` : `${stage} ${score}`),
  chartEmpty: 'Лінія емоцій: оцінок поки немає',
};

/** The emotions step's strings per language. */
export const EMOTIONS_STRINGS: Readonly<Record<Locale, EmotionsStrings>> = { en, ru, uk };
