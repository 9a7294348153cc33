import * as v from 'valibot';
import { EMOTION_MAX, EMOTION_MIN } from './emotion-scale';
import { canServe, EMOTION_LINES, EVIDENCE_KINDS, findEmotionLine, JOURNEY_SCHEMA, LANE_KINDS, OPPORTUNITY_STATUSES, PLAN_RATING_MAX, PLAN_RATING_MIN, type Journey } from './journey';
import { isFormOf, MAX_LINK_LENGTH, SAFE_LINK } from './rich-text';
import { excerptText, fail, quoteText, succeed, type ParseResult, type ValidationError } from './parse-result';

/**
 * Longest text accepted on one card, in UTF-16 code units: a page of text,
 * more than a sticky shows legibly. A person's longer sticky keeps all its
 * words on the board; the journey keeps its first MAX_CARD_TEXT, cut on a
 * grapheme boundary (see `clipText`), and the panel says so.
 */
export const MAX_CARD_TEXT = 5000;
/** Most free lines on a persona card. */
export const MAX_PERSONA_NOTES = 20;
/** Most paragraphs and runs of a card's form: far above a sticky's text. */
const MAX_FORM_PARAGRAPHS = 200;
const MAX_FORM_RUNS = 500;
/** Longest title, name or short field. */
export const MAX_SHORT_TEXT = 200;
/** Longest persona list item or quote. */
export const MAX_LONG_TEXT = 500;
/** Most stages, lanes and personas a board map stays usable with. */
export const MAX_STAGES = 40;
export const MAX_LANES = 30;
export const MAX_PERSONAS = 12;
/** Most steps in one stage, and in the whole map (every step is a column). */
export const MAX_STEPS_PER_STAGE = 20;
export const MAX_STEPS = 80;
/** Most cards: 40 stages × 30 lanes with a few cards each is far beyond any real map. */
export const MAX_CARDS = 5000;

const ID_BODY = '[A-Za-z0-9][A-Za-z0-9_.-]{0,63}';

// C0 control characters other than tab and line breaks, and DEL: pasted text
// brings them along, and XML (SVG export) and hosts refuse them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * What a message says it received: a string as a short quoted excerpt (a
 * file may hold a 4 MB id), anything else as valibot names it.
 */
const describeReceived = (issue: { input: unknown; received: string }): string => (typeof issue.input === 'string' ? quoteText(issue.input) : issue.received);

/**
 * The message of an object schema: an unknown field, a missing field, or
 * something that is not an object at all.
 */
function describeObjectIssue(what: string) {
  return (issue: v.StrictObjectIssue): string => {
    if (issue.expected === 'never') return `unknown field ${describeReceived(issue)}; remove it or check its spelling`;
    if (issue.received === 'undefined' && issue.expected?.startsWith('"')) return `${what} needs the field ${issue.expected}; add it`;
    return `expected ${what} (a JSON object), received ${issue.received}`;
  };
}

function idSchema(prefix: string) {
  const pattern = new RegExp(`^${prefix}:${ID_BODY}$`);
  return v.pipe(
    v.string('expected a string id'),
    v.regex(pattern, (issue) => `expected an id like "${prefix}:name" (letters, digits, _ . -), received ${quoteText(issue.input)}`),
  );
}

function textSchema(max: number, required: boolean) {
  return required
    ? v.pipe(
        v.string((issue) => `expected text, received ${issue.received}`),
        v.transform((text) => text.replace(CONTROL_CHARACTERS, '')),
        v.trim(),
        v.nonEmpty('must not be empty'),
        v.maxLength(max, (issue) => `is ${issue.input.length} characters long; shorten it to at most ${max}`),
      )
    : v.pipe(
        v.string((issue) => `expected text, received ${issue.received}`),
        v.transform((text) => text.replace(CONTROL_CHARACTERS, '')),
        v.trim(),
        v.maxLength(max, (issue) => `is ${issue.input.length} characters long; shorten it to at most ${max}`),
      );
}

