import type { Board, Frame, Image } from '@mirohq/websdk-types';
import type { MapTarget } from '../../app/board-port';
import { formatPngDataUrl, parseSlideMarker, planSlideDeck, readPngSize, type FoundSlide, type SlideDeckOptions, type SlideImage, type SlidesReport, type SlideStep } from '../../app/slide-deck';
import { runWithConcurrencyAsync } from './run-with-concurrency';

/** The metadata key of a slide frame and of its picture: the map and view they belong to. */
export const SLIDE_FIELD = 'cjmSlide';

/** How the adapter calls the board (see createMiroPort): once, or retried. */
export interface MiroCalls {
  callAsync: <T>(call: () => Promise<T>) => Promise<T>;
  retryAsync: <T>(call: () => Promise<T>) => Promise<T>;
  concurrency: number;
}

const isFrame = (item: { type: string } | undefined): item is Frame => item?.type === 'frame' && 'childrenIds' in item;

/**
 * Makes the map's deck of slides on a Miro board (see BoardPort.placeSlidesAsync).
 * Each slide is a frame of its own beside the map: Miro presents frames,
 * not parts of one (https://developers.miro.com/docs/websdk-reference-frame),
 * and the map's frame stays as it is. Only the frames the deck's record
 * lists are asked for (a busy board has thousands of frames, a call each);
 * each must still carry the deck's marker. A frame's x and y are its centre.
 */
