import { describePlace, isAsIs, listSteps, type Card, type Journey, type Persona, type Stage, type StageId, type Step, type StepId } from './journey';
import { foldName } from './formats/lane-names';

/**
 * What changed between two versions of a journey (a map now and a saved
 * export, or two files). Stages, personas and cards are matched by id, and
 * what is left by name or text, so two imports of a spreadsheet (whose ids
 * are made up) still compare. Steps are paired inside paired stages, the
 * same way; a card's or score's place is its stage, or "Stage › Step".
 */
export interface JourneyComparison {
  stages: { added: string[]; removed: string[]; renamed: { from: string; to: string }[] };
  /** Steps of stages that are in both, named "Stage › Step". */
  steps: { added: string[]; removed: string[]; renamed: { from: string; to: string }[] };
  cards: {
    added: CardChange[];
    removed: CardChange[];
    edited: { stage: string; lane: string; from: string; to: string }[];
    moved: { text: string; from: string; to: string }[];
  };
  /** Emotion per persona and place (stage, or "Stage › Step") where it changed, appeared or went. */
  emotions: { persona: string; stage: string; from?: number; to?: number }[];
}

export interface CardChange {
  stage: string;
  lane: string;
  text: string;
}

/**
 * Pairs items of `before` and `after`: same id and name first, then same
 * name (ids made up by an import differ), then same id (a rename). Each pass
 * looks items up by key, so thousands of cards pair in linear time.
 */
function pair<T extends { id: string }>(before: readonly T[], after: readonly T[], nameOf: (item: T) => string): { pairs: [T, T][]; added: T[]; removed: T[] } {
  const pairs: [T, T][] = [];
  const unmatched = new Set(before);
  let right: readonly T[] = after;
  const matchBy = (keyOf: (item: T) => string) => {
    const byKey = new Map<string, T[]>();
    for (const item of unmatched) {
      const list = byKey.get(keyOf(item));
      if (list) list.push(item);
      else byKey.set(keyOf(item), [item]);
    }
    const rest: T[] = [];
    for (const item of right) {
      const match = byKey.get(keyOf(item))?.shift();
      if (match === undefined) rest.push(item);
      else {
        pairs.push([match, item]);
        unmatched.delete(match);
      }
    }
    right = rest;
  };
  matchBy((item) => `${item.id}\u0000${nameOf(item)}`);
  matchBy(nameOf);
  matchBy((item) => item.id);
  return { pairs, added: [...right], removed: [...unmatched] };
}

