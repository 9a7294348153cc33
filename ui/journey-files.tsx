import { useEffect, useRef, useState } from 'preact/hooks';
import { convertSvgToPngAsync, download, nameFile } from './picture-files';
import { findKeysOfPlace } from '../src/layout/scene-keys';
import { compareJourneys, type JourneyComparison } from '../src/model/compare-journeys';
import { importJourneyBytes, previewImport, type ImportPreview, type ImportResult } from '../src/model/formats/import-journey';
import { exportJourneyCsvLong, exportJourneyCsvWide, type CsvDelimiter, type CsvExportOptions } from '../src/model/formats/journey-csv';
import { exportJourneyMarkdown } from '../src/model/formats/journey-markdown';
import { exportJourneyMermaid } from '../src/model/formats/journey-mermaid';
import { exportJourneyPlanCsv, exportJourneyPlanMarkdown } from '../src/model/formats/journey-plan';
import { checkJourneyHealth, MAX_STICKY_TEXT, type HealthFinding, type HealthReport } from '../src/model/health-check';
import type { Journey } from '../src/model/journey';
import { formatJourneyFile } from '../src/model/journey-file';
import type { ValidationError } from '../src/model/parse-result';
import { CompareChart } from './compare-chart';
import { EvidenceEditor } from './evidence-editor';
import { defaultCsvDelimiter, describeFileError, describeFileProblem, describeFileReading, formatComparisonIn, JOURNEY_FILE_WORDS } from './journey-files-strings';
import { LOCALES, STRINGS, type Locale, type Strings } from './strings';

/** How many import errors the panel lists; the rest are counted. */
const SHOWN_ERRORS = 5;

type ImportState =
  | { phase: 'none' }
  | { phase: 'ready'; fileName: string; journey: Journey; preview: ImportPreview }
  | { phase: 'invalid'; fileName: string; errors: ValidationError[] };

type MapState = { phase: 'none' } | { phase: 'loading' } | { phase: 'loaded'; mapId: string; journey: Journey; report: HealthReport } | { phase: 'error'; error: unknown };

type CompareState = { phase: 'none' } | { phase: 'ready'; fileName: string; before: Journey; comparison: JourneyComparison } | { phase: 'invalid'; fileName: string; errors: ValidationError[] };

interface ExportFormat {
  id: string;
  /** The button's words: a format's name, or in the panel's language. */
  label: (locale: Locale) => string;
  extension: string;
  type: string;
  render(journey: Journey, options: CsvExportOptions): string;
}

const EXPORTS: readonly ExportFormat[] = [
  { id: 'json', label: () => 'JSON', extension: 'json', type: 'application/json', render: formatJourneyFile },
  { id: 'csv', label: () => 'CSV', extension: 'csv', type: 'text/csv', render: exportJourneyCsvWide },
  { id: 'csv-long', label: (locale) => JOURNEY_FILE_WORDS[locale].csvLong, extension: 'long.csv', type: 'text/csv', render: exportJourneyCsvLong },
  { id: 'md', label: () => 'Markdown', extension: 'md', type: 'text/markdown', render: exportJourneyMarkdown },
  { id: 'mermaid', label: () => 'Mermaid', extension: 'mmd', type: 'text/plain', render: exportJourneyMermaid },
  // The action plan: every opportunity by priority, for a wiki page and for Jira, Trello or a spreadsheet.
  { id: 'plan', label: (locale) => JOURNEY_FILE_WORDS[locale].planMarkdown, extension: 'plan.md', type: 'text/markdown', render: exportJourneyPlanMarkdown },
  { id: 'plan-csv', label: (locale) => JOURNEY_FILE_WORDS[locale].planCsv, extension: 'plan.csv', type: 'text/csv', render: exportJourneyPlanCsv },
];

const CSV_DELIMITERS: readonly CsvDelimiter[] = [';', ','];

/**
 * Reads a picked file as bytes and imports it: the encoding is told from
 * the bytes (a sheet saved by Excel on Russian Windows is Windows-1251, its
 * "Unicode Text" UTF-16), which `File.text()` would read as UTF-8 whatever
 * they are.
 */
