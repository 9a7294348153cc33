import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { LINE_HEIGHT, type Hyphenator } from '../layout/measure-text';
import type { Scene, SceneNode } from '../layout/scene';
import { parseSceneKey } from '../layout/scene-keys';
import { STYLE_PALETTE } from '../layout/style-palette';
import { SVG_METRICS, type HostMetrics } from '../layout/host-metrics';
import { createPictureTextMeasurer, fitText, formatPathData, HEADING_GAP, SHAPE_PADDING, shapeRadius, stripBidiControls } from './render-scene-svg';

/**
 * A map as a PDF for printing: A3 landscape pages (ISO 216, 420 × 297 mm),
 * the map as wide as the page, cut between lanes when it is taller, the
 * stage headers repeated at the top of every page after the first, and a
 * footer with the map's title and the page number. Text is drawn in DejaVu
 * Sans (embedded and subset, so any PDF reader shows Cyrillic and copies it
 * as text); what the font has no glyph for (emoji) is left out, and the
 * emotion points draw their face as a line drawing instead.
 */
export interface RenderPdfOptions {
  hyphenate?: Hyphenator;
  /** Sticky text metrics of the host the scene was laid out for; defaults to the picture's. */
  metrics?: Pick<HostMetrics, 'stickyFontSize' | 'stickyPadding'>;
  /** The map's title (the document's title and every page's footer). */
  title: string;
  /** The journey's language (BCP 47), for the document's language. */
  locale?: string;
  /** Who made the file ("cjm-board 0.2.0"). */
  creator: string;
}

// A3 landscape in PostScript points (1/72 in): 420 × 297 mm.
const PAGE_WIDTH = 1190.55;
const PAGE_HEIGHT = 841.89;
const MARGIN = 28;
const FOOTER = 16;
// Board units between the repeated stage headers and the lanes under them.
const HEADER_GAP = 24;
// Board units a band is drawn past its edges: the width of a box's border, less than the gap between lanes.
const EDGE = 4;

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;
type Weight = keyof typeof FONT_FILES;

let glyphFonts: Record<Weight, fontkit.Font> | undefined;
/** The fonts' glyph tables, read once: which characters they can draw. */
function loadGlyphFonts(): Record<Weight, fontkit.Font> {
  glyphFonts ??= { regular: fontkit.openSync(FONT_FILES.regular) as fontkit.Font, bold: fontkit.openSync(FONT_FILES.bold) as fontkit.Font };
  return glyphFonts;
}

/** `text` as the font can draw it: bidirectional controls and characters it has no glyph for (emoji, mostly) left out. */
function keepDrawable(text: string, weight: Weight): string {
  const font = loadGlyphFonts()[weight];
  let kept = '';
  for (const char of stripBidiControls(text)) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x20 || font.hasGlyphForCodePoint(code)) kept += char;
  }
  return kept.replace(/\s{2,}/g, ' ').trim();
}

type Doc = InstanceType<typeof PDFDocument>;

interface DrawContext {
  doc: Doc;
  fit: (text: string, fontSize: number, maxWidth: number, maxHeight?: number) => { lines: string[]; height: number; fontSize: number };
  stickyFontSize: number;
  stickyPadding: number;
}

/**
 * Draws lines of text from `top` (board units), anchored at `x` (their start
 * or their middle): the lines as the picture wraps them, drawn smaller when
 * the PDF's font makes one wider than `maxWidth`, so no text leaves its box.
 */
function drawLines(
  context: DrawContext,
  lines: readonly string[],
  x: number,
  top: number,
  fontSize: number,
  options: { anchor: 'start' | 'middle'; color: string; weight: Weight; maxWidth: number },
): void {
  const { doc } = context;
  const drawable = lines.map((line) => keepDrawable(line, options.weight));
  doc.font(options.weight).fontSize(fontSize);
  const widest = Math.max(0, ...drawable.map((line) => doc.widthOfString(line)));
  const size = widest > options.maxWidth && widest > 0 ? fontSize * (options.maxWidth / widest) : fontSize;
  doc.fontSize(size).fillColor(options.color);
  const lineHeight = fontSize * LINE_HEIGHT;
  drawable.forEach((line, index) => {
    if (!line) return;
    const width = doc.widthOfString(line);
    const left = options.anchor === 'middle' ? x - width / 2 : x;
    doc.text(line, left, top + index * lineHeight + fontSize, { lineBreak: false, baseline: 'alphabetic' });
  });
}

