// Builds every deliverable of cjm-board into dist/:
//   dist/figjam/code.js   FigJam main thread, one script (manifest "main")
//   dist/figjam/ui.html   FigJam panel, one HTML file with JS and CSS inlined (manifest "ui")
//   dist/figjam/manifest.json  the manifest to publish: FIGMA_PLUGIN_ID, paths beside it
//   dist/miro/index.html  Miro app entry (sdkUri), opens the panel on icon click
//   dist/miro/panel.html  Miro panel
//   dist/miro/app-manifest.yaml  the Miro app manifest for where dist/miro is served (PUBLIC_URL)
//   dist/cli.js           command-line renderer: node dist/cli.js --help
//
// dist/miro is a static site with relative URLs only: it works from any
// address, sub-path included. Options, all optional:
//   PUBLIC_URL=https://example.github.io/cjm-board/  where dist/miro is served (sdkUri = PUBLIC_URL + index.html)
//   FIGMA_PLUGIN_ID=1234567890                       the id Figma issued for the plugin
//   --out <dir>                                      build into <dir> instead of dist/
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

/** Stops the build with a message that says what was received and how to fix it. */
function failBuild(message) {
  console.error(`build.mjs: ${message}`);
  process.exit(1);
}

/**
 * The output directory: dist/, or the one `--out <dir>` names (tests build
 * there so they never replace the dist/ other tests read). It is emptied
 * first, so it may not be the repository or a folder that holds it.
 */
function readOutDir(args) {
  const index = args.indexOf('--out');
  if (index === -1) return join(root, 'dist');
  const value = args[index + 1];
  if (!value || value.startsWith('--')) failBuild('--out needs a directory, for example: node build.mjs --out /tmp/cjm-dist');
  const out = resolve(value);
  const fromOut = relative(out, root);
  if (fromOut === '' || (!fromOut.startsWith('..') && !isAbsolute(fromOut)) || existsSync(join(out, 'package.json'))) {
    failBuild(`--out "${value}" is the repository or holds it (the build empties its output directory first); choose a directory of its own, for example: --out /tmp/cjm-dist`);
  }
  return out;
}

const dist = readOutDir(process.argv.slice(2));

// Hosts a Miro app may be served from over plain HTTP: Miro requires HTTPS
// for the app URL except on localhost while developing
// (https://developers.miro.com/docs/app-manifest, sdkUri: "The protocol must
// be HTTPS"; "If you're developing locally, you can use localhost and HTTP").
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * PUBLIC_URL, checked and ending with `/` (added when missing), or undefined
 * when it is not set. Stops the build when it is not an https:// address (or
 * http:// on localhost), or carries a query or fragment.
 */
