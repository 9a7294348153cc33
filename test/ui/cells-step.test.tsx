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
import { CellsStep } from '../../ui/editor/cells-step';
import { CELLS_STRINGS } from '../../ui/editor/cells-strings';
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

/** Ids of the cards of one cell, in the order of `journey.cards`. */
const cellIds = (journey: Journey, stage: string, lane: string) => journey.cards.filter((card) => card.stage === stage && card.lane === lane).map((card) => card.id);

const expectValid = (journey: Journey) => {
  const parsed = parseJourney(journey);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
};

describe('cards step', () => {
  it('adds a card with the button of its lane, focuses it and keeps it next to its cell in reading order', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createSteplessStoreJourney());
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
    const { current } = renderStep(CellsStep, createSteplessStoreJourney());
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
    expect(current().cards).toHaveLength(createSteplessStoreJourney().cards.length + 1);
    expect(screen.getByRole('status').textContent).toBe('Card deleted.');
    expectValid(current());
  });

  it('deleting the only card of a cell with Backspace focuses that lane’s add button', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    const { current } = renderStep(CellsStep, { ...journey, cards: journey.cards.filter((card) => !(card.stage === 'stage:need' && card.lane === 'lane:channels')) });
    await user.click(screen.getByRole('button', { name: 'Add a card to Channels' }));
    await user.keyboard('{Backspace}');
    expect(cellIds(current(), 'stage:need', 'lane:channels')).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a card to Channels' }));
  });

  it('Alt+↑/↓ reorder a card in its cell, Alt+←/→ move it to the neighbouring stage and the picker follows', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createSteplessStoreJourney());
    await user.selectOptions(screen.getByLabelText('Stage'), screen.getByRole('option', { name: 'Order & pay' }));
    const first = screen.getByRole('textbox', { name: 'Card 1 in Goals & actions, Order & pay' }) as HTMLTextAreaElement;
    expect(first.value).toBe('Adds the kettle to the cart');
    await user.click(first);

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(cellIds(current(), 'stage:order', 'lane:actions')).toEqual(['card:actions-order-2', 'card:actions-order-1', 'card:actions-order-3', 'card:actions-order-4']);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 2 in Goals & actions, Order & pay' }));
    expect((document.activeElement as HTMLTextAreaElement).value).toBe('Adds the kettle to the cart');
    expect(screen.getByRole('status').textContent).toBe('Card moved to position 2 of 4.');
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}{Alt>}{ArrowUp}{/Alt}');
    expect(cellIds(current(), 'stage:order', 'lane:actions')).toEqual(['card:actions-order-1', 'card:actions-order-2', 'card:actions-order-3', 'card:actions-order-4']);

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
    expect(cellIds(current(), 'stage:order', 'lane:actions')).toEqual(['card:actions-order-2', 'card:actions-order-3', 'card:actions-order-4', 'card:actions-order-1']);
    expect((screen.getByLabelText('Stage') as HTMLSelectElement).value).toBe('stage:order');
    expect(current().cards).toHaveLength(createSteplessStoreJourney().cards.length);
    expectValid(current());
  });

  it('moves and deletes a card with its buttons, which are off where a move is impossible', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createSteplessStoreJourney());
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
    const { current } = renderStep(CellsStep, createSteplessStoreJourney());
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
    const { current } = renderStep(CellsStep, createSteplessStoreJourney());
    expect(screen.queryByLabelText('Speaks for')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add a card to Emotions' }));
    await user.keyboard('Relieved');
    expect(cellIds(current(), 'stage:need', 'lane:emotions')).toEqual(['card:emotions-need-1', 'card:n1']);
  });

  it('speaks Russian', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createSteplessStoreJourney(), 'ru');
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

