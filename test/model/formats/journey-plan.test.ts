import { describe, expect, it } from 'vitest';
import { exportJourneyCsvLong, importJourneyCsv } from '../../../src/model/formats/journey-csv';
import { exportJourneyPlanCsv, exportJourneyPlanMarkdown, listPlanRows } from '../../../src/model/formats/journey-plan';
import { formatJourneyFile, parseJourneyFileText } from '../../../src/model/journey-file';
import { checkJourneyHealth } from '../../../src/model/health-check';
import { dropDanglingLinks, type Journey } from '../../../src/model/journey';
import { parseJourney } from '../../../src/model/journey-schema';
import { EXIT_OK, runCli, type CliIo } from '../../../src/cli/run-cli';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';

// A long CSV as a team keeps its plan: pains, and opportunities naming the pains they address.
const PLAN_CSV = [
  'Stage,Lane,Text,Persona,Emotion,Addresses,Impact,Effort,Owner,Status,KPI',
  'Search,Pains,Too many similar models,,,,,,,,',
  'Order,Pains,Order form has 14 fields,Anna,,,,,,,',
  'Order,Pains,Address typed twice | and the index,Boris,,,,,,,',
  'Delivery,Pains,No SMS before the courier,,,,,,,,',
  'Order,Opportunities,One-page checkout,,,Order form has 14 fields | Address typed twice | and the index,5,3,Olga,planned,Checkout conversion',
  'Order,Opportunities,Address autocomplete,,,Address typed twice | and the index,4,1,Ivan,in progress,',
  'Search,Opportunities,Buying guide,,,Too many similar models,2,2,,idea,',
  'Delivery,Opportunities,Courier SMS,,,,,,,,',
  'Order,Emotions,,Anna,-2,,,,,,',
].join('\n');

