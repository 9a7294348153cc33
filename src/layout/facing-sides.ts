import type { Point } from './scene';

/** A box in board units: top-left corner and size. */
interface Box extends Point {
  width: number;
  height: number;
}

const centreOf = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/**
 * Where a line between two boxes leaves one and reaches the other, as both
 * hosts attach a connector snapped "auto": the middle of the side facing
 * the other box (top or bottom when they lie further apart vertically, else
 * left or right), so the line runs between them and never over either.
 */
export function findFacingSides(from: Box, to: Box): { start: Point; end: Point; vertical: boolean } {
  const [a, b] = [centreOf(from), centreOf(to)];
  const apart = { x: Math.abs(a.x - b.x) - (from.width + to.width) / 2, y: Math.abs(a.y - b.y) - (from.height + to.height) / 2 };
  const vertical = apart.y >= apart.x;
  const side = (box: Box, towards: Point): Point => {
    const centre = centreOf(box);
    if (vertical) return { x: centre.x, y: towards.y > centre.y ? box.y + box.height : box.y };
    return { x: towards.x > centre.x ? box.x + box.width : box.x, y: centre.y };
  };
  return { start: side(from, b), end: side(to, a), vertical };
}
