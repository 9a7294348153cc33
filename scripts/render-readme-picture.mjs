// Redraws docs/default-map.svg and docs/default-map.png (the README picture)
// from examples/online-store.json, docs/links.png (its Order & pay stage:
// the links from opportunities to pains), docs/matrix.png (its
// prioritisation matrix) and docs/service-blueprint.png from
// examples/service-blueprint.json, with the built CLI and Debian's Chromium.
// Run after `npm run build`: node scripts/render-readme-picture.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Draws `example` (in examples/, or a path) with `cjm render` into `svgPath`, and screenshots it into `pngPath`, 1,600 pixels wide; a stage's view is cut to its links. */
async function renderAsync(example, svgPath, pngPath, view) {
  execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'render', example.includes('/') ? example : join(root, 'examples', example), '-o', svgPath, '--width', '1600', ...(view ? ['--view', view] : [])], { stdio: 'inherit' });
  const svg = readFileSync(svgPath, 'utf8');
  const height = Number(/height="(\d+)"/.exec(svg)?.[1] ?? 2000);
  const page = await browser.newPage({ viewport: { width: 1600, height } });
  await page.setContent(`<body style="margin:0">${svg}</body>`);
  if (!view?.startsWith('stage:')) await page.screenshot({ path: pngPath, fullPage: true });
  else {
    // A view's picture shows its links (dashed) with the rows around them: the pains above, the opportunities below.
    const box = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('path[stroke-dasharray="12 8"]')].map((path) => path.getBoundingClientRect());
      return boxes.length === 0 ? undefined : { top: Math.min(...boxes.map((b) => b.top)), bottom: Math.max(...boxes.map((b) => b.bottom)) };
    });
    const clip = box ? { x: 0, y: Math.max(0, box.top - 420), width: 1600, height: Math.min(height, box.bottom + 180) - Math.max(0, box.top - 420) } : undefined;
    await page.screenshot({ path: pngPath, ...(clip ? { clip } : { fullPage: true }) });
  }
  await page.close();
}

const cache = join(root, 'node_modules/.cache');
mkdirSync(cache, { recursive: true });
await renderAsync('online-store.json', join(root, 'docs/default-map.svg'), join(root, 'docs/default-map.png'));
await renderAsync('online-store.json', join(cache, 'links.svg'), join(root, 'docs/links.png'), 'stage:order');
// The online store with its matrix switched on.
const store = JSON.parse(readFileSync(join(root, 'examples/online-store.json'), 'utf8'));
writeFileSync(join(cache, 'online-store-matrix.json'), JSON.stringify({ ...store, journey: { ...store.journey, matrix: true } }));
await renderAsync(join(cache, 'online-store-matrix.json'), join(cache, 'matrix.svg'), join(root, 'docs/matrix.png'), 'matrix');
await renderAsync('service-blueprint.json', join(cache, 'service-blueprint.svg'), join(root, 'docs/service-blueprint.png'));
// The online store with a second persona, a gift buyer, and Anna's view: Oleg's line faded.
const [anna] = store.journey.personas;
const oleg = { ...anna, id: 'persona:oleg', name: 'Oleg Bondar', role: 'Buys a kettle as a gift', quote: 'It has to arrive by Friday.' };
const olegScores = { 'stage:need': 1, 'stage:search': -1, 'stage:delivery': -2, 'stage:use': 1, 'stage:loyalty': 0 };
const olegEmotions = store.journey.emotions
  .filter((emotion) => emotion.persona === anna.id)
  .map(({ note: _note, ...emotion }) => ({ ...emotion, persona: oleg.id, score: olegScores[emotion.stage] ?? Math.min(2, emotion.score + 1) }));
writeFileSync(join(cache, 'online-store-two.json'), JSON.stringify({ ...store, journey: { ...store.journey, personas: [anna, oleg], emotions: [...store.journey.emotions, ...olegEmotions] } }));
await renderAsync(join(cache, 'online-store-two.json'), join(cache, 'persona-view.svg'), join(root, 'docs/persona-view.png'), anna.id);
await browser.close();
console.log('wrote docs/default-map.svg, docs/default-map.png, docs/links.png, docs/matrix.png, docs/service-blueprint.png and docs/persona-view.png');
