import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS, MIRO_METRICS, type HostMetrics } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import type { EmotionLineNode, EmotionPointNode, PathCommand, Scene, SceneNode, StickyNode } from '../../src/layout/scene';
import { cardKey, laneRowKey, parseSceneKey, stageHeaderKey, stepHeaderKey } from '../../src/layout/scene-keys';
import { listPlaces, placeId, type Journey } from '../../src/model/journey';
import { parseJourney } from '../../src/model/journey-schema';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { journeyArbitrary, PROPERTY_SEED } from './journey-arbitrary';
import { intersects, type Box } from '../boxes';

const RUNS = 300;
const HOSTS: [string, HostMetrics][] = [
  ['FigJam', FIGJAM_METRICS],
  ['Miro', MIRO_METRICS],
];

/** Valid journeys: at most one emotions lane, so one emotion chart per map. */
const journeys = journeyArbitrary({ maxEmotionLanes: 1 });
/** The same, with stages that hold steps: cards and scores at the steps. */
const steppedJourneys = journeyArbitrary({ maxEmotionLanes: 1, steps: true });


function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

const isSticky = (node: SceneNode): node is StickyNode => node.type === 'sticky';
const isPoint = (node: SceneNode): node is EmotionPointNode => node.type === 'emotion-point';
const isLine = (node: SceneNode): node is EmotionLineNode => node.type === 'emotion-line';

function findNode(scene: Scene, key: string, index?: ReadonlyMap<string, SceneNode>): SceneNode {
  const node = index ? index.get(key) : scene.nodes.find((item) => item.key === key);
  if (!node) throw new Error(`the scene has no node "${key}"`);
  return node;
}

/** A cheap assertion for hot loops: vitest's expect is too slow for thousands of checks per run. */
function ensure(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

function centreOf(node: Box): { x: number; y: number } {
  return { x: node.x + node.width / 2, y: node.y + node.height / 2 };
}

function pathPoints(path: readonly PathCommand[]): { x: number; y: number }[] {
  return path.flatMap((command) => {
    if (command.op === 'Z') return [];
    if (command.op === 'C') return [{ x: command.x1, y: command.y1 }, { x: command.x2, y: command.y2 }, { x: command.x, y: command.y }];
    return [{ x: command.x, y: command.y }];
  });
}

function checkStickiesDoNotOverlap(scene: Scene): void {
  const stickies = scene.nodes.filter(isSticky).sort((a, b) => a.y - b.y);
  for (let i = 0; i < stickies.length; i += 1) {
    const a = stickies[i]!;
    for (let j = i + 1; j < stickies.length; j += 1) {
      const b = stickies[j]!;
      if (b.y >= a.y + a.height) break;
      ensure(!intersects(a, b), () => `${a.key} ${JSON.stringify(a)} overlaps ${b.key} ${JSON.stringify(b)}`);
    }
  }
}

function checkStickiesInTheirCells(journey: Journey, scene: Scene): void {
  const stickies = scene.nodes.filter(isSticky);
  expect(stickies).toHaveLength(journey.cards.length);
  const byKey = new Map(scene.nodes.map((node) => [node.key, node]));
  for (const card of journey.cards) {
    const sticky = findNode(scene, cardKey(card.id), byKey);
    // A card of a stage with steps lies in its step's column, under the step's header.
    const header = findNode(scene, card.step ? stepHeaderKey(card.stage, card.step) : stageHeaderKey(card.stage), byKey);
    const row = findNode(scene, laneRowKey(card.lane), byKey);
    const cell = { x: header.x, y: row.y, width: header.width, height: row.height };
    ensure(contains(cell, sticky), () => `${sticky.key} ${JSON.stringify(sticky)} lies outside its cell ${JSON.stringify(cell)}`);
    ensure(sticky.type === 'sticky' && sticky.text === card.text, () => `${sticky.key} does not show the text of ${card.id}`);
  }
}

function checkInsideFrame(scene: Scene): void {
  const frame = scene.nodes[0];
  expect(frame?.type).toBe('frame');
  expect(frame?.key).toBe('map');
  if (!frame) return;
  expect({ x: frame.x, y: frame.y, width: frame.width, height: frame.height }).toEqual({ x: 0, y: 0, width: scene.width, height: scene.height });
  for (const node of scene.nodes) {
    const box = [node.x, node.y, node.width, node.height];
    ensure(box.every(Number.isFinite) && node.width >= 0 && node.height >= 0, () => `${node.key} has the box ${JSON.stringify(box)}`);
    ensure(contains(frame, node), () => `${node.key} ${JSON.stringify(box)} lies outside the frame ${scene.width}×${scene.height}`);
    if (isLine(node)) {
      for (const point of pathPoints(node.path)) ensure(contains(frame, { ...point, width: 0, height: 0 }), () => `${node.key} path leaves the frame at ${JSON.stringify(point)}`);
    }
  }
  expect(scene.nodes.filter((node) => node.type === 'frame')).toHaveLength(1);
}

function checkKeys(scene: Scene): void {
  const keys = scene.nodes.map((node) => node.key);
  const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index);
  expect(duplicates, 'duplicate keys').toEqual([]);
  const expectedType: Record<string, SceneNode['type'][]> = {
    map: ['frame'],
    title: ['text'],
    subtitle: ['text'],
    persona: ['shape'],
    stage: ['shape'],
    step: ['shape'],
    lane: ['shape'],
    row: ['shape'],
    card: ['sticky'],
    emotion: ['emotion-point'],
    'emotion-note': ['text'],
    'emotion-line': ['emotion-line'],
    'emotion-scale': ['text'],
    legend: ['shape'],
    evidence: ['text'],
    'persona-mark': ['text'],
    'blueprint-line': ['shape'],
    'blueprint-label': ['text'],
    link: ['link'],
    moment: ['text'],
  };
  for (const node of scene.nodes) {
    const info = parseSceneKey(node.key);
    ensure(info !== undefined, () => `parseSceneKey(${JSON.stringify(node.key)}) does not read the key of a ${node.type}`);
    ensure(info !== undefined && (expectedType[info.kind] ?? []).includes(node.type), () => `${node.key} is a ${node.type}`);
  }
}

