import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS, MIRO_METRICS, type HostMetrics } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import { parseJourneyFileText } from '../../src/model/journey-file';
import type { Journey } from '../../src/model/journey';

const FIXTURES = ['01-online-store', '02-minimal', '03-loyalty-two-personas'];
const HOSTS: [string, HostMetrics][] = [
  ['figjam', FIGJAM_METRICS],
  ['miro', MIRO_METRICS],
];

function readFixture(name: string): Journey {
  const result = parseJourneyFileText(readFileSync(new URL(`../fixtures/journeys/${name}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${name} is not a valid journey: ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('golden scenes', () => {
  for (const fixture of FIXTURES) {
    for (const [host, metrics] of HOSTS) {
      it(`${fixture} on ${host} matches fixtures/scenes/${fixture}.${host}.json`, async () => {
        const scene = layoutJourney(readFixture(fixture), { metrics });
        await expect(`${JSON.stringify(scene, null, 2)}\n`).toMatchFileSnapshot(`../fixtures/scenes/${fixture}.${host}.json`);
      });
    }
  }
});
