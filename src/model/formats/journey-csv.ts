import Papa from 'papaparse';
import { findJourneyLanguage, SERVING_KINDS, hasSteps, isAsIs, listPlaces, listSteps, placeId, EVIDENCE_KINDS, PLAN_RATING_MAX, PLAN_RATING_MIN, type Card, type CardId, type EmotionLine, type EvidenceKind, type Journey, type JourneyPlace, type OpportunityPlan, type PersonaId, type StageId, type StepId } from '../journey';
import { MAX_CARD_TEXT, MAX_CARDS, MAX_SHORT_TEXT, MAX_STAGES, MAX_STEPS, MAX_STEPS_PER_STAGE } from '../journey-schema';
import { findOpportunityStatus, OPPORTUNITY_STATUS_NAMES } from '../opportunity-status';
import { excerptText, fail, succeed, type ParseResult, type ValidationError } from '../parse-result';
import { createJourneyBuilder, parseScore, type JourneyBuilder } from './journey-builder';
import { findLaneKind, foldName } from './lane-names';

/**
 * Journeys as CSV, in the two shapes people keep them in spreadsheets:
 *
 * - **wide**: the first row names the stages (its first cell is free), the
 *   first column names the lanes; a cell holds that cell's cards, one per
 *   line. In the emotions lane ("Emotion", "Эмоции", "Емоції") a number from
 *   −2 to +2 is the persona's score at that stage; "Emotion (Anna)" scores
 *   persona Anna.
 *   When the stages have steps, a second row names them ("Step", "Шаг",
 *   "Крок" in its first cell): a column is one step, and a stage's name
 *   stands over each of its steps (or over the first only, as a spreadsheet
 *   saves merged cells).
 * - **long**: one row per card, with columns Stage, Lane, Text and
 *   optionally Step, Persona, Emotion and Evidence (names in English, Russian
 *   or Ukrainian; evidence is interview, survey, analytics, support,
 *   observation or assumption), and Touchpoint and Channel for a step;
 *   a row with an emotion and no text only scores; a row with a stage (and a
 *   step, or a lane) and nothing else declares them, so empty ones keep
 *   their place. A file with a Step column and no Stage one is read as
 *   before steps were: its steps are the stages.
 *
 * The delimiter (comma, semicolon, tab, bar) and the shape are detected; a
 * first line `sep=;` (the hint Excel reads, and writes into files it
 * exports for itself) names the delimiter and is not a row. Parsing is
 * papaparse's; the bytes of a file are decoded first (see
 * `decodeJourneyBytes`).
 *
 * Exports are safe to open in a spreadsheet: a cell that a spreadsheet
 * would run as a formula is written with a leading `'` (see
 * `neutraliseCsvCell`), which import removes again.
 */

export type CsvShape = 'wide' | 'long';

/** The long CSV's columns of an opportunity's plan. */
type PlanColumn = 'addresses' | 'impact' | 'effort' | 'owner' | 'status' | 'kpi';
const PLAN_COLUMNS: readonly PlanColumn[] = ['addresses', 'impact', 'effort', 'owner', 'status', 'kpi'];
/** How the pains an opportunity addresses are written in one cell. */
export const ADDRESSES_SEPARATOR = ' | ';

interface Row {
  cells: string[];
  /** 1-based line of the file where the row starts. */
  line: number;
}

const COLUMN_NAMES: Readonly<Record<'stage' | 'step' | 'touchpoint' | 'channel' | 'lane' | 'text' | 'persona' | 'emotion' | 'evidence' | 'line' | 'serves' | PlanColumn, readonly string[]>> = {
  // A service blueprint's card of the company's side: the cards of its stage or step it serves (their texts, " | " between).
  serves: ['serves', 'supports', 'обслуживает', 'поддерживает', 'обслуговує', 'підтримує'],
  // An opportunity's plan: the pains it addresses (their texts, " | " between), its priority, owner and KPI.
  addresses: ['addresses', 'fixes', 'pains addressed', 'решает', 'решает боли', 'розв’язує', "розв'язує", 'розв’язує болі'],
  impact: ['impact', 'эффект', 'влияние', 'ефект', 'вплив'],
  effort: ['effort', 'затраты', 'трудоёмкость', 'трудоемкость', 'витрати', 'зусилля'],
  owner: ['owner', 'ответственный', 'владелец', 'відповідальний', 'власник'],
  status: ['status', 'статус'],
  kpi: ['kpi', 'metric', 'метрика', 'показатель', 'показник'],
  // Which emotion line a score is on: empty (or "as-is") for today's, the to-be line's name for the designed one.
  line: ['line', 'emotion line', 'линия', 'линия эмоций', 'лінія', 'лінія емоцій'],
  evidence: ['evidence', 'source', 'основание', 'доказательство', 'источник', 'підстава', 'доказ', 'джерело'],
  stage: ['stage', 'phase', 'этап', 'стадия', 'етап', 'стадія'],
  step: ['step', 'steps', 'шаг', 'шаги', 'крок', 'кроки'],
  // A step's own: where and through what the customer meets the company there.
  touchpoint: ['touchpoint', 'step touchpoint', 'точка контакта', 'точка контакту'],
  channel: ['channel', 'step channel', 'канал'],
  lane: ['lane', 'row', 'swimlane', 'category', 'дорожка', 'строка', 'категория', 'доріжка', 'рядок', 'категорія'],
  text: ['text', 'card', 'note', 'sticky', 'текст', 'карточка', 'заметка', 'стикер', 'картка', 'нотатка', 'стікер'],
  persona: ['persona', 'actor', 'customer', 'персона', 'клиент', 'клієнт'],
  emotion: ['emotion', 'score', 'emotion score', 'эмоция', 'оценка', 'емоція', 'оцінка'],
};

