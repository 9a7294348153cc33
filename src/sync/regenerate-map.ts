import { dropDanglingLinks, type Journey } from '../model/journey';
import { parseJourney } from '../model/journey-schema';
import type { ValidationError } from '../model/parse-result';
import type { LeftAloneItem } from '../model/journey-record';
import type { HostMetrics } from '../layout/host-metrics';
import { layoutJourney } from '../layout/layout-journey';
import type { TextMeasurer } from '../layout/measure-text';
import type { Scene, SceneNode } from '../layout/scene';
import { cardKey, matrixCardKey, type SceneKey } from '../layout/scene-keys';
import { diffScene } from './diff-scene';
import type { ApplyPlan, ApplyReport, Op, Snapshot } from './host-port';
import { adoptForeignItems, isMatrixTextWritten, mergeBoardEdits, normalizeBoardText, type BoardChange, type Release } from './merge-board-edits';
import { mergeJourneys, type MergeConflict } from './merge-journeys';

/** How the map a run acts on was chosen; the panel says it in its summary. */
export type MapChoice = 'selection' | 'panel' | 'only';

/** What a Regenerate run found, in counts a panel can say in its own language. */
export interface RegenerateOutcome {
  title: string;
  /** Board edits absorbed into the journey. */
  edits: number;
  /** Stickies people added in cells, now cards. */
  adopted: number;
  /** Fields changed both on the board and in the panel (the board's kept). */
  conflicts: number;
  /** How the map was chosen, when the run chose it. */
  chosenBy?: MapChoice;
  /**
   * Why the journey was rebuilt from the board's items, when the record
   * stored with the map could not be used: none stored (a map copied from
   * another board, say), damaged, or written by a newer cjm-board.
   */
  rebuilt?: 'missing' | 'damaged' | 'newer';
  /** Items removed because they doubled a map item with nothing of their own. */
  healed?: number;
  /** Cards whose sticky holds more text than a card takes: the board keeps all of it, the journey its first part. */
  cut?: number;
  /** Items inside a person's group or nested container that the layout moved. */
  movedInGroups?: number;
  /** Items the host would not let the app write (locked): left as they are. */
  refused?: number;
}

/** What planning a Regenerate needs besides the journey and the snapshot. */
export interface RegeneratePlanOptions {
  metrics: HostMetrics;
  measureText?: TextMeasurer;
  /** Whether the last run finished drawing the map (see MergeBoardOptions.complete). */
  complete: boolean;
  /** Stickies the last run left alone. */
  leftAlone?: readonly LeftAloneItem[];
  /** The journey as the panel has it now, when the panel was edited meanwhile. */
  panelJourney?: Journey;
  /** The journey the panel's edits started from; without it, `base`. */
  panelBase?: Journey;
}

/** A Regenerate, planned: the journey to draw, its scene, the first plan and what was found. */
export interface RegeneratePlan {
  journey: Journey;
  scene: Scene;
  plan: ApplyPlan;
  /** Stickies left to people this time, sorted by item id. */
  leftAlone: LeftAloneItem[];
  changes: BoardChange[];
  conflicts: MergeConflict[];
  /** The nodes as the map last drew them, by key: later rounds of the run write only what changed against them. */
  drawn: ReadonlyMap<SceneKey, SceneNode>;
  /** Cards whose sticky holds more than a card takes: the board keeps the whole text, the journey its first part. */
  cut: SceneKey[];
  /** Items removed because they doubled a map item with nothing of their own. */
  healed: number;
  /** Items inside a person's group or nested container that the plan moves. */
  movedInGroups: number;
}

/** Puts release ops after creates and updates, before deletes (create and update before delete). */
function insertReleases(ops: readonly Op[], releases: readonly Release[]): Op[] {
  const releaseOps: Op[] = releases.map((release) => ({ type: 'release', key: release.key, itemIds: release.itemIds }));
  const firstDelete = ops.findIndex((op) => op.type === 'delete');
  const at = firstDelete === -1 ? ops.length : firstDelete;
  return [...ops.slice(0, at), ...releaseOps, ...ops.slice(at)];
}

