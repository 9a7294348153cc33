// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MapServiceError, type PanelController } from '../../src/app/map-channel';
import type { Journey } from '../../src/model/journey';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import type { ApplyReport } from '../../src/sync/host-port';
import { EDITOR_STRINGS } from '../../ui/editor/editor-strings';
import { createUiBridge } from '../../ui/figjam-ui-bridge';
import { PanelApp } from '../../ui/panel-app';
import { STRINGS } from '../../ui/strings';

afterEach(cleanup);

const REPORT: ApplyReport = { mapId: 'map-selected', origin: { x: 0, y: 0 }, created: 0, updated: 3, deleted: 0, released: 0, failed: [] };

function createController(selected?: { mapId: string; journey: Journey }): PanelController {
  return {
    insertTemplateAsync: vi.fn(async () => REPORT),
    finishMapAsync: vi.fn(async () => REPORT),
    regenerateAsync: vi.fn(async () => ({ report: REPORT, outcome: { title: 'Map', edits: 0, adopted: 0, conflicts: 0 } })),
    insertJourneyAsync: vi.fn(async () => REPORT),
    loadMapJourneyAsync: vi.fn(async () => selected ?? { mapId: 'map-chosen01', journey: createOnlineStoreJourney() }),
    updateMapAsync: vi.fn(async (_mapId: string, journey: Journey) => ({ report: REPORT, outcome: { title: journey.title, edits: 1, adopted: 0, conflicts: 0 }, journey })),
    renderSvgAsync: vi.fn(async () => '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>'),
    showOnBoardAsync: vi.fn(async () => undefined),
    renderSlidesAsync: vi.fn(async () => []),
    placeSlidesAsync: vi.fn(async () => ({ made: 0, kept: 0, removed: 0, containerIds: [], asideIds: [] })),
    openAsync: vi.fn(async () => (selected ? { selected } : {})),
    saveDraftAsync: vi.fn(async () => undefined),
  };
}

const kettleMap = () => ({ mapId: 'map-selected', journey: { ...createOnlineStoreJourney(), title: 'Kettle map' } });

