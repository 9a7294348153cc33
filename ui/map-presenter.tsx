import { useEffect, useRef, useState } from 'preact/hooks';
import type { PresentedView, PresentationView } from '../src/layout/presentation-views';
import type { SlidesReport } from '../src/app/slide-deck';
import type { ApplyProgress } from '../src/sync/host-port';
import type { Strings } from './strings';
import type { PanelController } from '../src/app/map-channel';
import type { Journey } from '../src/model/journey';
import type { SlidePicture } from '../src/render/render-slides';
import { convertSvgToPngAsync, download, nameFile, rasterizeSvgAsync, sizeSlidePng } from './picture-files';

/** The name of a view, in the panel's language. */
export function describeView(view: PresentationView, strings: Strings): string {
  if (view.kind === 'stage') return strings.viewStage(view.name);
  if (view.kind === 'persona') return strings.viewPersona(view.name);
  if (view.kind === 'matrix') return strings.viewMatrix;
  return strings.viewMap;
}

/**
 * Puts the deck of slides of map `mapId` on the board: the map service
 * draws each view's picture, the panel's browser turns it into a PNG, one
 * at a time (a deck of a large map takes some megabytes), and the host puts
 * each in a frame or section of its own.
 */
export async function makeSlidesAsync(controller: PanelController, mapId: string, journey: Journey, onProgress: (progress: ApplyProgress) => void): Promise<SlidesReport> {
  // The map as it is now (others may have edited or regenerated it since Present began), while it is still the one chosen.
  const current = await controller.loadMapJourneyAsync().catch(() => undefined);
  const pictures = await controller.renderSlidesAsync(current?.mapId === mapId ? current.journey : journey);
  const slides = [];
  for (const picture of pictures) {
    slides.push({ view: picture.view, title: picture.title, width: picture.width, height: picture.height, png: await rasterizeSvgAsync(picture.svg, picture.width, picture.height) });
  }
  return controller.placeSlidesAsync(mapId, slides, onProgress);
}

/** The pictures of `journey`'s views, drawn by the map service on first use and kept for the views saved after. */
export function createViewPictures(controller: PanelController, journey: Journey): () => Promise<SlidePicture[]> {
  let pictures: Promise<SlidePicture[]> | undefined;
  return () => {
    pictures ??= controller.renderSlidesAsync(journey);
    // A failed drawing is asked again next time.
    pictures.catch(() => (pictures = undefined));
    return pictures;
  };
}

/** Saves the picture of view `index` (as its slide shows it) as an SVG or PNG file. */
export async function saveViewAsync(picturesAsync: () => Promise<SlidePicture[]>, index: number, format: 'svg' | 'png'): Promise<void> {
  const picture = (await picturesAsync())[index];
  if (!picture) return;
  const blob =
    format === 'svg'
      ? new Blob([picture.svg], { type: 'image/svg+xml;charset=utf-8' })
      : await convertSvgToPngAsync(picture.svg, sizeSlidePng(picture.width, picture.height));
  download(nameFile(picture.title, format), blob);
}

/**
 * Presents a map view by view (see listPresentationViews): Previous and
 * Next, or the arrow keys, bring each view into view on the board; End (or
 * Escape) stops. The board only moves and selects: nothing on it changes.
 */
export function MapPresenter({
  strings,
  views,
  showAsync,
  makeSlidesAsync,
  saveViewAsync,
  onEnd,
  onError,
}: {
  strings: Strings;
  views: readonly PresentedView[];
  showAsync: (keys: readonly string[]) => Promise<void>;
  /** Puts a slide per view on the board, beside the map (see BoardPort.placeSlidesAsync). */
  makeSlidesAsync: (onProgress: (progress: ApplyProgress) => void) => Promise<SlidesReport>;
  /** Saves the picture of view `index` as a file. */
  saveViewAsync: (index: number, format: 'svg' | 'png') => Promise<void>;
  onEnd: () => void;
  onError: (error: unknown) => void;
}) {
  const [index, setIndex] = useState(0);
  /** The slides being made (how far), or what making them did. */
  const [slides, setSlides] = useState<{ progress: ApplyProgress } | { report: SlidesReport } | undefined>();
  const handleSlidesClick = () => {
    setSlides({ progress: { done: 0, total: views.length } });
    makeSlidesAsync((progress) => setSlides({ progress }))
      .then((report) => setSlides({ report }))
      .catch((error: unknown) => {
        setSlides(undefined);
        onError(error);
      });
  };
  const next = useRef<HTMLButtonElement>(null);
  const previous = useRef<HTMLButtonElement>(null);
  const view = views[index];
  useEffect(() => {
    if (view) showAsync(view.keys).catch(onError);
    // Only a new view moves the board (the callbacks may change with every render).
  }, [index]);
  // The keys keep working at either end: focus leaves a button as it is disabled.
  useEffect(() => {
    if (index === views.length - 1) previous.current?.focus();
    else if (index === 0 || document.activeElement === document.body) next.current?.focus();
  }, [index, views.length]);
  if (!view) return null;
  const go = (step: number) => setIndex((current) => Math.min(views.length - 1, Math.max(0, current + step)));
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight' || event.key === 'PageDown') go(1);
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp') go(-1);
    else if (event.key === 'Escape') onEnd();
    else return;
    event.preventDefault();
  };
  return (
    <section class="panel__presenter" aria-label={strings.presenterLabel} onKeyDown={handleKeyDown}>
      <p class="panel__presenter-view" aria-live="polite">
        {strings.presentView(index + 1, views.length, describeView(view.view, strings))}
      </p>
      <div class="panel__actions panel__actions--row">
        <button type="button" class="button" ref={previous} onClick={() => go(-1)} disabled={index === 0}>
          {strings.previousView}
        </button>
        <button type="button" class="button button--primary" ref={next} onClick={() => go(1)} disabled={index === views.length - 1}>
          {strings.nextView}
        </button>
        <button type="button" class="button" onClick={onEnd}>
          {strings.endPresenting}
        </button>
      </div>
      <p class="panel__hint">{strings.presentHint}</p>
      <div class="panel__actions panel__actions--row" role="group" aria-label={strings.saveViewLabel}>
        <span class="panel__hint">{strings.saveViewLabel}</span>
        {(['svg', 'png'] as const).map((format) => (
          <button key={format} type="button" class="button button--small" onClick={() => void saveViewAsync(index, format).catch(onError)}>
            {format.toUpperCase()}
          </button>
        ))}
      </div>
      <div class="panel__actions">
        <button type="button" class="button" onClick={handleSlidesClick} disabled={slides !== undefined && 'progress' in slides}>
          {strings.slidesButton}
        </button>
      </div>
      <p class="panel__hint" aria-live="polite">
        {slides === undefined ? strings.slidesHint : 'progress' in slides ? strings.slidesProgress(slides.progress.done, slides.progress.total) : strings.slidesMade(slides.report.made + slides.report.kept, slides.report.kept)}
      </p>
    </section>
  );
}
