// Renders the Figma Community listing's pictures from their sources, once,
// for committing: icon.png (128 × 128) from icon.svg, and cover.png
// (1920 × 1080): the map of examples/online-store.json, drawn by the CLI,
// beside the plugin's name and tagline. Sizes: docs/publish/README.md.
//
//   node docs/publish/render-assets.mjs
//
// It builds the CLI into a temporary folder (dist/ stays as it is) and draws
// with Debian's Chromium (CHROMIUM_PATH to use another); the text takes the
// machine's fonts (Liberation Sans, else DejaVu Sans).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

// The cover's size, and the icon's: Figma's recommended sizes (README.md beside this script).
const COVER = { width: 1920, height: 1080 };
const ICON = { width: 128, height: 128 };
// The part of the map the cover shows, in the map's own units: from the
// stage headers down through the emotion curve, the whole width.
const MAP_CROP = { x: 40, y: 634, width: 3836, height: 2946 };

const NAME = 'cjm-board';
const TAGLINE = 'A complete customer journey map in seconds, re-laid out after your team edits it.';
const POINTS = ['Personas, stages, lanes, cards and an emotion curve', 'Regenerate keeps every edit made on the board', 'FigJam and Miro · English, Russian, Ukrainian'];

const escapeXml = (text) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** The map of examples/online-store.json as the CLI draws it, without its XML wrapper's size (the cover sizes it). */
function renderMapSvg() {
  // Built inside the project, so the CLI finds the packages it leaves outside its bundle (fontkit for PDFs) in node_modules.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, 'cjm-board-assets-'));
  try {
    const out = join(work, 'dist');
    execFileSync(process.execPath, [join(root, 'build.mjs'), '--out', out], { stdio: 'inherit', env: { ...process.env, CJM_QUIET: '1' } });
    const svgPath = join(work, 'map.svg');
    execFileSync(process.execPath, [join(out, 'cli.js'), 'render', join(root, 'examples/online-store.json'), '-o', svgPath], { stdio: 'inherit' });
    return readFileSync(svgPath, 'utf8');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The cover page: the name and tagline on the left, the map on a board card on the right. */
function createCoverHtml(mapSvg, iconSvg) {
  const map = mapSvg
    .replace(/\swidth="\d+(?:\.\d+)?"/, ' width="100%"')
    .replace(/\sheight="\d+(?:\.\d+)?"/, ' height="100%"')
    .replace(/viewBox="[^"]*"/, `viewBox="${MAP_CROP.x} ${MAP_CROP.y} ${MAP_CROP.width} ${MAP_CROP.height}" preserveAspectRatio="xMidYMid meet"`);
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${COVER.width}px; height: ${COVER.height}px; overflow: hidden; }
  body { background: #f3f3f1; font-family: 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif; color: #1e1e1e; position: relative; }
  .text { position: absolute; left: 96px; top: 0; bottom: 0; width: 560px; display: flex; flex-direction: column; justify-content: center; }
  .icon { width: 112px; height: 112px; margin-bottom: 40px; }
  .icon svg { width: 100%; height: 100%; }
  h1 { font-size: 88px; line-height: 1; margin: 0 0 32px; letter-spacing: -2px; }
  .tagline { font-size: 38px; line-height: 1.3; margin: 0 0 44px; color: #2f3a56; }
  ul { margin: 0; padding: 0; list-style: none; font-size: 26px; line-height: 1.35; color: #5e5e5e; }
  li { padding-left: 34px; position: relative; margin-bottom: 16px; }
  li::before { content: ''; position: absolute; left: 0; top: 9px; width: 16px; height: 16px; border-radius: 50%; background: #d6336c; }
  .board { position: absolute; left: 720px; top: 102px; width: 1140px; height: 876px; background: #ffffff; border-radius: 24px; overflow: hidden;
    box-shadow: 0 24px 64px rgba(47, 58, 86, 0.18), 0 2px 8px rgba(47, 58, 86, 0.12); }
  .board svg { display: block; width: 100%; height: 100%; }
</style></head>
<body>
  <div class="text">
    <div class="icon">${iconSvg}</div>
    <h1>${escapeXml(NAME)}</h1>
    <p class="tagline">${escapeXml(TAGLINE)}</p>
    <ul>${POINTS.map((point) => `<li>${escapeXml(point)}</li>`).join('')}</ul>
  </div>
  <div class="board">${map}</div>
</body></html>`;
}

const iconSvg = readFileSync(join(here, 'icon.svg'), 'utf8');
const mapSvg = renderMapSvg();
const profile = mkdtempSync(join(tmpdir(), 'cjm-board-chromium-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  ignoreDefaultArgs: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--remote-debugging-pipe', `--user-data-dir=${profile}`],
});
try {
  const iconPage = await browser.newPage({ viewport: ICON, deviceScaleFactor: 1 });
  await iconPage.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${iconSvg.replace('<svg ', '<svg style="display:block" ')}</body></html>`);
  await iconPage.screenshot({ path: join(here, 'icon.png'), omitBackground: true });

  const coverPage = await browser.newPage({ viewport: COVER, deviceScaleFactor: 1 });
  await coverPage.setContent(createCoverHtml(mapSvg, iconSvg));
  await coverPage.screenshot({ path: join(here, 'cover.png') });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
console.log(`wrote ${join('docs/publish', 'icon.png')} (${ICON.width} × ${ICON.height}) and ${join('docs/publish', 'cover.png')} (${COVER.width} × ${COVER.height})`);
