import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createBlueprintPropertyJourney, createStepsPropertyJourney, editRoundsArbitrary, REGENERATE_SEED, runRegenerateScenarioAsync } from '../../sync/regenerate-properties';
import { createMiroDriver } from './miro-board-driver';

const RUNS = Number(process.env.REGENERATE_RUNS ?? 1000);

describe('Regenerate on Miro, property: random board edits', () => {
  it(`keeps every typed text once, foreign items untouched, stickies apart, and is idempotent (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(editRoundsArbitrary, (rounds) => runRegenerateScenarioAsync(createMiroDriver, rounds)),
      { seed: REGENERATE_SEED, numRuns: RUNS },
    );
  }, 900_000);
  it(`does the same on a service blueprint, its three lines on the map (${Math.ceil(RUNS / 4)} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(editRoundsArbitrary, (rounds) => runRegenerateScenarioAsync(createMiroDriver, rounds, createBlueprintPropertyJourney())),
      { seed: REGENERATE_SEED + 1, numRuns: Math.ceil(RUNS / 4) },
    );
  }, 900_000);
  it(`does the same on a map whose stages hold steps: cards, points and headers per step, steps added by stickies (${Math.ceil(RUNS / 4)} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(editRoundsArbitrary, (rounds) => runRegenerateScenarioAsync(createMiroDriver, rounds, createStepsPropertyJourney())),
      { seed: REGENERATE_SEED + 2, numRuns: Math.ceil(RUNS / 4) },
    );
  }, 900_000);
});
