import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import type { SceneNode } from '../../src/layout/scene';
import type { Journey } from '../../src/model/journey';
import { MAX_CARD_TEXT } from '../../src/model/journey-schema';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import type { ForeignItem, SnapshotItem } from '../../src/sync/host-port';
import { adoptForeignItems, mergeBoardEdits } from '../../src/sync/merge-board-edits';
import { mergeJourneys } from '../../src/sync/merge-journeys';
import { snapshotOfScene } from './scene-snapshot';

const MAP_ID = 'map-merge001';
const metrics = FIGJAM_METRICS;

function setUp(journey: Journey = createOnlineStoreJourney()) {
  const scene = layoutJourney(journey, { metrics });
  const snapshot = snapshotOfScene(scene, MAP_ID);
  const item = (key: string): SnapshotItem => {
    const found = snapshot.items.find((candidate) => candidate.identity.key === key);
    if (!found) throw new Error(`no item ${key}`);
    return found;
  };
  const node = (key: string): SceneNode => {
    const found = scene.nodes.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`no node ${key}`);
    return found;
  };
  const merge = (complete = true) => mergeBoardEdits(journey, snapshot, { metrics, complete });
  return { journey, scene, snapshot, item, node, merge };
}

const foreignSticky = (itemId: string, x: number, y: number, text: string): ForeignItem => ({ itemId, kind: 'sticky', text, x, y, width: 240, height: 240 });

