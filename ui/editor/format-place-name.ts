import type { Journey, JourneyPlace } from '../../src/model/journey';

/**
 * A column as the panel names it: the stage's name, or "Stage › Step" for a
 * step, an empty name shown as "…". Returns "…" for a place the journey
 * does not have.
 */
export function formatPlaceName(journey: Pick<Journey, 'stages'>, place: JourneyPlace): string {
  const stage = journey.stages.find((candidate) => candidate.id === place.stage);
  const stageName = stage?.name.trim() || '…';
  if (!place.step) return stageName;
  return `${stageName} › ${stage?.steps?.find((step) => step.id === place.step)?.name.trim() || '…'}`;
}
