import { describe, expect, it } from 'vitest';
import { runPlugin } from '../../../src/hosts/figjam/run-plugin';
import { FIGJAM_METRICS } from '../../../src/layout/host-metrics';
import { layoutJourney } from '../../../src/layout/layout-journey';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { createFakeFigma } from '../../../src/simulator/fake-figma';

const SEQUENCE = () => 0.5;
const templateSize = () => layoutJourney(createOnlineStoreJourney(), { metrics: FIGJAM_METRICS }).nodes.length;

describe('runPlugin', () => {
  it('insert-template draws the template map, says how many items, and closes', async () => {
    const fake = createFakeFigma({ command: 'insert-template' });
    await runPlugin(fake.api, { html: '<p>panel</p>', random: SEQUENCE });

    expect(fake.closed).toBe(true);
    expect(fake.shownUi).toBeUndefined();
    expect(fake.notifications).toEqual([`CJM map inserted: ${templateSize()} items`]);
    const sections = fake.listNodes().filter((node) => node.type === 'SECTION');
    expect(sections).toHaveLength(1);
    expect(decodeItemIdentity(sections[0]?.getPluginData(IDENTITY_FIELD))?.map).toBe('map-iiiiiiiiii');
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

    expect(fake.notifications).toEqual(['Could not regenerate: board: there is no CJM map here; insert one with Insert CJM template first']);
    expect(fake.calls.find((call) => call.method === 'notify')?.args[1]).toEqual({ error: true });
    expect(fake.closed).toBe(true);
    expect(fake.listWrites()).toEqual([]);
  });

  it('regenerate keeps a sticky edited on the board, notifies which map it regenerated, and closes', async () => {
    const fake = createFakeFigma({ command: 'insert-template' });
    await runPlugin(fake.api, { html: '', random: SEQUENCE });
    const sticky = fake.listNodes().find((node): node is StickyNode => node.name === 'card:actions-need-1');
    if (!sticky) throw new Error('no sticky card:actions-need-1');
    await fake.api.loadFontAsync({ family: 'Inter', style: 'Medium' });
    sticky.text.characters = 'Notices the old kettle leaks';
    fake.api.currentPage.selection = [];
    (fake.api as { command: string }).command = 'regenerate';
    fake.clearCalls();
    fake.notifications.length = 0;

    await runPlugin(fake.api, { html: '', random: SEQUENCE });

    expect(fake.notifications).toEqual(['Regenerated "Online store: ordering a kettle": 1 edit kept, 1 redrawn.']);
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

    expect(fake.notifications).toEqual([
      'Could not regenerate: selection: there are 2 maps here ("Online store: ordering a kettle", "Online store: ordering a kettle"); select one and run Regenerate again',
    ]);
    expect(fake.listWrites()).toEqual([]);
    expect(fake.closed).toBe(true);
  });

  it('the panel regenerates the map it drew and posts the summary', async () => {
    const fake = createFakeFigma({ command: 'open' });
    await runPlugin(fake.api, { html: '<p>panel</p>', random: SEQUENCE });
    fake.sendFromUi({ type: 'insert-template' });
    await expect.poll(() => fake.uiMessages.at(-1), { timeout: 5000 }).toMatchObject({ type: 'done' });
    const sticky = fake.listNodes().find((node): node is StickyNode => node.name === 'card:actions-need-2');
    if (!sticky) throw new Error('no sticky card:actions-need-2');
    await fake.api.loadFontAsync({ family: 'Inter', style: 'Medium' });
    sticky.text.characters = 'Decides to buy one today';
    fake.api.currentPage.selection = [];
    const before = fake.uiMessages.length;

    fake.sendFromUi({ type: 'regenerate' });
    await expect.poll(() => fake.uiMessages.length > before && fake.uiMessages.at(-1), { timeout: 5000 }).toMatchObject({ type: 'done' });

    expect(fake.uiMessages.at(-1)).toEqual({
      type: 'done',
      report: expect.objectContaining({ mapId: 'map-iiiiiiiiii', updated: 1, created: 0, deleted: 0, released: 0, failed: [] }),
      summary: 'Regenerated "Online store: ordering a kettle": 1 edit kept, 1 redrawn.',
      outcome: { title: 'Online store: ordering a kettle', edits: 1, adopted: 0, conflicts: 0 },
    });
    expect(sticky.text.characters).toBe('Decides to buy one today');
    expect(fake.closed).toBe(false);
  });

  it.each(['open', ''])('command %j opens the panel and draws what the panel asks for', async (command) => {
    const fake = createFakeFigma({ command });
    await runPlugin(fake.api, { html: '<p>panel</p>', random: SEQUENCE });

    expect(fake.shownUi).toEqual({ html: '<p>panel</p>', options: { width: 380, height: 640, themeColors: true } });
    expect(fake.uiMessages).toEqual([{ type: 'ready', locale: 'en' }]);
    expect(fake.listWrites()).toEqual([]);

    fake.sendFromUi({ type: 'insert-template' });
    await expect.poll(() => fake.uiMessages.at(-1), { timeout: 5000 }).toMatchObject({ type: 'done' });

    const done = fake.uiMessages.at(-1) as { report: { created: number; failed: unknown[] } };
    expect(done.report).toMatchObject({ created: templateSize(), failed: [] });
    expect(fake.uiMessages.filter((message) => (message as { type: string }).type === 'progress')).toHaveLength(templateSize());
    expect(fake.closed).toBe(false);
  });

  it('an unknown command is explained and closes', async () => {
    const fake = createFakeFigma({ command: 'dance' });
    await runPlugin(fake.api, { html: '' });

    expect(fake.notifications[0]).toMatch(/Unknown command "dance"/);
    expect(fake.closed).toBe(true);
  });
});
