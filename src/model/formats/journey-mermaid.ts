import { isAsIs, type Journey, type PersonaId, type StageId } from '../journey';
import { MAX_CARD_TEXT, MAX_SHORT_TEXT } from '../journey-schema';
import { fail, succeed, type ParseResult, type ValidationError } from '../parse-result';
import { createJourneyBuilder, detectLocale } from './journey-builder';

/**
 * Mermaid `journey` diagrams (https://mermaid.js.org/syntax/userJourney.html):
 *
 * ```
 * journey
 *   title Ordering a kettle
 *   section Search
 *     Searches the web: 3: Anna
 *     Compares prices: 4: Anna, Boris
 * ```
 *
 * Sections become stages, tasks become cards of the actions lane, actors
 * become personas, and a persona's score at a stage is the mean of its tasks'
 * scores there, from Mermaid's 1…5 onto −2…+2 (3 is neutral).
 */

const LANE_TITLES: Readonly<Record<'en' | 'ru' | 'uk', { actions: string; emotions: string }>> = {
  en: { actions: 'Goals & actions', emotions: 'Emotions' },
  ru: { actions: 'Цели и действия', emotions: 'Эмоции' },
  uk: { actions: 'Цілі та дії', emotions: 'Емоції' },
};

/** Mermaid's 1…5 onto −2…+2. */
const toEmotion = (score: number): number => Math.max(-2, Math.min(2, Math.round(score) - 3));
/** −2…+2 onto Mermaid's 1…5. */
const toMermaid = (score: number): number => Math.max(1, Math.min(5, Math.round(score) + 3));

export function importJourneyMermaid(text: string, options: { title?: string } = {}): ParseResult<Journey> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: ValidationError[] = [];
  const builder = createJourneyBuilder();
  const locale = detectLocale([text]);
  let title = options.title ?? 'Imported journey';
  let started = false;
  let stage: { id: StageId; name: string } | undefined;
  let actionsLane: ReturnType<typeof builder.lane> | undefined;
  const scores = new Map<string, { persona: PersonaId; stage: StageId; sum: number; count: number }>();
  const tasks: { stage: StageId; lane: ReturnType<typeof builder.lane>; text: string; persona: PersonaId | undefined }[] = [];
  const actorNames = new Set<string>();

  lines.forEach((raw, index) => {
    const line = raw.trim();
    const where = `line ${index + 1}`;
    if (line === '' || line.startsWith('%%')) return;
    if (!started) {
      if (/^journey\b/i.test(line)) started = true;
      else errors.push({ path: where, message: `expected "journey" to start a Mermaid user journey, received "${line.slice(0, 40)}"` });
      return;
    }
    if (/^(accTitle|accDescr)\b/.test(line)) return;
    const titleMatch = /^title\s+(.+)$/i.exec(line);
    if (titleMatch) {
      title = (titleMatch[1] ?? '').trim().slice(0, MAX_SHORT_TEXT);
      return;
    }
    const sectionMatch = /^section\s+(.+)$/i.exec(line);
    if (sectionMatch) {
      const name = (sectionMatch[1] ?? '').trim();
      if (name.length > MAX_SHORT_TEXT) errors.push({ path: where, message: `the section name has ${name.length} characters; a stage name holds at most ${MAX_SHORT_TEXT}` });
      stage = { id: builder.stage(name), name };
      return;
    }
    const task = /^(.+?)\s*:\s*([^:]*?)\s*(?::\s*(.*))?$/.exec(line);
    if (!task) {
      errors.push({ path: where, message: `expected "title …", "section …" or a task "Task name: 5: Actor, Actor", received "${line.slice(0, 40)}"` });
      return;
    }
    if (!stage) {
      errors.push({ path: where, message: 'this task comes before any section; add "section <stage name>" above it' });
      return;
    }
    const name = (task[1] ?? '').trim();
    const score = Number(task[2]);
    if (!/^\d+(\.\d+)?$/.test(task[2] ?? '') || score < 1 || score > 5) {
      errors.push({ path: where, message: `expected a score from 1 to 5 after the task name, received "${task[2] ?? ''}"` });
      return;
    }
    if (name.length > MAX_CARD_TEXT) {
      errors.push({ path: where, message: `the task has ${name.length} characters; a card holds at most ${MAX_CARD_TEXT}` });
      return;
    }
    const actors = (task[3] ?? '').split(',').map((actor) => actor.trim()).filter((actor) => actor !== '');
    const personas = actors.length > 0 ? actors.map((actor) => builder.persona(actor)) : [builder.defaultPersona()];
    for (const actor of actors) actorNames.add(actor);
    actionsLane ??= builder.lane(LANE_TITLES[locale].actions);
    tasks.push({ stage: stage.id, lane: actionsLane, text: name, persona: actors.length === 1 ? personas[0] : undefined });
    for (const persona of personas) {
      const key = `${persona} ${stage.id}`;
      const entry = scores.get(key) ?? { persona, stage: stage.id, sum: 0, count: 0 };
      entry.sum += score;
      entry.count += 1;
      scores.set(key, entry);
    }
  });
  if (!started && errors.length === 0) errors.push({ path: 'line 1', message: 'the file is empty; a Mermaid user journey starts with "journey"' });
  if (errors.length > 0) return fail(errors);
  if (!builder.hasStages()) return fail([{ path: 'line 1', message: 'the journey has no section; add "section <stage name>" and tasks under it' }]);
  actionsLane ??= builder.lane(LANE_TITLES[locale].actions);
  builder.lane(LANE_TITLES[locale].emotions);
  // With one actor in the whole diagram every task is theirs: no persona needs naming.
  for (const entry of tasks) builder.card({ stage: entry.stage, lane: entry.lane, text: entry.text, ...(entry.persona && actorNames.size > 1 ? { persona: entry.persona } : {}) });
  for (const entry of scores.values()) builder.score(entry.persona, entry.stage, toEmotion(entry.sum / entry.count));
  return succeed(builder.build(title));
}

/** Text safe on one Mermaid line: no line breaks, no colons (they separate a task's fields). */
const flatten = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ').replace(/:/g, ' -').replace(/;/g, ',').replace(/\s+/g, ' ').trim();

/**
 * The journey as a Mermaid user journey: stages as sections, the cards of
 * the actions lane as tasks, scored from the emotion of their persona (or
 * of every persona, for a card of all) at that stage.
 */
export function exportJourneyMermaid(journey: Journey): string {
  const lane = journey.lanes.find((entry) => entry.kind === 'actions') ?? journey.lanes.find((entry) => entry.kind !== 'emotions');
  const scoreOf = (persona: PersonaId, stage: StageId) => journey.emotions.find((emotion) => emotion.persona === persona && emotion.stage === stage && isAsIs(emotion))?.score;
  const out = ['journey', `  title ${flatten(journey.title)}`];
  for (const stage of journey.stages) {
    out.push(`  section ${flatten(stage.name)}`);
    for (const card of journey.cards.filter((entry) => entry.stage === stage.id && entry.lane === lane?.id)) {
      const personas = card.persona ? journey.personas.filter((persona) => persona.id === card.persona) : journey.personas;
      const known = personas.map((persona) => scoreOf(persona.id, stage.id)).filter((score): score is number => score !== undefined);
      const score = known.length === 0 ? 3 : toMermaid(known.reduce((sum, value) => sum + value, 0) / known.length);
      out.push(`    ${flatten(card.text)}: ${score}: ${personas.map((persona) => flatten(persona.name).replace(/,/g, ' ')).join(', ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}
