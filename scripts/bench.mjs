// Runs bench/bench.ts, then scripts/bench-import.ts: bundles each for Node
// with esbuild and runs it. bench.ts writes bench/results.json; the import
// times are added to it under "import" (import.csv5mb.ms and so on), with
// their targets.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Bundled outside dist/: the bench builds dist/ afresh while it runs.
const bundle = async (entry, name) => {
  const outfile = join(root, 'node_modules', '.cache', 'cjm-bench', name);
  await build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
  return outfile;
};

const main = await bundle('bench/bench.ts', 'bench.mjs');
const imports = await bundle('scripts/bench-import.ts', 'bench-import.mjs');
// In a process of its own: bench.ts finishes (and writes results.json) before its promise would settle here.
execFileSync(process.execPath, [main], { cwd: root, stdio: 'inherit' });

const { measureImports } = await import(pathToFileURL(imports).href);
const results = JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8'));
const measured = measureImports();
const FORMATS = { csv: 'CSV (UTF-8)', cp1251csv: 'CSV (Windows-1251)', json: 'JSON', mermaid: 'Mermaid' };
const importTargets = [
  // "cjm import of any 5 MB file finishes in a few seconds on this machine" (issue 15).
  ...Object.entries(FORMATS).map(([key, name]) => ({ target: `import of a 5 MB ${name} file under 3 s`, met: measured[`${key}5mb`].ms < 3_000 })),
  // Five times the bytes in at most about five times the time: no quadratic step.
  ...Object.entries(FORMATS).map(([key, name]) => ({ target: `${name} import linear: time(5 MB) / time(1 MB) under 7.5`, met: measured[`${key}5mb`].ms / Math.max(measured[`${key}1mb`].ms, 1) < 7.5 })),
  { target: 'a CSV with a 1 MB label refused in under 1 s', met: measured.csvLabel1mb.ms < 1_000 },
  { target: 'the errors of a 4 MB card id under 1,000 characters', met: measured.jsonId4mb.errorChars < 1_000 },
];
results.import = measured;
results.targets = [...(results.targets ?? []), ...importTargets];
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log('\nImport (median of 3 runs)');
for (const [name, entry] of Object.entries(measured)) {
  console.log(`${name.padEnd(14)}  ${`${(entry.bytes / 1_000_000).toFixed(2)} MB`.padEnd(9)}  ${`${entry.ms} ms`.padEnd(11)}  ${entry.ok ? 'accepted' : 'refused'}${entry.errorChars === undefined ? '' : `, errors ${entry.errorChars} characters`}`);
}
console.log('\nImport targets');
for (const entry of importTargets) console.log(`${entry.met ? 'met    ' : 'MISSED '} ${entry.target}`);
console.log('\nbench/results.json updated with import times');