function readPublicUrl(value) {
  if (value === undefined || value.trim() === '') return undefined;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    return failBuild(`PUBLIC_URL must be the address dist/miro is served from, such as https://example.github.io/cjm-board/; received "${value}", which is not a URL.`);
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    failBuild(`PUBLIC_URL must start with https:// (Miro loads apps over HTTPS only, plain http:// is accepted on localhost alone); received "${value}". Serve dist/miro over HTTPS, for example on GitHub Pages: PUBLIC_URL=https://<owner>.github.io/<repository>/`);
  }
  if (url.search || url.hash || url.username || url.password) {
    failBuild(`PUBLIC_URL must be a plain folder address without query, fragment or credentials; received "${value}". Example: https://example.github.io/cjm-board/`);
  }
  if (/\.html?$/i.test(url.pathname)) {
    failBuild(`PUBLIC_URL names the folder dist/miro is served as, not a page in it; received "${value}". Drop the file name, for example: ${new URL('.', url).href}`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

// Figma issues plugin ids as strings of digits (https://developers.figma.com/docs/plugins/manifest,
// id: "assigned to you by Figma", e.g. "737805260747778092").
const FIGMA_PLUGIN_ID_PATTERN = /^[0-9]{1,30}$/;

/** FIGMA_PLUGIN_ID, checked, or undefined when it is not set (the manifest keeps its development id). */
function readFigmaPluginId(value) {
  if (value === undefined || value.trim() === '') return undefined;
  if (!FIGMA_PLUGIN_ID_PATTERN.test(value.trim())) {
    failBuild(`FIGMA_PLUGIN_ID must be the numeric id Figma issued for the plugin (the "id" of the manifest.json Figma writes for a new plugin, Plugins > Development > New plugin…, or the number in the plugin's Community address); received "${value}". Example: FIGMA_PLUGIN_ID=1234567890123456789 npm run build`);
  }
  return value.trim();
}

const publicUrl = readPublicUrl(process.env.PUBLIC_URL);
const figmaPluginId = readFigmaPluginId(process.env.FIGMA_PLUGIN_ID);

// Miro loads its Web SDK from its own origin; the app itself makes no other requests.
const MIRO_SDK = 'https://miro.com/app/static/sdk/v2/miro.js';

const common = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Russian and Ukrainian text as UTF-8, not \uXXXX escapes (a third of the size); pages and modules are UTF-8.
  charset: 'utf8',
};

/** Bundles one browser entry and returns its JavaScript text. */
async function bundleScript(entry, options = {}) {
  const result = await build({ ...common, entryPoints: [join(root, entry)], write: false, format: 'iife', target: 'es2020', ...options });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}

/**
 * The Miro panel's theme: ui/miro-theme.css, preceded by the Mirotone design
 * tokens it refers to, read from the mirotone package's stylesheet (its
 * :root custom properties; nothing else of it, and not its font import).
 */
async function readMiroThemeCss() {
  const theme = await readFile(join(root, 'ui/miro-theme.css'), 'utf8');
  const mirotone = await readFile(join(root, 'node_modules/mirotone/dist/styles.css'), 'utf8');
  const rootBlock = mirotone.match(/:root\{([^}]*)\}/)?.[1] ?? '';
  const tokens = new Map(rootBlock.split(';').map((declaration) => declaration.split(':')).filter((pair) => pair.length === 2).map(([name, value]) => [name.trim(), value.trim()]));
  const used = [...new Set([...theme.matchAll(/var\((--[a-z0-9-]+)\)/g)].map((match) => match[1]))].filter((name) => tokens.has(name));
  const missing = [...theme.matchAll(/var\((--(?:colors|radii|fonts)-[a-z0-9-]+)\)/g)].map((match) => match[1]).filter((name) => !tokens.has(name));
  if (missing.length > 0) throw new Error(`ui/miro-theme.css uses tokens mirotone does not define: ${missing.join(', ')}`);
  return `:root{${used.map((name) => `${name}:${tokens.get(name)}`).join(';')}}\n${theme}`;
}

/** Escapes a script so it can be inlined in HTML without ending the tag. */
const inlineScript = (code) => code.replace(/<\/script/gi, '<\\/script');

// What the Miro app's entry page says when someone opens it on its own (the
// URL `npm start` prints): Miro loads it unseen, so this shows only outside Miro.
const MIRO_ENTRY_BODY_DEV = `<main style="font: 15px/1.5 system-ui, sans-serif; max-width: 38rem; margin: 3rem auto; padding: 0 1rem; color: #1e1e1e">
<h1 style="font-size: 1.4rem">cjm-board for Miro</h1>
<p>This is the entry of the cjm-board Miro app: Miro loads it in the background and opens the panel when you click the app's icon on a board. On its own it does nothing. To try cjm-board without Miro, open the <a href="../playground/">playground</a>.</p>
<p lang="ru">Это точка входа приложения cjm-board для Miro: Miro загружает её незаметно и открывает панель по щелчку на значке приложения на доске. Сама по себе она ничего не делает. Попробовать cjm-board без Miro можно в <a href="../playground/">песочнице</a>.</p>
<p lang="uk">Це точка входу застосунку cjm-board для Miro: Miro завантажує її непомітно й відкриває панель після клацання на значку застосунку на дошці. Сама по собі вона нічого не робить. Спробувати cjm-board без Miro можна в <a href="../playground/">пісочниці</a>.</p>
</main>`;

