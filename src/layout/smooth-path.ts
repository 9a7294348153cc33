import type { PathCommand, Point } from './scene';

/**
 * A smooth curve through points ordered by x, as absolute path commands
 * (`M` then one `C` per segment). Uses monotone cubic interpolation
 * (Fritsch–Carlson), so the curve never swings above the highest or below
 * the lowest of two neighbouring points: a low point on the emotion line
 * stays exactly as low as its score.
 */
export function createSmoothPath(points: readonly Point[]): PathCommand[] {
  const first = points[0];
  if (!first) return [];
  const commands: PathCommand[] = [{ op: 'M', x: first.x, y: first.y }];
  if (points.length === 1) return commands;
  const count = points.length;
  const slopes: number[] = [];
  for (let index = 0; index < count - 1; index += 1) {
    const a = points[index] as Point;
    const b = points[index + 1] as Point;
    const dx = b.x - a.x;
    slopes.push(dx === 0 ? 0 : (b.y - a.y) / dx);
  }
  const tangents: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const before = slopes[index - 1];
    const after = slopes[index];
    if (before === undefined) tangents.push(after ?? 0);
    else if (after === undefined) tangents.push(before);
    else tangents.push(before * after <= 0 ? 0 : (before + after) / 2);
  }
  for (let index = 0; index < count - 1; index += 1) {
    const slope = slopes[index] ?? 0;
    if (slope === 0) {
      tangents[index] = 0;
      tangents[index + 1] = 0;
      continue;
    }
    const alpha = (tangents[index] ?? 0) / slope;
    const beta = (tangents[index + 1] ?? 0) / slope;
    const magnitude = alpha * alpha + beta * beta;
    if (magnitude > 9) {
      const scale = 3 / Math.sqrt(magnitude);
      tangents[index] = scale * alpha * slope;
      tangents[index + 1] = scale * beta * slope;
    }
  }
  for (let index = 0; index < count - 1; index += 1) {
    const a = points[index] as Point;
    const b = points[index + 1] as Point;
    const third = (b.x - a.x) / 3;
    commands.push({
      op: 'C',
      x1: round(a.x + third),
      y1: round(a.y + third * (tangents[index] ?? 0)),
      x2: round(b.x - third),
      y2: round(b.y - third * (tangents[index + 1] ?? 0)),
      x: b.x,
      y: b.y,
    });
  }
  return commands;
}

const round = (value: number): number => Math.round(value * 100) / 100;
