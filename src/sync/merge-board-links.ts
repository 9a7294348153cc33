import { findCardRelation, listCardLinks, type Card, type CardId, type CardLink, type Journey } from '../model/journey';
import type { SceneNode } from '../layout/scene';
import { cardKey, linkKey, parseSceneKey, type SceneKey } from '../layout/scene-keys';
import type { ForeignItem, Snapshot, SnapshotItem } from './host-port';

/** What the board's connectors did to the journey's links. */
export interface MergedLinks {
  /** Links removed (their connector deleted, or its end moved off the card) and links added (a connector a person drew between two cards). */
  removed: CardLink[];
  added: CardLink[];
  /** Connectors that now stand for a link: a person's, or the map's own re-attached to other cards. */
  adoptions: { itemId: string; key: SceneKey }[];
}

/** What reading the links needs from the rest of the merge. */
export interface LinkMergeInput {
  /** The journey as the map was last drawn from it. */
  base: Journey;
  /** The journey with the board's other edits: its cards are the ones left on the map. */
  journey: Journey;
  snapshot: Snapshot;
  /** The map as last drawn, by key. */
  drawn: ReadonlyMap<SceneKey, SceneNode>;
  /** The map's own items by key, one per key (copies taken out). */
  items: ReadonlyMap<string, readonly SnapshotItem[]>;
  /** Copies of the map's connectors that join other items (a person duplicated a linked pair): read as a person's connectors. */
  copies?: readonly SnapshotItem[];
  /** People's stickies this run makes cards of: item id → the card's key. */
  adoptedStickies: ReadonlyMap<string, SceneKey>;
  /** Whether the last run finished drawing the map (a connector it never drew is not a deleted one). */
  complete: boolean;
}

const sameLink = (a: CardLink, b: CardLink): boolean => a.from === b.from && a.to === b.to;

/**
 * Reads the links between cards back from the board's connectors, the way
 * people link cards on a whiteboard:
 * - a connector of the map a person deleted unlinks its two cards (its
 *   stickies being still there: a deleted card takes its links along);
 * - one whose end they dragged onto another card links the new pair, when
 *   that pair can be linked (a pain and an opportunity; two cards of a
 *   stage or step in other lanes), and unlinks the old one; dragged into
 *   the open, it just unlinks;
 * - a connector a person drew between two such cards, in either direction,
 *   links them and becomes the map's; between any other two items it stays
 *   theirs, untouched.
 * Cards keep their links in the order they were made, new ones last.
 */
export function mergeBoardLinks(input: LinkMergeInput): MergedLinks {
  const { journey, snapshot } = input;
  const cards = new Map<string, Card>(journey.cards.map((card) => [card.id, card]));
  const drawnCards = new Map<string, Card>(input.base.cards.map((card) => [card.id, card]));
  /** Whether a person moved the card to another cell since the map was drawn. */
  const moved = (id: string): boolean => {
    const [before, now] = [drawnCards.get(id), cards.get(id)];
    return !before || !now || before.lane !== now.lane || before.stage !== now.stage || before.step !== now.step;
  };
  const cardByItem = new Map<string, Card>();
  for (const card of journey.cards) {
    for (const item of input.items.get(cardKey(card.id)) ?? []) if (item.type === 'sticky') cardByItem.set(item.itemId, card);
  }
  for (const [itemId, key] of input.adoptedStickies) {
    const info = parseSceneKey(key);
    const card = info?.kind === 'card' ? cards.get(info.card) : undefined;
    if (card) cardByItem.set(itemId, card);
  }
  const endsOf = (item: Pick<SnapshotItem | ForeignItem, 'ends'>): [Card, Card] | undefined => {
    const start = item.ends?.start === undefined ? undefined : cardByItem.get(item.ends.start);
    const end = item.ends?.end === undefined ? undefined : cardByItem.get(item.ends.end);
    return start && end ? [start, end] : undefined;
  };

  const removed: CardLink[] = [];
  const candidates: { itemId: string; ends: [Card, Card] }[] = [];
  for (const node of input.drawn.values()) {
    if (node.type !== 'link') continue;
    const info = parseSceneKey(node.key);
    if (info?.kind !== 'link') continue;
    const link: CardLink = { from: info.from, to: info.to, relation: node.relation };
    // A card gone from the map takes its links along (see dropDanglingLinks).
    if (!cards.has(link.from) || !cards.has(link.to)) continue;
    const item = input.items.get(node.key)?.find((candidate) => candidate.type === 'link');
    if (!item) {
      if (input.complete) removed.push(link);
      continue;
    }
    const ends = endsOf(item);
    const joins = ends !== undefined && ends.some((card) => card.id === link.from) && ends.some((card) => card.id === link.to);
    // Still joining its cards, it keeps its link as the journey holds it,
    // unless a person moved one of them: then the connector means what the
    // cards are now (a card dragged into the opportunities lane addresses
    // the pain it is joined to; a pain dragged among the actions is
    // addressed no more).
    if (joins && !moved(link.from) && !moved(link.to)) continue;
    const meant = ends ? findCardRelation(journey, ends[0], ends[1]) : undefined;
    if (joins && meant && sameLink(meant, link) && meant.relation === link.relation) continue;
    removed.push(link);
    if (ends && meant) candidates.push({ itemId: item.itemId, ends });
  }
  for (const item of [...snapshot.foreign.filter((candidate) => candidate.kind === 'link'), ...(input.copies ?? [])]) {
    const ends = endsOf(item);
    if (ends) candidates.push({ itemId: item.itemId, ends });
  }

  const kept = listCardLinks(journey).filter((link) => !removed.some((gone) => sameLink(gone, link)));
  const added: CardLink[] = [];
  const adoptions: { itemId: string; key: SceneKey }[] = [];
  for (const { itemId, ends } of candidates.sort((a, b) => a.itemId.localeCompare(b.itemId))) {
    const link = findCardRelation(journey, ends[0], ends[1]);
    // A second connector between two cards already linked is a person's drawing.
    if (!link || kept.some((other) => sameLink(other, link)) || added.some((other) => sameLink(other, link))) continue;
    added.push(link);
    adoptions.push({ itemId, key: linkKey(link.from, link.to) });
  }
  for (const link of removed) unlink(cards, link);
  for (const link of added) relink(cards, link);
  return { removed, added, adoptions };
}

function unlink(cards: ReadonlyMap<string, Card>, link: CardLink): void {
  const card = cards.get(link.from);
  if (!card) return;
  if (link.relation === 'serves') {
    const serves = (card.serves ?? []).filter((id) => id !== link.to);
    if (serves.length > 0) card.serves = serves;
    else delete card.serves;
    return;
  }
  if (!card.plan) return;
  const addresses = (card.plan.addresses ?? []).filter((id) => id !== link.to);
  if (addresses.length > 0) card.plan.addresses = addresses;
  else delete card.plan.addresses;
  if (Object.keys(card.plan).length === 0) delete card.plan;
}

/** Adds `link` to the card that holds it (in `cards`, by id), once. */
export function relink(cards: ReadonlyMap<string, Card>, link: CardLink): void {
  const card = cards.get(link.from);
  if (!card) return;
  const to: CardId = link.to;
  if (link.relation === 'serves') {
    if (!(card.serves ?? []).includes(to)) card.serves = [...(card.serves ?? []), to];
  } else if (!(card.plan?.addresses ?? []).includes(to)) card.plan = { ...card.plan, addresses: [...(card.plan?.addresses ?? []), to] };
}