export function compareJourneys(before: Journey, after: Journey): JourneyComparison {
  const stages = pair<Stage>(before.stages, after.stages, (stage) => foldName(stage.name));
  const steps = stages.pairs.map(([from, to]) => ({ from, to, ...pair<Step>(listSteps(from), listSteps(to), (step) => foldName(step.name)) }));
  const stageName = (journey: Journey, stage: StageId, step?: StepId) => describePlace(journey, { stage, step });
  const laneTitle = (journey: Journey, id: string) => journey.lanes.find((lane) => lane.id === id)?.title ?? id;
  const describeCard = (journey: Journey, card: Card): CardChange => ({ stage: stageName(journey, card.stage, card.step), lane: laneTitle(journey, card.lane), text: card.text });
  // A cell is its place (as paired, so a renamed stage or step is the same) and its lane's title.
  const stageAfter = new Map(stages.pairs.map(([from, to]) => [from.id as string, to.id as string]));
  const stepAfter = new Map(steps.flatMap((entry) => entry.pairs.map(([from, to]) => [from.id as string, to.id as string])));
  const cellBefore = (card: Card) => `${stageAfter.get(card.stage) ?? `-${card.stage}`}|${card.step ? (stepAfter.get(card.step) ?? `-${card.step}`) : ''}|${foldName(laneTitle(before, card.lane))}`;
  const cellAfter = (card: Card) => `${card.stage}|${card.step ?? ''}|${foldName(laneTitle(after, card.lane))}`;

  const cards = pair<Card>(before.cards, after.cards, (card) => foldName(card.text));
  const edited: JourneyComparison['cards']['edited'] = [];
  const moved: JourneyComparison['cards']['moved'] = [];
  for (const [from, to] of cards.pairs) {
    if (cellBefore(from) !== cellAfter(to)) {
      moved.push({ text: to.text, from: `${stageName(before, from.stage, from.step)} / ${laneTitle(before, from.lane)}`, to: `${stageName(after, to.stage, to.step)} / ${laneTitle(after, to.lane)}` });
    }
    if (from.text !== to.text) edited.push({ stage: stageName(after, to.stage, to.step), lane: laneTitle(after, to.lane), from: from.text, to: to.text });
  }

  const personas = pair<Persona>(before.personas, after.personas, (persona) => foldName(persona.name));
  const emotions: JourneyComparison['emotions'] = [];
  const scoreOf = (journey: Journey, persona: string, stage: StageId, step?: StepId) => journey.emotions.find((emotion) => emotion.persona === persona && emotion.stage === stage && emotion.step === step && isAsIs(emotion))?.score;
  // The places both versions have: a stage without steps in both, or a step paired in a paired stage.
  const places = steps.flatMap(({ from, to, pairs }): { before: { stage: StageId; step?: StepId }; after: { stage: StageId; step?: StepId } }[] =>
    listSteps(from).length === 0 && listSteps(to).length === 0 ? [{ before: { stage: from.id }, after: { stage: to.id } }] : pairs.map(([stepBefore, stepAfter]) => ({ before: { stage: from.id, step: stepBefore.id }, after: { stage: to.id, step: stepAfter.id } })),
  );
  for (const [personaBefore, personaAfter] of personas.pairs) {
    for (const place of places) {
      const from = scoreOf(before, personaBefore.id, place.before.stage, place.before.step);
      const to = scoreOf(after, personaAfter.id, place.after.stage, place.after.step);
      if (from !== to) emotions.push({ persona: personaAfter.name, stage: stageName(after, place.after.stage, place.after.step), ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
    }
  }

  return {
    stages: {
      added: stages.added.map((stage) => stage.name),
      removed: stages.removed.map((stage) => stage.name),
      renamed: stages.pairs.filter(([from, to]) => from.name !== to.name).map(([from, to]) => ({ from: from.name, to: to.name })),
    },
    steps: {
      added: steps.flatMap(({ to, added }) => added.map((step) => describePlace(after, { stage: to.id, step: step.id }))),
      removed: steps.flatMap(({ from, removed }) => removed.map((step) => describePlace(before, { stage: from.id, step: step.id }))),
      renamed: steps.flatMap(({ from, to, pairs }) =>
        pairs.filter(([a, b]) => a.name !== b.name).map(([a, b]) => ({ from: describePlace(before, { stage: from.id, step: a.id }), to: describePlace(after, { stage: to.id, step: b.id }) })),
      ),
    },
    cards: { added: cards.added.map((card) => describeCard(after, card)), removed: cards.removed.map((card) => describeCard(before, card)), edited, moved },
    emotions,
  };
}

/** The comparison for people, one line a change; "no changes" when there are none. */
export function formatComparison(comparison: JourneyComparison): string {
  const lines: string[] = [];
  const signed = (score: number | undefined) => (score === undefined ? 'none' : `${score > 0 ? '+' : ''}${score}`);
  for (const name of comparison.stages.added) lines.push(`+ stage "${name}"`);
  for (const name of comparison.stages.removed) lines.push(`- stage "${name}"`);
  for (const { from, to } of comparison.stages.renamed) lines.push(`~ stage "${from}" → "${to}"`);
  for (const name of comparison.steps.added) lines.push(`+ step "${name}"`);
  for (const name of comparison.steps.removed) lines.push(`- step "${name}"`);
  for (const { from, to } of comparison.steps.renamed) lines.push(`~ step "${from}" → "${to}"`);
  for (const card of comparison.cards.added) lines.push(`+ card at ${card.stage} / ${card.lane}: ${card.text}`);
  for (const card of comparison.cards.removed) lines.push(`- card at ${card.stage} / ${card.lane}: ${card.text}`);
  for (const card of comparison.cards.edited) lines.push(`~ card at ${card.stage} / ${card.lane}: "${card.from}" → "${card.to}"`);
  for (const card of comparison.cards.moved) lines.push(`> card "${card.text}": ${card.from} → ${card.to}`);
  for (const emotion of comparison.emotions) lines.push(`~ emotion of ${emotion.persona} at ${emotion.stage}: ${signed(emotion.from)} → ${signed(emotion.to)}`);
  return lines.length === 0 ? 'no changes\n' : `${lines.join('\n')}\n`;
}
