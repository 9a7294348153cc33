import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PathCommand, Point } from '../../src/layout/scene';
import { createSmoothPath } from '../../src/layout/smooth-path';
import { PROPERTY_SEED } from './journey-arbitrary';

type Curve = Extract<PathCommand, { op: 'C' }>;

function curvesOf(path: readonly PathCommand[]): Curve[] {
  return path.filter((command): command is Curve => command.op === 'C');
}

const within = (value: number, a: number, b: number) => value >= Math.min(a, b) && value <= Math.max(a, b);

describe('createSmoothPath', () => {
  it('returns nothing for no points', () => {
    expect(createSmoothPath([])).toEqual([]);
  });

  it('returns a single move for one point', () => {
    expect(createSmoothPath([{ x: 10, y: 20 }])).toEqual([{ op: 'M', x: 10, y: 20 }]);
  });

  it('joins two points with a straight cubic: control points on the segment, at thirds', () => {
    expect(createSmoothPath([{ x: 0, y: 0 }, { x: 300, y: 90 }])).toEqual([
      { op: 'M', x: 0, y: 0 },
      { op: 'C', x1: 100, y1: 30, x2: 200, y2: 60, x: 300, y: 90 },
    ]);
  });

  it('keeps a flat line flat', () => {
    const points = [0, 100, 200, 300].map((x) => ({ x, y: 50 }));
    const path = createSmoothPath(points);
    expect(path[0]).toEqual({ op: 'M', x: 0, y: 50 });
    for (const curve of curvesOf(path)) {
      expect(curve.y1).toBe(50);
      expect(curve.y2).toBe(50);
    }
  });

  it('is flat at a peak and a valley, so the extreme points are exactly where the scores put them', () => {
    const path = createSmoothPath([
      { x: 0, y: 200 },
      { x: 100, y: 40 },
      { x: 200, y: 360 },
      { x: 300, y: 120 },
    ]);
    const [first, second, third] = curvesOf(path);
    expect(first?.y2).toBe(40);
    expect(second?.y1).toBe(40);
    expect(second?.y2).toBe(360);
    expect(third?.y1).toBe(360);
  });

  it('keeps control points inside each segment on a steep monotone run', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 10, y: 300 },
      { x: 400, y: 310 },
      { x: 410, y: 620 },
    ];
    const path = createSmoothPath(points);
    curvesOf(path).forEach((curve, index) => {
      const a = points[index]!;
      const b = points[index + 1]!;
      expect(within(curve.y1, a.y, b.y), `segment ${index} y1 ${curve.y1}`).toBe(true);
      expect(within(curve.y2, a.y, b.y), `segment ${index} y2 ${curve.y2}`).toBe(true);
    });
  });

  it('passes through every point, in order, with absolute M and C commands, control points within each segment', () => {
    const pointsArbitrary = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 600 }), fc.integer({ min: -1000, max: 1000 })), { minLength: 1, maxLength: 12 })
      .map((steps) => {
        let x = 0;
        return steps.map(([dx, y]): Point => {
          x += dx;
          return { x, y };
        });
      });
    fc.assert(
      fc.property(pointsArbitrary, (points) => {
        const path = createSmoothPath(points);
        expect(path).toHaveLength(points.length);
        expect(path[0]).toEqual({ op: 'M', ...points[0] });
        curvesOf(path).forEach((curve, index) => {
          const a = points[index]!;
          const b = points[index + 1]!;
          expect(path[index + 1]).toBe(curve);
          expect({ x: curve.x, y: curve.y }).toEqual(b);
          expect(within(curve.x1, a.x, b.x) && within(curve.x2, a.x, b.x)).toBe(true);
          expect(within(curve.y1, a.y, b.y), `y1 ${curve.y1} outside ${a.y}..${b.y}`).toBe(true);
          expect(within(curve.y2, a.y, b.y), `y2 ${curve.y2} outside ${a.y}..${b.y}`).toBe(true);
        });
      }),
      { seed: PROPERTY_SEED, numRuns: 500 },
    );
  });
});
