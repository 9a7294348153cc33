import { createFigma, createParentPostMessage } from 'figma-api-stub';
import { describe, expect, it, vi } from 'vitest';
import { createMainBridge, type MainBridgeHandlers } from '../../../src/hosts/figjam/main-bridge';
import type { Journey } from '../../../src/model/journey';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import type { ApplyReport } from '../../../src/sync/host-port';

// figma-api-stub stands in for FigJam's message plumbing only: its drawing
// does not follow FigJam (no sticky rules, no fonts), so the adapter is
// tested against fake-figma.ts instead.

const REPORT: ApplyReport = { mapId: 'map-bridge0001', origin: { x: 10, y: 20 }, created: 3, updated: 0, deleted: 0, released: 0, failed: [] };

const OUTCOME = { title: 'Map', edits: 1, adopted: 0, conflicts: 0 };

function createHandlers(overrides: Partial<MainBridgeHandlers> = {}) {
  let count = 0;
  const handlers: MainBridgeHandlers = {
    createTemplateJourney: vi.fn(createOnlineStoreJourney),
    createMapId: vi.fn(() => `map-bridge000${(count += 1)}`),
    generateMapAsync: vi.fn(async (_journey: Journey, mapId: string, onProgress: (progress: { done: number; total: number }) => void) => {
      onProgress({ done: 1, total: 2 });
      onProgress({ done: 2, total: 2 });
      return { ...REPORT, mapId };
    }),
    regenerateMapAsync: vi.fn(async (mapId: string | undefined, onProgress: (progress: { done: number; total: number }) => void) => {
      onProgress({ done: 1, total: 1 });
      return { mapId: mapId ?? 'map-chosen0001', report: { ...REPORT, mapId: mapId ?? 'map-chosen0001', created: 0, updated: 1 }, summary: 'Regenerated "Map": 1 board edit kept.', outcome: OUTCOME };
    }),
    loadMapJourneyAsync: vi.fn(async () => ({ mapId: 'map-chosen0001', journey: createOnlineStoreJourney() })),
    focusAsync: vi.fn(async () => undefined),
    updateMapAsync: vi.fn(async (mapId: string) => ({ mapId, report: { ...REPORT, mapId, created: 0, updated: 1 }, summary: 'Regenerated "Map": 0 edits kept, 1 redrawn.', outcome: OUTCOME })),
    closePlugin: vi.fn(),
    loadDraftAsync: vi.fn(async () => undefined),
    saveDraftAsync: vi.fn(async () => undefined),
    loadSelectedMapAsync: vi.fn(async () => undefined),
    ...overrides,
  };
  return handlers;
}

function createStub() {
  const figma = createFigma({ isWithoutTimeout: true });
  const posted: unknown[] = [];
  vi.spyOn(figma.ui, 'postMessage').mockImplementation((message: unknown) => {
    posted.push(message);
  });
  const sendFromUi = createParentPostMessage(figma, true);
  return { figma, posted, send: (message: unknown) => sendFromUi({ pluginMessage: message }, '*') };
}

