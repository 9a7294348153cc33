import { useState } from 'preact/hooks';
import type { ApplyProgress, ApplyReport } from '../src/sync/host-port';
import type { PanelController } from './panel-controller';
import { LOCALES, pickLocale, STRINGS, type Locale } from './strings';

type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; progress?: ApplyProgress }
  | { phase: 'done'; report: ApplyReport }
  | { phase: 'error'; message: string };

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', uk: 'Українська' };

/** The cjm-board panel: one button that inserts the journey map template. */
export function PanelApp({ controller, initialLocale }: { controller: PanelController; initialLocale?: string }) {
  const [locale, setLocale] = useState<Locale>(pickLocale(initialLocale ?? controller.hostLocale));
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const strings = STRINGS[locale];

  async function runAsync(draw: PanelController['insertTemplateAsync']) {
    setState({ phase: 'running' });
    try {
      const report = await draw((progress) => setState({ phase: 'running', progress }));
      setState({ phase: 'done', report });
    } catch (error) {
      setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const handleInsertClick = () => runAsync((onProgress) => controller.insertTemplateAsync(onProgress));
  const handleFinishClick = () => runAsync((onProgress) => controller.finishMapAsync(onProgress));

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
      <button type="button" class="button button--primary" onClick={handleInsertClick} disabled={running} aria-busy={running}>
        {running ? strings.inserting : strings.insert}
      </button>
      {state.phase === 'running' && state.progress && (
        <div class="panel__progress">
          <progress max={state.progress.total} value={state.progress.done} aria-label={strings.inserting} />
          <span>{strings.progress(state.progress.done, state.progress.total)}</span>
        </div>
      )}
      <div role="status" aria-live="polite" class="panel__status">
        {state.phase === 'done' && (
          <>
            <p>{strings.done(state.report.created, state.report.updated)}</p>
            {state.report.failed.length > 0 && (
              <>
                <p class="panel__warning">{strings.failed(state.report.failed.length, state.report.failed[0]?.reason ?? '')}</p>
                <button type="button" class="button" onClick={handleFinishClick}>
                  {strings.finish}
                </button>
              </>
            )}
          </>
        )}
      </div>
      {state.phase === 'error' && (
        <p role="alert" class="panel__error">
          {strings.error}: {state.message}
        </p>
      )}
    </main>
  );
}
