import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { RegenerateOutcome } from '../src/sync/regenerate-map';
import type { ApplyProgress, ApplyReport } from '../src/sync/host-port';
import type { Journey, PersonaId } from '../src/model/journey';
import { findKeysOfPersona } from '../src/layout/scene-keys';
import { listPresentationViews, type PresentedView } from '../src/layout/presentation-views';
import { createViewPictures, MapPresenter, makeSlidesAsync, saveViewAsync } from './map-presenter';
import type { SlidePicture } from '../src/render/render-slides';
import { GENERATOR } from '../src/model/app-version';
import type { JourneyDraft } from '../src/model/journey-draft';
import type { JourneyFiles as JourneyFilesComponent } from './journey-files';
import type { PanelController } from '../src/app/map-channel';
import { describeErrorIn, describeMapChoiceIn } from './error-strings';
import { LOCALES, pickLocale, STRINGS, type Locale } from './strings';
import type * as Workspace from './journey-workspace';

type Action = 'insert' | 'regenerate' | 'edit' | 'take-back';

/** Buttons a message can send the person back to, by their label in the strings. */
type RetryButton = 'insert' | 'finish' | 'regenerate' | 'editSelected';

/** A line above the editor, worded when shown so that it follows the panel's language. */
type Notice = { kind: 'map-opened'; title: string } | { kind: 'draft-restored' };

/** What the panel shows: its first screen (actions and templates) or the journey editor. */
type Screen = { kind: 'home' } | { kind: 'editor'; editor: Workspace.EditorState; notice?: Notice };

// Typing is saved this long after the last keystroke: often enough that closing the panel loses nothing.
const DRAFT_SAVE_DELAY_MS = 400;

type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; action: Action; progress?: ApplyProgress }
  | { phase: 'done'; action: Action; report: ApplyReport; outcome?: RegenerateOutcome; kept?: { changed: number; foreign: number } }
  /** `error` is worded when shown, in the panel's language, naming `retry` as the next step. */
  | { phase: 'error'; action: Action; error: unknown; retry?: RetryButton };

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', uk: 'Українська' };

