import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS, MIRO_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import type { EmotionLineNode, EmotionPointNode, SceneNode, ShapeNode } from '../../src/layout/scene';
import { parseSceneKey } from '../../src/layout/scene-keys';
import { parseJourney } from '../../src/model/journey-schema';
import { listPlaces, type EmotionScore, type Journey, type PersonaId } from '../../src/model/journey';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { mergeBoardEdits } from '../../src/sync/merge-board-edits';
import { snapshotOfScene } from '../sync/scene-snapshot';
import { intersects } from '../boxes';

const isPoint = (node: SceneNode): node is EmotionPointNode => node.type === 'emotion-point';
const isLine = (node: SceneNode): node is EmotionLineNode => node.type === 'emotion-line';
const isLegend = (node: SceneNode): node is ShapeNode => node.type === 'shape' && parseSceneKey(node.key)?.kind === 'legend';

/** The template with a to-be score one step better than each as-is score. */
function withToBeLine(journey: Journey): Journey {
  const toBe: EmotionScore[] = journey.emotions.map((emotion) => ({ ...emotion, line: 'to-be', score: Math.min(2, emotion.score + 1), note: 'designed' }));
  return { ...journey, emotions: [...journey.emotions, ...toBe] };
}

/** `count` personas, each with an as-is and a to-be score at every stage and step. */
function withPersonas(count: number): Journey {
  const journey = createOnlineStoreJourney();
  const template = journey.personas[0]!;
  journey.personas = Array.from({ length: count }, (_, index) => ({ ...template, id: `persona:p${index}` as PersonaId, name: `Persona ${index + 1}` }));
  journey.emotions = journey.personas.flatMap((persona, index) =>
    listPlaces(journey).flatMap((place, placeIndex): EmotionScore[] => [
      { persona: persona.id, ...place, score: ((placeIndex + index) % 5) - 2, note: 'why' },
      { persona: persona.id, ...place, line: 'to-be', score: ((placeIndex + index + 1) % 5) - 2 },
    ]),
  );
  const parsed = parseJourney(journey);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}


