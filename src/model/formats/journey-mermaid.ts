import { foldName } from './lane-names';
import { isAsIs, listSteps, type Journey, type Persona, type PersonaId, type StageId, type Step } from '../journey';
import { MAX_CARD_TEXT, MAX_LONG_TEXT, MAX_PERSONAS, MAX_SHORT_TEXT, MAX_STAGES, MAX_STEPS, MAX_STEPS_PER_STAGE } from '../journey-schema';
import { fail, quoteText, type ParseResult, type ValidationError } from '../parse-result';
import { clipText } from '../text-size';
import { createJourneyBuilder, detectLocale } from './journey-builder';
import { readMermaidJourneyParts, type MermaidJourneyStatement } from './mermaid-journey-syntax';
import { decodeMermaidText, escapeMermaidText } from './mermaid-text';

export { looksLikeMermaidJourney } from './mermaid-journey-syntax';

/**
 * Mermaid user journeys (https://mermaid.js.org/syntax/userJourney.html),
 * the whole grammar Mermaid 11 accepts:
 *
 * ```
 * ---
 * title: Ordering a kettle
 * ---
 * journey
 *   accDescr: How Anna replaces her kettle
 *   section Search
 *     Searches the web: 3: Anna
 *     Compares prices: 4: Anna, Boris
 * ```
 *
 * Sections become stages (in order; a section named again is a stage of
 * its own), each task a step of its stage, actors personas, and each
 * actor's score of a task that persona's score at the step, from Mermaid's
 * 1…5 onto −2…+2 (3 is neutral): the emotion line moves task by task, as
 * the diagram draws it. The actions lane is left for the team to fill. The title comes from the
 * `title` line, else the front matter, else `accTitle`; `accDescr` is the
 * map's scenario. See `mermaid-journey-syntax.ts` for how the text is read.
 */

type Locale = 'en' | 'ru' | 'uk';

const WORDS: Readonly<Record<Locale, { actions: string; emotions: string; untitledStage: string; untitledStep: string }>> = {
  en: { actions: 'Goals & actions', emotions: 'Emotions', untitledStage: 'Untitled stage', untitledStep: 'Untitled step' },
  ru: { actions: 'Цели и действия', emotions: 'Эмоции', untitledStage: 'Этап без названия', untitledStep: 'Шаг без названия' },
  uk: { actions: 'Цілі та дії', emotions: 'Емоції', untitledStage: 'Етап без назви', untitledStep: 'Крок без назви' },
};

/** Mermaid's score scale: a task's face goes from 1 (sad) to 5 (happy). */
const MERMAID_MIN = 1;
const MERMAID_MAX = 5;
/** How much of a value a message quotes. */
const EXCERPT = 60;

/** Mermaid's 1…5 onto −2…+2. */
const toEmotion = (score: number): number => Math.max(-2, Math.min(2, Math.round(score) - 3));
/** −2…+2 onto Mermaid's 1…5. */
const toMermaid = (score: number): number => Math.max(MERMAID_MIN, Math.min(MERMAID_MAX, Math.round(score) + 3));

const at = (line: number): string => `line ${line}`;

/** A task as read, before it becomes cards. */
interface ReadTask {
  line: number;
  stage: StageId;
  text: string;
  /** The task's personas, each once, in the order written. */
  personas: PersonaId[];
  score: number | undefined;
}

/**
 * Imports a Mermaid user journey. Returns the journey with `warnings` for
 * what it had to decide (scores clamped to 1…5, a section named again, a
 * task without actors, …), or every error with its line and how to fix it.
 * Never throws; linear in the length of the text.
 */
