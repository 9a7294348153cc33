import { useEffect, useRef, useState } from 'preact/hooks';
import type { PresentedView, PresentationView } from '../src/layout/presentation-views';
import type { Strings } from './strings';

/** The name of a view, in the panel's language. */
export function describeView(view: PresentationView, strings: Strings): string {
  if (view.kind === 'stage') return strings.viewStage(view.name);
  if (view.kind === 'persona') return strings.viewPersona(view.name);
  if (view.kind === 'matrix') return strings.viewMatrix;
  return strings.viewMap;
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
  onEnd,
  onError,
}: {
  strings: Strings;
  views: readonly PresentedView[];
  showAsync: (keys: readonly string[]) => Promise<void>;
  onEnd: () => void;
  onError: (error: unknown) => void;
}) {
  const [index, setIndex] = useState(0);
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
    </section>
  );
}