describe('cards step: Undo of a deleted card', () => {
  it('offers Undo for a card with text, announced, and Undo puts it back in its place, on its stage, with focus in it', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    const { current } = renderStep(CellsStep, journey);
    await user.click(within(screen.getByRole('group', { name: 'Card 1 in Touchpoints, Realise the need' })).getByRole('button', { name: 'Delete card' }));
    expect(cellIds(current(), 'stage:need', 'lane:touchpoints')).toEqual(['card:touchpoints-need-2']);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Card “Friend’s recommendation” deleted. Undo');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 1 in Touchpoints, Realise the need' }));

    // Looking at another stage does not change the journey: Undo is still offered, and takes the person back to the card.
    await user.selectOptions(screen.getByLabelText('Stage'), 'Delivery');
    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(current()).toEqual(journey);
    expect((screen.getByLabelText('Stage') as HTMLSelectElement).value).toBe('stage:need');
    const restored = screen.getByRole('textbox', { name: 'Card 1 in Touchpoints, Realise the need' }) as HTMLTextAreaElement;
    expect(restored.value).toBe('Friend’s recommendation');
    expect(document.activeElement).toBe(restored);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('stops offering Undo once the journey changes otherwise, and offers none for an empty card', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    const { current } = renderStep(CellsStep, journey);
    await user.click(within(screen.getByRole('group', { name: 'Card 1 in Channels, Realise the need' })).getByRole('button', { name: 'Delete card' }));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    await user.keyboard('!');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(current().cards.find((card) => card.id === 'card:channels-need-2')?.text).toBe('Social!');
    expect(current().cards.some((card) => card.id === 'card:channels-need-1')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Add a card to Channels' }));
    await user.keyboard('{Backspace}');
    expect(screen.getByRole('status').textContent).toBe('Card deleted.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});

describe('cards step: pasting lines', () => {
  it('makes one card per line after the card pasted into, without empty lines and list markers, with Undo', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createSteplessStoreJourney());
    await user.click(screen.getByRole('button', { name: 'Add a card to Touchpoints' }));
    const added = current();
    await user.paste('- Billboard near the metro\r\n\r\n  • Search ad\n2. Radio spot  \n* \n');
    expect(cellIds(current(), 'stage:need', 'lane:touchpoints')).toEqual(['card:touchpoints-need-1', 'card:touchpoints-need-2', 'card:n1', 'card:n2', 'card:n3']);
    expect(['card:n1', 'card:n2', 'card:n3'].map((id) => current().cards.find((card) => card.id === id)?.text)).toEqual(['Billboard near the metro', 'Search ad', 'Radio spot']);
    // Typing goes on in the last card pasted.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 5 in Touchpoints, Realise the need' }));
    expect(screen.getByRole('status').textContent).toBe('Pasted as 3 cards, one per line. Undo');
    expectValid(current());

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(current()).toEqual(added);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 3 in Touchpoints, Realise the need' }));
  });

  it('puts the first line at the caret, keeping the card’s own text around it; one line pastes as usual', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createSteplessStoreJourney());
    const field = screen.getByRole('textbox', { name: 'Card 2 in Touchpoints, Realise the need' }) as HTMLTextAreaElement;
    expect(field.value).toBe('Social media ad');
    field.focus();
    field.setSelectionRange(7, 12);
    await user.paste('video\nTV ad');
    expect(cellIds(current(), 'stage:need', 'lane:touchpoints')).toEqual(['card:touchpoints-need-1', 'card:touchpoints-need-2', 'card:n1']);
    expect(current().cards.find((card) => card.id === 'card:touchpoints-need-2')?.text).toBe('Social video ad');
    expect(current().cards.find((card) => card.id === 'card:n1')?.text).toBe('TV ad');

    await user.paste(' on Sunday');
    expect(current().cards.find((card) => card.id === 'card:n1')?.text).toBe('TV ad on Sunday');
    expect(current().cards).toHaveLength(createSteplessStoreJourney().cards.length + 1);
  });

  it('new cards speak for the persona of the card pasted into', async () => {
    const user = userEvent.setup();
    const journey = readLoyaltyJourney();
    const { current } = renderStep(CellsStep, journey);
    await user.click(screen.getByRole('textbox', { name: 'Card 2 in Цели и действия, Вступление в программу' }));
    await user.keyboard('{Enter}');
    await user.paste('Боится сложных правил\nСпрашивает про скидки');
    expect(current().cards.find((card) => card.id === 'card:actions-join-2')?.text).toBe('Просит кассира оформить карту');
    expect(current().cards.filter((card) => !journey.cards.some((old) => old.id === card.id)).map((card) => [card.text, card.persona])).toEqual([
      ['Боится сложных правил', 'persona:olga'],
      ['Спрашивает про скидки', 'persona:olga'],
    ]);
    expectValid(current());
  });
});

