import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJourney } from '../../../src/model/formats/import-journey';
import { checkJourneyHealth } from '../../../src/model/health-check';

// Every file in examples/ is something a person may import first: it must.
const EXAMPLES = join(__dirname, '../../../examples');

describe('examples/', () => {
  it.each(readdirSync(EXAMPLES))('%s imports without an error and passes the health check without errors', (name) => {
    const result = importJourney(readFileSync(join(EXAMPLES, name), 'utf8'), { fileName: name });
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    expect(result.value.stages.length).toBeGreaterThan(1);
    expect(checkJourneyHealth(result.value).errors).toBe(0);
  });
});
