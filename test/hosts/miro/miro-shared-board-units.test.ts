import { describe, expect, it } from 'vitest';
import { isRateLimitError, isRefusalError } from '../../../src/hosts/miro/miro-errors';
import { planItemPatch, type ItemTarget } from '../../../src/hosts/miro/miro-item-patch';
import { formatMapIndex, mergeMapIndex, parseMapIndex } from '../../../src/hosts/miro/miro-map-index';
import { createMiroSimulatedBoard } from '../../../src/simulator/create-miro-simulated-board';
import { createLockedError, createRateLimitError, FakeMiroBoard } from '../../../src/simulator/fake-miro-board';

type SdkItem = Record<string, unknown> & { id: string; sync(): Promise<void>; setMetadata(key: string, value: unknown): Promise<unknown> };

describe('the frame index', () => {
  it('reads what it writes, sorted, and refuses what it cannot read without throwing', () => {
    const text = formatMapIndex(new Map([
      ['map-b', ['2', '1', '2']],
      ['map-a', ['3']],
    ]));
    expect(JSON.parse(text)).toEqual({ format: 'cjm-map-frames', version: 1, maps: { 'map-a': ['3'], 'map-b': ['1', '2'] } });
    expect(parseMapIndex(text)).toEqual({ kind: 'index', index: new Map([['map-a', ['3']], ['map-b', ['1', '2']]]) });
    expect(parseMapIndex(undefined)).toEqual({ kind: 'absent' });
    expect(parseMapIndex('{not json')).toMatchObject({ kind: 'unreadable' });
    expect(parseMapIndex(JSON.stringify({ format: 'cjm-map-frames', version: 2, maps: {} }))).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/newer/) });
  });

  it('merges frames found into it: moved to their map id, gone ones dropped', () => {
    const index = new Map([
      ['map-a', ['1', '2']],
      ['map-b', ['3']],
    ]);
    expect(mergeMapIndex(index, new Map([['2', 'map-c'], ['4', 'map-a']]), new Set(['3']))).toEqual(new Map([['map-a', ['1', '4']], ['map-c', ['2']]]));
  });
});

describe('planItemPatch', () => {
  const target: ItemTarget = {
    centre: { x: 100, y: 200 },
    geometry: { width: 199, shape: 'square' },
    text: { field: 'content', value: '<p>new words</p>' },
    look: { style: { fillColor: 'light_blue' } },
  };
  const item = { x: 100, y: 120, width: 199, shape: 'square', content: '<p>old words</p>', style: { fillColor: 'red', textAlign: 'left' } };

  it('writes only the place when the words and the look are not its to change', () => {
    expect(planItemPatch(item, target, { parts: { text: false, style: false }, readText: '<p>old words</p>' })).toEqual({ x: 100, y: 200 });
  });

  it('writes the words only while the board shows what the run read', () => {
    expect(planItemPatch(item, target, { parts: { text: true, style: false }, readText: '<p>old words</p>' })).toEqual({ x: 100, y: 200, content: '<p>new words</p>' });
    expect(planItemPatch(item, target, { parts: { text: true, style: false }, readText: '<p>what it read</p>' })).toEqual({ x: 100, y: 200 });
  });

  it('writes the look over the item\'s own style when asked, and everything without parts', () => {
    expect(planItemPatch(item, target, { parts: { text: false, style: true } })).toEqual({ x: 100, y: 200, style: { fillColor: 'light_blue', textAlign: 'left' } });
    expect(planItemPatch({ ...item, width: 350, shape: 'rectangle' }, target)).toEqual({
      x: 100,
      y: 200,
      width: 199,
      shape: 'square',
      content: '<p>new words</p>',
      style: { fillColor: 'light_blue', textAlign: 'left' },
    });
  });

  it('gives an item in a group its place only, and nothing when it shows the target', () => {
    expect(planItemPatch({ ...item, width: 350 }, target, { nested: true })).toEqual({ x: 100, y: 200, content: '<p>new words</p>' });
    expect(planItemPatch({ ...item, y: 200.004, content: '<p>new words</p>', style: { fillColor: 'light_blue' } }, target)).toEqual({});
  });
});

describe('Miro refusals', () => {
  it('tells a locked item or a missing permission from a rate limit and from a passing failure', () => {
    expect(isRefusalError(createLockedError('1'))).toBe(true);
    expect(isRefusalError({ status: 403, message: 'Forbidden' })).toBe(true);
    expect(isRefusalError(new Error('Insufficient permissions to do this action'))).toBe(true);
    expect(isRefusalError(createRateLimitError())).toBe(false);
    expect(isRateLimitError(createLockedError('1'))).toBe(false);
    expect(isRefusalError(new Error('item.sync failed: the board is temporarily unavailable'))).toBe(false);
  });
});

