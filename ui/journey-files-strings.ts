import type { JourneyComparison } from '../src/model/compare-journeys';
import type { FileEncoding } from '../src/model/formats/decode-journey-bytes';
import type { CsvDelimiter } from '../src/model/formats/journey-csv';
import type { RecordErrorCode } from '../src/model/journey-record';
import type { JourneyErrorCode } from '../src/model/journey-schema';
import type { ValidationError } from '../src/model/parse-result';
import type { Locale } from './strings';

/**
 * Words of the panel's import and export about files: encodings,
 * delimiters, and the problems of reading a file, by their codes. Kept
 * beside the section that shows them (it loads on demand), in the three
 * languages of the panel.
 */

/** The problems of reading a file that the panel words itself; any other shows its message. */
type FileProblemCode =
  | 'file-too-large'
  | 'file-not-text'
  | 'file-is-workbook'
  | 'file-encoding-unsupported'
  | 'file-encoding-invalid'
  | 'file-encoding-unknown'
  | 'file-decoder-missing'
  | 'encoding-guessed'
  | 'csv-quotes'
  | 'csv-text-too-long'
  | 'csv-score'
  | 'csv-score-twice'
  | 'csv-evidence'
  | 'csv-rating'
  | 'csv-status'
  | 'csv-plan-without-card'
  | 'csv-pain-unknown'
  | 'csv-served-unknown'
  | 'csv-stage-empty'
  | 'csv-lane-missing'
  | 'csv-stage-name-missing'
  | 'csv-lane-name-empty'
  | 'csv-no-rows'
  | 'csv-no-stages'
  | 'csv-no-lanes'
  | 'csv-too-many-stages'
  | 'csv-too-many-cards'
  | 'csv-step-missing'
  | 'csv-step-detail-twice'
  | 'csv-too-many-steps'
  | 'mermaid-actor-merged'
  | 'mermaid-empty'
  | 'mermaid-front-matter-title-twice'
  | 'mermaid-front-matter-unclosed'
  | 'mermaid-hash'
  | 'mermaid-keyword'
  | 'mermaid-more-errors'
  | 'mermaid-no-score'
  | 'mermaid-no-stage'
  | 'mermaid-not-journey'
  | 'mermaid-score-clamped'
  | 'mermaid-score-not-number'
  | 'mermaid-section-colon'
  | 'mermaid-section-repeated'
  | 'mermaid-semicolon'
  | 'mermaid-syntax'
  | 'mermaid-task-empty'
  | 'mermaid-task-extra-field'
  | 'mermaid-task-long'
  | 'mermaid-task-no-actor'
  | 'mermaid-task-split'
  | 'mermaid-text-clipped'
  | 'mermaid-title-late'
  | 'mermaid-too-long'
  | 'mermaid-too-many'
  | 'mermaid-unclosed'
  | 'mermaid-untitled-stage'
  | JourneyErrorCode
  | RecordErrorCode;

type Params = Readonly<Record<string, string | number>>;

/** The parts of a Mermaid journey a message can be about, in each language ("the {what} is too long"). */
const MERMAID_PARTS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { section: 'section name', actor: 'actor name', task: 'task', title: 'title', description: 'description', stages: 'stages', personas: 'personas', cards: 'cards', tasks: 'tasks (each a step of the map)', 'section-tasks': 'tasks in one section (each a step of its stage)' },
  ru: { section: 'Название раздела', actor: 'Имя участника', task: 'Задача', title: 'Заголовок', description: 'Описание', stages: 'этапов', personas: 'персон', cards: 'карточек', tasks: 'задач (каждая — шаг карты)', 'section-tasks': 'задач в одном разделе (каждая — шаг этапа)' },
  uk: { section: 'Назва розділу', actor: 'Ім’я учасника', task: 'Завдання', title: 'Заголовок', description: 'Опис', stages: 'етапів', personas: 'персон', cards: 'карток', tasks: 'завдань (кожне — крок карти)', 'section-tasks': 'завдань в одному розділі (кожне — крок етапу)' },
};
const part = (locale: Locale, what: string | number | undefined): string => {
  const key = String(what ?? '');
  return Object.prototype.hasOwnProperty.call(MERMAID_PARTS[locale], key) ? (MERMAID_PARTS[locale][key] ?? key) : key;
};

export interface JourneyFileWords {
  encodings: Readonly<Record<FileEncoding, string>>;
  delimiters: Readonly<Record<string, string>>;
  /** How the file was read: "Read as Windows-1251 (Cyrillic); delimiter: semicolon." */
  readAs: (encoding: string, delimiter: string | undefined) => string;
  warningsTitle: string;
  csvLong: string;
  planMarkdown: string;
  planCsv: string;
  delimiterLabel: string;
  problems: Readonly<Record<FileProblemCode, (params: Params, encoding: (name: unknown) => string) => string>>;
  /** Where in a file: "line 12, column “Emotion”". */
  place: (line: number, column: string | undefined) => string;
  /** Said before a problem the file format words only in English (a JSON file's schema). */
  technical: string;
  /** The lines of a comparison with an earlier version. */
  compare: {
    none: string;
    stageAdded: (name: string) => string;
    stageRemoved: (name: string) => string;
    stageRenamed: (from: string, to: string) => string;
    stepAdded: (name: string) => string;
    stepRemoved: (name: string) => string;
    stepRenamed: (from: string, to: string) => string;
    cardAdded: (stage: string, lane: string, text: string) => string;
    cardRemoved: (stage: string, lane: string, text: string) => string;
    cardEdited: (stage: string, lane: string, from: string, to: string) => string;
    cardMoved: (text: string, from: string, to: string) => string;
    emotion: (persona: string, stage: string, from: string, to: string) => string;
    noScore: string;
  };
}

const EXCEL_EN = 'In Excel: File → Save As → CSV UTF-8.';
const EXCEL_RU = 'В Excel: Файл → Сохранить как → CSV UTF-8.';
const EXCEL_UK = 'В Excel: Файл → Зберегти як → CSV UTF-8.';