function drawNode(node: SceneNode, context: DrawContext): void {
  const { doc } = context;
  const swatch = STYLE_PALETTE[node.style];
  switch (node.type) {
    case 'frame':
      doc.roundedRect(node.x, node.y, node.width, node.height, 8).lineWidth(2).fillAndStroke(swatch.fill, swatch.stroke);
      return;
    case 'text': {
      const { lines, fontSize } = context.fit(node.text, node.fontSize, node.width);
      const x = node.align === 'center' ? node.x + node.width / 2 : node.x;
      drawLines(context, lines, x, node.y, fontSize, { anchor: node.align === 'center' ? 'middle' : 'start', color: swatch.text, weight: node.bold ? 'bold' : 'regular', maxWidth: node.width });
      return;
    }
    case 'shape': {
      doc.roundedRect(node.x, node.y, node.width, node.height, shapeRadius(node.shape)).lineWidth(2).fillAndStroke(swatch.fill, swatch.stroke);
      const inner = node.width - 2 * SHAPE_PADDING;
      const heading = node.heading ? context.fit(node.heading, node.fontSize, inner) : undefined;
      const body = node.text ? context.fit(node.text, node.fontSize, inner) : undefined;
      const total = (heading?.height ?? 0) + (heading && body ? HEADING_GAP : 0) + (body?.height ?? 0);
      let top = node.text ? node.y + SHAPE_PADDING : node.y + (node.height - total) / 2;
      const anchor = node.align === 'center' ? 'middle' : 'start';
      const x = node.align === 'center' ? node.x + node.width / 2 : node.x + SHAPE_PADDING;
      if (heading) {
        drawLines(context, heading.lines, x, top, heading.fontSize, { anchor, color: swatch.text, weight: 'bold', maxWidth: inner });
        top += heading.height + HEADING_GAP;
      }
      if (body) drawLines(context, body.lines, x, top, body.fontSize, { anchor, color: swatch.text, weight: 'regular', maxWidth: inner });
      return;
    }
    case 'sticky': {
      const inner = node.width - 2 * context.stickyPadding;
      const { lines, height, fontSize } = context.fit(node.text, context.stickyFontSize, inner, node.height - 2 * context.stickyPadding);
      doc.save().fillOpacity(0.08).roundedRect(node.x + 3, node.y + 5, node.width, node.height, 4).fill('#000000').restore();
      doc.roundedRect(node.x, node.y, node.width, node.height, 4).fill(swatch.fill);
      const top = node.y + Math.max(context.stickyPadding, (node.height - height) / 2);
      drawLines(context, lines, node.x + node.width / 2, top, fontSize, { anchor: 'middle', color: swatch.text, weight: 'regular', maxWidth: inner });
      return;
    }
    case 'emotion-point': {
      const r = node.width / 2;
      const cx = node.x + r;
      const cy = node.y + r;
      doc.save();
      if (node.line === 'to-be') doc.dash(6, { space: 5 });
      doc.circle(cx, cy, r - 2).lineWidth(4).fillAndStroke(swatch.fill, swatch.stroke);
      doc.restore();
      // The face as a drawing: eyes, and a mouth that smiles or frowns with the score (−2 … +2).
      doc.circle(cx - r * 0.32, cy - r * 0.18, r * 0.09).fill('#1e1e1e');
      doc.circle(cx + r * 0.32, cy - r * 0.18, r * 0.09).fill('#1e1e1e');
      const mouth = cy + r * 0.3;
      doc
        .moveTo(cx - r * 0.4, mouth)
        .quadraticCurveTo(cx, mouth + node.score * r * 0.16, cx + r * 0.4, mouth)
        .lineWidth(Math.max(1.5, r * 0.09))
        .lineCap('round')
        .stroke('#1e1e1e');
      return;
    }
    case 'emotion-line':
      doc.save();
      if (node.line === 'to-be') doc.dash(18, { space: 14 });
      doc.path(formatPathData(node.path)).lineWidth(6).lineCap('round').lineJoin('round').stroke(swatch.stroke);
      doc.restore();
      return;
    case 'link': {
      doc.save();
      doc.dash(12, { space: 8 });
      doc.path(formatPathData(node.path)).lineWidth(4).lineCap('round').stroke(swatch.stroke);
      doc.restore();
      const end = node.path.at(-1);
      if (end && end.op !== 'Z') doc.circle(end.x, end.y, 7).fill(swatch.stroke);
      return;
    }
  }
}

/** A band of the scene from `top` to `bottom`, in board units. */
interface Band {
  top: number;
  bottom: number;
}

/**
 * Where the pages break: after whole lanes, so no sticky is cut, each page
 * holding as many lanes as fit in `room` board units (the first page also
 * the title and persona above the stage headers; the others the headers'
 * height less). A lane taller than a page gets a page of its own.
 */
