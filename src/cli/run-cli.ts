import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FIGJAM_METRICS, MIRO_METRICS, SVG_METRICS, type HostMetrics } from '../layout/host-metrics';
import { layoutJourney } from '../layout/layout-journey';
import type { Hyphenator } from '../layout/measure-text';
import type { Scene } from '../layout/scene';
import { GENERATOR } from '../model/app-version';
import { compareJourneys, formatComparison } from '../model/compare-journeys';
import { ENCODING_NAMES, type FileEncoding } from '../model/formats/decode-journey-bytes';
import { importJourney, importJourneyBytes, previewImport, type ImportFormat, type ImportResult } from '../model/formats/import-journey';
import { exportJourneyCsvLong, exportJourneyCsvWide, type CsvDelimiter } from '../model/formats/journey-csv';
import { exportJourneyMarkdown } from '../model/formats/journey-markdown';
import { exportJourneyMermaid } from '../model/formats/journey-mermaid';
import { exportJourneyPlanCsv, exportJourneyPlanMarkdown } from '../model/formats/journey-plan';
import { checkJourneyHealth, type HealthReport } from '../model/health-check';
import { formatJourneyFile } from '../model/journey-file';
import type { Journey } from '../model/journey';
import { formatValidationErrors, type ValidationError } from '../model/parse-result';
import { createOnlineStoreJourney } from '../model/templates/online-store-template';
import { createPatternHyphenator } from '../render/create-pattern-hyphenator';
import { renderScenePdf } from '../render/render-scene-pdf';
import { createPictureTextMeasurer, renderSceneSvg } from '../render/render-scene-svg';
import { findFadedKeys, renderViewPicture } from '../render/render-slides';
import { listPresentationViews } from '../layout/presentation-views';

/** Where the CLI reads and writes; injectable so tests can capture output. */
export interface CliIo {
  /**
   * A file's bytes, as they are on disk: the CLI decodes them (UTF-8,
   * UTF-16, Windows-1251 or -1252). A string is text already decoded.
   */
  readFile(path: string): Uint8Array | string;
  /** Writes text (as UTF-8) or bytes (a PDF). */
  writeFile(path: string, data: string | Uint8Array): void;
  stdout(data: string | Uint8Array): void;
  stderr(text: string): void;
}

/** The process's real file system and streams. */
export const NODE_IO: CliIo = {
  readFile: (path) => readFileSync(path),
  writeFile: (path, data) => writeFileSync(path, data),
  stdout: (data) => process.stdout.write(data),
  stderr: (text) => process.stderr.write(text),
};

/** Exit codes: success, invalid input data, wrong usage. */
export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

const HELP = `cjm — Customer Journey Maps from journey files

Usage:
  cjm import FILE [-o OUT.json]
      Read a journey from CSV (wide or long), a Mermaid user journey or a
      cjm-journey JSON file; print what it holds; write it as cjm-journey JSON.
  cjm export FILE --format json|csv|csv-long|md|mermaid|svg|pdf|plan|plan-csv [-o OUT] [--delimiter ';']
      Write a journey in another format (csv is the wide shape; plan and
      plan-csv the action plan: every opportunity by priority with the pains
      it addresses, impact, effort, owner, status and KPI). CSV is
      UTF-8 with a byte order mark, so Excel reads Cyrillic; --delimiter ';'
      suits Excel where the decimal mark is a comma (Russian, Ukrainian).
      pdf prints the map on A3 landscape pages, cut between lanes, the
      stage headers repeated on every page.
  cjm check FILE [--json]
      Run the map health check: rules, the moment of truth, a happiness score
      per persona. Exit code 1 when it finds errors.
  cjm diff A B
      What changed from journey A to journey B: stages, cards, emotions.
  cjm render FILE [-o OUT.svg] [--host svg|figjam|miro] [--width PX] [--view VIEW]
      Draw the map of a journey as an SVG picture (to OUT or standard output);
      --view draws one view of it, as the panel presents it: a stage
      (stage:search), a persona (persona:anna), the whole map (map), or the
      prioritisation matrix (matrix) of a map that draws one.
  cjm scene FILE [--host svg|figjam|miro]
      Print the laid-out scene as JSON: every item with its key, box and text.
  cjm template [-o OUT.json]
      Write the default template journey (online-store order) as a file.
  cjm --version
      Print the version of cjm-board.

FILE is a cjm-journey JSON file, a CSV (.csv, .tsv, .txt) or a Mermaid
journey (.mmd); the format is told by the extension, else by the content.
Its encoding is told from its bytes: UTF-8 (with or without a byte order
mark), UTF-16, Windows-1251 or Windows-1252; a first line "sep=;" names
the CSV delimiter.
--host picks the sticky-note sizes of that host (default: svg, like FigJam).

Exit codes: 0 done, 1 the file is not a valid journey (or check found
errors), 2 wrong usage or an output that cannot be written.
`;