// The same page served at PUBLIC_URL: the playground is not part of that
// site, so it leads to the manifest beside it, which a team pastes into Miro.
const MIRO_ENTRY_BODY_PUBLIC = `<main style="font: 15px/1.5 system-ui, sans-serif; max-width: 38rem; margin: 3rem auto; padding: 0 1rem; color: #1e1e1e">
<h1 style="font-size: 1.4rem">cjm-board for Miro</h1>
<p>This is the entry of the cjm-board Miro app: Miro loads it in the background and opens the panel when you click the app's icon on a board. On its own it does nothing. To add the app to your Miro team, create an app in Miro's developer settings and paste <a href="app-manifest.yaml">app-manifest.yaml</a> into its manifest editor.</p>
<p lang="ru">Это точка входа приложения cjm-board для Miro: Miro загружает её незаметно и открывает панель по щелчку на значке приложения на доске. Сама по себе она ничего не делает. Чтобы добавить приложение в свою команду Miro, создайте приложение в настройках разработчика Miro и вставьте <a href="app-manifest.yaml">app-manifest.yaml</a> в его редактор манифеста.</p>
<p lang="uk">Це точка входу застосунку cjm-board для Miro: Miro завантажує її непомітно й відкриває панель після клацання на значку застосунку на дошці. Сама по собі вона нічого не робить. Щоб додати застосунок до своєї команди Miro, створіть застосунок у налаштуваннях розробника Miro і вставте <a href="app-manifest.yaml">app-manifest.yaml</a> у його редактор маніфесту.</p>
</main>`;

// The first line of app-manifest.yaml's comment about serving the app from
// this machine; the comment runs to the next line that is not a comment.
const DEV_NOTE_START = '# This copy is for development';

/**
 * The Miro app manifest served beside dist/miro: the repository's
 * app-manifest.yaml (scopes, comments) with `sdkUri` pointing at
 * `${publicUrl}index.html`, and its development note replaced by where the
 * app is served. Without a public URL it is the development manifest as is.
 */
async function createMiroManifest(publicUrl) {
  const source = await readFile(join(root, 'app-manifest.yaml'), 'utf8');
  if (!publicUrl) return source;
  const lines = source.split('\n');
  const sdkLines = lines.filter((line) => line.startsWith('sdkUri:'));
  if (sdkLines.length !== 1) failBuild(`app-manifest.yaml must have one "sdkUri:" line, found ${sdkLines.length}; restore it from git.`);
  const noteStart = lines.findIndex((line) => line.startsWith(DEV_NOTE_START));
  if (noteStart === -1) failBuild(`app-manifest.yaml must keep its development note (a comment line starting with "${DEV_NOTE_START}"), which the built manifest replaces; restore it from git.`);
  const noteEnd = lines.findIndex((line, index) => index > noteStart && !line.startsWith('#'));
  const note = [
    `# Built for the app served at ${publicUrl} (dist/miro, by`,
    '# `PUBLIC_URL=… npm run build`; .github/workflows/pages.yml publishes it to',
    '# GitHub Pages). The development manifest is app-manifest.yaml in the repository.',
  ];
  return [...lines.slice(0, noteStart), ...note, ...lines.slice(noteEnd)]
    .map((line) => (line.startsWith('sdkUri:') ? `sdkUri: ${publicUrl}index.html` : line))
    .join('\n');
}

/**
 * The FigJam manifest to publish, written into dist/figjam beside the files
 * it names: the repository's manifest.json with `main` and `ui` relative to
 * dist/figjam, and Figma's id when one is given (the repository's stays the
 * development id, for importing the plugin from a clone).
 */
async function createFigjamManifest(pluginId) {
  const manifest = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  const figjamDir = join(root, 'dist', 'figjam');
  const toBuilt = (path) => {
    const inside = relative(figjamDir, join(root, path));
    if (inside.startsWith('..') || isAbsolute(inside)) failBuild(`manifest.json names "${path}", which is not in dist/figjam; point it at dist/figjam/code.js or dist/figjam/ui.html.`);
    return inside.split(sep).join('/');
  };
  const ui = typeof manifest.ui === 'string' ? toBuilt(manifest.ui) : Object.fromEntries(Object.entries(manifest.ui ?? {}).map(([name, path]) => [name, toBuilt(path)]));
  return `${JSON.stringify({ ...manifest, ...(pluginId ? { id: pluginId } : {}), main: toBuilt(manifest.main), ...(manifest.ui ? { ui } : {}) }, null, 2)}\n`;
}

