import type { PathCommand, Point } from '../../layout/scene';

/** Vector path data for a FigJam `VectorNode`, and where to put the node. */
export interface FigjamVectorPath {
  /** Top-left of the path's bounding box, in the coordinates of the input. */
  origin: Point;
  /** Path data relative to `origin`: absolute `M L C Z` commands only. */
  data: string;
}

// Two decimals are far below what FigJam renders and keep the data short.
const formatNumber = (value: number): string => {
  const rounded = Math.round(value * 100) / 100;
  // `-0` and exponent notation are not numbers the path parser accepts.
  return String(rounded === 0 ? 0 : rounded);
};

function listCommandPoints(command: PathCommand): Point[] {
  switch (command.op) {
    case 'M':
    case 'L':
      return [{ x: command.x, y: command.y }];
    case 'C':
      return [
        { x: command.x1, y: command.y1 },
        { x: command.x2, y: command.y2 },
        { x: command.x, y: command.y },
      ];
    case 'Z':
      return [];
  }
}

/**
 * Converts scene path commands (absolute, in map coordinates) into FigJam
 * vector path data. FigJam accepts only a subset of SVG path syntax: absolute
 * `M L Q C Z` separated by single spaces
 * (https://developers.figma.com/docs/plugins/api/properties/VectorPath-data).
 * The path is translated so that its bounding box (control points included)
 * starts at 0,0; the vector node goes to `origin`. Returns undefined for a
 * path without any point or with a non-finite coordinate.
 */
export function convertPathToVectorData(path: readonly PathCommand[]): FigjamVectorPath | undefined {
  const points = path.flatMap(listCommandPoints);
  if (points.length === 0 || points.some((point) => !Number.isFinite(point.x) || !Number.isFinite(point.y))) return undefined;
  const origin = {
    x: Math.min(...points.map((point) => point.x)),
    y: Math.min(...points.map((point) => point.y)),
  };
  const x = (value: number): string => formatNumber(value - origin.x);
  const y = (value: number): string => formatNumber(value - origin.y);
  const parts = path.map((command) => {
    switch (command.op) {
      case 'M':
      case 'L':
        return `${command.op} ${x(command.x)} ${y(command.y)}`;
      case 'C':
        return `C ${x(command.x1)} ${y(command.y1)} ${x(command.x2)} ${y(command.y2)} ${x(command.x)} ${y(command.y)}`;
      case 'Z':
        return 'Z';
    }
  });
  return { origin, data: parts.join(' ') };
}
