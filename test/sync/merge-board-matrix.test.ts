import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS, MIRO_METRICS, type HostMetrics } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import { findMatrixRating, listMatrixCards, readMatrixGrid } from '../../src/layout/layout-matrix';
import type { SceneNode } from '../../src/layout/scene';
import { cardKey, matrixCardKey, matrixPartKey, matrixPlanKey, parseSceneKey } from '../../src/layout/scene-keys';
import type { Card, Journey } from '../../src/model/journey';
import { parseJourney } from '../../src/model/journey-schema';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import type { Snapshot } from '../../src/sync/host-port';
import { mergeBoardEdits } from '../../src/sync/merge-board-edits';
import { mergeJourneys } from '../../src/sync/merge-journeys';
import { planRegenerate } from '../../src/sync/regenerate-map';
import { rebuildJourneyFromBoard } from '../../src/sync/rebuild-journey';
import { readMatrixPlan } from '../../src/layout/layout-matrix';
import { snapshotOfScene } from './scene-snapshot';

const MAP_ID = 'map-matrix0001';

function withMatrix(journey: Journey = createOnlineStoreJourney()): Journey {
  return { ...journey, matrix: true };
}

function setUp(journey: Journey = withMatrix(), metrics: HostMetrics = FIGJAM_METRICS) {
  const scene = layoutJourney(journey, { metrics });
  // Miro anchors an item at its centre; FigJam at its top-left, growing a sticky downwards.
  const snapshot: Snapshot = { ...snapshotOfScene(scene, MAP_ID), anchor: metrics === MIRO_METRICS ? 'centre' : 'top-left' };
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
  const grid = readMatrixGrid(scene.nodes);
  if (!grid) throw new Error('no matrix drawn');
  /** Moves card `id`'s matrix sticky so its centre lies in the middle of the cell of `impact` and `effort`. */
  const dragTo = (id: Card['id'], impact: number, effort: number) => {
    const item = itemOf(matrixCardKey(id));
    item.x = grid.left + (effort - 0.5) * grid.cellWidth - item.width / 2;
    item.y = grid.top + (5 - impact + 0.5) * grid.cellHeight - (snapshot.anchor === 'centre' ? item.height : Math.min(item.width, item.height)) / 2;
  };
  const merge = (complete = true) => mergeBoardEdits(journey, snapshot, { metrics, complete });
  const after = (merged: ReturnType<typeof merge>, id: Card['id']) => merged.journey.cards.find((found) => found.id === id);
  return { journey, scene, snapshot, itemOf, card, grid, dragTo, merge, after };
}

