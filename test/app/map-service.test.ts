import { describe, expect, it } from 'vitest';
import type { BoardPort } from '../../src/app/board-port';
import { connectInProcess, MapServiceError } from '../../src/app/map-channel';
import { createMapService } from '../../src/app/map-service';
import { listPresentationViews } from '../../src/layout/presentation-views';
import { emotionPointKey, stepHeaderKey } from '../../src/layout/scene-keys';
import { listSteps } from '../../src/model/journey';
import { createFigjamPort } from '../../src/hosts/figjam/figjam-host';
import { formatTextAsHtml } from '../../src/hosts/miro/miro-html';
import { createMiroPort } from '../../src/hosts/miro/miro-host';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { createFakeFigma } from '../../src/simulator/fake-figma';
import { FakeMiroBoard } from '../../src/simulator/fake-miro-board';
import { createSeededRandom } from '../seeded-random';
import { describeErrorIn } from '../../ui/error-strings';

// The map service is one application core for both hosts: the same requests,
// through the same channel, behave the same on FigJam's and Miro's boards.

const instantSleepAsync = async (): Promise<void> => undefined;

interface HostUnderTest {
  port: BoardPort;
  countWrites(): number;
  clearLog(): void;
  /** A person types `text` into the sticky of card `key`. */
  typeAsync(key: string, text: string): Promise<void>;
  /** A person selects the container `containerId`, or nothing. */
  selectMap(containerId: string | undefined): void;
  /** The keys of the items the viewport last zoomed to (`map` for the map's container). */
  listViewedKeys(): string[];
}

function createFigjamUnderTest(): HostUnderTest {
  const fake = createFakeFigma({ viewportCenter: { x: 0, y: 0 } });
  return {
    port: createFigjamPort(fake.api),
    countWrites: () => fake.listWrites().length,
    clearLog: () => fake.clearCalls(),
    typeAsync: async (key, text) => {
      await fake.api.loadFontAsync({ family: 'Inter', style: 'Medium' });
      const sticky = fake.listNodes().find((node) => node.type === 'STICKY' && node.name === key) as StickyNode;
      sticky.text.characters = text;
    },
    selectMap: (containerId) => {
      fake.api.currentPage.selection = containerId === undefined ? [] : fake.listNodes().filter((node) => node.id === containerId);
    },
    listViewedKeys: () => {
      const ids = (fake.calls.filter((call) => call.method === 'scrollAndZoomIntoView').at(-1)?.args[0] ?? []) as string[];
      return ids.map((id) => {
        const node = fake.listNodes().find((candidate) => candidate.id === id);
        return node?.type === 'SECTION' ? 'map' : (node?.name ?? id);
      });
    },
  };
}

function createMiroUnderTest(): HostUnderTest {
  const fake = new FakeMiroBoard();
  return {
    port: createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync }),
    countWrites: () => fake.listWriteCalls().length,
    clearLog: () => fake.resetLog(),
    typeAsync: async (key, text) => {
      const record = fake.listRecords().find((item) => item.type === 'sticky_note' && (item.metadata.cjm as { k?: string } | undefined)?.k === key);
      if (!record) throw new Error(`no sticky for ${key}`);
      fake.editItem(record.id, { content: formatTextAsHtml(text) });
    },
    selectMap: (containerId) => fake.selectByHand(containerId === undefined ? [] : [containerId]),
    listViewedKeys: () =>
      (fake.zooms.at(-1) ?? []).map((id) => {
        const record = fake.findRecord(id);
        return record?.type === 'frame' ? 'map' : ((record?.metadata.cjm as { k?: string } | undefined)?.k ?? id);
      }),
  };
}

