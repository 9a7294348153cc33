import { createTextMeasurer, findOverflowingLine, LINE_HEIGHT, type Hyphenator, type MeasuredText, type TextMeasurer } from '../layout/measure-text';
import type { PathCommand, Scene, SceneNode, SceneNodeType } from '../layout/scene';
import { STYLE_PALETTE } from '../layout/style-palette';
import { SVG_METRICS, type HostMetrics } from '../layout/host-metrics';
import { layoutJourney } from '../layout/layout-journey';
import type { Journey } from '../model/journey';

/** Options of the SVG picture. */
export interface RenderSvgOptions {
  /**
   * Where words may be broken with a hyphen (see `createPatternHyphenator`).
   * Without it, lines break only at spaces and after hyphens already in the
   * text; either way no word is broken elsewhere: text whose word is wider
   * than its box is drawn smaller.
   */
  hyphenate?: Hyphenator;
  /** Sticky text metrics of the host the scene was laid out for; defaults to the picture's. */
  metrics?: Pick<HostMetrics, 'stickyFontSize' | 'stickyPadding'>;
  /** Output width in CSS pixels; the height follows. Defaults to the scene width. */
  width?: number;
  /** The part of the scene to show (board units), for one view of a map (see findViewBox); the whole scene without it. */
  view?: { x: number; y: number; width: number; height: number };
  /** Keys of items drawn faded, behind what a view is about (a persona view fades the other personas' lines and cards). */
  dim?: ReadonlySet<string>;
}

// How opaque a faded item is drawn.
const DIM_OPACITY = 0.22;

// Board units of room a view keeps around the items it shows.
const VIEW_MARGIN = 40;

/**
 * The box a view of a map shows: the items with `keys` (see
 * listPresentationViews), with a margin, inside the scene; the whole scene
 * when none of them is drawn.
 */
