import type { Board, Frame, Image } from '@mirohq/websdk-types';
import type { MapTarget } from '../../app/board-port';
import type { ApplyProgress } from '../../sync/host-port';
import { formatPngDataUrl, parseSlideMarker, planSlideDeck, readPngSize, type FoundSlide, type SlideImage, type SlidesReport, type SlideStep } from '../../app/slide-deck';
import { runWithConcurrencyAsync } from './run-with-concurrency';

/** The metadata key of a slide frame: the map and view it shows, and its picture's id. */
export const SLIDE_FIELD = 'cjmSlide';

/** How the adapter calls the board (see createMiroPort): once, or retried. */
export interface MiroCalls {
  callAsync: <T>(call: () => Promise<T>) => Promise<T>;
  retryAsync: <T>(call: () => Promise<T>) => Promise<T>;
  concurrency: number;
}

/**
 * Makes the map's deck of slides on a Miro board (see BoardPort.placeSlidesAsync).
 * Each slide is a frame of its own beside the map: Miro presents frames,
 * not parts of one (https://developers.miro.com/docs/websdk-reference-frame),
 * and the map's frame stays as it is. A frame's x and y are its centre.
 */
export async function placeMiroSlidesAsync(board: Board, calls: MiroCalls, target: MapTarget, pictures: readonly SlideImage[], onProgress?: (progress: ApplyProgress) => void): Promise<SlidesReport> {
  const { callAsync, retryAsync } = calls;
  // An image is as high as its width and the picture's proportions make it: the frame is made to match.
  const slides = pictures.map((slide) => {
    const size = readPngSize(slide.png);
    return size ? { ...slide, height: (slide.width * size.height) / size.width } : slide;
  });
  const mapFrame = target.containerId === undefined ? undefined : await retryAsync(() => board.getById(target.containerId ?? '')).catch(() => undefined);
  if (mapFrame?.type !== 'frame') throw new Error('the map frame is no longer on the board');
  const frames = (await retryAsync(() => board.get({ type: 'frame' }))).filter((frame) => frame.id !== mapFrame.id);
  const markers = await runWithConcurrencyAsync(
    frames.map((frame) => () => retryAsync(() => frame.getMetadata(SLIDE_FIELD))),
    calls.concurrency,
  );
  const found: FoundSlide[] = [];
  frames.forEach((frame, index) => {
    const result = markers[index];
    const marker = result?.status === 'fulfilled' ? parseSlideMarker(result.value) : undefined;
    if (marker?.mapId !== target.mapId) return;
    found.push({
      view: marker.view,
      containerId: frame.id,
      x: frame.x - frame.width / 2,
      y: frame.y - frame.height / 2,
      width: frame.width,
      height: frame.height,
      ...(marker.imageId ? { imageId: marker.imageId } : {}),
      foreign: frame.childrenIds.some((id) => id !== marker.imageId),
    });
  });
  const mapBox = { x: mapFrame.x - mapFrame.width / 2, y: mapFrame.y - mapFrame.height / 2, width: mapFrame.width, height: mapFrame.height };
  const report: SlidesReport = { made: 0, kept: 0, removed: 0, containerIds: [] };
  const shown: Frame[] = [];

  const getAsync = async (id: string) => retryAsync(() => board.getById(id)).catch(() => undefined);
  const getFrameAsync = async (id: string): Promise<Frame | undefined> => {
    const item = await getAsync(id);
    return item?.type === 'frame' && 'childrenIds' in item ? item : undefined;
  };
  const removeImageAsync = async (imageId: string | undefined): Promise<void> => {
    const image = imageId ? await getAsync(imageId) : undefined;
    if (image?.type === 'image') await callAsync(() => board.remove(image));
  };
  /** The picture of `slide`, centred at x, y, made a child of `frame`; the frame's marker then names it. */
  const addImageAsync = async (frame: Frame, slide: SlideImage, centre: { x: number; y: number }, options: { behind?: boolean } = {}): Promise<void> => {
    // An image takes a width or a height, and keeps the picture's proportions.
    // The Web SDK creates an image from a data URL
    // (https://developers.miro.com/docs/upload-images-and-svgs-as-base64-encoded-strings):
    // the picture goes to the board and nowhere else.
    const image: Image = await callAsync(() => board.createImage({ url: formatPngDataUrl(slide.png), x: centre.x, y: centre.y, width: slide.width, title: slide.title }));
    await retryAsync(() => frame.add(image));
    // Under the notes people put on the slide, not over them.
    if (options.behind) await retryAsync(() => image.sendToBack());
    await retryAsync(() => frame.setMetadata(SLIDE_FIELD, { mapId: target.mapId, view: slide.view, imageId: image.id }));
  };
  const steps: Record<SlideStep['op'], (step: never) => Promise<void>> = {
    remove: async ({ found: slide, replaced }: Extract<SlideStep, { op: 'remove' }>) => {
      await removeImageAsync(slide.imageId);
      // Read again: a person may have put something on it meanwhile, and then it stays.
      const frame = await getFrameAsync(slide.containerId);
      if (!frame || frame.childrenIds.length > 0) return;
      await callAsync(() => board.remove(frame));
      if (!replaced) report.removed += 1;
    },
    make: async ({ slide, x, y }: Extract<SlideStep, { op: 'make' }>) => {
      const centre = { x: x + slide.width / 2, y: y + slide.height / 2 };
      const frame = await callAsync(() => board.createFrame({ title: slide.title, ...centre, width: slide.width, height: slide.height, style: { fillColor: '#ffffff' } }));
      // Marked at once, so a run stopped here leaves a frame the next run finds and replaces.
      await retryAsync(() => frame.setMetadata(SLIDE_FIELD, { mapId: target.mapId, view: slide.view }));
      await addImageAsync(frame, slide, centre);
      report.made += 1;
      report.containerIds.push(frame.id);
      shown.push(frame);
    },
    renew: async ({ slide, found: kept }: Extract<SlideStep, { op: 'renew' }>) => {
      const frame = await getFrameAsync(kept.containerId);
      if (!frame) return;
      await removeImageAsync(kept.imageId);
      const left = frame.x - frame.width / 2;
      const top = frame.y - frame.height / 2;
      // It only grows, around its top-left corner: its children keep their places.
      const width = Math.max(frame.width, slide.width);
      const height = Math.max(frame.height, slide.height);
      Object.assign(frame, { title: slide.title, width, height, x: left + width / 2, y: top + height / 2 });
      await retryAsync(() => frame.sync());
      await addImageAsync(frame, slide, { x: left + slide.width / 2, y: top + slide.height / 2 }, { behind: true });
      report.kept += 1;
      report.containerIds.push(frame.id);
      shown.push(frame);
    },
  };
  // One after another: Miro presents frames in the order they were made.
  const planned = planSlideDeck(found, slides, mapBox);
  const total = planned.filter((step) => step.op !== 'remove').length;
  let done = 0;
  for (const step of planned) {
    await steps[step.op](step as never);
    if (step.op === 'remove') continue;
    done += 1;
    onProgress?.({ done, total });
  }
  if (shown.length > 0) await callAsync(() => board.viewport.zoomTo(shown));
  return report;
}
