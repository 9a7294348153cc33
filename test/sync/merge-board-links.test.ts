import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import { cardKey, linkKey } from '../../src/layout/scene-keys';
import { canServe, dropDanglingLinks, findCardRelation, type Card, type Journey } from '../../src/model/journey';
import { parseJourney } from '../../src/model/journey-schema';
import { checkJourneyHealth } from '../../src/model/health-check';
import { createTemplates } from '../../src/model/templates/templates-en';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import type { ForeignItem, Snapshot } from '../../src/sync/host-port';
import { mergeBoardEdits } from '../../src/sync/merge-board-edits';
import { planRegenerate } from '../../src/sync/regenerate-map';
import { snapshotOfScene } from './scene-snapshot';

const MAP_ID = 'map-links00001';
const metrics = FIGJAM_METRICS;
const blueprint = (): Journey => createTemplates().find((template) => template.id === 'service-blueprint')!.journey;

function setUp(journey: Journey = createOnlineStoreJourney()) {
  const scene = layoutJourney(journey, { metrics });
  const snapshot: Snapshot = snapshotOfScene(scene, MAP_ID);
  const itemOf = (key: string) => {
    const item = snapshot.items.find((candidate) => candidate.identity.key === key);
    if (!item) throw new Error(`no item ${key}`);
    return item;
  };
  const card = (text: string): Card => {
    const found = journey.cards.find((candidate) => candidate.text === text);
    if (!found) throw new Error(`no card "${text}"`);
    return found;
  };
  const merge = (complete = true) => mergeBoardEdits(journey, snapshot, { metrics, complete });
  return { journey, scene, snapshot, itemOf, card, merge };
}

const personConnector = (itemId: string, start: string, end: string): ForeignItem => ({ itemId, kind: 'link', text: '', ends: { start, end }, x: 0, y: 0, width: 10, height: 10 });

describe('links read back from the board', () => {
  it('changes nothing while every connector joins the cards it was drawn between', () => {
    const { journey, merge } = setUp();
    const merged = merge();
    expect(merged.journey).toEqual(journey);
    expect(merged.changes).toEqual([]);
  });

  it('unlinks two cards whose connector a person deleted, but not while the map was still being drawn', () => {
    const { snapshot, card, merge } = setUp();
    const [opportunity, pain] = [card('Address autocomplete'), card('Order form has 14 fields')];
    snapshot.items = snapshot.items.filter((item) => item.identity.key !== linkKey(opportunity.id, pain.id));
    const merged = merge();
    expect(merged.journey.cards.find((found) => found.id === opportunity.id)?.plan?.addresses).toBeUndefined();
    expect(merged.journey.cards.find((found) => found.id === opportunity.id)?.plan?.owner).toBe('Checkout team');
    expect(merged.changes).toEqual([{ kind: 'link-removed', key: linkKey(opportunity.id, pain.id), detail: 'Address autocomplete \u2192 Order form has 14 fields' }]);
    expect(merge(false).journey.cards.find((found) => found.id === opportunity.id)?.plan?.addresses).toEqual([pain.id]);
  });

  it('takes a connector a person drew from a pain to an opportunity as a link, adopting it', () => {
    const { snapshot, itemOf, card, merge } = setUp();
    const [pain, opportunity] = [card('Promo code field hidden'), card('Address autocomplete')];
    snapshot.foreign.push(personConnector('person-1', itemOf(cardKey(pain.id)).itemId, itemOf(cardKey(opportunity.id)).itemId));
    const merged = merge();
    expect(merged.journey.cards.find((found) => found.id === opportunity.id)?.plan?.addresses).toEqual([card('Order form has 14 fields').id, pain.id]);
    expect(merged.adoptions).toEqual([{ itemId: 'person-1', key: linkKey(opportunity.id, pain.id), type: 'link' }]);
    expect(merged.changes.map((change) => change.kind)).toEqual(['link-added']);
  });

  it('leaves a person\'s connector alone between cards that cannot be linked, or that are linked already', () => {
    const { snapshot, itemOf, card, merge, journey } = setUp();
    const [action, pain] = [card('Fills in the order form'), card('Order form has 14 fields')];
    snapshot.foreign.push(personConnector('person-1', itemOf(cardKey(action.id)).itemId, itemOf(cardKey(pain.id)).itemId));
    // A second connector over an existing link is the person's drawing.
    snapshot.foreign.push(personConnector('person-2', itemOf(cardKey(pain.id)).itemId, itemOf(cardKey(card('Address autocomplete').id)).itemId));
    // One end in the open: nothing to link.
    snapshot.foreign.push({ ...personConnector('person-3', itemOf(cardKey(pain.id)).itemId, ''), ends: { start: itemOf(cardKey(pain.id)).itemId } });
    const merged = merge();
    expect(merged.journey).toEqual(journey);
    expect(merged.adoptions).toEqual([]);
  });

  it('moves a link to the card a person dragged the connector\'s end onto', () => {
    const { itemOf, card, merge } = setUp();
    const [opportunity, pain, other] = [card('Address autocomplete'), card('Order form has 14 fields'), card('Account creation is forced')];
    const link = itemOf(linkKey(opportunity.id, pain.id));
    link.ends = { start: itemOf(cardKey(opportunity.id)).itemId, end: itemOf(cardKey(other.id)).itemId };
    const merged = merge();
    expect(merged.journey.cards.find((found) => found.id === opportunity.id)?.plan?.addresses).toEqual([other.id]);
    expect(merged.adoptions).toEqual([{ itemId: link.itemId, key: linkKey(opportunity.id, other.id), type: 'link' }]);
  });

  it('links a card with a person\'s sticky adopted in the same run', () => {
    const { snapshot, scene, itemOf, card, merge } = setUp();
    const pain = card('Order form has 14 fields');
    const cell = scene.nodes.find((node) => node.key === cardKey(card('Address autocomplete').id))!;
    snapshot.foreign.push({ itemId: 'person-sticky', kind: 'sticky', text: 'Save the address for next time', x: cell.x + 20, y: cell.y + 20, width: 240, height: 240 });
    snapshot.foreign.push(personConnector('person-line', 'person-sticky', itemOf(cardKey(pain.id)).itemId));
    const merged = merge();
    const adopted = merged.journey.cards.find((found) => found.text === 'Save the address for next time');
    expect(adopted?.plan?.addresses).toEqual([pain.id]);
    expect(merged.adoptions.map((adoption) => adoption.itemId).sort()).toEqual(['person-line', 'person-sticky']);
  });

  it('on a service blueprint, links a backstage card to the frontstage contact of its place, and nothing across places', () => {
    const { snapshot, itemOf, card, merge } = setUp(blueprint());
    const [frontstage, backstage, elsewhere] = [card('Adviser sends a progress photo'), card('Mechanic replaces the parts'), card('Warranty records')];
    snapshot.foreign.push(personConnector('person-1', itemOf(cardKey(frontstage.id)).itemId, itemOf(cardKey(backstage.id)).itemId));
    snapshot.foreign.push(personConnector('person-2', itemOf(cardKey(frontstage.id)).itemId, itemOf(cardKey(elsewhere.id)).itemId));
    const merged = merge();
    expect(merged.journey.cards.find((found) => found.id === backstage.id)?.serves).toEqual([frontstage.id]);
    expect(merged.journey.cards.find((found) => found.id === elsewhere.id)?.serves).toBeUndefined();
    expect(merged.adoptions.map((adoption) => adoption.itemId)).toEqual(['person-1']);
  });
});

