import { describe, expect, it } from 'vitest';
import { clampEmotionScore, EMOTION_MAX, EMOTION_MIN, EMOTION_STEPS, findEmotionStep } from '../../src/model/emotion-scale';

describe('emotion scale', () => {
  it('has five steps from -2 to +2, lowest first, each with a face and a label', () => {
    expect(EMOTION_STEPS.map((step) => step.score)).toEqual([-2, -1, 0, 1, 2]);
    expect(EMOTION_MIN).toBe(-2);
    expect(EMOTION_MAX).toBe(2);
    for (const step of EMOTION_STEPS) {
      expect(step.face.length).toBeGreaterThan(0);
      expect(step.label.length).toBeGreaterThan(0);
    }
    expect(new Set(EMOTION_STEPS.map((step) => step.face)).size).toBe(5);
  });

  it.each([
    [-2, -2],
    [-1, -1],
    [0, 0],
    [1, 1],
    [2, 2],
    [2.4, 2],
    [1.6, 2],
    [0.5, 1],
    [-1.4, -1],
    [-1.6, -2],
    [3, 2],
    [100, 2],
    [-3, -2],
    [-1e9, -2],
  ])('clamps and rounds %s to %s', (input, expected) => {
    expect(clampEmotionScore(input)).toBe(expected);
  });

  it('turns NaN into neutral', () => {
    expect(clampEmotionScore(Number.NaN)).toBe(0);
    expect(findEmotionStep(Number.NaN).score).toBe(0);
  });

  it('rounds small negative numbers to neutral', () => {
    // -0 and 0 are both neutral; compare by value, not by Object.is.
    expect(clampEmotionScore(-0.4) === 0).toBe(true);
  });

  it.each([
    [-2, 'very negative'],
    [0, 'neutral'],
    [2, 'very positive'],
    [-7, 'very negative'],
    [9, 'very positive'],
    [0.7, 'positive'],
    [-0.7, 'negative'],
  ])('finds the step of %s: %s', (score, label) => {
    const step = findEmotionStep(score);
    expect(step.label).toBe(label);
    expect(step).toBe(EMOTION_STEPS[step.score - EMOTION_MIN]);
  });
});
