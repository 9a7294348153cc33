// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Journey } from '../../src/model/journey';
import { parseJourneyFileText } from '../../src/model/journey-file';
import { parseJourney } from '../../src/model/journey-schema';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { mergeSteps } from '../../ui/editor/merge-steps';
import { EmotionsStep } from '../../ui/editor/emotions-step';
import { EMOTIONS_STRINGS } from '../../ui/editor/emotions-strings';
import { renderStep } from './render-step';

afterEach(cleanup);

/**
 * The default template with its Order & pay as one column: these tests are of
 * a map without steps (steps have tests of their own, in
 * editor-steps-inside-stages.test.tsx).
 */
const createSteplessStoreJourney = () => mergeSteps(createOnlineStoreJourney(), 'stage:order');

/** The loyalty programme with two personas, as a person would open it from a file. */
function readLoyaltyJourney(): Journey {
  const parsed = parseJourneyFileText(readFileSync(join(__dirname, '../fixtures/journeys/03-loyalty-two-personas.json'), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const expectValid = (journey: Journey) => {
  const parsed = parseJourney(journey);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
};

/** The controls of one stage, found by its legend. */
const stage = (name: string) => within(screen.getByRole('group', { name }));

const scoreOf = (journey: Journey, persona: string, stageId: string, line: 'as-is' | 'to-be' = 'as-is') =>
  journey.emotions.find((emotion) => emotion.persona === persona && emotion.stage === stageId && (emotion.line ?? 'as-is') === line);

describe('emotions step', () => {
  it('changes a score with the faces, by click and with arrow keys, and keeps the why', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(EmotionsStep, createSteplessStoreJourney());
    const asIs = within(stage('Order & pay').getByRole('radiogroup', { name: 'As-is' }));
    expect((asIs.getByRole('radio', { name: '−2 very negative' }) as HTMLInputElement).checked).toBe(true);
    expect(asIs.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual(['😫−2 very negative', '🙁−1 negative', '😐0 neutral', '🙂+1 positive', '😄+2 very positive']);

    await user.click(asIs.getByRole('radio', { name: '−1 negative' }));
    expect(scoreOf(current(), 'persona:anna', 'stage:order')).toEqual({ persona: 'persona:anna', stage: 'stage:order', score: -1, note: 'Clumsy 14-field order form' });
    await user.keyboard('{ArrowRight}');
    expect(scoreOf(current(), 'persona:anna', 'stage:order')?.score).toBe(0);
    expect((asIs.getByRole('radio', { name: '0 neutral' }) as HTMLInputElement).checked).toBe(true);
    // Other stages keep their scores.
    expect(scoreOf(current(), 'persona:anna', 'stage:delivery')?.score).toBe(-1);
    expectValid(current());
  });

  it('sets, clears and checks the length of the why', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(EmotionsStep, createSteplessStoreJourney());
    const why = stage('Delivery').getByLabelText('Why');
    await user.clear(why);
    expect('note' in (scoreOf(current(), 'persona:anna', 'stage:delivery') ?? {})).toBe(false);
    await user.type(why, 'Courier came a day early');
    expect(scoreOf(current(), 'persona:anna', 'stage:delivery')?.note).toBe('Courier came a day early');
    expect(why.getAttribute('aria-invalid')).toBeNull();

    await user.clear(why);
    await user.paste('w'.repeat(121));
    expect(why.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('121 characters: a why holds 120; shorten it.').id).toBe(why.getAttribute('aria-describedby'));
    await user.keyboard('{Backspace}');
    expect(why.getAttribute('aria-invalid')).toBeNull();
    expectValid(current());
  });

  it('a stage without a score says so, and choosing a face creates the as-is score', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    const { current } = renderStep(EmotionsStep, { ...journey, emotions: journey.emotions.filter((emotion) => emotion.stage !== 'stage:delivery') });
    const delivery = stage('Delivery');
    const group = delivery.getByRole('radiogroup', { name: 'As-is' });
    expect(delivery.getByText('No score yet').id).toBe(group.getAttribute('aria-describedby'));
    expect(within(group).getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
    expect(delivery.getByLabelText('Why').hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Delivery no score');
    // The gap breaks the line: two pieces, not one joined across Delivery.
    expect(screen.getByRole('img').querySelector('.emotions-spark__line--as-is path')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);

    await user.click(within(group).getByRole('radio', { name: '0 neutral' }));
    expect(scoreOf(current(), 'persona:anna', 'stage:delivery')).toEqual({ persona: 'persona:anna', stage: 'stage:delivery', score: 0 });
    expect(delivery.queryByText('No score yet')).toBeNull();
    expect(delivery.getByLabelText('Why').hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('img').querySelector('.emotions-spark__line--as-is path')?.getAttribute('d')?.match(/M/g)).toHaveLength(1);
    expectValid(current());
  });

  it('the sparkline reads the as-is line, and the to-be line once there is one', async () => {
    const user = userEvent.setup();
    renderStep(EmotionsStep, createSteplessStoreJourney());
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe('As-is: Realise the need 0, Search & compare +1, Order & pay −2, Delivery −1, Use & support +1, Repeat or leave +2');
    expect(chart.querySelector('.emotions-spark__line--to-be')).toBeNull();
    await user.click(within(stage('Order & pay').getByRole('radiogroup', { name: 'As-is' })).getByRole('radio', { name: '+1 positive' }));
    expect(chart.getAttribute('aria-label')).toContain('Order & pay +1');
    await user.click(screen.getByLabelText('Add a to-be line (the experience we design for)'));
    expect(chart.getAttribute('aria-label')).toContain('; To-be: Realise the need 0, Search & compare +1, Order & pay +1');
    expect(chart.querySelector('.emotions-spark__line--to-be path')?.getAttribute('d')).toBe(chart.querySelector('.emotions-spark__line--as-is path')?.getAttribute('d'));
  });

  it('the to-be checkbox adds a to-be score at every stage from the as-is one, edited on its own, and unchecking removes them', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(EmotionsStep, createSteplessStoreJourney());
    const toBe = screen.getByLabelText('Add a to-be line (the experience we design for)') as HTMLInputElement;
    expect(toBe.checked).toBe(false);
    expect(screen.queryByRole('radiogroup', { name: 'To-be' })).toBeNull();
    await user.click(toBe);

    const journey = current();
    expect(toBe.checked).toBe(true);
    expect(journey.stages.map((candidate) => scoreOf(journey, 'persona:anna', candidate.id, 'to-be'))).toEqual(
      journey.stages.map((candidate) => ({ persona: 'persona:anna', stage: candidate.id, line: 'to-be', score: scoreOf(journey, 'persona:anna', candidate.id)?.score })),
    );
    expect(screen.getAllByRole('radiogroup', { name: 'To-be' })).toHaveLength(6);
    expectValid(journey);

    const order = stage('Order & pay');
    await user.click(within(order.getByRole('radiogroup', { name: 'To-be' })).getByRole('radio', { name: '+1 positive' }));
    await user.type(order.getByLabelText('Why (to-be)'), 'One-page checkout');
    expect(scoreOf(current(), 'persona:anna', 'stage:order', 'to-be')).toMatchObject({ score: 1, note: 'One-page checkout' });
    expect(scoreOf(current(), 'persona:anna', 'stage:order')).toMatchObject({ score: -2, note: 'Clumsy 14-field order form' });
    expectValid(current());

    await user.click(toBe);
    expect(toBe.checked).toBe(false);
    expect(current().emotions.filter((emotion) => emotion.line === 'to-be')).toEqual([]);
    expect(current().emotions).toEqual(createSteplessStoreJourney().emotions);
    expect(screen.queryByRole('radiogroup', { name: 'To-be' })).toBeNull();

    // Switched on again, the line comes back as it was written, notes included.
    await user.click(toBe);
    expect(scoreOf(current(), 'persona:anna', 'stage:order', 'to-be')).toMatchObject({ score: 1, note: 'One-page checkout' });
    expectValid(current());
  });

  it('switches persona and hides one persona’s lines from the map', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(EmotionsStep, readLoyaltyJourney());
    const picker = screen.getByLabelText('Persona') as HTMLSelectElement;
    expect([...picker.options].map((option) => option.text)).toEqual(['Максим', 'Ольга']);
    await user.selectOptions(picker, 'Ольга');
    const learn = stage('Изучение правил');
    expect((within(learn.getByRole('radiogroup', { name: 'As-is' })).getByRole('radio', { name: '−2 very negative' }) as HTMLInputElement).checked).toBe(true);
    expect((learn.getByLabelText('Why') as HTMLInputElement).value).toBe('Правила сложные');

    const show = screen.getByLabelText('Show this persona’s lines on the map') as HTMLInputElement;
    expect(show.checked).toBe(true);
    await user.click(show);
    expect(current().personas.find((persona) => persona.id === 'persona:olga')?.hidden).toBe(true);
    expect(current().personas.find((persona) => persona.id === 'persona:max')?.hidden).toBeUndefined();
    expect([...picker.options].map((option) => option.text)).toEqual(['Максим', 'Ольга (hidden)']);
    expectValid(current());

    await user.selectOptions(picker, 'Максим');
    expect(show.checked).toBe(true);
    await user.selectOptions(picker, 'persona:olga');
    expect(show.checked).toBe(false);
    await user.click(show);
    expect('hidden' in (current().personas.find((persona) => persona.id === 'persona:olga') ?? {})).toBe(false);

    // Scores belong to the chosen persona only.
    await user.click(within(stage('Списание баллов').getByRole('radiogroup', { name: 'As-is' })).getByRole('radio', { name: '+2 very positive' }));
    expect(scoreOf(current(), 'persona:olga', 'stage:spend')?.score).toBe(2);
    expect(scoreOf(current(), 'persona:max', 'stage:spend')?.score).toBe(2);
    expect(scoreOf(current(), 'persona:olga', 'stage:learn')?.score).toBe(-2);
  });

  it('speaks Russian', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(EmotionsStep, readLoyaltyJourney(), 'ru');
    expect(screen.getByLabelText('Персона')).toBeTruthy();
    expect(screen.getByLabelText('Показывать линии этой персоны на карте')).toBeTruthy();
    const join = stage('Вступление в программу');
    await user.click(within(join.getByRole('radiogroup', { name: 'Как есть' })).getByRole('radio', { name: '−1 негативно' }));
    expect(scoreOf(current(), 'persona:max', 'stage:join')?.score).toBe(-1);
    expect(join.getByLabelText('Почему')).toBeTruthy();
    await user.click(screen.getByLabelText('Добавить линию «как должно быть» (опыт, который мы проектируем)'));
    expect(join.getByRole('radiogroup', { name: 'Как должно быть' })).toBeTruthy();
    expect(join.getByLabelText('Почему (как должно быть)')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Как есть: Вступление в программу −1, .*; Как должно быть: Вступление в программу −1/);
  });
});

