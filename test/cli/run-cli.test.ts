import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, runCli, type CliIo } from '../../src/cli/run-cli';
import { formatJourneyFile, parseJourneyFileText } from '../../src/model/journey-file';
import { RECORD_VERSION } from '../../src/model/record-version';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { PROPERTY_SEED } from '../layout/journey-arbitrary';
import { encodeUtf16, encodeWindows1251 } from '../model/formats/encode-text';

const ONLINE_STORE = readFileSync(new URL('../fixtures/journeys/01-online-store.json', import.meta.url), 'utf8');
const LOYALTY = readFileSync(new URL('../fixtures/journeys/03-loyalty-two-personas.json', import.meta.url), 'utf8');

interface MemoryIo extends CliIo {
  files: Map<string, string>;
  /** Files given as bytes (in an encoding other than UTF-8). */
  bytes: Map<string, Uint8Array>;
  out: string;
  err: string;
}

/**
 * An in-memory file system and streams; a missing file fails like Node's
 * readFileSync. Files are read as bytes, as from a disk: a file given as
 * text is its UTF-8.
 */
function createMemoryIo(files: Record<string, string> = {}, bytes: Record<string, Uint8Array> = {}): MemoryIo {
  const io: MemoryIo = {
    files: new Map(Object.entries(files)),
    bytes: new Map(Object.entries(bytes)),
    out: '',
    err: '',
    readFile(path) {
      const content = io.bytes.get(path) ?? io.files.get(path);
      if (content === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    writeFile(path, data) {
      if (typeof data === 'string') io.files.set(path, data);
      else io.bytes.set(path, data);
    },
    stdout(data) {
      io.out += typeof data === 'string' ? data : new TextDecoder().decode(data);
    },
    stderr(text) {
      io.err += text;
    },
  };
  return io;
}

describe('cjm render', () => {
  it('writes an SVG file and returns 0', () => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE });
    expect(runCli(['render', 'store.json', '-o', 'out.svg'], io)).toBe(EXIT_OK);
    const svg = io.files.get('out.svg');
    expect(svg?.startsWith('<svg')).toBe(true);
    expect(svg?.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('Order &#38; pay');
    expect(io.out).toBe('');
    expect(io.err).toMatch(/wrote out\.svg/);
  });

  it('draws one view of the map with --view: a stage’s column, a persona’s card and line', () => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE });
    expect(runCli(['render', 'store.json', '--view', 'stage:order', '-o', 'order.svg'], io)).toBe(EXIT_OK);
    expect(runCli(['render', 'store.json', '-o', 'whole.svg'], io)).toBe(EXIT_OK);
    const viewBox = (name: string) => (/viewBox="([^"]+)"/.exec(io.files.get(name) ?? '')?.[1] ?? '').split(' ').map(Number);
    const [, , width] = viewBox('order.svg');
    const [, , wholeWidth] = viewBox('whole.svg');
    // The stage's column with the lane names beside it: narrower than the map, holding no other stage.
    expect(width).toBeLessThan((wholeWidth ?? 0) / 2);
    const order = io.files.get('order.svg') ?? '';
    expect(order).toContain('Order &#38; pay');
    expect(order).toContain('>Goals &#38; actions');
    expect(order).not.toContain('Search &#38; compare');
    expect(runCli(['render', 'store.json', '--view', 'persona:anna', '-o', 'anna.svg'], io)).toBe(EXIT_OK);
    expect(viewBox('anna.svg')[2]).toBeGreaterThan(width ?? 0);
    expect(runCli(['render', 'store.json', '--view', 'stage:nowhere'], io)).toBe(EXIT_USAGE);
    expect(io.err).toMatch(/--view must be one of map, stage:need, .*persona:anna, received "stage:nowhere"/);
  });

  it('fades the other personas in a persona\u2019s view, and nothing in the whole map', () => {
    const file = JSON.parse(ONLINE_STORE) as { journey: { personas: { id: string; name: string }[]; emotions: { persona: string; score: number }[] } };
    const [anna] = file.journey.personas;
    const journey = {
      ...file.journey,
      personas: [...file.journey.personas, { ...anna, id: 'persona:oleg', name: 'Oleg' }],
      emotions: [...file.journey.emotions, ...file.journey.emotions.map((emotion) => ({ ...emotion, persona: 'persona:oleg', score: -emotion.score }))],
    };
    const io = createMemoryIo({ 'two.json': JSON.stringify({ ...file, journey }) });
    const faded = (name: string) => (io.files.get(name)?.match(/<g opacity="0\.22">/g) ?? []).length;
    expect(runCli(['render', 'two.json', '--view', 'persona:anna', '-o', 'anna.svg'], io)).toBe(EXIT_OK);
    expect(runCli(['render', 'two.json', '-o', 'whole.svg'], io)).toBe(EXIT_OK);
    // Oleg's line, its points and legend entry.
    expect(faded('anna.svg')).toBeGreaterThan(5);
    expect(faded('whole.svg')).toBe(0);
  });

  it('draws the prioritisation matrix of a map that draws one with --view matrix, below the lanes', () => {
    const file = JSON.parse(ONLINE_STORE) as { journey: Record<string, unknown> };
    const io = createMemoryIo({ 'store.json': ONLINE_STORE, 'matrix.json': JSON.stringify({ ...file, journey: { ...file.journey, matrix: true } }) });
    expect(runCli(['render', 'store.json', '--view', 'matrix'], io)).toBe(EXIT_USAGE);
    expect(runCli(['render', 'matrix.json', '--view', 'matrix', '-o', 'matrix.svg'], io)).toBe(EXIT_OK);
    const svg = io.files.get('matrix.svg') ?? '';
    expect(svg).toContain('Quick wins');
    const [, y] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number);
    expect(y).toBeGreaterThan(3000);
  });

  it('prints the SVG when no output file is given', () => {
    const io = createMemoryIo({ 'loyalty.json': LOYALTY });
    expect(runCli(['render', 'loyalty.json', '--host', 'miro', '--width', '1200'], io)).toBe(EXIT_OK);
    expect(io.out).toMatch(/^<svg [^>]*width="1200"/);
    expect(io.out).toContain('Максим');
  });

  it('reads the file named after the options too', () => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE });
    expect(runCli(['--host=figjam', '-o', 'a.svg', 'render', 'store.json'], io)).toBe(EXIT_OK);
    expect(io.files.has('a.svg')).toBe(true);
  });
});