/** How an export is written: the CSV delimiter. */
interface ExportOptions {
  delimiter?: CsvDelimiter;
}

const EXPORTS: ReadonlyMap<string, (journey: Journey, options: ExportOptions) => string | Uint8Array> = new Map<string, (journey: Journey, options: ExportOptions) => string | Uint8Array>([
  ['json', formatJourneyFile],
  ['csv', exportJourneyCsvWide],
  ['csv-wide', exportJourneyCsvWide],
  ['csv-long', exportJourneyCsvLong],
  ['md', exportJourneyMarkdown],
  ['markdown', exportJourneyMarkdown],
  ['mermaid', exportJourneyMermaid],
  ['svg', (journey) => renderPicture(journey, SVG_METRICS)],
  ['pdf', (journey) => printPicture(journey)],
  ['plan', exportJourneyPlanMarkdown],
  ['plan-csv', exportJourneyPlanCsv],
]);

/** The export formats that take a delimiter. */
const CSV_EXPORTS: ReadonlySet<string> = new Set(['csv', 'csv-wide', 'csv-long', 'plan-csv']);
const DELIMITERS: ReadonlySet<string> = new Set<CsvDelimiter>([',', ';']);

const HOSTS: ReadonlyMap<string, HostMetrics> = new Map([
  ['svg', SVG_METRICS],
  ['figjam', FIGJAM_METRICS],
  ['miro', MIRO_METRICS],
]);

/**
 * The map of `journey` laid out for `metrics` as a picture wraps its text:
 * words hyphenated by the journey's language, never broken mid-word.
 */
function layoutPicture(journey: Journey, metrics: HostMetrics): { scene: Scene; hyphenate: Hyphenator } {
  const hyphenate = createPatternHyphenator(journey.locale);
  return { scene: layoutJourney(journey, { metrics, measureText: createPictureTextMeasurer(hyphenate) }), hyphenate };
}

/** The map of `journey` as a PDF for printing (see renderScenePdf), with the picture's sticky sizes. */
function printPicture(journey: Journey): Uint8Array {
  const { scene, hyphenate } = layoutPicture(journey, SVG_METRICS);
  return renderScenePdf(scene, { metrics: SVG_METRICS, hyphenate, title: journey.title, creator: GENERATOR, ...(journey.locale ? { locale: journey.locale } : {}) });
}

/** The map of `journey` as an SVG picture with `metrics`' sticky sizes. */
function renderPicture(journey: Journey, metrics: HostMetrics): string {
  const { scene, hyphenate } = layoutPicture(journey, metrics);
  return renderSceneSvg(scene, { metrics, hyphenate });
}

function readJourney(path: string, io: CliIo): ImportResult | { ok: false; errors: ValidationError[]; format?: undefined } {
  let content: Uint8Array | string;
  try {
    content = io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { ok: false, errors: [{ path, message: `cannot read the file (${reason}); check the path` }] };
  }
  return typeof content === 'string' ? importJourney(content, { fileName: path }) : importJourneyBytes(content, { fileName: path });
}

/** A journey read from a file, with how it was read. */
interface ReadJourney {
  journey: Journey;
  format: ImportFormat;
  encoding?: FileEncoding;
  delimiter?: string;
  warnings: ValidationError[];
}

/**
 * Reads a journey or says why not; undefined when it is invalid (reported,
 * the first errors and how many more). Warnings (a guessed encoding) go to
 * standard error too, so a person sees them whatever the command.
 */
