import { describe, expect, it } from 'vitest';
import { createFakeFigma } from '../../../src/simulator/fake-figma';

// The adapter tests are only as good as the fake: these pin the documented
// FigJam rules it imitates.

describe('createFakeFigma', () => {
  it('makes stickies 240 wide (416 when wide) with no resize, growing with their text', async () => {
    const { api } = createFakeFigma();
    const sticky = api.createSticky();
    expect([sticky.width, sticky.height]).toEqual([240, 240]);
    expect('resize' in sticky).toBe(false);
    expect(() => {
      (sticky as unknown as { width: number }).width = 300;
    }).toThrow(TypeError);

    await api.loadFontAsync({ family: 'Inter', style: 'Medium' });
    sticky.text.characters = 'A long card text '.repeat(20);
    expect(sticky.height).toBeGreaterThan(240);
    sticky.isWideWidth = true;
    expect(sticky.width).toBe(416);
  });

  it('refuses text writes before the font is loaded, like FigJam', async () => {
    const { api } = createFakeFigma();
    const sticky = api.createSticky();
    expect(() => {
      sticky.text.characters = 'Hello';
    }).toThrow('Cannot write to node with unloaded font "Inter Medium"');
    const text = api.createText();
    expect(() => {
      text.fontName = { family: 'Inter', style: 'Bold' };
    }).toThrow(/unloaded font "Inter Bold"/);
    await expect(api.loadFontAsync({ family: 'Comic Sans', style: 'Regular' })).rejects.toThrow(/could not be loaded/);
  });

  it('accepts only absolute M L Q C Z vector path data with plain numbers', () => {
    const { api } = createFakeFigma();
    const vector = api.createVector();
    vector.vectorPaths = [{ windingRule: 'NONE', data: 'M 0 0 L 10 5 Q 1 2 3 4 C 1 2 3 4 20 10 Z' }];
    expect([vector.width, vector.height]).toEqual([20, 10]);
    for (const data of ['M 0 0 l 10 5', 'M 0 0 H 10', 'L 0 0', 'M 0  0', 'M 0 1e3', 'M 0 0 C 1 2 3 4 5']) {
      expect(() => {
        vector.vectorPaths = [{ windingRule: 'NONE', data }];
      }, data).toThrow(/Failed to parse path data/);
    }
  });

  it('follows dynamic-page: getNodeById throws, pages must be loaded before searching', async () => {
    const { api } = createFakeFigma();
    const sticky = api.createSticky();
    expect(() => api.getNodeById(sticky.id)).toThrow(/getNodeByIdAsync/);
    await expect(api.getNodeByIdAsync(sticky.id)).resolves.toBe(sticky);
    expect(() => api.currentPage.findAllWithCriteria({ types: ['STICKY'] })).toThrow(/loadAsync/);
    await api.currentPage.loadAsync();
    expect(api.currentPage.findAllWithCriteria({ types: ['STICKY'] })).toEqual([sticky]);
  });

  it('stores plugin data, finds it by key, and returns "" when missing', async () => {
    const { api } = createFakeFigma();
    const [a, b] = [api.createSticky(), api.createSticky()];
    a.setPluginData('cjm', 'x');
    expect(b.getPluginData('cjm')).toBe('');
    await api.currentPage.loadAsync();
    expect(api.currentPage.findAllWithCriteria({ pluginData: { keys: ['cjm'] } })).toEqual([a]);
  });

  it('re-parents on appendChild and keeps child positions relative to the section', () => {
    const { api, listNodes } = createFakeFigma();
    const section = api.createSection();
    section.x = 1000;
    const sticky = api.createSticky();
    section.appendChild(sticky);
    sticky.x = 50;
    expect(sticky.parent).toBe(section);
    expect(api.currentPage.children).toEqual([section]);
    expect(sticky.absoluteBoundingBox?.x).toBe(1050);
    sticky.remove();
    expect(listNodes()).toEqual([section]);
  });

  it('logs every call and fails the nth call on demand', () => {
    const fake = createFakeFigma();
    fake.failOn('create', 2);
    fake.api.createSticky();
    expect(() => fake.api.createText()).toThrow(/Simulated failure of createText/);
    expect(fake.calls.map((call) => call.method)).toEqual(['createSticky', 'createText']);
    expect(fake.listNodes()).toHaveLength(1);
  });
});