/** Every English sentence of the panel's strings that the other language words differently (functions called with sample words). */
function listEnglishSentences(): string[] {
  const found: string[] = [];
  const visit = (english: unknown, other: unknown) => {
    if (typeof english === 'string' && english !== other && /\s/.test(english)) found.push(english);
    else if (typeof english === 'function' && typeof other === 'function') {
      const args = ['X', 2, 3, 4];
      const text = (english as (...args: unknown[]) => unknown)(...args);
      // Only the words around the sample values: "Map “X” on the board" gives "on the board".
      if (typeof text === 'string') for (const part of text.split(/[“”"X0-9]+/)) if (part.trim().split(/\s+/).length >= 2) found.push(part.trim());
    } else if (typeof english === 'object' && english !== null && !Array.isArray(english)) {
      for (const [key, value] of Object.entries(english)) visit(value, (other as Record<string, unknown>)[key]);
    }
  };
  visit(STRINGS.en, STRINGS.ru);
  visit(EDITOR_STRINGS.en, EDITOR_STRINGS.ru);
  return [...new Set(found)].filter((sentence) => sentence.length > 6);
}

describe('the facilitator’s day', () => {
  it('opens on the selected map with its actions at hand on every editor step: Regenerate and Check', async () => {
    const user = userEvent.setup();
    const selected = kettleMap();
    const controller = createController(selected);
    render(<PanelApp controller={controller} initialLocale="en" />);
    const bar = await screen.findByRole('group', { name: 'Map “Kettle map” on the board' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Step 1 of 7: Goal and scope');
    await user.click(screen.getByRole('button', { name: '3. Stages' }));
    expect(within(bar).getByRole('button', { name: 'Check the map' })).toBeTruthy();

    await user.click(within(screen.getByRole('group', { name: /on the board$/ })).getByRole('button', { name: 'Regenerate' }));
    await waitFor(() => expect(controller.updateMapAsync).toHaveBeenCalled());
    // The map of the editor, taking the board's edits and nothing of the panel's.
    expect(vi.mocked(controller.updateMapAsync).mock.calls[0]).toEqual(['map-selected', selected.journey, expect.any(Function), selected.journey]);
    expect(await screen.findByText(/“Kettle map” regenerated: 1 board edit kept/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Step 3 of 7: Stages');

    await user.click(within(screen.getByRole('group', { name: /on the board$/ })).getByRole('button', { name: 'Check the map' }));
    expect(await screen.findByText(/^“Kettle map”: 0 errors, 0 warnings\.$/)).toBeTruthy();
    // Back on the first screen, the map's actions come first, and Edit goes back to the editor where it was.
    const [first] = screen.getAllByRole('button', { name: /Regenerate|Insert CJM template/ });
    expect(first?.textContent).toBe('Regenerate');
    await user.click(screen.getByRole('button', { name: 'Edit the selected map' }));
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Step 3 of 7: Stages');
  });

  it('Check with two maps and nothing selected says to select one and click Check, in the panel’s language', async () => {
    const user = userEvent.setup();
    const controller = createController();
    vi.mocked(controller.loadMapJourneyAsync).mockRejectedValue(new MapServiceError({ code: 'several-maps', titles: ['Kettle', 'Clinic'] }));
    render(<PanelApp controller={controller} initialLocale="en" />);
    await user.click(await screen.findByRole('button', { name: 'Check the map' }));
    expect((await screen.findByRole('alert')).textContent).toBe('There are 2 maps here («Kettle», «Clinic»). Select one on the board and click “Check the map” again.');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ru');
    expect(screen.getByRole('alert').textContent).toBe('Здесь несколько карт (2: «Kettle», «Clinic»). Выделите одну на доске и снова нажмите «Проверить карту».');
  });

  it('Regenerate refused for the selection names Regenerate as the next step', async () => {
    const user = userEvent.setup();
    const controller = createController();
    vi.mocked(controller.regenerateAsync).mockRejectedValue(new MapServiceError({ code: 'several-selected', titles: ['Kettle', 'Clinic'] }));
    render(<PanelApp controller={controller} initialLocale="uk" />);
    await user.click(await screen.findByRole('button', { name: 'Перебудувати' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Не вдалося перебудувати: Виділення зачіпає кілька карт (2: «Kettle», «Clinic»). Виділіть елементи однієї карти й знову натисніть «Перебудувати».',
    );
  });

  it('an empty card blocks Insert saying “empty card”, and Go to Cards puts the caret in that card', async () => {
    const user = userEvent.setup();
    const selected = kettleMap();
    const emptied = selected.journey.cards.find((card) => card.stage === 'stage:order')!;
    emptied.text = '';
    render(<PanelApp controller={createController(selected)} initialLocale="en" />);
    await user.click(await screen.findByRole('button', { name: '7. Insert' }));
    const problem = await screen.findByText(/: empty card$/);
    await user.click(within(problem.closest('li')!).getByRole('button', { name: 'Go to Cards' }));
    await waitFor(() => expect(document.activeElement?.id).toBe(`cells-card-${emptied.id}`));
    // Order & pay has steps: the picker names the card's step.
    expect(emptied.step).toBe('step:cart');
    expect((screen.getByLabelText('Stage or step') as HTMLSelectElement).value).toBe('step:cart');
  });

  it('speaks Russian and Ukrainian throughout: the map opened, its actions, the editor and Check’s findings', async () => {
    const user = userEvent.setup();
    const selected = kettleMap();
    selected.journey.personas[0]!.goals = [];
    const english = listEnglishSentences();
    expect(english).toContain('Editing the map');
    for (const locale of ['ru', 'uk'] as const) {
      const view = render(<PanelApp controller={createController(selected)} initialLocale="en" />);
      await screen.findByText('Editing the map “Kettle map” from the board.');
      await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), locale);
      expect(await screen.findByText(STRINGS[locale].mapOpened('Kettle map'))).toBeTruthy();
      const check = STRINGS[locale].checkButton;
      await user.click(within(screen.getByRole('group', { name: STRINGS[locale].mapBar('Kettle map') })).getByRole('button', { name: check }));
      await screen.findByText(STRINGS[locale].findings['persona-without-goals']('Anna Petrova'), { exact: false });
      const text = document.body.textContent ?? '';
      expect(english.filter((sentence) => text.includes(sentence))).toEqual([]);
      view.unmount();
    }
  });

  it('a panel whose plugin never answers says so after the timeout, in its language, and gives the buttons back', async () => {
    const user = userEvent.setup();
    const posted: unknown[] = [];
    const bridge = createUiBridge({ self: window, parent: { postMessage: (message: unknown) => posted.push(message) } }, { timeoutMs: 50 });
    render(<PanelApp controller={bridge.controller} initialLocale="ru" />);
    // Opening asked the plugin for a draft and a selected map: nobody answered.
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Плагин не ответил за \d+ с\. Запустите его снова из меню\.$/);
    const regenerate = screen.getByRole('button', { name: 'Перестроить' });
    await user.click(regenerate);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Не удалось перестроить: Плагин не ответил/));
    expect((screen.getByRole('button', { name: 'Перестроить' }) as HTMLButtonElement).disabled).toBe(false);
    expect(posted.length).toBeGreaterThanOrEqual(2);
    bridge.dispose();
  });
});