const boxesOverlap = (a: SceneNode, b: SceneNode) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the prioritisation matrix on the map', () => {
  it('is drawn only on request', () => {
    const plain = layoutJourney(createOnlineStoreJourney(), { metrics: FIGJAM_METRICS });
    expect(plain.nodes.some((node) => parseSceneKey(node.key)?.kind?.startsWith('matrix'))).toBe(false);
    expect(parseJourney(JSON.parse(JSON.stringify(withMatrix()))).ok).toBe(true);
  });

  for (const [host, metrics] of [['FigJam', FIGJAM_METRICS], ['Miro', MIRO_METRICS]] as const) {
    it(`${host}: puts each opportunity in the cell of its ratings, the unrated ones in the tray, inside the map's frame, nothing overlapping`, () => {
      const journey = withMatrix();
      const scene = layoutJourney(journey, { metrics });
      const grid = readMatrixGrid(scene.nodes)!;
      const frame = scene.nodes[0]!;
      const opportunities = listMatrixCards(journey);
      expect(opportunities.length).toBeGreaterThan(5);
      const stickies = scene.nodes.filter((node) => parseSceneKey(node.key)?.kind === 'matrix-card');
      expect(stickies).toHaveLength(opportunities.length);
      for (const card of opportunities) {
        const sticky = stickies.find((node) => node.key === matrixCardKey(card.id))!;
        const centre = { x: sticky.x + sticky.width / 2, y: sticky.y + Math.min(sticky.width, sticky.height) / 2 };
        const { impact, effort } = card.plan ?? {};
        expect(findMatrixRating(grid, centre)).toEqual(impact !== undefined && effort !== undefined ? { impact, effort } : 'unrated');
        expect(sticky.x + sticky.width).toBeLessThanOrEqual(frame.width);
        expect(sticky.y + sticky.height).toBeLessThanOrEqual(frame.height);
      }
      // Stickies and the plan lines under them, the names of the quadrants and the scales: none covers another.
      const upper = scene.nodes.filter((node) => ['matrix-card', 'matrix-plan'].includes(parseSceneKey(node.key)?.kind ?? '') || (node.type === 'text' && parseSceneKey(node.key)?.kind === 'matrix-part'));
      for (const [index, a] of upper.entries()) {
        for (const b of upper.slice(index + 1)) {
          if (a.key === matrixPartKey('title') || b.key === matrixPartKey('title')) continue;
          expect(boxesOverlap(a, b), `${a.key} over ${b.key}`).toBe(false);
        }
      }
      // The matrix lies under the lanes.
      const lastRow = scene.nodes.filter((node) => parseSceneKey(node.key)?.kind === 'row').at(-1)!;
      expect(Math.min(...upper.map((node) => node.y))).toBeGreaterThan(lastRow.y + lastRow.height);
    });
  }

  it('writes who owns an opportunity, where it stands and its KPI under its sticky, in the journey\u2019s language', () => {
    const journey = withMatrix();
    const card = journey.cards.find((candidate) => candidate.text === 'Address autocomplete')!;
    const scene = layoutJourney({ ...journey, locale: 'ru' }, { metrics: FIGJAM_METRICS });
    const line = scene.nodes.find((node) => node.key === matrixPlanKey(card.id));
    expect(line?.type === 'text' && line.text).toBe(`Checkout team \u00b7 запланировано \u00b7 KPI: ${card.plan?.kpi}`);
  });

  it('keeps the plan line to two lines: the KPI goes first, then the owner is cut at a word (and not read back cut)', () => {
    const journey = withMatrix();
    const cards = journey.cards.map((card) =>
      card.text === 'Address autocomplete' ? { ...card, plan: { ...card.plan, owner: 'The checkout, payments and delivery team of the northern and western regions, with the support desk', kpi: 'Share of orders finished within five minutes' } } : card,
    );
    const card = cards.find((candidate) => candidate.text === 'Address autocomplete')!;
    for (const metrics of [FIGJAM_METRICS, MIRO_METRICS]) {
      const line = layoutJourney({ ...journey, cards }, { metrics }).nodes.find((node) => node.key === matrixPlanKey(card.id));
      if (line?.type !== 'text') throw new Error('no plan line');
      expect(line.text).not.toContain('KPI');
      expect(line.text.endsWith('\u2026')).toBe(true);
      expect(line.height).toBeLessThanOrEqual(2 * Math.ceil(14 * 1.3) + 1);
      expect(readMatrixPlan(line.text).owner).toBeUndefined();
    }
  });
});

