import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardRules } from '../../src/simulator/simulated-board';
import { PanelApp } from '../panel-app';
import { applyPanelStyle } from './apply-panel-style';
import { BoardView } from './board-view';
import { createPlaygroundSession, type PlaygroundSession } from './create-playground-session';
import { describeBoard, type PlaygroundState } from './describe-board';

/** What the page tells the playground. */
export interface PlaygroundAppProps {
  initialRules: BoardRules;
  /** Where manifest.json of the FigJam plugin is, on the machine that built the playground. */
  manifestPath: string;
  /** The page's language, which the panel starts in (it falls back to English). */
  locale: string;
}

const HOST_NAMES: Record<BoardRules, string> = { miro: 'Miro', figjam: 'FigJam' };
const PANEL_NAMES: Record<BoardRules, string> = { miro: 'Miro app panel', figjam: 'FigJam plugin window' };

/**
 * The playground: the real cjm-board panel in a panel-wide column beside a
 * simulated board following Miro's or FigJam's rules. Switching rules starts
 * an empty board of the other kind, after confirmation when the board holds
 * items. Publishes `window.__playground` (see PlaygroundState).
 */
export function PlaygroundApp({ initialRules, manifestPath, locale }: PlaygroundAppProps) {
  const [session, setSession] = useState<PlaygroundSession>(() => createPlaygroundSession(initialRules, locale));
  const [pendingRules, setPendingRules] = useState<BoardRules | undefined>(undefined);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const sessionRef = useRef(session);
  sessionRef.current = session;

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

  function startSession(rules: BoardRules) {
    setPendingRules(undefined);
    applyPanelStyle(rules);
    setSession(createPlaygroundSession(rules, locale));
    const url = new URL(window.location.href);
    url.searchParams.set('rules', rules);
    window.history.replaceState(null, '', url);
  }

  function handleRulesChange(rules: BoardRules) {
    if (rules === session.board.rules) return;
    if (session.board.listItems().length > 0) setPendingRules(rules);
    else startSession(rules);
  }

  const rules = session.board.rules;
  const itemCount = pendingRules ? session.board.listItems().filter((item) => item.kind !== 'line').length : 0;
  return (
    <div class="playground">
      <header class="playground__header">
        <h1 class="playground__title">cjm-board playground</h1>
        <p class="playground__about">
          The real cjm-board panel beside a simulated board that follows {HOST_NAMES[rules]}’s rules: insert a map, edit the board as you would there, then Regenerate. On a real board: Miro app URL{' '}
          <code>{`${window.location.origin}/miro/index.html`}</code> · FigJam manifest <code>{manifestPath}</code>
        </p>
      </header>
      <div class="playground__body">
        <div class="playground__panel" style={{ '--pg-panel-width': `${session.panelWidth}px` }}>
          <p class="playground__chrome" aria-hidden="true">
            {PANEL_NAMES[rules]}
          </p>
          <PanelApp key={session.id} controller={session.controller} initialLocale={locale} />
        </div>
        <BoardView key={session.id} board={session.board} onRulesChange={handleRulesChange} />
      </div>
      <dialog ref={dialogRef} class="playground__dialog" aria-labelledby="switch-title" aria-describedby="switch-text" onCancel={() => setPendingRules(undefined)}>
        <h2 id="switch-title">Start an empty {pendingRules ? HOST_NAMES[pendingRules] : ''} board?</h2>
        <p id="switch-text">
          The {itemCount} {itemCount === 1 ? 'item' : 'items'} on this {HOST_NAMES[rules]} board will be discarded. Boards of the two hosts cannot be converted.
        </p>
        <div class="playground__dialog-buttons">
          <button type="button" class="board__button" onClick={() => setPendingRules(undefined)}>
            Cancel
          </button>
          <button type="button" class="board__button board__button--primary" onClick={() => pendingRules && startSession(pendingRules)}>
            Switch to {pendingRules ? HOST_NAMES[pendingRules] : ''} rules
          </button>
        </div>
      </dialog>
    </div>
  );
}