async function importFileAsync(file: File): Promise<ImportResult> {
  return importJourneyBytes(new Uint8Array(await file.arrayBuffer()), { fileName: file.name });
}

/** A finding in the panel's language, from its code and params. */
function describeFinding({ rule, params }: HealthFinding, strings: Strings): string {
  const { persona = '', stage = '', lane = '', length = 0, max = MAX_STICKY_TEXT, pains = 0, score = 0 } = params;
  const text = strings.findings;
  switch (rule) {
    case 'missing-emotion':
      return text[rule](persona, stage);
    case 'card-too-long':
      return text[rule](stage, length, max);
    case 'stage-without-touchpoints':
      return text[rule](params.stage);
    case 'step-without-touchpoint':
      return text[rule](stage);
    case 'pain-without-opportunity':
      return text[rule](stage, pains, params.text);
    case 'opportunity-without-owner':
      return text[rule](stage, params.text ?? '');
    case 'frontstage-without-backstage':
      return text[rule](stage, params.text);
    case 'empty-lane':
      return text[rule](lane);
    case 'persona-without-goals':
      return text[rule](persona);
    case 'stage-on-assumptions':
      return text[rule](stage);
    case 'moment-of-truth':
      return text[rule](persona, stage, score > 0 ? `+${score}` : String(score));
  }
}

/** A file name from a journey title: letters and digits of any script, dashes between. */
const fileNameOf = (journey: Journey, extension: string): string => nameFile(journey.title, extension);

// The PNG is at most this wide: a map's picture for a report or a slide.
const PNG_MAX_WIDTH = 4096;

/**
 * Import a journey file (with a preview before anything touches the board),
 * and check and export the map on the board.
 */