describe('FakeMiroBoard: what shared boards do', () => {
  it('groups items as Miro does: members carry groupId, refusals as documented, ungroup lets them go', async () => {
    const fake = new FakeMiroBoard();
    const a = (await fake.createStickyNote({})) as SdkItem;
    const b = (await fake.createStickyNote({})) as SdkItem;
    const c = (await fake.createStickyNote({})) as SdkItem;
    await expect(fake.group({ items: [a] })).rejects.toThrow(/at least two/);
    const group = (await fake.group({ items: [a, b] })) as { id: string; type: string; itemsIds: string[]; ungroup(): Promise<unknown[]> };
    expect(group).toMatchObject({ type: 'group', itemsIds: [a.id, b.id] });
    expect('getMetadata' in group).toBe(false);
    expect(fake.findRecord(a.id)?.groupId).toBe(group.id);
    await expect(fake.group({ items: [a, c] })).rejects.toThrow(/already in group/);
    fake.lockByHand(c.id);
    await expect(fake.group({ items: [c, (await fake.createShape({})) as SdkItem] })).rejects.toThrow(/locked/);
    expect(((await fake.get({ type: 'group' })) as { id: string }[]).map((item) => item.id)).toEqual([group.id]);
    expect(((await fake.get({ id: [a.id, group.id] })) as { id: string }[]).map((item) => item.id)).toEqual([a.id, group.id]);
    await group.ungroup();
    expect(fake.findRecord(a.id)?.groupId).toBeUndefined();
    expect(fake.findRecord(group.id)).toBeUndefined();
  });

  it('brings a group\'s items into a frame it is added to, and ends a group whose last but one item goes', async () => {
    const fake = new FakeMiroBoard();
    const frame = (await fake.createFrame({ x: 0, y: 0, width: 1_000, height: 1_000 })) as SdkItem & { add(item: unknown): Promise<unknown> };
    const a = (await fake.createStickyNote({ x: 10, y: 10 })) as SdkItem;
    const b = (await fake.createStickyNote({ x: 20, y: 20 })) as SdkItem;
    const group = await fake.group({ items: [a, b] });
    await frame.add(group);
    expect([fake.findRecord(a.id)?.parentId, fake.findRecord(b.id)?.parentId]).toEqual([frame.id, frame.id]);
    fake.removeItemByHand(a.id);
    expect(fake.findRecord(b.id)?.groupId).toBeUndefined();
  });

  it('refuses the app\'s writes to a locked item with Miro\'s refusal, and reads it as any other', async () => {
    const fake = new FakeMiroBoard();
    const sticky = (await fake.createStickyNote({ content: '<p>mine</p>' })) as SdkItem;
    fake.lockByHand(sticky.id);
    const [read] = (await fake.get({ id: [sticky.id] })) as SdkItem[];
    expect(read && 'locked' in read).toBe(false);
    if (!read) throw new Error('the sticky is on the board');
    read.content = '<p>changed</p>';
    await expect(read.sync()).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/locked/) });
    await expect(read.setMetadata('cjm', { k: 'x' })).rejects.toThrow(/locked/);
    await expect(fake.remove(read)).rejects.toThrow(/locked/);
    expect(fake.findRecord(sticky.id)?.content).toBe('<p>mine</p>');
  });

  it('writes back with sync what the app changed, or with syncWrites "all" every field the object holds', async () => {
    for (const syncWrites of ['changed', 'all'] as const) {
      const fake = new FakeMiroBoard({ syncWrites });
      const sticky = (await fake.createStickyNote({ content: '<p>first</p>' })) as SdkItem;
      fake.editItem(sticky.id, { content: '<p>typed meanwhile</p>' });
      sticky.x = 500;
      await sticky.sync();
      expect(fake.findRecord(sticky.id), syncWrites).toMatchObject({ x: 500, content: syncWrites === 'changed' ? '<p>typed meanwhile</p>' : '<p>first</p>' });
    }
  });

  it('refuses calls over the hourly budget as Miro does, and lets a second person act between calls', async () => {
    let time = 0;
    const fake = new FakeMiroBoard({ rateLimit: { now: () => time, creditsPerHour: 150 } });
    const seen: string[] = [];
    fake.betweenCalls(1, (call) => void seen.push(call.method));
    await fake.getSelection();
    await fake.viewport.get();
    await fake.getSelection();
    expect(seen).toEqual(['viewport.get']);
    await expect(fake.getSelection()).rejects.toThrow(/rate limit.*hour/i);
    time = 3_600_000;
    await expect(fake.getSelection()).resolves.toEqual([]);
    expect(fake.creditsSpent).toBe(4 * 50);
  });

  it('styles, recolours, groups and ungroups by hand, as the playground\'s simulated board asks', async () => {
    const fake = new FakeMiroBoard();
    const board = createMiroSimulatedBoard(fake);
    const first = board.addStickyByHand(0, 0, 'Courier late again');
    const second = board.addStickyByHand(300, 0, 'Call back');
    const before = board.readChangeCount();
    board.styleTextByHand(first, { start: 0, end: 7 }, { bold: true, link: 'https://example.com/courier' });
    board.recolourByHand(first, '#f0706f');
    const group = board.groupByHand([first, second]);
    expect(board.readChangeCount()).toBe(before + 3);
    const item = board.listItems().find((candidate) => candidate.id === first);
    expect(item).toMatchObject({ text: 'Courier late again', groupId: group, fill: '#f16c7f', rich: [{ runs: [{ text: 'Courier', bold: true, link: 'https://example.com/courier' }, { text: ' late again' }] }] });
    expect(fake.findRecord(first)?.style.fillColor).toBe('red');
    board.ungroupByHand(group);
    expect(board.listItems().find((candidate) => candidate.id === first)?.groupId).toBeUndefined();
    expect(fake.calls).toEqual([]);
  });
});
