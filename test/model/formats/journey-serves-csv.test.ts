import { describe, expect, it } from 'vitest';
import { exportJourneyCsvLong, importJourneyCsv } from '../../../src/model/formats/journey-csv';
import type { Journey } from '../../../src/model/journey';
import { createTemplates } from '../../../src/model/templates/templates-en';
import { createTemplates as createRussianTemplates } from '../../../src/model/templates/templates-ru';
import { describeFileProblem } from '../../../ui/journey-files-strings';

const blueprintOf = (templates: { id: string; journey: Journey }[]): Journey => templates.find((template) => template.id === 'service-blueprint')!.journey;
/** What serves what, by the cards' texts: the same whatever ids an import gives the cards. */
const servedTexts = (journey: Journey): string[] =>
  journey.cards.flatMap((card) => (card.serves ?? []).map((id) => `${card.text} → ${journey.cards.find((other) => other.id === id)?.text}`)).sort();

describe('what serves what in the long CSV', () => {
  it.each([
    ['English', createTemplates],
    ['Russian', createRussianTemplates],
  ])('writes a Serves column for a %s blueprint and reads every link back', (_language, create) => {
    const journey = blueprintOf(create());
    expect(servedTexts(journey).length).toBeGreaterThan(5);
    const csv = exportJourneyCsvLong(journey);
    const imported = importJourneyCsv(csv);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(servedTexts(imported.value)).toEqual(servedTexts(journey));
    // Written again, the same file.
    expect(exportJourneyCsvLong(imported.value)).toBe(csv);
  });

  it('writes no Serves column for a map without such links, so other exports stay as they were', () => {
    const onlineStore = createTemplates().find((template) => template.id === 'online-store')!.journey;
    expect(exportJourneyCsvLong(onlineStore).split('\n')[0]).not.toMatch(/Serves/);
  });

  it('reads Serves on the company side of a blueprint only, and says which text it cannot find, in the person\'s language', () => {
    const rows = ['Stage,Lane,Text,Serves', 'Visit,Frontstage,Adviser explains the estimate,', 'Visit,Backstage,Mechanic runs the diagnostics,Adviser explains the estimate', 'Visit,Actions,Waits,Somebody else'];
    const imported = importJourneyCsv(rows.join('\n'));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const mechanic = imported.value.cards.find((card) => card.text === 'Mechanic runs the diagnostics');
    expect(mechanic?.serves).toEqual([imported.value.cards.find((card) => card.text === 'Adviser explains the estimate')?.id]);
    // An action's cell under Serves is a sheet's own column: left alone.
    expect(imported.value.cards.find((card) => card.text === 'Waits')?.serves).toBeUndefined();

    const wrong = importJourneyCsv([...rows.slice(0, 2), 'Visit,Backstage,Mechanic runs the diagnostics,Adviser explains the bill'].join('\n'));
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.errors.map((error) => error.code)).toEqual(['csv-served-unknown']);
    expect(describeFileProblem(wrong.errors[0]!, 'ru')).toBe('На этом этапе или шаге нет другой карточки с текстом «Adviser explains the bill»; напишите текст обслуживаемой карточки как есть.');
  });

  it('words the action plan\'s problems in the person\'s language too', () => {
    const plan = importJourneyCsv(['Stage,Lane,Text,Addresses,Impact,Status', 'A,Pains,Slow,,,', 'A,Opportunities,Faster,Fast,9,someday'].join('\n'));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    const [first] = plan.errors;
    expect(first?.code).toBe('csv-rating');
    expect(describeFileProblem(first!, 'uk')).toBe('Ефект — ціле число від 1 до 5, а не «9».');
  });
});