export async function placeMiroSlidesAsync(board: Board, calls: MiroCalls, target: MapTarget, pictures: readonly SlideImage[], options: SlideDeckOptions): Promise<SlidesReport> {
  const { callAsync, retryAsync } = calls;
  // An image is as high as its width and the picture's proportions make it: the frame is made to match.
  const slides = pictures.map((slide) => {
    const size = readPngSize(slide.png);
    return size ? { ...slide, height: (slide.width * size.height) / size.width } : slide;
  });
  const getAsync = async (id: string) => retryAsync(() => board.getById(id)).catch(() => undefined);
  const getFrameAsync = async (id: string): Promise<Frame | undefined> => {
    const item = await getAsync(id);
    return isFrame(item) ? item : undefined;
  };
  const markerOf = async (item: { getMetadata(key: string): Promise<unknown> }) => parseSlideMarker(await retryAsync(() => item.getMetadata(SLIDE_FIELD)));

  const mapFrame = target.containerId === undefined ? undefined : await getFrameAsync(target.containerId);
  if (!mapFrame) throw new Error('the map frame is no longer on the board');
  // The frames the record lists, in one call (`get({ id })` answers those still on the board);
  // a marker that cannot be read stops the run: taking the frame for another's would draw its slide twice.
  const ids = options.known.filter((id) => id !== mapFrame.id);
  const frames = ids.length === 0 ? [] : (await retryAsync(() => board.get({ id: ids }))).filter(isFrame);
  const listed = await runWithConcurrencyAsync(
    frames.map((frame) => async () => ({ frame, marker: await markerOf(frame) })),
    calls.concurrency,
  );
  const failed = listed.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
  const found: FoundSlide[] = [];
  for (const result of listed) {
    const read = result.status === 'fulfilled' ? result.value : undefined;
    if (!read) continue;
    // Listed but never marked: a run stopped right after making it. Nobody's, unless a person has put something on it since.
    if (!read.marker && read.frame.childrenIds.length === 0) {
      await callAsync(() => board.remove(read.frame)).catch(() => undefined);
      continue;
    }
    if (read.marker?.mapId !== target.mapId || read.marker.picture) continue;
    const { frame, marker } = read;
    // Its pictures are the children that carry this slide's picture marker; anything else is a person's
    // (a picture copied from another slide or deck among them). The children in one call; only images are asked for a marker.
    const children = frame.childrenIds.length === 0 ? [] : await retryAsync(() => board.get({ id: frame.childrenIds }));
    const pictureIds: string[] = [];
    for (const item of children) {
      const picture = item.type === 'image' ? await markerOf(item) : undefined;
      if (picture?.picture && picture.mapId === target.mapId && picture.view === marker.view) pictureIds.push(item.id);
    }
    found.push({
      view: marker.view,
      containerId: frame.id,
      x: frame.x - frame.width / 2,
      y: frame.y - frame.height / 2,
      width: frame.width,
      height: frame.height,
      imageIds: pictureIds,
      foreign: children.some((item) => !pictureIds.includes(item.id)),
    });
  }
  const mapBox = { x: mapFrame.x - mapFrame.width / 2, y: mapFrame.y - mapFrame.height / 2, width: mapFrame.width, height: mapFrame.height };
  const report: SlidesReport = { made: 0, kept: 0, removed: 0, containerIds: [], asideIds: [] };
  const removedIds = new Set<string>();
  const shown: Frame[] = [];
  const marker = (slide: SlideImage, picture?: true) => ({ mapId: target.mapId, view: slide.view, ...(picture ? { picture } : {}) });

  const removeImagesAsync = async (ids: readonly string[]): Promise<void> => {
    for (const id of ids) {
      const image = await getAsync(id);
      if (image?.type === 'image') await callAsync(() => board.remove(image));
    }
  };
  /** The picture of `slide`, centred at x, y, made a child of `frame`: marked as the deck's before it joins the frame. */
  const addImageAsync = async (frame: Frame, slide: SlideImage, centre: { x: number; y: number }, behind: boolean): Promise<void> => {
    // The Web SDK creates an image from a data URL
    // (https://developers.miro.com/docs/upload-images-and-svgs-as-base64-encoded-strings):
    // the picture goes to the board and nowhere else. An image takes a width
    // or a height, and keeps the picture's proportions.
    const image: Image = await callAsync(() => board.createImage({ url: formatPngDataUrl(slide.png), x: centre.x, y: centre.y, width: slide.width, title: slide.title }));
    try {
      await retryAsync(() => image.setMetadata(SLIDE_FIELD, marker(slide, true)));
      await retryAsync(() => frame.add(image));
      // Under the notes people put on the slide, not over them.
      if (behind) await retryAsync(() => image.sendToBack());
    } catch (error) {
      // Not left loose on the board: nothing would find it again.
      await callAsync(() => board.remove(image)).catch(() => undefined);
      throw error;
    }
  };
  const steps: Record<SlideStep['op'], (step: never) => Promise<void>> = {
    remove: async ({ found: slide, replaced }: Extract<SlideStep, { op: 'remove' }>) => {
      // Read again first: a person may have put something on it meanwhile, and then it stays, picture and all.
      const before = await getFrameAsync(slide.containerId);
      if (!before || before.childrenIds.some((id) => !slide.imageIds.includes(id))) return;
      await removeImagesAsync(slide.imageIds);
      const frame = await getFrameAsync(slide.containerId);
      if (!frame || frame.childrenIds.length > 0) return;
      await callAsync(() => board.remove(frame));
      removedIds.add(slide.containerId);
      if (!replaced) report.removed += 1;
    },
    make: async ({ slide, x, y }: Extract<SlideStep, { op: 'make' }>) => {
      const centre = { x: x + slide.width / 2, y: y + slide.height / 2 };
      const frame = await callAsync(() => board.createFrame({ title: slide.title, ...centre, width: slide.width, height: slide.height, style: { fillColor: '#ffffff' } }));
      try {
        // Listed and marked at once, so a run stopped here leaves a frame the next run finds and replaces.
        await options.onMadeAsync(frame.id);
        await retryAsync(() => frame.setMetadata(SLIDE_FIELD, marker(slide)));
      } catch (error) {
        await callAsync(() => board.remove(frame)).catch(() => undefined);
        throw error;
      }
      await addImageAsync(frame, slide, centre, false);
      report.made += 1;
      report.containerIds.push(frame.id);
      shown.push(frame);
    },
    renew: async ({ slide, found: kept }: Extract<SlideStep, { op: 'renew' }>) => {
      const frame = await getFrameAsync(kept.containerId);
      if (!frame) return;
      await removeImagesAsync(kept.imageIds);
      const left = frame.x - frame.width / 2;
      const top = frame.y - frame.height / 2;
      // It only grows, around its top-left corner: its children keep their places.
      const width = Math.max(frame.width, slide.width);
      const height = Math.max(frame.height, slide.height);
      Object.assign(frame, { title: slide.title, width, height, x: left + width / 2, y: top + height / 2 });
      await retryAsync(() => frame.sync());
      await addImageAsync(frame, slide, { x: left + slide.width / 2, y: top + slide.height / 2 }, true);
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
    await options.beforeStepAsync?.();
    await steps[step.op](step as never);
    if (step.op === 'remove') continue;
    done += 1;
    options.onProgress?.({ done, total });
  }
  const deck = new Set(report.containerIds);
  report.asideIds = found.map((slide) => slide.containerId).filter((id) => !deck.has(id) && !removedIds.has(id));
  if (shown.length > 0) await callAsync(() => board.viewport.zoomTo(shown));
  return report;
}
