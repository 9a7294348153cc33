import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { RegenerateOutcome } from '../src/sync/regenerate-map';
import type { ApplyProgress, ApplyReport } from '../src/sync/host-port';
import type { Journey } from '../src/model/journey';
import type { JourneyFiles as JourneyFilesComponent } from './journey-files';
import type { PanelController } from './panel-controller';
import { LOCALES, pickLocale, STRINGS, type Locale } from './strings';

type Action = 'insert' | 'regenerate';

type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; action: Action; progress?: ApplyProgress }
  | { phase: 'done'; action: Action; report: ApplyReport; outcome?: RegenerateOutcome }
  | { phase: 'error'; action: Action; message: string };

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', uk: 'Українська' };

/** The cjm-board panel: insert the journey map template, or regenerate a map after board edits. */
export function PanelApp({ controller, initialLocale }: { controller: PanelController; initialLocale?: string }) {
  const [locale, setLocale] = useState<Locale>(pickLocale(initialLocale ?? controller.hostLocale));
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const strings = STRINGS[locale];

  async function runAsync(action: Action, draw: (onProgress: (progress: ApplyProgress) => void) => Promise<{ report: ApplyReport; outcome?: RegenerateOutcome }>) {
    setState({ phase: 'running', action });
    try {
      const result = await draw((progress) => setState({ phase: 'running', action, progress }));
      setState({ phase: 'done', action, ...result });
    } catch (error) {
      setState({ phase: 'error', action, message: error instanceof Error ? error.message : String(error) });
    }
  }

  const handleInsertClick = () => runAsync('insert', async (onProgress) => ({ report: await controller.insertTemplateAsync(onProgress) }));
  const handleFinishClick = () => runAsync('insert', async (onProgress) => ({ report: await controller.finishMapAsync(onProgress) }));
  const handleRegenerateClick = () => runAsync('regenerate', (onProgress) => controller.regenerateAsync(onProgress));
  const handleImportInsert = (journey: Journey) => runAsync('insert', async (onProgress) => ({ report: await controller.insertJourneyAsync(journey, onProgress) }));

  // Import, check and export load when a person opens them: the panel starts light.
  const [files, setFiles] = useState<{ open: boolean; Component?: ComponentType<Parameters<typeof JourneyFilesComponent>[0]> }>({ open: false });
  async function handleFilesToggle() {
    if (files.open) {
      setFiles({ ...files, open: false });
      return;
    }
    setFiles({ ...files, open: true });
    if (!files.Component) {
      const module = await import('./journey-files');
      setFiles({ open: true, Component: module.JourneyFiles });
    }
  }

  function handleLanguageChange(event: Event) {
    setLocale(pickLocale((event.currentTarget as HTMLSelectElement).value));
  }

  const running = state.phase === 'running';
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
      <p class="panel__intro">{strings.intro}</p>
      <button type="button" class="button button--primary" onClick={handleInsertClick} disabled={running} aria-busy={running && state.action === 'insert'}>
        {running && state.action === 'insert' ? strings.inserting : strings.insert}
      </button>
      <p class="panel__intro">{strings.regenerateHint}</p>
      <button type="button" class="button" onClick={handleRegenerateClick} disabled={running} aria-busy={running && state.action === 'regenerate'}>
        {running && state.action === 'regenerate' ? strings.regenerating : strings.regenerate}
      </button>
      {state.phase === 'running' && state.progress && (
        <div class="panel__progress">
          <progress max={state.progress.total} value={state.progress.done} aria-label={state.action === 'insert' ? strings.inserting : strings.regenerating} />
          <span>{strings.progress(state.progress.done, state.progress.total)}</span>
        </div>
      )}
      <div role="status" aria-live="polite" class="panel__status">
        {state.phase === 'running' && state.progress?.waitingMs !== undefined && <WaitingNotice waitingMs={state.progress.waitingMs} strings={strings} />}
        {state.phase === 'done' && <Summary state={state} strings={strings} />}
        {state.phase === 'done' && state.report.failed.length > 0 && (
          <>
            <p class="panel__warning">{strings.failed(state.report.failed.length, state.report.failed[0]?.reason ?? '')}</p>
            <button type="button" class="button" onClick={state.action === 'insert' ? handleFinishClick : handleRegenerateClick}>
              {state.action === 'insert' ? strings.finish : strings.regenerate}
            </button>
          </>
        )}
      </div>
      {state.phase === 'error' && (
        <p role="alert" class="panel__error">
          {state.action === 'insert' ? strings.error : strings.regenerateError}: {state.message}
        </p>
      )}
      <button type="button" class="button button--disclosure" aria-expanded={files.open} onClick={handleFilesToggle}>
        <span aria-hidden="true">{files.open ? '▾ ' : '▸ '}</span>
        {strings.filesToggle}
      </button>
      {files.open && files.Component && (
        <files.Component
          strings={strings}
          busy={running}
          onInsert={handleImportInsert}
          loadMapJourneyAsync={() => controller.loadMapJourneyAsync()}
          showOnBoardAsync={(mapId, keys) => controller.showOnBoardAsync(mapId, keys)}
          renderSvgAsync={(journey, maxWidth) => controller.renderSvgAsync(journey, maxWidth)}
          onUpdate={(mapId, journey) => runAsync('regenerate', (onProgress) => controller.updateMapAsync(mapId, journey, onProgress))}
        />
      )}
    </main>
  );
}

function Summary({ state, strings }: { state: Extract<RunState, { phase: 'done' }>; strings: (typeof STRINGS)[Locale] }) {
  const { report, outcome } = state;
  if (!outcome) return <p>{strings.done(report.created, report.updated)}</p>;
  const written = report.created + report.updated + report.deleted;
  return (
    <>
      {written === 0 && outcome.edits === 0 && outcome.adopted === 0 ? (
        <p>{strings.upToDate(outcome.title)}</p>
      ) : (
        <>
          <p>{strings.regenerated(outcome.title, outcome.edits, outcome.adopted)}</p>
          <p>{strings.written(report.created, report.updated, report.deleted)}</p>
        </>
      )}
      {report.released > 0 && <p>{strings.released(report.released)}</p>}
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
