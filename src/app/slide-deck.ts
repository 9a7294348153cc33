/**
 * A map's deck of slides on the board: one frame (Miro) or section (FigJam)
 * per presentation view, beside the map, each holding a picture of its view.
 * Miro shows a board's frames as the slides of its presentation mode, in
 * the order they were made (https://developers.miro.com/docs/websdk-reference-frame:
 * "indexed frames define the sequence of the slides in the presentation");
 * FigJam lists sections by name. The deck is a copy: the map's items are
 * never touched, and nothing on a slide is read back into the journey.
 */

/** One slide to put on the board: the picture of one view, as PNG. */
export interface SlideImage {
  /** Which view (see identifySlideView): how a deck made again finds the slide it replaces. */
  view: string;
  /** The frame's or section's name. */
  title: string;
  /** The picture, a PNG file. */
  png: Uint8Array;
  /** The slide's size in board units. */
  width: number;
  height: number;
}

/** What making a deck did. */
export interface SlidesReport {
  /** Slides drawn afresh. */
  made: number;
  /** Slides that hold people's own items: kept where they are, their picture and name renewed. */
  kept: number;
  /** Slides of views the map no longer has (or a person's copies), removed; those holding people's items stay. */
  removed: number;
  /** The deck's containers in reading order. */
  containerIds: string[];
  /** Slides of views the map no longer has, kept for the notes on them: still the deck's, so a later run removes them once they are bare. */
  asideIds: string[];
}

/** What a host is told of the deck besides its slides. */
export interface SlideDeckOptions {
  /** The containers of the deck as the last run left it (Miro looks only at these: asking every frame of a busy board would cost a call each). */
  known: readonly string[];
  /** Told of each container as soon as it is made, before anything else is written to it: a run stopped there leaves one the next run finds. */
  onMadeAsync(containerId: string): Promise<void>;
  /** Awaited before each step (the map service renews the map's lease on a long run). */
  beforeStepAsync?(): Promise<void>;
  onProgress?: (progress: { done: number; total: number }) => void;
}

/** A slide of this map's deck found on the board. */
export interface FoundSlide {
  view: string;
  containerId: string;
  /** Top-left corner and size, board coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The pictures the deck put there (more than one only after a run stopped half-way). */
  imageIds: string[];
  /** The slide holds items besides its pictures: a person's notes on it. */
  foreign: boolean;
}

/** One step of making a deck, in the order a host takes them. */
export type SlideStep =
  /** Removes a slide the deck no longer needs, or one about to be drawn afresh (its picture, then the container). */
  | { op: 'remove'; found: FoundSlide; replaced?: true }
  /** Draws a slide with its top-left corner at x, y. */
  | { op: 'make'; slide: SlideImage; x: number; y: number }
  /** Keeps a slide that holds people's items, renames it and renews its picture (the container grows to fit it). */
  | { op: 'renew'; slide: SlideImage; found: FoundSlide };

/** Board units between slides, and between the map and its deck. */
export const SLIDE_GAP = 400;

/**
 * The steps that make `slides` the map's deck, given the slides found on
 * the board. A slide that holds nothing but its picture is drawn afresh, so
 * Miro's presentation order follows the reading order; one that holds
 * people's items is renewed in place and never removed. The deck lies in a
 * row, left to right, from where its first found slide begins (a deck a
 * person moved stays where they put it), else under the map's left edge.
 * Two found slides of one view (a person's copy): the first is the deck's,
 * the copy is left alone unless it holds nothing but the picture.
 */
export function planSlideDeck(found: readonly FoundSlide[], slides: readonly SlideImage[], map: { x: number; y: number; width: number; height: number }): SlideStep[] {
  const wanted = new Set(slides.map((slide) => slide.view));
  const byView = new Map<string, FoundSlide>();
  const removes: SlideStep[] = [];
  for (const slide of found) {
    const first = !byView.has(slide.view);
    if (first && wanted.has(slide.view)) byView.set(slide.view, slide);
    else if (!slide.foreign) removes.push({ op: 'remove', found: slide });
  }
  // From where the deck's first slide lies (a deck a person moved stays
  // where they put it); under the map when there is none, or when the row
  // would run over the map (it grew since the deck was made).
  const under = { x: map.x, y: map.y + map.height + SLIDE_GAP };
  const first = slides.map((slide) => byView.get(slide.view)).find((slide) => slide !== undefined);
  const row = {
    width: slides.reduce((sum, slide) => sum + Math.max(slide.width, byView.get(slide.view)?.width ?? 0), 0) + SLIDE_GAP * Math.max(0, slides.length - 1),
    height: Math.max(0, ...slides.map((slide) => Math.max(slide.height, byView.get(slide.view)?.height ?? 0))),
  };
  const start = first ? { x: first.x, y: first.y } : under;
  const origin = overlaps({ ...start, ...row }, map) ? under : start;
  const steps: SlideStep[] = [...removes];
  // Slides holding notes stay where they are (a renewed one grows to its new
  // picture): a slide drawn afresh goes past any of them it would cover.
  const renewedWidth = new Map(slides.map((slide) => [byView.get(slide.view), slide.width] as const));
  const kept: Box[] = found.filter((slide) => slide.foreign).map((slide) => ({ ...slide, width: Math.max(slide.width, renewedWidth.get(slide) ?? 0) }));
  let x = origin.x;
  for (const slide of slides) {
    const existing = byView.get(slide.view);
    if (existing?.foreign) {
      steps.push({ op: 'renew', slide, found: existing });
      // The row goes on past it.
      x = Math.max(x, existing.x + Math.max(existing.width, slide.width) + SLIDE_GAP);
      continue;
    }
    if (existing) steps.push({ op: 'remove', found: existing, replaced: true });
    const covered = () => kept.find((box) => overlaps({ x, y: origin.y, width: slide.width, height: slide.height }, box));
    for (let hit = covered(); hit; hit = covered()) x = hit.x + hit.width + SLIDE_GAP;
    steps.push({ op: 'make', slide, x, y: origin.y });
    x += slide.width + SLIDE_GAP;
  }
  return steps;
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The deck marker a host stores on a slide's container and on its picture
 * (`picture: true`): the map and view they belong to. Undefined for
 * anything else.
 */
export function parseSlideMarker(value: unknown): { mapId: string; view: string; picture: boolean } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { mapId, view, picture } = value as Record<string, unknown>;
  if (typeof mapId !== 'string' || typeof view !== 'string' || view.length > 300) return undefined;
  return { mapId, view, picture: picture === true };
}

/** The key of the deck's container list in the map's record space. */
export const SLIDES_RECORD_KEY = 'slides';

/** The container ids a deck's record lists; none when it is missing or unreadable. */
export function parseSlideList(text: string | undefined): string[] {
  try {
    const value: unknown = text === undefined ? [] : JSON.parse(text);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string').slice(0, 500) : [];
  } catch {
    return [];
  }
}

/**
 * A PNG as a data URL (where `btoa` is: a browser, Node; not FigJam's main thread).
 */
export function formatPngDataUrl(png: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let start = 0; start < png.length; start += 0x8000) binary += String.fromCharCode(...png.subarray(start, start + 0x8000));
  return `data:image/png;base64,${btoa(binary)}`;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The pixel size a PNG file's header (its IHDR chunk) gives; undefined when `data` is no PNG. */
export function readPngSize(data: Uint8Array): { width: number; height: number } | undefined {
  if (data.length < 24 || PNG_SIGNATURE.some((byte, index) => data[index] !== byte)) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const size = { width: view.getUint32(16), height: view.getUint32(20) };
  return size.width > 0 && size.height > 0 ? size : undefined;
}
