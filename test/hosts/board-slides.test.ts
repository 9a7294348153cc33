import { describe, expect, it } from 'vitest';
import type { BoardPort } from '../../src/app/board-port';
import { connectInProcess } from '../../src/app/map-channel';
import { createMapService } from '../../src/app/map-service';
import { insertMapAsync, placeMapSlidesAsync, regenerateMapAsync, updateMapFromPanelAsync } from '../../src/app/map-runs';
import { LEASE_KEY } from '../../src/app/map-lease';
import type { SlideImage } from '../../src/app/slide-deck';
import { createFigjamPort } from '../../src/hosts/figjam/figjam-host';
import { DEFAULT_TRANSIENT_ATTEMPTS } from '../../src/hosts/miro/call-pacer';
import { createMiroPort } from '../../src/hosts/miro/miro-host';
import type { Journey } from '../../src/model/journey';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { renderJourneySlides } from '../../src/render/render-slides';
import { createFigjamSimulatedBoard } from '../../src/simulator/create-figjam-simulated-board';
import { createMiroSimulatedBoard } from '../../src/simulator/create-miro-simulated-board';
import type { DrawableItem } from '../../src/simulator/drawable-item';
import { createFakeFigma } from '../../src/simulator/fake-figma';
import { FakeMiroBoard } from '../../src/simulator/fake-miro-board';
import type { SimulatedBoard } from '../../src/simulator/simulated-board';
import { createPngFile } from '../png-file';

// A map's deck of slides as a facilitator makes it before a meeting: a
// frame (Miro) or section (FigJam) per view beside the map, each holding
// that view's picture, in reading order; made again when the map changed.

const MAP_ID = 'map-slides00001';
const instantSleepAsync = async (): Promise<void> => undefined;

interface HostUnderTest {
  board: SimulatedBoard;
  createPort(): BoardPort;
  /** Ways a run fails half-way, as a lost connection would: each makes one call of the app fail. */
  failures: [string, () => void][];
}

const hosts: [string, () => HostUnderTest][] = [
  [
    'Miro',
    () => {
      const fake = new FakeMiroBoard();
      return {
        board: createMiroSimulatedBoard(fake),
        createPort: () => createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync }),
        failures: [
          ['the second frame', () => fake.failNthCall('board.createFrame', 2)],
          ['the first picture', () => fake.failNthCall('board.createImage', 1)],
          // Markers and frame.add are asked again after a failure: these fail as often as they are asked.
          ['marking the third picture', () => fake.failNthCall('item.setMetadata', 6, undefined, DEFAULT_TRANSIENT_ATTEMPTS)],
          ['putting the second picture in its frame', () => fake.failNthCall('frame.add', 2, undefined, DEFAULT_TRANSIENT_ATTEMPTS)],
        ],
      };
    },
  ],
  [
    'FigJam',
    () => {
      const fake = createFakeFigma({ viewportCenter: { x: 800, y: 400 } });
      return {
        board: createFigjamSimulatedBoard(fake),
        createPort: () => createFigjamPort(fake.api),
        failures: [
          [
            'the first picture',
            () => {
              const create = fake.api.createImage.bind(fake.api);
              fake.api.createImage = () => {
                fake.api.createImage = create;
                throw new Error('in createImage: the connection was lost');
              };
            },
          ],
        ],
      };
    },
  ],
];

/** The deck's pictures as the panel hands them over: real PNG files of the slides' proportions. */
function drawSlides(journey: Journey): SlideImage[] {
  return renderJourneySlides(journey).map((slide) => ({
    view: slide.view,
    title: slide.title,
    width: slide.width,
    height: slide.height,
    png: createPngFile(Math.max(1, Math.round(slide.width / 20)), Math.max(1, Math.round(slide.height / 20))),
  }));
}

