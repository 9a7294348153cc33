import type { Card, StageId, Step } from '../../src/model/journey';

/**
 * `cards` with those of `stage` reordered by the position of their step in
 * `steps` (the stage's steps before a change), each keeping its order among
 * its own step's cards, and every other card where it was. What keeps the
 * reading order when steps are merged or one step's cards join another.
 */
export function sortCardsByStep(cards: readonly Card[], stage: StageId, steps: readonly Step[]): Card[] {
  const rank = (card: Card) => steps.findIndex((step) => step.id === card.step);
  // Array.prototype.sort is stable: cards of one step keep their order.
  const sorted = cards.filter((card) => card.stage === stage).sort((a, b) => rank(a) - rank(b));
  let next = 0;
  return cards.map((card) => (card.stage === stage ? (sorted[next++] as Card) : card));
}