const settleAsync = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createMainBridge (with figma-api-stub)', () => {
  it('says ready first, then answers insert-template with progress and done', async () => {
    const { figma, posted, send } = createStub();
    const handlers = createHandlers();
    createMainBridge(figma, handlers, { locale: 'uk' });

    send({ type: 'insert-template' });
    await settleAsync();

    expect(posted).toEqual([
      { type: 'ready', locale: 'uk' },
      { type: 'progress', done: 1, total: 2 },
      { type: 'progress', done: 2, total: 2 },
      { type: 'done', report: { ...REPORT, mapId: 'map-bridge0001' } },
    ]);
    expect(handlers.generateMapAsync).toHaveBeenCalledWith(createOnlineStoreJourney(), 'map-bridge0001', expect.any(Function));
  });

  it('draws a generated journey on the same map as the template before it', async () => {
    const { figma, send } = createStub();
    const handlers = createHandlers();
    createMainBridge(figma, handlers);
    const journey = { ...createOnlineStoreJourney(), title: 'Edited in the panel' };

    send({ type: 'insert-template' });
    send({ type: 'generate', journey });
    await settleAsync();

    const calls = vi.mocked(handlers.generateMapAsync).mock.calls;
    expect(calls.map((call) => [call[0].title, call[1]])).toEqual([
      [createOnlineStoreJourney().title, 'map-bridge0001'],
      ['Edited in the panel', 'map-bridge0001'],
    ]);
  });

  it('keeps the panel\'s draft and gives it back with the selected map\'s journey; a damaged draft is dropped', async () => {
    const { figma, posted, send } = createStub();
    const stored: unknown[] = [];
    const selected = { mapId: 'map-selected01', journey: createOnlineStoreJourney() };
    const handlers = createHandlers({
      saveDraftAsync: vi.fn(async (draft) => {
        stored.push(draft);
      }),
      loadDraftAsync: vi.fn(async () => stored.at(-1)),
      loadSelectedMapAsync: vi.fn(async () => selected),
    });
    createMainBridge(figma, handlers);
    const journey = { ...createOnlineStoreJourney(), title: '' };
    journey.stages[0] = { ...journey.stages[0]!, name: '' };

    send({ type: 'save-draft', draft: { journey, step: 3, savedAt: 1, mapId: 'map-selected01' } });
    send({ type: 'save-draft', draft: { journey: { title: 7 }, step: 3 } });
    send({ type: 'load-draft' });
    await settleAsync();

    expect(stored).toHaveLength(1);
    const answers = posted.slice(1) as { type: string; draft?: { journey: { title: string; stages: { name: string }[] } }; selected?: unknown }[];
    // A damaged draft is not kept, and not answered: the panel waits for no answer to it.
    expect(answers.map((answer) => answer.type)).toEqual(['draft']);
    expect(answers[0]?.draft?.journey.title).toBe('');
    expect(answers[0]?.draft?.journey.stages[0]?.name).toBe('');
    expect(answers[0]?.selected).toEqual(selected);

    stored.push({ journey: { schema: 1 }, step: 0 });
    send({ type: 'load-draft' });
    await settleAsync();
    expect(posted.at(-1)).toEqual({ type: 'draft', selected });
  });

  it('opens without a draft when the storage throws, and still draws afterwards', async () => {
    const { figma, posted, send } = createStub();
    const handlers = createHandlers({
      loadDraftAsync: () => {
        throw new Error('clientStorage is not available');
      },
    });
    createMainBridge(figma, handlers);

    send({ type: 'load-draft' });
    send({ type: 'insert-template' });
    await settleAsync();

    expect(posted.slice(1).map((message) => (message as { type: string }).type)).toEqual(['draft', 'progress', 'progress', 'done']);
  });

  it('answers malformed messages with an error naming the problem and draws nothing', async () => {
    const { figma, posted, send } = createStub();
    const handlers = createHandlers();
    createMainBridge(figma, handlers);

    send('insert-template');
    send({ type: 'explode' });
    send({ type: 'generate', journey: { title: 42 } });
    await settleAsync();

    const errors = posted.slice(1) as { type: string; message: string }[];
    expect(errors.map((message) => message.type)).toEqual(['error', 'error', 'error']);
    expect(errors[0]?.message).toMatch(/type: expected a message object/);
    expect(errors[1]?.message).toMatch(/unknown message type "explode"/);
    expect(errors[2]?.message).toMatch(/journey\./);
    expect(handlers.generateMapAsync).not.toHaveBeenCalled();
  });

  it('reports a generation that throws as an error message', async () => {
    const { figma, posted, send } = createStub();
    createMainBridge(figma, createHandlers({ generateMapAsync: vi.fn(async () => Promise.reject(new Error('page is read-only'))) }));

    send({ type: 'insert-template' });
    await settleAsync();

    expect(posted.at(-1)).toEqual({ type: 'error', message: expect.stringMatching(/^Could not draw the map: page is read-only/) });
  });

  it('regenerates the map the panel drew, after its drawing, and posts the summary', async () => {
    const { figma, posted, send } = createStub();
    const handlers = createHandlers();
    createMainBridge(figma, handlers);

    send({ type: 'insert-template' });
    send({ type: 'regenerate' });
    await settleAsync();

    expect(vi.mocked(handlers.regenerateMapAsync).mock.calls.map((call) => call[0])).toEqual(['map-bridge0001']);
    expect(vi.mocked(handlers.generateMapAsync).mock.invocationCallOrder[0]).toBeLessThan(vi.mocked(handlers.regenerateMapAsync).mock.invocationCallOrder[0] ?? 0);
    expect(posted.slice(-2)).toEqual([
      { type: 'progress', done: 1, total: 1 },
      { type: 'done', report: { ...REPORT, mapId: 'map-bridge0001', created: 0, updated: 1 }, summary: 'Regenerated "Map": 1 board edit kept.', outcome: OUTCOME },
    ]);
  });

  it('regenerates the map chosen on the board when the panel drew none, without making it the panel\'s map', async () => {
    const { figma, send } = createStub();
    const handlers = createHandlers();
    createMainBridge(figma, handlers);

    send({ type: 'regenerate' });
    send({ type: 'generate', journey: createOnlineStoreJourney() });
    await settleAsync();

    expect(vi.mocked(handlers.regenerateMapAsync).mock.calls.map((call) => call[0])).toEqual([undefined]);
    expect(vi.mocked(handlers.generateMapAsync).mock.calls.map((call) => call[1])).toEqual(['map-bridge0001']);
  });

  it('reports a Regenerate that cannot choose a map as an error message', async () => {
    const { figma, posted, send } = createStub();
    const handlers = createHandlers({
      regenerateMapAsync: vi.fn(async () => Promise.reject(new Error('selection: there are 2 maps here ("A", "B"); select one and run Regenerate again'))),
    });
    createMainBridge(figma, handlers);

    send({ type: 'regenerate' });
    await settleAsync();

    expect(posted.at(-1)).toEqual({ type: 'error', message: 'Could not regenerate: selection: there are 2 maps here ("A", "B"); select one and run Regenerate again' });
  });

  it('inserts an imported journey as a new map, and finish draws that journey again on it', async () => {
    const { figma, send } = createStub();
    const handlers = createHandlers();
    createMainBridge(figma, handlers);
    const journey = { ...createOnlineStoreJourney(), title: 'Imported' };
    send({ type: 'insert-template' });
    send({ type: 'insert-journey', journey });
    send({ type: 'finish' });
    await settleAsync();
    const calls = vi.mocked(handlers.generateMapAsync).mock.calls;
    expect(calls.map((call) => [call[0].title, call[1]])).toEqual([
      [createOnlineStoreJourney().title, 'map-bridge0001'],
      ['Imported', 'map-bridge0002'],
      ['Imported', 'map-bridge0002'],
    ]);
  });

  it('answers load-journey with the chosen map’s journey, render-svg with a picture, and runs focus and update-map', async () => {
    const { figma, posted, send } = createStub();
    const handlers = createHandlers();
    createMainBridge(figma, handlers);
    const journey = createOnlineStoreJourney();
    send({ type: 'load-journey' });
    send({ type: 'render-svg', journey, maxWidth: 800 });
    send({ type: 'focus', mapId: 'map-chosen0001', keys: ['stage:order'] });
    const base = { ...journey, title: 'As the panel loaded it' };
    send({ type: 'update-map', mapId: 'map-chosen0001', journey, base });
    await settleAsync();
    await settleAsync();
    const ofType = (type: string) => posted.find((message) => (message as { type: string }).type === type);
    expect(ofType('journey')).toEqual({ type: 'journey', mapId: 'map-chosen0001', journey });
    expect(ofType('svg')).toMatchObject({ type: 'svg', svg: expect.stringMatching(/^<svg [^>]*width="800"/) });
    expect(handlers.focusAsync).toHaveBeenCalledWith('map-chosen0001', ['stage:order']);
    expect(handlers.updateMapAsync).toHaveBeenCalledWith('map-chosen0001', journey, expect.any(Function), base);
    expect(posted.at(-1)).toMatchObject({ type: 'done', outcome: OUTCOME });
  });

  it('refuses a focus message with too many or malformed keys', async () => {
    const { figma, posted, send } = createStub();
    const handlers = createHandlers();
    createMainBridge(figma, handlers);
    send({ type: 'focus', mapId: 'map-x', keys: Array.from({ length: 501 }, () => 'card:a') });
    send({ type: 'focus', mapId: 'map-x', keys: [42] });
    await settleAsync();
    expect(posted.slice(1)).toEqual([
      { type: 'error', message: expect.stringMatching(/at most 500 scene keys/) },
      { type: 'error', message: expect.stringMatching(/at most 500 scene keys/) },
    ]);
    expect(handlers.focusAsync).not.toHaveBeenCalled();
  });

  it('closes the plugin on close and stops listening once disposed', async () => {
    const { figma, send } = createStub();
    const handlers = createHandlers();
    const dispose = createMainBridge(figma, handlers);

    send({ type: 'close' });
    expect(handlers.closePlugin).toHaveBeenCalledTimes(1);
    dispose();
    send({ type: 'insert-template' });
    await settleAsync();
    expect(handlers.generateMapAsync).not.toHaveBeenCalled();
  });
});
