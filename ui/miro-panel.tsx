import { render } from 'preact';
import { PanelApp } from './panel-app';
import { connectMiroPanel } from './miro-map-service';
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
  render(<PanelApp controller={connectMiroPanel(miro.board, { hostLocale: navigator.language }).controller} />, root);
}
