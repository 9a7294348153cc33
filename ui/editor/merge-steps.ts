import { findEmotionLine, type EmotionScore, type Journey, type StageId } from '../../src/model/journey';
import { setPlace } from './set-place';
import { sortCardsByStep } from './sort-cards-by-step';

/**
 * `journey` with the steps of stage `stage` merged back into one column:
 * every card of its steps stays in the stage, in step order (a step's cards
 * keep their order), and each persona keeps, per line, its lowest score of
 * the steps with that score's note (the first step's on a tie): a stage
 * feels as its worst moment does, and the low is what a map is read for.
 * Returns a new journey; `journey` as it is when the stage has no steps.
 */
export function mergeSteps(journey: Journey, stage: StageId): Journey {
  const merged = journey.stages.find((candidate) => candidate.id === stage);
  const steps = merged?.steps ?? [];
  if (!merged || steps.length === 0) return journey;
  const { steps: _steps, ...oneColumn } = merged;
  const rank = (emotion: EmotionScore) => steps.findIndex((step) => step.id === emotion.step);
  const emotions: EmotionScore[] = [];
  const kept = new Map<string, { index: number; from: EmotionScore }>();
  for (const emotion of journey.emotions) {
    if (emotion.stage !== stage) {
      emotions.push(emotion);
      continue;
    }
    const key = `${emotion.persona} ${findEmotionLine(emotion)}`;
    const first = kept.get(key);
    if (!first) {
      kept.set(key, { index: emotions.length, from: emotion });
      emotions.push(setPlace(emotion, { stage }));
    } else if (emotion.score < first.from.score || (emotion.score === first.from.score && rank(emotion) < rank(first.from))) {
      kept.set(key, { index: first.index, from: emotion });
      emotions[first.index] = setPlace(emotion, { stage });
    }
  }
  return {
    ...journey,
    stages: journey.stages.map((candidate) => (candidate.id === stage ? oneColumn : candidate)),
    cards: sortCardsByStep(journey.cards, stage, steps).map((card) => (card.stage === stage ? setPlace(card, { stage }) : card)),
    emotions,
  };
}