describe('mergeBoardEdits', () => {
  it('changes nothing when the board shows what was drawn', () => {
    const { journey, merge } = setUp();
    const merged = merge();
    expect(merged.journey).toEqual(journey);
    expect(merged).toMatchObject({ changes: [], adoptions: [], releases: [] });
  });

  it('keeps a card text edited on the board', () => {
    const { item, merge } = setUp();
    item('card:pains-order-1').text = 'Order form has 14 fields\nand no autofill';
    const merged = merge();
    expect(merged.journey.cards.find((card) => card.id === 'card:pains-order-1')?.text).toBe('Order form has 14 fields\nand no autofill');
    expect(merged.changes).toEqual([{ kind: 'card-text', key: 'card:pains-order-1', detail: 'Order form has 14 fields\nand no autofill' }]);
  });

  it('ignores white space the host added or folded', () => {
    const { item, merge } = setUp();
    item('card:pains-order-1').text = '  Order   form has 14 fields \n';
    expect(merge().changes).toEqual([]);
  });

  it('moves a card whose sticky was dragged into another cell, in reading order there', () => {
    const { item, node, merge } = setUp();
    const first = node('card:opportunities-delivery-1');
    Object.assign(item('card:pains-order-1'), { x: first.x, y: first.y + first.height + 24 });
    const merged = merge();
    const moved = merged.journey.cards.find((card) => card.id === 'card:pains-order-1');
    expect(moved).toMatchObject({ stage: 'stage:delivery', lane: 'lane:opportunities' });
    const cell = merged.journey.cards.filter((card) => card.stage === 'stage:delivery' && card.lane === 'lane:opportunities').map((card) => card.id);
    expect(cell).toEqual(['card:opportunities-delivery-1', 'card:opportunities-delivery-2', 'card:pains-order-1']);
    expect(merged.changes.map((change) => change.kind)).toEqual(['card-moved']);
  });

  it('keeps a card a cut-off drawing never drew in its place in the cell, the drawn ones around it in board order', () => {
    const { snapshot, merge } = setUp();
    // The drawing stopped before the first and the third card of the cell; the second is on the board.
    const orderCell = (cards: readonly { id: string; stage: string; lane: string }[]) =>
      cards.filter((card) => card.stage === 'stage:order' && card.lane === 'lane:actions').map((card) => card.id);
    snapshot.items = snapshot.items.filter((candidate) => candidate.identity.key !== 'card:actions-order-1' && candidate.identity.key !== 'card:actions-order-3');
    const merged = merge(false);
    expect(orderCell(merged.journey.cards)).toEqual(['card:actions-order-1', 'card:actions-order-2', 'card:actions-order-3']);
    expect(merged.changes).toEqual([]);
  });

  it('reorders cards within a cell as they stand on the board', () => {
    const { item, merge } = setUp();
    const first = item('card:actions-order-1');
    const third = item('card:actions-order-3');
    const firstBox = { x: first.x, y: first.y };
    Object.assign(first, { x: third.x, y: third.y });
    Object.assign(third, firstBox);
    const order = merge()
      .journey.cards.filter((card) => card.stage === 'stage:order' && card.lane === 'lane:actions')
      .map((card) => card.id);
    expect(order).toEqual(['card:actions-order-3', 'card:actions-order-2', 'card:actions-order-1']);
  });

  it('removes a card whose sticky was deleted, but not while the map was still being drawn', () => {
    const { snapshot, merge } = setUp();
    snapshot.items = snapshot.items.filter((candidate) => candidate.identity.key !== 'card:thoughts-order-2');
    expect(merge(true).journey.cards.some((card) => card.id === 'card:thoughts-order-2')).toBe(false);
    expect(merge(true).changes.map((change) => change.kind)).toEqual(['card-deleted']);
    expect(merge(false).journey.cards.some((card) => card.id === 'card:thoughts-order-2')).toBe(true);
  });

  it('adopts a sticky a person added inside a cell, and leaves stickies outside cells alone', () => {
    const { snapshot, node, merge } = setUp();
    const neighbour = node('card:channels-order-1');
    const inside = foreignSticky('person-1', neighbour.x + 264, neighbour.y, 'Apple Pay missing');
    const outside = foreignSticky('person-2', -600, -600, 'Remember to ask Sam');
    const image: ForeignItem = { itemId: 'person-3', kind: undefined, text: '', x: neighbour.x, y: neighbour.y, width: 100, height: 100 };
    snapshot.foreign.push(inside, outside, image);
    const merged = merge();
    const adopted = merged.journey.cards.find((card) => card.text === 'Apple Pay missing');
    expect(adopted).toMatchObject({ stage: 'stage:order', lane: 'lane:channels' });
    expect(merged.adoptions).toEqual([{ itemId: 'person-1', key: adopted?.id }]);
    const forDiff = adoptForeignItems(snapshot, merged.adoptions);
    expect(forDiff.foreign.map((item) => item.itemId)).toEqual(['person-2', 'person-3']);
    expect(forDiff.items.find((item) => item.itemId === 'person-1')?.identity).toEqual({ map: MAP_ID, key: adopted?.id, hash: '00000000' });
  });

  it('keeps a sticky left alone last time alone, even when a cell now lies under it, until a person moves it', () => {
    const { snapshot, node, merge, journey } = setUp();
    const cell = node('card:channels-order-1');
    const comment = foreignSticky('person-1', cell.x + 264, cell.y, 'Ask Sam about Apple Pay');
    snapshot.foreign.push(comment);
    const remembered = [{ itemId: 'person-1', x: comment.x, y: comment.y }];
    const kept = mergeBoardEdits(journey, snapshot, { metrics, complete: true, leftAlone: remembered });
    expect(kept.adoptions).toEqual([]);
    expect(kept.leftAlone).toEqual(remembered);
    comment.y += 40;
    const moved = merge();
    expect(moved.adoptions).toHaveLength(1);
    expect(moved.leftAlone).toEqual([]);
  });

  it('takes a card off the map when its sticky is dragged off the cells, and leaves the sticky where it is', () => {
    const { item, merge } = setUp();
    const sticky = item('card:pains-order-1');
    sticky.x = -900;
    const merged = merge();
    expect(merged.journey.cards.some((card) => card.id === 'card:pains-order-1')).toBe(false);
    expect(merged.releases).toEqual([{ key: 'card:pains-order-1', itemIds: [sticky.itemId] }]);
    expect(merged.changes).toEqual([{ kind: 'released', key: 'card:pains-order-1', detail: expect.stringMatching(/moved off the map/) }]);
    expect(merged.leftAlone).toEqual([{ itemId: sticky.itemId, x: -900, y: sticky.y }]);
  });

  it("makes a person's copy of a card sticky a card of its own; the sticky nearest the card's place stays the card", () => {
    const { snapshot, item, node, merge } = setUp();
    const original = item('card:pains-order-1');
    const free = node('card:channels-order-1');
    const copy: SnapshotItem = { ...original, itemId: 'copy-1', text: 'Promo code rejected', x: free.x + 264, y: free.y };
    const strayCopy: SnapshotItem = { ...original, itemId: 'copy-2', text: 'Parking lot', x: -700, y: -700 };
    snapshot.items.push(copy, strayCopy);
    const merged = merge();
    expect(merged.journey.cards.find((card) => card.id === 'card:pains-order-1')?.text).toBe('Order form has 14 fields');
    const adopted = merged.journey.cards.find((card) => card.text === 'Promo code rejected');
    expect(adopted).toMatchObject({ stage: 'stage:order', lane: 'lane:channels' });
    expect(merged.adoptions).toEqual([{ itemId: 'copy-1', key: adopted?.id }]);
    expect(merged.releases).toEqual([{ key: 'card:pains-order-1', itemIds: ['copy-2'] }]);
    const forDiff = adoptForeignItems(snapshot, merged.adoptions);
    expect(forDiff.items.filter((entry) => entry.identity.key === 'card:pains-order-1').map((entry) => entry.itemId)).toEqual([original.itemId, 'copy-2']);
  });

  it('never lets a card sticky the journey does not know be deleted: it becomes a card again in its cell', () => {
    const { snapshot, node, merge } = setUp();
    const cell = node('card:channels-order-1');
    snapshot.items.push({ itemId: 'back-1', identity: { map: MAP_ID, key: 'card:gone-1', hash: 'abcdef12' }, type: 'sticky', text: 'Brought back', x: cell.x + 264, y: cell.y, width: 240, height: 240 });
    const merged = merge();
    const card = merged.journey.cards.find((entry) => entry.text === 'Brought back');
    expect(card).toMatchObject({ stage: 'stage:order', lane: 'lane:channels' });
    expect(merged.adoptions).toEqual([{ itemId: 'back-1', key: card?.id }]);
  });

  it('snaps a dragged emotion point to the nearest step of the scale', () => {
    const { item, node, merge } = setUp();
    const point = item('emotion:anna:order');
    const high = node('emotion-scale:1');
    point.y = high.y + high.height / 2 - point.height / 2 + 17;
    const merged = merge();
    expect(merged.journey.emotions.find((emotion) => emotion.stage === 'stage:order')?.score).toBe(1);
    expect(merged.changes).toEqual([{ kind: 'emotion', key: 'emotion:anna:order', detail: '-2 \u2192 1' }]);
  });

  it('renames stages and lanes from their headers, and takes a new title', () => {
    const { item, merge } = setUp();
    item('stage:order').text = 'Checkout';
    item('lane:pains').text = 'Barriers';
    item('title').text = 'Kettle journey, v2';
    const merged = merge();
    expect(merged.journey.stages.find((stage) => stage.id === 'stage:order')?.name).toBe('Checkout');
    expect(merged.journey.lanes.find((lane) => lane.id === 'lane:pains')?.title).toBe('Barriers');
    expect(merged.journey.title).toBe('Kettle journey, v2');
  });

  it('draws a deleted header, title or emotion line again rather than changing the journey', () => {
    const { journey, snapshot, merge } = setUp();
    snapshot.items = snapshot.items.filter((candidate) => !['stage:order', 'title', 'emotion-line:anna'].includes(candidate.identity.key));
    expect(merge().journey).toEqual(journey);
  });

  it('reads an edited persona card and scope line back into the journey', () => {
    const { item, merge } = setUp();
    const persona = item('persona:anna');
    persona.text = persona.text.replace('Goals: Replace a broken appliance within a week; Pay a fair price for quality', 'Goals: Replace the kettle today; Pay a fair price for quality');
    const scope = item('subtitle');
    scope.text = scope.text.replace('Q3 2026', 'Q4 2026');
    const merged = merge();
    expect(merged.journey.personas[0]?.goals).toEqual(['Replace the kettle today', 'Pay a fair price for quality']);
    expect(merged.journey.personas[0]?.quote).toBe('I want to order in two minutes and forget about it until it arrives.');
    expect(merged.journey.scope.period).toBe('Q4 2026');
    expect(merged.releases).toEqual([]);
  });

  it('keeps a role typed on the persona card as written, commas and all, and reads the age after the last comma', () => {
    const { item, merge } = setUp();
    const persona = item('persona:anna');
    const [heading, who, ...rest] = persona.text.split('\n');
    expect(who).toBe('Project manager, busy parent of two, age 34');
    persona.text = [heading, 'Project manager,busy parent of two, drives 30,000 km a year, age 34', ...rest].join('\n');
    const merged = merge().journey.personas[0];
    expect(merged?.role).toBe('Project manager,busy parent of two, drives 30,000 km a year');
    expect(merged?.age).toBe('34');
    persona.text = [heading, 'Runs a bakery, 2,5 shifts a day', ...rest].join('\n');
    const withoutAge = merge().journey.personas[0];
    expect(withoutAge?.role).toBe('Runs a bakery, 2,5 shifts a day');
    expect(withoutAge?.age).toBeUndefined();
  });

  it('releases text it cannot read instead of overwriting it', () => {
    const { item, merge } = setUp();
    item('row:pains').text = 'Ask legal about this row';
    const merged = merge();
    expect(merged.releases).toEqual([{ key: 'row:pains', itemIds: [item('row:pains').itemId] }]);
    expect(merged.journey.personas[0]?.name).toBe('Anna Petrova');
  });

  it('keeps free lines added to a persona card as the persona\u2019s notes, and drops them when removed', () => {
    const { item, merge } = setUp();
    const drawn = item('persona:anna').text;
    item('persona:anna').text = `${drawn}\nLoves tea.\nHas two cats.`;
    const merged = merge();
    expect(merged.releases).toEqual([]);
    expect(merged.journey.personas[0]?.notes).toEqual(['Loves tea.', 'Has two cats.']);
    expect(merged.journey.personas[0]?.goals).toEqual(createOnlineStoreJourney().personas[0]?.goals);
    // The card drawn again shows the lines where the person wrote them.
    const scene = layoutJourney(merged.journey, { metrics: FIGJAM_METRICS });
    const card = scene.nodes.find((node) => node.key === 'persona:anna');
    expect(card?.type === 'shape' && card.text.endsWith('Loves tea.\nHas two cats.')).toBe(true);
  });

  it('takes lines added to or removed from the scope line without releasing it', () => {
    const { item, merge, journey } = setUp();
    const drawn = item('subtitle').text;
    item('subtitle').text = `${drawn}\nAsk the courier team too`;
    const merged = merge();
    expect(merged.releases).toEqual([]);
    expect(merged.journey.scope.goal).toMatch(/Ask the courier team too$/);
    expect(merged.journey.scope.product).toBe(journey.scope.product);
  });

  it('heals a twin that says what the map item says, and keeps a twin with words of its own', () => {
    const { snapshot, item, merge } = setUp();
    const header = item('stage:order');
    snapshot.items.push({ ...header, itemId: 'twin-header' });
    const card = item('card:actions-order-1');
    snapshot.items.push({ ...card, itemId: 'twin-card', x: card.x + 4 });
    snapshot.items.push({ ...card, itemId: 'own-card', x: card.x + 8, text: 'Pays with a gift card' });
    const merged = merge();
    expect(merged.removals).toEqual([
      { key: 'stage:order', itemIds: ['twin-header'] },
      { key: 'card:actions-order-1', itemIds: ['twin-card'] },
    ]);
    expect(merged.adoptions.map((adoption) => adoption.itemId)).toEqual(['own-card']);
    expect(merged.journey.cards.filter((c) => c.text === 'Pays with a gift card')).toHaveLength(1);
  });

  it('keeps a long sticky whole on the board and its first part in the journey, cut between graphemes', () => {
    const { item, merge } = setUp();
    // The limit falls inside a family emoji (eleven UTF-16 units, joined by ZWJs).
    const long = `${'ж'.repeat(MAX_CARD_TEXT - 5)}👩‍👩‍👧‍👦 конец`;
    item('card:actions-order-1').text = long;
    const merged = merge();
    const text = merged.journey.cards.find((c) => c.id === 'card:actions-order-1')?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(MAX_CARD_TEXT);
    expect(text).toBe('ж'.repeat(MAX_CARD_TEXT - 5));
    expect(text.endsWith('\u200D')).toBe(false);
    expect(/[\uD800-\uDBFF]$/.test(text)).toBe(false);
    expect(merged.cut).toEqual(['card:actions-order-1']);
  });

  it('keeps an edited emotion note', () => {
    const { item, merge } = setUp();
    item('emotion-note:anna:order').text = 'Form asks for the address twice';
    expect(merge().journey.emotions.find((emotion) => emotion.stage === 'stage:order')?.note).toBe('Form asks for the address twice');
  });
});