describe('emotions step strings', () => {
  it('are Russian and Ukrainian, with plural forms that agree with the number', () => {
    for (const locale of ['ru', 'uk'] as const) {
      const strings = EMOTIONS_STRINGS[locale];
      for (const [key, value] of Object.entries(strings)) {
        // These two only join the texts and scores given to them; their one word of their own is checked below.
        if (key === 'chartLine' || key === 'chartPoint') continue;
        const samples = typeof value === 'function' ? [-2, -1, 0, 1, 2].map((n) => (value as (...args: unknown[]) => string)(n, 120)) : [value];
        for (const text of samples) expect(text, `${locale}.${key}`).toMatch(/[а-яіїєґё]/i);
      }
    }
    expect(EMOTIONS_STRINGS.ru.chartPoint('Поиск', undefined)).toBe('Поиск без оценки');
    expect(EMOTIONS_STRINGS.uk.chartPoint('Пошук', undefined)).toBe('Пошук без оцінки');
    expect(EMOTIONS_STRINGS.ru.noteTooLong(121, 120)).toBe('121 символ: в пояснение помещается 120, сократите его.');
    expect(EMOTIONS_STRINGS.ru.noteTooLong(122, 120).split(':')[0]).toBe('122 символа');
    expect(EMOTIONS_STRINGS.uk.noteTooLong(125, 120).split(':')[0]).toBe('125 символів');
    expect(EMOTIONS_STRINGS.uk.noteTooLong(123, 120).split(':')[0]).toBe('123 символи');
  });
});
