import type { BoardRect } from '../../src/simulator/simulated-board';

/** What the board canvas shows: the board point at its top-left corner, and board-to-screen scale. */
export interface ViewTransform {
  x: number;
  y: number;
  scale: number;
}

/** A size or point in canvas pixels. */
export interface CanvasSize {
  width: number;
  height: number;
}

// Miro and FigJam zoom from about 1 % to 400 %; a whole map fits around 10 %.
const MIN_SCALE = 0.02;
const MAX_SCALE = 4;
// Space left around what Fit shows, in canvas pixels.
const FIT_MARGIN = 32;

const clampScale = (scale: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** The view that shows `rect` whole and centred in a canvas of `size`; the current view when the rect is empty. */
export function fitViewToRect(rect: BoardRect, size: CanvasSize, maxScale = 1): ViewTransform {
  const width = Math.max(1, size.width - 2 * FIT_MARGIN);
  const height = Math.max(1, size.height - 2 * FIT_MARGIN);
  const scale = clampScale(Math.min(maxScale, width / Math.max(1, rect.width), height / Math.max(1, rect.height)));
  return {
    x: rect.x + rect.width / 2 - size.width / 2 / scale,
    y: rect.y + rect.height / 2 - size.height / 2 / scale,
    scale,
  };
}

/** The view zoomed by `factor` keeping the board point under canvas point `at` in place. */
export function zoomViewAround(view: ViewTransform, factor: number, at: { x: number; y: number }): ViewTransform {
  const scale = clampScale(view.scale * factor);
  const boardX = view.x + at.x / view.scale;
  const boardY = view.y + at.y / view.scale;
  return { x: boardX - at.x / scale, y: boardY - at.y / scale, scale };
}

/** The board rectangle a canvas of `size` shows. */
export function findVisibleRect(view: ViewTransform, size: CanvasSize): BoardRect {
  return { x: view.x, y: view.y, width: size.width / view.scale, height: size.height / view.scale };
}

/** The smallest rectangle holding every box; undefined for none. */
export function findBoundingRect(boxes: readonly BoardRect[]): BoardRect | undefined {
  if (boxes.length === 0) return undefined;
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
