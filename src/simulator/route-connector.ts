import type { Point } from '../layout/scene';

// Paths of connectors routed by findFacingSides (src/layout/facing-sides.ts): the rule the map's own links are drawn by.

/** A curve from `start` to `end` leaving and arriving square to the sides they are on, as SVG path data relative to `origin`. */
export function drawRoutedCurve(route: { start: Point; end: Point; vertical: boolean }, origin: Point): string {
  const { start, end, vertical } = route;
  const point = (p: Point) => `${p.x - origin.x} ${p.y - origin.y}`;
  const c1 = vertical ? { x: start.x, y: (start.y + end.y) / 2 } : { x: (start.x + end.x) / 2, y: start.y };
  const c2 = vertical ? { x: end.x, y: (start.y + end.y) / 2 } : { x: (start.x + end.x) / 2, y: end.y };
  return `M ${point(start)} C ${point(c1)} ${point(c2)} ${point(end)}`;
}

/** Right angles from `start` to `end`, out square to its side, across halfway, in square to the other, as SVG path data relative to `origin`. */
export function drawRoutedElbow(route: { start: Point; end: Point; vertical: boolean }, origin: Point): string {
  const { start, end, vertical } = route;
  const point = (p: Point) => `${p.x - origin.x} ${p.y - origin.y}`;
  const middle = vertical ? [{ x: start.x, y: (start.y + end.y) / 2 }, { x: end.x, y: (start.y + end.y) / 2 }] : [{ x: (start.x + end.x) / 2, y: start.y }, { x: (start.x + end.x) / 2, y: end.y }];
  return `M ${point(start)} ${middle.map((corner) => `L ${point(corner)}`).join(' ')} L ${point(end)}`;
}