function createHtmlPage({ title, css, body = '<div id="app"></div>', scripts }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${css ? `<style>${css}</style>` : ''}
</head>
<body>
${body}
${scripts.join('\n')}
</body>
</html>
`;
}

async function buildAll() {
  await rm(dist, { recursive: true, force: true });
  await mkdir(join(dist, 'figjam'), { recursive: true });
  await mkdir(join(dist, 'miro'), { recursive: true });
  // The panel's styles: its frame and sections, then the template gallery and the editor.
  const css = (await readFile(join(root, 'ui/panel.css'), 'utf8')) + (await readFile(join(root, 'ui/editor.css'), 'utf8'));

  // FigJam's plugin sandbox runs an older JavaScript engine; es2017 keeps
  // optional chaining and spread out of the main script, and ASCII keeps its
  // text independent of how the sandbox decodes the file.
  await build({ ...common, entryPoints: [join(root, 'src/hosts/figjam/main.ts')], outfile: join(dist, 'figjam/code.js'), format: 'iife', target: 'es2017', charset: 'ascii' });

  const figjamUi = await bundleScript('ui/figjam-ui.tsx');
  await writeFile(
    join(dist, 'figjam/ui.html'),
    createHtmlPage({ title: 'cjm-board', css, scripts: [`<script>${inlineScript(figjamUi)}</script>`] }),
  );
  await writeFile(join(dist, 'figjam/manifest.json'), await createFigjamManifest(figmaPluginId));

  await writeFile(join(dist, 'miro/index.js'), await bundleScript('src/hosts/miro/miro-index.ts'));
  await writeFile(
    join(dist, 'miro/index.html'),
    createHtmlPage({ title: 'cjm-board for Miro', body: publicUrl ? MIRO_ENTRY_BODY_PUBLIC : MIRO_ENTRY_BODY_DEV, scripts: [`<script src="${MIRO_SDK}"></script>`, '<script src="index.js"></script>'] }),
  );
  // The Miro panel loads as ES modules: what only the Import, check and
  // export section needs (CSV parser, formats, SVG renderer) is a chunk of its
  // own, loaded when a person opens that section.
  await build({
    ...common,
    entryPoints: { panel: join(root, 'ui/miro-panel.tsx') },
    outdir: join(dist, 'miro'),
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    splitting: true,
    target: 'es2020',
  });
  await writeFile(
    join(dist, 'miro/panel.html'),
    createHtmlPage({ title: 'cjm-board', css: css + (await readMiroThemeCss()), scripts: [`<script src="${MIRO_SDK}"></script>`, '<script type="module" src="panel.js"></script>'] }),
  );
  await copyFile(join(root, 'ui/icon.svg'), join(dist, 'miro/icon.svg'));
  await writeFile(join(dist, 'miro/app-manifest.yaml'), await createMiroManifest(publicUrl));

  await build({
    ...common,
    minify: false,
    entryPoints: [join(root, 'src/cli/cli.ts')],
    outfile: join(dist, 'cli.js'),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The PDF writer reads its font files and data from its packages at run time: they stay in node_modules.
    external: ['pdfkit', 'fontkit', 'dejavu-fonts-ttf'],
    banner: { js: '#!/usr/bin/env node' },
  });
}

/**
 * The playground (npm start): the real panel beside a simulated Miro or
 * FigJam board, one page with its script and styles. The panel is styled as
 * each host shows it (panel-figjam.css, panel-miro.css with Miro's theme);
 * the page names this machine's FigJam manifest.
 */
async function buildPlayground() {
  const out = join(dist, 'playground');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'playground.js'), await bundleScript('ui/playground/playground.tsx'));
  const panelCss = (await readFile(join(root, 'ui/panel.css'), 'utf8')) + (await readFile(join(root, 'ui/editor.css'), 'utf8'));
  await writeFile(join(out, 'panel-figjam.css'), panelCss);
  await writeFile(join(out, 'panel-miro.css'), panelCss + (await readMiroThemeCss()));
  await copyFile(join(root, 'ui/playground/playground.css'), join(out, 'playground.css'));
  const page = await readFile(join(root, 'ui/playground/index.html'), 'utf8');
  const manifest = join(root, 'manifest.json').replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  await writeFile(join(out, 'index.html'), page.replace('%MANIFEST_PATH%', manifest));
}

const started = Date.now();
await buildAll();
await buildPlayground();
if (!process.env.CJM_QUIET) {
  const inCwd = relative(process.cwd(), dist);
  const where = inCwd.startsWith('..') || isAbsolute(inCwd) ? dist : inCwd;
  console.log(`built ${where}/ (FigJam plugin, Miro app, CLI) in ${Date.now() - started} ms`);
  if (publicUrl) console.log(`  Miro app at ${publicUrl}index.html: serve ${join(where, 'miro')}/ there and paste its app-manifest.yaml in Miro's app settings`);
  if (figmaPluginId) console.log(`  FigJam plugin ${figmaPluginId}: publish from ${join(where, 'figjam', 'manifest.json')}`);
}