export function importJourneyMermaid(text: string, options: { title?: string } = {}): ParseResult<Journey> {
  const read = readMermaidJourneyParts(text);
  if (!read.syntax) return fail(read.errors);
  const { statements, frontMatterTitle } = read.syntax;
  // Errors of the lines Mermaid could not read come with those of the lines it could.
  const syntaxErrors = read.errors;
  const errors: ValidationError[] = [];
  const failWith = (found: readonly ValidationError[]): ParseResult<Journey> => {
    const lineOf = (error: ValidationError): number => (/^line (\d+)$/.exec(error.path) ? Number(error.path.slice(5)) : Infinity);
    return fail([...syntaxErrors, ...found].map((error, index) => ({ error, index })).sort((first, second) => lineOf(first.error) - lineOf(second.error) || first.index - second.index).map(({ error }) => error));
  };
  const warnings: ValidationError[] = [];
  const warn = (line: number, code: string, message: string, params: Record<string, string | number>): void => {
    warnings.push({ path: at(line), message, code, params: { line, ...params } });
  };
  const locale = detectLocale([text.slice(0, 100_000)]);
  const words = WORDS[locale];
  const builder = createJourneyBuilder();

  let title: { value: string; line: number } | undefined;
  let accTitle: { value: string; line: number } | undefined;
  let description: { value: string; line: number } | undefined;
  let stage: StageId | undefined;
  const limitReported = new Set<string>();
  const tooMany = (line: number, what: string, max: number): void => {
    if (limitReported.has(what)) return;
    limitReported.add(what);
    errors.push({ path: at(line), code: 'mermaid-too-many', message: `from here on the diagram has more than ${max} ${what === 'section-tasks' ? 'tasks in one section' : what}, which is all a map holds (each task is a step); split the journey into several diagrams`, params: { what, max } });
  };

  const stageIds = new Set<StageId>();
  const openStage = (name: string, line: number, beforeAnySection: boolean): void => {
    if (stageIds.size >= MAX_STAGES) {
      tooMany(line, 'stages', MAX_STAGES);
      return;
    }
    if (name.length > MAX_SHORT_TEXT) {
      errors.push({ path: at(line), code: 'mermaid-too-long', message: `the section name has ${name.length} characters; a stage name holds at most ${MAX_SHORT_TEXT}; shorten ${quoteText(name, EXCERPT)}`, params: { what: 'section', length: name.length, max: MAX_SHORT_TEXT } });
      return;
    }
    const base = name || words.untitledStage;
    // The builder keeps one stage per name; a section named again is a new
    // stage of its own in Mermaid, so it gets a numbered name.
    let candidate = base;
    let id = builder.stage(candidate);
    for (let count = 2; stageIds.has(id); count += 1) {
      candidate = `${base} (${count})`;
      id = builder.stage(candidate);
    }
    stageIds.add(id);
    stage = id;
    if (beforeAnySection) warn(line, 'mermaid-untitled-stage', `this task comes before any section; it is put into the stage ${quoteText(candidate)}; add "section <stage name>" above it to name the stage`, { name: candidate });
    else if (name === '') warn(line, 'mermaid-untitled-stage', `this section has no name; the stage is called ${quoteText(candidate)}`, { name: candidate });
    else if (candidate !== base) warn(line, 'mermaid-section-repeated', `the section ${quoteText(name, EXCERPT)} comes again; it is a stage of its own, named ${quoteText(candidate, EXCERPT)}`, { section: clipText(name, EXCERPT), name: clipText(candidate, EXCERPT) });
  };

  // Actors are one persona when their names match as the builder matches
  // them (case and punctuation aside: "Me" and "me"). A name with nothing
  // to match by (emoji only, "🐱" and "🐶") is a persona of its own: the
  // builder is given a numbered name and the journey gets the real one.
  const personaByActor = new Map<string, PersonaId>();
  const personaByFold = new Map<string, { id: PersonaId; actor: string }>();
  const personaIds = new Set<PersonaId>();
  const renamed = new Map<PersonaId, string>();
  const personaOf = (actor: string, line: number): PersonaId | undefined => {
    const known = personaByActor.get(actor);
    if (known) return known;
    if (actor.length > MAX_SHORT_TEXT) {
      errors.push({ path: at(line), code: 'mermaid-too-long', message: `the actor name has ${actor.length} characters; a persona name holds at most ${MAX_SHORT_TEXT}; shorten ${quoteText(actor, EXCERPT)}`, params: { what: 'actor', length: actor.length, max: MAX_SHORT_TEXT } });
      return undefined;
    }
    const fold = foldName(actor);
    const same = fold === '' ? undefined : personaByFold.get(fold);
    if (same) {
      warn(line, 'mermaid-actor-merged', `the actor ${quoteText(actor, EXCERPT)} is taken as ${quoteText(same.actor, EXCERPT)}: names are matched regardless of case and punctuation`, { actor: clipText(actor, EXCERPT), persona: clipText(same.actor, EXCERPT) });
      personaByActor.set(actor, same.id);
      return same.id;
    }
    if (personaIds.size >= MAX_PERSONAS) {
      tooMany(line, 'personas', MAX_PERSONAS);
      return undefined;
    }
    let candidate = actor;
    let id = builder.persona(candidate);
    for (let count = 2; personaIds.has(id); count += 1) {
      candidate = `${actor} (${count})`;
      id = builder.persona(candidate);
    }
    if (candidate !== actor) renamed.set(id, actor);
    personaIds.add(id);
    personaByActor.set(actor, id);
    if (fold !== '') personaByFold.set(fold, { id, actor });
    return id;
  };

  const tasks: ReadTask[] = [];
  let sectionSeen = false;
  for (const statement of statements) {
    switch (statement.type) {
      case 'title': {
        const value = decodeMermaidText(statement.raw, 'keep').trim();
        if (sectionSeen) warn(statement.line, 'mermaid-title-late', `Mermaid reads this line as the diagram's title (${quoteText(value, EXCERPT)}), not as a task; if it is a task, write its first letter as "#84;" ("#84;itle …")`, { title: clipText(value, EXCERPT) });
        if (value !== '') title = { value, line: statement.line };
        break;
      }
      case 'accTitle': {
        const value = decodeMermaidText(statement.raw, 'keep').trim();
        if (value !== '') accTitle = { value, line: statement.line };
        break;
      }
      case 'accDescr': {
        const value = decodeMermaidText(statement.raw, 'keep').trim();
        if (value !== '') description = { value, line: statement.line };
        break;
      }
      case 'section':
        sectionSeen = true;
        openStage(decodeMermaidText(statement.raw, 'newline').trim(), statement.line, false);
        break;
      case 'task':
        if (!stage) openStage('', statement.line, !sectionSeen);
        sectionSeen = true;
        readTask(statement);
        break;
    }
  }

  function readTask(task: MermaidJourneyStatement & { type: 'task' }): void {
    if (!stage) return;
    const line = task.line;
    const name = decodeMermaidText(task.raw, 'newline').trim();
    // Mermaid takes `Number(score)`: "5", " 4.5 ", "0x3" are numbers; words and blanks are not.
    const written = task.score.trim();
    const number = written === '' ? NaN : Number(written);
    if (!Number.isFinite(number)) {
      errors.push({ path: at(line), code: 'mermaid-score-not-number', message: `expected a score from 1 to 5 after the task name, received ${quoteText(decodeMermaidText(written, 'keep'), EXCERPT)}; write it as a number, e.g. "${clipText(name || 'Task', EXCERPT)}: 3: Me"`, params: { score: clipText(written, EXCERPT) } });
      return;
    }
    const score = Math.max(MERMAID_MIN, Math.min(MERMAID_MAX, number));
    if (score !== number) warn(line, 'mermaid-score-clamped', `the score ${clipText(written, EXCERPT)} is outside Mermaid's 1…5; it is read as ${score}`, { score: clipText(written, EXCERPT), clamped: score });
    if (name.length > MAX_CARD_TEXT) {
      errors.push({ path: at(line), code: 'mermaid-too-long', message: `the task has ${name.length} characters; a card holds at most ${MAX_CARD_TEXT}; shorten ${quoteText(name, EXCERPT)}`, params: { what: 'task', length: name.length, max: MAX_CARD_TEXT } });
      return;
    }
    const ignored = task.ignored.trim();
    if (ignored !== '') warn(line, 'mermaid-task-extra-field', `Mermaid ignores what follows a task's third colon (${quoteText(decodeMermaidText(ignored, 'keep'), EXCERPT)}); it is left out; write "#58;" for a colon inside a name`, { ignored: clipText(ignored, EXCERPT) });
    const personas: PersonaId[] = [];
    for (const raw of task.actors) {
      // The legend draws a <br> of an actor as a space.
      const actor = decodeMermaidText(raw, 'space').trim();
      if (actor === '') continue;
      const persona = personaOf(actor, line);
      if (persona && !personas.includes(persona)) personas.push(persona);
    }
    tasks.push({ line, stage, text: name, personas, score });
  }

  if (errors.length > 0 || syntaxErrors.length > 0) return failWith(errors);
  if (!builder.hasStages()) return fail([{ path: at(1), code: 'mermaid-no-stage', message: 'the journey has no section and no task; add "section <stage name>" and tasks under it, e.g. "Make tea: 5: Me"' }]);

  const everyone = personaIds.size;
  builder.lane(words.actions);
  builder.lane(words.emotions);
  const stepsOf = new Map<StageId, number>();
  for (let index = 0; index < tasks.length; ) {
    const task = tasks[index];
    if (!task) break;
    // Personas who feel differently at one task are exported on consecutive
    // lines, one per score (see exportJourneyMermaid): a run of one text,
    // disjoint actors and a new score on each line is one step.
    let end = index + 1;
    const covered = new Set(task.personas);
    while (task.personas.length > 0) {
      const next = tasks[end];
      const previous = tasks[end - 1];
      if (!next || !previous || next.stage !== task.stage || next.line !== previous.line + 1 || next.text !== task.text || next.score === previous.score || next.personas.length === 0 || next.personas.some((persona) => covered.has(persona))) break;
      for (const persona of next.personas) covered.add(persona);
      end += 1;
    }
    const run = tasks.slice(index, end);
    index = end;
    const count = (stepsOf.get(task.stage) ?? 0) + 1;
    if (count > MAX_STEPS_PER_STAGE) {
      tooMany(task.line, 'section-tasks', MAX_STEPS_PER_STAGE);
      continue;
    }
    if (builder.countSteps() >= MAX_STEPS) {
      tooMany(task.line, 'tasks', MAX_STEPS);
      continue;
    }
    stepsOf.set(task.stage, count);
    let name = task.text;
    if (name === '') {
      name = words.untitledStep;
      warn(task.line, 'mermaid-task-empty', `this task has no text; its step is called ${quoteText(name)}`, { name });
    } else if (name.length > MAX_SHORT_TEXT) {
      // A step's name holds a short text: the whole task stays, as a card of the step.
      name = `${clipText(name, MAX_SHORT_TEXT - 1).trim()}\u2026`;
      warn(task.line, 'mermaid-task-long', `the task has ${task.text.length} characters; a step's name holds ${MAX_SHORT_TEXT}, so the step is called ${quoteText(name, EXCERPT)} and the whole task is a card of it`, { task: clipText(task.text, EXCERPT), max: MAX_SHORT_TEXT });
    }
    const step = builder.step(task.stage, name, { separate: true });
    if (name !== task.text && task.text !== '') builder.card({ stage: task.stage, step, lane: builder.lane(words.actions), text: task.text });
    for (const entry of run) {
      if (entry.score === undefined) continue;
      if (everyone === 0) builder.score(builder.defaultPersona(), entry.stage, toEmotion(entry.score), 'as-is', step);
      else if (entry.personas.length === 0) warn(entry.line, 'mermaid-task-no-actor', `the task ${quoteText(entry.text, EXCERPT)} names no actor, so its score counts for no persona; add actors after a second colon, e.g. "${clipText(entry.text || 'Task', EXCERPT)}: ${entry.score}: Me"`, { task: clipText(entry.text, EXCERPT) });
      for (const persona of entry.personas) builder.score(persona, entry.stage, toEmotion(entry.score), 'as-is', step);
    }
  }
  if (errors.length > 0) return failWith(errors);

  let mapTitle = title ?? (frontMatterTitle ? { value: frontMatterTitle.value.trim(), line: frontMatterTitle.line } : undefined) ?? accTitle;
  if (mapTitle?.value === '') mapTitle = undefined;
  let titleText = mapTitle?.value ?? options.title ?? 'Imported journey';
  if (mapTitle && titleText.length > MAX_SHORT_TEXT) {
    warn(mapTitle.line, 'mermaid-text-clipped', `the title has ${titleText.length} characters; a map's title holds ${MAX_SHORT_TEXT}, so the rest is left out`, { what: 'title', max: MAX_SHORT_TEXT });
    titleText = clipText(titleText, MAX_SHORT_TEXT).trim();
  }
  const journey = builder.build(titleText);
  for (const persona of journey.personas) {
    const name = renamed.get(persona.id);
    if (name !== undefined) persona.name = name;
  }
  if (description) {
    let scenario = description.value;
    if (scenario.length > MAX_LONG_TEXT) {
      warn(description.line, 'mermaid-text-clipped', `the description (accDescr) has ${scenario.length} characters; a map's scenario holds ${MAX_LONG_TEXT}, so the rest is left out`, { what: 'description', max: MAX_LONG_TEXT });
      scenario = clipText(scenario, MAX_LONG_TEXT).trim();
    }
    journey.scope = { ...journey.scope, scenario };
  }
  warnings.sort((first, second) => Number(first.params?.line ?? 0) - Number(second.params?.line ?? 0));
  return warnings.length > 0 ? { ok: true, value: journey, warnings } : { ok: true, value: journey };
}

