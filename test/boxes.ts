/** A rectangle in board units: top-left corner and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * True when the boxes share inner area: touching edges do not count, nor an
 * overlap of at most `tolerance` units either way (for positions read back
 * from a host, rounded on the way).
 */
export function intersects(a: Box, b: Box, tolerance = 0): boolean {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > tolerance && height > tolerance;
}