function checkEmotionChart(journey: Journey, scene: Scene): void {
  const points = scene.nodes.filter(isPoint);
  const lines = scene.nodes.filter(isLine);
  const hasChart = journey.lanes.some((lane) => lane.kind === 'emotions');
  expect(points).toHaveLength(hasChart ? journey.emotions.length : 0);
  if (!hasChart) {
    expect(lines).toEqual([]);
    return;
  }
  // Points go in reading order of the map's columns: each stage without steps, each step of the others.
  const placeOrder = new Map<string, number>(listPlaces(journey).map((place, index) => [placeId(place), index]));
  const orderOf = (point: EmotionPointNode) => placeOrder.get(placeId(point)) ?? -1;
  const allYs = points.map((point) => centreOf(point).y);
  const chartTop = Math.min(...allYs);
  const chartBottom = Math.max(...allYs);
  for (const persona of journey.personas) {
    const own = points
      .filter((point) => point.persona === persona.id)
      .sort((a, b) => orderOf(a) - orderOf(b));
    for (const [index, point] of own.entries()) {
      ensure(orderOf(point) >= 0, () => `${point.key} is at no column of the map`);
      const previous = own[index - 1];
      if (previous) ensure(centreOf(previous).x < centreOf(point).x, () => `${point.key} is not right of ${previous.key}`);
      const emotion = journey.emotions.find((item) => item.persona === persona.id && item.stage === point.stage && item.step === point.step);
      ensure(point.score === emotion?.score, () => `${point.key} shows ${point.score}, the journey says ${emotion?.score}`);
    }
    for (const a of own) {
      for (const b of own) {
        const ya = centreOf(a).y;
        const yb = centreOf(b).y;
        if (a.score > b.score) ensure(ya < yb, () => `${a.key} (${a.score}, y ${ya}) is not above ${b.key} (${b.score}, y ${yb})`);
        if (a.score === b.score) ensure(ya === yb, () => `${a.key} and ${b.key} share the score ${a.score} but sit at y ${ya} and ${yb}`);
      }
    }
    const personaLines = lines.filter((line) => line.persona === persona.id);
    expect(personaLines, `lines of ${persona.id}`).toHaveLength(own.length >= 2 ? 1 : 0);
    const line = personaLines[0];
    if (!line) continue;
    const centres = own.map(centreOf);
    expect(line.points).toEqual(centres);
    expect(line.pointKeys).toEqual(own.map((point) => point.key));
    expect(line.path[0]?.op).toBe('M');
    for (const command of line.path) ensure(['M', 'L', 'C', 'Z'].includes(command.op), () => `${line.key} uses the command ${command.op}`);
    const ends = line.path.flatMap((command) => (command.op === 'Z' ? [] : [{ x: command.x, y: command.y }]));
    expect(ends).toEqual(centres);
    let previous = centres[0]!;
    for (const command of line.path.slice(1)) {
      if (command.op !== 'C') continue;
      const low = Math.min(previous.y, command.y);
      const high = Math.max(previous.y, command.y);
      for (const y of [command.y1, command.y2]) {
        ensure(y >= low && y <= high, () => `${line.key}: control point y ${y} outside its segment ${low}..${high}`);
      }
      previous = { x: command.x, y: command.y };
    }
    for (const point of pathPoints(line.path)) {
      ensure(point.y >= chartTop && point.y <= chartBottom, () => `${line.key} leaves the chart ${chartTop}..${chartBottom} at y ${point.y}`);
    }
  }
}

