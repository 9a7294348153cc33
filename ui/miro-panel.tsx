import { render } from 'preact';
import { PanelApp } from './panel-app';
import { createDeferredController } from './deferred-controller';
import { pickLocale, STRINGS, type Locale } from './strings';

/** What the panel says opened outside Miro: only this page needs it, so it is not in the FigJam panel's strings. */
const OUTSIDE_MIRO: Record<Locale, { message: string; playground: string }> = {
  en: { message: 'This is the cjm-board panel for Miro. Open it from the cjm-board app on a Miro board: Miro’s Web SDK is not available here.', playground: 'Open the playground' },
  ru: { message: 'Это панель cjm-board для Miro. Откройте её из приложения cjm-board на доске Miro: здесь нет Web SDK Miro.', playground: 'Открыть песочницу' },
  uk: { message: 'Це панель cjm-board для Miro. Відкрийте її з застосунку cjm-board на дошці Miro: тут немає Web SDK Miro.', playground: 'Відкрити пісочницю' },
};

const root = document.getElementById('app');
if (root && typeof miro === 'undefined') {
  // Opened outside Miro (or Miro's SDK could not load): say where it works.
  const locale = pickLocale(navigator.language);
  const strings = STRINGS[locale];
  render(
    <main class="panel">
      <h1 class="panel__title">{strings.title}</h1>
      <p role="alert" class="panel__error">
        {OUTSIDE_MIRO[locale].message}
      </p>
      {/* The playground is served next to the Miro app (dist/playground/). */}
      <a class="button--link" href="../playground/">
        {OUTSIDE_MIRO[locale].playground}
      </a>
    </main>,
    root,
  );
} else if (root) {
  const board = miro.board;
  const hostLocale = navigator.language;
  // The map service loads after the panel's first paint. Miro keeps no undo
  // step for an app's writes: the panel offers to take an insert back.
  const controller = createDeferredController(async () => (await import('./miro-map-service')).connectMiroPanel(board, { hostLocale }).controller, hostLocale, { takeBack: true });
  render(<PanelApp controller={controller} />, root);
}
