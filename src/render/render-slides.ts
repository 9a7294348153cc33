import { layoutJourney } from '../layout/layout-journey';
import { SVG_METRICS } from '../layout/host-metrics';
import { findMapLabels } from '../layout/map-labels';
import type { Hyphenator } from '../layout/measure-text';
import { listPresentationViews, type PresentationView } from '../layout/presentation-views';
import { findKeysOfPersona, parseSceneKey } from '../layout/scene-keys';
import type { Journey } from '../model/journey';
import type { Scene } from '../layout/scene';
import { createPictureTextMeasurer, findViewBox, renderSceneSvg, type RenderSvgOptions } from './render-scene-svg';

/**
 * One slide of a map's deck: the picture of one presentation view, which a
 * host puts on the board in a frame or section of its own (see
 * BoardPort.placeSlidesAsync).
 */
export interface SlidePicture {
  /** Which view it shows: `map`, `stage:<id>`, `persona:<id>` or `matrix`; a deck made again finds its slides by it. */
  view: string;
  /** The frame's or section's name: its place in the deck, what it shows and, but for the first, the map's title. */
  title: string;
  /** The picture (see renderSceneSvg), `width` × `height` CSS pixels. */
  svg: string;
  /** Size of the view in board units: the slide's size on the board. */
  width: number;
  height: number;
}

/** The id a slide of `view` is found by when the deck is made again. */
export function identifySlideView(view: PresentationView): string {
  if (view.kind === 'stage') return `stage:${view.stage}`;
  if (view.kind === 'persona') return `persona:${view.persona}`;
  return view.kind;
}

/**
 * The keys a view draws faded: in a persona's view, the other personas'
 * lines, points, notes, cards and legend entries (cards that speak for no
 * persona stay as they are); nothing in any other view.
 */
export function findFadedKeys(
  journey: Pick<Journey, 'stages' | 'cards' | 'personas'>,
  presented: { view: PresentationView; keys: readonly string[] },
): ReadonlySet<string> | undefined {
  const { view } = presented;
  if (view.kind !== 'persona') return undefined;
  const own = new Set(presented.keys);
  const others = journey.personas.filter((persona) => !persona.hidden && persona.id !== view.persona);
  return new Set(others.flatMap((persona) => findKeysOfPersona(journey, persona.id)).filter((key) => !own.has(key)));
}

/**
 * The part of the scene a view's picture shows: the whole map for the map
 * and for a persona (its line runs through every stage, the others faded
 * beside it), else the box of the view's items (see findViewBox).
 */
export function findPictureBox(scene: Scene, presented: { view: PresentationView; keys: readonly string[] }): { x: number; y: number; width: number; height: number } {
  const { kind } = presented.view;
  return kind === 'map' || kind === 'persona' ? { x: 0, y: 0, width: scene.width, height: scene.height } : findViewBox(scene, presented.keys);
}

// Board units of room around the lane names beside a stage.
const LABEL_MARGIN = 20;

type Box = { x: number; y: number; width: number; height: number };

/**
 * The parts of a stage's picture: the lane names on the left, then the
 * stage's column, both down to the last lane, so a slide read on its own
 * still says which row is which; one part when the stage lies next to the
 * lane names (the first), the stage's box alone when the map draws no lanes.
 */
