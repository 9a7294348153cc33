// @vitest-environment happy-dom
// The chart of a comparison: each persona's line before and now, over the map's columns.
import { cleanup, render } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJourneyFileText } from '../../src/model/journey-file';
import type { Journey } from '../../src/model/journey';
import { CompareChart } from '../../ui/compare-chart';

afterEach(cleanup);

const LABELS = { before: 'file', after: 'now', title: 'Emotions before and now' };

function readSteps(): Journey {
  const read = parseJourneyFileText(readFileSync('test/fixtures/journeys/04-order-steps.json', 'utf8'));
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value;
}

/** The points of a persona's line (before or now), as [x, y] pairs. */
function pointsOf(container: Element, persona: string, which: 'before' | 'after'): number[][] {
  const d = container.querySelector(`[data-persona="${persona}"] .chart__${which}`)?.getAttribute('d') ?? '';
  return [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
}

describe('CompareChart', () => {
  it('draws a point per step of a stage with steps, so the line moves step by step', () => {
    const journey = readSteps();
    const { container } = render(<CompareChart before={journey} after={journey} labels={LABELS} />);
    const anna = pointsOf(container, 'Anna Petrova', 'after');
    const columns = journey.stages.reduce((sum, stage) => sum + Math.max(1, stage.steps?.length ?? 0), 0);
    const scored = journey.emotions.filter((emotion) => emotion.persona === 'persona:anna' && (emotion.line ?? 'as-is') === 'as-is').length;
    expect(columns).toBeGreaterThan(journey.stages.length);
    expect(anna).toHaveLength(scored);
    // Left to right, and the order form (−2) lowest of Order & pay.
    expect(anna.map(([x]) => x)).toEqual([...anna.map(([x]) => x)].sort((a, b) => a! - b!));
    expect(pointsOf(container, 'Anna Petrova', 'before')).toEqual(anna);
    // One number per stage under the chart, not one per step.
    const numbers = [...container.querySelectorAll('svg text title')].map((title) => title.parentElement?.lastChild?.textContent);
    expect(numbers).toEqual(journey.stages.map((_, index) => String(index + 1)));
  });

  it("shows a stage that was one column before over all its steps now, at that version's score", () => {
    const after = readSteps();
    const before = structuredClone(after);
    const order = before.stages.find((stage) => stage.id === 'stage:order')!;
    delete order.steps;
    before.cards = before.cards.map(({ step: _step, ...card }) => card);
    before.emotions = [
      ...before.emotions.filter((emotion) => emotion.stage !== 'stage:order' && emotion.stage !== 'stage:delivery'),
      { persona: 'persona:anna', stage: 'stage:order', score: 1 },
    ];
    before.stages = before.stages.map(({ steps: _steps, ...stage }) => stage);
    const { container } = render(<CompareChart before={before} after={after} labels={LABELS} />);
    const then = pointsOf(container, 'Anna Petrova', 'before');
    const orderSteps = after.stages.find((stage) => stage.id === 'stage:order')!.steps!.length;
    // Need, Search, then Order & pay's steps all at +1; Delivery had no score then: a gap.
    const ys = then.map(([, y]) => y);
    expect(new Set(ys.slice(2, 2 + orderSteps)).size).toBe(1);
    expect(then.length).toBe(after.stages.length - 2 + orderSteps);
  });
});