const overlaps = (a: DrawableItem, b: DrawableItem): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(hosts)('slides of a map on %s', (_host, createHost) => {
  const setUpAsync = async (journey = createOnlineStoreJourney()) => {
    const host = createHost();
    await insertMapAsync(host.createPort(), journey, MAP_ID, { sleepAsync: instantSleepAsync });
    const mapFrame = () => host.board.listItems().find((item) => item.kind === 'frame' && item.hasIdentity)!;
    const slideFrames = () => host.board.listItems().filter((item) => item.kind === 'frame' && !item.hasIdentity);
    const mapItems = () =>
      host.board
        .listItems()
        .filter((item) => item.parentId === mapFrame().id || item.id === mapFrame().id)
        .map(({ id, x, y, width, height, text }) => ({ id, x, y, width, height, text }));
    const placeAsync = (slides: SlideImage[]) => placeMapSlidesAsync(host.createPort(), MAP_ID, slides);
    return { host, journey, mapFrame, slideFrames, mapItems, placeAsync };
  };

  it('puts a frame per view beside the map, titled in reading order, each holding its picture, and touches nothing of the map', async () => {
    const { host, journey, mapFrame, slideFrames, mapItems, placeAsync } = await setUpAsync();
    const before = mapItems();
    const slides = drawSlides(journey);
    const report = await placeAsync(slides);

    expect(report).toMatchObject({ made: slides.length, kept: 0, removed: 0 });
    const frames = slideFrames();
    expect(frames.map((frame) => frame.text)).toEqual(slides.map((slide) => slide.title));
    expect(frames[0]?.text).toBe(`1. ${journey.title}`);
    expect(frames.map((frame) => frame.text.split('.')[0])).toEqual(slides.map((_, index) => String(index + 1)));
    const items = host.board.listItems();
    for (const [index, frame] of frames.entries()) {
      const inside = items.filter((item) => item.parentId === frame.id);
      expect(inside.map((item) => item.kind), frame.text).toEqual(['image']);
      expect(inside[0]).toMatchObject({ x: frame.x, y: frame.y, width: frame.width, height: frame.height });
      expect(inside[0]?.src).toMatch(/^data:image\/png;base64,/);
      // As large as the view (Miro: as high as the picture's proportions make it).
      expect(frame.width).toBe(slides[index]?.width);
      expect(Math.abs(frame.height - (slides[index]?.height ?? 0))).toBeLessThan(frame.height * 0.02);
      // Under the map, in one row, clear of the map and of each other.
      expect(frame.y).toBeGreaterThan(mapFrame().y + mapFrame().height);
      expect(overlaps(frame, mapFrame())).toBe(false);
      const next = frames[index + 1];
      if (next) expect(next.x).toBeGreaterThan(frame.x + frame.width);
    }
    expect(mapItems()).toEqual(before);
    // The viewport goes to the deck.
    expect(new Set(host.board.takeZoomRequest())).toEqual(new Set(report.containerIds));
    // The map is read as before: a Regenerate finds nothing to write.
    const regenerated = await regenerateMapAsync(host.createPort(), { createMapId: () => 'map-unused0001', sleepAsync: instantSleepAsync });
    expect(regenerated.report).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [] });
  });

  it('made again, replaces its slides where they lie: no slide twice, none left over', async () => {
    const { host, journey, slideFrames, placeAsync } = await setUpAsync();
    await placeAsync(drawSlides(journey));
    const first = slideFrames();
    const renamed = { ...journey, stages: journey.stages.map((stage, index) => (index === 0 ? { ...stage, name: 'Discovery' } : stage)) };
    const report = await placeAsync(drawSlides(renamed));
    const second = slideFrames();
    expect(report).toMatchObject({ made: first.length, kept: 0, removed: 0 });
    expect(second.map((frame) => frame.text)).toEqual(drawSlides(renamed).map((slide) => slide.title));
    expect(second.map((frame) => frame.text)).toContain(`2. Discovery · ${journey.title}`);
    expect(second.map(({ x, y }) => ({ x, y }))).toEqual(first.map(({ x, y }) => ({ x, y })));
    expect(host.board.listItems().filter((item) => item.kind === 'image')).toHaveLength(second.length);
  });

  it('keeps a slide a person wrote on, renewing its picture behind their note, and removes the slide of a view gone unless it holds notes', async () => {
    const { host, journey, slideFrames, placeAsync } = await setUpAsync();
    await placeAsync(drawSlides(journey));
    const [, stageSlide, secondStage] = slideFrames();
    const note = host.board.addStickyByHand(0, 0, 'Ask the support team about this');
    host.board.moveByHand(note, stageSlide!.x + 40, stageSlide!.y + 40);
    const laterNote = host.board.addStickyByHand(0, 0, 'Check with legal');
    host.board.moveByHand(laterNote, secondStage!.x + 40, secondStage!.y + 40);
    expect(host.board.listItems().find((item) => item.id === note)?.parentId).toBe(stageSlide!.id);

    // The first two stages leave the map.
    const fewer = { ...journey, stages: journey.stages.slice(2), cards: journey.cards.filter((card) => journey.stages.slice(2).some((stage) => stage.id === card.stage)) };
    const slides = drawSlides(fewer);
    const report = await placeAsync(slides);

    const items = host.board.listItems();
    // The first stage's slide is gone from the deck but holds a note: it stays, with its picture.
    const kept = items.find((item) => item.id === stageSlide!.id)!;
    expect(kept).toBeDefined();
    expect(items.find((item) => item.id === note)).toMatchObject({ text: 'Ask the support team about this', parentId: stageSlide!.id });
    expect(items.find((item) => item.id === laterNote)).toMatchObject({ text: 'Check with legal', parentId: secondStage!.id });
    expect(report).toMatchObject({ made: slides.length, kept: 0 });
    const deck = slideFrames().filter((frame) => report.containerIds.includes(frame.id));
    expect(deck.map((frame) => frame.text)).toEqual(slides.map((slide) => slide.title));

    // Now a slide of the deck holds a note: made again, it is kept, with a new picture under the note.
    const third = deck[1]!;
    const onThird = host.board.addStickyByHand(0, 0, 'Big pain here');
    host.board.moveByHand(onThird, third.x + 60, third.y + 60);
    const again = await placeAsync(slides);
    expect(again).toMatchObject({ made: slides.length - 1, kept: 1, removed: 0 });
    expect(again.containerIds[1]).toBe(third.id);
    const inThird = host.board.listItems().filter((item) => item.parentId === third.id);
    expect(inThird.map((item) => item.kind)).toEqual(['image', 'sticky']);
    expect(inThird[1]?.text).toBe('Big pain here');
  });

  it.each(createHost().failures.map(([name]) => name))('finishes a deck a run left half made (it failed at %s), without a slide or picture twice', async (name) => {
    const { host, journey, slideFrames, placeAsync } = await setUpAsync();
    const slides = drawSlides(journey);
    host.failures.find(([candidate]) => candidate === name)?.[1]();
    await expect(placeAsync(slides)).rejects.toThrow();
    const report = await placeAsync(slides);
    expect(report).toMatchObject({ made: slides.length, kept: 0 });
    expect(slideFrames().map((frame) => frame.text)).toEqual(slides.map((slide) => slide.title));
    const items = host.board.listItems();
    const images = items.filter((item) => item.kind === 'image');
    expect(images).toHaveLength(slides.length);
    expect(new Set(images.map((image) => image.parentId))).toEqual(new Set(slideFrames().map((frame) => frame.id)));
    // Made once more, nothing is left over either.
    await placeAsync(slides);
    expect(host.board.listItems().filter((item) => item.kind === 'image')).toHaveLength(slides.length);
    expect(slideFrames()).toHaveLength(slides.length);
  });

  it('moves the deck under the map when the map grew into it, and removes a bare slide of a view the map no longer has', async () => {
    const { host, journey, mapFrame, slideFrames, placeAsync } = await setUpAsync();
    await placeAsync(drawSlides(journey));
    // The map gains a lane full of cards and loses its last stage: it grows down into its deck.
    const last = journey.stages.at(-1)!;
    const grown: Journey = {
      ...journey,
      stages: journey.stages.slice(0, -1),
      lanes: [...journey.lanes, { id: 'lane:ideas' as Journey['lanes'][number]['id'], kind: 'opportunities', title: 'More ideas' }],
      cards: [
        ...journey.cards.filter((card) => card.stage !== last.id),
        ...journey.stages.slice(0, -1).filter((stage) => !stage.steps?.length).flatMap((stage) => [1, 2, 3, 4].map((n) => ({ id: `card:idea-${stage.id.replace('stage:', '')}-${n}` as Journey['cards'][number]['id'], stage: stage.id, lane: 'lane:ideas' as Journey['lanes'][number]['id'], text: `Idea ${n} with words enough to wrap` }))),
      ],
      emotions: journey.emotions.filter((emotion) => emotion.stage !== last.id),
    };
    const updated = await updateMapFromPanelAsync(host.createPort(), { mapId: MAP_ID, journey: grown, base: journey, createMapId: () => 'map-unused0001', sleepAsync: instantSleepAsync });
    expect(updated.report.failed).toEqual([]);
    const slides = drawSlides(updated.journey);
    const report = await placeAsync(slides);
    expect(report).toMatchObject({ made: slides.length, removed: 1 });
    const map = mapFrame();
    const deck = slideFrames();
    expect(deck.map((frame) => frame.text)).toEqual(slides.map((slide) => slide.title));
    for (const frame of deck) expect(overlaps(frame, map), frame.text).toBe(false);
    expect(Math.min(...deck.map((frame) => frame.y))).toBeGreaterThan(map.y + map.height);
  });

  it('waits for another panel\u2019s run on the map: nothing is drawn while its lease holds', async () => {
    const { host, journey, mapFrame, slideFrames, placeAsync } = await setUpAsync();
    const port = host.createPort();
    const run = port.beginRun();
    await run.mapRecords({ mapId: MAP_ID, containerId: mapFrame().id }).setAsync(LEASE_KEY, JSON.stringify({ format: 'cjm-lease', by: 'someone-else', name: 'Olga', until: Date.now() + 60_000 }));
    await run.endAsync();
    await expect(placeAsync(drawSlides(journey))).rejects.toThrow(/Olga/);
    expect(slideFrames()).toEqual([]);
  });

  it('goes through the map service and its channel, checked on both ends', async () => {
    const { host, journey, slideFrames } = await setUpAsync();
    const service = createMapService({ port: host.createPort(), createTemplateJourneyAsync: () => Promise.resolve(journey), renderSvgAsync: () => Promise.resolve('<svg />'), renderSlidesAsync: (value) => Promise.resolve(renderJourneySlides(value)) });
    const { controller } = connectInProcess(service);
    const pictures = await controller.renderSlidesAsync(journey);
    expect(pictures.map((picture) => picture.view)).toEqual(['map', ...journey.stages.map((stage) => `stage:${stage.id}`), ...journey.personas.filter((persona) => !persona.hidden).map((persona) => `persona:${persona.id}`)]);
    const progress: number[] = [];
    const report = await controller.placeSlidesAsync(MAP_ID, drawSlides(journey), (step) => progress.push(step.done));
    expect(report.made).toBe(pictures.length);
    expect(progress.at(-1)).toBe(pictures.length);
    expect(slideFrames()).toHaveLength(pictures.length);
    // A picture that is no PNG never reaches the board.
    await expect(controller.placeSlidesAsync(MAP_ID, [{ view: 'map', title: 'x', width: 100, height: 100, png: new TextEncoder().encode('<svg/>') }])).rejects.toThrow(/PNG/);
    await expect(controller.placeSlidesAsync('map-elsewhere01', drawSlides(journey))).rejects.toThrow();
  });
});