function limitedArray<T extends v.GenericSchema>(item: T, max: number, what: string, min = 0) {
  return v.pipe(
    v.array(item, `expected a list of ${what}`),
    v.maxLength(max, (issue) => `has ${issue.input.length} ${what}; a map holds at most ${max}`),
    v.minLength(min, `needs at least ${min} of ${what}`),
  );
}

const textList = v.optional(v.array(textSchema(MAX_LONG_TEXT, true), 'expected a list of texts'), []);

const personaSchema = v.strictObject(
  {
    id: idSchema('persona'),
    name: textSchema(MAX_SHORT_TEXT, true),
    avatar: v.optional(textSchema(16, false)),
    age: v.optional(textSchema(40, false)),
    role: v.optional(textSchema(MAX_SHORT_TEXT, false)),
    goals: textList,
    needs: textList,
    pains: textList,
    behaviour: textList,
    channels: textList,
    quote: v.optional(textSchema(MAX_LONG_TEXT, false)),
    notes: v.optional(v.pipe(v.array(textSchema(MAX_LONG_TEXT, true), 'expected a list of texts'), v.maxLength(MAX_PERSONA_NOTES, `has more than ${MAX_PERSONA_NOTES} lines; keep at most ${MAX_PERSONA_NOTES}`))),
    hidden: v.optional(v.boolean((issue) => `expected true or false, received ${issue.received}`)),
  },
  describeObjectIssue('a persona'),
);

const stepSchema = v.strictObject(
  {
    id: idSchema('step'),
    name: textSchema(MAX_SHORT_TEXT, true),
    touchpoint: v.optional(textSchema(MAX_SHORT_TEXT, false)),
    channel: v.optional(textSchema(MAX_SHORT_TEXT, false)),
  },
  describeObjectIssue('a step'),
);

const stageSchema = v.strictObject(
  {
    id: idSchema('stage'),
    name: textSchema(MAX_SHORT_TEXT, true),
    steps: v.optional(limitedArray(stepSchema, MAX_STEPS_PER_STAGE, 'steps')),
  },
  describeObjectIssue('a stage'),
);

const laneSchema = v.strictObject({
  id: idSchema('lane'),
  kind: v.picklist(LANE_KINDS, (issue) => `expected one of ${LANE_KINDS.join(', ')}, received ${describeReceived(issue)}`),
  title: textSchema(MAX_SHORT_TEXT, true),
}, describeObjectIssue('a lane'));

const trueMark = v.optional(v.literal(true, (issue) => `expected true or no field, received ${describeReceived(issue)}`));

const richRunSchema = v.strictObject(
  {
    text: v.pipe(v.string((issue) => `expected text, received ${issue.received}`), v.maxLength(MAX_CARD_TEXT, `is longer than a card's text (${MAX_CARD_TEXT})`)),
    bold: trueMark,
    italic: trueMark,
    underline: trueMark,
    strike: trueMark,
    link: v.optional(
      v.pipe(
        v.string('expected a link address'),
        v.maxLength(MAX_LINK_LENGTH, `is longer than ${MAX_LINK_LENGTH} characters`),
        v.regex(SAFE_LINK, (issue) => `expected an http:, https: or mailto: address, received ${quoteText(issue.input)}`),
      ),
    ),
  },
  describeObjectIssue('a run of text'),
);

const richParagraphSchema = v.strictObject(
  {
    runs: v.pipe(v.array(richRunSchema, 'expected a list of runs'), v.maxLength(MAX_FORM_RUNS, `has more than ${MAX_FORM_RUNS} runs`)),
    list: v.optional(v.picklist(['bullet', 'ordered'] as const, (issue) => `expected "bullet" or "ordered", received ${describeReceived(issue)}`)),
  },
  describeObjectIssue('a paragraph'),
);

/** A 1…5 rating of an opportunity's impact or effort. */
const ratingSchema = v.pipe(
  v.number('expected a number'),
  v.integer((issue) => `expected a whole number from ${PLAN_RATING_MIN} to ${PLAN_RATING_MAX}, received ${issue.received}`),
  v.minValue(PLAN_RATING_MIN, (issue) => `expected ${PLAN_RATING_MIN} or more, received ${issue.received}`),
  v.maxValue(PLAN_RATING_MAX, (issue) => `expected ${PLAN_RATING_MAX} or less, received ${issue.received}`),
);

