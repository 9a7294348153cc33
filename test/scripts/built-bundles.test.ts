import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readInitialLoad } from '../bundle-load';

// Checks of what ships: no code built from strings, and the size budgets
// (gzipped) of the bundles people load.
const DIST = join(__dirname, '..', '..', 'dist');
const CHUNKS = join(DIST, 'miro/chunks');
const BUNDLES = ['figjam/code.js', 'figjam/ui.html', 'miro/index.js', 'miro/panel.js', 'cli.js', ...(existsSync(CHUNKS) ? readdirSync(CHUNKS).map((name) => `miro/chunks/${name}`) : [])];
// The FigJam panel is one HTML file with everything inlined (FigJam's plugin
// iframe cannot load parts on demand): the editor and the built-in templates
// in three languages (about 12 KB each) are in it from the start. The Miro
// panel loads them after its first paint, one language at a time, and its
// map service too. The FigJam main thread holds the map service, the record
// module and its migrations from version 1 (records are read there), the
// SVG renderer, and what a shared board needs: rebuilding a journey from the
// board, the form of rich text, the lease, reading through groups, and the
// steps inside stages (their columns, header row and the gesture that adds a
// step from a sticky; about 2 KB), and the links between cards (drawn as
// connectors, read back from the ones people draw and delete; about 2 KB), and
// the prioritisation matrix (its layout, its words in three languages, the
// drag that re-rates an opportunity and its reading from a board whose
// journey was lost; about 4 KB). It runs
// locally in the editor, never downloaded per use. The FigJam panel's budget
// holds the editor's filling aids (paste, undo), the file importers'
// encodings, every file problem (JSON ones too) worded in three languages,
// six templates in three languages (three of them with a stage in steps,
// each step with cells of its own: about 3 KB), Present and the step editor
// (split a stage, merge steps, a step per card): it is read from the
// plugin's own files, never over a network, so its size costs parse time
// only (about 156 KB today).
const BUDGETS: Record<string, number> = { 'figjam/code.js': 62_000, 'figjam/ui.html': 160_000, 'miro/panel.js': 40_000 };


const read = (file: string): string => {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`dist/${file} is missing: run "npm run build" (npm test builds first)`);
  return readFileSync(path, 'utf8');
};

describe('built bundles', () => {
  it.each(BUNDLES)('%s runs no code built from strings (no eval, no new Function, no string timers)', (file) => {
    const code = read(file);
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/\bnew\s+Function\s*\(/);
    expect(code).not.toMatch(/\bFunction\s*\(\s*["'`]/);
    expect(code).not.toMatch(/set(?:Timeout|Interval)\s*\(\s*["'`]/);
  });

  it.each(Object.entries(BUDGETS))('%s, with the chunks it loads at start, stays within %i bytes gzipped', (file, budget) => {
    expect(gzipSync(readInitialLoad(DIST, file), { level: 9 }).length).toBeLessThan(budget);
  });

  it('the Miro panel loads the import, check and export code only when it is opened', () => {
    const initial = readInitialLoad(DIST, 'miro/panel.js');
    expect(initial).not.toContain('delimitersToGuess');
    expect(read('miro/panel.js')).toMatch(/import\(["']\.\/chunks\/journey-files-[A-Z0-9]+\.js["']\)/);
  });

  it('the Miro panel loads the gallery and editor after its first paint, and the templates of the language it shows only', () => {
    // A Russian template's title: it ships in the Russian chunk and nowhere the panel loads before it is needed.
    const russianTitle = 'Интернет-магазин: заказ чайника';
    expect(readInitialLoad(DIST, 'miro/panel.js')).not.toContain('Previous question');
    const chunks = readdirSync(CHUNKS);
    const workspace = chunks.find((name) => name.startsWith('journey-workspace-'));
    const russian = chunks.find((name) => name.startsWith('templates-ru-'));
    expect(workspace && readInitialLoad(DIST, `miro/chunks/${workspace}`)).toContain('Previous question');
    expect(readInitialLoad(DIST, `miro/chunks/${workspace}`)).not.toContain(russianTitle);
    expect(russian && read(`miro/chunks/${russian}`)).toContain(russianTitle);
  });

  it('the Miro panel wears Mirotone\'s colours and makes no request for its fonts', () => {
    const page = read('miro/panel.html');
    expect(page).toMatch(/--colors-blue-500:#[0-9a-f]{3,6}/i);
    expect(page).toContain('--accent: var(--colors-blue-500)');
    expect(page).not.toMatch(/@import|fonts\.googleapis|url\(\s*["']?https?:/);
  });

  it('the FigJam plugin asks for no network access at all', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'manifest.json'), 'utf8')) as { networkAccess?: { allowedDomains?: string[] } };
    expect(manifest.networkAccess?.allowedDomains).toEqual(['none']);
  });
});
