import { describePlace, findJourneyLanguage, findPriority, type Card, type Journey } from '../journey';
import { OPPORTUNITY_STATUS_NAMES } from '../opportunity-status';
import { writeCsv, type CsvExportOptions } from './journey-csv';
import { formatMarkdownCell } from './journey-markdown';

/**
 * The action plan of a journey: every opportunity card once, sorted by
 * priority (impact over effort, a quick win first; then impact; opportunities
 * not rated yet after the rated ones; done ones last), with the pains it addresses (their
 * stage, or "Stage › Step", and persona), impact, effort, owner, status and
 * KPI. Written as Markdown (a wiki page, a report) and as CSV (Jira, Trello,
 * a spreadsheet: escaped as the other CSV exports are).
 */

type Language = 'en' | 'ru' | 'uk';

const WORDS: Readonly<Record<Language, { title: (map: string) => string; columns: readonly string[]; everyone: string; none: string }>> = {
  en: { title: (map) => `Action plan: ${map}`, columns: ['#', 'Opportunity', 'Stage', 'Addresses', 'Impact', 'Effort', 'Owner', 'Status', 'KPI'], everyone: 'everyone', none: 'The map has no opportunities yet.' },
  ru: { title: (map) => `План действий: ${map}`, columns: ['№', 'Возможность', 'Этап', 'Решает', 'Эффект', 'Затраты', 'Ответственный', 'Статус', 'Метрика'], everyone: 'все', none: 'На карте пока нет возможностей.' },
  uk: { title: (map) => `План дій: ${map}`, columns: ['№', 'Можливість', 'Етап', 'Розв’язує', 'Ефект', 'Витрати', 'Відповідальний', 'Статус', 'Показник'], everyone: 'усі', none: 'На карті поки немає можливостей.' },
};

const languageOf = (journey: Journey): Language => findJourneyLanguage(journey.locale);

/** One row of the plan, as text. */
export interface PlanRow {
  card: Card;
  opportunity: string;
  /** The opportunity's place: its stage, or "Stage › Step". */
  stage: string;
  /** Each pain it addresses: its text, place and persona (or everyone). */
  addresses: { text: string; stage: string; persona: string }[];
  impact: string;
  effort: string;
  owner: string;
  status: string;
  kpi: string;
}

/** The opportunities of `journey` in priority order, as the plan lists them. */
export function listPlanRows(journey: Journey): PlanRow[] {
  const language = languageOf(journey);
  const opportunityLanes = new Set<string>(journey.lanes.filter((lane) => lane.kind === 'opportunities').map((lane) => lane.id));
  const byId = new Map<string, Card>(journey.cards.map((card) => [card.id, card]));
  const placeOf = (card: Card): string => describePlace(journey, card);
  const personaOf = (card: Card): string => journey.personas.find((persona) => persona.id === card.persona)?.name ?? WORDS[language].everyone;
  const opportunities = journey.cards.map((card, index) => ({ card, index })).filter(({ card }) => opportunityLanes.has(card.lane) || card.plan !== undefined);
  // What is still to do first, done last; highest priority first; then higher impact; rated before unrated; then the map's order.
  const rank = ({ card }: { card: Card }) => findPriority(card.plan) ?? -1;
  const done = ({ card }: { card: Card }) => (card.plan?.status === 'done' ? 1 : 0);
  opportunities.sort((a, b) => done(a) - done(b) || rank(b) - rank(a) || (b.card.plan?.impact ?? 0) - (a.card.plan?.impact ?? 0) || a.index - b.index);
  return opportunities.map(({ card }) => ({
    card,
    opportunity: card.text,
    stage: placeOf(card),
    addresses: (card.plan?.addresses ?? []).flatMap((id) => {
      const pain = byId.get(id);
      return pain ? [{ text: pain.text, stage: placeOf(pain), persona: personaOf(pain) }] : [];
    }),
    impact: card.plan?.impact?.toString() ?? '',
    effort: card.plan?.effort?.toString() ?? '',
    owner: card.plan?.owner ?? '',
    status: card.plan?.status ? OPPORTUNITY_STATUS_NAMES[card.plan.status][language] : '',
    kpi: card.plan?.kpi ?? '',
  }));
}

const describePain = (pain: PlanRow['addresses'][number]): string => `${pain.text} (${pain.stage}, ${pain.persona})`;

/** The action plan as Markdown: a heading and a table, every text inert (see `formatMarkdownCell`). */
export function exportJourneyPlanMarkdown(journey: Journey): string {
  const words = WORDS[languageOf(journey)];
  const rows = listPlanRows(journey);
  const out = [`# ${formatMarkdownCell(words.title(journey.title)).replace(/<br>/g, ' ')}`, ''];
  if (rows.length === 0) return `${[...out, words.none].join('\n')}\n`;
  out.push(`| ${words.columns.join(' | ')} |`, `|${words.columns.map(() => ' --- |').join('')}`);
  rows.forEach((row, index) => {
    const cells = [String(index + 1), row.opportunity, row.stage, row.addresses.map(describePain).join('\n'), row.impact, row.effort, row.owner, row.status, row.kpi];
    out.push(`| ${cells.map(formatMarkdownCell).join(' | ')} |`);
  });
  return `${out.join('\n')}\n`;
}

/** The action plan as CSV: the same columns, pains in one cell separated by line breaks; UTF-8 with a byte order mark unless `options.bom` is false. */
export function exportJourneyPlanCsv(journey: Journey, options: CsvExportOptions = {}): string {
  const words = WORDS[languageOf(journey)];
  const rows = listPlanRows(journey).map((row, index) => [String(index + 1), row.opportunity, row.stage, row.addresses.map(describePain).join('\n'), row.impact, row.effort, row.owner, row.status, row.kpi]);
  return writeCsv([words.columns, ...rows], options);
}
