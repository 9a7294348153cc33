import { describe, expect, it } from 'vitest';
import { createFakeFigma, readTextSegments } from '../../../src/simulator/fake-figma';

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

  it('groups like ⌘G: children keep their places in the group\'s container, the group is their bounds, an empty group goes', async () => {
    const fake = createFakeFigma();
    const { api } = fake;
    const section = api.createSection();
    section.x = 1000;
    section.y = 500;
    section.resizeWithoutConstraints(2000, 1000);
    const [a, b] = [api.createSticky(), api.createSticky()];
    for (const [sticky, x] of [
      [a, 100],
      [b, 400],
    ] as const) {
      section.appendChild(sticky);
      sticky.x = x;
      sticky.y = 50;
    }
    const group = api.group([a, b], section);
    expect(group.type).toBe('GROUP');
    expect(group.parent).toBe(section);
    expect(group.children).toEqual([a, b]);
    // No coordinate space of its own: x and y stay relative to the section.
    expect([a.x, a.y, b.x]).toEqual([100, 50, 400]);
    expect({ x: group.x, y: group.y, width: group.width, height: group.height }).toEqual({ x: 100, y: 50, width: 540, height: 240 });
    expect(a.absoluteTransform).toEqual([
      [1, 0, 1100],
      [0, 1, 550],
    ]);
    expect(b.absoluteBoundingBox).toEqual({ x: 1400, y: 550, width: 240, height: 240 });
    // Moving a child moves the group's bounds; moving the group moves its children.
    b.x = 900;
    expect(group.width).toBe(1040);
    group.y = 150;
    expect([a.y, b.y]).toEqual([150, 150]);
    a.remove();
    expect(group.removed).toBe(false);
    b.remove();
    expect(group.removed).toBe(true);
    expect(section.children).toEqual([]);
    expect(() => api.group([], section)).toThrow(/at least one node/);
  });

  it('nests sections: children are relative to their own section, absolute positions add up every container on the way', () => {
    const fake = createFakeFigma();
    const outer = fake.api.createSection();
    outer.x = 1000;
    outer.y = 1000;
    outer.resizeWithoutConstraints(3000, 3000);
    const sticky = fake.createStickyByHand(1300, 1400, 'Inside');
    expect(sticky.parent).toBe(outer);
    const inner = fake.wrapInSectionByHand([sticky], { padding: 50 });
    expect(inner.parent).toBe(outer);
    expect(sticky.parent).toBe(inner);
    expect({ x: inner.x, y: inner.y, width: inner.width, height: inner.height }).toEqual({ x: 250, y: 350, width: 340, height: 340 });
    expect({ x: sticky.x, y: sticky.y }).toEqual({ x: 50, y: 50 });
    expect(sticky.absoluteBoundingBox).toMatchObject({ x: 1300, y: 1400 });
    // A person's drag lands in the innermost section under the drop; a group member stays in its group.
    fake.moveByHand(sticky, 2500, 2500);
    expect(sticky.parent).toBe(outer);
    const other = fake.createStickyByHand(2900, 2500, 'Beside');
    const group = fake.groupByHand([sticky, other]);
    fake.moveByHand(other, 1290, 1390);
    expect(other.parent).toBe(group);
    expect(other.absoluteBoundingBox).toMatchObject({ x: 1290, y: 1390 });
    fake.ungroupByHand(group);
    expect(group.removed).toBe(true);
    expect([sticky.parent, other.parent]).toEqual([outer, outer]);
    expect(other.absoluteBoundingBox).toMatchObject({ x: 1290, y: 1390 });
  });

  it('keeps styles per character: ranges set and read back as segments, characters reset to the first character\'s style', async () => {
    const fake = createFakeFigma();
    const sticky = fake.createStickyByHand(0, 0, 'Bold link\nSecond line');
    fake.styleTextByHand(sticky, { start: 0, end: 4 }, { bold: true });
    fake.styleTextByHand(sticky, { start: 5, end: 9 }, { italic: true, link: 'https://example.com/' });
    fake.styleTextByHand(sticky, { start: 12, end: 13 }, { list: 'ORDERED', underline: true });
    expect(readTextSegments(sticky.text)).toEqual([
      { characters: 'Bold', start: 0, end: 4, fontName: { family: 'Inter', style: 'Bold' }, textDecoration: 'NONE', hyperlink: null, listOptions: { type: 'NONE' } },
      { characters: ' ', start: 4, end: 5, fontName: { family: 'Inter', style: 'Medium' }, textDecoration: 'NONE', hyperlink: null, listOptions: { type: 'NONE' } },
      { characters: 'link', start: 5, end: 9, fontName: { family: 'Inter', style: 'Medium Italic' }, textDecoration: 'NONE', hyperlink: { type: 'URL', value: 'https://example.com/' }, listOptions: { type: 'NONE' } },
      { characters: '\n', start: 9, end: 10, fontName: { family: 'Inter', style: 'Medium' }, textDecoration: 'NONE', hyperlink: null, listOptions: { type: 'NONE' } },
      { characters: 'Se', start: 10, end: 12, fontName: { family: 'Inter', style: 'Medium' }, textDecoration: 'NONE', hyperlink: null, listOptions: { type: 'ORDERED' } },
      { characters: 'c', start: 12, end: 13, fontName: { family: 'Inter', style: 'Medium' }, textDecoration: 'UNDERLINE', hyperlink: null, listOptions: { type: 'ORDERED' } },
      { characters: 'ond line', start: 13, end: 21, fontName: { family: 'Inter', style: 'Medium' }, textDecoration: 'NONE', hyperlink: null, listOptions: { type: 'ORDERED' } },
    ]);
    // Reading is a read; a person's typing keeps the marks of the words kept.
    fake.clearCalls();
    expect(sticky.text.getStyledTextSegments(['fontName'], 0, 4)).toHaveLength(1);
    expect(fake.listWrites()).toEqual([]);
    fake.editTextByHand(sticky, 'Bold link\nSecond line, edited');
    expect(readTextSegments(sticky.text)[0]).toMatchObject({ characters: 'Bold', fontName: { style: 'Bold' } });

    // Writing characters needs every font of the text loaded, and leaves the first character's style on all of it.
    expect(() => {
      sticky.text.characters = 'Plain';
    }).toThrow(/unloaded font/);
    for (const style of ['Medium', 'Bold', 'Medium Italic']) await fake.api.loadFontAsync({ family: 'Inter', style });
    sticky.text.characters = 'Plain';
    expect(readTextSegments(sticky.text)).toEqual([{ characters: 'Plain', start: 0, end: 5, fontName: { family: 'Inter', style: 'Bold' }, textDecoration: 'NONE', hyperlink: null, listOptions: { type: 'NONE' } }]);
    sticky.text.setRangeHyperlink(0, 5, { type: 'URL', value: 'https://example.com/' });
    sticky.text.setRangeTextDecoration(0, 2, 'STRIKETHROUGH');
    expect(readTextSegments(sticky.text).map((segment) => [segment.characters, segment.textDecoration])).toEqual([
      ['Pl', 'STRIKETHROUGH'],
      ['ain', 'NONE'],
    ]);
    expect(() => sticky.text.setRangeListOptions(0, 9, { type: 'ORDERED' })).toThrow(/Invalid range/);
  });

  it('lets other people act while the plugin awaits an API call, and lets plugins write locked nodes', async () => {
    const fake = createFakeFigma();
    const sticky = fake.createStickyByHand(0, 0, 'Before');
    const seen: string[] = [];
    const stop = fake.onAwait((method) => {
      seen.push(method);
      if (method === 'getNodeByIdAsync') fake.editTextByHand(sticky, 'Typed meanwhile');
    });
    await fake.api.loadFontAsync({ family: 'Inter', style: 'Medium' });
    expect(sticky.text.characters).toBe('Before');
    const found = (await fake.api.getNodeByIdAsync(sticky.id)) as StickyNode;
    expect(found.text.characters).toBe('Typed meanwhile');
    await fake.api.currentPage.loadAsync();
    await fake.api.clientStorage.getAsync('draft');
    stop();
    await fake.api.getNodeByIdAsync(sticky.id);
    expect(seen).toEqual(['loadFontAsync', 'getNodeByIdAsync', 'loadAsync', 'clientStorage.getAsync']);

    fake.lockByHand(sticky);
    fake.recolourByHand(sticky, '#FFC7C2');
    expect(sticky.locked).toBe(true);
    expect(sticky.fills).toEqual([{ type: 'SOLID', color: { r: 1, g: 199 / 255, b: 194 / 255 } }]);
    sticky.x = 300;
    sticky.text.characters = 'Written by a plugin';
    expect([sticky.x, sticky.text.characters]).toEqual([300, 'Written by a plugin']);
  });
});
