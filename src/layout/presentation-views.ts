import { listPlacesOf, listSteps, type CardId, type EmotionLine, type LaneId, type LaneKind, type PersonaId, type StageId, type StepId } from '../model/journey';
import { listMatrixCards } from './layout-matrix';
import { cardKey, emotionNoteKey, emotionPointKey, evidenceKey, findKeysOfPersona, MAP_KEY, matrixCardKey, matrixPartKey, personaMarkKey, stageHeaderKey, stepHeaderKey, type MatrixPart, type SceneKey } from './scene-keys';

/**
 * One view of a map when it is presented: the whole map, one stage (its
 * header and its steps' headers, its cards and every persona's points
 * there), or one persona (its
 * card, legend entry, lines and the cards that speak for it).
 */
export type PresentationView =
  | { kind: 'map' }
  | { kind: 'stage'; stage: StageId; name: string }
  | { kind: 'persona'; persona: PersonaId; name: string }
  | { kind: 'matrix' };

/** A view and the keys of the items it brings into view and selects (the whole map: its container, so a view before it is no longer selected). */
export interface PresentedView {
  view: PresentationView;
  keys: SceneKey[];
}

const LINES: readonly EmotionLine[] = ['as-is', 'to-be'];
// The parts of the matrix that span it: its title, grid, tray and effort scale's name.
const MATRIX_FRAME: readonly MatrixPart[] = ['title', 'grid', 'tray', 'axis-effort'];

/**
 * The views of a map in reading order: the whole map first, then each stage
 * left to right, then each persona drawn on the map (hidden personas have no
 * line to show), then the prioritisation matrix when the map draws one (what
 * the team decides to do comes last). Presenting a view only
 * brings its items into view and selects them: nothing on the board changes.
 */
export function listPresentationViews(journey: {
  stages: readonly { id: StageId; name: string; steps?: readonly { id: StepId }[] }[];
  personas: readonly { id: PersonaId; name: string; hidden?: boolean }[];
  cards: readonly { id: CardId; stage: StageId; lane: LaneId; persona?: PersonaId }[];
  lanes: readonly { id: LaneId; kind: LaneKind }[];
  matrix?: boolean;
}): PresentedView[] {
  const shown = journey.personas.filter((persona) => !persona.hidden);
  const stages = journey.stages.map((stage): PresentedView => {
    const steps = listSteps(stage);
    const places = listPlacesOf(stage);
    return {
      view: { kind: 'stage', stage: stage.id, name: stage.name },
      keys: [
        stageHeaderKey(stage.id),
        ...steps.map((step) => stepHeaderKey(stage.id, step.id)),
        ...journey.cards.filter((card) => card.stage === stage.id).flatMap((card) => [cardKey(card.id), evidenceKey(card.id), personaMarkKey(card.id)]),
        ...shown.flatMap((persona) => LINES.flatMap((line) => places.flatMap((place) => [emotionPointKey(persona.id, place, line), emotionNoteKey(persona.id, place, line)]))),
      ],
    };
  });
  const personas = shown.map((persona): PresentedView => ({ view: { kind: 'persona', persona: persona.id, name: persona.name }, keys: findKeysOfPersona(journey, persona.id) }));
  const whole: PresentedView = { view: { kind: 'map' }, keys: [MAP_KEY] };
  const matrix: PresentedView[] = journey.matrix ? [{ view: { kind: 'matrix' }, keys: [...MATRIX_FRAME.map(matrixPartKey), ...listMatrixCards(journey).map((card) => matrixCardKey(card.id))] }] : [];
  return [whole, ...stages, ...personas, ...matrix];
}