describe('slides on FigJam', () => {
  it('reads no slide as part of the map, even one a person put inside the map\u2019s section: Regenerate keeps it and the notes on it', async () => {
    const fake = createFakeFigma({ viewportCenter: { x: 800, y: 400 } });
    const board = createFigjamSimulatedBoard(fake);
    const journey = createOnlineStoreJourney();
    await insertMapAsync(createFigjamPort(fake.api), journey, MAP_ID, { sleepAsync: instantSleepAsync });
    await placeMapSlidesAsync(createFigjamPort(fake.api), MAP_ID, drawSlides(journey));
    const sections = fake.listNodes().filter((node): node is SectionNode => node.type === 'SECTION');
    const map = sections.find((section) => section.getPluginData('cjmSlide') === '')!;
    const slide = sections.find((section) => section.getPluginData('cjmSlide') !== '' && section.name.startsWith('2. '))!;
    const note = board.addStickyByHand(0, 0, 'Ask the support team about this');
    board.moveByHand(note, slide.x + 40, slide.y + 40);
    expect(board.listItems().find((item) => item.id === note)?.parentId).toBe(slide.id);
    // Sections nest in FigJam: the slide, with its note, goes into the map's section, over its empty top right.
    map.appendChild(slide);
    slide.x = map.width - slide.width - 40;
    slide.y = 40;
    // The map's read-back holds neither the slide's picture nor the note on it.
    const run = createFigjamPort(fake.api).beginRun();
    const snapshot = await run.readMapAsync({ mapId: MAP_ID, containerId: map.id });
    await run.endAsync();
    const onSlide = slide.children.map((child) => child.id);
    expect(onSlide).toHaveLength(2);
    expect(snapshot?.foreign.filter((item) => onSlide.includes(item.itemId))).toEqual([]);
    const regenerated = await regenerateMapAsync(createFigjamPort(fake.api), { createMapId: () => 'map-unused0001', sleepAsync: instantSleepAsync });
    expect(regenerated.outcome.adopted).toBe(0);
    const items = board.listItems();
    expect(items.find((item) => item.id === note)).toMatchObject({ text: 'Ask the support team about this', parentId: slide.id });
    expect(items.filter((item) => item.parentId === slide.id).map((item) => item.kind)).toEqual(['image', 'sticky']);
  });
});