function findColumn(header: readonly string[], names: readonly string[]): number {
  const folded = new Set(names.map(foldName));
  return header.findIndex((cell) => folded.has(foldName(cell)));
}

// ------------------------------------------------------- formula cells

/**
 * What a spreadsheet runs as a formula when a cell starts with it: `=`,
 * `+`, `-`, `@`, tab and carriage return (OWASP, "CSV Injection"). Leading
 * quotes are looked past, so a cell that already starts with the mark is
 * marked again and reads back as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A plain number such as an emotion score (`-2`, `+1`, `3.5`, `-0,5`): a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^'*[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

const needsFormulaMark = (text: string): boolean => FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);

/**
 * A cell's text made safe for a spreadsheet: when it would start a formula
 * (`=HYPERLINK(…)`, `@SUM(…)`, `-cmd|…`), a leading `'`, which makes it
 * text (OWASP's advice); plain numbers are left as they are, so scores stay
 * `-2`. `restoreCsvCell` undoes it exactly.
 */
export function neutraliseCsvCell(text: string): string {
  return needsFormulaMark(text) ? `'${text}` : text;
}

/** A cell's text as it was before `neutraliseCsvCell`: the mark removed only where it had been added. */
export function restoreCsvCell(text: string): string {
  return text.startsWith("'") && needsFormulaMark(text.slice(1)) ? text.slice(1) : text;
}

// ------------------------------------------------------------------ import