const planSchema = v.strictObject({
  addresses: v.optional(v.pipe(v.array(idSchema('card'), 'expected a list of card ids'), v.maxLength(MAX_CARDS, `has more than ${MAX_CARDS} cards`))),
  impact: v.optional(ratingSchema),
  effort: v.optional(ratingSchema),
  owner: v.optional(textSchema(MAX_SHORT_TEXT, false)),
  status: v.optional(v.picklist(OPPORTUNITY_STATUSES, (issue) => `expected one of ${OPPORTUNITY_STATUSES.join(', ')}, received ${describeReceived(issue)}`)),
  kpi: v.optional(textSchema(MAX_SHORT_TEXT, false)),
}, describeObjectIssue('a plan'));

const cardSchema = v.strictObject({
  id: idSchema('card'),
  stage: idSchema('stage'),
  step: v.optional(idSchema('step')),
  lane: idSchema('lane'),
  text: textSchema(MAX_CARD_TEXT, true),
  persona: v.optional(idSchema('persona')),
  evidence: v.optional(v.picklist(EVIDENCE_KINDS, (issue) => `expected one of ${EVIDENCE_KINDS.join(', ')}, received ${describeReceived(issue)}`)),
  form: v.optional(v.pipe(v.array(richParagraphSchema, 'expected a list of paragraphs'), v.maxLength(MAX_FORM_PARAGRAPHS, `has more than ${MAX_FORM_PARAGRAPHS} paragraphs`))),
  plan: v.optional(planSchema),
  serves: v.optional(v.pipe(v.array(idSchema('card'), 'expected a list of card ids'), v.maxLength(MAX_CARDS, `has more than ${MAX_CARDS} cards`))),
}, describeObjectIssue('a card'));

const emotionSchema = v.strictObject({
  persona: idSchema('persona'),
  stage: idSchema('stage'),
  step: v.optional(idSchema('step')),
  line: v.optional(v.picklist(EMOTION_LINES, (issue) => `expected "as-is" or "to-be", received ${describeReceived(issue)}`)),
  score: v.pipe(
    v.number('expected a number'),
    v.integer((issue) => `expected a whole number from ${EMOTION_MIN} to ${EMOTION_MAX}, received ${issue.received}`),
    v.minValue(EMOTION_MIN, (issue) => `expected ${EMOTION_MIN} or more, received ${issue.received}`),
    v.maxValue(EMOTION_MAX, (issue) => `expected ${EMOTION_MAX} or less, received ${issue.received}`),
  ),
  note: v.optional(textSchema(MAX_LONG_TEXT, false)),
}, describeObjectIssue('an emotion score'));

const scopeSchema = v.optional(
  v.strictObject({
    goal: v.optional(textSchema(MAX_LONG_TEXT, false)),
    product: v.optional(textSchema(MAX_SHORT_TEXT, false)),
    scenario: v.optional(textSchema(MAX_LONG_TEXT, false)),
    period: v.optional(textSchema(MAX_SHORT_TEXT, false)),
  }, describeObjectIssue('the scope')),
  {},
);