describe('links when people move cards and label connectors', () => {
  it('keeps a link as the journey holds it while its cards stay where they were drawn, whatever a connector there would mean', () => {
    const journey = blueprint();
    // A frontstage card "serving" the customer's action below the line of interaction is the journey's to say.
    const action = journey.cards.find((card) => card.text === 'Picks a time slot online')!;
    const linked = { ...journey, cards: journey.cards.map((card) => (card.text === 'Planner reserves a bay' ? { ...card, serves: [...(card.serves ?? []), action.id] } : card)) };
    const { merge } = setUp(linked);
    const merged = merge();
    expect(merged.changes).toEqual([]);
    expect(merged.journey).toEqual(linked);
  });

  it('drops the link of a pain a person dragged among the actions, and moves a card\'s link when it becomes a pain', () => {
    const { scene, itemOf, card, merge } = setUp();
    const [opportunity, pain] = [card('Address autocomplete'), card('Order form has 14 fields')];
    // The pain's sticky dragged up into the actions of its step.
    const actions = scene.nodes.find((node) => node.key === 'row:actions')!;
    const sticky = itemOf(cardKey(pain.id));
    sticky.y = actions.y + 30;
    const merged = merge();
    expect(merged.journey.cards.find((found) => found.id === pain.id)?.lane).toBe('lane:actions');
    expect(merged.journey.cards.find((found) => found.id === opportunity.id)?.plan?.addresses).toBeUndefined();
    expect(merged.changes.filter((change) => change.kind === 'link-removed').map((change) => change.key).sort()).toEqual(
      [linkKey(opportunity.id, pain.id), linkKey(card('One-page checkout with guest mode').id, pain.id)].sort(),
    );
  });

  it('links the copies of a pain and an opportunity a person duplicated with their connector', () => {
    const { snapshot, scene, itemOf, card, merge } = setUp();
    const [opportunity, pain] = [card('Show the promo field up front'), card('Promo code field hidden')];
    const link = itemOf(linkKey(opportunity.id, pain.id));
    // Copies in the cells of the next stage (Delivery), retyped, and a copy of the connector between them.
    const cellOf = (lane: string) => {
      const band = scene.nodes.find((node) => node.key === `row:${lane}`)!;
      const header = scene.nodes.find((node) => node.key === 'stage:delivery')!;
      return { x: header.x + header.width - 300, y: band.y + band.height - 280 };
    };
    const painCopy = { ...itemOf(cardKey(pain.id)), itemId: 'copy-pain', text: 'Courier calls at night', ...cellOf('pains') };
    const opportunityCopy = { ...itemOf(cardKey(opportunity.id)), itemId: 'copy-opportunity', text: 'Quiet hours for couriers', ...cellOf('opportunities') };
    snapshot.items.push(painCopy, opportunityCopy, { ...link, itemId: 'copy-link', ends: { start: 'copy-opportunity', end: 'copy-pain' } });
    const merged = merge();
    const [newPain, newOpportunity] = [merged.journey.cards.find((found) => found.text === 'Courier calls at night'), merged.journey.cards.find((found) => found.text === 'Quiet hours for couriers')];
    expect(newPain?.stage).toBe('stage:delivery');
    expect(newOpportunity?.plan?.addresses).toEqual([newPain?.id]);
    expect(merged.adoptions).toContainEqual({ itemId: 'copy-link', key: linkKey(newOpportunity!.id, newPain!.id), type: 'link' });
    expect(merged.removals).toEqual([]);
    // The original keeps its link.
    expect(merged.journey.cards.find((found) => found.id === opportunity.id)?.plan?.addresses).toEqual([pain.id]);
  });

  it('hands a link\'s connector a person labelled over to them when the link goes, rather than deleting it', () => {
    const { snapshot, journey, card } = setUp();
    const [opportunity, pain] = [card('Address autocomplete'), card('Order form has 14 fields')];
    const connector = snapshot.items.find((item) => item.identity.key === linkKey(opportunity.id, pain.id))!;
    connector.text = 'only for returning customers';
    // The pain's sticky deleted: the link goes with it.
    snapshot.items = snapshot.items.filter((item) => item.identity.key !== cardKey(pain.id));
    const planned = planRegenerate(journey, snapshot, { metrics, complete: true });
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    const ops = planned.value.plan.ops.filter((op) => 'itemIds' in op && op.itemIds.includes(connector.itemId));
    expect(ops.map((op) => op.type)).toEqual(['release']);
    const unlabelled = snapshot.items.find((item) => item.identity.key === linkKey(card('One-page checkout with guest mode').id, pain.id))!;
    expect(planned.value.plan.ops.find((op) => 'itemIds' in op && op.itemIds.includes(unlabelled.itemId))?.type).toBe('delete');
  });
});

