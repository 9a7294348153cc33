import type { Card, CardId, JourneyPlace, LaneId } from '../../src/model/journey';

/** Whether `card` sits in the cell of `place` (a stage, or a step of it) × `lane`. */
export const isInCell = (card: Card, place: JourneyPlace, lane: LaneId) => card.stage === place.stage && card.step === place.step && card.lane === lane;

/** Index in `cards` of the last card of the cell, or -1 when the cell is empty. */
function findLastIndexInCell(cards: readonly Card[], place: JourneyPlace, lane: LaneId): number {
  for (let index = cards.length - 1; index >= 0; index -= 1) if (isInCell(cards[index] as Card, place, lane)) return index;
  return -1;
}

/**
 * `cards` with `card` inserted in reading order: right after `after` when
 * given, else after the last card of its cell, else at the end.
 */
export function insertCard(cards: readonly Card[], card: Card, after?: CardId): Card[] {
  let index = after === undefined ? -1 : cards.findIndex((candidate) => candidate.id === after);
  if (index === -1) index = findLastIndexInCell(cards, card, card.lane);
  const at = index === -1 ? cards.length : index + 1;
  return [...cards.slice(0, at), card, ...cards.slice(at)];
}
