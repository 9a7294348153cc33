import { describe, expect, it } from 'vitest';
import { exportJourneyMarkdown } from '../../../src/model/formats/journey-markdown';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';

describe('exportJourneyMarkdown', () => {
  it('writes the scope, a heading and profile per persona, and a lanes × stages table with faces', () => {
    const markdown = exportJourneyMarkdown(createOnlineStoreJourney());
    expect(markdown.startsWith('# Online store: ordering a kettle\n\n- **Goal:**')).toBe(true);
    expect(markdown).toContain('## Persona: 👩‍💼 Anna Petrova — Project manager, busy parent of two, 34');
    expect(markdown).toMatch(/\| Lane \| Realise the need \| Search & compare \| Order & pay \|/);
    expect(markdown).toMatch(/\| \*\*Emotions\*\* \| [^|]*0 — Old kettle broke/);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| **'));
    expect(rows).toHaveLength(8);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(createOnlineStoreJourney().stages.length + 3);
  });

  it('escapes pipes and line breaks inside cells', () => {
    const journey = createOnlineStoreJourney();
    journey.cards[0]!.text = 'a | b\nc';
    expect(exportJourneyMarkdown(journey)).toContain('a \\| b<br>c');
  });
});
