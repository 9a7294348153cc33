import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What ships is served from wherever a team puts it: a Miro app on an HTTPS
// address with a sub-path (GitHub Pages: https://<owner>.github.io/<repository>/),
// a FigJam plugin uploaded from its folder. These tests build into folders of
// their own (node build.mjs --out), so the dist/ other tests read stays as is.
const ROOT = join(__dirname, '..', '..');
const PUBLIC_URL = 'https://example.github.io/cjm-board/';
const FIGMA_PLUGIN_ID = '1234567890';
/** Where Miro's Web SDK is loaded from: the only absolute URL a page of the app may name. */
const MIRO_SDK = 'https://miro.com/app/static/sdk/v2/miro.js';

interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs build.mjs into `out` with `env` added to an environment without PUBLIC_URL and FIGMA_PLUGIN_ID. */
function runBuild(out: string, env: Record<string, string> = {}): BuildResult {
  const { PUBLIC_URL: _url, FIGMA_PLUGIN_ID: _id, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [join(ROOT, 'build.mjs'), '--out', out], { env: { ...inherited, CJM_QUIET: '1', ...env }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every file under `folder`, as paths relative to it with `/`. */
function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(folder, path)).isFile())
    .map((path) => path.split(sep).join('/'))
    .sort();
}

/** What in a built text file would only work on the machine that built it, or at the root of a server. */
function findMachineReferences(text: string): string[] {
  const patterns: [string, RegExp][] = [
    // An address on localhost; the manifest's note that Miro accepts plain HTTP there names no address.
    ['a localhost address', /\/\/localhost\b|\blocalhost:\d/i],
    ['127.0.0.1', /127\.0\.0\.1/],
    ['a file: URL', /file:\/\//i],
    ['the repository folder', new RegExp(ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))],
    ['a path under /work/', /\/work\//],
    ['a path under /home/', /\/home\//],
    ['a Windows drive path', /\b[A-Z]:\\(?:Users|Windows|work|home)\b/i],
    ['an absolute src', /\bsrc\s*=\s*["']\/(?!\/)/i],
    ['an absolute href', /\bhref\s*=\s*["']\/(?!\/)/i],
    ['an absolute import', /\b(?:from|import)\s*\(?\s*["']\/(?!\/)/],
    ['an absolute CSS url()', /url\(\s*["']?\/(?!\/)/i],
  ];
  return patterns.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** The src and href values of a page. */
const listPageReferences = (html: string): string[] => [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((match) => match[1] ?? '');

/** The module specifiers of a built script: static and dynamic imports, as esbuild writes them. */
// A word "from" inside a string ("from","to") is no import: the keyword never follows a quote.
const listModuleSpecifiers = (code: string): string[] => [...code.matchAll(/(?<!")(?:\bfrom|\bimport\(?)\s*"([^"]+)"/g)].map((match) => match[1] ?? '');

const folders: string[] = [];
/** A fresh folder under the system's temporary folder, removed after the tests. */
function createOutDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'cjm-board-built-'));
  folders.push(folder);
  return join(folder, 'dist');
}

let publicOut: string;
let devOut: string;

beforeAll(() => {
  publicOut = createOutDir();
  devOut = createOutDir();
  for (const [out, env] of [[publicOut, { PUBLIC_URL, FIGMA_PLUGIN_ID }], [devOut, {}]] as const) {
    const result = runBuild(out, env);
    if (result.status !== 0) throw new Error(`node build.mjs --out ${out} failed:\n${result.output}`);
  }
});

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('the Miro app built for a public address (PUBLIC_URL)', () => {
  it('writes app-manifest.yaml beside the app: sdkUri at PUBLIC_URL, the scopes and notes of the repository manifest', () => {
    const manifest = readFileSync(join(publicOut, 'miro/app-manifest.yaml'), 'utf8');
    const source = readFileSync(join(ROOT, 'app-manifest.yaml'), 'utf8');
    expect(manifest.match(/^sdkUri: .*$/gm)).toEqual([`sdkUri: ${PUBLIC_URL}index.html`]);
    expect(manifest).toContain(`served at ${PUBLIC_URL}`);
    // Everything but the address and the development note is the repository's manifest.
    const fields = (text: string): string[] => text.split('\n').filter((line) => !line.startsWith('#') && !line.startsWith('sdkUri:'));
    expect(fields(manifest)).toEqual(fields(source));
    expect(manifest).toMatch(/^scopes:\n {2}- boards:read\n {2}- boards:write$/m);
    expect(manifest).toMatch(/HTTPS.*localhost/s);
    expect(manifest).toContain('https://developers.miro.com/docs/app-manifest');
    expect(manifest).not.toContain('localhost:3000');
  });

  it('no file under miro/ or figjam/ refers to this machine, localhost or the root of a server', () => {
    const files = [...listFiles(join(publicOut, 'miro')).map((file) => `miro/${file}`), ...listFiles(join(publicOut, 'figjam')).map((file) => `figjam/${file}`)];
    expect(files).toEqual(expect.arrayContaining(['miro/index.html', 'miro/panel.html', 'miro/panel.js', 'miro/app-manifest.yaml', 'figjam/manifest.json', 'figjam/code.js', 'figjam/ui.html']));
    const found = files.map((file) => [file, findMachineReferences(readFileSync(join(publicOut, file), 'utf8'))] as const).filter(([, references]) => references.length > 0);
    expect(found).toEqual([]);
  });

  it('its pages name files beside them, relatively, and Miro’s SDK; the entry leads to the manifest, not the playground it is served without', () => {
    for (const page of ['index.html', 'panel.html']) {
      const html = readFileSync(join(publicOut, 'miro', page), 'utf8');
      const references = listPageReferences(html);
      expect(references, page).toContain(MIRO_SDK);
      for (const reference of references.filter((value) => value !== MIRO_SDK)) {
        expect(reference, `${page}: ${reference}`).not.toMatch(/^(?:[a-z]+:|\/)/i);
        expect(existsSync(join(publicOut, 'miro', reference)), `${page} names ${reference}, which the build did not write`).toBe(true);
      }
    }
    const entry = readFileSync(join(publicOut, 'miro/index.html'), 'utf8');
    expect(entry).toContain('href="app-manifest.yaml"');
    expect(entry).not.toContain('../playground/');
  });

  it('its scripts import their chunks by relative paths that exist', () => {
    const scripts = listFiles(join(publicOut, 'miro')).filter((file) => file.endsWith('.js'));
    const specifiers = scripts.flatMap((file) => listModuleSpecifiers(readFileSync(join(publicOut, 'miro', file), 'utf8')).map((specifier) => [file, specifier] as const));
    expect(specifiers.some(([, specifier]) => specifier.startsWith('./chunks/'))).toBe(true);
    for (const [file, specifier] of specifiers) {
      expect(specifier, `${file} imports "${specifier}"`).toMatch(/^\.\.?\//);
      const target = posix.join(posix.dirname(file), specifier);
      expect(existsSync(join(publicOut, 'miro', target)), `${file} imports ${specifier}, which is not in dist/miro`).toBe(true);
    }
  });
});

describe('the FigJam plugin as it is published', () => {
  it('writes figjam/manifest.json with the id from FIGMA_PLUGIN_ID and the files beside it', () => {
    const built = JSON.parse(readFileSync(join(publicOut, 'figjam/manifest.json'), 'utf8')) as Record<string, unknown>;
    const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(built).toEqual({ ...source, id: FIGMA_PLUGIN_ID, main: 'code.js', ui: 'ui.html' });
    expect(existsSync(join(publicOut, 'figjam', String(built.main)))).toBe(true);
    expect(existsSync(join(publicOut, 'figjam', String(built.ui)))).toBe(true);
    expect(built.networkAccess).toEqual({ allowedDomains: ['none'] });
  });

  it('keeps the development id without FIGMA_PLUGIN_ID; the repository manifest stays the one developers import', () => {
    const built = JSON.parse(readFileSync(join(devOut, 'figjam/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(built.id).toBe('cjm-board-dev');
    expect(built.main).toBe('code.js');
    const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(source).toMatchObject({ id: 'cjm-board-dev', main: 'dist/figjam/code.js', ui: 'dist/figjam/ui.html' });
  });
});

describe('the development build (no PUBLIC_URL)', () => {
  it('writes the localhost manifest of the repository, and nothing else under miro/ or figjam/ names this machine', () => {
    expect(readFileSync(join(devOut, 'miro/app-manifest.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'app-manifest.yaml'), 'utf8'));
    const files = [...listFiles(join(devOut, 'miro')).map((file) => `miro/${file}`), ...listFiles(join(devOut, 'figjam')).map((file) => `figjam/${file}`)].filter((file) => file !== 'miro/app-manifest.yaml');
    const found = files.map((file) => [file, findMachineReferences(readFileSync(join(devOut, file), 'utf8'))] as const).filter(([, references]) => references.length > 0);
    expect(found).toEqual([]);
  });

  it('the files Miro loads are the same as in the public build: only the manifest and the entry page’s note differ', () => {
    const differing = listFiles(join(devOut, 'miro')).filter((file) => readFileSync(join(devOut, 'miro', file), 'utf8') !== readFileSync(join(publicOut, 'miro', file), 'utf8'));
    expect(differing).toEqual(['app-manifest.yaml', 'index.html']);
  });
});

describe('build.mjs options', () => {
  it('adds the final slash PUBLIC_URL lacks', () => {
    const out = createOutDir();
    expect(runBuild(out, { PUBLIC_URL: 'https://example.github.io/cjm-board' }).status).toBe(0);
    expect(readFileSync(join(out, 'miro/app-manifest.yaml'), 'utf8')).toContain(`sdkUri: ${PUBLIC_URL}index.html`);
  });

  it.each([
    ['http://example.github.io/cjm-board/', /PUBLIC_URL must start with https:\/\/.*received "http:\/\/example\.github\.io\/cjm-board\/"/],
    ['example.github.io/cjm-board/', /not a URL/],
    ['https://example.github.io/cjm-board/index.html', /not a page in it.*https:\/\/example\.github\.io\/cjm-board\//],
    ['https://example.github.io/cjm-board/?v=2', /without query/],
  ])('refuses PUBLIC_URL=%s and says why, writing nothing', (url, message) => {
    const out = createOutDir();
    const result = runBuild(out, { PUBLIC_URL: url });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('accepts plain http on localhost, as Miro does while developing', () => {
    const out = createOutDir();
    expect(runBuild(out, { PUBLIC_URL: 'http://localhost:8080/cjm/' }).status).toBe(0);
    expect(readFileSync(join(out, 'miro/app-manifest.yaml'), 'utf8')).toContain('sdkUri: http://localhost:8080/cjm/index.html');
  });

  it.each(['cjm-board', '12ab', '-1'])('refuses FIGMA_PLUGIN_ID=%s: Figma issues numeric ids', (id) => {
    const out = createOutDir();
    const result = runBuild(out, { FIGMA_PLUGIN_ID: id });
    expect(result.status).toBe(1);
    expect(result.output).toContain(`FIGMA_PLUGIN_ID must be the numeric id Figma issued for the plugin`);
    expect(result.output).toContain(`received "${id}"`);
  });

  it('refuses to build into the repository, which it would empty first', () => {
    const result = runBuild(ROOT);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/--out ".*" is the repository or holds it/);
  });
});