describe('cards step: pasting a block of spreadsheet cells', () => {
  const fillPreview = () => screen.findByRole('group', { name: 'Fill cards from the pasted table' });

  it('previews what it fills from the card’s stage and lane on, and what is cut; Fill adds it as one change that Undo takes back', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createSteplessStoreJourney());
    await user.selectOptions(screen.getByLabelText('Stage'), 'Delivery');
    await user.click(screen.getByRole('button', { name: 'Add a card to Pains & barriers' }));
    const before = current();
    // As Google Sheets copies 4 × 4 cells: a cell with a line break is quoted, its quotes doubled.
    await user.paste('Courier late\t"Kettle leaks\n""Warranty?"""\t\tExtra column\r\nTrack in app\tVideo guide\tLoyalty points\t\r\nOps dashboard\t\tCRM reminder\tX\r\nRow four\tRow four b\t\t\r\n');

    const preview = within(await fillPreview());
    expect(current()).toBe(before);
    expect(preview.getByText(/^Pasted: 4 columns × 4 rows\./).textContent).toBe('Pasted: 4 columns × 4 rows. Columns go to the stages from “Delivery” on. Rows go to the lanes from “Pains & barriers” down.');
    expect(preview.getByText(/new cards/).textContent).toBe('8 new cards in 7 cells. Cells that already have cards: 7. The new cards go after theirs; nothing is replaced.');
    expect(preview.getByText(/no stage to go to/).textContent).toBe('Left out, no stage to go to: 1 column (2 cards).');
    expect(preview.getByText(/no lane to go to/).textContent).toBe('Left out, no lane to go to: 1 row (2 cards).');
    const table = preview.getByRole('table', { name: 'New cards per cell' });
    expect(within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['', 'Delivery', 'Use & support', 'Repeat or leave'],
      ['Pains & barriers', '+1', '+2', ''],
      ['Opportunities', '+1', '+1', '+1'],
      ['Backstage', '+1', '', '+1'],
    ]);
    const fill = preview.getByRole('button', { name: 'Fill' });
    expect(document.activeElement).toBe(fill);

    await user.click(fill);
    expect(screen.queryByRole('group', { name: 'Fill cards from the pasted table' })).toBeNull();
    const texts = (stage: string, lane: string) => current().cards.filter((card) => card.stage === stage && card.lane === lane).map((card) => card.text);
    // The empty card pasted into takes the first card of its cell; the cards already there stay, the new ones after them.
    expect(texts('stage:delivery', 'lane:pains')).toEqual(['Delivery window is four hours wide', 'No SMS before the courier comes', 'Courier late']);
    expect(texts('stage:use', 'lane:pains')).toEqual(['Descaling steps only in the printed manual', 'Kettle leaks', '"Warranty?"']);
    expect(texts('stage:repeat', 'lane:opportunities')).toEqual(['One-click review from the e-mail', 'Loyalty points for a review', 'Loyalty points']);
    expect(texts('stage:repeat', 'lane:backstage').at(-1)).toBe('CRM reminder');
    expect(current().cards).toHaveLength(before.cards.length + 7);
    expect(current().cards.some((card) => /Extra column|^X$|Row four/.test(card.text))).toBe(false);
    expectValid(current());
    expect(screen.getByRole('status').textContent).toBe('8 cards added from the table. Undo');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 3 in Pains & barriers, Delivery' }));

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(current()).toEqual(before);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Card 3 in Pains & barriers, Delivery' }));
  });

  it('places cells by the stage names of the first row and the lane names of the first column, for the persona chosen; Escape and Cancel change nothing', async () => {
    const user = userEvent.setup();
    const journey = readLoyaltyJourney();
    const { current } = renderStep(CellsStep, journey);
    const field = screen.getByRole('textbox', { name: 'Card 1 in Цели и действия, Вступление в программу' });
    await user.click(field);
    // Stage names in another case, a lane by its English name in a Russian map, any corner cell.
    const block = 'Дорожка\tвступление в программу\tИЗУЧЕНИЕ ПРАВИЛ\nTouchpoints\tСтойка в магазине\tБуклет\nВозможные трудности\t"Долгая анкета\n- Нет QR-кода"\t\n';
    await user.paste(block);
    let preview = within(await fillPreview());
    expect(preview.getByText(/^Pasted:/).textContent).toBe('Pasted: 3 columns × 3 rows. Columns go to the stages named in the first row. Rows go to the lanes named in the first column.');
    expect(preview.getByText(/new cards/).textContent).toMatch(/^4 new cards in 3 cells\./);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Fill cards from the pasted table' })).toBeNull();
    expect(document.activeElement).toBe(field);
    expect(current()).toBe(journey);

    await user.paste(block);
    preview = within(await fillPreview());
    await user.click(preview.getByRole('button', { name: 'Cancel' }));
    expect(current()).toBe(journey);
    expect(document.activeElement).toBe(field);

    await user.paste(block);
    preview = within(await fillPreview());
    // The card pasted into speaks for Max, so the new cards would too: here they are Olga's.
    expect((preview.getByLabelText('Speaks for') as HTMLSelectElement).value).toBe('persona:max');
    await user.selectOptions(preview.getByLabelText('Speaks for'), 'Ольга');
    await user.click(preview.getByRole('button', { name: 'Fill' }));
    const added = current().cards.filter((card) => !journey.cards.some((old) => old.id === card.id));
    expect(added.map((card) => [card.stage, card.lane, card.text, card.persona])).toEqual([
      ['stage:join', 'lane:touchpoints', 'Стойка в магазине', 'persona:olga'],
      ['stage:learn', 'lane:touchpoints', 'Буклет', 'persona:olga'],
      ['stage:join', 'lane:pains', 'Долгая анкета', 'persona:olga'],
      ['stage:join', 'lane:pains', 'Нет QR-кода', 'persona:olga'],
    ]);
    expect(current().cards.find((card) => card.id === 'card:actions-join-1')).toEqual(journey.cards.find((card) => card.id === 'card:actions-join-1'));
    expectValid(current());
  });

  it('reads one column copied from a spreadsheet (an HTML table beside the text) as rows of lanes, not as lines of one card', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createSteplessStoreJourney());
    await user.click(screen.getByRole('textbox', { name: 'Card 1 in Touchpoints, Realise the need' }));
    const data = new DataTransfer();
    data.setData('text/plain', 'Website\nOnline\n');
    data.setData('text/html', '<table><tr><td>Website</td></tr><tr><td>Online</td></tr></table>');
    await user.paste(data);
    const preview = within(await fillPreview());
    expect(within(preview.getByRole('table')).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Touchpoints', 'Channels']);
    await user.click(preview.getByRole('button', { name: 'Fill' }));
    expect(current().cards.filter((card) => card.stage === 'stage:need' && card.lane === 'lane:channels').map((card) => card.text)).toEqual(['Offline', 'Social', 'Online']);
  });

  it('says when a header row comes alone (the empty rows a copy ends with are no rows), with Fill off and focus on Cancel', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, createSteplessStoreJourney());
    await user.click(screen.getByRole('textbox', { name: 'Card 1 in Touchpoints, Realise the need' }));
    await user.paste('Realise the need\tDelivery\n\t \n');
    const preview = within(await fillPreview());
    expect(preview.getByText(/^Pasted:/).textContent).toBe('Pasted: 2 columns × 1 row. Columns go to the stages named in the first row. Rows go to the lanes from “Touchpoints” down.');
    expect(preview.getByText('The pasted cells are empty: there is nothing to fill.')).toBeTruthy();
    expect(preview.getByRole('button', { name: 'Fill' }).hasAttribute('disabled')).toBe(true);
    expect(document.activeElement).toBe(preview.getByRole('button', { name: 'Cancel' }));
    expect(current()).toEqual(createSteplessStoreJourney());
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
