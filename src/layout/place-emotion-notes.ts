import type { PathCommand, Point } from './scene';

/**
 * Where the "why" notes of emotion points go so that no line crosses them.
 *
 * A note sits under its point, in its line's slot of the column. Where a
 * line leaves the point downwards (a falling score), it runs through that
 * place; then the note goes above the point, and where lines pass on both
 * sides (a slope), it slides away from the point, below or above, the
 * shortest way to where no line, point or other note is. The curve of each
 * line is followed as drawn (the monotone cubic of `createSmoothPath`), and
 * so is the straight chord between two points, which hosts that join points
 * with connectors (Miro's curved connectors) stay close to.
 */

/** A note to place: its box's left, width and height, and the point it explains. */
export interface NoteRequest {
  x: number;
  width: number;
  height: number;
  /** Centre of the note's point. */
  centre: Point;
  /** Size of the note's point (a square). */
  pointSize: number;
}

/** What a note must keep clear of: the lines (as drawn) and the points. */
export interface ChartObstacles {
  paths: readonly (readonly PathCommand[])[];
  /** Centres of the points each line joins, in order (the chords between them). */
  chords: readonly (readonly Point[])[];
  points: readonly { x: number; y: number; width: number; height: number }[];
}

type Box = { left: number; top: number; right: number; bottom: number };
type Segment = { x1: number; y1: number; x2: number; y2: number };

/** Gap between a point and its note, and the least clearance kept from a line. */
const NOTE_GAP = 6;
const CLEARANCE = 4;
/** A note slides by this much per try, at most this many tries each way. */
const SLIDE_STEP = 8;
const MAX_SLIDES = 120;
/** Pieces each cubic of a line is cut into for the crossing test. */
const CURVE_PIECES = 24;
/** Width of the buckets segments are filed in, so a note tests only the segments near it. */
const BUCKET = 64;

/** Returns the top of each note, in the order of `requests`. */
export function placeEmotionNotes(requests: readonly NoteRequest[], obstacles: ChartObstacles): number[] {
  const segments = new Map<number, Segment[]>();
  const file = (segment: Segment) => {
    const from = Math.floor(Math.min(segment.x1, segment.x2) / BUCKET);
    const to = Math.floor(Math.max(segment.x1, segment.x2) / BUCKET);
    for (let bucket = from; bucket <= to; bucket += 1) {
      const list = segments.get(bucket);
      if (list) list.push(segment);
      else segments.set(bucket, [segment]);
    }
  };
  for (const path of obstacles.paths) for (const segment of flattenPath(path)) file(segment);
  for (const chord of obstacles.chords) {
    for (let index = 1; index < chord.length; index += 1) {
      const a = chord[index - 1] as Point;
      const b = chord[index] as Point;
      file({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
    }
  }
  const boxes: Box[] = obstacles.points.map((point) => ({ left: point.x, top: point.y, right: point.x + point.width, bottom: point.y + point.height }));

  const isFree = (box: Box): boolean => {
    const grown = { left: box.left - CLEARANCE, top: box.top - CLEARANCE, right: box.right + CLEARANCE, bottom: box.bottom + CLEARANCE };
    if (boxes.some((other) => overlaps(grown, other))) return false;
    const from = Math.floor(grown.left / BUCKET);
    const to = Math.floor(grown.right / BUCKET);
    for (let bucket = from; bucket <= to; bucket += 1) {
      for (const segment of segments.get(bucket) ?? []) if (crossesBox(segment, grown)) return false;
    }
    return true;
  };

  return requests.map((request) => {
    const below = request.centre.y + request.pointSize / 2 + NOTE_GAP;
    const above = request.centre.y - request.pointSize / 2 - NOTE_GAP - request.height;
    const boxAt = (top: number): Box => ({ left: request.x, top, right: request.x + request.width, bottom: top + request.height });
    let top = below;
    for (let slide = 0; slide <= MAX_SLIDES; slide += 1) {
      const down = boxAt(below + slide * SLIDE_STEP);
      if (isFree(down)) {
        top = down.top;
        break;
      }
      const up = boxAt(above - slide * SLIDE_STEP);
      if (isFree(up)) {
        top = up.top;
        break;
      }
    }
    boxes.push(boxAt(top));
    return top;
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** A line's path as straight pieces: each cubic cut into CURVE_PIECES. */
export function flattenPath(path: readonly PathCommand[]): Segment[] {
  const pieces: Segment[] = [];
  let at: Point | undefined;
  for (const command of path) {
    if (command.op === 'M') at = { x: command.x, y: command.y };
    else if (command.op === 'L' && at) {
      pieces.push({ x1: at.x, y1: at.y, x2: command.x, y2: command.y });
      at = { x: command.x, y: command.y };
    } else if (command.op === 'C' && at) {
      let previous = at;
      for (let piece = 1; piece <= CURVE_PIECES; piece += 1) {
        const t = piece / CURVE_PIECES;
        const u = 1 - t;
        const next = {
          x: u * u * u * at.x + 3 * u * u * t * command.x1 + 3 * u * t * t * command.x2 + t * t * t * command.x,
          y: u * u * u * at.y + 3 * u * u * t * command.y1 + 3 * u * t * t * command.y2 + t * t * t * command.y,
        };
        pieces.push({ x1: previous.x, y1: previous.y, x2: next.x, y2: next.y });
        previous = next;
      }
      at = { x: command.x, y: command.y };
    }
  }
  return pieces;
}

/** Whether a straight piece touches a box (Liang–Barsky clipping). */
export function crossesBox(segment: Segment, box: Box): boolean {
  const dx = segment.x2 - segment.x1;
  const dy = segment.y2 - segment.y1;
  let from = 0;
  let to = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > to) return false;
      if (r > from) from = r;
    } else {
      if (r < from) return false;
      if (r < to) to = r;
    }
    return true;
  };
  return clip(-dx, segment.x1 - box.left) && clip(dx, box.right - segment.x1) && clip(-dy, segment.y1 - box.top) && clip(dy, box.bottom - segment.y1);
}