const ok = (text: string): Journey => {
  const result = importJourneyCsv(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const checked = parseJourney(result.value);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
};
const textsOf = (journey: Journey, ids: readonly string[] = []) => ids.map((id) => journey.cards.find((card) => card.id === id)?.text);
const linksOf = (journey: Journey) => journey.cards.filter((card) => card.plan).map((card) => [card.text, textsOf(journey, card.plan?.addresses), card.plan?.impact, card.plan?.effort, card.plan?.owner, card.plan?.status, card.plan?.kpi]);

describe('links and plans from a long CSV', () => {
  it('links each opportunity to the pains its Addresses column names, a pain whose text holds " | " too, with impact, effort, owner, status and KPI', () => {
    const journey = ok(PLAN_CSV);
    expect(linksOf(journey)).toEqual([
      ['One-page checkout', ['Order form has 14 fields', 'Address typed twice | and the index'], 5, 3, 'Olga', 'planned', 'Checkout conversion'],
      ['Address autocomplete', ['Address typed twice | and the index'], 4, 1, 'Ivan', 'in-progress', undefined],
      ['Buying guide', ['Too many similar models'], 2, 2, undefined, 'idea', undefined],
    ]);
  });

  it('keeps the links through JSON and CSV', () => {
    const journey = ok(PLAN_CSV);
    const json = parseJourneyFileText(formatJourneyFile(journey));
    expect(json.ok && linksOf(json.value)).toEqual(linksOf(journey));
    const csv = exportJourneyCsvLong(journey);
    expect(csv.split('\n')[0]).toBe('\uFEFFStage,Lane,Text,Persona,Emotion,Evidence,Addresses,Impact,Effort,Owner,Status,KPI');
    expect(linksOf(ok(csv))).toEqual(linksOf(journey));
    expect(exportJourneyCsvLong(ok(csv))).toBe(csv);
  });

  it('says which cell names no pain, rates out of range or an unknown status, and a plan with no card', () => {
    const errorsOf = (rows: string[]) => {
      const result = importJourneyCsv(['Stage,Lane,Text,Addresses,Impact,Effort,Status', ...rows].join('\n'));
      return result.ok ? [] : result.errors.map((error) => [error.path, error.code]);
    };
    expect(errorsOf(['A,Pains,Slow,,,,', 'A,Opportunities,Faster,Fast,,,'])).toEqual([['line 3, column "Addresses"', 'csv-pain-unknown']]);
    expect(errorsOf(['A,Opportunities,Faster,,6,,'])).toEqual([['line 2, column "Impact"', 'csv-rating']]);
    expect(errorsOf(['A,Opportunities,Faster,,,,someday'])).toEqual([['line 2, column "Status"', 'csv-status']]);
    expect(errorsOf(['A,Opportunities,,,3,,'])).toEqual([['line 2, column "Impact"', 'csv-plan-without-card']]);
  });

  it('reads Russian column names and statuses, and writes them back in the journey language', () => {
    const journey = ok('Этап;Дорожка;Текст;Решает;Эффект;Затраты;Ответственный;Статус\nОформление;Боли;Форма на 14 полей;;;;;\nОформление;Возможности;Заказ в один шаг;Форма на 14 полей;5;3;Ольга;в работе\n');
    expect(linksOf(journey)).toEqual([['Заказ в один шаг', ['Форма на 14 полей'], 5, 3, 'Ольга', 'in-progress', undefined]]);
    expect(exportJourneyCsvLong(journey, { delimiter: ';' }).split('\n')[0]).toBe('\uFEFFЭтап;Дорожка;Текст;Персона;Эмоция;Основание;Решает;Эффект;Затраты;Ответственный;Статус;Метрика');
    expect(exportJourneyPlanMarkdown(journey)).toContain('| № | Возможность | Этап | Решает | Эффект | Затраты | Ответственный | Статус | Метрика |');
    expect(exportJourneyPlanMarkdown(journey)).toContain('| 1 | Заказ в один шаг | Оформление | Форма на 14 полей (Оформление, все) | 5 | 3 | Ольга | в работе |  |');
  });
});

describe('the action plan', () => {
  it('lists every opportunity once, by priority (impact over effort), the unrated last, with its pains, stage and persona', () => {
    const rows = listPlanRows(ok(PLAN_CSV));
    expect(rows.map((row) => row.opportunity)).toEqual(['Address autocomplete', 'One-page checkout', 'Buying guide', 'Courier SMS']);
    expect(rows[1]?.addresses).toEqual([
      { text: 'Order form has 14 fields', stage: 'Order', persona: 'Anna' },
      { text: 'Address typed twice | and the index', stage: 'Order', persona: 'Boris' },
    ]);
    const csv = exportJourneyPlanCsv(ok(PLAN_CSV));
    expect(csv.split('\n').slice(0, 2)).toEqual(['\uFEFF#,Opportunity,Stage,Addresses,Impact,Effort,Owner,Status,KPI', '1,Address autocomplete,Order,"Address typed twice | and the index (Order, Boris)",4,1,Ivan,in progress,']);
  });

  it('writes Markdown that stays one row an opportunity and a CSV safe from formulas', () => {
    const journey = ok(PLAN_CSV);
    journey.cards.find((card) => card.text === 'Courier SMS')!.text = '=HYPERLINK("x") | <b>';
    const markdown = exportJourneyPlanMarkdown(journey);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
    expect(rows).toHaveLength(2 + 4);
    expect(markdown).toContain('=HYPERLINK("x") \\| &lt;b&gt;');
    expect(exportJourneyPlanCsv(journey)).toContain(`"'=HYPERLINK(""x"") | <b>"`);
  });

  it('is what cjm export --format plan-csv writes, after cjm import of the CSV', () => {
    const files = new Map<string, string>([['plan.csv', PLAN_CSV]]);
    let out = '';
    const io: CliIo = {
      readFile: (path) => new TextEncoder().encode(files.get(path) ?? ''),
      writeFile: (path, data) => void files.set(path, typeof data === 'string' ? data : new TextDecoder().decode(data)),
      stdout: (data) => void (out += typeof data === 'string' ? data : new TextDecoder().decode(data)),
      stderr: () => undefined,
    };
    expect(runCli(['import', 'plan.csv', '-o', 'plan.json'], io)).toBe(EXIT_OK);
    expect(runCli(['export', 'plan.json', '--format', 'plan-csv'], io)).toBe(EXIT_OK);
    expect(out).toBe(exportJourneyPlanCsv(ok(PLAN_CSV)));
    out = '';
    expect(runCli(['export', 'plan.json', '--format', 'plan'], io)).toBe(EXIT_OK);
    expect(out).toMatch(/^# Action plan: Plan\n\n\| # \| Opportunity /);
  });
});

describe('links and the health check', () => {
  it('checks each pain for an opportunity once there are links, and asks for an owner of an opportunity being planned', () => {
    const report = checkJourneyHealth(ok(PLAN_CSV));
    expect(report.findings.filter((finding) => finding.rule === 'pain-without-opportunity').map((finding) => finding.params.text)).toEqual(['No SMS before the courier']);
    expect(report.findings.filter((finding) => finding.rule === 'opportunity-without-owner').map((finding) => finding.params.text)).toEqual(['Buying guide']);
  });

  it('drops the links to a deleted pain, so the map stays valid, and refuses an unknown one in a file', () => {
    const journey = ok(PLAN_CSV);
    const pain = journey.cards.find((card) => card.text === 'Too many similar models')!;
    const without = dropDanglingLinks({ ...journey, cards: journey.cards.filter((card) => card !== pain) });
    expect(parseJourney(without).ok).toBe(true);
    expect(without.cards.find((card) => card.text === 'Buying guide')?.plan).toEqual({ impact: 2, effort: 2, status: 'idea' });
    expect(dropDanglingLinks(journey)).toBe(journey);
    const broken = parseJourney({ ...journey, cards: journey.cards.filter((card) => card !== pain) });
    expect(broken.ok ? [] : broken.errors.map((error) => [error.path, error.code])).toEqual([[expect.stringMatching(/^cards\[\d+\]\.plan\.addresses\[0\]$/), 'json-unknown-reference']]);
  });
});

describe('plan columns on other rows', () => {
  it('are an opportunity’s only: a sheet whose Status or Owner column means something else for its pains imports as before', () => {
    const journey = ok('Stage,Lane,Text,Status,Owner\nOrder,Pains,Form has 14 fields,validated,Research\nOrder,Opportunities,One-page checkout,planned,Olga\n');
    expect(linksOf(journey)).toEqual([['One-page checkout', [], undefined, undefined, 'Olga', 'planned', undefined]]);
    expect(journey.cards.find((card) => card.text === 'Form has 14 fields')).not.toHaveProperty('plan');
  });
});

describe('the action plan of the template', () => {
  it('puts what is done last, after everything still to do', () => {
    const rows = listPlanRows(createOnlineStoreJourney());
    expect(rows.at(-1)?.status).toBe('done');
    expect(rows.slice(0, -1).every((row) => row.status !== 'done')).toBe(true);
    expect(rows.map((row) => row.opportunity).slice(0, 2)).toEqual(['Show the delivery cost in the cart', 'Address autocomplete']);
  });
});
