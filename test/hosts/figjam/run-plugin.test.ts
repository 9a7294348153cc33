import { describe, expect, it } from 'vitest';
import { runPlugin } from '../../../src/hosts/figjam/run-plugin';
import { FIGJAM_METRICS } from '../../../src/layout/host-metrics';
import { layoutJourney } from '../../../src/layout/layout-journey';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { createFakeFigma } from './fake-figma';

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

  it('regenerate announces that it is coming and closes without drawing', async () => {
    const fake = createFakeFigma({ command: 'regenerate' });
    await runPlugin(fake.api, { html: '' });

    expect(fake.notifications[0]).toMatch(/^Regenerate is coming soon/);
    expect(fake.closed).toBe(true);
    expect(fake.listWrites()).toEqual([]);
  });

  it.each(['open', ''])('command %j opens the panel and draws what the panel asks for', async (command) => {
    const fake = createFakeFigma({ command });
    await runPlugin(fake.api, { html: '<p>panel</p>', random: SEQUENCE });

    expect(fake.shownUi).toEqual({ html: '<p>panel</p>', options: { width: 360, height: 560, themeColors: true } });
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