/** The valibot schema of a journey document, before cross-reference checks. */
export const journeySchema = v.strictObject({
  schema: v.literal(JOURNEY_SCHEMA, (issue) => `expected ${JOURNEY_SCHEMA}, received ${describeReceived(issue)}`),
  title: textSchema(MAX_SHORT_TEXT, true),
  locale: v.optional(v.pipe(v.string((issue) => `expected a language code such as "en", received ${issue.received}`), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "en", "ru" or "uk"'))),
  scope: scopeSchema,
  personas: limitedArray(personaSchema, MAX_PERSONAS, 'personas', 1),
  stages: limitedArray(stageSchema, MAX_STAGES, 'stages', 1),
  lanes: limitedArray(laneSchema, MAX_LANES, 'lanes', 1),
  cards: limitedArray(cardSchema, MAX_CARDS, 'cards'),
  emotions: v.optional(limitedArray(emotionSchema, MAX_PERSONAS * (MAX_STAGES + MAX_STEPS) * EMOTION_LINES.length, 'emotion scores'), []),
  matrix: v.optional(v.boolean((issue) => `expected true or false, received ${issue.received}`)),
}, describeObjectIssue('a journey'));

/** The `code` of a problem in a journey's JSON, for wording it in the person's language (see codeIssue and findReferenceErrors). */
export type JourneyErrorCode =
  | 'json-unknown-field'
  | 'json-missing-field'
  | 'json-expected-object'
  | 'json-expected-text'
  | 'json-empty'
  | 'json-text-too-long'
  | 'json-list-too-long'
  | 'json-list-too-short'
  | 'json-expected-list'
  | 'json-bad-id'
  | 'json-bad-link'
  | 'json-bad-locale'
  | 'json-one-of'
  | 'json-expected-boolean'
  | 'json-expected-true'
  | 'json-schema-version'
  | 'json-score'
  | 'json-rating'
  | 'json-link-to-self'
  | 'json-link-elsewhere'
  | 'json-duplicate-id'
  | 'json-second-emotions-lane'
  | 'json-unknown-reference'
  | 'json-score-twice'
  | 'json-too-many-steps'
  | 'json-step-missing'
  | 'json-step-elsewhere';

/** A value as a problem's params quote it: a string as a short excerpt, anything else as valibot names its type. */
const quoteInput = (issue: { input: unknown; received: string }): string => (typeof issue.input === 'string' ? excerptText(issue.input) : issue.received);

/**
 * The code and params of a schema issue, from what valibot says of it (its
 * type, what it expected and received): the English message stays for the
 * command line, and a panel words the code in its own language.
 */
function codeIssue(issue: v.BaseIssue<unknown>): { code: JourneyErrorCode; params?: Record<string, string | number> } {
  const last = issue.path?.at(-1)?.key;
  const field = typeof last === 'string' ? excerptText(last) : '';
  const received = quoteInput(issue);
  switch (issue.type) {
    case 'strict_object':
      if (issue.expected === 'never') return { code: 'json-unknown-field', params: { field: typeof issue.input === 'string' ? excerptText(issue.input) : field } };
      if (issue.received === 'undefined' && issue.expected?.startsWith('"')) return { code: 'json-missing-field', params: { field: excerptText(issue.expected.slice(1, -1)) } };
      return { code: 'json-expected-object', params: { received: issue.received } };
    case 'string':
      return { code: 'json-expected-text', params: { received: issue.received } };
    case 'non_empty':
      return { code: 'json-empty' };
    case 'max_length':
      return Array.isArray(issue.input)
        ? { code: 'json-list-too-long', params: { count: issue.input.length, max: Number(issue.requirement) } }
        : { code: 'json-text-too-long', params: { length: typeof issue.input === 'string' ? issue.input.length : 0, max: Number(issue.requirement) } };
    case 'min_length':
      return { code: 'json-list-too-short', params: { min: Number(issue.requirement) } };
    case 'array':
      return { code: 'json-expected-list', params: { received: issue.received } };
    case 'regex': {
      const source = issue.requirement instanceof RegExp ? issue.requirement.source : '';
      const prefix = /^\^([a-z]+):/.exec(source)?.[1];
      if (prefix) return { code: 'json-bad-id', params: { prefix, received } };
      if (field === 'link') return { code: 'json-bad-link', params: { received } };
      return { code: 'json-bad-locale', params: { received } };
    }
    case 'picklist':
      return { code: 'json-one-of', params: { options: Array.isArray(issue.requirement) ? issue.requirement.join(', ') : String(issue.expected), received } };
    case 'boolean':
      return { code: 'json-expected-boolean', params: { received: issue.received } };
    case 'literal':
      return field === 'schema' && issue.path?.length === 1
        ? { code: 'json-schema-version', params: { expected: JOURNEY_SCHEMA, received } }
        : { code: 'json-expected-true', params: { received } };
    default:
      // number, integer, min_value, max_value: an emotion score, or an opportunity's impact or effort.
      if (field === 'impact' || field === 'effort') return { code: 'json-rating', params: { min: PLAN_RATING_MIN, max: PLAN_RATING_MAX, received } };
      return { code: 'json-score', params: { min: EMOTION_MIN, max: EMOTION_MAX, received } };
  }
}

/** Renders a valibot issue path as `stages[2].name`. */
function formatIssuePath(path: readonly v.IssuePathItem[] | undefined): string {
  let out = '';
  for (const item of path ?? []) {
    const key = item.key;
    // A key is the file's own: an unknown one may be megabytes long.
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${excerptText(String(key))}` : excerptText(String(key));
  }
  return out;
}

/** Checks what the schema cannot: unique ids and references that resolve. */
function findReferenceErrors(journey: Journey): ValidationError[] {
  const errors: ValidationError[] = [];
  const checkUnique = (items: readonly { id: string }[], field: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        errors.push({
          path: `${field}[${index}].id`,
          message: `"${item.id}" is already used by ${field}[${first}]; give each an id of its own`,
          code: 'json-duplicate-id',
          params: { id: item.id, first: `${field}[${first}]` },
        });
      } else seen.set(item.id, index);
    });
  };
  checkUnique(journey.personas, 'personas');
  checkUnique(journey.stages, 'stages');
  checkUnique(journey.lanes, 'lanes');
  checkUnique(journey.cards, 'cards');
  const steps = journey.stages.flatMap((stage, stageIndex) => (stage.steps ?? []).map((step, index) => ({ id: step.id, path: `stages[${stageIndex}].steps[${index}]` })));
  const stepPaths = new Map<string, string>();
  for (const step of steps) {
    const first = stepPaths.get(step.id);
    if (first !== undefined) {
      errors.push({
        path: `${step.path}.id`,
        message: `"${step.id}" is already used by ${first}; give each step an id of its own`,
        code: 'json-duplicate-id',
        params: { id: step.id, first },
      });
    } else stepPaths.set(step.id, step.path);
  }
  if (steps.length > MAX_STEPS) {
    errors.push({ path: 'stages', message: `has ${steps.length} steps in all; a map holds at most ${MAX_STEPS}`, code: 'json-too-many-steps', params: { count: steps.length, max: MAX_STEPS } });
  }
  // The emotions lane holds the emotion chart; the chart's items are keyed
  // by persona and stage, so a map has one of it.
  const emotionLanes = journey.lanes.flatMap((lane, index) => (lane.kind === 'emotions' ? [index] : []));
  for (const index of emotionLanes.slice(1)) {
    errors.push({
      path: `lanes[${index}].kind`,
      message: `a map has one "emotions" lane (lanes[${emotionLanes[0]}] already is); make this one "custom" or remove it`,
      code: 'json-second-emotions-lane',
      params: { first: `lanes[${emotionLanes[0]}]` },
    });
  }
  const personas = new Set<string>(journey.personas.map((p) => p.id));
  const stages = new Set<string>(journey.stages.map((s) => s.id));
  const lanes = new Set<string>(journey.lanes.map((l) => l.id));
  const cardIds = new Set<string>(journey.cards.map((card) => card.id));
  const cardsById = new Map(journey.cards.map((card) => [card.id as string, card]));
  const unknown = (path: string, what: 'stage' | 'lane' | 'persona' | 'card', id: string, message: string): ValidationError => ({ path, message, code: 'json-unknown-reference', params: { what, id } });
  const stepsOf = new Map(journey.stages.map((stage) => [stage.id as string, new Set<string>((stage.steps ?? []).map((step) => step.id))]));
  /** A card's or score's step: named when its stage has steps, one of that stage's; absent when it has none. */
  const checkStep = (path: string, place: { stage: string; step?: string }) => {
    const own = stepsOf.get(place.stage);
    if (!own) return;
    if (place.step === undefined) {
      if (own.size > 0) errors.push({ path, message: `"${place.stage}" has steps; say which one with "step"`, code: 'json-step-missing', params: { stage: place.stage } });
    } else if (!own.has(place.step)) {
      errors.push({
        path: `${path}.step`,
        message: own.size > 0 ? `"${place.step}" is not a step of "${place.stage}"; use one of its steps` : `"${place.stage}" has no steps; leave "step" out`,
        code: 'json-step-elsewhere',
        params: { stage: place.stage, step: place.step },
      });
    }
  };
  journey.cards.forEach((card, index) => {
    if (!stages.has(card.stage)) errors.push(unknown(`cards[${index}].stage`, 'stage', card.stage, `no stage has the id "${card.stage}"; use one of the ids in "stages"`));
    checkStep(`cards[${index}]`, card);
    if (!lanes.has(card.lane)) errors.push(unknown(`cards[${index}].lane`, 'lane', card.lane, `no lane has the id "${card.lane}"; use one of the ids in "lanes"`));
    if (card.persona !== undefined && !personas.has(card.persona)) {
      errors.push(unknown(`cards[${index}].persona`, 'persona', card.persona, `no persona has the id "${card.persona}"; use one of the ids in "personas" or leave it out`));
    }
    (card.plan?.addresses ?? []).forEach((id, at) => {
      const path = `cards[${index}].plan.addresses[${at}]`;
      if (id === card.id) errors.push({ path, message: 'a card cannot address itself; name the pain cards it answers', code: 'json-link-to-self', params: { id } });
      else if (!cardIds.has(id)) errors.push(unknown(path, 'card', id, `no card has the id "${id}"; name the pain cards this opportunity addresses`));
    });
    (card.serves ?? []).forEach((id, at) => {
      const path = `cards[${index}].serves[${at}]`;
      const other = cardsById.get(id);
      if (id === card.id) errors.push({ path, message: 'a card cannot serve itself; name the cards of its stage it stands behind', code: 'json-link-to-self', params: { id } });
      else if (!other) errors.push(unknown(path, 'card', id, `no card has the id "${id}"; name the cards of its stage this card serves`));
      else if (!canServe(card, other)) {
        errors.push({ path, message: `"${id}" is not in another lane of the same stage or step; a card serves cards of its own place`, code: 'json-link-elsewhere', params: { id } });
      }
    });
  });
  const scored = new Map<string, number>();
  journey.emotions.forEach((emotion, index) => {
    if (!personas.has(emotion.persona)) errors.push(unknown(`emotions[${index}].persona`, 'persona', emotion.persona, `no persona has the id "${emotion.persona}"`));
    if (!stages.has(emotion.stage)) errors.push(unknown(`emotions[${index}].stage`, 'stage', emotion.stage, `no stage has the id "${emotion.stage}"`));
    checkStep(`emotions[${index}]`, emotion);
    const line = findEmotionLine(emotion);
    const pair = `${emotion.persona} ${emotion.step ?? emotion.stage} ${line}`;
    const first = scored.get(pair);
    if (first !== undefined) {
      errors.push({
        path: `emotions[${index}]`,
        message: `${emotion.persona} already has a ${line} score at ${emotion.step ?? emotion.stage} (emotions[${first}]); keep one`,
        code: 'json-score-twice',
        params: { persona: emotion.persona, stage: emotion.step ?? emotion.stage, line, first: `emotions[${first}]` },
      });
    } else scored.set(pair, index);
  });
  return errors;
}

/**
 * Validates an unknown value as a journey of the current schema.
 * Returns the journey with text trimmed and optional lists filled in, or
 * every problem found, each with the path of the bad field.
 */
export function parseJourney(input: unknown): ParseResult<Journey> {
  const result = v.safeParse(journeySchema, input);
  if (!result.success) {
    return fail(
      result.issues.slice(0, 50).map((issue) => ({
        path: formatIssuePath(issue.path) || '(document)',
        message: issue.message,
        ...codeIssue(issue),
      })),
    );
  }
  const journey = result.output as Journey;
  // A stage without steps is written one way: with no `steps` field.
  for (const stage of journey.stages) {
    if (stage.steps?.length === 0) delete stage.steps;
  }
  // A form belongs to its words: once the text changed (in the panel, in a
  // file), the form that spelled the old words is dropped.
  for (const card of journey.cards) {
    if (card.form !== undefined && !isFormOf(card.form, card.text)) delete card.form;
  }
  const referenceErrors = findReferenceErrors(journey);
  return referenceErrors.length > 0 ? fail(referenceErrors) : succeed(journey);
}