/** Stickies stay clear of the emotion chart; points and notes stay clear of each other. */
function checkChartIsClear(scene: Scene): void {
  const chart = scene.nodes.filter((node) => node.type === 'emotion-point' || (node.type === 'text' && node.style === 'emotion-note'));
  const stickies = scene.nodes.filter(isSticky);
  for (const item of chart) {
    for (const sticky of stickies) ensure(!intersects(item, sticky), () => `${sticky.key} covers ${item.key}`);
  }
  for (let i = 0; i < chart.length; i += 1) {
    for (let j = i + 1; j < chart.length; j += 1) {
      const a = chart[i]!;
      const b = chart[j]!;
      ensure(!intersects(a, b), () => `${a.key} ${JSON.stringify([a.x, a.y, a.width, a.height])} overlaps ${b.key} ${JSON.stringify([b.x, b.y, b.width, b.height])}`);
    }
  }
}

function checkStickySizes(metrics: HostMetrics, scene: Scene): void {
  for (const sticky of scene.nodes.filter(isSticky)) {
    // FigJam: square (240) or wide (416) for words a square one would break; Miro: 199 × 228, or wider at the same aspect ratio.
    const fits =
      metrics.name === 'miro'
        ? sticky.width >= 199 && Math.abs(sticky.height - (sticky.width * 228) / 199) < 0.5
        : (sticky.width === 240 || sticky.width === 416) && sticky.height >= 240;
    ensure(fits, () => `${sticky.key} on ${metrics.name} is ${sticky.width}×${sticky.height}`);
  }
}

/** A stage with steps: its header spans its steps' headers, which sit side by side under it, apart from the next stage's. */
function checkStepHeaders(journey: Journey, scene: Scene): void {
  const byKey = new Map(scene.nodes.map((node) => [node.key, node]));
  let previousRight = Number.NEGATIVE_INFINITY;
  for (const stage of journey.stages) {
    const header = findNode(scene, stageHeaderKey(stage.id), byKey);
    ensure(header.x > previousRight, () => `${header.key} starts before the stage on its left ends`);
    previousRight = header.x + header.width;
    let left = header.x - 0.5;
    for (const step of stage.steps ?? []) {
      const stepHeader = findNode(scene, stepHeaderKey(stage.id, step.id), byKey);
      ensure(stepHeader.x >= left && stepHeader.x + stepHeader.width <= header.x + header.width + 0.5, () => `${stepHeader.key} lies outside its stage's span or before the step on its left`);
      ensure(stepHeader.y >= header.y + header.height, () => `${stepHeader.key} is not under its stage's header`);
      left = stepHeader.x + stepHeader.width;
    }
  }
}

