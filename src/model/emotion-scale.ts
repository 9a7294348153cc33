/**
 * The one emotion scale of cjm-board: five integer steps from -2 to +2.
 * Every persona × stage score uses it; layout turns a step into a height,
 * and reading a dragged point back rounds to the nearest step.
 */

/** Lowest score: very negative (frustrated, angry, lost). */
export const EMOTION_MIN = -2;
/** Highest score: very positive (delighted). */
export const EMOTION_MAX = 2;

/** One step of the scale with the face shown on the board. */
export interface EmotionStep {
  score: number;
  face: string;
  label: string;
}

/** The steps from lowest to highest. */
export const EMOTION_STEPS: readonly EmotionStep[] = [
  { score: -2, face: '😫', label: 'very negative' },
  { score: -1, face: '🙁', label: 'negative' },
  { score: 0, face: '😐', label: 'neutral' },
  { score: 1, face: '🙂', label: 'positive' },
  { score: 2, face: '😄', label: 'very positive' },
];

/** Returns the step for a score, clamping and rounding values off the scale. */
export function findEmotionStep(score: number): EmotionStep {
  const index = clampEmotionScore(score) - EMOTION_MIN;
  const step = EMOTION_STEPS[index];
  if (!step) throw new Error(`emotion scale has no step ${index}`);
  return step;
}

/** Rounds any number to the nearest step of the scale; NaN and ±Infinity become neutral (0). */
export function clampEmotionScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, Math.round(score)));
}
