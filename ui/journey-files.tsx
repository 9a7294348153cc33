import { useEffect, useRef, useState } from 'preact/hooks';
import { findKeysOfPlace } from '../src/layout/scene-keys';
import { compareJourneys, formatComparison, type JourneyComparison } from '../src/model/compare-journeys';
import { importJourney, previewImport, type ImportPreview } from '../src/model/formats/import-journey';
import { exportJourneyCsvLong, exportJourneyCsvWide } from '../src/model/formats/journey-csv';
import { exportJourneyMarkdown } from '../src/model/formats/journey-markdown';
import { exportJourneyMermaid } from '../src/model/formats/journey-mermaid';
import { checkJourneyHealth, MAX_STICKY_TEXT, type HealthFinding, type HealthReport } from '../src/model/health-check';
import type { Journey } from '../src/model/journey';
import { formatJourneyFile } from '../src/model/journey-file';
import type { ValidationError } from '../src/model/parse-result';
import { CompareChart } from './compare-chart';
import { EvidenceEditor } from './evidence-editor';
import type { Strings } from './strings';

/** How many import errors the panel lists; the rest are counted. */
const SHOWN_ERRORS = 5;

type ImportState =
  | { phase: 'none' }
  | { phase: 'ready'; fileName: string; journey: Journey; preview: ImportPreview }
  | { phase: 'invalid'; fileName: string; errors: ValidationError[] };

type MapState = { phase: 'none' } | { phase: 'loading' } | { phase: 'loaded'; mapId: string; journey: Journey; report: HealthReport } | { phase: 'error'; error: unknown };

type CompareState = { phase: 'none' } | { phase: 'ready'; fileName: string; before: Journey; comparison: JourneyComparison } | { phase: 'invalid'; fileName: string; errors: ValidationError[] };

interface ExportFormat {
  label: string;
  extension: string;
  type: string;
  render(journey: Journey): string;
}

const EXPORTS: readonly ExportFormat[] = [
  { label: 'JSON', extension: 'json', type: 'application/json', render: formatJourneyFile },
  { label: 'CSV', extension: 'csv', type: 'text/csv', render: exportJourneyCsvWide },
  { label: 'CSV (long)', extension: 'long.csv', type: 'text/csv', render: exportJourneyCsvLong },
  { label: 'Markdown', extension: 'md', type: 'text/markdown', render: exportJourneyMarkdown },
  { label: 'Mermaid', extension: 'mmd', type: 'text/plain', render: exportJourneyMermaid },
];

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
    case 'pain-without-opportunity':
      return text[rule](stage, pains);
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
function fileNameOf(journey: Journey, extension: string): string {
  const base = journey.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'journey';
  return `${base}.${extension}`;
}

/** Saves a file through the browser's download (no network: a blob URL). */
function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Turns an SVG picture into a PNG in the panel (no network: drawn on a canvas). */
async function convertSvgToPngAsync(svg: string): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw a PNG');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

// The PNG is at most this wide: a map's picture for a report or a slide.
const PNG_MAX_WIDTH = 4096;

/**
 * Import a journey file (with a preview before anything touches the board),
 * and check and export the map on the board.
 */
export function JourneyFiles({
  strings,
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

  async function handleCompareFileChange(event: Event, now: Journey) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const result = importJourney(await file.text(), { fileName: file.name });
    setCompared(result.ok ? { phase: 'ready', fileName: file.name, before: result.value, comparison: compareJourneys(result.value, now) } : { phase: 'invalid', fileName: file.name, errors: result.errors });
    input.value = '';
  }

  async function handleFileChange(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const result = importJourney(await file.text(), { fileName: file.name });
    setImported(result.ok ? { phase: 'ready', fileName: file.name, journey: result.value, preview: previewImport(result.value, result.format) } : { phase: 'invalid', fileName: file.name, errors: result.errors });
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
    else download(fileNameOf(journey, format.extension), new Blob([format.render(journey)], { type: `${format.type};charset=utf-8` }));
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
                  <strong>{error.path}</strong>: {error.message}
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
                <li key={entry.persona}>{strings.happiness(entry.name, Math.round(entry.score * 100), entry.positiveStages, entry.stages)}</li>
              ))}
            </ul>
            <div class="panel__exports" role="group" aria-label={strings.exportTitle}>
              {EXPORTS.map((format) => (
                <button key={format.label} type="button" class="button button--small" onClick={() => void handleExport(map.journey, format)}>
                  {format.label}
                </button>
              ))}
              <button type="button" class="button button--small" onClick={() => void handleExport(map.journey, 'svg')}>
                SVG
              </button>
              <button type="button" class="button button--small" onClick={() => void handleExport(map.journey, 'png')}>
                PNG
              </button>
            </div>
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
                {strings.importInvalid(compared.fileName, compared.errors.length)} {compared.errors[0]?.path}: {compared.errors[0]?.message}
              </p>
            )}
            {compared.phase === 'ready' && (
              <>
                <CompareChart before={compared.before} after={map.journey} labels={{ before: compared.fileName, after: strings.compareNow, title: strings.compareChart }} />
                <ul class="panel__list" aria-label={strings.compareTitle(compared.fileName)}>
                  {formatComparison(compared.comparison)
                    .trim()
                    .split('\n')
                    .map((line) => (
                      <li key={line}>{line}</li>
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