describe('cjm scene', () => {
  it('prints the scene as JSON with its nodes, frame first', () => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE });
    expect(runCli(['scene', 'store.json'], io)).toBe(EXIT_OK);
    const scene = JSON.parse(io.out);
    expect(scene.nodes.length).toBeGreaterThan(80);
    expect(scene.nodes[0].key).toBe('map');
    expect(scene.nodes.filter((node: { type: string }) => node.type === 'sticky')).toHaveLength(85);
  });

  it('uses the sticky size of the chosen host', () => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE });
    expect(runCli(['scene', 'store.json', '--host', 'miro'], io)).toBe(EXIT_OK);
    const sticky = JSON.parse(io.out).nodes.find((node: { type: string }) => node.type === 'sticky');
    expect([sticky.width, sticky.height]).toEqual([199, 228]);
  });
});

describe('cjm template', () => {
  it('prints the default template as a valid journey file', () => {
    const io = createMemoryIo();
    expect(runCli(['template'], io)).toBe(EXIT_OK);
    expect(io.out).toBe(formatJourneyFile(createOnlineStoreJourney()));
    const parsed = parseJourneyFileText(io.out);
    expect(parsed.ok).toBe(true);
  });

  it('writes it to a file with -o', () => {
    const io = createMemoryIo();
    expect(runCli(['template', '-o', 'mine.json'], io)).toBe(EXIT_OK);
    expect(parseJourneyFileText(io.files.get('mine.json') ?? '').ok).toBe(true);
    expect(io.out).toBe('');
  });
});