function connect(host: HostUnderTest) {
  const service = createMapService({
    port: host.port,
    createTemplateJourneyAsync: () => Promise.resolve(createOnlineStoreJourney()),
    renderSvgAsync: () => Promise.resolve('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    random: createSeededRandom(7),
    sleepAsync: instantSleepAsync,
  });
  return connectInProcess(service).controller;
}

describe.each([
  ['FigJam', createFigjamUnderTest],
  ['Miro', createMiroUnderTest],
] as const)('the map service on %s', (_, createHost) => {
  it('inserts the template, regenerates it without a write, keeps a board edit, and updates from the panel keeping it', async () => {
    const host = createHost();
    const panel = connect(host);
    const progress: number[] = [];
    const inserted = await panel.insertTemplateAsync((step) => progress.push(step.done));
    expect(inserted.failed).toEqual([]);
    expect(inserted.containerId).toBeDefined();
    // Progress counts the drawing steps; the summary counts the items on the board (a line of several connectors is several).
    expect(progress.at(-1)).toBeGreaterThan(100);
    expect(progress.at(-1)).toBeLessThanOrEqual(inserted.created);

    host.clearLog();
    const unchanged = await panel.regenerateAsync(() => undefined);
    // FigJam selects a map it inserted, Miro only zooms to it: either way this map.
    expect(unchanged.outcome).toMatchObject({ title: createOnlineStoreJourney().title, edits: 0, adopted: 0, conflicts: 0 });
    expect(host.countWrites()).toBe(0);

    const journey = createOnlineStoreJourney();
    await host.typeAsync(journey.cards[0]!.id, 'Typed on the board');
    const regenerated = await panel.regenerateAsync(() => undefined);
    expect(regenerated.outcome.edits).toBe(1);

    const loaded = await panel.loadMapJourneyAsync();
    expect(loaded.journey.cards[0]!.text).toBe('Typed on the board');
    const updated = await panel.updateMapAsync(loaded.mapId, { ...loaded.journey, title: 'Renamed in the panel' }, () => undefined, loaded.journey);
    expect(updated.journey?.title).toBe('Renamed in the panel');
    expect(updated.journey?.cards[0]!.text).toBe('Typed on the board');
  });

  it('presents a map view by view: the viewport goes to the whole map, each stage, each persona; nothing is written', async () => {
    const host = createHost();
    const panel = connect(host);
    const { mapId } = await panel.insertTemplateAsync(() => undefined);
    const journey = createOnlineStoreJourney();
    const views = listPresentationViews(journey);
    host.clearLog();
    const seen: string[][] = [];
    for (const { keys } of views) {
      await panel.showOnBoardAsync(mapId, keys);
      seen.push(host.listViewedKeys().sort());
    }
    expect(host.countWrites()).toBe(0);
    // The whole map, first.
    expect(seen[0]).toEqual(['map']);
    // Each stage: its header and every card of it on the board, and nothing of another stage; its point, or its steps' headers and points.
    const anna = journey.personas[0]!.id;
    journey.stages.forEach((stage, index) => {
      const viewed = seen[index + 1]!;
      expect(viewed).toContain(stage.id);
      for (const card of journey.cards) expect(viewed.includes(card.id), card.id).toBe(card.stage === stage.id);
      const steps = listSteps(stage);
      if (steps.length === 0) expect(viewed).toContain(emotionPointKey(anna, stage.id));
      for (const step of steps) expect(viewed).toEqual(expect.arrayContaining([stepHeaderKey(stage.id, step.id), emotionPointKey(anna, { stage: stage.id, step: step.id })]));
    });
    expect(journey.stages.some((stage) => listSteps(stage).length > 0)).toBe(true);
    // Each persona: its card and its line's points.
    const persona = journey.personas[0]!;
    const personaView = seen[1 + journey.stages.length]!;
    expect(personaView).toContain(persona.id);
    expect(personaView.filter((key) => key.startsWith('emotion:')).length).toBe(journey.emotions.filter((emotion) => emotion.persona === persona.id).length);
  });

  it('chooses the map by one rule: the selection, else the map this panel drew last, else the only one; else says which maps there are', async () => {
    const host = createHost();
    const panel = connect(host);
    const first = await panel.insertTemplateAsync(() => undefined);
    const second = await panel.insertJourneyAsync({ ...createOnlineStoreJourney(), title: 'Second map' }, () => undefined);
    expect(second.mapId).not.toBe(first.mapId);
    host.selectMap(undefined);

    expect((await panel.regenerateAsync(() => undefined)).outcome).toMatchObject({ title: 'Second map', chosenBy: 'panel' });
    host.selectMap(first.containerId ?? '');
    expect((await panel.regenerateAsync(() => undefined)).outcome).toMatchObject({ title: createOnlineStoreJourney().title, chosenBy: 'selection' });

    // Another panel, nothing selected: it drew neither map.
    host.selectMap(undefined);
    const error = await connect(host)
      .regenerateAsync(() => undefined)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MapServiceError);
    expect((error as MapServiceError).reason).toEqual({ code: 'several-maps', titles: expect.arrayContaining(['Second map']) as unknown });
    expect(describeErrorIn('ru', error)).toMatch(/^Здесь несколько карт \(2: /);
    expect(describeErrorIn('uk', error)).toMatch(/^Тут кілька карт \(2: /);
  });

  it('answers every request with its own answer or error, whatever else is in flight', async () => {
    const host = createHost();
    const panel = connect(host);
    await panel.insertTemplateAsync(() => undefined);
    host.selectMap(undefined);
    // A failing request and a good one, in flight together.
    const [focus, regenerate] = await Promise.allSettled([panel.showOnBoardAsync('map-notthere01', ['stage:need']), panel.regenerateAsync(() => undefined)]);
    expect(focus.status === 'rejected' && (focus.reason as MapServiceError).reason).toEqual({ code: 'map-gone' });
    expect(regenerate.status === 'fulfilled' && regenerate.value.outcome.chosenBy).toBe('panel');
  });

  it('keeps a large draft (in parts where the host takes smaller values) and forgets it', async () => {
    const host = createHost();
    const panel = connect(host);
    const journey = createOnlineStoreJourney();
    const big = { ...journey, cards: journey.cards.map((card) => ({ ...card, text: `${card.text} ${'ж'.repeat(300)}` })) };
    await panel.saveDraftAsync({ journey: big, step: 3, savedAt: 1 });
    expect((await connect(host).openAsync()).draft).toEqual({ journey: big, step: 3, savedAt: 1 });
    await panel.saveDraftAsync(undefined);
    expect((await connect(host).openAsync()).draft).toBeUndefined();
  });
});
