// Builds every deliverable of cjm-board into dist/:
//   dist/figjam/code.js   FigJam main thread, one script (manifest "main")
//   dist/figjam/ui.html   FigJam panel, one HTML file with JS and CSS inlined (manifest "ui")
//   dist/miro/index.html  Miro app entry (sdkUri), opens the panel on icon click
//   dist/miro/panel.html  Miro panel
//   dist/cli.js           command-line renderer: node dist/cli.js --help
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

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
const MIRO_ENTRY_BODY = `<main style="font: 15px/1.5 system-ui, sans-serif; max-width: 38rem; margin: 3rem auto; padding: 0 1rem; color: #1e1e1e">
<h1 style="font-size: 1.4rem">cjm-board for Miro</h1>
<p>This is the entry of the cjm-board Miro app: Miro loads it in the background and opens the panel when you click the app's icon on a board. On its own it does nothing. To try cjm-board without Miro, open the <a href="../playground/">playground</a>.</p>
<p lang="ru">Это точка входа приложения cjm-board для Miro: Miro загружает её незаметно и открывает панель по щелчку на значке приложения на доске. Сама по себе она ничего не делает. Попробовать cjm-board без Miro можно в <a href="../playground/">песочнице</a>.</p>
<p lang="uk">Це точка входу застосунку cjm-board для Miro: Miro завантажує її непомітно й відкриває панель після клацання на значку застосунку на дошці. Сама по собі вона нічого не робить. Спробувати cjm-board без Miro можна в <a href="../playground/">пісочниці</a>.</p>
</main>`;

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

  await writeFile(join(dist, 'miro/index.js'), await bundleScript('src/hosts/miro/miro-index.ts'));
  await writeFile(
    join(dist, 'miro/index.html'),
    createHtmlPage({ title: 'cjm-board for Miro', body: MIRO_ENTRY_BODY, scripts: [`<script src="${MIRO_SDK}"></script>`, '<script src="index.js"></script>'] }),
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

  await build({
    ...common,
    minify: false,
    entryPoints: [join(root, 'src/cli/cli.ts')],
    outfile: join(dist, 'cli.js'),
    platform: 'node',
    format: 'esm',
    target: 'node20',
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
if (!process.env.CJM_QUIET) console.log(`built dist/ (FigJam plugin, Miro app, CLI) in ${Date.now() - started} ms`);