describe('cjm errors', () => {
  it('returns 1 for a missing file and names it', () => {
    const io = createMemoryIo();
    expect(runCli(['render', 'nowhere/journey.json'], io)).toBe(EXIT_INVALID_INPUT);
    expect(io.err).toContain('nowhere/journey.json');
    expect(io.err).toMatch(/no such file/);
    expect(io.out).toBe('');
  });

  it('returns 1 for an invalid journey and gives the path of the bad field', () => {
    const document = JSON.parse(ONLINE_STORE);
    document.journey.stages[1].name = '';
    document.journey.cards[3].stage = 'stage:nowhere';
    const io = createMemoryIo({ 'bad.json': JSON.stringify(document) });
    expect(runCli(['scene', 'bad.json'], io)).toBe(EXIT_INVALID_INPUT);
    expect(io.err).toContain('bad.json');
    expect(io.err).toContain('journey.stages[1].name');
    expect(io.out).toBe('');
  });

  it('returns 1 for a .json file that is not JSON', () => {
    const io = createMemoryIo({ 'notes.json': 'stage,lane,text' });
    expect(runCli(['render', 'notes.json', '-o', 'out.svg'], io)).toBe(EXIT_INVALID_INPUT);
    expect(io.err).toMatch(/not valid JSON/);
    expect(io.files.has('out.svg')).toBe(false);
  });

  it('returns 1 for a CSV that names no stage', () => {
    const io = createMemoryIo({ 'notes.txt': 'stage,lane,text' });
    expect(runCli(['render', 'notes.txt', '-o', 'out.svg'], io)).toBe(EXIT_INVALID_INPUT);
    expect(io.err).toMatch(/notes\.txt is not a valid journey:\nline 1: no stage is named/);
    expect(io.files.has('out.svg')).toBe(false);
  });

  it('returns 1 and the update hint for a newer file version', () => {
    const io = createMemoryIo({ 'new.json': ONLINE_STORE.replace('"version": 1', `"version": ${RECORD_VERSION + 1}`) });
    expect(runCli(['render', 'new.json'], io)).toBe(EXIT_INVALID_INPUT);
    expect(io.err).toMatch(/update cjm-board/);
  });

  it.each([
    ['an unknown command', ['draw', 'store.json']],
    ['no command', []],
    ['an unknown option', ['render', 'store.json', '--colour', 'red']],
    ['-o without a value', ['render', 'store.json', '-o']],
    ['no file', ['render']],
    ['two files', ['render', 'store.json', 'other.json']],
    ['an unknown host', ['render', 'store.json', '--host', 'canva']],
    ['an empty host', ['render', 'store.json', '--host', '']],
    ['a width that is not a number', ['render', 'store.json', '--width', 'wide']],
    ['a fractional width', ['render', 'store.json', '--width', '800.5']],
    ['a width too small', ['render', 'store.json', '--width', '10']],
    ['a width too large', ['render', 'store.json', '--width', '50000']],
    ['an empty width', ['render', 'store.json', '--width', '']],
  ])('returns 2 for %s', (_, args) => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE, 'other.json': ONLINE_STORE });
    expect(runCli(args, io)).toBe(EXIT_USAGE);
    expect(io.err.length).toBeGreaterThan(0);
    expect(io.out).toBe('');
    expect([...io.files.keys()].sort()).toEqual(['other.json', 'store.json']);
  });

  it('names the bad value of --host and --width', () => {
    const host = createMemoryIo({ 'store.json': ONLINE_STORE });
    runCli(['render', 'store.json', '--host', 'canva'], host);
    expect(host.err).toContain('"canva"');
    const width = createMemoryIo({ 'store.json': ONLINE_STORE });
    runCli(['render', 'store.json', '--width', 'wide'], width);
    expect(width.err).toContain('"wide"');
  });

  // Names of inherited object members are not hosts.
  it.each([['toString'], ['constructor'], ['__proto__'], ['hasOwnProperty']])('returns 2 for --host %s', (host) => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE });
    expect(runCli(['render', 'store.json', '--host', host], io)).toBe(EXIT_USAGE);
  });
});

describe('cjm --help', () => {
  it.each([[['--help']], [['-h']], [['help']], [['render', '--help']]])('prints usage for %j and returns 0', (args) => {
    const io = createMemoryIo();
    expect(runCli(args, io)).toBe(EXIT_OK);
    expect(io.out).toMatch(/Usage:/);
    expect(io.out).toMatch(/cjm render FILE/);
    expect(io.err).toBe('');
  });
});