function readOrReport(path: string, io: CliIo): ReadJourney | undefined {
  const read = readJourney(path, io);
  if (!read.ok) {
    io.stderr(`cjm: ${path} is not a valid journey:\n${formatValidationErrors(read.errors)}\n`);
    return undefined;
  }
  const warnings = read.warnings ?? [];
  if (warnings.length > 0) io.stderr(`cjm: ${path}: ${warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`}:\n${formatValidationErrors(warnings, { noun: 'warning' })}\n`);
  return {
    journey: read.value,
    format: read.format,
    ...(read.encoding ? { encoding: read.encoding } : {}),
    ...(read.delimiter === undefined ? {} : { delimiter: read.delimiter }),
    warnings,
  };
}

/** A delimiter as the preview names it: tab by name, the rest quoted. */
const describeDelimiter = (delimiter: string): string => (delimiter === '\t' ? 'tab' : JSON.stringify(delimiter));

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Writes `text` (or a PDF's bytes) to -o or standard output. */
function emit(text: string | Uint8Array, output: string | undefined, io: CliIo): number {
  if (!output) {
    io.stdout(text);
    return EXIT_OK;
  }
  return writeOutput(output, text, io) ? EXIT_OK : EXIT_USAGE;
}

/** Writes an output file; reports a failure (missing folder, no permission) instead of throwing. */
function writeOutput(path: string, text: string | Uint8Array, io: CliIo): boolean {
  try {
    io.writeFile(path, text);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    io.stderr(`cjm: cannot write ${path} (${reason}); choose another -o path\n`);
    return false;
  }
}

/**
 * Runs the command line with the given arguments (without `node cli.js`).
 * Returns the exit code; never throws for bad input or usage.
 */
export function runCli(args: readonly string[], io: CliIo = NODE_IO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        host: { type: 'string', default: 'svg' },
        width: { type: 'string' },
        view: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        format: { type: 'string', short: 'f' },
        delimiter: { type: 'string', short: 'd' },
        json: { type: 'boolean' },
      },
    });
  } catch (error) {
    io.stderr(`cjm: ${(error as Error).message}\nRun "cjm --help" for usage.\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  const [command, file, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (values.version || command === 'version') {
    io.stdout(`${GENERATOR}\n`);
    return EXIT_OK;
  }
  if (values.delimiter !== undefined && !(command === 'export' && CSV_EXPORTS.has(values.format ?? ''))) {
    io.stderr(`cjm${command ? ` ${command}` : ''}: --delimiter applies to CSV exports only (cjm export FILE --format csv or csv-long).\n`);
    return EXIT_USAGE;
  }
  if (command === 'template') {
    if (file) {
      io.stderr(`cjm template: takes no file, received "${file}"; write it with -o ${file}\n`);
      return EXIT_USAGE;
    }
    const text = formatJourneyFile(createOnlineStoreJourney());
    if (!values.output) {
      io.stdout(text);
      return EXIT_OK;
    }
    return writeOutput(values.output, text, io) ? EXIT_OK : EXIT_USAGE;
  }
  if (command === 'diff') {
    const [second, ...extra] = rest;
    if (!file || !second || extra.length > 0) {
      io.stderr('cjm diff: expected two journey files, A and B.\nRun "cjm --help" for usage.\n');
      return EXIT_USAGE;
    }
    const before = readOrReport(file, io);
    const after = readOrReport(second, io);
    if (!before || !after) return EXIT_INVALID_INPUT;
    return emit(formatComparison(compareJourneys(before.journey, after.journey)), values.output, io);
  }
  if (command === 'import' || command === 'export' || command === 'check') {
    if (!file || rest.length > 0) {
      io.stderr(`cjm ${command}: expected exactly one journey file, received ${file ? [file, ...rest].length : 'none'}.\nRun "cjm --help" for usage.\n`);
      return EXIT_USAGE;
    }
    const exporter = command === 'export' ? EXPORTS.get(values.format ?? '') : undefined;
    if (command === 'export' && !exporter) {
      io.stderr(`cjm export: --format must be one of ${[...EXPORTS.keys()].join(', ')}, received ${values.format === undefined ? 'none' : `"${values.format}"`}.\n`);
      return EXIT_USAGE;
    }
    const { delimiter } = values;
    if (delimiter !== undefined && !DELIMITERS.has(delimiter)) {
      io.stderr(`cjm export: --delimiter must be ";" or ",", received ${JSON.stringify(delimiter)}.\n`);
      return EXIT_USAGE;
    }
    const read = readOrReport(file, io);
    if (!read) return EXIT_INVALID_INPUT;
    const { journey } = read;
    if (command === 'import') {
      const preview = previewImport(journey, read.format, read);
      const how = [preview.format, ENCODING_NAMES[preview.encoding], ...(preview.delimiter === undefined ? [] : [`delimiter ${describeDelimiter(preview.delimiter)}`])].join(', ');
      io.stderr(
        `cjm: ${file} (${how}): "${preview.title}", ${count(preview.stages, 'stage')}${preview.steps > 0 ? ` (${count(preview.steps, 'step')})` : ''}, ${count(preview.lanes, 'lane')}, ${count(preview.cards, 'card')}, ${count(preview.personas, 'persona')}, ${count(preview.scores, 'emotion score')}\n`,
      );
      return emit(formatJourneyFile(journey), values.output, io);
    }
    if (exporter) return emit(exporter(journey, delimiter === undefined ? {} : { delimiter: delimiter as CsvDelimiter }), values.output, io);
    const report = checkJourneyHealth(journey);
    if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout(formatHealthReport(report));
    return report.errors > 0 ? EXIT_INVALID_INPUT : EXIT_OK;
  }
  if (command !== 'render' && command !== 'scene') {
    io.stderr(command ? `cjm: unknown command "${command}".\n\n${HELP}` : HELP);
    return EXIT_USAGE;
  }
  if (!file || rest.length > 0) {
    io.stderr(`cjm ${command}: expected exactly one journey file, received ${file ? [file, ...rest].length : 'none'}.\nRun "cjm --help" for usage.\n`);
    return EXIT_USAGE;
  }
  const metrics = HOSTS.get(values.host ?? 'svg');
  if (!metrics) {
    io.stderr(`cjm: --host must be svg, figjam or miro, received "${values.host}".\n`);
    return EXIT_USAGE;
  }
  const width = values.width === undefined ? undefined : Number(values.width);
  if (width !== undefined && (!Number.isInteger(width) || width < 64 || width > 20000)) {
    io.stderr(`cjm: --width must be a whole number of pixels from 64 to 20000, received "${values.width}".\n`);
    return EXIT_USAGE;
  }
  const read = readOrReport(file, io);
  if (!read) return EXIT_INVALID_INPUT;
  const views = listPresentationViews(read.journey);
  const idOf = ({ view }: (typeof views)[number]): string => (view.kind === 'map' || view.kind === 'matrix' ? view.kind : view.kind === 'stage' ? view.stage : view.persona);
  const view = values.view === undefined ? undefined : views.find((candidate) => idOf(candidate) === values.view);
  if (values.view !== undefined && (command !== 'render' || !view)) {
    io.stderr(`cjm ${command}: --view must be one of ${views.map(idOf).join(', ')}${command === 'render' ? '' : ' (with render)'}, received "${values.view}".\n`);
    return EXIT_USAGE;
  }
  const faded = (keys: ReadonlySet<string> | undefined) => (keys ? { dim: keys } : {});
  // The scene as the host lays it out; a picture wraps text its own way (hyphenated) and is laid out for that.
  const picture = command === 'render' ? layoutPicture(read.journey, metrics) : undefined;
  const scene = picture?.scene ?? layoutJourney(read.journey, { metrics });
  const text = picture
    ? view
      ? renderViewPicture(picture.scene, view, { metrics, hyphenate: picture.hyphenate, ...(width === undefined ? {} : { width }), ...faded(findFadedKeys(read.journey, view)) }).svg
      : renderSceneSvg(picture.scene, { metrics, width, hyphenate: picture.hyphenate })
    : `${JSON.stringify(scene, null, 2)}\n`;
  if (values.output) {
    if (!writeOutput(values.output, text, io)) return EXIT_USAGE;
    io.stderr(`cjm: wrote ${values.output} (${scene.nodes.length} items, ${scene.width} × ${scene.height})\n`);
  } else io.stdout(text);
  return EXIT_OK;
}

/** The health report for people: one line a finding, then happiness per persona. */
function formatHealthReport(report: HealthReport): string {
  const lines = report.findings.map((finding) => `${finding.severity.padEnd(7)} ${finding.rule.padEnd(26)} ${finding.message}`);
  for (const entry of report.happiness) {
    lines.push(`happiness ${entry.name}: ${Math.round(entry.score * 100)} % (${entry.positiveStages} of ${entry.stages} ${entry.counted === 'steps' ? 'stages and steps' : 'stages'} positive)`);
  }
  lines.push(`${report.errors} errors, ${report.warnings} warnings`);
  return `${lines.join('\n')}\n`;
}
