import Papa from 'papaparse';
import { isAsIs, EVIDENCE_KINDS, type EmotionLine, type EvidenceKind, type Journey, type PersonaId } from '../journey';
import { MAX_CARD_TEXT, MAX_CARDS, MAX_SHORT_TEXT, MAX_STAGES } from '../journey-schema';
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
 * - **long**: one row per card, with columns Stage, Lane, Text and
 *   optionally Persona, Emotion and Evidence (names in English, Russian or
 *   Ukrainian; evidence is interview, survey, analytics, support,
 *   observation or assumption);
 *   a row with an emotion and no text only scores; a row with a stage (and a
 *   lane) and nothing else declares them, so empty ones keep their place.
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

interface Row {
  cells: string[];
  /** 1-based line of the file where the row starts. */
  line: number;
}

const COLUMN_NAMES: Readonly<Record<'stage' | 'lane' | 'text' | 'persona' | 'emotion' | 'evidence' | 'line', readonly string[]>> = {
  // Which emotion line a score is on: empty (or "as-is") for today's, the to-be line's name for the designed one.
  line: ['line', 'emotion line', 'линия', 'линия эмоций', 'лінія', 'лінія емоцій'],
  evidence: ['evidence', 'source', 'основание', 'доказательство', 'источник', 'підстава', 'доказ', 'джерело'],
  stage: ['stage', 'step', 'phase', 'этап', 'стадия', 'шаг', 'етап', 'стадія', 'крок'],
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

/** Which shape a CSV is: long when its first row names Stage and Text columns. */
export function detectCsvShape(header: readonly string[]): CsvShape {
  return findColumn(header, COLUMN_NAMES.stage) !== -1 && findColumn(header, COLUMN_NAMES.text) !== -1 ? 'long' : 'wide';
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

function addScore(builder: JourneyBuilder, persona: PersonaId, stageName: string, raw: string, where: Where, errors: ValidationError[], line: EmotionLine = 'as-is'): void {
  const score = parseScore(raw);
  if (score === undefined || score < -2 || score > 2) {
    errors.push(problem(where, 'csv-score', `expected an emotion score, a whole number from −2 to +2, received "${excerptText(raw)}"`, { value: excerptText(raw) }));
    return;
  }
  const earlier = builder.score(persona, builder.stage(stageName), score, line);
  if (earlier !== undefined) errors.push(problem(where, 'csv-score-twice', `this stage already has the score ${earlier} for this persona; keep one`, { score: earlier }));
}

function readLong(rows: readonly Row[], builder: JourneyBuilder, errors: ValidationError[]): void {
  const [header, ...body] = rows;
  if (!header) return;
  const column = {
    stage: findColumn(header.cells, COLUMN_NAMES.stage),
    lane: findColumn(header.cells, COLUMN_NAMES.lane),
    text: findColumn(header.cells, COLUMN_NAMES.text),
    persona: findColumn(header.cells, COLUMN_NAMES.persona),
    emotion: findColumn(header.cells, COLUMN_NAMES.emotion),
    evidence: findColumn(header.cells, COLUMN_NAMES.evidence),
    line: findColumn(header.cells, COLUMN_NAMES.line),
  };
  const name = (index: number) => header.cells[index] ?? '';
  for (const row of body) {
    const cell = (index: number) => (index === -1 ? '' : (row.cells[index] ?? ''));
    const stage = cell(column.stage);
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
    const persona = personaName ? builder.persona(personaName) : undefined;
    if (text) {
      if (!lane) {
        errors.push(problem(place(row, name(column.lane === -1 ? column.text : column.lane)), 'csv-lane-missing', 'the card has no lane; name the lane (e.g. Actions, Pains) in the Lane column'));
        continue;
      }
      if (!checkText(text, MAX_CARD_TEXT, place(row, name(column.text)), errors)) continue;
      if (!checkText(lane, MAX_SHORT_TEXT, place(row, name(column.lane)), errors)) continue;
      builder.card({ stage: builder.stage(stage), lane: builder.lane(lane), text, ...(persona ? { persona } : {}), ...(evidence ? { evidence } : {}) });
    } else {
      builder.stage(stage);
      if (lane) builder.lane(lane);
    }
    if (emotion) addScore(builder, persona ?? builder.defaultPersona(), stage, emotion, place(row, name(column.emotion)), errors, isToBe(cell(column.line)) ? 'to-be' : 'as-is');
  }
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

function readWide(rows: readonly Row[], builder: JourneyBuilder, errors: ValidationError[]): void {
  const [header, ...body] = rows;
  if (!header) return;
  const stages = header.cells.slice(1);
  // The columns that hold anything, in one pass over the cells (not one pass over the rows per column).
  const used = new Set<number>();
  for (const row of body) {
    for (let index = 1; index < row.cells.length; index += 1) if (row.cells[index] !== '') used.add(index - 1);
  }
  stages.forEach((stage, index) => {
    if (!stage && used.has(index)) errors.push(problem(place(header, `${index + 2}`), 'csv-stage-name-missing', 'this column has cards but no stage name in the first row; name the stage'));
    else if (stage && checkText(stage, MAX_SHORT_TEXT, place(header, stage), errors)) builder.stage(stage);
  });
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
      const stage = stages[index];
      if (!cell || !stage) return;
      if (isEmotions && parseScore(cell) !== undefined) {
        addScore(builder, persona ?? builder.defaultPersona(), stage, cell, place(row, stage), errors, line);
        return;
      }
      for (const text of cell.split(/\r?\n/).map((part) => part.trim())) {
        if (!text || !checkText(text, MAX_CARD_TEXT, place(row, stage), errors)) continue;
        builder.card({ stage: builder.stage(stage), lane: laneId, text, ...(persona ? { persona } : {}) });
      }
    });
  }
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
  if (detectCsvShape(header) === 'long') readLong(rows, builder, errors);
  else readWide(rows, builder, errors);
  if (errors.length > 0) return fail(errors);
  const journey = builder.build(title ?? 'Imported journey');
  if (journey.stages.length === 0) return fail([{ path: 'line 1', code: 'csv-no-stages', params: { line: 1 }, message: 'no stage is named; the first row of a wide CSV names the stages, a long CSV needs a Stage column' }]);
  if (journey.lanes.length === 0) return fail([{ path: 'line 2', code: 'csv-no-lanes', params: { line: 2 }, message: 'no lane is named; the first column of a wide CSV names the lanes, a long CSV needs a Lane column' }]);
  if (journey.stages.length > MAX_STAGES) return fail([{ path: 'line 1', code: 'csv-too-many-stages', params: { line: 1, count: journey.stages.length, max: MAX_STAGES }, message: `the file has ${journey.stages.length} stages; a map holds at most ${MAX_STAGES}` }]);
  if (journey.cards.length > MAX_CARDS) return fail([{ path: '(file)', code: 'csv-too-many-cards', params: { count: journey.cards.length, max: MAX_CARDS }, message: `the file has ${journey.cards.length} cards; a map holds at most ${MAX_CARDS}; split it into several journeys` }]);
  return succeed(journey);
}