describe('as-is and to-be emotion lines', () => {
  it('draws the to-be line dashed beside the as-is line, with its own keys, and a legend naming both', () => {
    const journey = withToBeLine(createOnlineStoreJourney());
    const scene = layoutJourney(journey, { metrics: FIGJAM_METRICS });
    const lines = scene.nodes.filter(isLine);
    expect(lines.map((line) => [line.key, line.line])).toEqual([
      ['emotion-line:anna', 'as-is'],
      ['emotion-line:anna:to-be', 'to-be'],
    ]);
    const points = scene.nodes.filter(isPoint);
    // The order form, a step of Order & pay: its points are keyed by stage and step.
    expect(points.filter((point) => point.line === 'to-be').map((point) => point.key)).toContain('emotion:anna:order@form:to-be');
    const asIs = points.find((point) => point.key === 'emotion:anna:order@form')!;
    const toBe = points.find((point) => point.key === 'emotion:anna:order@form:to-be')!;
    expect(toBe.score).toBe(asIs.score + 1);
    expect(toBe.y).toBeLessThan(asIs.y);
    expect(toBe.x).not.toBe(asIs.x);
    const legend = scene.nodes.filter(isLegend);
    expect(legend).toHaveLength(1);
    expect(legend[0]!.text).toContain('as-is');
    expect(legend[0]!.text).toContain('to-be');
  });

  it('has no legend for a single as-is line, so the default map is unchanged', () => {
    expect(layoutJourney(createOnlineStoreJourney(), { metrics: MIRO_METRICS }).nodes.filter(isLegend)).toEqual([]);
  });

  it('gives every legend entry the persona’s avatar and a sample of each of its lines, solid for as-is and dashed for to-be', () => {
    const journey = withPersonas(2);
    journey.personas.forEach((persona, index) => (persona.avatar = index === 0 ? '🧑‍💼' : 'АК'));
    const toBe = journey.emotions.filter((emotion) => emotion.line === 'to-be');
    journey.emotions = journey.emotions.filter((emotion) => emotion.line !== 'to-be');
    const asIs = layoutJourney(journey, { metrics: FIGJAM_METRICS }).nodes.filter(isLegend);
    expect(asIs.map((node) => node.heading)).toEqual(journey.personas.map((persona) => `${persona.avatar} ${persona.name}`));
    for (const entry of asIs) expect(entry.text).toBe('\u2501\u2501\u2501');
    const first = journey.personas[0]!;
    journey.emotions.push(...toBe.filter((emotion) => emotion.persona === first.id));
    const both = layoutJourney(journey, { metrics: FIGJAM_METRICS }).nodes.filter(isLegend);
    expect(both[0]!.text).toMatch(/^\u2501+ as-is {3}\u254d+ to-be$/);
    expect(both[1]!.text).toMatch(/^\u2501+ as-is$/);
  });

  it('leaves a hidden persona off the chart and the legend, but keeps its card and scores', () => {
    const journey = withPersonas(3);
    journey.personas[1]!.hidden = true;
    const scene = layoutJourney(journey, { metrics: MIRO_METRICS });
    const shown = new Set(scene.nodes.filter(isPoint).map((point) => point.persona));
    expect([...shown]).toEqual(['persona:p0', 'persona:p2']);
    expect(scene.nodes.filter(isLegend).map((node) => node.key)).toEqual(['legend:p0', 'legend:p2']);
    expect(scene.nodes.some((node) => node.key === 'persona:p1')).toBe(true);
    // Regenerate must not read the missing points as deleted scores.
    const merged = mergeBoardEdits(journey, snapshotOfScene(scene, 'map-hidden01'), { metrics: MIRO_METRICS, complete: true });
    expect(merged.journey.emotions).toEqual(journey.emotions);
  });

  it.each([
    ['FigJam', FIGJAM_METRICS],
    ['Miro', MIRO_METRICS],
  ] as const)('keeps six personas with two lines each readable on %s: distinct colours, no overlapping points, notes or legend entries', (_, metrics) => {
    const journey = withPersonas(6);
    const scene = layoutJourney(journey, { metrics });
    const lines = scene.nodes.filter(isLine);
    expect(lines).toHaveLength(12);
    expect(new Set(lines.filter((line) => line.line === 'as-is').map((line) => line.style)).size).toBe(6);
    const boxes = scene.nodes.filter((node) => isPoint(node) || isLegend(node) || parseSceneKey(node.key)?.kind === 'emotion-note');
    const clashes = boxes.flatMap((a, index) => boxes.slice(index + 1).filter((b) => intersects(a, b)).map((b) => `${a.key} × ${b.key}`));
    expect(clashes).toEqual([]);
    expect(scene.nodes.filter(isLegend)).toHaveLength(6);
    const frame = scene.nodes[0]!;
    for (const node of boxes) expect(node.x + node.width).toBeLessThanOrEqual(frame.x + frame.width);
  });

  it('draws lines of equal scores a little apart, so both stay visible, and reads them back as the same scores', () => {
    const journey = withPersonas(2);
    journey.emotions = journey.emotions.map((emotion) => ({ ...emotion, score: 0 }));
    const scene = layoutJourney(journey, { metrics: MIRO_METRICS });
    const lines = scene.nodes.filter(isLine);
    const heights = new Set(lines.map((line) => line.points[0]!.y));
    expect(heights.size).toBe(lines.length);
    const merged = mergeBoardEdits(journey, snapshotOfScene(scene, 'map-equal001'), { metrics: MIRO_METRICS, complete: true });
    expect(merged.changes).toEqual([]);
  });

  it('takes a dragged to-be point as a new to-be score and leaves the as-is score alone', () => {
    const journey = withToBeLine(createOnlineStoreJourney());
    const scene = layoutJourney(journey, { metrics: FIGJAM_METRICS });
    const snapshot = snapshotOfScene(scene, 'map-tobe0001');
    const point = snapshot.items.find((item) => item.identity.key === 'emotion:anna:order@form:to-be')!;
    const top = scene.nodes.find((node) => node.key === 'emotion-scale:2')!;
    point.y = top.y + top.height / 2 - point.height / 2 + 10;
    const merged = mergeBoardEdits(journey, snapshot, { metrics: FIGJAM_METRICS, complete: true });
    const scoreAt = (line: 'as-is' | 'to-be') => merged.journey.emotions.find((emotion) => emotion.step === 'step:form' && (emotion.line ?? 'as-is') === line)?.score;
    expect(scoreAt('to-be')).toBe(2);
    expect(scoreAt('as-is')).toBe(-2);
    expect(merged.changes).toEqual([{ kind: 'emotion', key: 'emotion:anna:order@form:to-be', detail: '-1 \u2192 2' }]);
  });

  it('refuses two to-be scores for one persona and stage, and accepts an as-is and a to-be one', () => {
    const journey = withToBeLine(createOnlineStoreJourney());
    expect(parseJourney(journey).ok).toBe(true);
    const twice = { ...journey, emotions: [...journey.emotions, { ...journey.emotions.at(-1)! }] };
    const parsed = parseJourney(twice);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]?.message).toMatch(/already has a to-be score/);
  });
});