describe('cjm on arbitrary input', () => {
  const word = fc.oneof(
    fc.constantFrom('render', 'scene', 'template', 'help', 'file.json', 'store.json', '-o', '--output', '--host', '--width', '-h', '--', '-', '--host=miro', 'miro', 'figjam', 'svg', '0', '64', '-1'),
    fc.string({ maxLength: 12 }),
  );

  it('never throws for random file contents', () => {
    const document = JSON.parse(ONLINE_STORE);
    const contents = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json().map((json) => json),
      fc.anything().map((value) => JSON.stringify({ format: 'cjm-journey', version: 1, journey: value }) ?? ''),
      fc.anything().map((value) => JSON.stringify({ ...document, journey: { ...document.journey, cards: value } }) ?? ''),
    );
    fc.assert(
      fc.property(contents, fc.constantFrom('render', 'scene'), (text, command) => {
        const io = createMemoryIo({ 'file.json': text });
        const code = runCli([command, 'file.json'], io);
        expect([EXIT_OK, EXIT_INVALID_INPUT]).toContain(code);
        if (code === EXIT_INVALID_INPUT) expect(io.err).toContain('file.json');
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('never throws for random argument lists, and only returns 0, 1 or 2', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (args) => {
        const io = createMemoryIo({ 'file.json': ONLINE_STORE, 'store.json': '{"format":"cjm-journey","version":1}' });
        const code = runCli(args, io);
        expect([EXIT_OK, EXIT_INVALID_INPUT, EXIT_USAGE]).toContain(code);
        if (code !== EXIT_OK) expect(io.err.length).toBeGreaterThan(0);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });
});

describe('cjm and an output it cannot write', () => {
  // "cjm render a.json -o missing-folder/a.svg" reports the path and exits 2;
  // runCli never throws for bad input or usage.
  it('reports the path instead of throwing', () => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE });
    io.writeFile = (path) => {
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    };
    let code: number | undefined;
    expect(() => {
      code = runCli(['render', 'store.json', '-o', 'missing-folder/out.svg'], io);
    }).not.toThrow();
    expect(code).not.toBe(EXIT_OK);
    expect(io.err).toContain('missing-folder/out.svg');
  });
});

const WIDE_CSV = 'Lane;Search;Order\nActions;Reads reviews;Fills in the form\nTouchpoints;Product page;Checkout\nPains;;Form too long\nOpportunities;;One-page checkout\nEmotion;1;-2\n';

describe('cjm import, export, check and diff', () => {
  it('imports a CSV: a preview on stderr, the journey as cjm-journey JSON', () => {
    const io = createMemoryIo({ 'research/kettle-order.csv': WIDE_CSV });
    expect(runCli(['import', 'research/kettle-order.csv', '-o', 'kettle.json'], io)).toBe(EXIT_OK);
    expect(io.err).toBe('cjm: research/kettle-order.csv (csv, UTF-8, delimiter ";"): "Kettle order", 2 stages, 5 lanes, 6 cards, 1 persona, 2 emotion scores\n');
    const written = parseJourneyFileText(io.files.get('kettle.json') ?? '');
    expect(written.ok && written.value.cards).toHaveLength(6);
  });

  it('imports a version-1 file and writes it as the current version', () => {
    const io = createMemoryIo({ 'old.json': ONLINE_STORE });
    expect(JSON.parse(ONLINE_STORE)).toMatchObject({ version: 1, journey: { schema: 1 } });
    expect(runCli(['import', 'old.json', '-o', 'new.json'], io)).toBe(EXIT_OK);
    expect(JSON.parse(io.files.get('new.json') ?? '{}')).toMatchObject({ format: 'cjm-journey', version: RECORD_VERSION, journey: { schema: RECORD_VERSION } });
    // The same journey (the online store as version 1 saved it, before Order & pay had steps), written as this version writes it.
    const old = JSON.parse(ONLINE_STORE) as { journey: Record<string, unknown> };
    expect(JSON.parse(io.files.get('new.json') ?? '{}').journey).toEqual({ ...old.journey, schema: RECORD_VERSION });
  });

  it('imports a Mermaid journey and says where a bad line is', () => {
    const io = createMemoryIo({ 'day.mmd': 'journey\n  title Day\n  section Work\n    Tea: 5: Me\n', 'bad.mmd': 'journey\n  section A\n    Tea: x: Me\n', 'hot.mmd': 'journey\n  section A\n    Tea: 7: Me\n' });
    expect(runCli(['import', 'day.mmd'], io)).toBe(EXIT_OK);
    expect(io.out).toContain('"title": "Day"');
    expect(runCli(['import', 'bad.mmd'], io)).toBe(EXIT_INVALID_INPUT);
    expect(io.err).toMatch(/bad\.mmd is not a valid journey:\nline 3: expected a score from 1 to 5/);
    // What an import changed is said beside the preview: a score outside 1…5 is read as the nearest.
    io.err = '';
    expect(runCli(['import', 'hot.mmd'], io)).toBe(EXIT_OK);
    expect(io.err).toMatch(/^cjm: hot\.mmd: a warning:\nline 3: .*7/);
  });

  it('gives a Mermaid journey back task by task, each with its own score and actors, and draws a point per task and actor', () => {
    const diagram = [
      'journey',
      '  title Ordering a kettle',
      '  section Choose',
      '    Search the catalogue: 4: Anna, Boris',
      '    Compare kettles: 2: Anna',
      '    Compare kettles: 5: Boris',
      '    Read reviews: 3: Boris',
      '  section Order & pay',
      '    Add to cart: 5: Anna, Boris',
      '    Fill in the form: 1: Anna, Boris',
      '    Choose delivery: 2: Anna',
      '    Pay: 4: Boris',
      '',
    ].join('\n');
    const io = createMemoryIo({ 'kettle.mmd': diagram });
    expect(runCli(['import', 'kettle.mmd', '-o', 'kettle.json'], io)).toBe(EXIT_OK);
    expect(io.err).toContain('2 stages (7 steps), 2 lanes, 0 cards, 2 personas, 11 emotion scores');
    expect(runCli(['export', 'kettle.json', '--format', 'mermaid', '-o', 'back.mmd'], io)).toBe(EXIT_OK);
    expect(io.files.get('back.mmd')).toBe(diagram);
    io.out = '';
    expect(runCli(['scene', 'kettle.json'], io)).toBe(EXIT_OK);
    const keys: string[] = (JSON.parse(io.out) as { nodes: { key: string }[] }).nodes.map((node) => node.key);
    const points = keys.filter((key) => /^emotion:[^:]+:/.test(key));
    // One point per actor of each task line (the two "Compare kettles" lines are one step, scored for each of them).
    const scored = diagram.split('\n').filter((line) => /: \d: /.test(line)).flatMap((line) => line.split(': ')[2]?.split(', ') ?? []);
    expect(points).toHaveLength(scored.length);
    expect(new Set(points).size).toBe(points.length);
    expect(keys.filter((key) => /^step:[^@]+@[^:]+$/.test(key))).toHaveLength(7);
  });

  it.each([
    ['json', /"format": "cjm-journey"/],
    ['csv', /^\uFEFFLane,Realise the need,/],
    ['csv-long', /^\uFEFFStage,Lane,Text,Persona,Emotion,Evidence\n/],
    ['md', /^# Online store: ordering a kettle\n/],
    ['mermaid', /^journey\n {2}title Online store/],
    ['svg', /^<svg /],
  ])('exports --format %s', (format, pattern) => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE });
    expect(runCli(['export', 'store.json', '--format', format], io)).toBe(EXIT_OK);
    expect(io.out).toMatch(pattern);
  });

  it('refuses an unknown export format with the list of known ones', () => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE });
    expect(runCli(['export', 'store.json', '--format', 'docx'], io)).toBe(EXIT_USAGE);
    expect(io.err).toMatch(/--format must be one of json, csv, csv-wide, csv-long, md, markdown, mermaid, svg, pdf, plan, plan-csv, received "docx"/);
  });

  it('checks a journey: findings, happiness, and exit 1 only when there are errors', () => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE, 'thin.csv': 'Lane,A,B\nActions,x,y\nEmotion,1\n' });
    expect(runCli(['check', 'store.json'], io)).toBe(EXIT_OK);
    expect(io.out).toMatch(/^info {4}moment-of-truth {12}Anna Petrova feels worst at "Order & pay" \(-2\)/);
    expect(io.out).toMatch(/happiness Anna Petrova: \d+ % \(\d of 6 stages positive\)\n0 errors, 0 warnings\n$/);
    io.out = '';
    expect(runCli(['check', 'thin.csv'], io)).toBe(EXIT_INVALID_INPUT);
    expect(io.out).toMatch(/error {3}missing-emotion {12}Customer has no emotion score at "B"/);
    io.out = '';
    expect(runCli(['check', 'thin.csv', '--json'], io)).toBe(EXIT_INVALID_INPUT);
    expect(JSON.parse(io.out)).toMatchObject({ errors: 1, happiness: [{ name: 'Customer', score: 0.5 }] });
  });

  it('diffs two versions of a journey', () => {
    const changed = createOnlineStoreJourney();
    changed.emotions.find((emotion) => emotion.step === 'step:form')!.score = 1;
    const io = createMemoryIo({ 'a.json': formatJourneyFile(createOnlineStoreJourney()), 'b.json': formatJourneyFile(changed) });
    expect(runCli(['diff', 'a.json', 'b.json'], io)).toBe(EXIT_OK);
    expect(io.out).toBe('~ emotion of Anna Petrova at Order & pay › Fill in the order form: -2 → +1\n');
    expect(runCli(['diff', 'a.json'], io)).toBe(EXIT_USAGE);
  });

  it('never throws, whatever the files hold (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom(WIDE_CSV, ONLINE_STORE, 'journey\n section A\n  t: 3: x')).chain((text) =>
          fc.tuple(fc.constant(text), fc.constantFrom('f.csv', 'f.json', 'f.mmd', 'f.txt', 'f'), fc.constantFrom('import', 'check', 'render', 'export', 'diff')),
        ),
        ([text, name, command]) => {
          const io = createMemoryIo({ [name]: text, 'store.json': ONLINE_STORE });
          const args = command === 'export' ? [command, name, '--format', 'md'] : command === 'diff' ? [command, name, 'store.json'] : [command, name];
          const code = runCli(args, io);
          expect([EXIT_OK, EXIT_INVALID_INPUT]).toContain(code);
          if (code === EXIT_INVALID_INPUT && command !== 'check') expect(io.err).toMatch(/is not a valid journey:\n\S/);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 400 },
    );
  });
});


