import { MAX_STICKY_TEXT } from '../../src/model/health-check';
import { listSteps, type CardId, type Journey } from '../../src/model/journey';
import { parseJourney } from '../../src/model/journey-schema';
import type { EditorStrings } from './editor-strings';
import { formatPlaceName } from './format-place-name';

/** The editor's steps, in the order of the journey-mapping method. */
export const EDITOR_STEPS = ['scope', 'personas', 'stages', 'lanes', 'cells', 'emotions', 'review'] as const;
/** One of {@link EDITOR_STEPS}. */
export type EditorStep = (typeof EDITOR_STEPS)[number];

/** Something to fix before the journey can be drawn, and the step where it is fixed. */
export interface DraftProblem {
  step: EditorStep;
  message: string;
  /** The card to fix, when the problem is one card's: Go to Cards takes focus to its field. */
  card?: CardId;
}

/** Folds a name for comparison: case, spaces and Unicode forms do not make two stage names different. */
export const foldStageName = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** Ids of stages whose name another stage already has. */
export function findDuplicateStageIds(journey: Journey): Set<string> {
  const seen = new Map<string, string>();
  const duplicates = new Set<string>();
  for (const stage of journey.stages) {
    const folded = foldStageName(stage.name);
    if (!folded) continue;
    const first = seen.get(folded);
    if (first) {
      duplicates.add(first);
      duplicates.add(stage.id);
    } else seen.set(folded, stage.id);
  }
  return duplicates;
}

/**
 * Everything that keeps the draft from being drawn, worded for people:
 * empty titles and names (of steps too), duplicate stage names, cards too
 * long for a sticky, then anything else the journey schema refuses.
 */
export function findDraftProblems(journey: Journey, strings: EditorStrings): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!journey.title.trim()) problems.push({ step: 'scope', message: strings.titleEmpty });
  for (const persona of journey.personas) if (!persona.name.trim()) problems.push({ step: 'personas', message: strings.personaNameEmpty });
  journey.stages.forEach((stage, index) => {
    if (!stage.name.trim()) problems.push({ step: 'stages', message: `${strings.stageName(index + 1)}: ${strings.stageEmpty}` });
    listSteps(stage).forEach((step, stepIndex) => {
      if (!step.name.trim()) problems.push({ step: 'stages', message: `${strings.stepName(stepIndex + 1, stage.name.trim() || '…')}: ${strings.stepEmpty}` });
    });
  });
  if (findDuplicateStageIds(journey).size > 0) problems.push({ step: 'stages', message: strings.stageDuplicate });
  for (const lane of journey.lanes) if (!lane.title.trim()) problems.push({ step: 'lanes', message: strings.laneEmpty });
  const laneTitle = new Map(journey.lanes.map((lane) => [lane.id, lane.title]));
  for (const card of journey.cards) {
    const length = [...card.text.trim()].length;
    if (length === 0 || length > MAX_STICKY_TEXT) {
      problems.push({ step: 'cells', card: card.id, message: `${strings.cardProblem(formatPlaceName(journey, card), laneTitle.get(card.lane) ?? '')}: ${length === 0 ? strings.cardEmpty : `${length} > ${MAX_STICKY_TEXT}`}` });
    }
  }
  if (problems.length === 0) {
    const parsed = parseJourney(journey);
    if (!parsed.ok) for (const error of parsed.errors.slice(0, 5)) problems.push({ step: 'review', message: `${error.path}: ${error.message}` });
  }
  return problems;
}
