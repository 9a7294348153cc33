/** A point in board units. */
interface Point {
  x: number;
  y: number;
}

/** A box in board units: top-left corner and size. */
interface Box extends Point {
  width: number;
  height: number;
}

const centreOf = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/**
 * Where a connector attached "auto" meets its item, as both hosts draw
 * one: the middle of the side facing the other item (top or bottom when the
 * items lie more apart vertically, else left or right), so the line runs
 * between the two and never over either.
 */
export function routeConnector(from: Box, to: Box): { start: Point; end: Point; vertical: boolean } {
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
