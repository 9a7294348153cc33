// Redraws docs/default-map.svg and docs/default-map.png (the README picture)
// from examples/online-store.json with the built CLI and Debian's Chromium.
// Run after `npm run build`: node scripts/render-readme-picture.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svgPath = join(root, 'docs/default-map.svg');
execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'render', join(root, 'examples/online-store.json'), '-o', svgPath, '--width', '1600'], { stdio: 'inherit' });
const svg = readFileSync(svgPath, 'utf8');
const height = Number(/height="(\d+)"/.exec(svg)?.[1] ?? 2000);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1600, height } });
await page.setContent(`<body style="margin:0">${svg}</body>`);
await page.screenshot({ path: join(root, 'docs/default-map.png'), fullPage: true });
await browser.close();
console.log('wrote docs/default-map.svg and docs/default-map.png');