describe('mergeJourneys', () => {
  const base = createOnlineStoreJourney();

  it('keeps the board edits and the panel edits together', () => {
    const board = structuredClone(base);
    const panel = structuredClone(base);
    board.cards[0]!.text = 'Kettle broke this morning';
    panel.stages.push({ id: 'stage:advocate', name: 'Recommend' });
    panel.cards[1]!.text = 'Decides to buy today';
    const { journey, conflicts, orphans } = mergeJourneys(base, board, panel);
    expect(journey.cards[0]?.text).toBe('Kettle broke this morning');
    expect(journey.cards[1]?.text).toBe('Decides to buy today');
    expect(journey.stages.at(-1)?.name).toBe('Recommend');
    expect(conflicts).toEqual([]);
    expect(orphans).toEqual([]);
  });

  it('lets the board win when both changed one card text, and says so', () => {
    const board = structuredClone(base);
    const panel = structuredClone(base);
    board.cards[0]!.text = 'Board text';
    panel.cards[0]!.text = 'Panel text';
    const { journey, conflicts } = mergeJourneys(base, board, panel);
    expect(journey.cards[0]?.text).toBe('Board text');
    expect(conflicts).toEqual([{ id: base.cards[0]!.id, field: 'text', board: 'Board text', panel: 'Panel text' }]);
  });

  it('keeps a card edited on the board that the panel deleted, and drops one nobody edited', () => {
    const board = structuredClone(base);
    const panel = structuredClone(base);
    board.cards[0]!.text = 'Typed on the board';
    panel.cards.splice(0, 2);
    const { journey } = mergeJourneys(base, board, panel);
    expect(journey.cards.map((card) => card.id)).toContain(base.cards[0]!.id);
    expect(journey.cards.map((card) => card.id)).not.toContain(base.cards[1]!.id);
  });

  it('hands back cards written on the board whose stage the panel removed', () => {
    const board = structuredClone(base);
    const panel = structuredClone(base);
    board.cards.push({ id: 'card:bnew', stage: 'stage:repeat', lane: 'lane:pains', text: 'Written on the board' });
    panel.stages = panel.stages.filter((stage) => stage.id !== 'stage:repeat');
    panel.cards = panel.cards.filter((card) => card.stage !== 'stage:repeat');
    panel.emotions = panel.emotions.filter((emotion) => emotion.stage !== 'stage:repeat');
    const { journey, orphans } = mergeJourneys(base, board, panel);
    expect(orphans).toEqual(['card:bnew']);
    expect(journey.cards.some((card) => card.stage === 'stage:repeat')).toBe(false);
  });
});
