import { describe, expect, it } from 'vitest';
import { EXIT_OK, runCli, type CliIo } from '../../src/cli/run-cli';
import { formatJourneyFile } from '../../src/model/journey-file';
import { createTemplates } from '../../src/model/templates/templates-ru';

/** Runs the CLI on one file held in memory; returns what it wrote to standard output. */
function runOnFile(args: readonly string[], text: string): { code: number; stdout: string } {
  let stdout = '';
  const io: CliIo = { readFile: () => text, writeFile: () => undefined, stdout: (chunk) => (stdout += chunk), stderr: () => undefined };
  return { code: runCli(args, io), stdout };
}

describe('cjm render of a Russian journey', () => {
  const loyalty = createTemplates().find((template) => template.id === 'loyalty')!.journey;
  const file = formatJourneyFile(loyalty);

  it.each(['svg', 'figjam', 'miro'])('hyphenates long words with Russian patterns (--host %s)', (host) => {
    const { code, stdout } = runOnFile(['render', 'loyalty.json', '--host', host], file);
    expect(code).toBe(EXIT_OK);
    const lines = [...stdout.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1] ?? '');
    expect(lines.some((line) => /\p{Script=Cyrillic}-$/u.test(line))).toBe(true);
    expect(stdout.includes('Регистрируетс<'), 'no "Регистрируетс|я"').toBe(false);
  });

  it('prints the scene as the host lays it out, not hyphenated', () => {
    const { stdout } = runOnFile(['scene', 'loyalty.json', '--host', 'figjam'], file);
    expect(stdout.includes('\u00ad')).toBe(false);
    expect(JSON.parse(stdout)).toHaveProperty('nodes');
  });
});