describe('slides on Miro', () => {
  it('removes the frame a stopped run listed but never marked, and draws the deck once', async () => {
    const fake = new FakeMiroBoard();
    const board = createMiroSimulatedBoard(fake);
    const port = () => createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync });
    const journey = createOnlineStoreJourney();
    await insertMapAsync(port(), journey, MAP_ID, { sleepAsync: instantSleepAsync });
    const map = board.listItems().find((item) => item.kind === 'frame' && item.hasIdentity)!;
    const slides = drawSlides(journey);
    // The panel closes as the first frame is listed: the run goes no further.
    const listed: string[] = [];
    void port().placeSlidesAsync({ mapId: MAP_ID, containerId: map.id }, slides, { known: [], onMadeAsync: (id) => (listed.push(id), new Promise<void>(() => undefined)) });
    await expect.poll(() => listed.length).toBe(1);
    expect(board.listItems().filter((item) => item.kind === 'frame' && !item.hasIdentity)).toHaveLength(1);
    const report = await port().placeSlidesAsync({ mapId: MAP_ID, containerId: map.id }, slides, { known: listed, onMadeAsync: async (id) => void listed.push(id) });
    expect(report.made).toBe(slides.length);
    const frames = board.listItems().filter((item) => item.kind === 'frame' && !item.hasIdentity);
    expect(frames.map((frame) => frame.text)).toEqual(slides.map((slide) => slide.title));
    expect(frames.some((frame) => frame.id === listed[0])).toBe(false);
  });
});