describe('links in the journey', () => {
  it('reads a connector between a pain and an opportunity as the opportunity addressing the pain, either way round', () => {
    const journey = createOnlineStoreJourney();
    const pain = journey.cards.find((card) => card.text === 'Promo code field hidden')!;
    const opportunity = journey.cards.find((card) => card.text === 'Buying guides for small appliances')!;
    expect(findCardRelation(journey, pain, opportunity)).toEqual({ from: opportunity.id, to: pain.id, relation: 'addresses' });
    expect(findCardRelation(journey, opportunity, pain)).toEqual({ from: opportunity.id, to: pain.id, relation: 'addresses' });
    expect(findCardRelation(journey, pain, pain)).toBeUndefined();
  });

  it('drops a serves link whose cards no longer share a place, and one to a card that is gone', () => {
    const journey = blueprint();
    const serving = journey.cards.find((card) => card.serves)!;
    expect(dropDanglingLinks(journey)).toBe(journey);
    const moved = { ...journey, cards: journey.cards.map((card) => (card.id === serving.id ? { ...card, stage: journey.stages.find((stage) => stage.id !== card.stage)!.id } : card)) };
    expect(dropDanglingLinks(moved).cards.find((card) => card.id === serving.id)?.serves).toBeUndefined();
    const gone = { ...journey, cards: journey.cards.filter((card) => card.id !== serving.serves?.[0]) };
    expect(dropDanglingLinks(gone).cards.find((card) => card.id === serving.id)?.serves).toBeUndefined();
  });

  it('refuses a serves link to a card of another place, to itself or to no card, each with its path', () => {
    const journey = blueprint();
    const [first, second] = journey.cards.filter((card) => card.lane === 'lane:backstage');
    const cards = journey.cards.map((card) => (card.id === first!.id ? { ...card, serves: [second!.id, card.id, 'card:nowhere'] } : card));
    const parsed = parseJourney({ ...journey, cards: cards as Card[] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const index = journey.cards.findIndex((card) => card.id === first!.id);
    expect(parsed.errors.map((error) => [error.path, error.code])).toEqual([
      [`cards[${index}].serves[0]`, 'json-link-elsewhere'],
      [`cards[${index}].serves[1]`, 'json-link-to-self'],
      [`cards[${index}].serves[2]`, 'json-unknown-reference'],
    ]);
    expect(canServe(first!, second!)).toBe(false);
  });

  it('checks each frontstage contact once cards say what serves them', () => {
    const journey = blueprint();
    const check = (checked: Journey) => checkJourneyHealth(checked).findings.filter((finding) => finding.rule === 'frontstage-without-backstage').map((finding) => finding.params.text);
    // Every contact of the template has a card behind it.
    expect(check(journey)).toEqual([]);
    const photo = journey.cards.find((card) => card.text === 'Adviser sends a progress photo')!;
    const unlinked = { ...journey, cards: journey.cards.map(({ serves, ...card }) => (serves?.includes(photo.id) ? card : { ...card, ...(serves ? { serves } : {}) })) };
    expect(check(unlinked)).toEqual([photo.text]);
  });
});
