import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS, MIRO_METRICS, SVG_METRICS, type HostMetrics } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import type { EmotionLineNode, Point, Scene, SceneNode } from '../../src/layout/scene';
import { emotionNoteKey, emotionPointKey } from '../../src/layout/scene-keys';
import { listPlaces, type Journey } from '../../src/model/journey';
import { createTemplates as createEnglishTemplates } from '../../src/model/templates/templates-en';
import { createTemplates as createRussianTemplates } from '../../src/model/templates/templates-ru';
import { createTemplates as createUkrainianTemplates } from '../../src/model/templates/templates-uk';

type Box = { left: number; top: number; right: number; bottom: number };

const TEMPLATES = [
  ...createEnglishTemplates().map((template) => [`en ${template.id}`, template.journey] as const),
  ...createRussianTemplates().map((template) => [`ru ${template.id}`, template.journey] as const),
  ...createUkrainianTemplates().map((template) => [`uk ${template.id}`, template.journey] as const),
];
const HOSTS: [string, HostMetrics][] = [
  ['svg', SVG_METRICS],
  ['figjam', FIGJAM_METRICS],
  ['miro', MIRO_METRICS],
];

const boxOf = (node: SceneNode): Box => ({ left: node.x, top: node.y, right: node.x + node.width, bottom: node.y + node.height });
const overlap = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (point: Point, box: Box): boolean => point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom;

/** Points along a line as it is drawn: its cubics sampled finely, and the straight chords between its points. */
function traceLine(line: EmotionLineNode): Point[] {
  const trace: Point[] = [];
  let at: Point = { x: 0, y: 0 };
  for (const command of line.path) {
    if (command.op === 'M') at = { x: command.x, y: command.y };
    if (command.op !== 'C') continue;
    for (let step = 0; step <= 200; step += 1) {
      const t = step / 200;
      const u = 1 - t;
      trace.push({
        x: u ** 3 * at.x + 3 * u * u * t * command.x1 + 3 * u * t * t * command.x2 + t ** 3 * command.x,
        y: u ** 3 * at.y + 3 * u * u * t * command.y1 + 3 * u * t * t * command.y2 + t ** 3 * command.y,
      });
    }
    at = { x: command.x, y: command.y };
  }
  for (let index = 1; index < line.points.length; index += 1) {
    const a = line.points[index - 1] as Point;
    const b = line.points[index] as Point;
    for (let step = 0; step <= 200; step += 1) trace.push({ x: a.x + ((b.x - a.x) * step) / 200, y: a.y + ((b.y - a.y) * step) / 200 });
  }
  return trace;
}

/** Every way a note is spoiled: crossed by a line, covering a point, another note or a card, or out of its lane. */
function findSpoiledNotes(scene: Scene): string[] {
  const notes = scene.nodes.filter((node) => node.type === 'text' && node.style === 'emotion-note');
  const lines = scene.nodes.filter((node): node is EmotionLineNode => node.type === 'emotion-line');
  const traces = lines.map((line) => [line.key, traceLine(line)] as const);
  const points = scene.nodes.filter((node) => node.type === 'emotion-point');
  const stickies = scene.nodes.filter((node) => node.type === 'sticky' || (node.type === 'shape' && node.key.startsWith('legend:')));
  const band = scene.nodes.find((node) => node.type === 'shape' && node.style === 'lane-row-emotions');
  const found: string[] = [];
  notes.forEach((note, index) => {
    const box = boxOf(note);
    for (const [key, trace] of traces) if (trace.some((point) => inside(point, box))) found.push(`${note.key} is crossed by ${key}`);
    for (const point of points) if (overlap(box, boxOf(point))) found.push(`${note.key} covers ${point.key}`);
    for (const other of notes.slice(index + 1)) if (overlap(box, boxOf(other))) found.push(`${note.key} covers ${other.key}`);
    for (const card of stickies) if (overlap(box, boxOf(card))) found.push(`${note.key} covers ${card.key}`);
    if (band && !(box.top >= band.y && box.bottom <= band.y + band.height)) found.push(`${note.key} leaves the emotions lane`);
  });
  return found;
}

/** A journey whose scores fall and climb steeply from place to place (stage, or step of a stage with steps), each with a note: lines pass on every side of the points. */
function createSteepJourney(base: Journey, personas: number): Journey {
  const journey = structuredClone(base);
  journey.personas = journey.personas.slice(0, 1);
  const first = journey.personas[0];
  if (!first) throw new Error('a template has a persona');
  for (let index = 1; index < personas; index += 1) journey.personas.push({ ...structuredClone(first), id: `persona:p${index}`, name: `Persona ${index}` });
  const zigzag = [2, -2, 2, -1, -2, 1, 2, -2];
  journey.emotions = journey.personas.flatMap((persona, personaIndex) =>
    listPlaces(journey).map((place, index) => ({
      persona: persona.id,
      ...place,
      score: (zigzag[(index + personaIndex) % zigzag.length] ?? 0) as -2 | -1 | 0 | 1 | 2,
      note: `Why this stage feels like this, in a few words ${index}`,
    })),
  );
  journey.cards = journey.cards.filter((card) => !card.persona);
  return journey;
}

describe('emotion notes', () => {
  for (const [host, metrics] of HOSTS) {
    it.each(TEMPLATES)(`${host}: %s has no note crossed by a line or covering anything`, (_name, journey) => {
      const scene = layoutJourney(journey, { metrics });
      expect(findSpoiledNotes(scene)).toEqual([]);
    });
  }

  const [, online] = TEMPLATES[0] ?? [];
  it.each([1, 2, 3])('a zigzag line with %i persona(s): every note stays clear of every line', (personas) => {
    if (!online) throw new Error('the templates are there');
    const journey = createSteepJourney(online, personas);
    for (const [, metrics] of HOSTS) {
      const scene = layoutJourney(journey, { metrics });
      expect(scene.nodes.filter((node) => node.type === 'text' && node.style === 'emotion-note')).toHaveLength(journey.emotions.length);
      expect(findSpoiledNotes(scene)).toEqual([]);
    }
  });

  it('a note under a point whose line climbs away stays right under its point', () => {
    if (!online) throw new Error('the templates are there');
    const journey = createSteepJourney(online, 1);
    const scene = layoutJourney(journey, { metrics: SVG_METRICS });
    // The second stage is the valley (-2 between +2 and +2): lines come down to it from above, so under it is free.
    const stage = journey.stages[1]?.id;
    const persona = journey.personas[0]?.id;
    if (!stage || !persona) throw new Error('the journey has stages and a persona');
    const point = scene.nodes.find((node) => node.key === emotionPointKey(persona, stage, 'as-is'));
    const note = scene.nodes.find((node) => node.key === emotionNoteKey(persona, stage, 'as-is'));
    expect(point && note).toBeTruthy();
    expect(point && note && note.y - (point.y + point.height)).toBeGreaterThanOrEqual(0);
    expect(point && note && note.y - (point.y + point.height)).toBeLessThanOrEqual(8);
  });
});
