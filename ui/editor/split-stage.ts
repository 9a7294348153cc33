import { settlePlace, type Journey, type JourneyPlace, type StageId, type Step } from '../../src/model/journey';
import { setPlace } from './set-place';

/**
 * `journey` with stage `stage` split into `steps`: its cards and emotion
 * scores go to the first step, as `settlePlace` places them. Returns a new
 * journey; `journey` is not changed, and is returned as it is when it has no
 * such stage.
 */
export function splitStage(journey: Journey, stage: StageId, steps: readonly Step[]): Journey {
  if (!journey.stages.some((candidate) => candidate.id === stage)) return journey;
  const stages = journey.stages.map((candidate) => (candidate.id === stage ? { ...candidate, steps: [...steps] } : candidate));
  const settle = <T extends JourneyPlace>(item: T): T => (item.stage === stage ? setPlace(item, settlePlace({ stages }, item) ?? item) : item);
  return { ...journey, stages, cards: journey.cards.map(settle), emotions: journey.emotions.map(settle) };
}
