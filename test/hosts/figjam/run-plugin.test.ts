import { createFigma, createParentPostMessage } from 'figma-api-stub';
import { describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../src/app/app-error';
import { MAP_CHANNEL, type MapRequest, type ServiceEnvelope } from '../../../src/app/map-messages';
import type { MapService } from '../../../src/app/map-service';
import { JOURNEY_FIELD } from '../../../src/hosts/figjam/figjam-host';
import { connectPanel, runPlugin } from '../../../src/hosts/figjam/run-plugin';
import { FIGJAM_METRICS } from '../../../src/layout/host-metrics';
import { layoutJourney } from '../../../src/layout/layout-journey';
import type { JourneyDraft } from '../../../src/model/journey-draft';
import { parseRecord } from '../../../src/model/journey-record';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import type { ApplyProgress, ApplyReport } from '../../../src/sync/host-port';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { createFakeFigma, type FakeFigma } from '../../../src/simulator/fake-figma';
import { createUiBridge, type UiBridge, type UiBridgeWindows } from '../../../ui/figjam-ui-bridge';

const SEQUENCE = () => 0.5;
/** The map id SEQUENCE gives. */
const MAP_ID = 'map-iiiiiiiiii';
const TITLE = 'Online store: ordering a kettle';
/** Where the plugin keeps the panel's draft in figma.clientStorage. */
const DRAFT_STORAGE_KEY = 'cjm-board/draft';
const templateSize = () => layoutJourney(createOnlineStoreJourney(), { metrics: FIGJAM_METRICS }).nodes.length;

const isEnvelopeOf = (id: number) => (message: unknown): message is ServiceEnvelope => (message as { id?: unknown }).id === id;
const isReply = (envelope: ServiceEnvelope): envelope is Extract<ServiceEnvelope, { type: 'answer' | 'error' }> => envelope.type === 'answer' || envelope.type === 'error';

/** The panel's side of the channel, spoken by hand: numbered requests, and the envelopes that came back for each. */
function createPanelChannel(fake: FakeFigma) {
  let nextId = 0;
  return {
    /** Sends `request` (well-formed or not) as the panel does; returns its id. */
    send(request: MapRequest | Record<string, unknown>): number {
      nextId += 1;
      fake.sendFromUi({ channel: MAP_CHANNEL, id: nextId, request });
      return nextId;
    },
    /** The envelopes the plugin posted for request `id`, in order. */
    envelopesOf: (id: number): ServiceEnvelope[] => fake.uiMessages.filter(isEnvelopeOf(id)),
    /** Waits for the answer or error to request `id`. */
    async replyAsync(id: number) {
      await expect.poll(() => fake.uiMessages.filter(isEnvelopeOf(id)).some(isReply), { timeout: 5000 }).toBe(true);
      return fake.uiMessages.filter(isEnvelopeOf(id)).find(isReply) as Extract<ServiceEnvelope, { type: 'answer' | 'error' }>;
    },
  };
}

/** Opens the panel: runs the plugin with command `open` on `fake`. */
async function openPanelAsync(fake = createFakeFigma({ command: 'open' }), random = SEQUENCE) {
  await runPlugin(fake.api, { html: '<p>panel</p>', random });
  return { fake, panel: createPanelChannel(fake) };
}

/** The sticky that shows scene key `key` of map `mapId`. */
const findSticky = (fake: FakeFigma, key: string, mapId = MAP_ID): StickyNode => {
  const sticky = fake.listNodes().find((node): node is StickyNode => {
    const identity = decodeItemIdentity(node.getPluginData(IDENTITY_FIELD));
    return node.type === 'STICKY' && identity?.map === mapId && identity.key === key;
  });
  if (!sticky) throw new Error(`no sticky ${key} of ${mapId}`);
  return sticky;
};

describe('runPlugin', () => {
  it('insert-template draws the template map, says how many items, and closes', async () => {
    const fake = createFakeFigma({ command: 'insert-template' });
    await runPlugin(fake.api, { html: '<p>panel</p>', random: SEQUENCE });

    expect(fake.closed).toBe(true);
    expect(fake.shownUi).toBeUndefined();
    expect(fake.notifications).toEqual([`CJM map inserted: ${templateSize()} items`]);
    const sections = fake.listNodes().filter((node) => node.type === 'SECTION');
    expect(sections).toHaveLength(1);
    expect(decodeItemIdentity(sections[0]?.getPluginData(IDENTITY_FIELD))?.map).toBe(MAP_ID);
    expect(fake.api.currentPage.selection).toEqual(sections);
  });

  it('insert-template twice draws two maps', async () => {
    const fake = createFakeFigma({ command: 'insert-template' });
    let seed = 0;
    const random = () => ((seed += 0.013) % 1);
    await runPlugin(fake.api, { html: '', random });
    await runPlugin(fake.api, { html: '', random });

    expect(fake.listNodes().filter((node) => node.type === 'SECTION')).toHaveLength(2);
  });

  it('regenerate with no map on the page says so and closes without writing', async () => {
    const fake = createFakeFigma({ command: 'regenerate' });
    await runPlugin(fake.api, { html: '' });

    expect(fake.notifications).toEqual(['Could not regenerate: there is no CJM map here; insert one with Insert CJM template first']);
    expect(fake.calls.find((call) => call.method === 'notify')?.args[1]).toEqual({ error: true });
    expect(fake.closed).toBe(true);
    expect(fake.listWrites()).toEqual([]);
  });

  it('regenerate keeps a sticky edited on the board, notifies which map it regenerated, and closes', async () => {
    const fake = createFakeFigma({ command: 'insert-template' });
    await runPlugin(fake.api, { html: '', random: SEQUENCE });
    const sticky = findSticky(fake, 'card:actions-need-1');
    await fake.api.loadFontAsync({ family: 'Inter', style: 'Medium' });
    sticky.text.characters = 'Notices the old kettle leaks';
    fake.api.currentPage.selection = [];
    (fake.api as { command: string }).command = 'regenerate';
    fake.clearCalls();
    fake.notifications.length = 0;

    await runPlugin(fake.api, { html: '', random: SEQUENCE });

    expect(fake.notifications).toEqual([`Regenerated "${TITLE}": 1 edit kept, 1 redrawn.`]);
    expect(fake.calls.find((call) => call.method === 'notify')?.args[1]).toEqual({ error: false });
    expect(sticky.text.characters).toBe('Notices the old kettle leaks');
    expect(fake.calls.filter((call) => call.method === 'closePlugin')).toHaveLength(1);
    expect(fake.calls.filter((call) => call.method === 'commitUndo')).toHaveLength(1);
  });

  it('regenerate with two maps and none selected names them, asks to select one, and writes nothing', async () => {
    const fake = createFakeFigma({ command: 'insert-template' });
    let seed = 0;
    const random = () => ((seed += 0.013) % 1);
    await runPlugin(fake.api, { html: '', random });
    await runPlugin(fake.api, { html: '', random });
    fake.api.currentPage.selection = [];
    (fake.api as { command: string }).command = 'regenerate';
    fake.clearCalls();
    fake.notifications.length = 0;

    await runPlugin(fake.api, { html: '', random });

    expect(fake.notifications).toEqual([`Could not regenerate: there are 2 maps here ("${TITLE}", "${TITLE}"); select one and run Regenerate again`]);
    expect(fake.listWrites()).toEqual([]);
    expect(fake.closed).toBe(true);
  });

  it('the panel regenerates the map it drew, of two on the page, and answers with the report and the outcome', async () => {
    // Another map, inserted from the menu before the panel was opened.
    const fake = createFakeFigma({ command: 'insert-template' });
    await runPlugin(fake.api, { html: '', random: () => 0.1 });
    (fake.api as { command: string }).command = 'open';
    const { panel } = await openPanelAsync(fake);
    await panel.replyAsync(panel.send({ type: 'insert-template' }));
    expect(fake.listNodes().filter((node) => node.type === 'SECTION')).toHaveLength(2);
    const sticky = findSticky(fake, 'card:actions-need-2');
    await fake.api.loadFontAsync({ family: 'Inter', style: 'Medium' });
    sticky.text.characters = 'Decides to buy one today';
    fake.api.currentPage.selection = [];

    const id = panel.send({ type: 'regenerate' });
    const reply = await panel.replyAsync(id);

    expect(reply).toEqual({
      channel: MAP_CHANNEL,
      type: 'answer',
      id,
      answer: {
        report: expect.objectContaining({ mapId: MAP_ID, updated: 1, created: 0, deleted: 0, released: 0, failed: [] }),
        // Nothing selected: the map this panel drew.
        outcome: { title: TITLE, edits: 1, adopted: 0, conflicts: 0, chosenBy: 'panel' },
      },
    });
    expect(panel.envelopesOf(id).filter((envelope) => envelope.type === 'progress')).toEqual([{ channel: MAP_CHANNEL, type: 'progress', id, progress: { done: 1, total: 1 } }]);
    expect(sticky.text.characters).toBe('Decides to buy one today');
    // Only the menu command closed the plugin; the panel stays open.
    expect(fake.calls.filter((call) => call.method === 'closePlugin')).toHaveLength(1);
  });

  it.each(['open', ''])('command %j opens the panel and draws what the panel asks for', async (command) => {
    const { fake, panel } = await openPanelAsync(createFakeFigma({ command }));

    expect(fake.shownUi).toEqual({ html: '<p>panel</p>', options: { width: 380, height: 640, themeColors: true } });
    expect(fake.uiMessages).toEqual([{ channel: MAP_CHANNEL, type: 'ready', locale: 'en' }]);
    expect(fake.listWrites()).toEqual([]);

    const id = panel.send({ type: 'insert-template' });
    const reply = await panel.replyAsync(id);

    expect(reply).toMatchObject({ type: 'answer', answer: { report: { mapId: MAP_ID, created: templateSize(), failed: [] } } });
    const progress = panel.envelopesOf(id).filter((envelope) => envelope.type === 'progress');
    expect(progress).toHaveLength(templateSize());
    expect(progress.map((envelope) => envelope.type === 'progress' && envelope.progress)).toEqual(Array.from({ length: templateSize() }, (_, index) => ({ done: index + 1, total: templateSize() })));
    expect(fake.closed).toBe(false);
  });

  it('an unknown command is explained and closes', async () => {
    const fake = createFakeFigma({ command: 'dance' });
    await runPlugin(fake.api, { html: '' });

    expect(fake.notifications[0]).toMatch(/Unknown command "dance"/);
    expect(fake.closed).toBe(true);
  });
});

// figma-api-stub stands in for FigJam's message plumbing only: its drawing
// does not follow FigJam (no sticky rules, no fonts), so the map service
// behind the channel is a stub here, and the fake figma where it draws.
describe('connectPanel (with figma-api-stub)', () => {
  const REPORT: ApplyReport = { mapId: 'map-bridge0001', origin: { x: 10, y: 20 }, created: 3, updated: 0, deleted: 0, released: 0, failed: [] };

  type Handle = (request: MapRequest, onProgress?: (progress: ApplyProgress) => void) => Promise<unknown>;

  function createStub(handle: Handle = async () => ({})) {
    const figma = createFigma({ isWithoutTimeout: true });
    const posted: unknown[] = [];
    vi.spyOn(figma.ui, 'postMessage').mockImplementation((message: unknown) => {
      posted.push(message);
    });
    const handleAsync = vi.fn(handle);
    const service = { handleAsync: handleAsync as unknown as MapService['handleAsync'] };
    const sendFromUi = createParentPostMessage(figma, true);
    return { figma, posted, service, handleAsync, send: (message: unknown) => sendFromUi({ pluginMessage: message }, '*') };
  }

  const settleAsync = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('says ready first, with the locale, then answers a request by its id: its progress, then its answer', async () => {
    const { figma, posted, service, handleAsync, send } = createStub(async (_request, onProgress) => {
      onProgress?.({ done: 1, total: 2 });
      onProgress?.({ done: 2, total: 2 });
      return { report: REPORT };
    });
    connectPanel(figma as unknown as PluginAPI, service, 'uk');
    expect(posted).toEqual([{ channel: MAP_CHANNEL, type: 'ready', locale: 'uk' }]);

    send({ channel: MAP_CHANNEL, id: 7, request: { type: 'insert-template' } });
    await settleAsync();

    expect(posted).toEqual([
      { channel: MAP_CHANNEL, type: 'ready', locale: 'uk' },
      { channel: MAP_CHANNEL, type: 'progress', id: 7, progress: { done: 1, total: 2 } },
      { channel: MAP_CHANNEL, type: 'progress', id: 7, progress: { done: 2, total: 2 } },
      { channel: MAP_CHANNEL, type: 'answer', id: 7, answer: { report: REPORT } },
    ]);
    expect(handleAsync).toHaveBeenCalledTimes(1);
    expect(handleAsync.mock.calls[0]?.[0]).toEqual({ type: 'insert-template' });
  });

  it('answers malformed requests with a bad-message error naming the problem, for their id, and acts on none of them', async () => {
    const { figma, posted, service, handleAsync, send } = createStub();
    connectPanel(figma as unknown as PluginAPI, service);

    send({ channel: MAP_CHANNEL, request: { type: 'insert-template' } });
    send({ channel: MAP_CHANNEL, id: 1, request: 'insert-template' });
    send({ channel: MAP_CHANNEL, id: 2, request: { type: 'explode' } });
    send({ channel: MAP_CHANNEL, id: 3, request: { type: 'insert-journey', journey: { title: 42 } } });
    send({ channel: MAP_CHANNEL, id: 4, request: { type: 'focus', mapId: 'map-x', keys: Array.from({ length: 5001 }, () => 'card:a') } });
    send({ channel: MAP_CHANNEL, id: 5, request: { type: 'focus', mapId: 'map-x', keys: [42] } });
    send({ channel: MAP_CHANNEL, id: 6, request: { type: 'save-draft', draft: { journey: { title: 7 }, step: 3 } } });
    await settleAsync();

    const errors = posted.slice(1) as Extract<ServiceEnvelope, { type: 'error' }>[];
    expect(errors.map((envelope) => [envelope.type, envelope.id, envelope.error.code])).toEqual([
      ['error', undefined, 'bad-message'],
      ['error', 1, 'bad-message'],
      ['error', 2, 'bad-message'],
      ['error', 3, 'bad-message'],
      ['error', 4, 'bad-message'],
      ['error', 5, 'bad-message'],
      ['error', 6, 'bad-message'],
    ]);
    const details = errors.map((envelope) => (envelope.error.code === 'bad-message' ? envelope.error.details : []));
    expect(details[0]).toEqual([{ path: 'id', message: 'expected a request id' }]);
    expect(details[1]?.[0]?.message).toMatch(/expected a request object/);
    expect(details[2]?.[0]?.message).toMatch(/unknown request type "explode"/);
    expect(details[3]?.every((error) => error.path.startsWith('journey.'))).toBe(true);
    expect(details[4]?.[0]?.message).toMatch(/at most 5000 scene keys/);
    expect(details[5]?.[0]?.message).toMatch(/at most 5000 scene keys/);
    expect(details[6]?.length).toBeGreaterThan(0);
    expect(handleAsync).not.toHaveBeenCalled();
  });

  it('ignores messages that are not of its channel, answering nothing', async () => {
    const { figma, posted, service, handleAsync, send } = createStub();
    connectPanel(figma as unknown as PluginAPI, service);

    send('insert-template');
    send({ type: 'insert-template' });
    send({ channel: 'another-plugin', id: 1, request: { type: 'insert-template' } });
    await settleAsync();

    expect(posted).toEqual([{ channel: MAP_CHANNEL, type: 'ready', locale: 'en' }]);
    expect(handleAsync).not.toHaveBeenCalled();
  });

  it('answers a request that fails with an error for its id: an AppFailure as its reason, anything else as unexpected', async () => {
    const { figma, posted, service, handleAsync, send } = createStub(async (request) => {
      if (request.type === 'regenerate') throw new AppFailure({ code: 'several-maps', titles: ['A', 'B'] });
      throw new Error('page is read-only');
    });
    connectPanel(figma as unknown as PluginAPI, service);

    send({ channel: MAP_CHANNEL, id: 1, request: { type: 'regenerate' } });
    send({ channel: MAP_CHANNEL, id: 2, request: { type: 'insert-template' } });
    await settleAsync();

    expect(posted.slice(1)).toEqual([
      { channel: MAP_CHANNEL, type: 'error', id: 1, error: { code: 'several-maps', titles: ['A', 'B'] } },
      { channel: MAP_CHANNEL, type: 'error', id: 2, error: { code: 'unexpected', detail: 'page is read-only' } },
    ]);
    expect(handleAsync.mock.calls.map((call) => call[0])).toEqual([{ type: 'regenerate' }, { type: 'insert-template' }]);
  });

  it('stops listening once disposed', async () => {
    const { figma, posted, service, handleAsync, send } = createStub();
    const dispose = connectPanel(figma as unknown as PluginAPI, service);

    dispose();
    send({ channel: MAP_CHANNEL, id: 1, request: { type: 'insert-template' } });
    await settleAsync();

    expect(handleAsync).not.toHaveBeenCalled();
    expect(posted).toHaveLength(1);
  });
});

describe('the panel and the map service, over the fake FigJam', () => {
  it('runs requests one at a time: a Regenerate asked during an insert waits for it and acts on the map the panel drew', async () => {
    const { fake, panel } = await openPanelAsync();
    const insert = panel.send({ type: 'insert-template' });
    const regenerate = panel.send({ type: 'regenerate' });
    const regenerated = await panel.replyAsync(regenerate);

    const replies = fake.uiMessages.filter((message) => isReply(message as ServiceEnvelope)) as Extract<ServiceEnvelope, { type: 'answer' | 'error' }>[];
    expect(replies.map((envelope) => [envelope.id, envelope.type])).toEqual([
      [insert, 'answer'],
      [regenerate, 'answer'],
    ]);
    // No progress of the Regenerate before the insert's answer.
    const insertAnswer = fake.uiMessages.findIndex((message) => isEnvelopeOf(insert)(message) && isReply(message));
    expect(fake.uiMessages.findIndex(isEnvelopeOf(regenerate))).toBeGreaterThan(insertAnswer);
    // The drawn map, as drawn: nothing to keep, nothing to redraw.
    expect(regenerated).toMatchObject({ answer: { report: { mapId: MAP_ID, created: 0, updated: 0, deleted: 0, failed: [] }, outcome: { title: TITLE, edits: 0, chosenBy: 'selection' } } });
  });

  it('inserts an imported journey as a new map, and finish draws what is missing of that map, not of the one before', async () => {
    let seed = 0;
    // Two maps need two ids.
    const { fake, panel } = await openPanelAsync(createFakeFigma({ command: 'open' }), () => ((seed += 0.013) % 1));
    const journey = { ...createOnlineStoreJourney(), title: 'Imported' };
    const template = await panel.replyAsync(panel.send({ type: 'insert-template' }));
    const imported = await panel.replyAsync(panel.send({ type: 'insert-journey', journey }));
    const finished = await panel.replyAsync(panel.send({ type: 'finish' }));

    const sections = fake.listNodes().filter((node): node is SectionNode => node.type === 'SECTION');
    expect(sections.map((section) => section.name)).toEqual([TITLE, 'Imported']);
    const mapIds = sections.map((section) => decodeItemIdentity(section.getPluginData(IDENTITY_FIELD))?.map);
    expect(new Set(mapIds).size).toBe(2);
    expect(template).toMatchObject({ type: 'answer', answer: { report: { mapId: mapIds[0], containerId: sections[0]?.id, failed: [] } } });
    expect(imported).toMatchObject({ type: 'answer', answer: { report: { mapId: mapIds[1], containerId: sections[1]?.id, created: templateSize(), failed: [] } } });
    // Finish acts on the imported map, which is complete: nothing is drawn twice.
    expect(finished).toMatchObject({ type: 'answer', answer: { report: { mapId: mapIds[1], containerId: sections[1]?.id, created: 0, updated: 0, deleted: 0, failed: [] } } });
  });

  it('regenerates the map chosen on the board when the panel drew none, without making it the panel\'s map', async () => {
    const fake = createFakeFigma({ command: 'insert-template' });
    await runPlugin(fake.api, { html: '', random: SEQUENCE });
    fake.api.currentPage.selection = [];
    (fake.api as { command: string }).command = 'open';
    let seed = 0;
    await runPlugin(fake.api, { html: '<p>panel</p>', random: () => ((seed += 0.013) % 1) });
    const panel = createPanelChannel(fake);

    const regenerated = await panel.replyAsync(panel.send({ type: 'regenerate' }));
    expect(regenerated).toMatchObject({ type: 'answer', answer: { report: { mapId: MAP_ID }, outcome: { chosenBy: 'only' } } });

    // Finish has no map of the panel's to finish: it draws the template as a new map.
    const finished = await panel.replyAsync(panel.send({ type: 'finish' }));
    const sections = fake.listNodes().filter((node): node is SectionNode => node.type === 'SECTION');
    expect(sections).toHaveLength(2);
    expect(finished).toMatchObject({ type: 'answer', answer: { report: { containerId: sections[1]?.id, created: templateSize() } } });
    expect(decodeItemIdentity(sections[1]?.getPluginData(IDENTITY_FIELD))?.map).not.toBe(MAP_ID);
  });

  it('keeps the panel\'s draft in clientStorage and gives it back with the selected map\'s journey; a damaged draft is refused, a damaged stored one dropped', async () => {
    const { fake, panel } = await openPanelAsync();
    await panel.replyAsync(panel.send({ type: 'insert-template' }));
    const journey = { ...createOnlineStoreJourney(), title: '' };
    journey.stages[0] = { ...journey.stages[0]!, name: '' };
    const draft: JourneyDraft = { journey, step: 3, savedAt: 1, mapId: MAP_ID };

    const saved = await panel.replyAsync(panel.send({ type: 'save-draft', draft }));
    expect(saved).toMatchObject({ type: 'answer', answer: {} });
    const stored = await fake.api.clientStorage.getAsync(DRAFT_STORAGE_KEY);
    expect(typeof stored).toBe('string');
    const record = parseRecord(JSON.parse(String(stored)) as unknown, 'draft');
    expect(record.ok && record.value.draft).toEqual(draft);

    // A damaged draft is refused for its request, and the stored one is kept.
    const refused = await panel.replyAsync(panel.send({ type: 'save-draft', draft: { journey: { title: 7 }, step: 3 } } as Record<string, unknown>));
    expect(refused).toMatchObject({ type: 'error', error: { code: 'bad-message' } });
    await expect(fake.api.clientStorage.getAsync(DRAFT_STORAGE_KEY)).resolves.toBe(stored);

    // Inserting selected the map: the panel opens on the draft and on the selected map's journey.
    const opened = await panel.replyAsync(panel.send({ type: 'open' }));
    expect(opened).toEqual({ channel: MAP_CHANNEL, type: 'answer', id: expect.any(Number), answer: { draft, selected: { mapId: MAP_ID, journey: createOnlineStoreJourney() } } });

    await fake.api.clientStorage.setAsync(DRAFT_STORAGE_KEY, { journey: { schema: 1 }, step: 0 });
    const reopened = await panel.replyAsync(panel.send({ type: 'open' }));
    expect(reopened).toMatchObject({ type: 'answer', answer: { selected: { mapId: MAP_ID } } });
    expect(reopened.type === 'answer' && reopened.answer).not.toHaveProperty('draft');

    // Forgetting the draft removes it.
    await panel.replyAsync(panel.send({ type: 'save-draft' }));
    await expect(fake.api.clientStorage.getAsync(DRAFT_STORAGE_KEY)).resolves.toBeUndefined();
  });

  it('opens without a draft when the storage throws, and still draws afterwards', async () => {
    const fake = createFakeFigma({ command: 'open' });
    vi.spyOn(fake.api.clientStorage, 'getAsync').mockRejectedValue(new Error('clientStorage is not available'));
    const { panel } = await openPanelAsync(fake);

    const opened = await panel.replyAsync(panel.send({ type: 'open' }));
    const inserted = await panel.replyAsync(panel.send({ type: 'insert-template' }));

    expect(opened).toMatchObject({ type: 'answer', answer: {} });
    expect(opened.type === 'answer' && opened.answer).toEqual({});
    expect(inserted).toMatchObject({ type: 'answer', answer: { report: { created: templateSize(), failed: [] } } });
  });

  it('answers load-map-journey with the chosen map\'s journey, render-svg with a picture, focus by selecting the items, and update-map with the outcome', async () => {
    const { fake, panel } = await openPanelAsync();
    await panel.replyAsync(panel.send({ type: 'insert-template' }));
    const journey = createOnlineStoreJourney();

    const loaded = await panel.replyAsync(panel.send({ type: 'load-map-journey' }));
    expect(loaded).toMatchObject({ type: 'answer', answer: { mapId: MAP_ID, journey } });

    const picture = await panel.replyAsync(panel.send({ type: 'render-svg', journey, maxWidth: 800 }));
    expect(picture).toMatchObject({ type: 'answer', answer: { svg: expect.stringMatching(/^<svg [^>]*width="800"/) } });

    const focused = await panel.replyAsync(panel.send({ type: 'focus', mapId: MAP_ID, keys: ['stage:order'] }));
    expect(focused).toMatchObject({ type: 'answer', answer: {} });
    expect(fake.api.currentPage.selection.map((node) => decodeItemIdentity(node.getPluginData(IDENTITY_FIELD))?.key)).toEqual(['stage:order']);

    const edited = { ...journey, title: 'Renamed in the panel' };
    const updated = await panel.replyAsync(panel.send({ type: 'update-map', mapId: MAP_ID, journey: edited, base: journey }));
    expect(updated).toMatchObject({ type: 'answer', answer: { report: { mapId: MAP_ID, failed: [] }, outcome: { title: 'Renamed in the panel' }, journey: { title: 'Renamed in the panel' } } });
    const section = fake.listNodes().find((node): node is SectionNode => node.type === 'SECTION');
    expect(section?.name).toBe('Renamed in the panel');
    const storedRecord = parseRecord(JSON.parse(section?.getPluginData(JOURNEY_FIELD) ?? '') as unknown, 'map');
    expect(storedRecord.ok && storedRecord.value.journey.title).toBe('Renamed in the panel');
  });

  it('closes the plugin on close', async () => {
    const { fake, panel } = await openPanelAsync();
    const id = panel.send({ type: 'close' });
    await panel.replyAsync(id);
    expect(fake.closed).toBe(true);
  });
});

/**
 * The panel's real end of the channel (`createUiBridge`) over FigJam's
 * message plumbing as the fake figma has it: the plugin's messages reach the
 * iframe as `message` events of `{ pluginMessage }`, the iframe's reach the
 * plugin as `figma.ui.on('message')`, each a task later like postMessage.
 */
function connectUiBridge(fake: FakeFigma): UiBridge {
  const listeners = new Set<(event: MessageEvent) => void>();
  const self = {
    addEventListener: (type: string, listener: (event: MessageEvent) => void) => {
      if (type === 'message') listeners.add(listener);
    },
    removeEventListener: (type: string, listener: (event: MessageEvent) => void) => {
      if (type === 'message') listeners.delete(listener);
    },
  };
  fake.listenToUiMessages((message) => {
    setTimeout(() => {
      for (const listener of [...listeners]) listener({ data: { pluginMessage: message } } as MessageEvent);
    }, 0);
  });
  const parent = {
    postMessage: (data: unknown) => {
      setTimeout(() => fake.sendFromUi((data as { pluginMessage: unknown }).pluginMessage), 0);
    },
  };
  return createUiBridge({ self, parent } as unknown as UiBridgeWindows);
}

describe('the panel\'s UI bridge and the plugin', () => {
  it('hears ready first, with the locale', async () => {
    const fake = createFakeFigma({ command: 'open' });
    const bridge = connectUiBridge(fake);
    await runPlugin(fake.api, { html: '<p>panel</p>', random: SEQUENCE });

    await expect(bridge.readyAsync).resolves.toBe('en');
    expect(fake.uiMessages[0]).toEqual({ channel: MAP_CHANNEL, type: 'ready', locale: 'en' });
    bridge.dispose();
  });

  // Before request ids, "Show on board" expected no answer: its error, posted
  // while a Regenerate waited, was taken as the Regenerate's failure, and the
  // Regenerate's own answer then found nobody waiting for it. (The build
  // before ids did so when the page could not be read; a map not on the
  // board it focused silently.)
  it.each([
    ['its map is not on the board', 'map-notonboard', (_fake: FakeFigma): void => undefined, { code: 'map-gone' }],
    ['the page cannot be read', MAP_ID, (fake: FakeFigma): void => fake.failOn('loadAsync'), { code: 'unexpected', detail: 'Simulated failure of loadAsync (requested with failOn)' }],
  ] as const)('a Show on board that fails because %s rejects only its own request: the Regenerate asked right after gets its own answer and redraws the map', async (_why, focusMapId, breakFocus, reason) => {
    const fake = createFakeFigma({ command: 'open' });
    const bridge = connectUiBridge(fake);
    await runPlugin(fake.api, { html: '<p>panel</p>', random: SEQUENCE });
    await bridge.readyAsync;
    const { controller } = bridge;
    await controller.insertTemplateAsync(() => undefined);
    const sticky = findSticky(fake, 'card:actions-need-1');
    fake.editTextByHand(sticky, 'Notices the old kettle leaks');
    fake.selectByHand([]);
    const viewportBefore = fake.api.viewport.center;
    fake.clearCalls();
    const requestsBefore = fake.uiMessages.length;

    // Show on board, then Regenerate, without waiting in between.
    const progress: ApplyProgress[] = [];
    breakFocus(fake);
    const [shown, regenerated] = await Promise.allSettled([
      controller.showOnBoardAsync(focusMapId, ['card:actions-need-1']),
      controller.regenerateAsync((step) => progress.push(step)),
    ]);

    expect(shown).toEqual({ status: 'rejected', reason: expect.objectContaining({ name: 'MapServiceError', reason }) });
    expect(regenerated).toEqual({
      status: 'fulfilled',
      value: {
        report: expect.objectContaining({ mapId: MAP_ID, created: 0, updated: 1, deleted: 0, released: 0, failed: [] }),
        outcome: { title: TITLE, edits: 1, adopted: 0, conflicts: 0, chosenBy: 'panel' },
      },
    });
    expect(progress).toEqual([{ done: 1, total: 1 }]);
    // The error came while the Regenerate was waiting, and it carried the focus request's id.
    const replies = fake.uiMessages.slice(requestsBefore).filter((message) => isReply(message as ServiceEnvelope)) as Extract<ServiceEnvelope, { type: 'answer' | 'error' }>[];
    expect(replies.map((envelope) => envelope.type)).toEqual(['error', 'answer']);
    expect(replies[0]?.id).not.toBe(replies[1]?.id);
    // The failed focus moved and selected nothing; the Regenerate took the
    // edited sticky in (a new identity, its words left as typed), as one undo step.
    expect(fake.calls.filter((call) => call.method === 'scrollAndZoomIntoView' || call.method === 'set:selection')).toEqual([]);
    expect(fake.api.viewport.center).toEqual(viewportBefore);
    expect(fake.listWrites().some((call) => call.method === 'setPluginData' && call.target === `STICKY ${sticky.id}`)).toBe(true);
    expect(fake.listWrites().some((call) => call.method === 'set:characters' && call.target === `STICKY ${sticky.id} text`)).toBe(false);
    expect(fake.listWrites().filter((call) => call.method === 'commitUndo')).toHaveLength(1);
    expect(sticky.text.characters).toBe('Notices the old kettle leaks');
    const section = fake.listNodes().find((node): node is SectionNode => node.type === 'SECTION');
    const record = parseRecord(JSON.parse(section?.getPluginData(JOURNEY_FIELD) ?? '') as unknown, 'map');
    expect(record.ok && record.value.journey.cards.find((card) => card.id === 'card:actions-need-1')?.text).toBe('Notices the old kettle leaks');
    bridge.dispose();
  });
});
