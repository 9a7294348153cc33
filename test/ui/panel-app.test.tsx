// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardKey, emotionLineKey, personaCardKey } from '../../src/layout/scene-keys';
import type { Journey } from '../../src/model/journey';
import { parseJourneyFileText } from '../../src/model/journey-file';
import type { JourneyDraft } from '../../src/model/journey-draft';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import type { ApplyReport } from '../../src/sync/host-port';
import { PanelApp } from '../../ui/panel-app';
import type { PanelController } from '../../src/app/map-channel';

afterEach(cleanup);

const REPORT: ApplyReport = { mapId: 'map-new00001', origin: { x: 0, y: 0 }, created: 120, updated: 0, deleted: 0, released: 0, failed: [] };

/** A controller whose storage outlives the panel, as the host's does: reopening the panel finds the draft. */
function createController(selected?: { mapId: string; journey: Journey }) {
  const storage: { draft?: JourneyDraft } = {};
  const controller: PanelController = {
    insertTemplateAsync: vi.fn(async () => REPORT),
    finishMapAsync: vi.fn(async () => REPORT),
    regenerateAsync: vi.fn(async () => ({ report: REPORT, outcome: { title: 'Map', edits: 0, adopted: 0, conflicts: 0 } })),
    insertJourneyAsync: vi.fn(async () => REPORT),
    loadMapJourneyAsync: vi.fn(async () => ({ mapId: 'map-chosen01', journey: createOnlineStoreJourney() })),
    updateMapAsync: vi.fn(async () => ({ report: { ...REPORT, created: 0, updated: 2 }, outcome: { title: 'Map', edits: 1, adopted: 0, conflicts: 0 } })),
    renderSvgAsync: vi.fn(async () => '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>'),
    showOnBoardAsync: vi.fn(async () => undefined),
    renderSlidesAsync: vi.fn(async () => []),
    placeSlidesAsync: vi.fn(async () => ({ made: 0, kept: 0, removed: 0, containerIds: [], asideIds: [] })),
    openAsync: vi.fn(async () => ({ ...(storage.draft ? { draft: structuredClone(storage.draft) } : {}), ...(selected ? { selected } : {}) })),
    saveDraftAsync: vi.fn(async (draft: JourneyDraft | undefined) => {
      if (draft) storage.draft = structuredClone(draft);
      else delete storage.draft;
    }),
  };
  return { controller, storage };
}

const waitForDraftSaveAsync = (storage: { draft?: JourneyDraft }, check: (draft: JourneyDraft) => boolean) => waitFor(() => expect(storage.draft && check(storage.draft)).toBe(true), { timeout: 3000 });