describe('cjm and files as spreadsheets write them (issue 15)', () => {
  const RUSSIAN = 'Дорожка;Поиск;Заказ\r\nДействия;Ищет чайник;Оформляет заказ\r\nЭмоции;1;-2\r\n';

  it('imports a Windows-1251 CSV: the encoding and delimiter in the preview, the guess as a warning', () => {
    const io = createMemoryIo({}, { 'путь.csv': encodeWindows1251(RUSSIAN) });
    expect(runCli(['import', 'путь.csv', '-o', 'путь.json'], io)).toBe(EXIT_OK);
    expect(io.err).toMatch(/^cjm: путь\.csv: a warning:\n\(file\): the file is not UTF-8; it was read as Windows-1251 \(Cyrillic\).*CSV UTF-8\)\n/);
    expect(io.err).toMatch(/cjm: путь\.csv \(csv, Windows-1251 \(Cyrillic\), delimiter ";"\): "Путь", 2 stages, 2 lanes, 2 cards, 1 persona, 2 emotion scores\n$/);
    const written = parseJourneyFileText(io.files.get('путь.json') ?? '');
    expect(written.ok && written.value.cards.map((card) => card.text)).toEqual(['Ищет чайник', 'Оформляет заказ']);
  });

  it('imports UTF-16LE "Unicode Text" and checks it, reading bytes for every command', () => {
    const io = createMemoryIo({}, { 'sheet.txt': encodeUtf16('Lane\tA\tB\r\nActions\tx\ty\r\nEmotion\t1\t2\r\n', 'le') });
    expect(runCli(['import', 'sheet.txt'], io)).toBe(EXIT_OK);
    expect(io.err).toMatch(/\(csv, UTF-16LE, delimiter tab\)/);
    expect(runCli(['check', 'sheet.txt'], io)).toBe(EXIT_OK);
    expect(runCli(['export', 'sheet.txt', '--format', 'md'], io)).toBe(EXIT_OK);
    expect(io.out).toContain('| **Actions** | x | y |');
  });

  it('refuses a file in no encoding it reads, saying how to save it as UTF-8', () => {
    const io = createMemoryIo({}, { 'book.csv': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
    expect(runCli(['import', 'book.csv'], io)).toBe(EXIT_INVALID_INPUT);
    expect(io.err).toMatch(/book\.csv is not a valid journey:\n\(file\): this is a workbook .*File → Save As → CSV UTF-8/);
  });

  it('exports CSV with the delimiter asked for, UTF-8 with a byte order mark, formulas neutralised', () => {
    const journey = createOnlineStoreJourney();
    journey.cards[0]!.text = '=HYPERLINK("http://x","click")';
    const io = createMemoryIo({ 'store.json': formatJourneyFile(journey) });
    expect(runCli(['export', 'store.json', '--format', 'csv-long', '--delimiter', ';', '-o', 'store.csv'], io)).toBe(EXIT_OK);
    const csv = io.files.get('store.csv') ?? '';
    // The template has steps and plans: the long shape writes its Step, plan, Touchpoint and Channel columns.
    expect(csv.startsWith('\uFEFFStage;Step;Lane;Text;Persona;Emotion;Evidence;Addresses;Impact;Effort;Owner;Status;KPI;Touchpoint;Channel\n')).toBe(true);
    expect(csv).toContain('\nOrder & pay;Fill in the order form;Emotions;;Anna Petrova;-2;');
    expect(csv).toContain(`;"'=HYPERLINK(""http://x"",""click"")";`);
    expect(csv).toContain(';Anna Petrova;-2;');
    expect(runCli(['import', 'store.csv', '-o', 'back.json'], io)).toBe(EXIT_OK);
    const back = parseJourneyFileText(io.files.get('back.json') ?? '');
    expect(back.ok && back.value.cards.some((card) => card.text === '=HYPERLINK("http://x","click")')).toBe(true);
  });

  it.each([
    ['a delimiter it does not write', ['export', 'store.json', '--format', 'csv', '--delimiter', '|'], /--delimiter must be ";" or ","/],
    ['a delimiter for a format without one', ['export', 'store.json', '--format', 'md', '--delimiter', ';'], /--delimiter applies to CSV exports only/],
    ['a delimiter for another command', ['render', 'store.json', '--delimiter', ';'], /--delimiter applies to CSV exports only/],
  ])('returns 2 for %s', (_, args, message) => {
    const io = createMemoryIo({ 'store.json': ONLINE_STORE });
    expect(runCli(args, io)).toBe(EXIT_USAGE);
    expect(io.err).toMatch(message);
    expect(io.out).toBe('');
  });

  it('prints a bounded message for a 4 MB card id, and the first ten of many errors with how many more', () => {
    const document = JSON.parse(ONLINE_STORE);
    document.journey.cards[0].id = `card:${'x'.repeat(4_000_000)}`;
    const io = createMemoryIo({ 'huge.json': JSON.stringify(document) });
    expect(runCli(['check', 'huge.json'], io)).toBe(EXIT_INVALID_INPUT);
    expect(io.err.length).toBeLessThan(300);
    expect(io.err).toMatch(/journey\.cards\[0\]\.id: expected an id like "card:name" .*received "card:x+…"\n$/);
    const rows = Array.from({ length: 30 }, (_, index) => `Stage ${index},,x`).join('\n');
    const many = createMemoryIo({ 'many.csv': `Stage,Lane,Text\n${rows}\n` });
    expect(runCli(['import', 'many.csv'], many)).toBe(EXIT_INVALID_INPUT);
    const lines = many.err.trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines.at(-1)).toBe('… and 20 more errors');
  });
});

describe('cjm --version', () => {
  it('prints the one version of cjm-board, the one package.json and every written file carry', () => {
    const io = createMemoryIo();
    const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(runCli(['--version'], io)).toBe(EXIT_OK);
    expect(io.out).toBe(`cjm-board ${version}\n`);
    expect(runCli(['template', '-o', 'map.json'], io)).toBe(EXIT_OK);
    expect(JSON.parse(io.files.get('map.json') ?? '{}')).toMatchObject({ format: 'cjm-journey', generator: `cjm-board ${version}` });
  });
});