// ------------------------------------------------------------------ export

// Column names of exported files, in the journey's language (import reads all three).
const HEADERS = {
  en: { lane: 'Lane', long: ['Stage', 'Lane', 'Text', 'Persona', 'Emotion', 'Evidence'], line: 'Line', toBe: 'to-be' },
  ru: { lane: 'Дорожка', long: ['Этап', 'Дорожка', 'Текст', 'Персона', 'Эмоция', 'Основание'], line: 'Линия', toBe: 'целевой опыт' },
  uk: { lane: 'Доріжка', long: ['Етап', 'Доріжка', 'Текст', 'Персона', 'Емоція', 'Підстава'], line: 'Лінія', toBe: 'цільовий досвід' },
} as const;
const headersOf = (journey: Journey) => {
  const base = (journey.locale ?? 'en').split('-')[0];
  return base === 'ru' || base === 'uk' ? HEADERS[base] : HEADERS.en;
};

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
function writeCsv(rows: readonly (readonly string[])[], options: CsvExportOptions): string {
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
  const rows: string[][] = [[headersOf(journey).lane, ...journey.stages.map((stage) => stage.name)]];
  const single = journey.personas.length === 1;
  const cardsByLane = new Map<string, Map<string, string[]>>();
  for (const card of journey.cards) {
    const byStage = cardsByLane.get(card.lane) ?? new Map<string, string[]>();
    cardsByLane.set(card.lane, byStage);
    const texts = byStage.get(card.stage) ?? [];
    byStage.set(card.stage, texts);
    texts.push(card.text.replace(/\r?\n/g, ' '));
  }
  const { toBe } = headersOf(journey);
  for (const lane of journey.lanes) {
    const byStage = cardsByLane.get(lane.id);
    const hasCards = byStage !== undefined;
    if (lane.kind !== 'emotions' || hasCards) rows.push([lane.title, ...journey.stages.map((stage) => (byStage?.get(stage.id) ?? []).join('\n'))]);
    if (lane.kind !== 'emotions') continue;
    for (const persona of journey.personas) {
      // Today's line, then the to-be line ("Emotions (Anna, to-be)") when the journey has one.
      for (const line of ['as-is', 'to-be'] as const) {
        const scores = journey.stages.map((stage) => journey.emotions.find((emotion) => emotion.persona === persona.id && emotion.stage === stage.id && (line === 'as-is' ? isAsIs(emotion) : emotion.line === 'to-be')));
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
  const laneTitle = new Map(journey.lanes.map((lane) => [lane.id as string, lane.title]));
  const emotionsLane = journey.lanes.find((lane) => lane.kind === 'emotions');
  const headers = headersOf(journey);
  // A Line column only when the journey has a to-be line: its scores name it there; today's leave it empty.
  const lines = journey.emotions.some((emotion) => emotion.line === 'to-be');
  const extra = (value: string): string[] => (lines ? [value] : []);
  const rows: string[][] = [[...headers.long, ...extra(headers.line)]];
  // Rows without text declare the stages, then the lanes, in their order.
  const first = journey.stages[0]?.name ?? '';
  for (const stage of journey.stages) rows.push([stage.name, '', '', '', '', '', ...extra('')]);
  for (const lane of journey.lanes) rows.push([first, lane.title, '', '', '', '', ...extra('')]);
  for (const card of journey.cards) rows.push([stageName.get(card.stage) ?? '', laneTitle.get(card.lane) ?? '', card.text, personaName(journey, card.persona), '', card.evidence ?? '', ...extra('')]);
  for (const emotion of [...journey.emotions.filter(isAsIs), ...journey.emotions.filter((candidate) => candidate.line === 'to-be')]) {
    rows.push([stageName.get(emotion.stage) ?? '', emotionsLane?.title ?? 'Emotions', '', personaName(journey, emotion.persona), String(emotion.score), '', ...extra(emotion.line === 'to-be' ? headers.toBe : '')]);
  }
  return writeCsv(rows, options);
}
