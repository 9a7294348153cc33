import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import type { SceneNode } from '../../src/layout/scene';
import type { Journey } from '../../src/model/journey';
import { MAX_CARD_TEXT, MAX_SHORT_TEXT, parseJourney } from '../../src/model/journey-schema';
import { parseJourneyFileText } from '../../src/model/journey-file';
import { emotionPointKey, stepHeaderKey } from '../../src/layout/scene-keys';
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
    item('card:pains-order-2').text = 'Order form has 14 fields\nand no autofill';
    const merged = merge();
    expect(merged.journey.cards.find((card) => card.id === 'card:pains-order-2')?.text).toBe('Order form has 14 fields\nand no autofill');
    expect(merged.changes).toEqual([{ kind: 'card-text', key: 'card:pains-order-2', detail: 'Order form has 14 fields\nand no autofill' }]);
  });

  it('ignores white space the host added or folded', () => {
    const { item, merge } = setUp();
    item('card:pains-order-2').text = '  Order   form has 14 fields \n';
    expect(merge().changes).toEqual([]);
  });

  it('moves a card whose sticky was dragged into another cell, in reading order there', () => {
    const { item, node, merge } = setUp();
    // The free slot beside the third touchpoint of Delivery, on the second row of that cell.
    const [first, second, third] = ['card:touchpoints-delivery-1', 'card:touchpoints-delivery-2', 'card:touchpoints-delivery-3'].map(node);
    Object.assign(item('card:pains-order-2'), { x: third!.x + (second!.x - first!.x), y: third!.y });
    const merged = merge();
    const moved = merged.journey.cards.find((card) => card.id === 'card:pains-order-2');
    expect(moved).toMatchObject({ stage: 'stage:delivery', lane: 'lane:touchpoints' });
    expect(moved?.step).toBeUndefined();
    const cell = merged.journey.cards.filter((card) => card.stage === 'stage:delivery' && card.lane === 'lane:touchpoints').map((card) => card.id);
    expect(cell).toEqual(['card:touchpoints-delivery-1', 'card:touchpoints-delivery-2', 'card:touchpoints-delivery-3', 'card:pains-order-2']);
    // A pain no more: the two opportunities that addressed it do not any longer.
    expect(merged.changes.map((change) => change.kind)).toEqual(['card-moved', 'link-removed', 'link-removed']);
    expect(merged.journey.cards.filter((card) => card.plan?.addresses?.includes('card:pains-order-2'))).toEqual([]);
  });

  it('keeps a card a cut-off drawing never drew in its place in the cell, the drawn ones around it in board order', () => {
    const { snapshot, merge } = setUp();
    // The drawing stopped before the first and the third card of the cell; the second is on the board.
    const searchCell = (cards: readonly { id: string; stage: string; lane: string }[]) =>
      cards.filter((card) => card.stage === 'stage:search' && card.lane === 'lane:touchpoints').map((card) => card.id);
    snapshot.items = snapshot.items.filter((candidate) => candidate.identity.key !== 'card:touchpoints-search-1' && candidate.identity.key !== 'card:touchpoints-search-3');
    const merged = merge(false);
    expect(searchCell(merged.journey.cards)).toEqual(['card:touchpoints-search-1', 'card:touchpoints-search-2', 'card:touchpoints-search-3']);
    expect(merged.changes).toEqual([]);
  });

  it('reorders cards within a cell as they stand on the board', () => {
    const { item, merge } = setUp();
    const first = item('card:touchpoints-search-1');
    const third = item('card:touchpoints-search-3');
    const firstBox = { x: first.x, y: first.y };
    Object.assign(first, { x: third.x, y: third.y });
    Object.assign(third, firstBox);
    const order = merge()
      .journey.cards.filter((card) => card.stage === 'stage:search' && card.lane === 'lane:touchpoints')
      .map((card) => card.id);
    expect(order).toEqual(['card:touchpoints-search-3', 'card:touchpoints-search-2', 'card:touchpoints-search-1']);
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
    expect(adopted).toMatchObject({ stage: 'stage:order', step: 'step:cart', lane: 'lane:channels' });
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
    const sticky = item('card:pains-order-2');
    sticky.x = -900;
    const merged = merge();
    expect(merged.journey.cards.some((card) => card.id === 'card:pains-order-2')).toBe(false);
    expect(merged.releases).toEqual([{ key: 'card:pains-order-2', itemIds: [sticky.itemId] }]);
    expect(merged.changes).toEqual([{ kind: 'released', key: 'card:pains-order-2', detail: expect.stringMatching(/moved off the map/) }]);
    expect(merged.leftAlone).toEqual([{ itemId: sticky.itemId, x: -900, y: sticky.y }]);
  });

  it("makes a person's copy of a card sticky a card of its own; the sticky nearest the card's place stays the card", () => {
    const { snapshot, item, node, merge } = setUp();
    const original = item('card:pains-order-2');
    const free = node('card:channels-order-1');
    const copy: SnapshotItem = { ...original, itemId: 'copy-1', text: 'Promo code rejected', x: free.x + 264, y: free.y };
    const strayCopy: SnapshotItem = { ...original, itemId: 'copy-2', text: 'Parking lot', x: -700, y: -700 };
    snapshot.items.push(copy, strayCopy);
    const merged = merge();
    expect(merged.journey.cards.find((card) => card.id === 'card:pains-order-2')?.text).toBe('Order form has 14 fields');
    const adopted = merged.journey.cards.find((card) => card.text === 'Promo code rejected');
    expect(adopted).toMatchObject({ stage: 'stage:order', step: 'step:cart', lane: 'lane:channels' });
    expect(merged.adoptions).toEqual([{ itemId: 'copy-1', key: adopted?.id }]);
    expect(merged.releases).toEqual([{ key: 'card:pains-order-2', itemIds: ['copy-2'] }]);
    const forDiff = adoptForeignItems(snapshot, merged.adoptions);
    expect(forDiff.items.filter((entry) => entry.identity.key === 'card:pains-order-2').map((entry) => entry.itemId)).toEqual([original.itemId, 'copy-2']);
  });

  it('never lets a card sticky the journey does not know be deleted: it becomes a card again in its cell', () => {
    const { snapshot, node, merge } = setUp();
    const cell = node('card:channels-order-1');
    snapshot.items.push({ itemId: 'back-1', identity: { map: MAP_ID, key: 'card:gone-1', hash: 'abcdef12' }, type: 'sticky', text: 'Brought back', x: cell.x + 264, y: cell.y, width: 240, height: 240 });
    const merged = merge();
    const card = merged.journey.cards.find((entry) => entry.text === 'Brought back');
    expect(card).toMatchObject({ stage: 'stage:order', step: 'step:cart', lane: 'lane:channels' });
    expect(merged.adoptions).toEqual([{ itemId: 'back-1', key: card?.id }]);
  });

  it('snaps a dragged emotion point to the nearest step of the scale', () => {
    const { item, node, merge } = setUp();
    // Anna's point at the order form, a step of Order & pay.
    const point = item('emotion:anna:order@form');
    const high = node('emotion-scale:1');
    point.y = high.y + high.height / 2 - point.height / 2 + 17;
    const merged = merge();
    expect(merged.journey.emotions.find((emotion) => emotion.step === 'step:form')?.score).toBe(1);
    expect(merged.changes).toEqual([{ kind: 'emotion', key: 'emotion:anna:order@form', detail: '-2 \u2192 1' }]);
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
    item('emotion-note:anna:order@form').text = 'Form asks for the address twice';
    expect(merge().journey.emotions.find((emotion) => emotion.step === 'step:form')?.note).toBe('Form asks for the address twice');
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

describe('mergeBoardEdits on a map whose stages hold steps', () => {
  const readSteps = (): Journey => {
    const read = parseJourneyFileText(readFileSync(new URL('../fixtures/journeys/04-order-steps.json', import.meta.url), 'utf8'));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    return read.value;
  };
  const stepsOf = (journey: Journey, stage: string) => journey.stages.find((candidate) => candidate.id === stage)?.steps ?? [];

  it('changes nothing when the board shows what was drawn', () => {
    const { journey, merge } = setUp(readSteps());
    expect(merge()).toMatchObject({ journey, changes: [], adoptions: [], absorbed: [] });
  });

  it("moves a card dragged into another step's cell to that step, and one dragged to a stage without steps out of any", () => {
    const { item, node, merge } = setUp(readSteps());
    const target = node('card:actions-order-3');
    Object.assign(item('card:actions-order-1'), { x: target.x, y: target.y + 10 });
    const search = node('card:actions-search-1');
    Object.assign(item('card:pains-order-1'), { x: search.x, y: node('row:pains').y + 24 });
    const merged = merge();
    expect(merged.journey.cards.find((card) => card.id === 'card:actions-order-1')).toMatchObject({ stage: 'stage:order', step: 'step:pay', lane: 'lane:actions' });
    const out = merged.journey.cards.find((card) => card.id === 'card:pains-order-1');
    expect(out).toMatchObject({ stage: 'stage:search', lane: 'lane:pains' });
    expect(out).not.toHaveProperty('step');
    expect(merged.changes.map((change) => change.kind)).toEqual(['card-moved', 'card-moved']);
  });

  it('adopts a sticky added under a step as a card of that step', () => {
    const { snapshot, node, merge } = setUp(readSteps());
    const header = node(stepHeaderKey('stage:order', 'step:delivery-choice'));
    const row = node('row:pains');
    snapshot.foreign.push(foreignSticky('person-1', header.x + 20, row.y + 20, 'No pickup point near me'));
    const adopted = merge().journey.cards.find((card) => card.text === 'No pickup point near me');
    expect(adopted).toMatchObject({ stage: 'stage:order', step: 'step:delivery-choice', lane: 'lane:pains' });
  });

  it("renames a step from its header, and takes the touchpoint and channel from its second line", () => {
    const { item, merge } = setUp(readSteps());
    item(stepHeaderKey('stage:order', 'step:form')).text = 'Checkout form\nOne-page form · App';
    const merged = merge();
    expect(stepsOf(merged.journey, 'stage:order').find((step) => step.id === 'step:form')).toEqual({ id: 'step:form', name: 'Checkout form', touchpoint: 'One-page form', channel: 'App' });
    expect(merged.changes.map((change) => change.kind)).toEqual(['step-renamed']);
  });

  it("sets that step's score when its point is dragged, and no other step's", () => {
    const { journey, item, node, merge } = setUp(readSteps());
    const point = item(emotionPointKey('persona:anna', { stage: 'stage:order', step: 'step:form' }));
    const high = node('emotion-scale:1');
    point.y = high.y + high.height / 2 - point.height / 2;
    const merged = merge();
    const scores = (of: Journey) => of.emotions.filter((emotion) => emotion.persona === 'persona:anna' && emotion.stage === 'stage:order').map((emotion) => [emotion.step, emotion.score]);
    expect(scores(merged.journey)).toEqual(scores(journey).map(([step, score]) => [step, step === 'step:form' ? 1 : score]));
  });

  it('makes a sticky put in the row of step headers a new step there, named by it, and takes the sticky in', () => {
    const { snapshot, node, merge } = setUp(readSteps());
    const form = node(stepHeaderKey('stage:order', 'step:form'));
    const choice = node(stepHeaderKey('stage:order', 'step:delivery-choice'));
    // Between "Fill in the order form" and "Choose delivery".
    snapshot.foreign.push(foreignSticky('person-7', (form.x + form.width + choice.x) / 2 - 120, form.y, 'Apply a promo code'));
    const merged = merge();
    const steps = stepsOf(merged.journey, 'stage:order');
    expect(steps.map((step) => step.name)).toEqual(['Add to cart', 'Fill in the order form', 'Apply a promo code', 'Choose delivery', 'Pay']);
    const added = steps[2]!;
    expect(merged.absorbed).toEqual([{ key: stepHeaderKey('stage:order', added.id), itemIds: ['person-7'] }]);
    expect(merged.changes).toEqual([{ kind: 'step-added', key: stepHeaderKey('stage:order', added.id), detail: 'Apply a promo code' }]);
    expect(merged.journey.cards.some((card) => card.text === 'Apply a promo code')).toBe(false);
    // A run cut off after saving reads the sticky again: the step is there once.
    const again = mergeBoardEdits(merged.journey, snapshot, { metrics, complete: true });
    expect(stepsOf(again.journey, 'stage:order').filter((step) => step.name === 'Apply a promo code')).toHaveLength(1);
  });

  it("splits a stage without steps when a sticky lands on its header: its cards and scores go to the new step", () => {
    const { journey, snapshot, node, merge } = setUp(readSteps());
    const header = node('stage:search');
    snapshot.foreign.push(foreignSticky('person-8', header.x + 10, header.y, 'Compare prices'));
    const merged = merge();
    const [step] = stepsOf(merged.journey, 'stage:search');
    expect(step?.name).toBe('Compare prices');
    const before = journey.cards.filter((card) => card.stage === 'stage:search').length;
    expect(merged.journey.cards.filter((card) => card.stage === 'stage:search' && card.step === step?.id)).toHaveLength(before);
    expect(merged.journey.emotions.filter((emotion) => emotion.stage === 'stage:search').every((emotion) => emotion.step === step?.id)).toBe(true);
    expect(parseJourney(merged.journey).ok).toBe(true);
  });

  it('leaves a sticky in the header row alone when its text is too long or styled for a step name, or the stage is full', () => {
    const { snapshot, node, merge } = setUp(readSteps());
    const header = node('stage:delivery');
    snapshot.foreign.push(foreignSticky('person-9', header.x + 10, header.y, 'x'.repeat(MAX_SHORT_TEXT + 1)));
    snapshot.foreign.push({ ...foreignSticky('person-10', header.x + 300, header.y, 'Courier'), rich: [{ runs: [{ text: 'Courier', bold: true }] }] });
    const merged = merge();
    expect(stepsOf(merged.journey, 'stage:delivery')).toHaveLength(2);
    expect(merged.absorbed).toEqual([]);
    expect(merged.leftAlone.map((item) => item.itemId).sort()).toEqual(['person-10', 'person-9']);
  });
});

describe('mergeJourneys with steps', () => {
  const readSteps = (): Journey => {
    const read = parseJourneyFileText(readFileSync(new URL('../fixtures/journeys/04-order-steps.json', import.meta.url), 'utf8'));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    return read.value;
  };
  const stage = (journey: Journey, id: string) => journey.stages.find((candidate) => candidate.id === id)!;

  it('keeps a step added on the board where it was put, and a step renamed in the panel', () => {
    const base = readSteps();
    const board = structuredClone(base);
    const panel = structuredClone(base);
    stage(board, 'stage:order').steps!.splice(2, 0, { id: 'step:bpromo', name: 'Apply a promo code' });
    stage(panel, 'stage:order').steps![3]!.name = 'Pay online';
    const { journey, conflicts } = mergeJourneys(base, board, panel);
    expect(stage(journey, 'stage:order').steps!.map((step) => step.name)).toEqual(['Add to cart', 'Fill in the order form', 'Apply a promo code', 'Choose delivery', 'Pay online']);
    expect(conflicts).toEqual([]);
    expect(parseJourney(journey).ok).toBe(true);
  });

  it('puts a card written on the board in a stage the panel split into steps at its first step, and loses none', () => {
    const base = readSteps();
    const board = structuredClone(base);
    const panel = structuredClone(base);
    board.cards.push({ id: 'card:bnew', stage: 'stage:search', lane: 'lane:pains', text: 'Too many tabs open' });
    stage(panel, 'stage:search').steps = [{ id: 'step:compare', name: 'Compare' }, { id: 'step:read', name: 'Read reviews' }];
    panel.cards = panel.cards.map((card) => (card.stage === 'stage:search' ? { ...card, step: 'step:compare' } : card));
    panel.emotions = panel.emotions.map((emotion) => (emotion.stage === 'stage:search' ? { ...emotion, step: 'step:compare' } : emotion));
    const { journey, orphans } = mergeJourneys(base, board, panel);
    expect(journey.cards.find((card) => card.id === 'card:bnew')).toMatchObject({ stage: 'stage:search', step: 'step:compare' });
    expect(journey.cards).toHaveLength(board.cards.length);
    expect(orphans).toEqual([]);
    expect(parseJourney(journey).ok).toBe(true);
  });

  it("keeps a score dragged on the board at its step while the panel merged that stage's steps back", () => {
    const base = readSteps();
    const board = structuredClone(base);
    const panel = structuredClone(base);
    board.emotions.find((emotion) => emotion.persona === 'persona:anna' && emotion.step === 'step:receive')!.score = 2;
    delete stage(panel, 'stage:order').steps;
    panel.cards = panel.cards.map(({ step, ...card }) => (card.stage === 'stage:order' ? card : { ...card, ...(step ? { step } : {}) }));
    const seen = new Set<string>();
    panel.emotions = panel.emotions.flatMap(({ step, ...emotion }) => {
      if (emotion.stage !== 'stage:order') return [{ ...emotion, ...(step ? { step } : {}) }];
      if (seen.has(emotion.persona)) return [];
      seen.add(emotion.persona);
      return [emotion];
    });
    const { journey } = mergeJourneys(base, board, panel);
    expect(stage(journey, 'stage:order').steps).toBeUndefined();
    expect(journey.cards.filter((card) => card.stage === 'stage:order')).toHaveLength(base.cards.filter((card) => card.stage === 'stage:order').length);
    expect(journey.emotions.find((emotion) => emotion.persona === 'persona:anna' && emotion.step === 'step:receive')?.score).toBe(2);
    expect(parseJourney(journey).ok).toBe(true);
  });
});