export function findViewBox(scene: Scene, keys: readonly string[]): { x: number; y: number; width: number; height: number } {
  const wanted = new Set(keys);
  const boxes = scene.nodes.filter((node) => wanted.has(node.key) && node.type !== 'frame');
  if (boxes.length === 0) return { x: 0, y: 0, width: scene.width, height: scene.height };
  const left = Math.max(0, Math.min(...boxes.map((node) => node.x)) - VIEW_MARGIN);
  const top = Math.max(0, Math.min(...boxes.map((node) => node.y)) - VIEW_MARGIN);
  const right = Math.min(scene.width, Math.max(...boxes.map((node) => node.x + node.width)) + VIEW_MARGIN);
  const bottom = Math.min(scene.height, Math.max(...boxes.map((node) => node.y + node.height)) + VIEW_MARGIN);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

const FONT_FAMILY = "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

/**
 * Escapes text for XML content and attribute values, and drops the control
 * characters XML 1.0 forbids (a browser refuses the whole file otherwise).
 */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are the point: XML 1.0 forbids them, so they are removed.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// Bidirectional controls (embeddings, overrides, isolates, marks) are left
// out of what a picture shows: a card "\u202Egnp.exe" must read as it was
// typed, not as "exe.png" (Unicode TR #36, "bidirectional text spoofing").
// The journey keeps them; only the drawing drops them.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `text` without bidirectional control characters, for display. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

interface DrawContext {
  measureText: TextMeasurer;
  stickyFontSize: number;
  stickyPadding: number;
}

// Text whose words do not fit its box shrinks, but no further than this share of its size.
const MIN_FONT_SHARE = 0.5;

/**
 * `text` wrapped to `maxWidth` at the largest font size, from `fontSize`
 * down, at which no line overflows the width (nor, given, `maxHeight`);
 * the smallest tried when none fits.
 */
export function fitText(text: string, fontSize: number, maxWidth: number, measureText: TextMeasurer, maxHeight?: number): MeasuredText & { fontSize: number } {
  const smallest = Math.max(1, Math.ceil(fontSize * MIN_FONT_SHARE));
  let measured = measureText(text, fontSize, maxWidth);
  let size = fontSize;
  while (size > smallest && (findOverflowingLine(measured.lines, size, maxWidth) !== undefined || (maxHeight !== undefined && measured.height > maxHeight))) {
    size -= 1;
    measured = measureText(text, size, maxWidth);
  }
  return { ...measured, fontSize: size };
}

/**
 * The text measurer of pictures: words are kept whole, broken only after
 * their own hyphens and where `hyphenate` allows (with a hyphen drawn).
 * Lay a scene out with it (`layoutJourney(journey, { measureText })`) so
 * its boxes fit the text as the picture wraps it.
 */
export function createPictureTextMeasurer(hyphenate?: Hyphenator): TextMeasurer {
  return createTextMeasurer({ keepWordsWhole: true, ...(hyphenate ? { hyphenate } : {}) });
}

type Drawer<T extends SceneNode> = (node: T, context: DrawContext) => string;

/** Inner padding of a shape's text, and the corner radius of its kind: the same in every picture. */
export const SHAPE_PADDING = 28;
export const shapeRadius = (shape: string): number => (shape === 'round-rectangle' ? 20 : 6);
/** The gap between a shape's heading and its text. */
export const HEADING_GAP = 12;
type Drawers = { [K in SceneNodeType]: Drawer<Extract<SceneNode, { type: K }>> };

function drawLines(
  lines: readonly string[],
  x: number,
  top: number,
  fontSize: number,
  options: { anchor: 'start' | 'middle'; color: string; weight: number },
): string {
  const lineHeight = fontSize * LINE_HEIGHT;
  const spans = lines
    .map((line, index) => `<tspan x="${x}" y="${round(top + index * lineHeight + fontSize)}">${escapeXml(stripBidiControls(line))}</tspan>`)
    .join('');
  return `<text font-size="${fontSize}" font-weight="${options.weight}" fill="${options.color}" text-anchor="${options.anchor}">${spans}</text>`;
}

const drawers: Drawers = {
  frame: (node) => {
    const swatch = STYLE_PALETTE[node.style];
    return `<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" fill="${swatch.fill}" stroke="${swatch.stroke}" stroke-width="2" rx="8"/>`;
  },
  text: (node, { measureText }) => {
    const swatch = STYLE_PALETTE[node.style];
    const { lines, fontSize } = fitText(node.text, node.fontSize, node.width, measureText);
    const x = node.align === 'center' ? node.x + node.width / 2 : node.x;
    return drawLines(lines, x, node.y, fontSize, { anchor: node.align === 'center' ? 'middle' : 'start', color: swatch.text, weight: node.bold ? 700 : 400 });
  },
  shape: (node, { measureText }) => {
    const swatch = STYLE_PALETTE[node.style];
    const radius = shapeRadius(node.shape);
    const parts = [
      `<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="${radius}" fill="${swatch.fill}" stroke="${swatch.stroke}" stroke-width="2"/>`,
    ];
    const padding = SHAPE_PADDING;
    const inner = node.width - 2 * padding;
    const heading = node.heading ? fitText(node.heading, node.fontSize, inner, measureText) : undefined;
    const body = node.text ? fitText(node.text, node.fontSize, inner, measureText) : undefined;
    const total = (heading?.height ?? 0) + (heading && body ? HEADING_GAP : 0) + (body?.height ?? 0);
    let top = node.text ? node.y + padding : node.y + (node.height - total) / 2;
    const anchor = node.align === 'center' ? 'middle' : 'start';
    const x = node.align === 'center' ? node.x + node.width / 2 : node.x + padding;
    if (heading) {
      parts.push(drawLines(heading.lines, x, top, heading.fontSize, { anchor, color: swatch.text, weight: 700 }));
      top += heading.height + HEADING_GAP;
    }
    if (body) parts.push(drawLines(body.lines, x, top, body.fontSize, { anchor, color: swatch.text, weight: 400 }));
    return parts.join('');
  },
  sticky: (node, { measureText, stickyFontSize, stickyPadding }) => {
    const swatch = STYLE_PALETTE[node.style];
    const { lines, height, fontSize } = fitText(node.text, stickyFontSize, node.width - 2 * stickyPadding, measureText, node.height - 2 * stickyPadding);
    const top = node.y + Math.max(stickyPadding, (node.height - height) / 2);
    return (
      `<rect x="${node.x + 3}" y="${node.y + 5}" width="${node.width}" height="${node.height}" fill="#000" opacity="0.08" rx="4"/>` +
      `<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" fill="${swatch.fill}" rx="4"/>` +
      drawLines(lines, node.x + node.width / 2, top, fontSize, { anchor: 'middle', color: swatch.text, weight: 500 })
    );
  },
  'emotion-point': (node) => {
    const swatch = STYLE_PALETTE[node.style];
    const r = node.width / 2;
    const cx = node.x + r;
    const cy = node.y + r;
    return (
      `<circle cx="${cx}" cy="${cy}" r="${r - 2}" fill="${swatch.fill}" stroke="${swatch.stroke}" stroke-width="4"${node.line === 'to-be' ? ' stroke-dasharray="6 5"' : ''}/>` +
      `<text x="${cx}" y="${cy + r * 0.36}" font-size="${Math.round(r)}" text-anchor="middle">${escapeXml(node.face)}</text>`
    );
  },
  'emotion-line': (node) => {
    const swatch = STYLE_PALETTE[node.style];
    const dashes = node.line === 'to-be' ? ' stroke-dasharray="18 14"' : '';
    return `<path d="${formatPathData(node.path)}" fill="none" stroke="${swatch.stroke}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"${dashes}/>`;
  },
  link: (node) => {
    const swatch = STYLE_PALETTE[node.style];
    const end = node.path.at(-1);
    const dot = end && end.op !== 'Z' ? `<circle cx="${end.x}" cy="${end.y}" r="7" fill="${swatch.stroke}"/>` : '';
    return `<path d="${formatPathData(node.path)}" fill="none" stroke="${swatch.stroke}" stroke-width="4" stroke-linecap="round" stroke-dasharray="12 8"/>${dot}`;
  },
};

/** Serialises path commands as SVG path data with absolute commands only. */
export function formatPathData(path: readonly PathCommand[]): string {
  return path
    .map((command) => {
      switch (command.op) {
        case 'M':
        case 'L':
          return `${command.op} ${command.x} ${command.y}`;
        case 'C':
          return `C ${command.x1} ${command.y1} ${command.x2} ${command.y2} ${command.x} ${command.y}`;
        case 'Z':
          return 'Z';
      }
    })
    .join(' ');
}

/**
 * Renders a scene as a standalone SVG document, so a map can be looked at
 * without Miro or FigJam. Returns the SVG text.
 */
export function renderSceneSvg(scene: Scene, options: RenderSvgOptions = {}): string {
  const metrics = options.metrics ?? SVG_METRICS;
  const context: DrawContext = {
    measureText: createPictureTextMeasurer(options.hyphenate),
    stickyFontSize: metrics.stickyFontSize,
    stickyPadding: metrics.stickyPadding,
  };
  const view = options.view ?? { x: 0, y: 0, width: scene.width, height: scene.height };
  const width = options.width ?? view.width;
  const height = Math.round((view.height * width) / view.width);
  const draw = (node: SceneNode): string => (drawers[node.type] as Drawer<SceneNode>)(node, context);
  const dim = options.dim;
  // A view holds only what it shows: the file of one stage carries no words of the others.
  const shown = options.view ? scene.nodes.filter((node) => node.x < view.x + view.width && view.x < node.x + node.width && node.y < view.y + view.height && view.y < node.y + node.height) : scene.nodes;
  const body = shown.map((node) => (dim?.has(node.key) ? `<g opacity="${DIM_OPACITY}">${draw(node)}</g>` : draw(node))).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${view.x} ${view.y} ${view.width} ${view.height}" font-family="${FONT_FAMILY}">`,
    `<rect width="${scene.width}" height="${scene.height}" fill="#f3f3f1"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}

const round = (value: number): number => Math.round(value * 10) / 10;

/**
 * A journey's map as an SVG picture (FigJam-like sticky sizes), at most
 * `maxWidth` pixels wide, laid out for the picture's own wrapping. Pass
 * `hyphenate` (`createPatternHyphenator(journey.locale)`) to hyphenate long
 * words; without it they are kept whole and drawn smaller where needed.
 */
export function renderJourneySvg(journey: Journey, options: { maxWidth?: number; hyphenate?: Hyphenator } = {}): string {
  const scene = layoutJourney(journey, { metrics: SVG_METRICS, measureText: createPictureTextMeasurer(options.hyphenate) });
  return renderSceneSvg(scene, {
    metrics: SVG_METRICS,
    ...(options.hyphenate ? { hyphenate: options.hyphenate } : {}),
    ...(options.maxWidth !== undefined && scene.width > options.maxWidth ? { width: options.maxWidth } : {}),
  });
}