describe('the panel', () => {
  it('opens on the template gallery: six templates and a blank journey, each with a preview', async () => {
    const { controller } = createController();
    render(<PanelApp controller={controller} initialLocale="en" />);
    expect(await screen.findByRole('heading', { name: 'Start a journey map' })).toBeTruthy();
    const edits = await screen.findAllByRole('button', { name: /^Edit “/ });
    expect(edits).toHaveLength(7);
    expect(screen.getByRole('button', { name: 'Edit “Blank journey”' })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('img', { name: /^Preview of the map/ })).toHaveLength(7));
    expect(screen.getByRole('button', { name: 'Insert CJM template' })).toBeTruthy();
    // The footer names this cjm-board's version, as package.json does.
    const version = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
    expect(screen.getByRole('contentinfo').textContent).toBe(`cjm-board ${version}`);
  });

  it('presents the chosen map view by view: the whole map, each stage, each persona; the board only moves', async () => {
    const user = userEvent.setup();
    const { controller } = createController();
    render(<PanelApp controller={controller} initialLocale="ru" />);
    await user.click(await screen.findByRole('button', { name: 'Показать карту по частям' }));
    const presenter = await screen.findByRole('region', { name: 'Показ карты' });
    const journey = createOnlineStoreJourney();
    const total = 1 + journey.stages.length + journey.personas.filter((persona) => !persona.hidden).length;
    expect(presenter.textContent).toContain(`1 из ${total}: Вся карта`);
    const show = vi.mocked(controller.showOnBoardAsync);
    await waitFor(() => expect(show).toHaveBeenLastCalledWith('map-chosen01', ['map']));
    await user.click(screen.getByRole('button', { name: 'Дальше' }));
    const first = journey.stages[0]!;
    expect(presenter.textContent).toContain(`2 из ${total}: Этап «${first.name}»`);
    await waitFor(() => expect(show).toHaveBeenCalledTimes(2));
    const keys = show.mock.calls[1]![1];
    expect(keys).toContain(first.id);
    expect(keys).toContain(cardKey(journey.cards.find((card) => card.stage === first.id)!.id));
    expect(keys).not.toContain(cardKey(journey.cards.find((card) => card.stage !== first.id)!.id));
    // The arrow keys step too; the last view is each persona's.
    for (let step = 0; step < total; step += 1) await user.keyboard('{ArrowRight}');
    const persona = journey.personas.filter((candidate) => !candidate.hidden).at(-1)!;
    expect(presenter.textContent).toContain(`${total} из ${total}: Персона ${persona.name}`);
    expect(show.mock.calls.at(-1)![1]).toContain(emotionLineKey(persona.id));
    expect((screen.getByRole('button', { name: 'Дальше' }) as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{ArrowLeft}');
    expect(presenter.textContent).toContain(`${total - 1} из ${total}`);
    await user.click(screen.getByRole('button', { name: 'Закончить' }));
    expect(screen.queryByRole('region', { name: 'Показ карты' })).toBeNull();
    // Presenting writes nothing: no run was started.
    expect(controller.regenerateAsync).not.toHaveBeenCalled();
    expect(controller.updateMapAsync).not.toHaveBeenCalled();
  });

  it('inserts a template straight from the gallery', async () => {
    const user = userEvent.setup();
    const { controller } = createController();
    render(<PanelApp controller={controller} initialLocale="en" />);
    const inserts = await screen.findAllByRole('button', { name: /^Insert “/ });
    await user.click(inserts[1]!);
    await screen.findByText(/Map ready: 120 items created/);
    const journey = vi.mocked(controller.insertJourneyAsync).mock.calls[0]![0];
    expect(journey.personas).toHaveLength(2);
  });

  it('offers the templates in the panel’s language', async () => {
    const user = userEvent.setup();
    const { controller } = createController();
    render(<PanelApp controller={controller} initialLocale="en" />);
    await screen.findAllByRole('button', { name: /^Edit “/ });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'uk');
    expect(await screen.findByRole('heading', { name: 'Почніть карту шляху' })).toBeTruthy();
    const edits = await screen.findAllByRole('button', { name: /^Редагувати «/ });
    expect(edits).toHaveLength(7);
    expect(edits.every((button) => /[А-Яа-яІіЇїЄєҐґ]/.test(button.getAttribute('aria-label') ?? ''))).toBe(true);
  });

  it('keeps the draft across closing and reopening the panel, and inserts it from the last step', async () => {
    const user = userEvent.setup();
    const { controller, storage } = createController();
    const first = render(<PanelApp controller={controller} initialLocale="en" />);
    await user.click(await screen.findByRole('button', { name: 'Edit “Blank journey”' }));
    const title = screen.getByLabelText('Map title');
    await user.clear(title);
    await user.type(title, 'Clinic visit, draft');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitForDraftSaveAsync(storage, (draft) => draft.journey.title === 'Clinic visit, draft' && draft.step === 1);
    first.unmount();

    render(<PanelApp controller={controller} initialLocale="en" />);
    expect(await screen.findByText('Your draft was restored where you left it.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Step 2 of 7: Personas');
    await user.click(screen.getByRole('button', { name: '1. Goal and scope' }));
    expect((screen.getByLabelText('Map title') as HTMLInputElement).value).toBe('Clinic visit, draft');

    await user.click(screen.getByRole('button', { name: '7. Insert' }));
    await user.click(screen.getByRole('button', { name: 'Insert the map' }));
    await screen.findByText(/Map ready/);
    expect(vi.mocked(controller.insertJourneyAsync).mock.calls[0]![0].title).toBe('Clinic visit, draft');
    // The draft now belongs to the map it drew: the next run updates it.
    expect(await screen.findByRole('button', { name: 'Update the map' })).toBeTruthy();
    await waitForDraftSaveAsync(storage, (draft) => draft.mapId === REPORT.mapId);
  });

  it('opens the selected map’s journey when the panel is opened with a map selected, and updates that map', async () => {
    const user = userEvent.setup();
    const journey = { ...createOnlineStoreJourney(), title: 'Kettle map on the board' };
    const { controller } = createController({ mapId: 'map-selected', journey });
    render(<PanelApp controller={controller} initialLocale="en" />);
    expect(await screen.findByText('Editing the map “Kettle map on the board” from the board.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '7. Insert' }));
    // The map now holds a board edit as well: the update answers with the merged journey.
    const drawn = { ...journey, title: 'Kettle map, renamed on the board' };
    vi.mocked(controller.updateMapAsync).mockResolvedValueOnce({ report: { ...REPORT, updated: 1 }, outcome: { title: drawn.title, edits: 1, adopted: 0, conflicts: 0 }, journey: drawn });
    await user.click(await screen.findByRole('button', { name: 'Update the map' }));
    await waitFor(() => expect(controller.updateMapAsync).toHaveBeenCalled());
    expect(vi.mocked(controller.updateMapAsync).mock.calls[0]).toEqual(['map-selected', journey, expect.any(Function), journey]);

    // The editor goes on from what the map holds, and the next update starts from it.
    await user.click(await screen.findByRole('button', { name: '1. Goal and scope' }));
    await waitFor(() => expect((screen.getByLabelText('Map title') as HTMLInputElement).value).toBe('Kettle map, renamed on the board'));
    await user.click(screen.getByRole('button', { name: '7. Insert' }));
    await user.click(await screen.findByRole('button', { name: 'Update the map' }));
    await waitFor(() => expect(controller.updateMapAsync).toHaveBeenCalledTimes(2));
    expect(vi.mocked(controller.updateMapAsync).mock.calls[1]).toEqual(['map-selected', drawn, expect.any(Function), drawn]);
  });

  it('selects one persona’s cards and line on the board from the map bar, and changes nothing', async () => {
    const user = userEvent.setup();
    const parsed = parseJourneyFileText(readFileSync(join(__dirname, '../fixtures/journeys/03-loyalty-two-personas.json'), 'utf8'));
    if (!parsed.ok) throw new Error('the fixture is a journey');
    const journey = parsed.value;
    const [first, second] = journey.personas;
    if (!first || !second) throw new Error('the fixture has two personas');
    const { controller } = createController({ mapId: 'map-selected', journey });
    render(<PanelApp controller={controller} initialLocale="en" />);
    await screen.findByText(/Editing the map/);
    await user.click(screen.getByRole('button', { name: `Select ${second.name}’s cards and emotion line on the board (the journey does not change)` }));
    await waitFor(() => expect(controller.showOnBoardAsync).toHaveBeenCalledTimes(1));
    const [mapId, keys] = vi.mocked(controller.showOnBoardAsync).mock.calls[0]!;
    expect(mapId).toBe('map-selected');
    expect(keys).toContain(personaCardKey(second.id));
    expect(keys).toContain(emotionLineKey(second.id));
    const own = journey.cards.filter((card) => card.persona === second.id);
    expect(own.length).toBeGreaterThan(0);
    for (const card of own) expect(keys).toContain(cardKey(card.id));
    for (const card of journey.cards.filter((other) => other.persona !== second.id)) expect(keys).not.toContain(cardKey(card.id));
    expect(keys).not.toContain(personaCardKey(first.id));
    expect(controller.updateMapAsync).not.toHaveBeenCalled();
    expect(controller.regenerateAsync).not.toHaveBeenCalled();
  });

  it('offers to remove what an insert drew where the host keeps no undo step (Miro), and says what it kept', async () => {
    const user = userEvent.setup();
    const { controller } = createController();
    controller.takeBackAsync = vi.fn(async () => ({ report: { ...REPORT, created: 0, deleted: 118 }, changed: 2, foreign: 1 }));
    render(<PanelApp controller={controller} initialLocale="ru" />);
    await user.click(await screen.findByRole('button', { name: 'Вставить шаблон CJM' }));
    await user.click(await screen.findByRole('button', { name: 'Убрать то, что нарисовала эта вставка' }));
    expect(controller.takeBackAsync).toHaveBeenCalledWith(REPORT.mapId, expect.any(Function));
    expect(await screen.findByText(/Убрано элементов этой вставки — 118\. Оставлено элементов, которые с тех пор изменили, — 2\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Убрать то, что нарисовала эта вставка' })).toBeNull();
  });

  it('has no such button where the host has an undo step of its own (FigJam)', async () => {
    const user = userEvent.setup();
    const { controller } = createController();
    render(<PanelApp controller={controller} initialLocale="en" />);
    await user.click(await screen.findByRole('button', { name: 'Insert CJM template' }));
    await screen.findByText(/Map ready/);
    expect(screen.queryByRole('button', { name: 'Remove what this insert drew' })).toBeNull();
  });

  it('does not give a new editor the map of an insert that was still running when the person opened another template', async () => {
    const user = userEvent.setup();
    const { controller } = createController();
    let finish: (report: ApplyReport) => void = () => undefined;
    vi.mocked(controller.insertJourneyAsync).mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    render(<PanelApp controller={controller} initialLocale="en" />);
    await user.click(await screen.findByRole('button', { name: 'Edit “Blank journey”' }));
    await user.click(screen.getByRole('button', { name: '7. Insert' }));
    await user.click(screen.getByRole('button', { name: 'Insert the map' }));
    await user.click(screen.getByRole('button', { name: /Templates/ }));
    await user.click(await screen.findByRole('button', { name: /^Edit “Online store/ }));
    finish(REPORT);
    await user.click(screen.getByRole('button', { name: '7. Insert' }));
    await screen.findByText(/Map ready/);
    expect(screen.getByRole('button', { name: 'Insert the map' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Update the map' })).toBeNull();
  });

  it('saves what was typed at once when the person leaves the editor, not only after a pause', async () => {
    const user = userEvent.setup();
    const { controller, storage } = createController();
    render(<PanelApp controller={controller} initialLocale="en" />);
    await user.click(await screen.findByRole('button', { name: 'Edit “Blank journey”' }));
    await user.type(screen.getByLabelText('Product or service'), 'Pharmacy');
    await user.click(screen.getByRole('button', { name: /Templates/ }));
    expect(storage.draft?.journey.scope.product).toBe('Pharmacy');
  });
});