/**
 * Plans a Regenerate: absorbs what people changed on the board (and,
 * three-way, what changed in the panel meanwhile) into `base`, the journey
 * last drawn, lays the map out again and diffs it against the board. Pure:
 * it reads nothing and writes nothing. Fails with the validation errors when
 * the edits would make an invalid journey.
 */
export function planRegenerate(base: Journey, snapshot: Snapshot, options: RegeneratePlanOptions): { ok: true; value: RegeneratePlan } | { ok: false; errors: ValidationError[] } {
  const { metrics } = options;
  const mapId = snapshot.mapId;
  const fromBoard = mergeBoardEdits(base, snapshot, { metrics, measureText: options.measureText, complete: options.complete, leftAlone: options.leftAlone });
  let journey = fromBoard.journey;
  let conflicts: MergeConflict[] = [];
  let adoptions = fromBoard.adoptions;
  const releases = [...fromBoard.releases];
  const leftAlone = [...fromBoard.leftAlone];
  if (options.panelJourney) {
    const merged = mergeJourneys(options.panelBase ?? base, journey, options.panelJourney);
    journey = merged.journey;
    conflicts = merged.conflicts;
    // A card written on the board whose cell the panel removed stays on the
    // board as the person's own sticky.
    const orphanKeys = new Set<string>(merged.orphans.map((id) => cardKey(id)));
    const orphanItems = new Set(adoptions.filter((adoption) => orphanKeys.has(adoption.key)).map((adoption) => adoption.itemId));
    adoptions = adoptions.filter((adoption) => !orphanKeys.has(adoption.key));
    for (const key of orphanKeys) {
      const items = snapshot.items.filter((item) => item.identity.key === key);
      if (items.length > 0) releases.push({ key, itemIds: items.map((item) => item.itemId) });
      for (const item of items) orphanItems.add(item.itemId);
    }
    // The card's sticky in the prioritisation matrix, when the person wrote there.
    for (const id of merged.orphans) {
      const key = matrixCardKey(id);
      const written = snapshot.items.filter((item) => item.identity.key === key && item.type === 'sticky' && normalizeBoardText(item.text) !== '' && !isMatrixTextWritten(item, id));
      if (written.length === 0) continue;
      releases.push({ key, itemIds: written.map((item) => item.itemId) });
      for (const item of written) orphanItems.add(item.itemId);
    }
    for (const item of [...snapshot.items, ...snapshot.foreign]) {
      if (orphanItems.has(item.itemId)) leftAlone.push({ itemId: item.itemId, x: item.x, y: item.y });
    }
  }
  // A pain deleted on the board (or by the panel) takes the links to it along.
  const checked = parseJourney(dropDanglingLinks(journey));
  if (!checked.ok) return { ok: false, errors: checked.errors };
  journey = checked.value;

  const scene = layoutJourney(journey, { metrics, measureText: options.measureText });
  const released = new Set([...releases.flatMap((release) => release.itemIds), ...fromBoard.removals.flatMap((removal) => removal.itemIds)]);
  // A connector is adopted for a link the map draws; one whose link the panel dropped meanwhile stays the person's.
  const drawnKeys = new Set(scene.nodes.map((node) => node.key));
  const adopted = adoptions.filter((adoption) => adoption.type !== 'link' || drawnKeys.has(adoption.key));
  const diffSnapshot = adoptForeignItems({ ...snapshot, items: snapshot.items.filter((item) => !released.has(item.itemId)) }, adopted);
  const plan = diffScene(scene, diffSnapshot, mapId, { drawn: fromBoard.drawn, keepText: new Set(fromBoard.cut) });
  // A link's connector a person wrote a label on is theirs once the link goes: handed over, never deleted.
  const labelled = new Set(diffSnapshot.items.filter((item) => item.type === 'link' && item.text.trim() !== '').map((item) => item.itemId));
  plan.ops = plan.ops.map((op): Op => (op.type === 'delete' && op.itemIds.some((id) => labelled.has(id)) ? { type: 'release', key: op.key, itemIds: op.itemIds } : op));
  plan.ops = [
    ...insertReleases(plan.ops, releases),
    ...fromBoard.removals.map((removal): Op => ({ type: 'delete', key: removal.key, itemIds: removal.itemIds })),
    ...fromBoard.absorbed.map((absorbed): Op => ({ type: 'delete', key: absorbed.key, itemIds: absorbed.itemIds, absorbed: true })),
  ];
  leftAlone.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  const healed = fromBoard.removals.reduce((sum, removal) => sum + removal.itemIds.length, 0);
  const byId = new Map(diffSnapshot.items.map((item) => [item.itemId, item]));
  let movedInGroups = 0;
  for (const op of plan.ops) {
    if (op.type !== 'update') continue;
    for (const itemId of op.itemIds) {
      const item = byId.get(itemId);
      if (item?.nested && (Math.abs(item.x - op.node.x) > 0.5 || Math.abs(item.y - op.node.y) > 0.5)) movedInGroups += 1;
    }
  }
  return { ok: true, value: { journey, scene, plan, leftAlone, changes: fromBoard.changes, conflicts, drawn: fromBoard.drawn, cut: fromBoard.cut, healed, movedInGroups } };
}