describe.each(HOSTS)('layout invariants on %s', (_, metrics) => {
  it('is deterministic: the same journey gives the same scene', () => {
    fc.assert(
      fc.property(journeys, (journey) => {
        const first = layoutJourney(journey, { metrics });
        const second = layoutJourney(structuredClone(journey), { metrics });
        ensure(JSON.stringify(second) === JSON.stringify(first), () => 'two layouts of the same journey differ');
      }),
      { seed: PROPERTY_SEED, numRuns: RUNS },
    );
  });

  it('does not change the journey it lays out', () => {
    fc.assert(
      fc.property(journeys, (journey) => {
        const copy = structuredClone(journey);
        layoutJourney(journey, { metrics });
        expect(journey).toEqual(copy);
      }),
      { seed: PROPERTY_SEED, numRuns: 50 },
    );
  });

  // One layout per generated journey serves several checks: layout is the
  // slow part, and each check names what it found in its message.
  it('keeps stickies apart, in their own cells, at host size, and every node inside the frame', () => {
    fc.assert(
      fc.property(journeys, (journey) => {
        const scene = layoutJourney(journey, { metrics });
        checkStickiesDoNotOverlap(scene);
        checkStickiesInTheirCells(journey, scene);
        checkStickySizes(metrics, scene);
        checkInsideFrame(scene);
      }),
      { seed: PROPERTY_SEED, numRuns: RUNS },
    );
  });

  it('keeps all of that on maps whose stages hold steps: every card in its step\'s cell, a point per persona and step', () => {
    let stepped = 0;
    fc.assert(
      fc.property(steppedJourneys, (journey) => {
        const scene = layoutJourney(journey, { metrics });
        if (journey.stages.some((stage) => (stage.steps?.length ?? 0) > 0)) stepped += 1;
        checkStickiesDoNotOverlap(scene);
        checkStickiesInTheirCells(journey, scene);
        checkStickySizes(metrics, scene);
        checkInsideFrame(scene);
        checkKeys(scene);
        checkEmotionChart(journey, scene);
        checkChartIsClear(scene);
        checkStepHeaders(journey, scene);
      }),
      { seed: PROPERTY_SEED, numRuns: RUNS },
    );
    // Most generated maps have a step somewhere, or the property says little.
    expect(stepped).toBeGreaterThan(RUNS / 2);
  });

  it('gives every node a unique key of the right kind, and draws emotion points by score with a monotone line through them', () => {
    fc.assert(
      fc.property(journeys, (journey) => {
        const scene = layoutJourney(journey, { metrics });
        checkKeys(scene);
        checkEmotionChart(journey, scene);
        checkChartIsClear(scene);
      }),
      { seed: PROPERTY_SEED, numRuns: RUNS },
    );
  });
});

describe('layout of the default template', () => {
  it.each(HOSTS)('holds every invariant on %s', (_, metrics) => {
    const journey = createOnlineStoreJourney();
    const scene = layoutJourney(journey, { metrics });
    checkStickiesDoNotOverlap(scene);
    checkStickiesInTheirCells(journey, scene);
    checkInsideFrame(scene);
    checkKeys(scene);
    checkEmotionChart(journey, scene);
    checkChartIsClear(scene);
    checkStickySizes(metrics, scene);
  });

  it('gives a FigJam card whose word a square sticky would break the wide sticky, in a row of its own', () => {
    const journey = createOnlineStoreJourney();
    const [first, second] = journey.cards.filter((card) => card.stage === journey.cards[0]!.stage && card.lane === journey.cards[0]!.lane);
    first!.text = 'Видеоидентификация вместо визита';
    const scene = layoutJourney(journey, { metrics: FIGJAM_METRICS });
    const wide = findNode(scene, cardKey(first!.id));
    const next = findNode(scene, cardKey(second!.id));
    expect(wide.width).toBe(416);
    expect(next.y).toBeGreaterThanOrEqual(wide.y + wide.height);
    // A word that fits the square sticky keeps it.
    first!.text = 'Friend\u2019s recommendation';
    expect(findNode(layoutJourney(journey, { metrics: FIGJAM_METRICS }), cardKey(first!.id)).width).toBe(240);
  });

  it('grows FigJam stickies with long text, and gives Miro a larger sticky rather than text shrunk past reading', () => {
    const journey = createOnlineStoreJourney();
    journey.cards[0]!.text = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');
    const figjam = findNode(layoutJourney(journey, { metrics: FIGJAM_METRICS }), cardKey(journey.cards[0]!.id));
    const miro = findNode(layoutJourney(journey, { metrics: MIRO_METRICS }), cardKey(journey.cards[0]!.id));
    expect(figjam.height).toBeGreaterThan(240);
    expect(miro.width).toBeGreaterThan(199);
    expect(miro.height).toBeCloseTo((miro.width * 228) / 199, 0);
    // A short text keeps Miro's square sticky.
    expect(findNode(layoutJourney(journey, { metrics: MIRO_METRICS }), cardKey(journey.cards[1]!.id))).toMatchObject({ width: 199, height: 228 });
  });

  it('puts the low point of the template lowest on the chart', () => {
    const journey = createOnlineStoreJourney();
    const points = layoutJourney(journey, { metrics: FIGJAM_METRICS }).nodes.filter(isPoint);
    const lowest = points.reduce((a, b) => (b.y > a.y ? b : a));
    expect(lowest.score).toBe(-2);
    expect(lowest.stage).toBe('stage:order');
  });
});

