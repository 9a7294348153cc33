import { describe, expect, it } from 'vitest';
import { connectInProcess } from '../../src/app/map-channel';
import { createMapService } from '../../src/app/map-service';
import { createMiroPort, JOURNEY_COLLECTION } from '../../src/hosts/miro/miro-host';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { createMiroSimulatedBoard } from '../../src/simulator/create-miro-simulated-board';
import { FakeMiroBoard } from '../../src/simulator/fake-miro-board';
import { createSeededRandom } from '../seeded-random';

const instantSleepAsync = (): Promise<void> => Promise.resolve();

/** A Miro board with the panel's controller on it, as the Miro panel connects (it can take an insert back). */
function connectMiro() {
  const fake = new FakeMiroBoard();
  const service = createMapService({
    port: createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync }),
    createTemplateJourneyAsync: () => Promise.resolve(createOnlineStoreJourney()),
    renderSvgAsync: () => Promise.resolve('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    random: createSeededRandom(11),
    sleepAsync: instantSleepAsync,
  });
  const { controller } = connectInProcess(service, { takeBack: true });
  return { fake, board: createMiroSimulatedBoard(fake), controller };
}

const noProgress = (): void => undefined;
const mapCollectionKeys = (fake: FakeMiroBoard): string[] => fake.listStoredKeys(JOURNEY_COLLECTION);

describe('Miro: remove what this insert drew', () => {
  it('removes every item of an untouched insert, its frame and its stored journey, and nothing of anyone else', async () => {
    const { fake, board, controller } = connectMiro();
    const before = board.addStickyByHand(-5000, -5000, 'A note of someone’s, far from the map');
    const report = await controller.insertTemplateAsync(noProgress);
    expect(mapCollectionKeys(fake).filter((key) => key.includes(report.mapId)).length).toBeGreaterThan(0);
    expect(report.created).toBeGreaterThan(100);
    const takeBack = controller.takeBackAsync;
    if (!takeBack) throw new Error('the Miro panel can take an insert back');

    const result = await takeBack(report.mapId, noProgress);

    expect(result).toMatchObject({ changed: 0, foreign: 0 });
    expect(result.report.deleted).toBeGreaterThanOrEqual(report.created);
    expect(result.report.failed).toEqual([]);
    expect(board.listItems().map((item) => item.id)).toEqual([before]);
    expect(mapCollectionKeys(fake).filter((key) => key.includes(report.mapId))).toEqual([]);
  });

  it('keeps what people changed or added since, and the frame around it', async () => {
    const { fake, board, controller } = connectMiro();
    const report = await controller.insertTemplateAsync(noProgress);
    const stickies = fake.listRecords().filter((record) => record.type === 'sticky_note');
    const [retyped, moved] = stickies;
    if (!retyped || !moved) throw new Error('the map has stickies');
    board.editTextByHand(retyped.id, 'Typed in the workshop');
    const movedItem = board.listItems().find((item) => item.id === moved.id);
    if (!movedItem) throw new Error('the sticky is drawn');
    board.moveByHand(moved.id, movedItem.x + 300, movedItem.y + 40);
    const frame = fake.listRecords().find((record) => record.type === 'frame');
    const frameItem = board.listItems().find((item) => item.id === frame?.id);
    if (!frame || !frameItem) throw new Error('the map has a frame');
    const own = board.addStickyByHand(frameItem.x + 40, frameItem.y + 40, 'Our own idea');

    const result = await controller.takeBackAsync!(report.mapId, noProgress);

    expect(result).toMatchObject({ changed: 2, foreign: 1 });
    expect(board.listItems().map((item) => item.id).sort()).toEqual([frame.id, retyped.id, moved.id, own].sort());
    expect(board.listItems().find((item) => item.id === retyped.id)?.text).toBe('Typed in the workshop');
    // What is left is still a map: Regenerate reads it back.
    await expect(controller.regenerateAsync(noProgress)).resolves.toMatchObject({ outcome: { edits: expect.any(Number) } });
  });

  it('keeps a sticky and a stage header a person only recoloured: their colour is their formatting', async () => {
    const { fake, board, controller } = connectMiro();
    const report = await controller.insertTemplateAsync(noProgress);
    const sticky = fake.listRecords().find((record) => record.type === 'sticky_note');
    const header = fake.listRecords().find((record) => record.type === 'shape' && record.style?.fillColor === '#2f3a56');
    if (!sticky || !header) throw new Error('the map has stickies and stage headers');
    board.recolourByHand(sticky.id, 'dark_green');
    board.recolourByHand(header.id, '#ff0000');

    const result = await controller.takeBackAsync!(report.mapId, noProgress);

    expect(result).toMatchObject({ changed: 2, foreign: 0 });
    const frame = fake.listRecords().find((record) => record.type === 'frame');
    expect(board.listItems().map((item) => item.id).sort()).toEqual([frame?.id, sticky.id, header.id].sort());
    expect(fake.findRecord(sticky.id)?.style?.fillColor).toBe('dark_green');
  });

  it('is offered by the Miro panel only: FigJam keeps one undo step of its own', async () => {
    const fake = new FakeMiroBoard();
    const service = createMapService({
      port: createMiroPort(fake.asBoard(), { sleepAsync: instantSleepAsync }),
      createTemplateJourneyAsync: () => Promise.resolve(createOnlineStoreJourney()),
      renderSvgAsync: () => Promise.resolve('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    });
    expect(connectInProcess(service).controller.takeBackAsync).toBeUndefined();
  });

  it('refuses a map this panel did not insert last', async () => {
    const { controller } = connectMiro();
    const report = await controller.insertTemplateAsync(noProgress);
    await controller.regenerateAsync(noProgress);
    await expect(controller.takeBackAsync!(report.mapId, noProgress)).rejects.toMatchObject({ reason: { code: 'map-gone' } });
  });
});
