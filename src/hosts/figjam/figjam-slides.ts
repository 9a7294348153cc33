import type { MapTarget } from '../../app/board-port';
import { parseSlideMarker, planSlideDeck, type FoundSlide, type SlideDeckOptions, type SlideImage, type SlidesReport, type SlideStep } from '../../app/slide-deck';

/** The plugin data key of a slide section and of its picture: the map and view they belong to (JSON). */
export const SLIDE_FIELD = 'cjmSlide';

function readMarker(node: BaseNode): ReturnType<typeof parseSlideMarker> {
  try {
    return parseSlideMarker(JSON.parse(node.getPluginData(SLIDE_FIELD)));
  } catch {
    return undefined;
  }
}

/**
 * Makes the map's deck of slides on a FigJam page (see BoardPort.placeSlidesAsync):
 * a section per view on the page, named in reading order, beside the map's
 * section; each holds its picture, a locked rectangle with an image fill
 * (https://developers.figma.com/docs/plugins/api/Image: a picture on the
 * canvas is a shape with an image fill; images of at most 4096 pixels a side).
 * The page is searched for the deck's sections (one call; the deck's
 * record in `options.known` is not needed), and the map's section is not
 * touched. Nothing is awaited between reading the page and the last write,
 * so no one else's edit comes in between (and the lease needs no renewing:
 * `options.beforeStepAsync` is not called). A section is marked as the
 * deck's as it is made: a run that fails half-way leaves only slides the
 * next run finds. All of it is one undo step.
 */
export async function placeFigjamSlidesAsync(api: PluginAPI, target: MapTarget, slides: readonly SlideImage[], options: SlideDeckOptions): Promise<SlidesReport> {
  const map = target.containerId === undefined ? null : await api.getNodeByIdAsync(target.containerId);
  if (map?.type !== 'SECTION') throw new Error('the map section is no longer on the page');
  const box = map.absoluteBoundingBox ?? { x: map.x, y: map.y, width: map.width, height: map.height };
  const sections = api.currentPage.findAllWithCriteria({ types: ['SECTION'], pluginData: { keys: [SLIDE_FIELD] } });
  const found: FoundSlide[] = [];
  const byId = new Map<string, SectionNode>();
  for (const section of sections) {
    const marker = readMarker(section);
    if (marker?.mapId !== target.mapId || marker.picture || section.id === map.id) continue;
    const at = section.absoluteBoundingBox ?? { x: section.x, y: section.y };
    // Its pictures carry this slide's picture marker; anything else is a person's (a picture pasted from another slide or deck among them).
    const pictures = section.children.filter((child) => {
      const picture = readMarker(child);
      return picture?.picture === true && picture.mapId === target.mapId && picture.view === marker.view;
    });
    byId.set(section.id, section);
    found.push({
      view: marker.view,
      containerId: section.id,
      x: at.x,
      y: at.y,
      width: section.width,
      height: section.height,
      imageIds: pictures.map((child) => child.id),
      foreign: section.children.length > pictures.length,
    });
  }
  const report: SlidesReport = { made: 0, kept: 0, removed: 0, containerIds: [], asideIds: [] };
  const removedIds = new Set<string>();
  const shown: SectionNode[] = [];
  const mark = (node: BaseNode, slide: SlideImage, picture?: true): void => node.setPluginData(SLIDE_FIELD, JSON.stringify({ mapId: target.mapId, view: slide.view, ...(picture ? { picture } : {}) }));
  const addPicture = (section: SectionNode, slide: SlideImage): void => {
    const image = api.createImage(slide.png);
    const picture = api.createRectangle();
    try {
      mark(picture, slide, true);
      picture.name = slide.title;
      picture.resize(slide.width, slide.height);
      picture.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }];
      // Behind whatever people put on the slide.
      section.insertChild(0, picture);
      picture.x = 0;
      picture.y = 0;
      // Locked: dragging a note over the slide never moves the picture.
      picture.locked = true;
    } catch (error) {
      picture.remove();
      throw error;
    }
  };
  const removePictures = (section: SectionNode, ids: readonly string[]): void => {
    for (const child of section.children.filter((node) => ids.includes(node.id))) child.remove();
  };
  const steps: Record<SlideStep['op'], (step: never) => void> = {
    remove: ({ found: slide, replaced }: Extract<SlideStep, { op: 'remove' }>) => {
      const section = byId.get(slide.containerId);
      if (!section || section.removed) return;
      removePictures(section, slide.imageIds);
      if (section.children.length > 0) return;
      section.remove();
      removedIds.add(section.id);
      if (!replaced) report.removed += 1;
    },
    make: ({ slide, x, y }: Extract<SlideStep, { op: 'make' }>) => {
      const section = api.createSection();
      mark(section, slide);
      section.name = slide.title;
      section.x = x;
      section.y = y;
      section.resizeWithoutConstraints(slide.width, slide.height);
      section.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }];
      addPicture(section, slide);
      report.made += 1;
      report.containerIds.push(section.id);
      shown.push(section);
    },
    renew: ({ slide, found: kept }: Extract<SlideStep, { op: 'renew' }>) => {
      const section = byId.get(kept.containerId);
      if (!section || section.removed) return;
      removePictures(section, kept.imageIds);
      section.name = slide.title;
      // It only grows, from its top-left corner: what people put on it stays where it is.
      section.resizeWithoutConstraints(Math.max(section.width, slide.width), Math.max(section.height, slide.height));
      addPicture(section, slide);
      report.kept += 1;
      report.containerIds.push(section.id);
      shown.push(section);
    },
  };
  try {
    const planned = planSlideDeck(found, slides, box);
    const total = planned.filter((step) => step.op !== 'remove').length;
    let done = 0;
    for (const step of planned) {
      steps[step.op](step as never);
      if (step.op === 'remove') continue;
      done += 1;
      options.onProgress?.({ done, total });
    }
  } finally {
    api.commitUndo();
  }
  const deck = new Set(report.containerIds);
  report.asideIds = found.map((slide) => slide.containerId).filter((id) => !deck.has(id) && !removedIds.has(id));
  if (shown.length > 0) api.viewport.scrollAndZoomIntoView(shown);
  return report;
}
