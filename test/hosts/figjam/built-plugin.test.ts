import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { decodeItemIdentity, IDENTITY_FIELD } from '../../../src/sync/item-identity';
import { createFakeFigma } from '../../../src/simulator/fake-figma';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const CODE = join(ROOT, 'dist/figjam/code.js');
const MANIFEST = join(ROOT, 'manifest.json');

function readBuiltCode(): string {
  if (!existsSync(CODE)) {
    throw new Error(`${CODE} is missing: this test runs the built plugin. Build it first with "node build.mjs" (npm test does this).`);
  }
  return readFileSync(CODE, 'utf8');
}

describe('built FigJam plugin (dist/figjam/code.js)', () => {
  it('inserts the template map when run with command insert-template', async () => {
    const code = readBuiltCode();
    const fake = createFakeFigma({ command: 'insert-template', viewportCenter: { x: 200, y: 100 } });
    // The plugin sandbox: the figma global, the UI html, timers; no DOM, no module system.
    const sandbox = vm.createContext({ figma: fake.api, __html__: '<p>panel</p>', setTimeout, clearTimeout, console });
    vm.runInContext(code, sandbox, { filename: 'code.js' });

    await Promise.race([
      fake.whenClosed,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the plugin did not call figma.closePlugin() within 10 s')), 10_000)),
    ]);

    const sections = fake.listNodes().filter((node): node is SectionNode => node.type === 'SECTION');
    expect(sections).toHaveLength(1);
    const section = sections[0] as SectionNode;
    expect(section.children.length).toBeGreaterThanOrEqual(120);
    for (const node of fake.listNodes()) {
      expect(decodeItemIdentity(node.getPluginData(IDENTITY_FIELD)), `${node.type} ${node.id}`).toBeDefined();
    }
    expect(fake.notifications).toEqual([`CJM map inserted: ${section.children.length + 1} items`]);
    expect(fake.calls.filter((call) => call.method === 'commitUndo')).toHaveLength(1);
    expect(fake.calls.some((call) => call.method === 'getNodeById')).toBe(false);
  });

  it('regenerates with command regenerate after a sticky was edited: the edit is kept and the map complete', async () => {
    const code = readBuiltCode();
    const fake = createFakeFigma({ command: 'insert-template', viewportCenter: { x: 200, y: 100 } });
    const runBuilt = async (closes: number) => {
      const sandbox = vm.createContext({ figma: fake.api, __html__: '<p>panel</p>', setTimeout, clearTimeout, console });
      vm.runInContext(code, sandbox, { filename: 'code.js' });
      await expect.poll(() => fake.calls.filter((call) => call.method === 'closePlugin').length, { timeout: 10_000 }).toBe(closes);
    };
    await runBuilt(1);
    const keysBefore = fake.listNodes().map((node) => decodeItemIdentity(node.getPluginData(IDENTITY_FIELD))?.key).sort();
    const sticky = fake.listNodes().find((node): node is StickyNode => node.type === 'STICKY');
    if (!sticky) throw new Error('the built plugin drew no sticky');
    await fake.api.loadFontAsync({ family: 'Inter', style: 'Medium' });
    sticky.text.characters = 'Edited on the board';
    (fake.api as { command: string }).command = 'regenerate';
    fake.notifications.length = 0;

    await runBuilt(2);

    expect(sticky.removed).toBe(false);
    expect(sticky.text.characters).toBe('Edited on the board');
    const keysAfter = fake.listNodes().map((node) => decodeItemIdentity(node.getPluginData(IDENTITY_FIELD))?.key).sort();
    expect(keysAfter).toEqual(keysBefore);
    expect(new Set(keysAfter).size).toBe(keysAfter.length);
    expect(fake.notifications).toEqual(['Regenerated "Online store: ordering a kettle": 1 edit kept, 1 redrawn.']);
  });

  it('matches the manifest: FigJam only, dynamic-page, no network, three commands, a Regenerate relaunch button', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, unknown>;

    expect(manifest).toMatchObject({
      name: 'cjm-board',
      api: '1.0.0',
      editorType: ['figjam'],
      main: 'dist/figjam/code.js',
      ui: 'dist/figjam/ui.html',
      documentAccess: 'dynamic-page',
      networkAccess: { allowedDomains: ['none'] },
      menu: [
        { name: 'Open CJM panel', command: 'open' },
        { name: 'Insert CJM template', command: 'insert-template' },
        { name: 'Regenerate', command: 'regenerate' },
      ],
      relaunchButtons: [{ command: 'regenerate', name: 'Regenerate' }],
    });
    expect(typeof manifest.id).toBe('string');
  });
});