describe('the invariant checks', () => {
  // Each check must reject a scene broken in the way it looks for, or the
  // properties above would pass whatever layout does.
  const journey = createOnlineStoreJourney();
  const layout = () => layoutJourney(journey, { metrics: FIGJAM_METRICS });
  const stickyOf = (scene: Scene, index: number) => scene.nodes.filter(isSticky)[index]!;

  it('pass on an untouched scene', () => {
    const scene = layout();
    expect(() => {
      checkStickiesDoNotOverlap(scene);
      checkStickiesInTheirCells(journey, scene);
      checkInsideFrame(scene);
      checkKeys(scene);
      checkEmotionChart(journey, scene);
      checkChartIsClear(scene);
      checkStickySizes(FIGJAM_METRICS, scene);
    }).not.toThrow();
  });

  it('catch two stickies overlapping by one unit', () => {
    const scene = layout();
    const [a, b] = [stickyOf(scene, 0), stickyOf(scene, 1)];
    b.x = a.x + a.width - 1;
    b.y = a.y;
    expect(() => checkStickiesDoNotOverlap(scene)).toThrow(/overlaps/);
  });

  it('let two stickies touch', () => {
    const scene = layout();
    const [a, b] = [stickyOf(scene, 0), stickyOf(scene, 1)];
    b.x = a.x + a.width;
    b.y = a.y;
    expect(() => checkStickiesDoNotOverlap(scene)).not.toThrow();
  });

  it('catch a sticky outside its cell, a missing sticky and a wrong text', () => {
    const moved = layout();
    stickyOf(moved, 0).y -= 30;
    expect(() => checkStickiesInTheirCells(journey, moved)).toThrow(/outside its cell/);
    const missing = layout();
    missing.nodes = missing.nodes.filter((node) => node !== stickyOf(missing, 3));
    expect(() => checkStickiesInTheirCells(journey, missing)).toThrow();
    const edited = layout();
    stickyOf(edited, 2).text = 'edited';
    expect(() => checkStickiesInTheirCells(journey, edited)).toThrow(/text/);
  });

  it('catch a node outside the frame and a frame that is not first', () => {
    const outside = layout();
    const title = findNode(outside, 'title');
    title.x = outside.width - 10;
    expect(() => checkInsideFrame(outside)).toThrow(/title/);
    const reordered = layout();
    reordered.nodes.push(reordered.nodes.shift()!);
    expect(() => checkInsideFrame(reordered)).toThrow();
  });

  it('catch a duplicate key, a foreign key and a key of the wrong kind', () => {
    const duplicate = layout();
    stickyOf(duplicate, 1).key = stickyOf(duplicate, 0).key;
    expect(() => checkKeys(duplicate)).toThrow();
    const foreign = layout();
    stickyOf(foreign, 0).key = 'sticky-1';
    expect(() => checkKeys(foreign)).toThrow(/parseSceneKey/);
    const wrongKind = layout();
    stickyOf(wrongKind, 0).key = 'stage:elsewhere';
    expect(() => checkKeys(wrongKind)).toThrow(/is a sticky/);
  });

  it('catch emotion points out of order, a line that misses a point and a line that overshoots', () => {
    const inverted = layout();
    const points = inverted.nodes.filter(isPoint);
    const low = points.find((point) => point.score === -2)!;
    low.y -= 400;
    expect(() => checkEmotionChart(journey, inverted)).toThrow();
    const missed = layout();
    const line = missed.nodes.filter(isLine)[0]!;
    const lastCurve = line.path[line.path.length - 1]!;
    if (lastCurve.op === 'C') lastCurve.y += 1;
    expect(() => checkEmotionChart(journey, missed)).toThrow();
    const overshoot = layout();
    const curve = overshoot.nodes.filter(isLine)[0]!.path.find((command) => command.op === 'C')!;
    if (curve.op === 'C') curve.y1 = Math.min(curve.y, curve.y - 1000);
    expect(() => checkEmotionChart(journey, overshoot)).toThrow(/control point|leaves the chart/);
  });

  it('catch a sticky over an emotion point and two overlapping notes', () => {
    const covered = layout();
    const point = covered.nodes.find(isPoint)!;
    Object.assign(stickyOf(covered, 0), { x: point.x, y: point.y });
    expect(() => checkChartIsClear(covered)).toThrow(/covers emotion:/);
    const crowded = layout();
    const notes = crowded.nodes.filter((node) => node.type === 'text' && node.style === 'emotion-note');
    Object.assign(notes[1]!, { x: notes[0]!.x + 10, y: notes[0]!.y });
    expect(() => checkChartIsClear(crowded)).toThrow(/overlaps/);
  });

  it('catch a sticky of the wrong size', () => {
    const scene = layout();
    stickyOf(scene, 0).height = 239;
    expect(() => checkStickySizes(FIGJAM_METRICS, scene)).toThrow(/239/);
    const miro = layoutJourney(journey, { metrics: MIRO_METRICS });
    stickyOf(miro, 0).width = 200;
    expect(() => checkStickySizes(MIRO_METRICS, miro)).toThrow(/200×228/);
    const wide = layout();
    stickyOf(wide, 0).width = 300;
    expect(() => checkStickySizes(FIGJAM_METRICS, wide)).toThrow(/300×/);
  });
});

