import type { MapTarget } from '../../app/board-port';
import type { ApplyProgress } from '../../sync/host-port';
import { parseSlideMarker, planSlideDeck, type FoundSlide, type SlideImage, type SlidesReport, type SlideStep } from '../../app/slide-deck';

/** The plugin data key of a slide section: the map and view it shows, and its picture's id (JSON). */
export const SLIDE_FIELD = 'cjmSlide';

function readMarker(section: SectionNode): ReturnType<typeof parseSlideMarker> {
  try {
    return parseSlideMarker(JSON.parse(section.getPluginData(SLIDE_FIELD)));
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
 * The map's section is not touched. All of it is one undo step.
 */
export async function placeFigjamSlidesAsync(api: PluginAPI, target: MapTarget, slides: readonly SlideImage[], onProgress?: (progress: ApplyProgress) => void): Promise<SlidesReport> {
  const map = target.containerId === undefined ? null : await api.getNodeByIdAsync(target.containerId);
  if (map?.type !== 'SECTION') throw new Error('the map section is no longer on the page');
  const box = map.absoluteBoundingBox ?? { x: map.x, y: map.y, width: map.width, height: map.height };
  const sections = api.currentPage.findAllWithCriteria({ types: ['SECTION'], pluginData: { keys: [SLIDE_FIELD] } });
  const found: FoundSlide[] = [];
  const byId = new Map<string, SectionNode>();
  for (const section of sections) {
    const marker = readMarker(section);
    if (marker?.mapId !== target.mapId || section.id === map.id) continue;
    const at = section.absoluteBoundingBox ?? { x: section.x, y: section.y };
    byId.set(section.id, section);
    found.push({
      view: marker.view,
      containerId: section.id,
      x: at.x,
      y: at.y,
      width: section.width,
      height: section.height,
      ...(marker.imageId ? { imageId: marker.imageId } : {}),
      foreign: section.children.some((child) => child.id !== marker.imageId),
    });
  }
  const report: SlidesReport = { made: 0, kept: 0, removed: 0, containerIds: [] };
  const shown: SectionNode[] = [];
  const mark = (section: SectionNode, slide: SlideImage, imageId?: string): void =>
    section.setPluginData(SLIDE_FIELD, JSON.stringify({ mapId: target.mapId, view: slide.view, ...(imageId ? { imageId } : {}) }));
  const addPicture = (section: SectionNode, slide: SlideImage): void => {
    const image = api.createImage(slide.png);
    const picture = api.createRectangle();
    picture.name = slide.title;
    picture.resize(slide.width, slide.height);
    picture.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }];
    // Behind whatever people put on the slide.
    section.insertChild(0, picture);
    picture.x = 0;
    picture.y = 0;
    // Locked: dragging a note over the slide never moves the picture.
    picture.locked = true;
    mark(section, slide, picture.id);
  };
  const removePicture = (section: SectionNode, imageId: string | undefined): void => {
    const picture = section.children.find((child) => child.id === imageId);
    picture?.remove();
  };
  const steps: Record<SlideStep['op'], (step: never) => void> = {
    remove: ({ found: slide, replaced }: Extract<SlideStep, { op: 'remove' }>) => {
      const section = byId.get(slide.containerId);
      if (!section || section.removed) return;
      removePicture(section, slide.imageId);
      if (section.children.length > 0) return;
      section.remove();
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
      removePicture(section, kept.imageId);
      section.name = slide.title;
      // It only grows, from its top-left corner: what people put on it stays where it is.
      section.resizeWithoutConstraints(Math.max(section.width, slide.width), Math.max(section.height, slide.height));
      addPicture(section, slide);
      report.kept += 1;
      report.containerIds.push(section.id);
      shown.push(section);
    },
  };
  const planned = planSlideDeck(found, slides, box);
  const total = planned.filter((step) => step.op !== 'remove').length;
  let done = 0;
  for (const step of planned) {
    steps[step.op](step as never);
    if (step.op === 'remove') continue;
    done += 1;
    onProgress?.({ done, total });
  }
  if (shown.length > 0) api.viewport.scrollAndZoomIntoView(shown);
  api.commitUndo();
  return report;
}