const en: JourneyFileWords = {
  encodings: {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8 (with a byte order mark)',
    'utf-16le': 'UTF-16LE',
    'utf-16be': 'UTF-16BE',
    'windows-1251': 'Windows-1251 (Cyrillic)',
    'windows-1252': 'Windows-1252 (Western European)',
  },
  delimiters: { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' },
  readAs: (encoding, delimiter) => `Read as ${encoding}${delimiter ? `; delimiter: ${delimiter}` : ''}.`,
  warningsTitle: 'Check before inserting:',
  csvLong: 'CSV (long)',
  planMarkdown: 'Action plan (Markdown)',
  planCsv: 'Action plan (CSV)',
  delimiterLabel: 'CSV delimiter',
  problems: {
    'file-too-large': ({ megabytes, max }) => `The file is ${megabytes} MB; journeys up to ${max} MB are imported. Split it into several journeys.`,
    'file-not-text': () => `The file is not text (it may be a picture, a workbook or a damaged file). A journey file is a CSV, a Mermaid journey or JSON. ${EXCEL_EN}`,
    'file-is-workbook': () => `This is a workbook, not a sheet saved as text. Open it and save it as UTF-8, then import that file. ${EXCEL_EN}`,
    'file-encoding-unsupported': ({ encoding }, name) => `The file is ${name(encoding)}, which is not read here (UTF-8, UTF-16, Windows-1251 and Windows-1252 are). Save it as UTF-8. ${EXCEL_EN}`,
    'file-encoding-invalid': ({ encoding, offset }, name) =>
      `The file is not valid ${name(encoding)}${offset === undefined ? '' : ` (at byte ${offset})`}: it may be damaged or mix two encodings. Save it again as UTF-8. ${EXCEL_EN}`,
    'file-encoding-unknown': () => `The file is not in an encoding read here (UTF-8, UTF-16, Windows-1251, Windows-1252). Save it as UTF-8. ${EXCEL_EN}`,
    'file-decoder-missing': () => 'This browser cannot decode text files. Import the file in another browser or with the cjm command.',
    'encoding-guessed': ({ encoding }, name) => `The file is not marked with its encoding; it was read as ${name(encoding)}. If letters look wrong, save it as UTF-8. ${EXCEL_EN}`,
    'csv-quotes': () => 'A quote is not closed on this line; check the quotes (a cell with a line break or a delimiter is put in "…").',
    'csv-text-too-long': ({ length, max }) => `The text has ${length} characters; a map holds at most ${max} here. Shorten it.`,
    'csv-score': ({ value }) => `Expected an emotion score, a whole number from −2 to +2; the cell says “${value}”.`,
    'csv-score-twice': ({ score }) => `This stage already has the score ${score} for this persona; keep one.`,
    'csv-evidence': ({ value }) => `Unknown evidence “${value}”; use interview, survey, analytics, support, observation or assumption.`,
    'csv-rating': ({ what, value }) => `${what === 'effort' ? 'Effort' : 'Impact'} is a whole number from 1 to 5, not “${value}”.`,
    'csv-status': ({ value }) => `Unknown status “${value}”; use idea, planned, in progress or done.`,
    'csv-plan-without-card': () => 'A plan (what it addresses, impact, effort, owner, status, KPI) belongs to an opportunity card: write the opportunity in the Text column.',
    'csv-pain-unknown': ({ text }) => `No pain card says “${text}”; write the text of a card of a pains lane as it is.`,
    'csv-served-unknown': ({ text }) => `No other card of this stage or step says “${text}”; write the text of the card it serves as it is.`,
    'csv-stage-empty': () => 'The stage is empty; every row needs the stage it belongs to.',
    'csv-lane-missing': () => 'The card has no lane; name the lane (Actions, Pains…) in the Lane column.',
    'csv-stage-name-missing': () => 'This column has cards but no stage name in the first row; name the stage.',
    'csv-lane-name-empty': () => 'The first column is empty; it names the lane of the row (Actions, Pains, Emotion…).',
    'csv-no-rows': () => 'The file has no rows; a journey sheet starts with a row of stage names (wide) or of column names (long).',
    'csv-no-stages': () => 'No stage is named; the first row of a wide sheet names the stages, a long one needs a Stage column.',
    'csv-no-lanes': () => 'No lane is named; the first column of a wide sheet names the lanes, a long one needs a Lane column.',
    'csv-too-many-stages': ({ count, max }) => `The file has ${count} stages; a map holds at most ${max}.`,
    'csv-too-many-cards': ({ count, max }) => `The file has ${count} cards; a map holds at most ${max}. Split it into several journeys.`,
    'csv-step-missing': ({ stage }) => `The stage “${stage}” has steps, so this row needs one: name its step in the Step column.`,
    'csv-step-detail-twice': ({ what, earlier }) => `An earlier row gives this step the ${what === 'channel' ? 'channel' : 'touchpoint'} “${earlier}”; keep one.`,
    'csv-too-many-steps': ({ stage, count, max }) => (stage ? `The stage “${stage}” has ${count} steps; a stage holds at most ${max}.` : `The file has ${count} steps; a map holds at most ${max}.`),
    'mermaid-actor-merged': ({ actor, persona }) => `The actor “${actor}” is taken as “${persona}”.`,
    'mermaid-empty': () => 'The file is empty, or holds only front matter and comments.',
    'mermaid-front-matter-title-twice': () => 'The front matter has “title” twice; keep one.',
    'mermaid-front-matter-unclosed': () => 'The front matter is never closed; end it with a line “---”.',
    'mermaid-hash': () => '“#” starts a comment in Mermaid; write #35; for a “#” in a text.',
    'mermaid-keyword': () => '“journey” at the start of a line begins a diagram; write #106;ourney.',
    'mermaid-more-errors': ({ count }) => `${count} more problems after these.`,
    'mermaid-no-score': ({ text }) => `The task “${text}” has nothing after its colon; add a score from 1 to 5.`,
    'mermaid-no-stage': () => 'The diagram has no section and no task.',
    'mermaid-not-journey': () => 'A Mermaid user journey starts with “journey” (in lower case).',
    'mermaid-score-clamped': ({ score, clamped }) => `The score ${score} is outside Mermaid’s 1…5; it is read as ${clamped}.`,
    'mermaid-score-not-number': ({ score }) => `Expected a score from 1 to 5, received “${score}”.`,
    'mermaid-section-colon': () => 'A section name ends at “:”; write #58; for a colon in it.',
    'mermaid-section-repeated': ({ section, name }) => `The section “${section}” comes again; it is a stage of its own, named “${name}”.`,
    'mermaid-semicolon': () => 'Mermaid does not allow “;” here; write #59;.',
    'mermaid-syntax': () => 'Expected “title …”, “section …” or a task “Name: 5: Actor”.',
    'mermaid-task-empty': ({ name }) => `This task has no text; its step is called “${name}”, and its score counts.`,
    'mermaid-task-long': ({ task, max }) => `The task “${task}” is longer than a step’s name holds (${max} characters); the step gets its start, and the whole task is a card of the step.`,
    'mermaid-task-extra-field': ({ ignored }) => `Mermaid ignores what follows a task’s third colon (“${ignored}”); it is left out.`,
    'mermaid-task-no-actor': ({ task }) => `The task “${task}” names no actor, so its score counts for no persona.`,
    'mermaid-task-split': ({ task, actors, of }) => `The task “${task}” names ${actors} of ${of} actors; it becomes a card for each of them.`,
    'mermaid-text-clipped': ({ what, max }) => `The ${part('en', what)} is longer than ${max} characters; the rest is left out.`,
    'mermaid-title-late': ({ title }) => `Mermaid reads this line as the diagram’s title (“${title}”), not as a task.`,
    'mermaid-too-long': ({ what, length, max }) => `The ${part('en', what)} has ${length} characters; at most ${max} fit. Shorten it.`,
    'mermaid-too-many': ({ what, max }) => `More than ${max} ${part('en', what)}; split the journey.`,
    'mermaid-unclosed': () => 'An “accDescr {” block is never closed, or “accTitle:” or “accDescr:” has no text.',
    'mermaid-untitled-stage': ({ name }) => `A task before any section (or a section without a name) goes into the stage “${name}”.`,
    // A JSON file's problems, by the codes the journey's schema and the record envelope give them.
    'json-unknown-field': ({ field }) => `Unknown field “${field}”; remove it or check its spelling.`,
    'json-missing-field': ({ field }) => `The field “${field}” is missing; add it.`,
    'json-expected-object': ({ received }) => `Expected an object { … } here, received ${received}.`,
    'json-expected-text': ({ received }) => `Expected text here, received ${received}.`,
    'json-empty': () => 'The text is empty; write something in it.',
    'json-text-too-long': ({ length, max }) => `The text has ${length} characters; at most ${max} fit here. Shorten it.`,
    'json-list-too-long': ({ count, max }) => `The list has ${count} entries; a map holds at most ${max}.`,
    'json-list-too-short': ({ min }) => `The list needs at least ${min} ${min === 1 ? 'entry' : 'entries'}.`,
    'json-expected-list': ({ received }) => `Expected a list [ … ] here, received ${received}.`,
    'json-bad-id': ({ prefix, received }) => `Expected an id like “${prefix}:name” (Latin letters, digits, _ . -), received “${received}”.`,
    'json-bad-link': ({ received }) => `Expected an http:, https: or mailto: address, received “${received}”.`,
    'json-bad-locale': ({ received }) => `Expected a language code such as “en”, “ru” or “uk”, received “${received}”.`,
    'json-one-of': ({ options, received }) => `Expected one of ${options}; received “${received}”.`,
    'json-expected-boolean': ({ received }) => `Expected true or false, received ${received}.`,
    'json-expected-true': ({ received }) => `Expected true, or no field at all; received “${received}”.`,
    'json-schema-version': ({ expected, received }) => `Expected journey schema ${expected}, received “${received}”.`,
    'json-score': ({ min, max, received }) => `Expected an emotion score, a whole number from ${min} to ${max}; received ${received}.`,
    'json-rating': ({ min, max, received }) => `Expected an impact or effort from ${min} to ${max}, a whole number; received ${received}.`,
    'json-link-to-self': () => 'A card cannot be linked to itself; name the other cards.',
    'json-link-elsewhere': ({ id }) => `The card “${id}” is not in another lane of the same stage or step; a card serves the cards of its own place.`,
    'json-duplicate-id': ({ id, first }) => `The id “${id}” is already used by ${first}; give each its own id.`,
    'json-second-emotions-lane': ({ first }) => `A map has one emotions lane (${first} is one already); make this one “custom” or remove it.`,
    'json-unknown-reference': ({ what, id }) => `No ${what === 'stage' ? 'stage' : what === 'lane' ? 'lane' : what === 'card' ? 'card' : 'persona'} has the id “${id}”; use one of the ids the file lists.`,
    'json-score-twice': ({ persona, stage, first }) => `${persona} already has a score at ${stage} (${first}); keep one.`,
    'json-too-many-steps': ({ count, max }) => `The map has ${count} steps in all; a map holds at most ${max}. Merge some steps.`,
    'json-step-missing': ({ stage }) => `The stage “${stage}” has steps; say which step this belongs to (the field “step”).`,
    'json-step-elsewhere': ({ stage, step }) => `“${step}” is not a step of the stage “${stage}”; use one of its steps, or leave “step” out if the stage has none.`,
    'record-not-json': () => 'The file is not valid JSON (a bracket, a comma or a quote may be missing). Export the journey from cjm-board again, or check the file in a JSON editor.',
    'record-not-object': () => 'The file holds no journey: a cjm-board journey file is a JSON object with "format": "cjm-journey".',
    'record-wrong-format': ({ received }) => `This JSON file is not a cjm-board journey (its format is ${received}).`,
    'record-bad-version': ({ received }) => `The file’s version (${received}) cannot be read; export the journey from cjm-board again.`,
    'record-newer': ({ version, supported }) => `The file was saved by a newer cjm-board (version ${version}; this one reads up to ${supported}). Update cjm-board to open it.`,
    'record-wrong-kind': () => 'This is what cjm-board stores with a map or a draft, not a journey file; export the journey from the panel to get one.',
  },
  place: (line, column) => (column === undefined ? `Line ${line}` : `Line ${line}, column “${column}”`),
  technical: 'Not a valid journey file (in the words of the file format):',
  compare: {
    none: 'No changes.',
    stageAdded: (name) => `+ stage “${name}”`,
    stageRemoved: (name) => `− stage “${name}”`,
    stageRenamed: (from, to) => `~ stage “${from}” → “${to}”`,
    stepAdded: (name) => `+ step “${name}”`,
    stepRemoved: (name) => `− step “${name}”`,
    stepRenamed: (from, to) => `~ step “${from}” → “${to}”`,
    cardAdded: (stage, lane, text) => `+ card in ${stage} / ${lane}: ${text}`,
    cardRemoved: (stage, lane, text) => `− card in ${stage} / ${lane}: ${text}`,
    cardEdited: (stage, lane, from, to) => `~ card in ${stage} / ${lane}: “${from}” → “${to}”`,
    cardMoved: (text, from, to) => `> card “${text}”: ${from} → ${to}`,
    emotion: (persona, stage, from, to) => `~ emotion of ${persona} at ${stage}: ${from} → ${to}`,
    noScore: 'none',
  },
};

const ru: JourneyFileWords = {
  encodings: {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8 (с меткой порядка байтов)',
    'utf-16le': 'UTF-16LE',
    'utf-16be': 'UTF-16BE',
    'windows-1251': 'Windows-1251 (кириллица)',
    'windows-1252': 'Windows-1252 (западноевропейская)',
  },
  delimiters: { ',': 'запятая', ';': 'точка с запятой', '\t': 'табуляция', '|': 'вертикальная черта' },
  readAs: (encoding, delimiter) => `Прочитан в кодировке ${encoding}${delimiter ? `; разделитель: ${delimiter}` : ''}.`,
  warningsTitle: 'Проверьте перед вставкой:',
  csvLong: 'CSV (длинная таблица)',
  planMarkdown: 'План действий (Markdown)',
  planCsv: 'План действий (CSV)',
  delimiterLabel: 'Разделитель CSV',
  problems: {
    'file-too-large': ({ megabytes, max }) => `Файл занимает ${megabytes} МБ; импортируются пути до ${max} МБ. Разделите его на несколько путей.`,
    'file-not-text': () => `Файл не текстовый (возможно, это картинка, книга Excel или повреждённый файл). Файл пути — это CSV, путь Mermaid или JSON. ${EXCEL_RU}`,
    'file-is-workbook': () => `Это книга Excel, а не лист, сохранённый как текст. Откройте её и сохраните в UTF-8, затем импортируйте этот файл. ${EXCEL_RU}`,
    'file-encoding-unsupported': ({ encoding }, name) => `Файл в кодировке ${name(encoding)}, её здесь не читают (читают UTF-8, UTF-16, Windows-1251 и Windows-1252). Сохраните его в UTF-8. ${EXCEL_RU}`,
    'file-encoding-invalid': ({ encoding, offset }, name) =>
      `Файл не читается как ${name(encoding)}${offset === undefined ? '' : ` (байт ${offset})`}: возможно, он повреждён или в нём смешаны две кодировки. Сохраните его заново в UTF-8. ${EXCEL_RU}`,
    'file-encoding-unknown': () => `Кодировка файла не из тех, что здесь читают (UTF-8, UTF-16, Windows-1251, Windows-1252). Сохраните его в UTF-8. ${EXCEL_RU}`,
    'file-decoder-missing': () => 'Этот браузер не умеет читать текстовые файлы. Импортируйте файл в другом браузере или командой cjm.',
    'encoding-guessed': ({ encoding }, name) => `В файле не отмечена кодировка; он прочитан как ${name(encoding)}. Если буквы выглядят неправильно, сохраните его в UTF-8. ${EXCEL_RU}`,
    'csv-quotes': () => 'В этой строке не закрыта кавычка; проверьте кавычки (ячейка с переносом строки или разделителем берётся в "…").',
    'csv-text-too-long': ({ length, max }) => `В тексте ${length} символов; здесь карта вмещает не больше ${max}. Сократите его.`,
    'csv-score': ({ value }) => `Нужна оценка эмоции — целое число от −2 до +2; в ячейке «${value}».`,
    'csv-score-twice': ({ score }) => `У этой персоны на этом этапе уже есть оценка ${score}; оставьте одну.`,
    'csv-evidence': ({ value }) => `Неизвестное основание «${value}»; укажите интервью, опрос, аналитика, поддержка, наблюдение или допущение.`,
    'csv-rating': ({ what, value }) => `${what === 'effort' ? 'Затраты' : 'Эффект'} — целое число от 1 до 5, а не «${value}».`,
    'csv-status': ({ value }) => `Неизвестный статус «${value}»; укажите идея, запланировано, в работе или готово.`,
    'csv-plan-without-card': () => 'План (что решает, эффект, затраты, ответственный, статус, метрика) относится к карточке возможности: напишите возможность в столбце «Текст».',
    'csv-pain-unknown': ({ text }) => `Нет карточки боли с текстом «${text}»; напишите текст карточки из дорожки болей как есть.`,
    'csv-served-unknown': ({ text }) => `На этом этапе или шаге нет другой карточки с текстом «${text}»; напишите текст обслуживаемой карточки как есть.`,
    'csv-stage-empty': () => 'Этап не указан; в каждой строке нужен этап, к которому она относится.',
    'csv-lane-missing': () => 'У карточки нет дорожки; укажите дорожку (Действия, Боли…) в столбце «Дорожка».',
    'csv-stage-name-missing': () => 'В этом столбце есть карточки, но в первой строке нет названия этапа; назовите этап.',
    'csv-lane-name-empty': () => 'Первый столбец пуст; в нём называется дорожка строки (Действия, Боли, Эмоции…).',
    'csv-no-rows': () => 'В файле нет строк; таблица пути начинается со строки названий этапов (широкая) или названий столбцов (длинная).',
    'csv-no-stages': () => 'Ни один этап не назван; в широкой таблице этапы называет первая строка, в длинной нужен столбец «Этап».',
    'csv-no-lanes': () => 'Ни одна дорожка не названа; в широкой таблице дорожки называет первый столбец, в длинной нужен столбец «Дорожка».',
    'csv-too-many-stages': ({ count, max }) => `В файле этапов — ${count}; карта вмещает не больше ${max}.`,
    'csv-too-many-cards': ({ count, max }) => `В файле карточек — ${count}; карта вмещает не больше ${max}. Разделите его на несколько путей.`,
    'csv-step-missing': ({ stage }) => `У этапа «${stage}» есть шаги, поэтому этой строке нужен шаг: укажите его в столбце «Шаг».`,
    'csv-step-detail-twice': ({ what, earlier }) => `В строке выше у этого шага уже ${what === 'channel' ? 'канал' : 'точка контакта'} «${earlier}»; оставьте одно значение.`,
    'csv-too-many-steps': ({ stage, count, max }) => (stage ? `У этапа «${stage}» шагов — ${count}; этап вмещает не больше ${max}.` : `В файле шагов — ${count}; карта вмещает не больше ${max}.`),
    'mermaid-actor-merged': ({ actor, persona }) => `Участник «${actor}» принят как «${persona}».`,
    'mermaid-empty': () => 'Файл пуст или содержит только заголовочный блок и комментарии.',
    'mermaid-front-matter-title-twice': () => 'В заголовочном блоке «title» указан дважды; оставьте один.',
    'mermaid-front-matter-unclosed': () => 'Заголовочный блок не закрыт; завершите его строкой «---».',
    'mermaid-hash': () => '«#» начинает комментарий в Mermaid; пишите #35; вместо «#» в тексте.',
    'mermaid-keyword': () => '«journey» в начале строки начинает диаграмму; пишите #106;ourney.',
    'mermaid-more-errors': ({ count }) => `И ещё ошибок — ${count}.`,
    'mermaid-no-score': ({ text }) => `После двоеточия в задаче «${text}» пусто; добавьте оценку от 1 до 5.`,
    'mermaid-no-stage': () => 'В диаграмме нет ни разделов, ни задач.',
    'mermaid-not-journey': () => 'Путь пользователя Mermaid начинается со слова «journey» (строчными буквами).',
    'mermaid-score-clamped': ({ score, clamped }) => `Оценка ${score} вне шкалы Mermaid 1…5; принята как ${clamped}.`,
    'mermaid-score-not-number': ({ score }) => `Ожидалась оценка от 1 до 5, получено «${score}».`,
    'mermaid-section-colon': () => 'Название раздела обрывается на «:»; пишите #58; вместо двоеточия.',
    'mermaid-section-repeated': ({ section, name }) => `Раздел «${section}» встречается снова; это отдельный этап «${name}».`,
    'mermaid-semicolon': () => 'Mermaid не допускает здесь «;»; пишите #59;.',
    'mermaid-syntax': () => 'Ожидалось «title …», «section …» или задача «Название: 5: Участник».',
    'mermaid-task-empty': ({ name }) => `У задачи нет текста: шаг назван «${name}», оценка учтена.`,
    'mermaid-task-long': ({ task, max }) => `Задача «${task}» длиннее, чем вмещает название шага (${max} символов): шаг назван её началом, а вся задача стала карточкой этого шага.`,
    'mermaid-task-extra-field': ({ ignored }) => `Mermaid не читает текст после третьего двоеточия («${ignored}»); он пропущен.`,
    'mermaid-task-no-actor': ({ task }) => `У задачи «${task}» нет участников, её оценка не засчитана ни одной персоне.`,
    'mermaid-task-split': ({ task, actors, of }) => `В задаче «${task}» участников ${actors} из ${of}; для каждого создана своя карточка.`,
    'mermaid-text-clipped': ({ what, max }) => `${part('ru', what)} длиннее ${max} символов; остаток отброшен.`,
    'mermaid-title-late': ({ title }) => `Mermaid читает эту строку как заголовок («${title}»), а не как задачу.`,
    'mermaid-too-long': ({ what, length, max }) => `${part('ru', what)}: ${length} символов, а помещается не больше ${max}. Сократите.`,
    'mermaid-too-many': ({ what, max }) => `Больше ${max} ${part('ru', what)}; разделите путь.`,
    'mermaid-unclosed': () => 'Блок «accDescr {» не закрыт, или у «accTitle:» либо «accDescr:» нет текста.',
    'mermaid-untitled-stage': ({ name }) => `Задача до первого раздела (или раздел без названия) попадает в этап «${name}».`,
    'json-unknown-field': ({ field }) => `Неизвестное поле «${field}»; удалите его или проверьте написание.`,
    'json-missing-field': ({ field }) => `Нет поля «${field}»; добавьте его.`,
    'json-expected-object': ({ received }) => `Здесь ожидался объект { … }, получено ${received}.`,
    'json-expected-text': ({ received }) => `Здесь ожидался текст, получено ${received}.`,
    'json-empty': () => 'Текст пуст; впишите что-нибудь.',
    'json-text-too-long': ({ length, max }) => `В тексте ${length} символов; здесь помещается не больше ${max}. Сократите его.`,
    'json-list-too-long': ({ count, max }) => `В списке элементов — ${count}; карта вмещает не больше ${max}.`,
    'json-list-too-short': ({ min }) => `В списке нужен хотя бы ${min} элемент.`,
    'json-expected-list': ({ received }) => `Здесь ожидался список [ … ], получено ${received}.`,
    'json-bad-id': ({ prefix, received }) => `Ожидался идентификатор вида «${prefix}:name» (латинские буквы, цифры, _ . -), получено «${received}».`,
    'json-bad-link': ({ received }) => `Ожидался адрес http:, https: или mailto:, получено «${received}».`,
    'json-bad-locale': ({ received }) => `Ожидался код языка, например «en», «ru» или «uk», получено «${received}».`,
    'json-one-of': ({ options, received }) => `Ожидалось одно из: ${options}; получено «${received}».`,
    'json-expected-boolean': ({ received }) => `Ожидалось true или false, получено ${received}.`,
    'json-expected-true': ({ received }) => `Ожидалось true или отсутствие поля; получено «${received}».`,
    'json-schema-version': ({ expected, received }) => `Ожидалась схема пути ${expected}, получено «${received}».`,
    'json-score': ({ min, max, received }) => `Ожидалась оценка эмоции — целое число от ${min} до ${max}; получено ${received}.`,
    'json-rating': ({ min, max, received }) => `Ожидалась оценка эффекта или затрат — целое число от ${min} до ${max}; получено ${received}.`,
    'json-link-to-self': () => 'Карточку нельзя связать с ней самой; укажите другие карточки.',
    'json-link-elsewhere': ({ id }) => `Карточка «${id}» не в другой дорожке того же этапа или шага; карточка обслуживает карточки своего места.`,
    'json-duplicate-id': ({ id, first }) => `Идентификатор «${id}» уже занят: ${first}; дайте каждому свой.`,
    'json-second-emotions-lane': ({ first }) => `На карте одна дорожка эмоций (это уже ${first}); сделайте эту «custom» или удалите её.`,
    'json-unknown-reference': ({ what, id }) => `Нет ${what === 'stage' ? 'этапа' : what === 'lane' ? 'дорожки' : what === 'card' ? 'карточки' : 'персоны'} с идентификатором «${id}»; укажите один из перечисленных в файле.`,
    'json-score-twice': ({ persona, stage, first }) => `У ${persona} уже есть оценка на этапе ${stage} (${first}); оставьте одну.`,
    'json-too-many-steps': ({ count, max }) => `Шагов на карте: ${count}, а карта вмещает не больше ${max}. Объедините часть шагов.`,
    'json-step-missing': ({ stage }) => `У этапа «${stage}» есть шаги; укажите, к какому шагу это относится (поле «step»).`,
    'json-step-elsewhere': ({ stage, step }) => `«${step}» — не шаг этапа «${stage}»; укажите один из его шагов или уберите «step», если шагов у этапа нет.`,
    'record-not-json': () => 'Файл — не корректный JSON (возможно, не хватает скобки, запятой или кавычки). Экспортируйте путь из cjm-board заново или проверьте файл в редакторе JSON.',
    'record-not-object': () => 'В файле нет пути: файл пути cjm-board — это объект JSON с "format": "cjm-journey".',
    'record-wrong-format': ({ received }) => `Этот файл JSON — не путь cjm-board (его формат — ${received}).`,
    'record-bad-version': ({ received }) => `Версию файла (${received}) прочитать нельзя; экспортируйте путь из cjm-board заново.`,
    'record-newer': ({ version, supported }) => `Файл сохранён более новой версией cjm-board (версия ${version}; эта читает до ${supported}). Обновите cjm-board, чтобы открыть его.`,
    'record-wrong-kind': () => 'Это то, что cjm-board хранит вместе с картой или черновиком, а не файл пути; экспортируйте путь из панели, чтобы получить файл.',
  },
  place: (line, column) => (column === undefined ? `Строка ${line}` : `Строка ${line}, столбец «${column}»`),
  technical: 'Это не файл пути (словами формата файла):',
  compare: {
    none: 'Изменений нет.',
    stageAdded: (name) => `+ этап «${name}»`,
    stageRemoved: (name) => `− этап «${name}»`,
    stageRenamed: (from, to) => `~ этап «${from}» → «${to}»`,
    stepAdded: (name) => `+ шаг «${name}»`,
    stepRemoved: (name) => `− шаг «${name}»`,
    stepRenamed: (from, to) => `~ шаг «${from}» → «${to}»`,
    cardAdded: (stage, lane, text) => `+ карточка в ${stage} / ${lane}: ${text}`,
    cardRemoved: (stage, lane, text) => `− карточка в ${stage} / ${lane}: ${text}`,
    cardEdited: (stage, lane, from, to) => `~ карточка в ${stage} / ${lane}: «${from}» → «${to}»`,
    cardMoved: (text, from, to) => `> карточка «${text}»: ${from} → ${to}`,
    emotion: (persona, stage, from, to) => `~ эмоция: ${persona}, этап ${stage}: ${from} → ${to}`,
    noScore: 'нет',
  },
};

const uk: JourneyFileWords = {
  encodings: {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8 (з міткою порядку байтів)',
    'utf-16le': 'UTF-16LE',
    'utf-16be': 'UTF-16BE',
    'windows-1251': 'Windows-1251 (кирилиця)',
    'windows-1252': 'Windows-1252 (західноєвропейська)',
  },
  delimiters: { ',': 'кома', ';': 'крапка з комою', '\t': 'табуляція', '|': 'вертикальна риска' },
  readAs: (encoding, delimiter) => `Прочитано в кодуванні ${encoding}${delimiter ? `; роздільник: ${delimiter}` : ''}.`,
  warningsTitle: 'Перевірте перед вставленням:',
  csvLong: 'CSV (довга таблиця)',
  planMarkdown: 'План дій (Markdown)',
  planCsv: 'План дій (CSV)',
  delimiterLabel: 'Роздільник CSV',
  problems: {
    'file-too-large': ({ megabytes, max }) => `Файл займає ${megabytes} МБ; імпортуються шляхи до ${max} МБ. Розділіть його на кілька шляхів.`,
    'file-not-text': () => `Файл не текстовий (можливо, це зображення, книга Excel або пошкоджений файл). Файл шляху — це CSV, шлях Mermaid або JSON. ${EXCEL_UK}`,
    'file-is-workbook': () => `Це книга Excel, а не аркуш, збережений як текст. Відкрийте її та збережіть в UTF-8, потім імпортуйте цей файл. ${EXCEL_UK}`,
    'file-encoding-unsupported': ({ encoding }, name) => `Файл у кодуванні ${name(encoding)}, його тут не читають (читають UTF-8, UTF-16, Windows-1251 і Windows-1252). Збережіть його в UTF-8. ${EXCEL_UK}`,
    'file-encoding-invalid': ({ encoding, offset }, name) =>
      `Файл не читається як ${name(encoding)}${offset === undefined ? '' : ` (байт ${offset})`}: можливо, він пошкоджений або в ньому змішано два кодування. Збережіть його знову в UTF-8. ${EXCEL_UK}`,
    'file-encoding-unknown': () => `Кодування файлу не з тих, що тут читають (UTF-8, UTF-16, Windows-1251, Windows-1252). Збережіть його в UTF-8. ${EXCEL_UK}`,
    'file-decoder-missing': () => 'Цей браузер не вміє читати текстові файли. Імпортуйте файл в іншому браузері або командою cjm.',
    'encoding-guessed': ({ encoding }, name) => `У файлі не позначено кодування; його прочитано як ${name(encoding)}. Якщо літери виглядають неправильно, збережіть його в UTF-8. ${EXCEL_UK}`,
    'csv-quotes': () => 'У цьому рядку не закрито лапки; перевірте лапки (клітинку з переносом рядка чи роздільником беруть у "…").',
    'csv-text-too-long': ({ length, max }) => `У тексті ${length} символів; тут карта вміщує не більше ${max}. Скоротіть його.`,
    'csv-score': ({ value }) => `Потрібна оцінка емоції — ціле число від −2 до +2; у клітинці «${value}».`,
    'csv-score-twice': ({ score }) => `Ця персона на цьому етапі вже має оцінку ${score}; залиште одну.`,
    'csv-evidence': ({ value }) => `Невідома підстава «${value}»; укажіть інтерв’ю, опитування, аналітика, підтримка, спостереження або припущення.`,
    'csv-rating': ({ what, value }) => `${what === 'effort' ? 'Витрати' : 'Ефект'} — ціле число від 1 до 5, а не «${value}».`,
    'csv-status': ({ value }) => `Невідомий статус «${value}»; укажіть ідея, заплановано, у роботі або готово.`,
    'csv-plan-without-card': () => 'План (що розв’язує, ефект, витрати, відповідальний, статус, показник) належить картці можливості: напишіть можливість у стовпці «Текст».',
    'csv-pain-unknown': ({ text }) => `Немає картки болю з текстом «${text}»; напишіть текст картки з доріжки болів як є.`,
    'csv-served-unknown': ({ text }) => `На цьому етапі чи кроці немає іншої картки з текстом «${text}»; напишіть текст обслуговуваної картки як є.`,
    'csv-stage-empty': () => 'Етап не вказано; у кожному рядку потрібен етап, до якого він належить.',
    'csv-lane-missing': () => 'Картка не має доріжки; укажіть доріжку (Дії, Болі…) у стовпці «Доріжка».',
    'csv-stage-name-missing': () => 'У цьому стовпці є картки, але в першому рядку немає назви етапу; назвіть етап.',
    'csv-lane-name-empty': () => 'Перший стовпець порожній; у ньому називають доріжку рядка (Дії, Болі, Емоції…).',
    'csv-no-rows': () => 'У файлі немає рядків; таблиця шляху починається з рядка назв етапів (широка) або назв стовпців (довга).',
    'csv-no-stages': () => 'Жоден етап не названо; у широкій таблиці етапи називає перший рядок, у довгій потрібен стовпець «Етап».',
    'csv-no-lanes': () => 'Жодну доріжку не названо; у широкій таблиці доріжки називає перший стовпець, у довгій потрібен стовпець «Доріжка».',
    'csv-too-many-stages': ({ count, max }) => `У файлі етапів — ${count}; карта вміщує не більше ${max}.`,
    'csv-too-many-cards': ({ count, max }) => `У файлі карток — ${count}; карта вміщує не більше ${max}. Розділіть його на кілька шляхів.`,
    'csv-step-missing': ({ stage }) => `Етап «${stage}» має кроки, тож цьому рядку потрібен крок: вкажіть його в стовпці «Крок».`,
    'csv-step-detail-twice': ({ what, earlier }) => `У рядку вище цей крок уже має ${what === 'channel' ? 'канал' : 'точку контакту'} «${earlier}»; залиште одне значення.`,
    'csv-too-many-steps': ({ stage, count, max }) => (stage ? `Етап «${stage}» має ${count} кроків; етап вміщує не більше ${max}.` : `У файлі кроків — ${count}; карта вміщує не більше ${max}.`),
    'mermaid-actor-merged': ({ actor, persona }) => `Учасника «${actor}» прийнято як «${persona}».`,
    'mermaid-empty': () => 'Файл порожній або містить лише заголовний блок і коментарі.',
    'mermaid-front-matter-title-twice': () => 'У заголовному блоці «title» вказано двічі; залиште один.',
    'mermaid-front-matter-unclosed': () => 'Заголовний блок не закрито; завершіть його рядком «---».',
    'mermaid-hash': () => '«#» починає коментар у Mermaid; пишіть #35; замість «#» у тексті.',
    'mermaid-keyword': () => '«journey» на початку рядка починає діаграму; пишіть #106;ourney.',
    'mermaid-more-errors': ({ count }) => `І ще помилок — ${count}.`,
    'mermaid-no-score': ({ text }) => `Після двокрапки в завданні «${text}» порожньо; додайте оцінку від 1 до 5.`,
    'mermaid-no-stage': () => 'У діаграмі немає ні розділів, ні завдань.',
    'mermaid-not-journey': () => 'Шлях користувача Mermaid починається зі слова «journey» (малими літерами).',
    'mermaid-score-clamped': ({ score, clamped }) => `Оцінка ${score} поза шкалою Mermaid 1…5; прийнято як ${clamped}.`,
    'mermaid-score-not-number': ({ score }) => `Очікувалася оцінка від 1 до 5, отримано «${score}».`,
    'mermaid-section-colon': () => 'Назва розділу обривається на «:»; пишіть #58; замість двокрапки.',
    'mermaid-section-repeated': ({ section, name }) => `Розділ «${section}» трапляється знову; це окремий етап «${name}».`,
    'mermaid-semicolon': () => 'Mermaid не допускає тут «;»; пишіть #59;.',
    'mermaid-syntax': () => 'Очікувалося «title …», «section …» або завдання «Назва: 5: Учасник».',
    'mermaid-task-empty': ({ name }) => `Завдання без тексту: крок названо «${name}», оцінку враховано.`,
    'mermaid-task-long': ({ task, max }) => `Завдання «${task}» довше, ніж уміщує назва кроку (${max} символів): крок названо його початком, а все завдання стало карткою цього кроку.`,
    'mermaid-task-extra-field': ({ ignored }) => `Mermaid не читає текст після третьої двокрапки («${ignored}»); його пропущено.`,
    'mermaid-task-no-actor': ({ task }) => `Завдання «${task}» не має учасників, його оцінку не зараховано жодній персоні.`,
    'mermaid-task-split': ({ task, actors, of }) => `У завданні «${task}» учасників ${actors} з ${of}; для кожного створено окрему картку.`,
    'mermaid-text-clipped': ({ what, max }) => `${part('uk', what)} довше за ${max} символів; решту відкинуто.`,
    'mermaid-title-late': ({ title }) => `Mermaid читає цей рядок як заголовок («${title}»), а не як завдання.`,
    'mermaid-too-long': ({ what, length, max }) => `${part('uk', what)}: ${length} символів, а вміщується не більше ${max}. Скоротіть.`,
    'mermaid-too-many': ({ what, max }) => `Більше ${max} ${part('uk', what)}; розділіть шлях.`,
    'mermaid-unclosed': () => 'Блок «accDescr {» не закрито, або «accTitle:» чи «accDescr:» без тексту.',
    'mermaid-untitled-stage': ({ name }) => `Завдання до першого розділу (або розділ без назви) потрапляє в етап «${name}».`,
    'json-unknown-field': ({ field }) => `Невідоме поле «${field}»; видаліть його або перевірте написання.`,
    'json-missing-field': ({ field }) => `Немає поля «${field}»; додайте його.`,
    'json-expected-object': ({ received }) => `Тут очікувався об’єкт { … }, отримано ${received}.`,
    'json-expected-text': ({ received }) => `Тут очікувався текст, отримано ${received}.`,
    'json-empty': () => 'Текст порожній; впишіть щось.',
    'json-text-too-long': ({ length, max }) => `У тексті ${length} символів; тут вміщується не більше ${max}. Скоротіть його.`,
    'json-list-too-long': ({ count, max }) => `У списку елементів — ${count}; карта вміщує не більше ${max}.`,
    'json-list-too-short': ({ min }) => `У списку потрібен щонайменше ${min} елемент.`,
    'json-expected-list': ({ received }) => `Тут очікувався список [ … ], отримано ${received}.`,
    'json-bad-id': ({ prefix, received }) => `Очікувався ідентифікатор на кшталт «${prefix}:name» (латинські літери, цифри, _ . -), отримано «${received}».`,
    'json-bad-link': ({ received }) => `Очікувалася адреса http:, https: або mailto:, отримано «${received}».`,
    'json-bad-locale': ({ received }) => `Очікувався код мови, наприклад «en», «ru» або «uk», отримано «${received}».`,
    'json-one-of': ({ options, received }) => `Очікувалося одне з: ${options}; отримано «${received}».`,
    'json-expected-boolean': ({ received }) => `Очікувалося true або false, отримано ${received}.`,
    'json-expected-true': ({ received }) => `Очікувалося true або відсутність поля; отримано «${received}».`,
    'json-schema-version': ({ expected, received }) => `Очікувалася схема шляху ${expected}, отримано «${received}».`,
    'json-score': ({ min, max, received }) => `Очікувалася оцінка емоції — ціле число від ${min} до ${max}; отримано ${received}.`,
    'json-rating': ({ min, max, received }) => `Очікувалася оцінка ефекту чи витрат — ціле число від ${min} до ${max}; отримано ${received}.`,
    'json-link-to-self': () => 'Картку не можна пов’язати з нею самою; вкажіть інші картки.',
    'json-link-elsewhere': ({ id }) => `Картка «${id}» не в іншій доріжці того самого етапу чи кроку; картка обслуговує картки свого місця.`,
    'json-duplicate-id': ({ id, first }) => `Ідентифікатор «${id}» уже зайнятий: ${first}; дайте кожному свій.`,
    'json-second-emotions-lane': ({ first }) => `На карті одна доріжка емоцій (це вже ${first}); зробіть цю «custom» або видаліть її.`,
    'json-unknown-reference': ({ what, id }) => `Немає ${what === 'stage' ? 'етапу' : what === 'lane' ? 'доріжки' : what === 'card' ? 'картки' : 'персони'} з ідентифікатором «${id}»; вкажіть один із перелічених у файлі.`,
    'json-score-twice': ({ persona, stage, first }) => `У ${persona} вже є оцінка на етапі ${stage} (${first}); залиште одну.`,
    'json-too-many-steps': ({ count, max }) => `Кроків на карті: ${count}, а карта вміщує не більше ${max}. Об’єднайте частину кроків.`,
    'json-step-missing': ({ stage }) => `Етап «${stage}» має кроки; вкажіть, до якого кроку це належить (поле «step»).`,
    'json-step-elsewhere': ({ stage, step }) => `«${step}» — не крок етапу «${stage}»; вкажіть один із його кроків або приберіть «step», якщо кроків у етапу немає.`,
    'record-not-json': () => 'Файл — не коректний JSON (можливо, бракує дужки, коми або лапки). Експортуйте шлях із cjm-board ще раз або перевірте файл у редакторі JSON.',
    'record-not-object': () => 'У файлі немає шляху: файл шляху cjm-board — це об’єкт JSON з "format": "cjm-journey".',
    'record-wrong-format': ({ received }) => `Цей файл JSON — не шлях cjm-board (його формат — ${received}).`,
    'record-bad-version': ({ received }) => `Версію файлу (${received}) прочитати не можна; експортуйте шлях із cjm-board ще раз.`,
    'record-newer': ({ version, supported }) => `Файл збережено новішою версією cjm-board (версія ${version}; ця читає до ${supported}). Оновіть cjm-board, щоб відкрити його.`,
    'record-wrong-kind': () => 'Це те, що cjm-board зберігає разом із картою або чернеткою, а не файл шляху; експортуйте шлях із панелі, щоб отримати файл.',
  },
  place: (line, column) => (column === undefined ? `Рядок ${line}` : `Рядок ${line}, стовпець «${column}»`),
  technical: 'Це не файл шляху (словами формату файлу):',
  compare: {
    none: 'Змін немає.',
    stageAdded: (name) => `+ етап «${name}»`,
    stageRemoved: (name) => `− етап «${name}»`,
    stageRenamed: (from, to) => `~ етап «${from}» → «${to}»`,
    stepAdded: (name) => `+ крок «${name}»`,
    stepRemoved: (name) => `− крок «${name}»`,
    stepRenamed: (from, to) => `~ крок «${from}» → «${to}»`,
    cardAdded: (stage, lane, text) => `+ картка в ${stage} / ${lane}: ${text}`,
    cardRemoved: (stage, lane, text) => `− картка в ${stage} / ${lane}: ${text}`,
    cardEdited: (stage, lane, from, to) => `~ картка в ${stage} / ${lane}: «${from}» → «${to}»`,
    cardMoved: (text, from, to) => `> картка «${text}»: ${from} → ${to}`,
    emotion: (persona, stage, from, to) => `~ емоція: ${persona}, етап ${stage}: ${from} → ${to}`,
    noScore: 'немає',
  },
};

/** The file words of each panel language. */
export const JOURNEY_FILE_WORDS: Readonly<Record<Locale, JourneyFileWords>> = { en, ru, uk };

/** The delimiter a CSV export uses by default: the semicolon where Excel expects it (a Russian or Ukrainian panel), else the comma. */
export const defaultCsvDelimiter = (locale: Locale): CsvDelimiter => (locale === 'ru' || locale === 'uk' ? ';' : ',');

const isProblemCode = (code: string | undefined, words: JourneyFileWords): code is FileProblemCode => code !== undefined && Object.prototype.hasOwnProperty.call(words.problems, code);

/** An import problem or warning in the panel's language when its code is one of the file's; else its (English) message. */
export function describeFileProblem(problem: ValidationError, locale: Locale): string {
  const words = JOURNEY_FILE_WORDS[locale];
  if (!isProblemCode(problem.code, words)) return problem.message;
  const name = (encoding: unknown): string => {
    if (typeof encoding !== 'string') return typeof encoding === 'number' ? String(encoding) : '';
    return Object.prototype.hasOwnProperty.call(words.encodings, encoding) ? words.encodings[encoding as FileEncoding] : encoding;
  };
  return words.problems[problem.code](problem.params ?? {}, name);
}

/** How a file was read, in the panel's language: its encoding and, for a CSV, its delimiter. */
export function describeFileReading(encoding: FileEncoding, delimiter: string | undefined, locale: Locale): string {
  const words = JOURNEY_FILE_WORDS[locale];
  return words.readAs(words.encodings[encoding], delimiter === undefined ? undefined : (words.delimiters[delimiter] ?? `“${delimiter}”`));
}

/** One problem of a file as the panel shows it: where (worded, or a JSON path kept as it is), and what, in the panel's language where it can be. */
export interface FileErrorWords {
  place?: string;
  /** True when `place` is a JSON path: technical, shown as it is written. */
  placeIsPath: boolean;
  text: string;
  /** The problem's own words, in English, when the panel has none for it (a JSON file's schema): shown after `text`, marked as English. */
  detail?: string;
}

/** Words a file's problem in the panel's language: the place from its line and column, the problem from its code. */
export function describeFileError(problem: ValidationError, locale: Locale): FileErrorWords {
  const words = JOURNEY_FILE_WORDS[locale];
  const line = problem.params?.line;
  const column = problem.params?.column;
  const place = typeof line === 'number' ? words.place(line, typeof column === 'string' ? column : undefined) : problem.path && problem.path !== '(file)' && !problem.path.startsWith('line ') ? problem.path : undefined;
  const placeIsPath = typeof line !== 'number' && place !== undefined;
  if (isProblemCode(problem.code, words)) return { ...(place ? { place } : {}), placeIsPath, text: describeFileProblem(problem, locale) };
  return { ...(place ? { place } : {}), placeIsPath, text: words.technical, detail: problem.message };
}

/** The changes since an earlier version, one line each, in the panel's language. */
export function formatComparisonIn(comparison: JourneyComparison, locale: Locale): string[] {
  const words = JOURNEY_FILE_WORDS[locale].compare;
  const signed = (score: number | undefined) => (score === undefined ? words.noScore : `${score > 0 ? '+' : score < 0 ? '−' : ''}${Math.abs(score)}`);
  const lines = [
    ...comparison.stages.added.map((name) => words.stageAdded(name)),
    ...comparison.stages.removed.map((name) => words.stageRemoved(name)),
    ...comparison.stages.renamed.map(({ from, to }) => words.stageRenamed(from, to)),
    ...comparison.steps.added.map((name) => words.stepAdded(name)),
    ...comparison.steps.removed.map((name) => words.stepRemoved(name)),
    ...comparison.steps.renamed.map(({ from, to }) => words.stepRenamed(from, to)),
    ...comparison.cards.added.map((card) => words.cardAdded(card.stage, card.lane, card.text)),
    ...comparison.cards.removed.map((card) => words.cardRemoved(card.stage, card.lane, card.text)),
    ...comparison.cards.edited.map((card) => words.cardEdited(card.stage, card.lane, card.from, card.to)),
    ...comparison.cards.moved.map((card) => words.cardMoved(card.text, card.from, card.to)),
    ...comparison.emotions.map((emotion) => words.emotion(emotion.persona, emotion.stage, signed(emotion.from), signed(emotion.to))),
  ];
  return lines.length > 0 ? lines : [words.none];
}