describe('the journey arbitrary', () => {
  it('reaches the edges of its ranges: personas, stages, lanes, full cells, emotions lanes, Cyrillic and emoji', () => {
    const samples = fc.sample(journeys, { seed: PROPERTY_SEED, numRuns: RUNS });
    const largestCell = (journey: Journey) => {
      const counts = new Map<string, number>();
      for (const card of journey.cards) counts.set(`${card.stage} ${card.lane}`, (counts.get(`${card.stage} ${card.lane}`) ?? 0) + 1);
      return Math.max(0, ...counts.values());
    };
    const texts = samples.flatMap((journey) => journey.cards.map((card) => card.text));
    expect(Math.max(...samples.map((journey) => journey.personas.length))).toBe(4);
    expect(Math.min(...samples.map((journey) => journey.personas.length))).toBe(1);
    expect(Math.max(...samples.map((journey) => journey.stages.length))).toBe(8);
    expect(Math.min(...samples.map((journey) => journey.stages.length))).toBe(1);
    expect(Math.max(...samples.map((journey) => journey.lanes.length))).toBe(9);
    expect(Math.max(...samples.map(largestCell))).toBe(5);
    expect(samples.some((journey) => journey.cards.length === 0)).toBe(true);
    const emotionLanes = samples.map((journey) => journey.lanes.filter((lane) => lane.kind === 'emotions').length);
    expect(new Set(emotionLanes)).toEqual(new Set([0, 1]));
    expect(texts.some((text) => /[А-Яа-я]/.test(text))).toBe(true);
    expect(texts.some((text) => /\p{Extended_Pictographic}/u.test(text))).toBe(true);
    expect(texts.some((text) => /\S{40,}/.test(text))).toBe(true);
    expect(samples.every((journey) => parseJourney(journey).ok)).toBe(true);
  });
});

describe('several emotions lanes', () => {
  // The emotion chart's keys (emotion:<p>:<s>, emotion-line:<p>,
  // emotion-scale:<n>) are unique per map only if it has one emotions lane,
  // so the schema refuses a second one, naming it.
  it('refuses a journey with a second emotions lane, naming that lane', () => {
    const journey = createOnlineStoreJourney();
    journey.lanes.push({ id: 'lane:feelings', kind: 'emotions', title: 'Feelings, again' });
    const parsed = parseJourney(journey);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => error.path)).toEqual([`lanes[${journey.lanes.length - 1}].kind`]);
    expect(parsed.errors[0]?.message).toContain('one "emotions" lane');
  });
});