function planPages(scene: Scene, room: number, header: Band | undefined): Band[] {
  const rows = scene.nodes
    .filter((node) => parseSceneKey(node.key)?.kind === 'row')
    .map((node) => ({ top: node.y, bottom: node.y + node.height }))
    .sort((a, b) => a.top - b.top);
  if (rows.length === 0) return [{ top: 0, bottom: scene.height }];
  const headerRoom = header ? header.bottom - header.top + 2 * EDGE + HEADER_GAP : 0;
  const firstRowTop = rows[0]?.top ?? 0;
  const pages: Band[] = [];
  let top = 0;
  let bottom = firstRowTop;
  for (const row of rows) {
    const limit = pages.length === 0 ? room : room - headerRoom;
    // A page holds at least one lane; the next lane that does not fit starts a page.
    if (row.bottom - top > limit && bottom > Math.max(top, firstRowTop)) {
      pages.push({ top, bottom });
      top = row.top;
    }
    bottom = row.bottom;
  }
  // The last page runs to the map's lower edge.
  pages.push({ top, bottom: scene.height });
  return pages;
}

const intersects = (box: { y: number; height: number }, band: Band): boolean => box.y < band.bottom && box.y + box.height > band.top;

/**
 * Renders a scene as a PDF document (see RenderPdfOptions), its bytes.
 * Lay the scene out with the picture's measurer (createPictureTextMeasurer)
 * so its boxes fit the text as it is wrapped here.
 */
export function renderScenePdf(scene: Scene, options: RenderPdfOptions): Uint8Array {
  const metrics = options.metrics ?? SVG_METRICS;
  const measureText = createPictureTextMeasurer(options.hyphenate);
  const doc = new PDFDocument({
    size: [PAGE_WIDTH, PAGE_HEIGHT],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    displayTitle: true,
    ...(options.locale ? { lang: options.locale } : {}),
    info: { Title: keepDrawable(options.title, 'regular') || 'Customer journey map', Creator: options.creator, Producer: options.creator },
  });
  doc.registerFont('regular', FONT_FILES.regular);
  doc.registerFont('bold', FONT_FILES.bold);
  const context: DrawContext = {
    doc,
    fit: (text, fontSize, maxWidth, maxHeight) => fitText(text, fontSize, maxWidth, measureText, maxHeight),
    stickyFontSize: metrics.stickyFontSize,
    stickyPadding: metrics.stickyPadding,
  };
  const scale = (PAGE_WIDTH - 2 * MARGIN) / scene.width;
  const room = (PAGE_HEIGHT - 2 * MARGIN - FOOTER) / scale - 2 * EDGE;
  const headers = scene.nodes.filter((node) => parseSceneKey(node.key)?.kind === 'stage');
  const header: Band | undefined = headers.length > 0 ? { top: Math.min(...headers.map((node) => node.y)), bottom: Math.max(...headers.map((node) => node.y + node.height)) } : undefined;
  const pages = planPages(scene, room, header);
  const frame = scene.nodes.find((node) => node.type === 'frame');
  const drawBand = (band: Band, at: number): void => {
    // A little room either side, for the borders of the boxes at the band's edges (lanes lie further apart).
    const top = Math.max(0, band.top - EDGE);
    const bottom = Math.min(scene.height, band.bottom + EDGE);
    doc.save();
    doc.rect(MARGIN, at, PAGE_WIDTH - 2 * MARGIN, (bottom - top) * scale).clip();
    doc.translate(MARGIN, at).scale(scale).translate(0, -top);
    if (frame) drawNode(frame, context);
    for (const node of scene.nodes) if (node !== frame && intersects(node, band)) drawNode(node, context);
    doc.restore();
  };
  pages.forEach((band, index) => {
    doc.addPage({ size: [PAGE_WIDTH, PAGE_HEIGHT], margin: 0 });
    doc.rect(0, 0, PAGE_WIDTH, PAGE_HEIGHT).fill('#ffffff');
    let at = MARGIN;
    if (index > 0 && header) {
      drawBand(header, at);
      at += (header.bottom - header.top + 2 * EDGE + HEADER_GAP) * scale;
    }
    drawBand(band, at);
    const footer = `${keepDrawable(options.title, 'regular')} · ${index + 1} / ${pages.length}`;
    doc.font('regular').fontSize(9).fillColor('#5e5e5e');
    doc.text(footer, PAGE_WIDTH - MARGIN - doc.widthOfString(footer), PAGE_HEIGHT - MARGIN, { lineBreak: false, baseline: 'alphabetic' });
  });
  doc.end();
  // pdfkit writes into its readable buffer as it goes; once ended, the whole file is there to read at once.
  const parts: Uint8Array[] = [];
  for (let part: unknown = doc.read(); part !== null; part = doc.read()) parts.push(part as Uint8Array);
  return Buffer.concat(parts);
}
