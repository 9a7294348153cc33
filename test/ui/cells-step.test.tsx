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
import { CellsStep } from '../../ui/editor/cells-step';
import { CELLS_STRINGS } from '../../ui/editor/cells-strings';
import { renderStep } from './render-step';

afterEach(cleanup);

/** The loyalty programme with two personas, as a person would open it from a file. */
function readLoyaltyJourney(): Journey {
  const parsed = parseJourneyFileText(readFileSync(join(__dirname, '../fixtures/journeys/03-loyalty-two-personas.json'), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** Ids of the cards of one cell, in the order of `journey.cards`. */
const cellIds = (journey: Journey, stage: string, lane: string) => journey.cards.filter((card) => card.stage === stage && card.lane === lane).map((card) => card.id);

const expectValid = (journey: Journey) => {
  const parsed = parseJourney(journey);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
};

describe('cards step', () => {
  it('adds a card with the button of its lane, focuses it and keeps it next to its cell in reading order', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createOnlineStoreJourney());
    expect((screen.getByLabelText('Stage') as HTMLSelectElement).value).toBe('stage:need');
    await user.click(screen.getByRole('button', { name: /add a card to touchpoints/i }));

    const field = screen.getByRole('textbox', { name: 'Card 3 in Touchpoints, Realise the need' });
    expect(document.activeElement).toBe(field);
    // A card just added is empty on purpose: it does not complain before the person has typed.
    expect(field.getAttribute('aria-invalid')).toBeNull();
    await user.keyboard('Billboard near the metro');

    const ids = current().cards.map((card) => card.id);
    expect(ids.indexOf('card:n1')).toBe(ids.indexOf('card:touchpoints-need-2') + 1);
    expect(current().cards.find((card) => card.id === 'card:n1')).toEqual({ id: 'card:n1', stage: 'stage:need', lane: 'lane:touchpoints', text: 'Billboard near the metro' });
    expectValid(current());
  });

  it('Enter adds the next card after the current one, Shift+Enter breaks the line, Backspace in an empty card deletes it', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createOnlineStoreJourney());
    await user.type(screen.getByRole('textbox', { name: 'Card 1 in Touchpoints, Realise the need' }), '{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 2 in Touchpoints, Realise the need' }));
    await user.keyboard('Neighbour{Shift>}{Enter}{/Shift}says so');
    expect(cellIds(current(), 'stage:need', 'lane:touchpoints')).toEqual(['card:touchpoints-need-1', 'card:n1', 'card:touchpoints-need-2']);
    expect(current().cards.find((card) => card.id === 'card:touchpoints-need-1')?.text).toBe('Friend\u2019s recommendation');
    expect(current().cards.find((card) => card.id === 'card:n1')?.text).toBe('Neighbour\nsays so');

    await user.keyboard('{Enter}');
    expect(cellIds(current(), 'stage:need', 'lane:touchpoints')).toEqual(['card:touchpoints-need-1', 'card:n1', 'card:n2', 'card:touchpoints-need-2']);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 3 in Touchpoints, Realise the need' }));
    await user.keyboard('{Backspace}');
    expect(cellIds(current(), 'stage:need', 'lane:touchpoints')).toEqual(['card:touchpoints-need-1', 'card:n1', 'card:touchpoints-need-2']);
    // Focus goes back to the previous card with the caret at its end, so typing goes on where it was.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 2 in Touchpoints, Realise the need' }));
    await user.keyboard('!');
    expect(current().cards.find((card) => card.id === 'card:n1')?.text).toBe('Neighbour\nsays so!');
    // Backspace in a card with text edits the text, it does not delete the card.
    await user.keyboard('{Backspace}');
    expect(current().cards).toHaveLength(createOnlineStoreJourney().cards.length + 1);
    expect(screen.getByRole('status').textContent).toBe('Card deleted.');
    expectValid(current());
  });

  it('deleting the only card of a cell with Backspace focuses that lane’s add button', async () => {
    const user = userEvent.setup();
    const journey = createOnlineStoreJourney();
    const { current } = renderStep(CellsStep, { ...journey, cards: journey.cards.filter((card) => !(card.stage === 'stage:need' && card.lane === 'lane:channels')) });
    await user.click(screen.getByRole('button', { name: 'Add a card to Channels' }));
    await user.keyboard('{Backspace}');
    expect(cellIds(current(), 'stage:need', 'lane:channels')).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a card to Channels' }));
  });

  it('Alt+↑/↓ reorder a card in its cell, Alt+←/→ move it to the neighbouring stage and the picker follows', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createOnlineStoreJourney());
    await user.selectOptions(screen.getByLabelText('Stage'), screen.getByRole('option', { name: 'Order & pay' }));
    const first = screen.getByRole('textbox', { name: 'Card 1 in Goals & actions, Order & pay' }) as HTMLTextAreaElement;
    expect(first.value).toBe('Adds the kettle to the cart');
    await user.click(first);

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(cellIds(current(), 'stage:order', 'lane:actions')).toEqual(['card:actions-order-2', 'card:actions-order-1', 'card:actions-order-3']);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 2 in Goals & actions, Order & pay' }));
    expect((document.activeElement as HTMLTextAreaElement).value).toBe('Adds the kettle to the cart');
    expect(screen.getByRole('status').textContent).toBe('Card moved to position 2 of 3.');
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}{Alt>}{ArrowUp}{/Alt}');
    expect(cellIds(current(), 'stage:order', 'lane:actions')).toEqual(['card:actions-order-1', 'card:actions-order-2', 'card:actions-order-3']);

    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    const moved = current().cards.find((card) => card.id === 'card:actions-order-1');
    expect(moved?.stage).toBe('stage:delivery');
    expect(cellIds(current(), 'stage:delivery', 'lane:actions')).toEqual(['card:actions-delivery-1', 'card:actions-delivery-2', 'card:actions-order-1']);
    const ids = current().cards.map((card) => card.id);
    expect(ids.indexOf('card:actions-order-1')).toBe(ids.indexOf('card:actions-delivery-2') + 1);
    expect((screen.getByLabelText('Stage') as HTMLSelectElement).value).toBe('stage:delivery');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 3 in Goals & actions, Delivery' }));
    expect(screen.getByRole('status').textContent).toBe('Card moved to “Delivery”.');

    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(cellIds(current(), 'stage:order', 'lane:actions')).toEqual(['card:actions-order-2', 'card:actions-order-3', 'card:actions-order-1']);
    expect((screen.getByLabelText('Stage') as HTMLSelectElement).value).toBe('stage:order');
    expect(current().cards).toHaveLength(createOnlineStoreJourney().cards.length);
    expectValid(current());
  });

  it('moves and deletes a card with its buttons, which are off where a move is impossible', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createOnlineStoreJourney());
    const card = () => within(screen.getByRole('group', { name: 'Card 1 in Touchpoints, Realise the need' }));
    expect(card().getByRole('button', { name: 'Move up' }).hasAttribute('disabled')).toBe(true);
    expect(card().getByRole('button', { name: 'Move to the previous stage' }).hasAttribute('disabled')).toBe(true);

    await user.click(card().getByRole('button', { name: 'Move down' }));
    expect(cellIds(current(), 'stage:need', 'lane:touchpoints')).toEqual(['card:touchpoints-need-2', 'card:touchpoints-need-1']);
    // Now last, it cannot move down again: focus falls back to its text rather than getting lost.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 2 in Touchpoints, Realise the need' }));

    await user.click(card().getByRole('button', { name: 'Move to the next stage' }));
    expect(current().cards.find((candidate) => candidate.id === 'card:touchpoints-need-2')?.stage).toBe('stage:search');
    expect((screen.getByLabelText('Stage') as HTMLSelectElement).value).toBe('stage:search');
    expect(cellIds(current(), 'stage:search', 'lane:touchpoints')).toEqual(['card:touchpoints-search-1', 'card:touchpoints-search-2', 'card:touchpoints-search-3', 'card:touchpoints-need-2']);

    await user.click(within(screen.getByRole('group', { name: 'Card 2 in Touchpoints, Search & compare' })).getByRole('button', { name: 'Delete card' }));
    expect(cellIds(current(), 'stage:search', 'lane:touchpoints')).toEqual(['card:touchpoints-search-1', 'card:touchpoints-search-3', 'card:touchpoints-need-2']);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 1 in Touchpoints, Search & compare' }));
    expectValid(current());
  });

  it('says inline when a card is empty or too long for a sticky, tied to the field', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createOnlineStoreJourney());
    const field = screen.getByRole('textbox', { name: 'Card 1 in Emotions, Realise the need' });
    await user.clear(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('A card needs text; delete it instead.').id).toBe(field.getAttribute('aria-describedby'));
    expect(parseJourney(current()).ok).toBe(false);

    await user.paste('x'.repeat(140));
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(field.getAttribute('aria-describedby')).toBeNull();
    await user.keyboard('yz');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText('142 characters: a sticky holds 140; shorten it.');
    expect(message.id).toBe(field.getAttribute('aria-describedby'));
    expect(current().cards.find((card) => card.id === 'card:emotions-need-1')?.text).toHaveLength(142);
  });

  it('with several personas, each card says whom it speaks for', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, readLoyaltyJourney());
    const card = within(screen.getByRole('group', { name: 'Card 1 in Точки контакта, Вступление в программу' }));
    const select = card.getByLabelText('Speaks for') as HTMLSelectElement;
    expect([...select.options].map((option) => option.text)).toEqual(['everyone', 'Максим', 'Ольга']);
    expect(select.value).toBe('');
    await user.selectOptions(select, 'Ольга');
    expect(current().cards.find((candidate) => candidate.id === 'card:touchpoints-join-1')?.persona).toBe('persona:olga');
    expectValid(current());

    const maxCard = within(screen.getByRole('group', { name: 'Card 1 in Цели и действия, Вступление в программу' }));
    expect((maxCard.getByLabelText('Speaks for') as HTMLSelectElement).value).toBe('persona:max');
    await user.selectOptions(maxCard.getByLabelText('Speaks for'), 'everyone');
    expect('persona' in (current().cards.find((candidate) => candidate.id === 'card:actions-join-1') ?? {})).toBe(false);

    // A card typed right after Olga's goes on in her voice.
    await user.type(screen.getByRole('textbox', { name: 'Card 1 in Точки контакта, Вступление в программу' }), '{Enter}Сайт');
    expect(current().cards.find((candidate) => candidate.id === 'card:n1')).toMatchObject({ text: 'Сайт', persona: 'persona:olga', lane: 'lane:touchpoints' });
    expectValid(current());
  });

  it('has no persona select when the journey has one persona, and cards of the emotions lane are edited like any other', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createOnlineStoreJourney());
    expect(screen.queryByLabelText('Speaks for')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add a card to Emotions' }));
    await user.keyboard('Relieved');
    expect(cellIds(current(), 'stage:need', 'lane:emotions')).toEqual(['card:emotions-need-1', 'card:n1']);
  });

  it('speaks Russian', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createOnlineStoreJourney(), 'ru');
    expect(screen.getByText(/Enter добавляет карточку ниже/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Этап'), 'Delivery');
    const card = within(screen.getByRole('group', { name: 'Карточка 1 в «Touchpoints», этап «Delivery»' }));
    expect(card.getByRole('button', { name: 'Удалить карточку' })).toBeTruthy();
    expect(card.getByRole('button', { name: 'Перенести на следующий этап' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Добавить карточку в «Touchpoints»' }));
    await user.paste('я'.repeat(142));
    expect(screen.getByText('142 символа: на стикер помещается 140, сократите текст.')).toBeTruthy();
    expect(cellIds(current(), 'stage:delivery', 'lane:touchpoints')).toHaveLength(4);
  });
});

describe('cards step strings', () => {
  it('are Russian and Ukrainian, with plural forms that agree with the number', () => {
    for (const locale of ['ru', 'uk'] as const) {
      const strings = CELLS_STRINGS[locale];
      for (const [key, value] of Object.entries(strings)) {
        const text = typeof value === 'function' ? (value as (...args: unknown[]) => string)(2, 'Lane', 'Stage') : value;
        expect(text, `${locale}.${key}`).toMatch(/[а-яіїєґё]/i);
        expect(text, `${locale}.${key}`).not.toBe((CELLS_STRINGS.en as Record<string, unknown>)[key]);
      }
    }
    expect([141, 142, 145, 111].map((n) => CELLS_STRINGS.ru.tooLong(n).split(':')[0])).toEqual(['141 символ', '142 символа', '145 символов', '111 символов']);
    expect([141, 142, 145, 111].map((n) => CELLS_STRINGS.uk.tooLong(n).split(':')[0])).toEqual(['141 символ', '142 символи', '145 символів', '111 символів']);
    expect(CELLS_STRINGS.en.tooLong(141)).toBe('141 characters: a sticky holds 140; shorten it.');
  });
});
