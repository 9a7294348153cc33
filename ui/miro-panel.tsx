import { render } from 'preact';
import { PanelApp } from './panel-app';
import { createDeferredController } from './deferred-controller';
import { pickLocale, STRINGS } from './strings';

const root = document.getElementById('app');
if (root && typeof miro === 'undefined') {
  // Opened outside Miro (or Miro's SDK could not load): say where it works.
  const strings = STRINGS[pickLocale(navigator.language)];
  render(
    <main class="panel">
      <h1 class="panel__title">{strings.title}</h1>
      <p role="alert" class="panel__error">
        {strings.outsideMiro}
      </p>
    </main>,
    root,
  );
} else if (root) {
  const board = miro.board;
  const hostLocale = navigator.language;
  // The map service loads after the panel's first paint.
  const controller = createDeferredController(async () => (await import('./miro-map-service')).connectMiroPanel(board, { hostLocale }).controller, hostLocale);
  render(<PanelApp controller={controller} />, root);
}
