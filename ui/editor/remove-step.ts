import { findEmotionLine, findStep, type EmotionScore, type Journey, type Step, type StepId } from '../../src/model/journey';
import { mergeSteps } from './merge-steps';
import { setPlace } from './set-place';
import { sortCardsByStep } from './sort-cards-by-step';

/** What removing a step did: the journey after it, how many cards the step had, and the step they went to (none when the stage became one column again). */
export interface StepRemoval {
  journey: Journey;
  cards: number;
  to?: Step;
}

/**
 * Removes step `step` without losing a card: its cards go to the step before
 * it (after that step's cards), or to the next one for the first step
 * (before its cards). The neighbour keeps its own scores; a score of the
 * removed step moves there only where the neighbour has none for that
 * persona and line. Removing a stage's only step merges the stage back into
 * one column (see `mergeSteps`). Returns undefined when the journey has no
 * such step; `journey` is not changed.
 */
export function removeStep(journey: Journey, step: StepId): StepRemoval | undefined {
  const found = findStep(journey, step);
  if (!found) return undefined;
  const steps = found.stage.steps ?? [];
  const stage = found.stage.id;
  const cards = journey.cards.filter((card) => card.step === step).length;
  const index = steps.indexOf(found.step);
  const to = steps[index - 1] ?? steps[index + 1];
  if (!to) return { journey: mergeSteps(journey, stage), cards };
  const key = (emotion: EmotionScore) => `${emotion.persona} ${findEmotionLine(emotion)}`;
  const scored = new Set(journey.emotions.filter((emotion) => emotion.step === to.id).map(key));
  const place = { stage, step: to.id };
  return {
    journey: {
      ...journey,
      stages: journey.stages.map((candidate) => (candidate.id === stage ? { ...candidate, steps: steps.filter((other) => other.id !== step) } : candidate)),
      cards: sortCardsByStep(journey.cards, stage, steps).map((card) => (card.step === step ? setPlace(card, place) : card)),
      emotions: journey.emotions.flatMap((emotion) => (emotion.step !== step ? [emotion] : scored.has(key(emotion)) ? [] : [setPlace(emotion, place)])),
    },
    cards,
    to,
  };
}