/** Text safe inside a `%%` comment line: one line, no `%` (a `%%{` there would still be read as a directive). */
const toCommentText = (text: string): string => clipText(text.replace(/\s+/g, ' ').replace(/%/g, '').trim(), 40);

/**
 * The journey as a Mermaid user journey that Mermaid's parser accepts and
 * `importJourneyMermaid` reads back: stages as sections, every text escaped
 * (see `escapeMermaidText`).
 *
 * A stage with steps is written task by task: a step is a task, its
 * actors the personas scored there with their scores (personas who feel
 * differently get a line each, in the map's order), so a Mermaid journey
 * imported and exported comes back task by task. A stage without steps is
 * written as its action cards, each carrying the stage score of the
 * personas it speaks for. A `%%` comment under the title says what the
 * diagram could not hold or had to approximate.
 */
export function exportJourneyMermaid(journey: Journey): string {
  const lane = journey.lanes.find((entry) => entry.kind === 'actions') ?? journey.lanes.find((entry) => entry.kind !== 'emotions');
  const scores = new Map<string, number>();
  for (const emotion of journey.emotions) if (isAsIs(emotion)) scores.set(`${emotion.persona} ${emotion.step ?? emotion.stage}`, emotion.score);
  const personaById = new Map<string, Persona>(journey.personas.map((persona) => [persona.id, persona]));
  const actorName = (persona: Persona): string => escapeMermaidText(persona.name, 'actor') || '#160;';

  const body: string[] = [];
  const description = journey.scope.scenario?.trim();
  if (description) body.push(`  accDescr: ${escapeMermaidText(description, 'description')}`);
  let splitCards = 0;
  let unscoredPairs = 0;
  let emptyCards = 0;
  let stagesSharingScores = 0;
  let scoresWithoutTask = 0;
  let cardsOfSteps = 0;
  const onTasks = new Set<string>();
  /** A task's lines: the personas with one score each, consecutive ones with the same score on one line. */
  const linesOf = (speakers: readonly Persona[], place: string, countUnscored: boolean) => {
    const lines: { score: number; personas: Persona[] }[] = [];
    for (const persona of speakers) {
      const score = scores.get(`${persona.id} ${place}`);
      if (score === undefined) {
        if (countUnscored) unscoredPairs += 1;
        else continue;
      }
      const mermaid = toMermaid(score ?? 0);
      const last = lines[lines.length - 1];
      if (last?.score === mermaid) last.personas.push(persona);
      else lines.push({ score: mermaid, personas: [persona] });
      onTasks.add(persona.id);
    }
    return lines;
  };
  // The lines of the task written last, to tell when the next would be read back as part of it.
  let previous: { text: string; lines: { score: number; personas: Persona[] }[] } | undefined;
  const writeTask = (text: string, lines: { score: number; personas: Persona[] }[]): void => {
    const first = lines[0];
    const last = previous?.lines[previous.lines.length - 1];
    const covered = new Set(previous?.lines.flatMap((line) => line.personas) ?? []);
    // Import reads a line of the same text right under a task, with other actors and another score, as more of that task.
    if (previous?.text === text && first && last && first.score !== last.score && !first.personas.some((persona) => covered.has(persona))) body.push('    %% the next task is one of its own');
    if (lines.length === 0) body.push(`    ${text}: ${toMermaid(0)}`);
    for (const line of lines) body.push(`    ${text}: ${line.score}: ${line.personas.map(actorName).join(', ')}`);
    previous = { text, lines };
  };
  for (const stage of journey.stages) {
    body.push(`  section ${escapeMermaidText(stage.name, 'section') || '#160;'}`);
    previous = undefined;
    const steps = listSteps(stage);
    if (steps.length > 0) {
      for (const step of steps) writeTask(escapeMermaidText(step.name, 'task') || '#160;', linesOf(journey.personas, step.id, false));
      cardsOfSteps += journey.cards.filter((card) => card.stage === stage.id).length;
      continue;
    }
    const tasksOf = new Map<string, number>();
    let tasks = 0;
    for (const card of journey.cards) {
      if (card.stage !== stage.id || card.lane !== lane?.id) continue;
      const text = escapeMermaidText(card.text, 'task');
      if (text === '') {
        emptyCards += 1;
        continue;
      }
      const owner = card.persona ? personaById.get(card.persona) : undefined;
      const lines = linesOf(owner ? [owner] : journey.personas, stage.id, true);
      for (const persona of owner ? [owner] : journey.personas) tasksOf.set(persona.id, (tasksOf.get(persona.id) ?? 0) + 1);
      writeTask(text, lines);
      if (lines.length > 1) splitCards += 1;
      tasks += 1;
    }
    if ([...tasksOf.values()].some((count) => count > 1)) stagesSharingScores += 1;
    if (tasks === 0) scoresWithoutTask += journey.personas.filter((persona) => scores.has(`${persona.id} ${stage.id}`)).length;
  }

  const notes: string[] = [];
  if (stagesSharingScores > 0) notes.push("Scores are per persona and stage: each task shows its actor's score for the whole section.");
  if (splitCards > 0) notes.push(`${splitCards} card${splitCards === 1 ? '' : 's'} for everyone whose personas feel differently ${splitCards === 1 ? 'is' : 'are'} written on consecutive lines, one for each score.`);
  if (unscoredPairs > 0) notes.push(`${unscoredPairs} time${unscoredPairs === 1 ? '' : 's'} a persona has no score at a stage; written as 3 (neutral).`);
  const steppedStages = new Set(journey.stages.filter((stage) => listSteps(stage).length > 0).map((stage) => stage.id));
  const otherCards = journey.cards.filter((card) => card.lane !== lane?.id && !steppedStages.has(card.stage));
  if (cardsOfSteps > 0) notes.push(`Stages with steps are written step by step; their ${cardsOfSteps} card${cardsOfSteps === 1 ? ' is' : 's are'} not written.`);
  const left: string[] = [];
  if (otherCards.length > 0) {
    const titles = [...new Set(otherCards.map((card) => journey.lanes.find((entry) => entry.id === card.lane)?.title ?? card.lane))].map(toCommentText);
    left.push(`${otherCards.length} card${otherCards.length === 1 ? '' : 's'} of other lanes (${titles.slice(0, 4).join(', ')}${titles.length > 4 ? ', …' : ''})`);
  }
  if (emptyCards > 0) left.push(`${emptyCards} card${emptyCards === 1 ? '' : 's'} without text`);
  if (scoresWithoutTask > 0) left.push(`${scoresWithoutTask} score${scoresWithoutTask === 1 ? '' : 's'} of stages without a task`);
  const stepsWithDetails = journey.stages.flatMap((stage) => listSteps(stage)).filter((step: Step) => step.touchpoint || step.channel).length;
  if (stepsWithDetails > 0) left.push(`the touchpoints and channels of ${stepsWithDetails} step${stepsWithDetails === 1 ? '' : 's'}`);
  const unnamed = journey.personas.filter((persona) => !onTasks.has(persona.id)).length;
  if (unnamed > 0) left.push(`${unnamed} persona${unnamed === 1 ? '' : 's'} on no task`);
  const toBe = journey.emotions.filter((emotion) => !isAsIs(emotion)).length;
  if (toBe > 0) left.push(`${toBe} to-be score${toBe === 1 ? '' : 's'}`);
  if (journey.emotions.some((emotion) => emotion.note)) left.push('emotion notes');
  if (journey.personas.some((persona) => persona.role || persona.age || persona.avatar || persona.quote || persona.goals.length + persona.needs.length + persona.pains.length + persona.behaviour.length + persona.channels.length + (persona.notes?.length ?? 0) > 0)) left.push('persona profiles');
  if (journey.scope.goal || journey.scope.product || journey.scope.period) left.push("the map's goal, product and period");
  if (left.length > 0) notes.push(`Not written: ${left.join('; ')}.`);

  const title = escapeMermaidText(journey.title, 'title');
  const head = ['journey', ...(title ? [`  title ${title}`] : [])];
  if (notes.length > 0) head.push('  %% Exported by cjm-board; Mermaid holds less than the map:', ...notes.map((note) => `  %% ${note}`));
  return `${[...head, ...body].join('\n')}\n`;
}