/** Excel's delimiter hint: `sep=;` alone on the first line. */
const SEP_LINE = /^sep=([^\r\n"\uFEFF])[^\S\r\n]*(?:\r\n|\n|\r|$)/i;

/**
 * Parses CSV text into rows, each with the line it starts on, and the
 * delimiter used. Linear in the text: the line count walks forward with the
 * parser, never back to the start.
 */
function readRows(text: string): { rows: Row[]; errors: ValidationError[]; delimiter: string } {
  let source = text.replace(/^\uFEFF/, '');
  const sep = SEP_LINE.exec(source);
  if (sep) source = source.slice(sep[0].length);
  const rows: Row[] = [];
  const errors: ValidationError[] = [];
  let offset = 0;
  let line = sep ? 2 : 1;
  const lineAt = (position: number): number => {
    for (; offset < position && offset < source.length; offset += 1) if (source[offset] === '\n' || (source[offset] === '\r' && source[offset + 1] !== '\n')) line += 1;
    return line;
  };
  let start = 0;
  let delimiter = sep?.[1] ?? ',';
  Papa.parse<string[]>(source, {
    delimiter: sep?.[1] ?? '',
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: false,
    step: (result) => {
      const rowLine = lineAt(start);
      delimiter = result.meta.delimiter;
      // A file of one or two columns has no delimiter to guess: papaparse takes the comma.
      for (const error of result.errors.filter((entry) => entry.type !== 'Delimiter')) {
        errors.push({ path: `line ${rowLine}`, code: 'csv-quotes', params: { line: rowLine }, message: `${error.message.replace(/\.$/, '')}; check the quotes on this line` });
      }
      const cells = result.data.map((cell) => restoreCsvCell(cell.trim()));
      if (cells.some((cell) => cell !== '')) rows.push({ cells, line: rowLine });
      start = result.meta.cursor;
      // Past the line break that ended the row.
      while (start < source.length && (source[start] === '\n' || source[start] === '\r')) start += 1;
    },
  });
  return { rows, errors, delimiter };
}

const EVIDENCE_NAMES: Readonly<Record<EvidenceKind, readonly string[]>> = {
  interview: ['interview', 'interviews', 'интервью', 'інтерв’ю', "інтерв'ю"],
  survey: ['survey', 'surveys', 'опрос', 'анкета', 'опитування'],
  analytics: ['analytics', 'data', 'аналитика', 'данные', 'аналітика', 'дані'],
  support: ['support', 'support tickets', 'tickets', 'поддержка', 'обращения', 'підтримка', 'звернення'],
  observation: ['observation', 'observations', 'наблюдение', 'спостереження'],
  assumption: ['assumption', 'hypothesis', 'guess', 'допущение', 'гипотеза', 'предположение', 'припущення', 'гіпотеза'],
};

/** The evidence kind a cell names, in English, Russian or Ukrainian. */
function findEvidenceKind(text: string): EvidenceKind | undefined {
  const folded = foldName(text);
  return EVIDENCE_KINDS.find((kind) => EVIDENCE_NAMES[kind].some((name) => foldName(name) === folded));
}

/** Which shape a CSV is: long when its first row names Stage (or Step) and Text columns. */
export function detectCsvShape(header: readonly string[]): CsvShape {
  return (findColumn(header, COLUMN_NAMES.stage) !== -1 || findColumn(header, COLUMN_NAMES.step) !== -1) && findColumn(header, COLUMN_NAMES.text) !== -1 ? 'long' : 'wide';
}

// A column is named by its header, and a value quoted, as short excerpts: a cell may hold a megabyte.
// The place is also given as params (line, column), so a panel can word it in the person's language.
interface Where {
  path: string;
  params: Record<string, string | number>;
}
const place = (row: Row, column?: string): Where =>
  column === undefined
    ? { path: `line ${row.line}`, params: { line: row.line } }
    : { path: `line ${row.line}, column "${excerptText(column)}"`, params: { line: row.line, column: excerptText(column) } };
const problem = (where: Where, code: string, message: string, params: Record<string, string | number> = {}): ValidationError => ({ path: where.path, code, params: { ...where.params, ...params }, message });

function checkText(text: string, max: number, where: Where, errors: ValidationError[]): boolean {
  if (text.length <= max) return true;
  errors.push(problem(where, 'csv-text-too-long', `the text has ${text.length} characters; a map holds at most ${max} here; shorten it`, { length: text.length, max }));
  return false;
}

function addScore(builder: JourneyBuilder, persona: PersonaId, at: { stage: StageId; step?: StepId }, raw: string, where: Where, errors: ValidationError[], line: EmotionLine = 'as-is'): void {
  const score = parseScore(raw);
  if (score === undefined || score < -2 || score > 2) {
    errors.push(problem(where, 'csv-score', `expected an emotion score, a whole number from −2 to +2, received "${excerptText(raw)}"`, { value: excerptText(raw) }));
    return;
  }
  const earlier = builder.score(persona, at.stage, score, line, at.step);
  if (earlier !== undefined) errors.push(problem(where, 'csv-score-twice', `this ${at.step ? 'step' : 'stage'} already has the score ${earlier} for this persona; keep one`, { score: earlier }));
}

/**
 * Cards and scores placed at a stage without a step: fine where the stage
 * has none, a problem where it has steps (a stage with steps is no column of
 * its own), found once the whole file is read.
 */
function checkPlaces(journey: Journey, unplaced: readonly { stage: StageId; where: Where }[], errors: ValidationError[]): void {
  const stepped = new Map(journey.stages.filter((stage) => listSteps(stage).length > 0).map((stage) => [stage.id, stage.name]));
  for (const { stage, where } of unplaced) {
    const name = stepped.get(stage);
    if (name !== undefined) errors.push(problem(where, 'csv-step-missing', `the stage "${excerptText(name)}" has steps, so this row needs one: name its step in the Step column`, { stage: excerptText(name) }));
  }
}

/** What a reader checks once the journey is built: places, and what it sets on steps. */
type Finish = (journey: Journey) => void;

function readLong(rows: readonly Row[], builder: JourneyBuilder, errors: ValidationError[]): Finish {
  const [header, ...body] = rows;
  if (!header) return () => undefined;
  // A file with a Step column and no Stage column is one from before steps: its steps are the stages.
  const stageColumn = findColumn(header.cells, COLUMN_NAMES.stage);
  const column = {
    stage: stageColumn === -1 ? findColumn(header.cells, COLUMN_NAMES.step) : stageColumn,
    step: stageColumn === -1 ? -1 : findColumn(header.cells, COLUMN_NAMES.step),
    touchpoint: stageColumn === -1 ? -1 : findColumn(header.cells, COLUMN_NAMES.touchpoint),
    channel: stageColumn === -1 ? -1 : findColumn(header.cells, COLUMN_NAMES.channel),
    lane: findColumn(header.cells, COLUMN_NAMES.lane),
    text: findColumn(header.cells, COLUMN_NAMES.text),
    persona: findColumn(header.cells, COLUMN_NAMES.persona),
    emotion: findColumn(header.cells, COLUMN_NAMES.emotion),
    evidence: findColumn(header.cells, COLUMN_NAMES.evidence),
    line: findColumn(header.cells, COLUMN_NAMES.line),
  };
  const name = (index: number) => header.cells[index] ?? '';
  const unplaced: { stage: StageId; where: Where }[] = [];
  const details = new Map<StepId, { touchpoint?: string; channel?: string }>();
  const planColumn = Object.fromEntries(PLAN_COLUMNS.map((what) => [what, findColumn(header.cells, COLUMN_NAMES[what])])) as Record<PlanColumn, number>;
  const links: { card: CardId; cell: string; where: Where }[] = [];
  const servesColumn = findColumn(header.cells, COLUMN_NAMES.serves);
  const served: { card: CardId; cell: string; where: Where }[] = [];
  for (const row of body) {
    const cell = (index: number) => (index === -1 ? '' : (row.cells[index] ?? ''));
    const stage = cell(column.stage);
    const stepName = cell(column.step);
    const lane = cell(column.lane);
    const text = cell(column.text);
    const personaName = cell(column.persona);
    const emotion = cell(column.emotion);
    const evidenceText = cell(column.evidence);
    const evidence = evidenceText ? findEvidenceKind(evidenceText) : undefined;
    if (evidenceText && !evidence) {
      errors.push(problem(place(row, name(column.evidence)), 'csv-evidence', `unknown evidence "${excerptText(evidenceText)}"; use one of ${EVIDENCE_KINDS.join(', ')}`, { value: excerptText(evidenceText) }));
      continue;
    }
    if (!stage) {
      errors.push(problem(place(row, name(column.stage)), 'csv-stage-empty', 'the stage is empty; every row needs the stage it belongs to'));
      continue;
    }
    if (!checkText(stage, MAX_SHORT_TEXT, place(row, name(column.stage)), errors)) continue;
    if (stepName && !checkText(stepName, MAX_SHORT_TEXT, place(row, name(column.step)), errors)) continue;
    const persona = personaName ? builder.persona(personaName) : undefined;
    const stageId = builder.stage(stage);
    const at = { stage: stageId, ...(stepName ? { step: builder.step(stageId, stepName) } : {}) };
    if (!at.step && (text || emotion)) unplaced.push({ stage: stageId, where: place(row, name(column.stage)) });
    if (at.step && !readStepDetails(at.step, { touchpoint: cell(column.touchpoint), channel: cell(column.channel) }, details, (what) => place(row, name(column[what])), errors)) continue;
    // A plan is an opportunity's: other rows keep ignoring these columns, as a sheet with a Status column of its own expects.
    const isOpportunity = findLaneKind(lane) === 'opportunities';
    const planned = isOpportunity ? PLAN_COLUMNS.find((what) => cell(planColumn[what]) !== '') : undefined;
    if (planned && !text) {
      errors.push(problem(place(row, name(planColumn[planned])), 'csv-plan-without-card', 'a plan (what it addresses, impact, effort, owner, status, KPI) belongs to an opportunity card; write the opportunity in the Text column'));
      continue;
    }
    if (text) {
      if (!lane) {
        errors.push(problem(place(row, name(column.lane === -1 ? column.text : column.lane)), 'csv-lane-missing', 'the card has no lane; name the lane (e.g. Actions, Pains) in the Lane column'));
        continue;
      }
      if (!checkText(text, MAX_CARD_TEXT, place(row, name(column.text)), errors)) continue;
      if (!checkText(lane, MAX_SHORT_TEXT, place(row, name(column.lane)), errors)) continue;
      const plan = isOpportunity ? readPlan((what) => cell(planColumn[what]), (what) => place(row, name(planColumn[what])), errors) : {};
      if (plan === undefined) continue;
      const id = builder.card({ ...at, lane: builder.lane(lane), text, ...(persona ? { persona } : {}), ...(evidence ? { evidence } : {}), ...(Object.keys(plan).length > 0 ? { plan } : {}) });
      const addresses = isOpportunity ? cell(planColumn.addresses) : '';
      if (addresses) links.push({ card: id, cell: addresses, where: place(row, name(planColumn.addresses)) });
      // Read on the company's side of a blueprint only, so a sheet's own column of that name elsewhere is left alone.
      const serves = SERVING_KINDS.has(findLaneKind(lane)) ? cell(servesColumn) : '';
      if (serves) served.push({ card: id, cell: serves, where: place(row, name(servesColumn)) });
    } else if (lane) builder.lane(lane);
    if (emotion) addScore(builder, persona ?? builder.defaultPersona(), at, emotion, place(row, name(column.emotion)), errors, isToBe(cell(column.line)) ? 'to-be' : 'as-is');
  }
  return (journey) => {
    checkPlaces(journey, unplaced, errors);
    for (const stage of journey.stages) for (const step of listSteps(stage)) Object.assign(step, details.get(step.id));
    resolveLinks(journey, links, errors);
    resolveServed(journey, served, errors);
  };
}

/**
 * The cards each blueprint card serves, from their texts (" | " between):
 * cards of its own stage or step in other lanes. A text no card there has
 * is a problem of its row.
 */
function resolveServed(journey: Journey, served: readonly { card: CardId; cell: string; where: Where }[], errors: ValidationError[]): void {
  if (served.length === 0) return;
  const byPlace = new Map<string, Card[]>();
  const placeOf = (card: Card) => `${card.stage} ${card.step ?? ''}`;
  for (const card of journey.cards) byPlace.set(placeOf(card), [...(byPlace.get(placeOf(card)) ?? []), card]);
  const byId = new Map<string, Card>(journey.cards.map((card) => [card.id, card]));
  for (const link of served) {
    const card = byId.get(link.card);
    if (!card) continue;
    const here = byPlace.get(placeOf(card)) ?? [];
    const ids: CardId[] = [];
    for (const part of link.cell.split(ADDRESSES_SEPARATOR).map((text) => text.trim()).filter(Boolean)) {
      const found = here.filter((other) => other.lane !== card.lane && other.text.trim() === part);
      if (found.length === 0) {
        errors.push(problem(link.where, 'csv-served-unknown', `no other card of this stage or step says "${excerptText(part)}"; write the text of the card it serves as it is`, { text: excerptText(part) }));
        break;
      }
      for (const other of found) if (!ids.includes(other.id)) ids.push(other.id);
    }
    if (ids.length > 0) card.serves = ids;
  }
}

/** An opportunity's plan from a row's cells, or undefined (with the problem said) when a cell is not what its column holds. */
function readPlan(cell: (what: PlanColumn) => string, at: (what: PlanColumn) => Where, errors: ValidationError[]): Omit<OpportunityPlan, 'addresses'> | undefined {
  const plan: Omit<OpportunityPlan, 'addresses'> = {};
  for (const what of ['impact', 'effort'] as const) {
    const raw = cell(what);
    if (!raw) continue;
    const value = parseScore(raw);
    if (value === undefined || value < PLAN_RATING_MIN || value > PLAN_RATING_MAX) {
      errors.push(problem(at(what), 'csv-rating', `expected ${what} as a whole number from ${PLAN_RATING_MIN} to ${PLAN_RATING_MAX}, received "${excerptText(raw)}"`, { what, value: excerptText(raw) }));
      return undefined;
    }
    plan[what] = value;
  }
  const status = cell('status');
  if (status) {
    const known = findOpportunityStatus(status);
    if (!known) {
      errors.push(problem(at('status'), 'csv-status', `unknown status "${excerptText(status)}"; use idea, planned, in progress or done`, { value: excerptText(status) }));
      return undefined;
    }
    plan.status = known;
  }
  for (const what of ['owner', 'kpi'] as const) {
    const value = cell(what);
    if (!value) continue;
    if (!checkText(value, MAX_SHORT_TEXT, at(what), errors)) return undefined;
    plan[what] = value;
  }
  return plan;
}

/**
 * The pains each opportunity addresses, from their texts: " | " parts a
 * cell's pains, and a pain whose own text holds " | " is still found (the
 * longest run of parts that is a pain's text wins). Every pain card of that
 * text is linked. A text no pain card has is a problem of its row.
 */
const MAX_PARTS_OF_A_PAIN = 8;

function resolveLinks(journey: Journey, links: readonly { card: CardId; cell: string; where: Where }[], errors: ValidationError[]): void {
  if (links.length === 0) return;
  const painLanes = new Set<string>(journey.lanes.filter((lane) => lane.kind === 'pains').map((lane) => lane.id));
  const painsByText = new Map<string, CardId[]>();
  for (const card of journey.cards) {
    if (!painLanes.has(card.lane)) continue;
    const list = painsByText.get(card.text.trim()) ?? [];
    list.push(card.id);
    painsByText.set(card.text.trim(), list);
  }
  const byId = new Map<string, Card>(journey.cards.map((card) => [card.id, card]));
  for (const link of links) {
    const parts = link.cell.split(ADDRESSES_SEPARATOR).map((part) => part.trim());
    const addresses: CardId[] = [];
    for (let start = 0; start < parts.length; ) {
      if (!parts[start]) {
        start += 1;
        continue;
      }
      // A few parts at most: a pain's own " | " is rare, and a longer look would make a hostile cell quadratic.
      let end = Math.min(parts.length, start + MAX_PARTS_OF_A_PAIN);
      while (end > start && !painsByText.has(parts.slice(start, end).join(ADDRESSES_SEPARATOR))) end -= 1;
      if (end === start) {
        errors.push(problem(link.where, 'csv-pain-unknown', `no pain card says "${excerptText(parts[start] ?? '')}"; write the text of a card of a pains lane as it is`, { text: excerptText(parts[start] ?? '') }));
        break;
      }
      for (const id of painsByText.get(parts.slice(start, end).join(ADDRESSES_SEPARATOR)) ?? []) if (id !== link.card && !addresses.includes(id)) addresses.push(id);
      start = end;
    }
    const card = byId.get(link.card);
    if (card && addresses.length > 0) card.plan = { ...card.plan, addresses };
  }
}

/**
 * A step's touchpoint and channel from a row: any row of the step may name
 * them, and rows that name them again must agree (one would be lost).
 */
function readStepDetails(step: StepId, row: { touchpoint: string; channel: string }, details: Map<StepId, { touchpoint?: string; channel?: string }>, at: (what: 'touchpoint' | 'channel') => Where, errors: ValidationError[]): boolean {
  const known = details.get(step) ?? {};
  for (const what of ['touchpoint', 'channel'] as const) {
    const value = row[what];
    if (!value) continue;
    if (!checkText(value, MAX_SHORT_TEXT, at(what), errors)) return false;
    const earlier = known[what];
    if (earlier !== undefined && earlier !== value) {
      errors.push(problem(at(what), 'csv-step-detail-twice', `this step's ${what} is already "${excerptText(earlier)}" on an earlier row; keep one`, { what, earlier: excerptText(earlier) }));
      return false;
    }
    known[what] = value;
  }
  details.set(step, known);
  return true;
}

/**
 * The names of the to-be line (the experience a team designs for) in a
 * score's Line column or an emotion row's label, in the three languages;
 * anything else is the as-is line.
 */
const TO_BE_WORDS = ['to-be', 'tobe', 'target', 'целевой опыт', 'целевой', 'цільовий досвід', 'цільовий'];
const TO_BE_NAMES = new Set(TO_BE_WORDS.map(foldName));
const isToBe = (text: string): boolean => TO_BE_NAMES.has(foldName(text));

/** An emotion row's label without the to-be line's name ("Emotion (Anna, to-be)", "Emotion to-be"), and whether it had it. */
function splitToBe(label: string): { label: string; toBe: boolean } {
  const bracket = /^(.*)\(([^()]*)\)\s*$/.exec(label);
  if (bracket) {
    const inside = (bracket[2] ?? '').split(',').map((part) => part.trim());
    const rest = inside.filter((part) => !isToBe(part));
    if (rest.length < inside.length) return { label: rest.length > 0 ? `${(bracket[1] ?? '').trim()} (${rest.join(', ')})` : (bracket[1] ?? '').trim(), toBe: true };
  }
  // Longest first: "целевой опыт" before "целевой".
  for (const name of [...TO_BE_WORDS].sort((a, b) => b.length - a.length)) {
    if (label.toLowerCase().endsWith(` ${name}`)) return { label: label.slice(0, -name.length - 1).replace(/[\s,—–:-]+$/, ''), toBe: true };
  }
  return { label, toBe: false };
}

/** Dashes and colons that part an emotion row's lane from its persona: "Emotion — Anna", "Emotion: Anna". */
const PERSONA_SEPARATORS = new Set(['—', '–', ':', '-']);

/**
 * The persona an emotion row names: "Emotion (Anna)", "Emotion — Anna",
 * "Emotion: Anna". The first bracket or separator that leaves a persona
 * after it wins. One pass over the label: the regular expression this
 * replaces (a lazy prefix, then `\((.+)\)$`) scanned the rest of the label
 * again at each bracket, ten seconds for a label of 100,000 of them.
 */
function splitEmotionLabel(label: string): { lane: string; persona?: string } {
  const closed = label.endsWith(')');
  for (let at = 0; at < label.length; at += 1) {
    const char = label.charAt(at);
    let persona: string | undefined;
    if (char === '(' && closed && at < label.length - 2) persona = label.slice(at + 1, -1);
    else if (PERSONA_SEPARATORS.has(char) && at < label.length - 1) persona = label.slice(at + 1);
    if (persona === undefined) continue;
    const lane = label.slice(0, at).trim();
    const name = persona.trim();
    return lane && name && findLaneKind(lane) === 'emotions' ? { lane, persona: name } : { lane: label };
  }
  return { lane: label };
}

const STEP_ROW_NAMES = new Set(COLUMN_NAMES.step.map(foldName));

function readWide(rows: readonly Row[], builder: JourneyBuilder, errors: ValidationError[]): Finish {
  const [header, second, ...rest] = rows;
  if (!header) return () => undefined;
  // A second row named "Step" names the steps under the stages.
  const stepRow = second && STEP_ROW_NAMES.has(foldName(second.cells[0] ?? '')) ? second : undefined;
  const body = stepRow ? rest : rows.slice(1);
  const width = Math.max(header.cells.length, stepRow?.cells.length ?? 0) - 1;
  // The columns that hold anything, in one pass over the cells (not one pass over the rows per column).
  const used = new Set<number>();
  for (const row of body) {
    for (let index = 1; index < row.cells.length; index += 1) if (row.cells[index] !== '') used.add(index - 1);
  }
  // Each column's place: its stage (a stage's name over the first of its steps stands over the next ones too, as merged cells are saved) and step.
  const places: ({ stage: StageId; step?: StepId; name: string } | undefined)[] = [];
  let previous: { stage: StageId; name: string } | undefined;
  for (let index = 0; index < width; index += 1) {
    const named = header.cells[index + 1] ?? '';
    const stepName = stepRow?.cells[index + 1] ?? '';
    if (!named && !(stepName && previous)) {
      if (used.has(index) || stepName) errors.push(problem(place(header, `${index + 2}`), 'csv-stage-name-missing', 'this column has cards but no stage name in the first row; name the stage'));
      previous = undefined;
      places.push(undefined);
      continue;
    }
    if (named && !checkText(named, MAX_SHORT_TEXT, place(header, named), errors)) {
      places.push(undefined);
      continue;
    }
    if (stepName && !checkText(stepName, MAX_SHORT_TEXT, place(stepRow ?? header, stepName), errors)) {
      places.push(undefined);
      continue;
    }
    const stage = previous && !named ? previous : { stage: builder.stage(named), name: named };
    previous = stage;
    places.push({ ...stage, ...(stepName ? { step: builder.step(stage.stage, stepName), name: stepName } : {}) });
  }
  const unplaced: { stage: StageId; where: Where }[] = [];
  for (const row of body) {
    const [label = '', ...cells] = row.cells;
    if (!label) {
      errors.push(problem(place(row), 'csv-lane-name-empty', 'the first column is empty; it names the lane of the row (e.g. Actions, Pains, Emotion)'));
      continue;
    }
    const toBe = splitToBe(label);
    const scored = splitEmotionLabel(toBe.label);
    const line: EmotionLine = toBe.toBe && findLaneKind(scored.lane) === 'emotions' ? 'to-be' : 'as-is';
    const { lane, persona: personaName } = line === 'to-be' ? scored : splitEmotionLabel(label);
    if (!checkText(lane, MAX_SHORT_TEXT, place(row, label), errors)) continue;
    const isEmotions = findLaneKind(lane) === 'emotions';
    const persona = personaName ? builder.persona(personaName) : undefined;
    const laneId = builder.lane(lane);
    cells.forEach((cell, index) => {
      const column = places[index];
      if (!cell || !column) return;
      const at = { stage: column.stage, ...(column.step ? { step: column.step } : {}) };
      if (!column.step) unplaced.push({ stage: column.stage, where: place(row, column.name) });
      if (isEmotions && parseScore(cell) !== undefined) {
        addScore(builder, persona ?? builder.defaultPersona(), at, cell, place(row, column.name), errors, line);
        return;
      }
      for (const text of cell.split(/\r?\n/).map((part) => part.trim())) {
        if (!text || !checkText(text, MAX_CARD_TEXT, place(row, column.name), errors)) continue;
        builder.card({ ...at, lane: laneId, text, ...(persona ? { persona } : {}) });
      }
    });
  }
  return (journey) => checkPlaces(journey, unplaced, errors);
}

/**
 * Reads a journey from CSV text; errors name the line and column and say
 * how to fix them. Returns the delimiter used beside the result, for the
 * import preview.
 */
export function importJourneyCsv(text: string, options: { title?: string } = {}): ParseResult<Journey> & { delimiter: string } {
  const { rows, errors, delimiter } = readRows(text);
  return { ...readJourney(rows, errors, options.title), delimiter };
}

function readJourney(rows: readonly Row[], errors: ValidationError[], title: string | undefined): ParseResult<Journey> {
  if (rows.length === 0) return fail([{ path: 'line 1', code: 'csv-no-rows', params: { line: 1 }, message: 'the file has no rows; a journey CSV starts with a row of stage names (wide) or of column names (long)' }]);
  const builder = createJourneyBuilder();
  const header = rows[0]?.cells ?? [];
  const finish = detectCsvShape(header) === 'long' ? readLong(rows, builder, errors) : readWide(rows, builder, errors);
  if (errors.length > 0) return fail(errors);
  const journey = builder.build(title ?? 'Imported journey');
  finish(journey);
  if (errors.length > 0) return fail(errors);
  if (journey.stages.length === 0) return fail([{ path: 'line 1', code: 'csv-no-stages', params: { line: 1 }, message: 'no stage is named; the first row of a wide CSV names the stages, a long CSV needs a Stage column' }]);
  if (journey.lanes.length === 0) return fail([{ path: 'line 2', code: 'csv-no-lanes', params: { line: 2 }, message: 'no lane is named; the first column of a wide CSV names the lanes, a long CSV needs a Lane column' }]);
  if (journey.stages.length > MAX_STAGES) return fail([{ path: 'line 1', code: 'csv-too-many-stages', params: { line: 1, count: journey.stages.length, max: MAX_STAGES }, message: `the file has ${journey.stages.length} stages; a map holds at most ${MAX_STAGES}` }]);
  if (journey.cards.length > MAX_CARDS) return fail([{ path: '(file)', code: 'csv-too-many-cards', params: { count: journey.cards.length, max: MAX_CARDS }, message: `the file has ${journey.cards.length} cards; a map holds at most ${MAX_CARDS}; split it into several journeys` }]);
  const crowded = journey.stages.find((stage) => listSteps(stage).length > MAX_STEPS_PER_STAGE);
  if (crowded) return fail([{ path: '(file)', code: 'csv-too-many-steps', params: { stage: excerptText(crowded.name), count: listSteps(crowded).length, max: MAX_STEPS_PER_STAGE }, message: `the stage "${excerptText(crowded.name)}" has ${listSteps(crowded).length} steps; a stage holds at most ${MAX_STEPS_PER_STAGE}` }]);
  const steps = journey.stages.reduce((sum, stage) => sum + listSteps(stage).length, 0);
  if (steps > MAX_STEPS) return fail([{ path: '(file)', code: 'csv-too-many-steps', params: { stage: '', count: steps, max: MAX_STEPS }, message: `the file has ${steps} steps; a map holds at most ${MAX_STEPS}` }]);
  return succeed(journey);
}

// ------------------------------------------------------------------ export

// Column names of exported files, in the journey's language (import reads all three).
const HEADERS = {
  en: { lane: 'Lane', long: ['Stage', 'Lane', 'Text', 'Persona', 'Emotion', 'Evidence'], plan: ['Addresses', 'Impact', 'Effort', 'Owner', 'Status', 'KPI'], serves: 'Serves', step: 'Step', touchpoint: 'Touchpoint', channel: 'Channel', line: 'Line', toBe: 'to-be' },
  ru: { lane: 'Дорожка', long: ['Этап', 'Дорожка', 'Текст', 'Персона', 'Эмоция', 'Основание'], plan: ['Решает', 'Эффект', 'Затраты', 'Ответственный', 'Статус', 'Метрика'], serves: 'Обслуживает', step: 'Шаг', touchpoint: 'Точка контакта', channel: 'Канал', line: 'Линия', toBe: 'целевой опыт' },
  uk: { lane: 'Доріжка', long: ['Етап', 'Доріжка', 'Текст', 'Персона', 'Емоція', 'Підстава'], plan: ['Розв’язує', 'Ефект', 'Витрати', 'Відповідальний', 'Статус', 'Показник'], serves: 'Обслуговує', step: 'Крок', touchpoint: 'Точка контакту', channel: 'Канал', line: 'Лінія', toBe: 'цільовий досвід' },
} as const;
const languageOf = (journey: Journey) => findJourneyLanguage(journey.locale);
const headersOf = (journey: Journey) => HEADERS[languageOf(journey)];

/**
 * An opportunity's plan as the long CSV's cells: the texts of the pains it
 * addresses (` | ` between), impact, effort, owner, status (in the
 * journey's language), KPI. `cards` looks cards up by id.
 */
function describePlanCells(plan: OpportunityPlan, cards: ReadonlyMap<string, Card>, language: 'en' | 'ru' | 'uk'): string[] {
  const addresses = (plan.addresses ?? []).flatMap((id) => cards.get(id)?.text.replace(/\r?\n/g, ' ') ?? []).join(ADDRESSES_SEPARATOR);
  return [addresses, plan.impact?.toString() ?? '', plan.effort?.toString() ?? '', plan.owner ?? '', plan.status ? OPPORTUNITY_STATUS_NAMES[plan.status][language] : '', plan.kpi ?? ''];
}

const personaName = (journey: Journey, id: PersonaId | undefined): string => journey.personas.find((persona) => persona.id === id)?.name ?? '';

/** The delimiters an export writes: the comma, or the semicolon that Excel expects where the decimal mark is a comma (Russian, Ukrainian, most of Europe). */
export type CsvDelimiter = ',' | ';';

/** How a CSV is written. */
export interface CsvExportOptions {
  /** The delimiter; a comma by default. */
  delimiter?: CsvDelimiter;
  /**
   * Whether the text starts with a byte order mark (default true): Excel
   * reads a CSV without one in the machine's code page, so Cyrillic would
   * come out garbled. (A `sep=` line is not written: Excel ignores the
   * mark when the file has one.)
   */
  bom?: boolean;
}

/** Rows as CSV text: every cell neutralised against formulas, then quoted where papaparse needs to. */
export function writeCsv(rows: readonly (readonly string[])[], options: CsvExportOptions): string {
  const text = Papa.unparse(
    rows.map((row) => row.map(neutraliseCsvCell)),
    { newline: '\n', delimiter: options.delimiter ?? ',' },
  );
  return options.bom === false ? text : `\uFEFF${text}`;
}

/**
 * The journey as a wide CSV: lanes as rows, stages as columns, cards one
 * per line; scores in the emotions lane. UTF-8 text with a byte order mark
 * unless `options.bom` is false; cells safe from formulas.
 */
export function exportJourneyCsvWide(journey: Journey, options: CsvExportOptions = {}): string {
  // A column per place: each stage without steps, each step of the others, under a second header row of steps.
  const places = listPlaces(journey);
  const stageName = new Map(journey.stages.map((stage) => [stage.id as string, stage.name]));
  const stepName = new Map(journey.stages.flatMap((stage) => listSteps(stage).map((step) => [step.id as string, step.name])));
  const headers = headersOf(journey);
  const rows: string[][] = [[headers.lane, ...places.map((entry) => stageName.get(entry.stage) ?? '')]];
  if (hasSteps(journey)) rows.push([headers.step, ...places.map((entry) => (entry.step ? (stepName.get(entry.step) ?? '') : ''))]);
  const single = journey.personas.length === 1;
  const cardsByLane = new Map<string, Map<string, string[]>>();
  for (const card of journey.cards) {
    const byPlace = cardsByLane.get(card.lane) ?? new Map<string, string[]>();
    cardsByLane.set(card.lane, byPlace);
    const texts = byPlace.get(placeId(card)) ?? [];
    byPlace.set(placeId(card), texts);
    texts.push(card.text.replace(/\r?\n/g, ' '));
  }
  const { toBe } = headers;
  for (const lane of journey.lanes) {
    const byPlace = cardsByLane.get(lane.id);
    const hasCards = byPlace !== undefined;
    if (lane.kind !== 'emotions' || hasCards) rows.push([lane.title, ...places.map((entry) => (byPlace?.get(placeId(entry)) ?? []).join('\n'))]);
    if (lane.kind !== 'emotions') continue;
    for (const persona of journey.personas) {
      // Today's line, then the to-be line ("Emotions (Anna, to-be)") when the journey has one.
      for (const line of ['as-is', 'to-be'] as const) {
        const scores = places.map((entry: JourneyPlace) => journey.emotions.find((emotion) => emotion.persona === persona.id && emotion.stage === entry.stage && emotion.step === entry.step && (line === 'as-is' ? isAsIs(emotion) : emotion.line === 'to-be')));
        if (scores.every((score) => score === undefined)) continue;
        const names = [...(single && !hasCards ? [] : [persona.name]), ...(line === 'to-be' ? [toBe] : [])];
        const label = names.length === 0 ? lane.title : `${lane.title} (${names.join(', ')})`;
        rows.push([label, ...scores.map((score) => (score === undefined ? '' : String(score.score)))]);
      }
    }
  }
  return writeCsv(rows, options);
}

/**
 * The journey as a long CSV: one row per card (Stage, Lane, Text, Persona,
 * Emotion, Evidence), then one per score. Written as the wide one is (see
 * `exportJourneyCsvWide`).
 */
export function exportJourneyCsvLong(journey: Journey, options: CsvExportOptions = {}): string {
  const stageName = new Map(journey.stages.map((stage) => [stage.id as string, stage.name]));
  const steps = journey.stages.flatMap((stage) => listSteps(stage).map((step) => ({ stage, step })));
  const stepName = new Map(steps.map(({ step }) => [step.id as string, step.name]));
  const laneTitle = new Map(journey.lanes.map((lane) => [lane.id as string, lane.title]));
  const emotionsLane = journey.lanes.find((lane) => lane.kind === 'emotions');
  const headers = headersOf(journey);
  // A Step column only when a stage has steps (and Touchpoint, Channel when a step has them), a Line
  // column only when the journey has a to-be line: a journey without them is written as before.
  const stepped = steps.length > 0;
  const details = steps.some(({ step }) => step.touchpoint || step.channel);
  const lines = journey.emotions.some((emotion) => emotion.line === 'to-be');
  // The plan's columns only when an opportunity has a plan.
  const planned = journey.cards.some((card) => card.plan);
  // A Serves column only when a blueprint card serves another.
  const serving = journey.cards.some((card) => (card.serves ?? []).length > 0);
  const row = (stage: string, step: string, rest: readonly string[], more: { touchpoint?: string | undefined; channel?: string | undefined; line?: string; plan?: readonly string[]; serves?: string } = {}): string[] => [
    stage,
    ...(stepped ? [step] : []),
    ...rest,
    ...(planned ? (more.plan ?? ['', '', '', '', '', '']) : []),
    ...(serving ? [more.serves ?? ''] : []),
    ...(details ? [more.touchpoint ?? '', more.channel ?? ''] : []),
    ...(lines ? [more.line ?? ''] : []),
  ];
  const [stageHeader = '', ...restHeaders] = headers.long;
  const rows: string[][] = [row(stageHeader, headers.step, restHeaders, { touchpoint: headers.touchpoint, channel: headers.channel, line: headers.line, plan: headers.plan, serves: headers.serves })];
  // Rows without text declare the stages (and their steps), then the lanes, in their order.
  const first = journey.stages[0]?.name ?? '';
  for (const stage of journey.stages) {
    const own = listSteps(stage);
    if (own.length === 0) rows.push(row(stage.name, '', ['', '', '', '', '']));
    for (const step of own) rows.push(row(stage.name, step.name, ['', '', '', '', ''], step));
  }
  for (const lane of journey.lanes) rows.push(row(first, '', [lane.title, '', '', '', '']));
  const stepOf = (step: StepId | undefined): string => (step ? (stepName.get(step) ?? '') : '');
  const cards = new Map<string, Card>(journey.cards.map((card) => [card.id, card]));
  const language = languageOf(journey);
  for (const card of journey.cards) {
    const serves = (card.serves ?? []).flatMap((id) => cards.get(id)?.text.replace(/\r?\n/g, ' ') ?? []).join(ADDRESSES_SEPARATOR);
    rows.push(
      row(stageName.get(card.stage) ?? '', stepOf(card.step), [laneTitle.get(card.lane) ?? '', card.text, personaName(journey, card.persona), '', card.evidence ?? ''], {
        ...(card.plan ? { plan: describePlanCells(card.plan, cards, language) } : {}),
        ...(serves ? { serves } : {}),
      }),
    );
  }
  for (const emotion of [...journey.emotions.filter(isAsIs), ...journey.emotions.filter((candidate) => candidate.line === 'to-be')]) {
    rows.push(row(stageName.get(emotion.stage) ?? '', stepOf(emotion.step), [emotionsLane?.title ?? 'Emotions', '', personaName(journey, emotion.persona), String(emotion.score), ''], { line: emotion.line === 'to-be' ? headers.toBe : '' }));
  }
  return writeCsv(rows, options);
}