describe('the prioritisation matrix read back from the board', () => {
  it('changes nothing on an untouched board, and a Regenerate writes nothing', () => {
    const { journey, snapshot, merge } = setUp();
    const merged = merge();
    expect(merged.journey).toEqual(journey);
    expect(merged.changes).toEqual([]);
    const planned = planRegenerate(journey, snapshot, { metrics: FIGJAM_METRICS, complete: true });
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    expect(planned.value.plan.ops).toEqual([]);
  });

  for (const [host, metrics] of [['FigJam', FIGJAM_METRICS], ['Miro', MIRO_METRICS]] as const) {
    it(`${host}: a sticky dragged to another cell gives its opportunity that cell's impact and effort, keeping the rest of its plan`, () => {
      const { card, dragTo, merge, after } = setUp(withMatrix(), metrics);
      const opportunity = card('Address autocomplete');
      dragTo(opportunity.id, 2, 5);
      const merged = merge();
      expect(after(merged, opportunity.id)?.plan).toEqual({ ...opportunity.plan, impact: 2, effort: 5 });
      expect(merged.changes).toEqual([{ kind: 'plan-rated', key: opportunity.id, detail: 'impact 2 \u00b7 effort 5' }]);
    });
  }

  it('rates an opportunity dragged out of the tray, and takes the ratings of one dragged into it', () => {
    const { journey, card, itemOf, grid, dragTo, merge, after } = setUp();
    const unrated = listMatrixCards(journey).find((candidate) => candidate.plan?.impact === undefined)!;
    dragTo(unrated.id, 4, 1);
    const rated = card('Address autocomplete');
    const item = itemOf(matrixCardKey(rated.id));
    item.x = grid.tray.x + 10;
    item.y = grid.tray.y + grid.tray.height - item.height - 10;
    const merged = merge();
    expect(after(merged, unrated.id)?.plan).toMatchObject({ impact: 4, effort: 1 });
    const cleared = after(merged, rated.id)?.plan;
    expect(cleared?.impact).toBeUndefined();
    expect(cleared?.effort).toBeUndefined();
    expect(cleared?.owner).toBe(rated.plan?.owner);
  });

  it('puts back a sticky dropped outside the grid and the tray, or within its own cell, changing nothing', () => {
    const { journey, card, itemOf, merge } = setUp();
    const opportunity = card('Address autocomplete');
    const item = itemOf(matrixCardKey(opportunity.id));
    item.x += 12;
    const other = itemOf(matrixCardKey(card('One-page checkout with guest mode').id));
    other.y = -400;
    expect(merge().journey).toEqual(journey);
  });

  it('takes words written on a matrix sticky into the card, and hands the sticky over when the card was rewritten differently on the map', () => {
    const { card, itemOf, merge, after } = setUp();
    const opportunity = card('Address autocomplete');
    itemOf(matrixCardKey(opportunity.id)).text = 'Address autocomplete by postcode';
    const merged = merge();
    expect(after(merged, opportunity.id)?.text).toBe('Address autocomplete by postcode');

    const second = setUp();
    second.itemOf(matrixCardKey(opportunity.id)).text = 'Autocomplete by postcode';
    second.itemOf(cardKey(opportunity.id)).text = 'Address autocomplete from the map';
    const both = second.merge();
    expect(second.after(both, opportunity.id)?.text).toBe('Address autocomplete from the map');
    expect(both.releases).toEqual([{ key: matrixCardKey(opportunity.id), itemIds: [second.itemOf(matrixCardKey(opportunity.id)).itemId] }]);
  });

  it('hands over text typed on the matrix\u2019s names and plan lines, and a written matrix sticky whose card left the opportunities', () => {
    const { card, itemOf, merge, grid, snapshot } = setUp();
    itemOf(matrixPartKey('label-quick-wins')).text = 'Do these first!';
    const opportunity = card('Address autocomplete');
    itemOf(matrixPlanKey(opportunity.id)).text = 'Anna, by Friday';
    const moved = card('One-page checkout with guest mode');
    // The card's own sticky dragged among the pains, its matrix sticky written on.
    const pains = itemOf(cardKey(card('Order form has 14 fields').id));
    Object.assign(itemOf(cardKey(moved.id)), { x: pains.x + 5, y: pains.y + 5 });
    itemOf(matrixCardKey(moved.id)).text = 'Guest checkout — ask legal';
    const merged = merge();
    expect(merged.releases.map((release) => release.key).sort()).toEqual([matrixPartKey('label-quick-wins'), matrixCardKey(moved.id), matrixPlanKey(opportunity.id)].sort());
    expect(merged.journey.cards.find((found) => found.id === moved.id)?.text).toBe(moved.text);
    expect(grid.cellWidth).toBeGreaterThan(0);
    expect(snapshot.anchor).toBe('top-left');
  });

  it('keeps words written on a matrix sticky whose card the panel took away meanwhile (its stage deleted)', () => {
    const { journey, card, itemOf, snapshot } = setUp();
    const opportunity = card('Address autocomplete');
    const item = itemOf(matrixCardKey(opportunity.id));
    item.text = 'Autocomplete, asked for by 40 customers';
    const panel: Journey = JSON.parse(JSON.stringify(journey));
    panel.stages = panel.stages.filter((stage) => stage.id !== opportunity.stage);
    panel.cards = panel.cards.filter((found) => found.stage !== opportunity.stage);
    panel.emotions = panel.emotions.filter((emotion) => emotion.stage !== opportunity.stage);
    const planned = planRegenerate(journey, snapshot, { metrics: FIGJAM_METRICS, complete: true, panelJourney: panel, panelBase: journey });
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    const ops = planned.value.plan.ops.filter((op) => 'itemIds' in op && op.itemIds.includes(item.itemId));
    expect(ops.map((op) => op.type)).toEqual(['release']);
  });

  it('moves nothing in the matrix when a person drags its grid alone, and reads stickies against a matrix moved whole', () => {
    const { journey, itemOf, snapshot, merge } = setUp();
    itemOf(matrixPartKey('grid')).x += 600;
    expect(merge().journey).toEqual(journey);
    // The whole matrix moved: grid, tray, names and stickies alike.
    for (const item of snapshot.items) if (item.identity.key.startsWith('matrix')) item.y += 300;
    itemOf(matrixPartKey('grid')).x -= 600;
    expect(merge().journey).toEqual(journey);
  });

  it('keeps on the matrix sticky a text longer than a card holds, the card taking its first part', () => {
    const { journey, card, itemOf, snapshot } = setUp();
    const opportunity = card('Address autocomplete');
    const long = `Autocomplete ${'and more '.repeat(700)}`.trim();
    itemOf(matrixCardKey(opportunity.id)).text = long;
    const planned = planRegenerate(journey, snapshot, { metrics: FIGJAM_METRICS, complete: true });
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    expect(planned.value.journey.cards.find((found) => found.id === opportunity.id)?.text.length).toBeLessThan(long.length);
    const writes = planned.value.plan.ops.filter((op) => op.type === 'update' && op.node.key === matrixCardKey(opportunity.id));
    expect(writes.every((op) => op.type === 'update' && op.parts?.text === false)).toBe(true);
  });

  it('rates an opportunity whose own sticky a person drags into the matrix, keeping the card in its cell', () => {
    const { card, itemOf, grid, merge, after } = setUp();
    const opportunity = card('Address autocomplete');
    const item = itemOf(cardKey(opportunity.id));
    item.x = grid.left + 4.5 * grid.cellWidth - item.width / 2;
    item.y = grid.top + 0.5 * grid.cellHeight - Math.min(item.width, item.height) / 2;
    const merged = merge();
    expect(after(merged, opportunity.id)).toMatchObject({ stage: opportunity.stage, lane: opportunity.lane, plan: { impact: 5, effort: 5 } });
    expect(merged.releases).toEqual([]);
  });

  it('keeps the one rating of an opportunity rated on one scale only that a person nudged within the tray', () => {
    const journey = withMatrix();
    const half = journey.cards.find((found) => found.text === 'Address autocomplete')!;
    const cards = journey.cards.map((found) => (found.id === half.id ? { ...found, plan: { ...found.plan, effort: undefined } } : found));
    const { itemOf, merge, after } = setUp({ ...journey, cards: JSON.parse(JSON.stringify(cards)) as Card[] });
    itemOf(matrixCardKey(half.id)).y += 30;
    expect(after(merge(), half.id)?.plan?.impact).toBe(half.plan?.impact);
  });

  it('hands over a matrix sticky with a person\u2019s words that the last drawing did not have, and lets go of one the map wrote', () => {
    const { journey, snapshot, merge } = setUp();
    const ghost = { ...snapshot.items.find((item) => item.identity.key.startsWith('matrix-card:'))!, itemId: 'ghost-1', identity: { map: MAP_ID, key: 'matrix-card:gone', hash: '00000000' }, text: 'Written by a person' };
    snapshot.items.push(ghost);
    const merged = merge();
    expect(merged.releases).toEqual([{ key: 'matrix-card:gone', itemIds: ['ghost-1'] }]);
    expect(merged.journey).toEqual(journey);
  });

  it('keeps a re-rating on the board and an owner named in the panel at the same time', () => {
    const { journey, dragTo, card, merge, after } = setUp();
    const opportunity = card('Address autocomplete');
    dragTo(opportunity.id, 1, 1);
    const board = merge().journey;
    const panel: Journey = JSON.parse(JSON.stringify(journey));
    panel.cards.find((found) => found.id === opportunity.id)!.plan!.owner = 'Growth team';
    const merged = mergeJourneys(journey, board, panel);
    expect(merged.conflicts).toEqual([]);
    expect(merged.journey.cards.find((found) => found.id === opportunity.id)?.plan).toMatchObject({ impact: 1, effort: 1, owner: 'Growth team' });
    expect(after({ journey: board } as never, opportunity.id)?.plan?.owner).toBe('Checkout team');
  });

  it('merges impact and effort as one place: a re-rating on the board and another effort in the panel do not make a third', () => {
    const { journey, dragTo, card, merge } = setUp();
    const opportunity = card('Address autocomplete');
    dragTo(opportunity.id, 1, 5);
    const board = merge().journey;
    const panel: Journey = JSON.parse(JSON.stringify(journey));
    panel.cards.find((found) => found.id === opportunity.id)!.plan!.effort = 2;
    const merged = mergeJourneys(journey, board, panel);
    expect(merged.journey.cards.find((found) => found.id === opportunity.id)?.plan).toMatchObject({ impact: 1, effort: 5 });
    expect(merged.conflicts.map((conflict) => conflict.id)).toEqual([opportunity.id]);
  });
});