/** The outcome of a planned Regenerate in counts. */
export function countRegenerateOutcome(planned: Pick<RegeneratePlan, 'journey' | 'changes' | 'conflicts'> & Partial<Pick<RegeneratePlan, 'cut' | 'healed' | 'movedInGroups'>>): RegenerateOutcome {
  const adopted = planned.changes.filter((change) => change.kind === 'card-adopted').length;
  const released = planned.changes.filter((change) => change.kind === 'released').length;
  const outcome: RegenerateOutcome = { title: planned.journey.title, edits: planned.changes.length - adopted - released, adopted, conflicts: planned.conflicts.length };
  if (planned.cut && planned.cut.length > 0) outcome.cut = planned.cut.length;
  if (planned.healed) outcome.healed = planned.healed;
  if (planned.movedInGroups) outcome.movedInGroups = planned.movedInGroups;
  return outcome;
}

/** One line for people (English), e.g. for a FigJam notification, which shows about 100 characters. */
export function describeRegenerateResult(outcome: RegenerateOutcome, report: ApplyReport): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const written = report.created + report.updated + report.deleted;
  const parts = [plural(outcome.edits, 'edit', 'edits') + ' kept'];
  if (outcome.adopted > 0) parts.push(plural(outcome.adopted, 'sticky', 'stickies') + ' added');
  parts.push(written === 0 ? 'nothing redrawn' : `${written} redrawn`);
  if (outcome.conflicts > 0) parts.push(plural(outcome.conflicts, 'clash', 'clashes') + ': board kept');
  if (outcome.rebuilt) parts.push('journey rebuilt from the board');
  if (outcome.healed) parts.push(plural(outcome.healed, 'double removed', 'doubles removed'));
  if (outcome.movedInGroups) parts.push(plural(outcome.movedInGroups, 'grouped item moved', 'grouped items moved'));
  if (outcome.cut) parts.push(plural(outcome.cut, 'long card kept in full on the board', 'long cards kept in full on the board'));
  if (report.refused && report.refused.length > 0) parts.push(plural(report.refused.length, 'locked item left as it is', 'locked items left as they are'));
  if (report.failed.length > 0) parts.push(`${report.failed.length} failed, run again`);
  const title = outcome.title.length > 32 ? `${outcome.title.slice(0, 31)}…` : outcome.title;
  return `Regenerated "${title}": ${parts.join(', ')}.`;
}
