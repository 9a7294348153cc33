import Papa from 'papaparse';
import { isAsIs, EVIDENCE_KINDS, type EvidenceKind, type Journey, type PersonaId } from '../journey';
import { MAX_CARD_TEXT, MAX_CARDS, MAX_SHORT_TEXT, MAX_STAGES } from '../journey-schema';
import { fail, succeed, type ParseResult, type ValidationError } from '../parse-result';
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
 * The delimiter (comma, semicolon, tab, bar) and the shape are detected;
 * UTF-8 with or without BOM. Parsing is papaparse's.
 */

export type CsvShape = 'wide' | 'long';

interface Row {
  cells: string[];
  /** 1-based line of the file where the row starts. */
  line: number;
}

const COLUMN_NAMES: Readonly<Record<'stage' | 'lane' | 'text' | 'persona' | 'emotion' | 'evidence', readonly string[]>> = {
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

/** Parses CSV text into rows, each with the line it starts on. */
function readRows(text: string): { rows: Row[]; errors: ValidationError[]; delimiter: string } {
  const source = text.replace(/^\uFEFF/, '');
  const rows: Row[] = [];
  const errors: ValidationError[] = [];
  let offset = 0;
  let line = 1;
  const lineAt = (position: number): number => {
    for (; offset < position && offset < source.length; offset += 1) if (source[offset] === '\n') line += 1;
    return line;
  };
  let start = 0;
  let delimiter = ',';
  Papa.parse<string[]>(source, {
    delimiter: '',
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: false,
    step: (result) => {
      const rowLine = lineAt(start);
      delimiter = result.meta.delimiter;
      // A file of one or two columns has no delimiter to guess: papaparse takes the comma.
      for (const error of result.errors.filter((entry) => entry.type !== 'Delimiter')) errors.push({ path: `line ${rowLine}`, message: `${error.message.replace(/\.$/, '')}; check the quotes on this line` });
      const cells = result.data.map((cell) => cell.trim());
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

const place = (row: Row, column?: string): string => (column === undefined ? `line ${row.line}` : `line ${row.line}, column "${column}"`);

function checkText(text: string, max: number, where: string, errors: ValidationError[]): boolean {
  if (text.length <= max) return true;
  errors.push({ path: where, message: `the text has ${text.length} characters; a map holds at most ${max} here; shorten it` });
  return false;
}

function addScore(builder: JourneyBuilder, persona: PersonaId, stageName: string, raw: string, where: string, errors: ValidationError[]): void {
  const score = parseScore(raw);
  if (score === undefined || score < -2 || score > 2) {
    errors.push({ path: where, message: `expected an emotion score, a whole number from −2 to +2, received "${raw}"` });
    return;
  }
  const earlier = builder.score(persona, builder.stage(stageName), score);
  if (earlier !== undefined) errors.push({ path: where, message: `this stage already has the score ${earlier} for this persona; keep one` });
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
      errors.push({ path: place(row, name(column.evidence)), message: `unknown evidence "${evidenceText}"; use one of ${EVIDENCE_KINDS.join(', ')}` });
      continue;
    }
    if (!stage) {
      errors.push({ path: place(row, name(column.stage)), message: 'the stage is empty; every row needs the stage it belongs to' });
      continue;
    }
    if (!checkText(stage, MAX_SHORT_TEXT, place(row, name(column.stage)), errors)) continue;
    const persona = personaName ? builder.persona(personaName) : undefined;
    if (text) {
      if (!lane) {
        errors.push({ path: place(row, name(column.lane === -1 ? column.text : column.lane)), message: 'the card has no lane; name the lane (e.g. Actions, Pains) in the Lane column' });
        continue;
      }
      if (!checkText(text, MAX_CARD_TEXT, place(row, name(column.text)), errors)) continue;
      if (!checkText(lane, MAX_SHORT_TEXT, place(row, name(column.lane)), errors)) continue;
      builder.card({ stage: builder.stage(stage), lane: builder.lane(lane), text, ...(persona ? { persona } : {}), ...(evidence ? { evidence } : {}) });
    } else {
      builder.stage(stage);
      if (lane) builder.lane(lane);
    }
    if (emotion) addScore(builder, persona ?? builder.defaultPersona(), stage, emotion, place(row, name(column.emotion)), errors);
  }
}

/** The persona an emotion row names: "Emotion (Anna)", "Emotion — Anna", "Emotion: Anna". */
function splitEmotionLabel(label: string): { lane: string; persona?: string } {
  const match = /^(.*?)\s*(?:\((.+)\)|[—–:-]\s*(.+))$/.exec(label);
  const lane = match?.[1]?.trim();
  const persona = (match?.[2] ?? match?.[3])?.trim();
  if (lane && persona && findLaneKind(lane) === 'emotions') return { lane, persona };
  return { lane: label };
}

function readWide(rows: readonly Row[], builder: JourneyBuilder, errors: ValidationError[]): void {
  const [header, ...body] = rows;
  if (!header) return;
  const stages = header.cells.slice(1);
  stages.forEach((stage, index) => {
    const used = body.some((row) => (row.cells[index + 1] ?? '') !== '');
    if (!stage && used) errors.push({ path: place(header, `${index + 2}`), message: 'this column has cards but no stage name in the first row; name the stage' });
    else if (stage && checkText(stage, MAX_SHORT_TEXT, place(header, stage), errors)) builder.stage(stage);
  });
  for (const row of body) {
    const [label = '', ...cells] = row.cells;
    if (!label) {
      errors.push({ path: place(row), message: 'the first column is empty; it names the lane of the row (e.g. Actions, Pains, Emotion)' });
      continue;
    }
    const { lane, persona: personaName } = splitEmotionLabel(label);
    if (!checkText(lane, MAX_SHORT_TEXT, place(row, label), errors)) continue;
    const isEmotions = findLaneKind(lane) === 'emotions';
    const persona = personaName ? builder.persona(personaName) : undefined;
    const laneId = builder.lane(lane);
    cells.forEach((cell, index) => {
      const stage = stages[index];
      if (!cell || !stage) return;
      if (isEmotions && parseScore(cell) !== undefined) {
        addScore(builder, persona ?? builder.defaultPersona(), stage, cell, place(row, stage), errors);
        return;
      }
      for (const text of cell.split(/\r?\n/).map((part) => part.trim())) {
        if (!text || !checkText(text, MAX_CARD_TEXT, place(row, stage), errors)) continue;
        builder.card({ stage: builder.stage(stage), lane: laneId, text, ...(persona ? { persona } : {}) });
      }
    });
  }
}

/** Reads a journey from CSV; errors name the line and column and say how to fix them. */
export function importJourneyCsv(text: string, options: { title?: string } = {}): ParseResult<Journey> {
  const { rows, errors } = readRows(text);
  if (rows.length === 0) return fail([{ path: 'line 1', message: 'the file has no rows; a journey CSV starts with a row of stage names (wide) or of column names (long)' }]);
  const builder = createJourneyBuilder();
  const header = rows[0]?.cells ?? [];
  if (detectCsvShape(header) === 'long') readLong(rows, builder, errors);
  else readWide(rows, builder, errors);
  if (errors.length > 0) return fail(errors);
  const journey = builder.build(options.title ?? 'Imported journey');
  if (journey.stages.length === 0) return fail([{ path: 'line 1', message: 'no stage is named; the first row of a wide CSV names the stages, a long CSV needs a Stage column' }]);
  if (journey.lanes.length === 0) return fail([{ path: 'line 2', message: 'no lane is named; the first column of a wide CSV names the lanes, a long CSV needs a Lane column' }]);
  if (journey.stages.length > MAX_STAGES) return fail([{ path: 'line 1', message: `the file has ${journey.stages.length} stages; a map holds at most ${MAX_STAGES}` }]);
  if (journey.cards.length > MAX_CARDS) return fail([{ path: '(file)', message: `the file has ${journey.cards.length} cards; a map holds at most ${MAX_CARDS}; split it into several journeys` }]);
  return succeed(journey);
}

// ------------------------------------------------------------------ export

// Column names of exported files, in the journey's language (import reads all three).
const HEADERS = {
  en: { lane: 'Lane', long: ['Stage', 'Lane', 'Text', 'Persona', 'Emotion', 'Evidence'] },
  ru: { lane: 'Дорожка', long: ['Этап', 'Дорожка', 'Текст', 'Персона', 'Эмоция', 'Основание'] },
  uk: { lane: 'Доріжка', long: ['Етап', 'Доріжка', 'Текст', 'Персона', 'Емоція', 'Підстава'] },
} as const;
const headersOf = (journey: Journey) => {
  const base = (journey.locale ?? 'en').split('-')[0];
  return base === 'ru' || base === 'uk' ? HEADERS[base] : HEADERS.en;
};

const personaName = (journey: Journey, id: PersonaId | undefined): string => journey.personas.find((persona) => persona.id === id)?.name ?? '';

/** The journey as a wide CSV: lanes as rows, stages as columns, cards one per line; scores in the emotions lane. */
export function exportJourneyCsvWide(journey: Journey): string {
  const rows: string[][] = [[headersOf(journey).lane, ...journey.stages.map((stage) => stage.name)]];
  const single = journey.personas.length === 1;
  for (const lane of journey.lanes) {
    const cardsAt = (stageId: string) => journey.cards.filter((card) => card.lane === lane.id && card.stage === stageId);
    const hasCards = journey.cards.some((card) => card.lane === lane.id);
    if (lane.kind !== 'emotions' || hasCards) {
      rows.push([lane.title, ...journey.stages.map((stage) => cardsAt(stage.id).map((card) => card.text.replace(/\r?\n/g, ' ')).join('\n'))]);
    }
    if (lane.kind !== 'emotions') continue;
    for (const persona of journey.personas) {
      const scores = journey.stages.map((stage) => journey.emotions.find((emotion) => emotion.persona === persona.id && emotion.stage === stage.id && isAsIs(emotion)));
      if (scores.every((score) => score === undefined)) continue;
      const label = single && !hasCards ? lane.title : `${lane.title} (${persona.name})`;
      rows.push([label, ...scores.map((score) => (score === undefined ? '' : String(score.score)))]);
    }
  }
  return Papa.unparse(rows, { newline: '\n' });
}

/** The journey as a long CSV: one row per card (Stage, Lane, Text, Persona, Emotion), then one per score. */
export function exportJourneyCsvLong(journey: Journey): string {
  const stageName = new Map(journey.stages.map((stage) => [stage.id as string, stage.name]));
  const laneTitle = new Map(journey.lanes.map((lane) => [lane.id as string, lane.title]));
  const emotionsLane = journey.lanes.find((lane) => lane.kind === 'emotions');
  const rows: string[][] = [[...headersOf(journey).long]];
  // Rows without text declare the stages, then the lanes, in their order.
  const first = journey.stages[0]?.name ?? '';
  for (const stage of journey.stages) rows.push([stage.name, '', '', '', '', '']);
  for (const lane of journey.lanes) rows.push([first, lane.title, '', '', '', '']);
  for (const card of journey.cards) rows.push([stageName.get(card.stage) ?? '', laneTitle.get(card.lane) ?? '', card.text, personaName(journey, card.persona), '', card.evidence ?? '']);
  for (const emotion of journey.emotions.filter(isAsIs)) {
    rows.push([stageName.get(emotion.stage) ?? '', emotionsLane?.title ?? 'Emotions', '', personaName(journey, emotion.persona), String(emotion.score), '']);
  }
  return Papa.unparse(rows, { newline: '\n' });
}