describe('the prioritisation matrix when the stored journey is lost', () => {
  for (const locale of ['en', 'ru', 'uk']) {
    it(`${locale}: a journey rebuilt from the board alone has every opportunity's ratings, owner, status and KPI, and its matrix`, () => {
      const journey = { ...withMatrix(), locale };
      const { snapshot } = setUp(journey);
      const rebuilt = rebuildJourneyFromBoard(snapshot);
      if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.errors));
      expect(rebuilt.value.journey.matrix).toBe(true);
      // (The links come back in the order the board draws them.)
      const plans = (cards: Card[]) => listMatrixCards({ ...journey, cards }).map((card) => ({ id: card.id, plan: { ...card.plan, addresses: [...(card.plan?.addresses ?? [])].sort() } }));
      expect(plans(rebuilt.value.journey.cards)).toEqual(plans(journey.cards));
    });
  }

  it('keeps the matrix of a board whose grid a person deleted, and the words written on its stickies', () => {
    const { snapshot, card, itemOf } = setUp();
    snapshot.items = snapshot.items.filter((item) => item.identity.key !== matrixPartKey('grid'));
    const opportunity = card('Address autocomplete');
    itemOf(matrixCardKey(opportunity.id)).text = 'Autocomplete by postcode';
    const rebuilt = rebuildJourneyFromBoard(snapshot);
    if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.errors));
    expect(rebuilt.value.journey.matrix).toBe(true);
    const planned = planRegenerate(rebuilt.value.journey, snapshot, { metrics: FIGJAM_METRICS, complete: true });
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    const item = itemOf(matrixCardKey(opportunity.id));
    expect(planned.value.plan.ops.some((op) => op.type === 'delete' && op.itemIds.includes(item.itemId))).toBe(false);
    expect(planned.value.journey.cards.find((found) => found.id === opportunity.id)?.text).toBe('Autocomplete by postcode');
  });

  it('reads a plan line back part by part', () => {
    expect(readMatrixPlan('Checkout team \u00b7 в работе \u00b7 KPI: conversion \u00b7 CSAT')).toEqual({ owner: 'Checkout team', status: 'in-progress', kpi: 'conversion \u00b7 CSAT' });
    // An owner named like a status stands before the status.
    expect(readMatrixPlan('Done \u00b7 idea')).toEqual({ owner: 'Done', status: 'idea' });
    expect(readMatrixPlan('Olga \u00b7 KPI: NPS')).toEqual({ owner: 'Olga', kpi: 'NPS' });
    expect(readMatrixPlan('The checkout and payments\u2026')).toEqual({});
    expect(readMatrixPlan('готово')).toEqual({ status: 'done' });
    expect(readMatrixPlan('')).toEqual({});
  });
});
