import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A built script and the chunks it imports statically, transitively: what a
 * browser loads before the script runs (dynamic imports load later).
 */
export function readInitialLoad(dist: string, file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return '';
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  const folder = file.slice(0, file.lastIndexOf('/') + 1);
  const imports = [...code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"();]*?from\s*)?["'](\.\/[^"']+)["']/g)].map((match) => `${folder}${(match[1] ?? '').slice(2)}`);
  return code + imports.map((path) => readInitialLoad(dist, path, seen)).join('');
}