/** The cjm-board panel: insert the journey map template, or regenerate a map after board edits. */
export function PanelApp({ controller, initialLocale }: { controller: PanelController; initialLocale?: string }) {
  const [locale, setLocale] = useState<Locale>(pickLocale(initialLocale ?? controller.hostLocale));
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const strings = STRINGS[locale];

  async function runAsync(
    action: Action,
    draw: (onProgress: (progress: ApplyProgress) => void) => Promise<{ report: ApplyReport; outcome?: RegenerateOutcome; kept?: { changed: number; foreign: number } }>,
    retry?: RetryButton,
  ): Promise<ApplyReport | undefined> {
    touched.current = true;
    setState({ phase: 'running', action });
    try {
      const result = await draw((progress) => setState({ phase: 'running', action, progress }));
      // A map taken back whole is no longer the panel's to offer actions for.
      knownMapId.current = result.kept && result.kept.changed + result.kept.foreign === 0 && result.report.failed.length === 0 ? undefined : result.report.mapId;
      setState({ phase: 'done', action, ...result });
      return result.report;
    } catch (error) {
      setState({ phase: 'error', action, error, ...(retry ? { retry } : {}) });
      return undefined;
    }
  }

  // The template gallery and the editor load with the panel, in a part of their own.
  const [workspace, setWorkspace] = useState<typeof Workspace | undefined>();
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  /** The map the panel last drew, regenerated or edited: its actions come first on the first screen. */
  const knownMapId = useRef<string | undefined>();
  /** Set once the person acts: a late answer from the host then no longer changes the screen. */
  const touched = useRef(false);
  /** Counts editor sessions (each template or map opened): a run that ends after the person moved on leaves the new one alone. */
  const session = useRef(0);
  useEffect(() => {
    let cancelled = false;
    void import('./journey-workspace').then((module) => {
      if (!cancelled) setWorkspace(module);
    });
    // Reopening the panel: a selected map opens in the editor (with the
    // draft kept for it, if any); otherwise the draft is restored.
    controller
      .openAsync()
      .then(({ draft, selected }) => {
        if (cancelled || touched.current) return;
        if (selected) {
          knownMapId.current = selected.mapId;
          const kept = draft?.mapId === selected.mapId ? draft : undefined;
          const editor = kept ? restoreEditor(kept) : { journey: selected.journey, base: selected.journey, mapId: selected.mapId, step: 0 };
          setScreen({ kind: 'editor', editor, notice: { kind: 'map-opened', title: selected.journey.title } });
        } else if (draft) {
          setScreen({ kind: 'editor', editor: restoreEditor(draft), notice: { kind: 'draft-restored' } });
        }
      })
      // Only a panel without its plugin says so at once; anything else leaves the first screen as it is.
      .catch((error: unknown) => {
        if (!cancelled && !touched.current && error instanceof Error && error.name === 'MapTimeoutError') setState({ phase: 'error', action: 'edit', error });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  // Every change in the editor is kept as the draft, a moment after typing
  // stops, and at once when the person leaves the editor or the panel.
  const unsaved = useRef<JourneyDraft | undefined>();
  const flushDraft = () => {
    const draft = unsaved.current;
    unsaved.current = undefined;
    if (draft) controller.saveDraftAsync(draft).catch(() => undefined);
  };
  useEffect(() => {
    if (screen.kind !== 'editor') return;
    unsaved.current = createDraft(screen.editor);
    const timer = setTimeout(flushDraft, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [screen]);
  useEffect(() => {
    const handleHide = () => flushDraft();
    window.addEventListener('pagehide', handleHide);
    document.addEventListener('visibilitychange', handleHide);
    return () => {
      window.removeEventListener('pagehide', handleHide);
      document.removeEventListener('visibilitychange', handleHide);
      flushDraft();
    };
  }, []);

  const openEditor = (editor: Workspace.EditorState, notice?: Notice) => {
    touched.current = true;
    session.current += 1;
    setScreen({ kind: 'editor', editor, ...(notice ? { notice } : {}) });
  };
  /** The editor left for the first screen, kept to come back to with Edit in the panel. */
  const leftEditor = useRef<Workspace.EditorState | undefined>();
  const handleEditorClose = () => {
    flushDraft();
    if (screen.kind === 'editor') {
      leftEditor.current = screen.editor;
      knownMapId.current = screen.editor.mapId ?? knownMapId.current;
    }
    setScreen({ kind: 'home' });
  };
  const handleEditorChange = (editor: Workspace.EditorState) => {
    touched.current = true;
    setScreen((current) => (current.kind === 'editor' ? { ...current, editor } : current));
  };
  /** Applies `change` to the editor if it still shows the session a run started in. */
  const updateEditorOfSession = (started: number, change: (editor: Workspace.EditorState) => Workspace.EditorState) => {
    if (session.current !== started) return;
    setScreen((current) => (current.kind === 'editor' ? { ...current, editor: change(current.editor) } : current));
  };
  const handleEditorInsert = async (journey: Journey) => {
    const started = session.current;
    const report = await runAsync('insert', async (onProgress) => ({ report: await controller.insertJourneyAsync(journey, onProgress) }));
    // From now on the editor updates the map it drew, from the journey drawn.
    if (report) updateEditorOfSession(started, (editor) => ({ ...editor, mapId: report.mapId, base: journey }));
  };
  const handleEditorUpdate = async (mapId: string, journey: Journey, base: Journey | undefined) => {
    const started = session.current;
    let drawn: Journey | undefined;
    await runAsync('regenerate', async (onProgress) => {
      const result = await controller.updateMapAsync(mapId, journey, onProgress, base);
      drawn = result.journey;
      return result;
    });
    // The editor goes on from what the map now holds: the panel's edits and the board's.
    if (drawn) {
      const merged = drawn;
      updateEditorOfSession(started, (editor) => ({ ...editor, journey: merged, base: merged }));
    }
  };
  /** The map being presented, view by view; undefined while not presenting. */
  const [presenting, setPresenting] = useState<{ mapId: string; journey: Journey; views: PresentedView[]; pictures: () => Promise<SlidePicture[]> } | undefined>();
  const handlePresentClick = async () => {
    touched.current = true;
    try {
      const loaded = await controller.loadMapJourneyAsync();
      knownMapId.current = loaded.mapId;
      setPresenting({ mapId: loaded.mapId, journey: loaded.journey, views: listPresentationViews(loaded.journey), pictures: createViewPictures(controller, loaded.journey) });
    } catch (error) {
      setState({ phase: 'error', action: 'edit', error });
    }
  };
  const handleEditSelectedClick = async () => {
    touched.current = true;
    try {
      const loaded = await controller.loadMapJourneyAsync();
      // Back to the editor left for this map, with its edits, if there is one.
      const left = leftEditor.current?.mapId === loaded.mapId ? leftEditor.current : undefined;
      openEditor(left ?? { journey: loaded.journey, base: loaded.journey, mapId: loaded.mapId, step: 0 }, { kind: 'map-opened', title: loaded.journey.title });
    } catch (error) {
      setState({ phase: 'error', action: 'edit', error, retry: 'editSelected' });
    }
  };
  /**
   * Regenerate from the editor: map `mapId` takes the board's edits and is
   * laid out again. The panel's own edits, if any, wait for Update the map.
   */
  const handleEditorRegenerate = async (editor: Workspace.EditorState & { mapId: string }) => {
    const started = session.current;
    const from = editor.base ?? editor.journey;
    let drawn: Journey | undefined;
    await runAsync(
      'regenerate',
      async (onProgress) => {
        const result = await controller.updateMapAsync(editor.mapId, from, onProgress, from);
        drawn = result.journey;
        return result;
      },
      'regenerate',
    );
    const merged = drawn;
    if (merged) updateEditorOfSession(started, (current) => (JSON.stringify(current.journey) === JSON.stringify(from) ? { ...current, journey: merged, base: merged } : current));
  };

  // The default template in the panel's language; the host's own (English) one until the templates have loaded.
  const handleInsertClick = () =>
    runAsync('insert', async (onProgress) => {
      const journey = await workspace?.loadDefaultTemplateAsync(locale);
      return { report: await (journey ? controller.insertJourneyAsync(journey, onProgress) : controller.insertTemplateAsync(onProgress)) };
    });
  const handleFinishClick = () => runAsync('insert', async (onProgress) => ({ report: await controller.finishMapAsync(onProgress) }), 'finish');
  /**
   * Selects one persona's cards, points and lines on the board and zooms to
   * them, a highlight that changes nothing. Keys of the board's journey and
   * the panel's are both asked for: cards added in the panel are not drawn yet.
   */
  const handleShowPersona = async (editor: { mapId: string; journey: Journey; base?: Journey }, persona: PersonaId) => {
    const keys = new Set([...findKeysOfPersona(editor.journey, persona), ...(editor.base ? findKeysOfPersona(editor.base, persona) : [])]);
    try {
      await controller.showOnBoardAsync(editor.mapId, [...keys]);
    } catch (error) {
      setState({ phase: 'error', action: 'edit', error });
    }
  };
  /** Miro keeps no undo step for an app: the panel takes back what its last insert drew, leaving what people touched. */
  const handleTakeBackClick = (mapId: string) => {
    const takeBackAsync = controller.takeBackAsync;
    if (!takeBackAsync) return;
    void runAsync('take-back', async (onProgress) => {
      const { report, changed, foreign } = await takeBackAsync(mapId, onProgress);
      return { report, kept: { changed, foreign } };
    });
  };
  const handleRegenerateClick = () => runAsync('regenerate', (onProgress) => controller.regenerateAsync(onProgress), 'regenerate');
  const handleImportInsert = (journey: Journey) => runAsync('insert', async (onProgress) => ({ report: await controller.insertJourneyAsync(journey, onProgress) }));

  // Import, check and export load when a person opens them: the panel starts light.
  // `checks` counts Check clicks outside the section: each one runs the check there.
  const [files, setFiles] = useState<{ open: boolean; checks: number; Component?: ComponentType<Parameters<typeof JourneyFilesComponent>[0]> }>({ open: false, checks: 0 });
  async function handleFilesToggle(check = false) {
    touched.current = true;
    if (files.open && !check) {
      setFiles({ ...files, open: false });
      return;
    }
    const checks = files.checks + (check ? 1 : 0);
    setFiles({ ...files, open: true, checks });
    if (!files.Component) {
      const module = await import('./journey-files');
      setFiles({ open: true, checks, Component: module.JourneyFiles });
    }
  }
  const handleCheckClick = () => {
    if (screen.kind === 'editor') handleEditorClose();
    void handleFilesToggle(true);
  };

  function handleLanguageChange(event: Event) {
    setLocale(pickLocale((event.currentTarget as HTMLSelectElement).value));
  }

  const running = state.phase === 'running';
  const regenerateLabel = running && state.action === 'regenerate' ? strings.regenerating : strings.regenerate;
  const notice = screen.kind === 'editor' && screen.notice ? (screen.notice.kind === 'map-opened' ? strings.mapOpened(screen.notice.title) : strings.draftRestored) : undefined;
  const editorMap = screen.kind === 'editor' && screen.editor.mapId !== undefined ? { ...screen.editor, mapId: screen.editor.mapId } : undefined;
  // The run's progress and summary stay in sight at the foot of the panel, wherever it was scrolled to.
  const status = (
    <div class={`panel__run${state.phase === 'idle' ? '' : ' panel__run--active'}`}>
      {state.phase === 'running' && state.progress && (
        <div class="panel__progress">
          <progress max={state.progress.total} value={state.progress.done} aria-label={state.action === 'insert' ? strings.inserting : state.action === 'take-back' ? strings.takingBack : strings.regenerating} />
          <span>{strings.progress(state.progress.done, state.progress.total)}</span>
        </div>
      )}
      <div role="status" aria-live="polite" class="panel__status">
        {state.phase === 'running' && state.progress?.waitingMs !== undefined && <WaitingNotice waitingMs={state.progress.waitingMs} strings={strings} />}
        {state.phase === 'done' && <Summary state={state} strings={strings} locale={locale} />}
        {state.phase === 'done' && state.action === 'insert' && controller.takeBackAsync && state.report.created > 0 && (
          <button type="button" class="button button--small" onClick={() => handleTakeBackClick(state.report.mapId)}>
            {strings.takeBack}
          </button>
        )}
        {state.phase === 'done' && state.report.failed.length > 0 && (
          <>
            <p class="panel__warning">{strings.failed(state.report.failed.length, state.report.failed[0]?.reason ?? '')}</p>
            {state.action === 'take-back' ? (
              <button type="button" class="button" onClick={() => handleTakeBackClick(state.report.mapId)}>
                {strings.takeBack}
              </button>
            ) : (
              <button type="button" class="button" onClick={() => void (state.action === 'insert' ? handleFinishClick() : handleRegenerateClick())}>
                {state.action === 'insert' ? strings.finish : strings.regenerate}
              </button>
            )}
          </>
        )}
      </div>
      {state.phase === 'error' && (
        <p role="alert" class="panel__error">
          {state.action === 'edit' ? '' : `${state.action === 'insert' ? strings.error : state.action === 'take-back' ? strings.takeBackError : strings.regenerateError}: `}
          {describeErrorIn(locale, state.error, state.retry && strings[state.retry])}
        </p>
      )}
    </div>
  );
  const insertActions = (
    <>
      <p class="panel__intro">{strings.intro}</p>
      <button type="button" class="button button--primary" onClick={() => void handleInsertClick()} disabled={running} aria-busy={running && state.action === 'insert'}>
        {running && state.action === 'insert' ? strings.inserting : strings.insert}
      </button>
    </>
  );
  return (
    <main class="panel" lang={locale}>
      <header class="panel__header">
        <h1 class="panel__title">{strings.title}</h1>
        <label class="panel__language">
          <span class="visually-hidden">{strings.language}</span>
          <select value={locale} onChange={handleLanguageChange} aria-label={strings.language}>
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
      </header>
      {screen.kind === 'editor' && workspace ? (
        <>
          <workspace.JourneyEditor
            state={screen.editor}
            onChange={handleEditorChange}
            locale={locale}
            busy={running}
            notice={notice}
            mapBar={
              editorMap && (
                <div class="panel__map" role="group" aria-label={strings.mapBar(editorMap.base?.title ?? editorMap.journey.title)}>
                  <p class="panel__map-title">{strings.mapBar(editorMap.base?.title ?? editorMap.journey.title)}</p>
                  <div class="panel__actions">
                    <button type="button" class="button button--small" onClick={() => void handleEditorRegenerate(editorMap)} disabled={running} aria-busy={running && state.action === 'regenerate'}>
                      {regenerateLabel}
                    </button>
                    <button type="button" class="button button--small" onClick={handleCheckClick} disabled={running}>
                      {strings.checkButton}
                    </button>
                  </div>
                  {editorMap.journey.personas.length > 1 && (
                    <div class="panel__personas" role="group" aria-label={strings.showPersonaTitle}>
                      <span aria-hidden="true">{strings.showPersonaTitle}</span>
                      {editorMap.journey.personas.map((persona) => (
                        <button
                          key={persona.id}
                          type="button"
                          class="button button--small"
                          title={strings.showPersona(persona.name)}
                          aria-label={strings.showPersona(persona.name)}
                          onClick={() => void handleShowPersona(editorMap, persona.id)}
                        >
                          {persona.avatar ? `${persona.avatar} ${persona.name}` : persona.name}
                        </button>
                      ))}
                    </div>
                  )}
                </div>
              )
            }
            onInsert={(journey) => void handleEditorInsert(journey)}
            onUpdate={(mapId, journey, base) => void handleEditorUpdate(mapId, journey, base)}
            onClose={handleEditorClose}
            renderSvgAsync={(journey, maxWidth) => controller.renderSvgAsync(journey, maxWidth)}
            runStatus={status}
          />
        </>
      ) : (
        <>
          {/* A panel that knows a map (it drew one, or the person left its editor) offers that map's actions first. */}
          {!knownMapId.current && insertActions}
          <p class="panel__intro">{strings.regenerateHint}</p>
          <div class="panel__actions">
            <button type="button" class="button" onClick={() => void handleRegenerateClick()} disabled={running} aria-busy={running && state.action === 'regenerate'}>
              {regenerateLabel}
            </button>
            <button type="button" class="button" onClick={() => void handleEditSelectedClick()} disabled={running}>
              {strings.editSelected}
            </button>
            {!files.open && (
              <button type="button" class="button" onClick={handleCheckClick} disabled={running}>
                {strings.checkButton}
              </button>
            )}
            {!presenting && (
              <button type="button" class="button" onClick={() => void handlePresentClick()} disabled={running}>
                {strings.present}
              </button>
            )}
          </div>
          {presenting && (
            <MapPresenter
              key={presenting.mapId}
              strings={strings}
              views={presenting.views}
              showAsync={(keys) => controller.showOnBoardAsync(presenting.mapId, keys)}
              makeSlidesAsync={(onProgress) => makeSlidesAsync(controller, presenting.mapId, presenting.journey, onProgress)}
              saveViewAsync={(index, format) => saveViewAsync(presenting.pictures, index, format)}
              onEnd={() => setPresenting(undefined)}
              onError={(error) => {
                setPresenting(undefined);
                setState({ phase: 'error', action: 'edit', error });
              }}
            />
          )}
          {knownMapId.current && insertActions}
          {status}
          {workspace && (
            <workspace.TemplateGallery
              locale={locale}
              busy={running}
              onEdit={(journey) => openEditor({ journey, step: 0 })}
              onInsert={(journey) => void handleImportInsert(journey)}
              renderSvgAsync={(journey, maxWidth) => controller.renderSvgAsync(journey, maxWidth)}
            />
          )}
          <button type="button" class="button button--disclosure" aria-expanded={files.open} onClick={() => void handleFilesToggle(false)}>
            <span aria-hidden="true">{files.open ? '▾ ' : '▸ '}</span>
            {strings.filesToggle}
          </button>
          {files.open && files.Component && (
            <files.Component
              strings={strings}
              locale={locale}
              describeError={(error) => describeErrorIn(locale, error, strings.checkButton)}
              busy={running}
              checks={files.checks}
              onInsert={(journey) => void handleImportInsert(journey)}
              loadMapJourneyAsync={() => controller.loadMapJourneyAsync()}
              showOnBoardAsync={(mapId, keys) => controller.showOnBoardAsync(mapId, keys)}
              renderSvgAsync={(journey, maxWidth) => controller.renderSvgAsync(journey, maxWidth)}
              onUpdate={async (mapId, journey) => {
                await runAsync('regenerate', (onProgress) => controller.updateMapAsync(mapId, journey, onProgress));
              }}
            />
          )}
          {/* Which cjm-board this is: the same number its records and files carry, and `cjm --version` prints. */}
          <footer class="panel__version">{GENERATOR}</footer>
        </>
      )}
    </main>
  );
}

/** The draft kept for the editor's state. */
function createDraft(editor: Workspace.EditorState): JourneyDraft {
  const { journey, mapId, step, base } = editor;
  return { journey, step, savedAt: Date.now(), ...(mapId === undefined ? {} : { mapId }), ...(base ? { base } : {}) };
}

/** The editor's state from a saved draft. */
function restoreEditor(draft: JourneyDraft): Workspace.EditorState {
  return { journey: draft.journey, step: draft.step, ...(draft.mapId === undefined ? {} : { mapId: draft.mapId }), ...(draft.base ? { base: draft.base } : {}) };
}

function Summary({ state, strings, locale }: { state: Extract<RunState, { phase: 'done' }>; strings: (typeof STRINGS)[Locale]; locale: Locale }) {
  const { report, outcome, kept } = state;
  if (kept) return <p>{strings.takenBack(report.deleted, kept.changed, kept.foreign)}</p>;
  if (!outcome) return <p>{strings.done(report.created, report.updated)}</p>;
  const written = report.created + report.updated + report.deleted;
  return (
    <>
      {outcome.chosenBy && <p>{describeMapChoiceIn(locale, outcome.chosenBy)}</p>}
      {written === 0 && outcome.edits === 0 && outcome.adopted === 0 ? (
        <p>{strings.upToDate(outcome.title)}</p>
      ) : (
        <>
          <p>{strings.regenerated(outcome.title, outcome.edits, outcome.adopted)}</p>
          <p>{strings.written(report.created, report.updated, report.deleted)}</p>
        </>
      )}
      {outcome.rebuilt && <p class="panel__warning">{strings.rebuilt}</p>}
      {report.released > 0 && <p>{strings.released(report.released)}</p>}
      {outcome.healed ? <p>{strings.healed(outcome.healed)}</p> : null}
      {outcome.movedInGroups ? <p>{strings.movedInGroups(outcome.movedInGroups)}</p> : null}
      {outcome.cut ? <p class="panel__warning">{strings.cut(outcome.cut)}</p> : null}
      {report.refused && report.refused.length > 0 ? <p class="panel__warning">{strings.refused(report.refused.length)}</p> : null}
      {outcome.conflicts > 0 && <p class="panel__warning">{strings.conflicts(outcome.conflicts)}</p>}
    </>
  );
}

/** "Waiting for Miro's rate limit, resuming in N s", counting down each second. */
function WaitingNotice({ waitingMs, strings }: { waitingMs: number; strings: (typeof STRINGS)[Locale] }) {
  // Each report of the pause says how long is left: count down from the latest.
  const resumeAt = useMemo(() => Date.now() + waitingMs, [waitingMs]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return <p>{strings.waiting(Math.max(1, Math.ceil((resumeAt - now) / 1000)))}</p>;
}
