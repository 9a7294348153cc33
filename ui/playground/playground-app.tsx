import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardRules } from '../../src/simulator/simulated-board';
import { PanelApp } from '../panel-app';
import { pickLocale, type Locale } from '../strings';
import { applyPanelStyle } from './apply-panel-style';
import { BoardView } from './board-view';
import { createPlaygroundSession, type PlaygroundSession } from './create-playground-session';
import { describeBoard, type PlaygroundState } from './describe-board';
import { HOST_NAMES, PLAYGROUND_STRINGS } from './playground-strings';
import { usePanelLocale } from './use-panel-locale';

/** What the page tells the playground. */
export interface PlaygroundAppProps {
  initialRules: BoardRules;
  /** Where manifest.json of the FigJam plugin is, on the machine that built the playground. */
  manifestPath: string;
  /** The page's language, which the panel starts in (it falls back to English). */
  locale: string;
}

/**
 * The playground: the real cjm-board panel in a panel-wide column beside a
 * simulated board following Miro's or FigJam's rules. Switching rules starts
 * an empty board of the other kind, after confirmation when the board holds
 * items; the new panel speaks the language the person chose in the old one.
 * The playground's own controls follow the panel's language. Publishes
 * `window.__playground` (see PlaygroundState).
 */
export function PlaygroundApp({ initialRules, manifestPath, locale: pageLocale }: PlaygroundAppProps) {
  const [session, setSession] = useState<PlaygroundSession>(() => createPlaygroundSession(initialRules, pageLocale));
  const [pendingRules, setPendingRules] = useState<BoardRules | undefined>(undefined);
  // The panel on the session's board; reopening it mounts a new panel (and, Miro, a new map service).
  const [panel, setPanel] = useState<{ session: number; opened: number; controller: PlaygroundSession['controller'] }>(() => ({ session: session.id, opened: 0, controller: session.controller }));
  const current = panel.session === session.id ? panel : { session: session.id, opened: 0, controller: session.controller };
  const dialogRef = useRef<HTMLDialogElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const locale = usePanelLocale(panelRef, pickLocale(pageLocale));
  const strings = PLAYGROUND_STRINGS[locale];
  useEffect(() => () => session.dispose(), [session]);

  useEffect(() => {
    const state: PlaygroundState = {
      get rules() {
        return sessionRef.current.board.rules;
      },
      describeBoard: () => describeBoard(sessionRef.current.board),
    };
    (window as unknown as { __playground?: PlaygroundState }).__playground = state;
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (pendingRules && !dialog.open) dialog.showModal();
    if (!pendingRules && dialog.open) dialog.close();
  }, [pendingRules]);

  function startSession(rules: BoardRules, panelLocale: Locale) {
    setPendingRules(undefined);
    applyPanelStyle(rules);
    setSession(createPlaygroundSession(rules, panelLocale));
    const url = new URL(window.location.href);
    url.searchParams.set('rules', rules);
    window.history.replaceState(null, '', url);
  }

  function handleReopenClick() {
    setPanel({ session: session.id, opened: current.opened + 1, controller: session.reopenPanel() });
  }

  function handleRulesChange(rules: BoardRules) {
    if (rules === session.board.rules) return;
    if (session.board.listItems().length > 0) setPendingRules(rules);
    else startSession(rules, locale);
  }

  const rules = session.board.rules;
  const itemCount = pendingRules ? session.board.listItems().length : 0;
  return (
    <div class="playground" lang={locale}>
      <header class="playground__header">
        <h1 class="playground__title">{strings.title}</h1>
        <p class="playground__about">
          {strings.about(HOST_NAMES[rules])} <code>{`${window.location.origin}/miro/index.html`}</code> · {strings.manifest} <code>{manifestPath}</code>
        </p>
      </header>
      <div class="playground__body">
        <div ref={panelRef} class="playground__panel" style={{ '--pg-panel-width': `${session.panelWidth}px` }}>
          <div class="playground__chrome">
            <span aria-hidden="true">{strings.panelNames[rules]}</span>
            <button type="button" class="playground__reopen" onClick={handleReopenClick} title={strings.reopenHint} aria-label={strings.reopen}>
              ↻ {strings.reopenShort}
            </button>
          </div>
          <PanelApp key={`${session.id}-${current.opened}`} controller={current.controller} initialLocale={locale} />
        </div>
        <BoardView key={session.id} board={session.board} onRulesChange={handleRulesChange} locale={locale} />
      </div>
      <dialog ref={dialogRef} class="playground__dialog" aria-labelledby="switch-title" aria-describedby="switch-text" onCancel={() => setPendingRules(undefined)}>
        <h2 id="switch-title">{strings.switchTitle(pendingRules ? HOST_NAMES[pendingRules] : '')}</h2>
        <p id="switch-text">{strings.switchText(itemCount, HOST_NAMES[rules])}</p>
        <div class="playground__dialog-buttons">
          <button type="button" class="board__button" onClick={() => setPendingRules(undefined)}>
            {strings.cancel}
          </button>
          <button type="button" class="board__button board__button--primary" onClick={() => pendingRules && startSession(pendingRules, locale)}>
            {strings.switchTo(pendingRules ? HOST_NAMES[pendingRules] : '')}
          </button>
        </div>
      </dialog>
    </div>
  );
}
