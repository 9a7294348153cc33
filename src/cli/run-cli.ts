import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FIGJAM_METRICS, MIRO_METRICS, SVG_METRICS, type HostMetrics } from '../layout/host-metrics';
import { layoutJourney } from '../layout/layout-journey';
import { formatJourneyFile, parseJourneyFileText } from '../model/journey-file';
import type { Journey } from '../model/journey';
import { formatValidationErrors, type ParseResult } from '../model/parse-result';
import { createOnlineStoreJourney } from '../model/templates/online-store-template';
import { renderSceneSvg } from '../render/render-scene-svg';

/** Where the CLI writes; injectable so tests can capture output. */
export interface CliIo {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The process's real file system and streams. */
export const NODE_IO: CliIo = {
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Exit codes: success, invalid input data, wrong usage. */
export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

const HELP = `cjm — Customer Journey Maps from journey files

Usage:
  cjm render FILE [-o OUT.svg] [--host svg|figjam|miro] [--width PX]
      Draw the map of a journey as an SVG picture (to OUT or standard output).
  cjm scene FILE [--host svg|figjam|miro]
      Print the laid-out scene as JSON: every item with its key, box and text.
  cjm template [-o OUT.json]
      Write the default template journey (online-store order) as a file.

FILE is a cjm-journey JSON file ({ "format": "cjm-journey", "version": 1, "journey": … }).
--host picks the sticky-note sizes of that host (default: svg, like FigJam).

Exit codes: 0 done, 1 the file is not a valid journey, 2 wrong usage or an output that cannot be written.
`;

const HOSTS: ReadonlyMap<string, HostMetrics> = new Map([
  ['svg', SVG_METRICS],
  ['figjam', FIGJAM_METRICS],
  ['miro', MIRO_METRICS],
]);

function readJourney(path: string, io: CliIo): ParseResult<Journey> {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { ok: false, errors: [{ path, message: `cannot read the file (${reason}); check the path` }] };
  }
  return parseJourneyFileText(text);
}

/** Writes an output file; reports a failure (missing folder, no permission) instead of throwing. */
function writeOutput(path: string, text: string, io: CliIo): boolean {
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
        help: { type: 'boolean', short: 'h' },
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
  const journey = readJourney(file, io);
  if (!journey.ok) {
    io.stderr(`cjm: ${file} is not a valid journey:\n${formatValidationErrors(journey.errors)}\n`);
    return EXIT_INVALID_INPUT;
  }
  const scene = layoutJourney(journey.value, { metrics });
  const text = command === 'scene' ? `${JSON.stringify(scene, null, 2)}\n` : renderSceneSvg(scene, { metrics, width });
  if (values.output) {
    if (!writeOutput(values.output, text, io)) return EXIT_USAGE;
    io.stderr(`cjm: wrote ${values.output} (${scene.nodes.length} items, ${scene.width} × ${scene.height})\n`);
  } else io.stdout(text);
  return EXIT_OK;
}