function findStageParts(scene: Scene, box: Box): Box[] {
  const labels = scene.nodes.filter((node) => parseSceneKey(node.key)?.kind === 'lane');
  if (labels.length === 0) return [box];
  // Not a sliver of the stages on either side: the column ends where their headers begin.
  const headers = scene.nodes.filter((node) => parseSceneKey(node.key)?.kind === 'stage');
  const middle = box.x + box.width / 2;
  const before = Math.max(box.x, ...headers.filter((node) => node.x + node.width <= middle).map((node) => node.x + node.width + 1));
  const after = Math.min(box.x + box.width, ...headers.filter((node) => node.x >= middle).map((node) => node.x - 1));
  const rows = scene.nodes.filter((node) => parseSceneKey(node.key)?.kind === 'row');
  const bottom = Math.min(scene.height, Math.max(box.y + box.height, ...rows.map((node) => node.y + node.height + LABEL_MARGIN)));
  const height = Math.round(bottom - box.y);
  const labelsLeft = Math.max(0, Math.min(...labels.map((node) => node.x)) - LABEL_MARGIN);
  const labelsRight = Math.max(...labels.map((node) => node.x + node.width)) + LABEL_MARGIN;
  if (labelsRight >= before) return [{ x: labelsLeft, y: box.y, width: Math.round(after - labelsLeft), height }];
  return [
    { x: labelsLeft, y: box.y, width: Math.round(labelsRight - labelsLeft), height },
    { x: before, y: box.y, width: Math.round(after - before), height },
  ];
}

const faded = (keys: ReadonlySet<string> | undefined) => (keys ? { dim: keys } : {});

/**
 * The picture of one view of a laid-out map (its slide; `cjm render
 * --view`): the part of the scene findPictureBox gives (a stage with the
 * lane names beside it, see findStageParts), the faded keys faded. Its size
 * is in board units, or `width` pixels wide (the height follows).
 */
export function renderViewPicture(
  scene: Scene,
  presented: { view: PresentationView; keys: readonly string[] },
  options: Pick<RenderSvgOptions, 'metrics' | 'hyphenate' | 'dim' | 'width'>,
): { svg: string; width: number; height: number } {
  const { width: outWidth, ...drawing } = options;
  const box = findPictureBox(scene, presented);
  const parts = presented.view.kind === 'stage' ? findStageParts(scene, box) : [box];
  const [only] = parts;
  if (only && parts.length === 1) {
    const width = outWidth ?? Math.round(only.width);
    return { svg: renderSceneSvg(scene, { ...drawing, view: only, width }), width, height: Math.round((only.height * width) / only.width) };
  }
  // Parts side by side, each drawn at its own board units, the whole scaled to `width`.
  const natural = parts.reduce((sum, part) => sum + part.width, 0);
  const tall = Math.round(Math.max(...parts.map((part) => part.height)));
  const width = outWidth ?? natural;
  const height = Math.round((tall * width) / natural);
  let x = 0;
  const drawn = parts.map((part) => {
    const svg = renderSceneSvg(scene, { ...drawing, view: part, width: part.width }).replace('<svg ', `<svg x="${x}" y="0" `);
    x += part.width;
    return svg;
  });
  return { svg: [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${natural} ${tall}">`, ...drawn, '</svg>', ''].join('\n'), width, height };
}

/**
 * A journey's map as a deck of slides, one per presentation view in reading
 * order (see listPresentationViews): the whole map, each stage, each
 * persona, the prioritisation matrix. A persona's slide shows the whole
 * map with the other personas' lines, points, notes and cards faded, so its
 * line is the one that reads; cards that speak for no persona stay as they
 * are. Titles are numbered, so the order holds wherever the host lists them.
 */
export function renderJourneySlides(journey: Journey, options: { hyphenate?: Hyphenator } = {}): SlidePicture[] {
  const measureText = createPictureTextMeasurer(options.hyphenate);
  const scene = layoutJourney(journey, { metrics: SVG_METRICS, measureText });
  const hyphenate = options.hyphenate ? { hyphenate: options.hyphenate } : {};
  const labels = findMapLabels(journey.locale);
  return listPresentationViews(journey).map((presented, index) => {
    const { view } = presented;
    const name = view.kind === 'map' ? journey.title : view.kind === 'matrix' ? labels.matrix.title : view.name;
    const picture = renderViewPicture(scene, presented, { metrics: SVG_METRICS, ...hyphenate, ...faded(findFadedKeys(journey, presented)) });
    return {
      view: identifySlideView(view),
      title: index === 0 ? `1. ${name}` : `${index + 1}. ${name} · ${journey.title}`,
      ...picture,
    };
  });
}
