import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS, MIRO_METRICS, type HostMetrics } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import { measureTextApproximately } from '../../src/layout/measure-text';
import type { Scene, ShapeNode } from '../../src/layout/scene';
import { laneLabelKey } from '../../src/layout/scene-keys';
import { parseJourney } from '../../src/model/journey-schema';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { journeyArbitrary, PROPERTY_SEED } from './journey-arbitrary';

// How shapes hold their text (the SVG renderer draws it so): the heading,
// then 12 units, then the body, both at the shape's font size, inside 28
// units of padding, wrapped by the measurer the scene was laid out with.
const SHAPE_PADDING = 28;
const HEADING_GAP = 12;

/** Height a shape needs for its heading and text, padding included. */
function measureShapeText(shape: ShapeNode): number {
  const inner = shape.width - 2 * SHAPE_PADDING;
  const heading = shape.heading ? measureTextApproximately(shape.heading, shape.fontSize, inner).height : 0;
  const body = shape.text ? measureTextApproximately(shape.text, shape.fontSize, inner).height : 0;
  return heading + (heading && body ? HEADING_GAP : 0) + body + 2 * SHAPE_PADDING;
}

function findOverflowingShapes(scene: Scene, include: (shape: ShapeNode) => boolean): string[] {
  return scene.nodes.flatMap((node) => {
    if (node.type !== 'shape' || (!node.heading && !node.text) || !include(node)) return [];
    const needed = measureShapeText(node);
    return needed > node.height ? [`${node.key}: needs ${needed}, has ${node.height}`] : [];
  });
}

const HOSTS: [string, HostMetrics][] = [
  ['FigJam', FIGJAM_METRICS],
  ['Miro', MIRO_METRICS],
];

describe.each(HOSTS)('text in shapes on %s', (_, metrics) => {
  it('fits persona cards and stage headers, whatever their text', () => {
    fc.assert(
      fc.property(journeyArbitrary({ maxEmotionLanes: 1 }), (journey) => {
        const overflowing = findOverflowingShapes(layoutJourney(journey, { metrics }), (shape) => shape.style !== 'lane-label');
        if (overflowing.length > 0) throw new Error(overflowing.join('\n'));
      }),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  });

  it('fits every label of the default template', () => {
    expect(findOverflowingShapes(layoutJourney(createOnlineStoreJourney(), { metrics }), () => true)).toEqual([]);
  });
});

describe('lane labels', () => {
  // A long title on a lane without cards (or on the narrower emotions-lane
  // label) must not run out of its label over the next lane's.
  it('are tall enough for their title, even on a lane without cards', () => {
    const journey = createOnlineStoreJourney();
    journey.lanes.push({ id: 'lane:kpis', kind: 'kpis', title: 'Key performance indicators we track at every stage: conversion, drop-off and repeat purchase rate' });
    const parsed = parseJourney(journey);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const scene = layoutJourney(parsed.value, { metrics: FIGJAM_METRICS });
    const label = scene.nodes.find((node) => node.key === laneLabelKey('lane:kpis'));
    expect(label?.type).toBe('shape');
    expect(findOverflowingShapes(scene, (shape) => shape.key === 'lane:kpis')).toEqual([]);
  });
});
