import { isAsIs, type Card, type Journey, type Persona, type Stage } from './journey';
import { foldName } from './formats/lane-names';

/**
 * What changed between two versions of a journey (a map now and a saved
 * export, or two files). Stages, personas and cards are matched by id, and
 * what is left by name or text, so two imports of a spreadsheet (whose ids
 * are made up) still compare.
 */
export interface JourneyComparison {
  stages: { added: string[]; removed: string[]; renamed: { from: string; to: string }[] };
  cards: {
    added: CardChange[];
    removed: CardChange[];
    edited: { stage: string; lane: string; from: string; to: string }[];
    moved: { text: string; from: string; to: string }[];
  };
  /** Emotion per persona and stage where it changed, appeared or went. */
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
  const stageName = (journey: Journey, id: string) => journey.stages.find((stage) => stage.id === id)?.name ?? id;
  const laneTitle = (journey: Journey, id: string) => journey.lanes.find((lane) => lane.id === id)?.title ?? id;
  const describeCard = (journey: Journey, card: Card): CardChange => ({ stage: stageName(journey, card.stage), lane: laneTitle(journey, card.lane), text: card.text });
  // A cell is its stage (as paired, so a renamed stage is the same) and its lane's title.
  const stageAfter = new Map(stages.pairs.map(([from, to]) => [from.id as string, to.id as string]));
  const cellBefore = (card: Card) => `${stageAfter.get(card.stage) ?? `-${card.stage}`}|${foldName(laneTitle(before, card.lane))}`;
  const cellAfter = (card: Card) => `${card.stage}|${foldName(laneTitle(after, card.lane))}`;

  const cards = pair<Card>(before.cards, after.cards, (card) => foldName(card.text));
  const edited: JourneyComparison['cards']['edited'] = [];
  const moved: JourneyComparison['cards']['moved'] = [];
  for (const [from, to] of cards.pairs) {
    if (cellBefore(from) !== cellAfter(to)) {
      moved.push({ text: to.text, from: `${stageName(before, from.stage)} / ${laneTitle(before, from.lane)}`, to: `${stageName(after, to.stage)} / ${laneTitle(after, to.lane)}` });
    }
    if (from.text !== to.text) edited.push({ stage: stageName(after, to.stage), lane: laneTitle(after, to.lane), from: from.text, to: to.text });
  }

  const personas = pair<Persona>(before.personas, after.personas, (persona) => foldName(persona.name));
  const emotions: JourneyComparison['emotions'] = [];
  const scoreOf = (journey: Journey, persona: string, stage: string) => journey.emotions.find((emotion) => emotion.persona === persona && emotion.stage === stage && isAsIs(emotion))?.score;
  for (const [personaBefore, personaAfter] of personas.pairs) {
    for (const [stageBefore, stageAfter] of stages.pairs) {
      const from = scoreOf(before, personaBefore.id, stageBefore.id);
      const to = scoreOf(after, personaAfter.id, stageAfter.id);
      if (from !== to) emotions.push({ persona: personaAfter.name, stage: stageAfter.name, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
    }
  }

  return {
    stages: {
      added: stages.added.map((stage) => stage.name),
      removed: stages.removed.map((stage) => stage.name),
      renamed: stages.pairs.filter(([from, to]) => from.name !== to.name).map(([from, to]) => ({ from: from.name, to: to.name })),
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
  for (const card of comparison.cards.added) lines.push(`+ card at ${card.stage} / ${card.lane}: ${card.text}`);
  for (const card of comparison.cards.removed) lines.push(`- card at ${card.stage} / ${card.lane}: ${card.text}`);
  for (const card of comparison.cards.edited) lines.push(`~ card at ${card.stage} / ${card.lane}: "${card.from}" → "${card.to}"`);
  for (const card of comparison.cards.moved) lines.push(`> card "${card.text}": ${card.from} → ${card.to}`);
  for (const emotion of comparison.emotions) lines.push(`~ emotion of ${emotion.persona} at ${emotion.stage}: ${signed(emotion.from)} → ${signed(emotion.to)}`);
  return lines.length === 0 ? 'no changes\n' : `${lines.join('\n')}\n`;
}
