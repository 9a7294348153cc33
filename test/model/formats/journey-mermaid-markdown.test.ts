import { describe, expect, it } from 'vitest';
import { exportJourneyMarkdown } from '../../../src/model/formats/journey-markdown';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';

describe('exportJourneyMarkdown', () => {
  it('writes the scope, a heading and profile per persona, and a lanes table per stage with faces, Order & pay step by step', () => {
    const journey = createOnlineStoreJourney();
    const markdown = exportJourneyMarkdown(journey);
    expect(markdown.startsWith('# Online store: ordering a kettle\n\n- **Goal:**')).toBe(true);
    expect(markdown).toContain('## Persona: 👩‍💼 Anna Petrova — Project manager, busy parent of two, 34');
    expect(markdown).toContain('### Realise the need\n\n| Lane | Realise the need |\n');
    expect(markdown).toContain('### Order & pay\n\n| Lane | Add to cart<br>Cart · Web | Fill in the order form<br>Order form · Web | Choose delivery<br>Delivery options · Web | Pay<br>Payment page · Web |\n');
    expect(markdown).toMatch(/\| \*\*Emotions\*\* \| [^|]*0 — Old kettle broke/);
    expect(markdown).toMatch(/\| \*\*Emotions\*\* \| [^|]*\+1 — Added in one tap[^|]* \| [^|]*-2 — Clumsy 14-field order form/);
    // Eight lane rows under each of the six stages, a column per stage or per step.
    const rows = markdown.split('\n').filter((line) => line.startsWith('| **'));
    expect(rows).toHaveLength(8 * journey.stages.length);
    const columns = journey.stages.flatMap((stage) => Array.from({ length: 8 }, () => Math.max(1, stage.steps?.length ?? 0)));
    rows.forEach((row, index) => expect(row.split(/(?<!\\)\|/).length, row).toBe(columns[index]! + 3));
  });

  it('escapes pipes and line breaks inside cells', () => {
    const journey = createOnlineStoreJourney();
    journey.cards[0]!.text = 'a | b\nc';
    expect(exportJourneyMarkdown(journey)).toContain('a \\| b<br>c');
  });
});
