import type { Lane, LaneId } from '../model/journey';

/**
 * The three lines of a service blueprint: the line of interaction (where the
 * customer meets the company), of visibility (what the customer no longer
 * sees below it) and of internal interaction (the support processes behind
 * the backstage).
 */
export const BLUEPRINT_LINES = ['interaction', 'visibility', 'internal'] as const;
export type BlueprintLine = (typeof BLUEPRINT_LINES)[number];

/**
 * Which line runs above which lane: a map is a service blueprint once it has
 * a frontstage lane. The line of interaction runs above the first frontstage
 * lane (when any lane is above it), the line of visibility above the first
 * backstage lane below a frontstage one, and the line of internal
 * interaction above the first support lane below a backstage one. A map
 * without a frontstage lane draws none, whatever else it holds.
 */
export function findBlueprintLines(lanes: readonly Pick<Lane, 'id' | 'kind'>[]): Map<LaneId, BlueprintLine> {
  const lines = new Map<LaneId, BlueprintLine>();
  const frontstage = lanes.findIndex((lane) => lane.kind === 'frontstage');
  if (frontstage < 0) return lines;
  if (frontstage > 0) lines.set(lanes[frontstage]!.id, 'interaction');
  const backstage = lanes.findIndex((lane, index) => index > frontstage && lane.kind === 'backstage');
  if (backstage < 0) return lines;
  lines.set(lanes[backstage]!.id, 'visibility');
  const support = lanes.findIndex((lane, index) => index > backstage && lane.kind === 'support');
  if (support >= 0) lines.set(lanes[support]!.id, 'internal');
  return lines;
}