export function JourneyFiles({
  strings,
  locale: givenLocale,
  describeError,
  busy,
  checks = 0,
  onInsert,
  loadMapJourneyAsync,
  showOnBoardAsync,
  renderSvgAsync,
  onUpdate,
}: {
  strings: Strings;
  /** The panel's language; when not given, the language whose strings these are. */
  locale?: Locale;
  /** A failed request's error in the panel's language. */
  describeError: (error: unknown) => string;
  busy: boolean;
  /** Counts Check clicks outside this section: each new one runs the check here and brings it into view. */
  checks?: number;
  onInsert: (journey: Journey) => void;
  loadMapJourneyAsync: () => Promise<{ mapId: string; journey: Journey }>;
  showOnBoardAsync: (mapId: string, keys: readonly string[]) => Promise<void>;
  renderSvgAsync: (journey: Journey, maxWidth?: number) => Promise<string>;
  /** Updates map `mapId` to `journey`; resolves when it is drawn. */
  onUpdate: (mapId: string, journey: Journey) => Promise<void>;
}) {
  const [imported, setImported] = useState<ImportState>({ phase: 'none' });
  const [map, setMap] = useState<MapState>({ phase: 'none' });
  const [compared, setCompared] = useState<CompareState>({ phase: 'none' });
  const locale = givenLocale ?? LOCALES.find((code) => STRINGS[code] === strings) ?? 'en';
  const words = JOURNEY_FILE_WORDS[locale];
  // The person's choice of delimiter; until they choose, the panel language's default.
  const [chosenDelimiter, setChosenDelimiter] = useState<CsvDelimiter | undefined>(undefined);
  const delimiter = chosenDelimiter ?? defaultCsvDelimiter(locale);

  async function handleCompareFileChange(event: Event, now: Journey) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const result = await importFileAsync(file);
    setCompared(result.ok ? { phase: 'ready', fileName: file.name, before: result.value, comparison: compareJourneys(result.value, now) } : { phase: 'invalid', fileName: file.name, errors: result.errors });
    input.value = '';
  }

  async function handleFileChange(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const result = await importFileAsync(file);
    setImported(result.ok ? { phase: 'ready', fileName: file.name, journey: result.value, preview: previewImport(result.value, result.format, result) } : { phase: 'invalid', fileName: file.name, errors: result.errors });
    input.value = '';
  }

  async function handleCheckClick() {
    setMap({ phase: 'loading' });
    try {
      const { mapId, journey } = await loadMapJourneyAsync();
      setMap({ phase: 'loaded', mapId, journey, report: checkJourneyHealth(journey) });
    } catch (error) {
      setMap({ phase: 'error', error });
    }
  }

  const checkSection = useRef<HTMLElement>(null);
  useEffect(() => {
    if (checks === 0) return;
    checkSection.current?.scrollIntoView?.({ block: 'start' });
    void handleCheckClick();
  }, [checks]);

  async function handleEvidenceApply(mapId: string, journey: Journey) {
    await onUpdate(mapId, journey);
    await handleCheckClick();
  }

  async function handleExport(journey: Journey, format: ExportFormat | 'svg' | 'png') {
    if (format === 'svg') download(fileNameOf(journey, 'svg'), new Blob([await renderSvgAsync(journey)], { type: 'image/svg+xml;charset=utf-8' }));
    else if (format === 'png') download(fileNameOf(journey, 'png'), await convertSvgToPngAsync(await renderSvgAsync(journey, PNG_MAX_WIDTH)));
    else download(fileNameOf(journey, format.extension), new Blob([format.render(journey, { delimiter })], { type: `${format.type};charset=utf-8` }));
  }

  function handleDelimiterChange(event: Event) {
    const value = (event.currentTarget as HTMLSelectElement).value;
    setChosenDelimiter(CSV_DELIMITERS.find((entry) => entry === value));
  }

  return (
    <>
      <section class="panel__section" aria-labelledby="import-heading">
        <h2 id="import-heading" class="panel__subtitle">{strings.importTitle}</h2>
        <p class="panel__intro">{strings.importHint}</p>
        <label class="panel__file">
          <span>{strings.importFile}</span>
          <input type="file" accept=".csv,.tsv,.txt,.json,.mmd,.mermaid" onChange={(event) => void handleFileChange(event)} disabled={busy} />
        </label>
        {imported.phase === 'ready' && (
          <div class="panel__preview">
            <p>{strings.importPreview(imported.fileName, imported.preview)}</p>
            <p>{describeFileReading(imported.preview.encoding, imported.preview.delimiter, locale)}</p>
            {imported.preview.warnings.length > 0 && (
              <>
                <p class="panel__warning">{words.warningsTitle}</p>
                <ul class="panel__list">
                  {imported.preview.warnings.slice(0, SHOWN_ERRORS).map((warning) => (
                    <li key={`${warning.path} ${warning.message}`}>{describeFileProblem(warning, locale)}</li>
                  ))}
                </ul>
                {imported.preview.warnings.length > SHOWN_ERRORS && <p>{strings.importMoreErrors(imported.preview.warnings.length - SHOWN_ERRORS)}</p>}
              </>
            )}
            <button type="button" class="button" onClick={() => onInsert(imported.journey)} disabled={busy}>
              {strings.importInsert}
            </button>
          </div>
        )}
        {imported.phase === 'invalid' && (
          <div class="panel__preview" role="alert">
            <p class="panel__error">{strings.importInvalid(imported.fileName, imported.errors.length)}</p>
            <ul class="panel__list">
              {imported.errors.slice(0, SHOWN_ERRORS).map((error) => (
                <li key={`${error.path} ${error.message}`}>
                  <FileError error={error} locale={locale} />
                </li>
              ))}
            </ul>
            {imported.errors.length > SHOWN_ERRORS && <p>{strings.importMoreErrors(imported.errors.length - SHOWN_ERRORS)}</p>}
          </div>
        )}
      </section>

      <section class="panel__section" aria-labelledby="check-heading" ref={checkSection}>
        <h2 id="check-heading" class="panel__subtitle">{strings.checkTitle}</h2>
        <p class="panel__intro">{strings.checkHint}</p>
        <button type="button" class="button" onClick={() => void handleCheckClick()} disabled={busy || map.phase === 'loading'}>
          {strings.checkButton}
        </button>
        {map.phase === 'error' && (
          <p class="panel__error" role="alert">
            {describeError(map.error)}
          </p>
        )}
        {map.phase === 'loaded' && (
          <>
            <p>{strings.checkSummary(map.journey.title, map.report.errors, map.report.warnings)}</p>
            <ul class="panel__list" aria-label={strings.checkTitle}>
              {map.report.findings.map((finding, index) => (
                <li key={`${finding.rule}-${index}`} class={`panel__finding panel__finding--${finding.severity}`}>
                  <strong>{strings.severity[finding.severity]}</strong> {describeFinding(finding, strings)}{' '}
                  {findKeysOfPlace(map.journey, finding).length > 0 && (
                    <button type="button" class="button--link" onClick={() => void showOnBoardAsync(map.mapId, findKeysOfPlace(map.journey, finding))}>
                      {strings.showOnBoard}
                    </button>
                  )}
                </li>
              ))}
              {map.report.happiness.map((entry) => (
                <li key={entry.persona}>{strings.happiness(entry.name, Math.round(entry.score * 100), entry.positiveStages, entry.stages, entry.counted === 'steps')}</li>
              ))}
            </ul>
            <div class="panel__exports" role="group" aria-label={strings.exportTitle}>
              {EXPORTS.map((format) => (
                <button key={format.id} type="button" class="button button--small" onClick={() => void handleExport(map.journey, format)}>
                  {format.label(locale)}
                </button>
              ))}
              <button type="button" class="button button--small" onClick={() => void handleExport(map.journey, 'svg')}>
                SVG
              </button>
              <button type="button" class="button button--small" onClick={() => void handleExport(map.journey, 'png')}>
                PNG
              </button>
            </div>
            <label class="panel__file">
              <span>{words.delimiterLabel}</span>
              <select value={delimiter} onChange={handleDelimiterChange}>
                {CSV_DELIMITERS.map((entry) => (
                  <option key={entry} value={entry}>
                    {`${words.delimiters[entry] ?? entry} (${entry})`}
                  </option>
                ))}
              </select>
            </label>
            <EvidenceEditor
              key={JSON.stringify(map.journey.cards.map((card) => card.evidence ?? ''))}
              journey={map.journey}
              strings={strings}
              busy={busy}
              onApply={(journey) => void handleEvidenceApply(map.mapId, journey)}
            />
            <label class="panel__file">
              <span>{strings.compareFile}</span>
              <input type="file" accept=".csv,.tsv,.txt,.json,.mmd,.mermaid" onChange={(event) => void handleCompareFileChange(event, map.journey)} />
            </label>
            {compared.phase === 'invalid' && (
              <p class="panel__error" role="alert">
                {strings.importInvalid(compared.fileName, compared.errors.length)} {compared.errors[0] && <FileError error={compared.errors[0]} locale={locale} />}
              </p>
            )}
            {compared.phase === 'ready' && (
              <>
                <CompareChart before={compared.before} after={map.journey} labels={{ before: compared.fileName, after: strings.compareNow, title: strings.compareChart }} />
                <ul class="panel__list" aria-label={strings.compareTitle(compared.fileName)}>
                  {formatComparisonIn(compared.comparison, locale).map((line, index) => (
                    <li key={`${index} ${line}`}>{line}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}

/**
 * One problem of a file: where, then what, in the panel's language. A JSON
 * path, and the words of a schema the panel has none of its own for, are
 * technical: shown as written, marked as English and not to be translated.
 */
function FileError({ error, locale }: { error: ValidationError; locale: Locale }) {
  const words = describeFileError(error, locale);
  return (
    <>
      {words.place !== undefined && (words.placeIsPath ? <code class="notranslate">{words.place}</code> : <strong>{words.place}</strong>)}
      {words.place !== undefined && ': '}
      {words.text}
      {words.detail !== undefined && (
        <>
          {' '}
          <span lang="en" class="notranslate">
            {words.detail}
          </span>
        </>
      )}
    </>
  );
}
