import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { listSteps, type Journey, type Stage, type StageId, type Step, type StepId } from '../../src/model/journey';
import { MAX_SHORT_TEXT, MAX_STAGES, MAX_STEPS, MAX_STEPS_PER_STAGE } from '../../src/model/journey-schema';
import { createEditorId } from './create-editor-id';
import { EDITOR_STRINGS, type EditorStrings } from './editor-strings';
import { findDuplicateStageIds } from './find-draft-problems';
import { IconButton } from './icon-button';
import { mergeSteps } from './merge-steps';
import { moveItem } from './move-item';
import { removeStep } from './remove-step';
import { splitStage } from './split-stage';
import type { StepProps } from './step-props';

/** Focuses element `id` after the list re-renders; a new step's name is selected too, so typing replaces "Step 2". */
const focusLater = (id: string, select = false) =>
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    element?.focus();
    if (select && element instanceof HTMLInputElement) element.select();
  });
/** Focuses the name field of stage `index` after the list re-renders. */
const focusStageName = (index: number) => focusLater(`stage-name-${index}`);
const formatStepFieldId = (step: StepId) => `step-name-${step}`;
const formatSplitButtonId = (stage: StageId) => `stage-split-${stage}`;

/** `step` with its touchpoint or channel set, or left out when `value` is empty. */
function setStepDetail(step: Step, field: 'touchpoint' | 'channel', value: string): Step {
  const { [field]: _previous, ...rest } = step;
  return value ? { ...rest, [field]: value } : rest;
}

/**
 * Step 3: the stages (method step 4) — add, rename, reorder by dragging, with
 * Alt+↑/↓ or with buttons, and remove (with Undo, since a stage takes its
 * cards and scores along). A stage can be split into steps, each a column of
 * its own with an optional touchpoint and channel, handled as stages are;
 * removing a step moves its cards to a neighbouring step, and removing the
 * last one (or Merge steps) makes the stage one column again with all its
 * cards (both with Undo).
 */
export function StagesStep({ journey, onChange, locale }: StepProps) {
  const strings = EDITOR_STRINGS[locale];
  // Undo is offered until the journey changes otherwise: it puts back the journey as it was, so it must not undo later edits.
  const [removed, setRemoved] = useState<{ before: Journey; after: Journey; message: string } | undefined>();
  const [dragged, setDragged] = useState<number | undefined>();
  const [draggedStep, setDraggedStep] = useState<{ stage: StageId; index: number } | undefined>();
  const duplicates = findDuplicateStageIds(journey);
  const stepIds = journey.stages.flatMap((stage) => listSteps(stage).map((step) => step.id));

  const rename = (stage: Stage, name: string) => onChange({ ...journey, stages: journey.stages.map((candidate) => (candidate.id === stage.id ? { ...candidate, name } : candidate)) });
  const move = (from: number, to: number) => {
    if (to < 0 || to >= journey.stages.length || from === to) return;
    onChange({ ...journey, stages: moveItem(journey.stages, from, to) });
  };
  const changeWithUndo = (after: Journey, message: string) => {
    setRemoved({ before: journey, after, message });
    onChange(after);
  };
  const handleAdd = () => {
    const stage: Stage = { id: createEditorId('stage', journey.stages.map((candidate) => candidate.id)), name: strings.newStage };
    onChange({ ...journey, stages: [...journey.stages, stage] });
    focusStageName(journey.stages.length);
  };
  const handleRemove = (stage: Stage) => {
    if (journey.stages.length < 2) return;
    const cards = journey.cards.filter((card) => card.stage === stage.id).length;
    const after: Journey = {
      ...journey,
      stages: journey.stages.filter((candidate) => candidate.id !== stage.id),
      cards: journey.cards.filter((card) => card.stage !== stage.id),
      emotions: journey.emotions.filter((emotion) => emotion.stage !== stage.id),
    };
    changeWithUndo(after, strings.stageRemoved(stage.name, cards));
    // The removed stage's buttons are gone: focus goes to the stage now in its place.
    focusStageName(Math.min(journey.stages.indexOf(stage), after.stages.length - 1));
  };
  const handleUndo = () => {
    if (!removed || removed.after !== journey) return;
    onChange(removed.before);
    setRemoved(undefined);
  };
  const changeSteps = (stage: Stage, steps: Step[]) => onChange({ ...journey, stages: journey.stages.map((candidate) => (candidate.id === stage.id ? { ...candidate, steps } : candidate)) });
  const updateStep = (stage: Stage, step: Step, update: (step: Step) => Step) => changeSteps(stage, listSteps(stage).map((candidate) => (candidate.id === step.id ? update(candidate) : candidate)));
  const moveStep = (stage: Stage, from: number, to: number) => {
    const steps = listSteps(stage);
    if (to < 0 || to >= steps.length || from === to) return;
    changeSteps(stage, moveItem(steps, from, to));
  };
  const handleSplit = (stage: Stage) => {
    const first = createEditorId('step', stepIds);
    const second = createEditorId('step', [...stepIds, first]);
    onChange(splitStage(journey, stage.id, [{ id: first, name: strings.stepN(1) }, { id: second, name: strings.stepN(2) }]));
    focusLater(formatStepFieldId(first), true);
  };
  const handleAddStep = (stage: Stage) => {
    const steps = listSteps(stage);
    const step: Step = { id: createEditorId('step', stepIds), name: strings.stepN(steps.length + 1) };
    changeSteps(stage, [...steps, step]);
    focusLater(formatStepFieldId(step.id), true);
  };
  const handleRemoveStep = (stage: Stage, step: Step) => {
    const removal = removeStep(journey, step.id);
    if (!removal) return;
    const steps = listSteps(stage);
    const remaining = steps.filter((candidate) => candidate.id !== step.id);
    // Focus goes to the step now in its place, or to Add steps once the stage is one column again.
    const next = remaining[Math.min(steps.indexOf(step), remaining.length - 1)];
    changeWithUndo(removal.journey, removal.to ? strings.stepRemoved(step.name, removal.cards, removal.to.name) : strings.stepsMerged(stage.name, removal.cards));
    focusLater(next ? formatStepFieldId(next.id) : formatSplitButtonId(stage.id));
  };
  const handleMerge = (stage: Stage) => {
    changeWithUndo(mergeSteps(journey, stage.id), strings.stepsMerged(stage.name, journey.cards.filter((card) => card.stage === stage.id).length));
    focusLater(formatSplitButtonId(stage.id));
  };

  return (
    <div class="editor__fields">
      <p class="panel__intro">{strings.stagesHint}</p>
      <ol class="editor__list">
        {journey.stages.map((stage, index) => {
          const error = !stage.name.trim() ? strings.stageEmpty : duplicates.has(stage.id) ? strings.stageDuplicate : undefined;
          const name = stage.name || '…';
          const steps = listSteps(stage);
          return (
            <li
              key={stage.id}
              class={`editor__item${dragged === index ? ' editor__item--dragged' : ''}`}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged !== undefined) move(dragged, index);
                setDragged(undefined);
                setDraggedStep(undefined);
              }}
            >
              <NameRow
                fieldId={`stage-name-${index}`}
                label={strings.stageName(index + 1)}
                value={stage.name}
                error={error}
                name={name}
                dragData={stage.id}
                strings={strings}
                removeLabel={strings.removeStage(name)}
                removeTitle={journey.stages.length < 2 ? strings.lastStage : strings.removeStage(name)}
                isFirst={index === 0}
                isLast={index === journey.stages.length - 1}
                canRemove={journey.stages.length >= 2}
                onDragStart={() => setDragged(index)}
                onDragEnd={() => setDragged(undefined)}
                onInput={(value) => rename(stage, value)}
                onMove={(offset, byKeyboard) => {
                  move(index, index + offset);
                  if (byKeyboard) focusStageName(index + offset);
                }}
                onRemove={() => handleRemove(stage)}
              />
              {steps.length > 0 && (
                <ol class="editor__list editor__steps" aria-label={strings.stepsOf(name)}>
                  {steps.map((step, stepIndex) => {
                    const fieldId = formatStepFieldId(step.id);
                    const stepName = step.name || '…';
                    const stepError = step.name.trim() ? undefined : strings.stepEmpty;
                    return (
                      <li
                        key={step.id}
                        class={`editor__item${draggedStep?.stage === stage.id && draggedStep.index === stepIndex ? ' editor__item--dragged' : ''}`}
                        onDragOver={(event) => event.preventDefault()}
                        onDrop={(event) => {
                          // A stage dropped here goes on to its stage's item; a step moves within its own stage only.
                          if (!draggedStep) return;
                          event.preventDefault();
                          event.stopPropagation();
                          if (draggedStep.stage === stage.id) moveStep(stage, draggedStep.index, stepIndex);
                          setDraggedStep(undefined);
                        }}
                      >
                        <NameRow
                          fieldId={fieldId}
                          label={strings.stepName(stepIndex + 1, name)}
                          value={step.name}
                          error={stepError}
                          name={stepName}
                          dragData={step.id}
                          strings={strings}
                          removeLabel={strings.removeStep(stepName)}
                          isFirst={stepIndex === 0}
                          isLast={stepIndex === steps.length - 1}
                          canRemove
                          onDragStart={() => setDraggedStep({ stage: stage.id, index: stepIndex })}
                          onDragEnd={() => setDraggedStep(undefined)}
                          onInput={(value) => updateStep(stage, step, (current) => ({ ...current, name: value }))}
                          onMove={(offset, byKeyboard) => {
                            moveStep(stage, stepIndex, stepIndex + offset);
                            if (byKeyboard) focusLater(fieldId);
                          }}
                          onRemove={() => handleRemoveStep(stage, step)}
                        />
                        <div class="editor__step-details">
                          {(['touchpoint', 'channel'] as const).map((field) => (
                            <span key={field} class="editor__step-detail">
                              <label class="visually-hidden" for={`${fieldId}-${field}`}>
                                {strings.stepDetail(field, stepName)}
                              </label>
                              <input
                                id={`${fieldId}-${field}`}
                                class="field__input"
                                type="text"
                                placeholder={strings.stepDetails[field]}
                                value={step[field] ?? ''}
                                maxLength={MAX_SHORT_TEXT}
                                onInput={(event) => {
                                  const value = event.currentTarget.value;
                                  updateStep(stage, step, (current) => setStepDetail(current, field, value));
                                }}
                              />
                            </span>
                          ))}
                        </div>
                      </li>
                    );
                  })}
                </ol>
              )}
              <div class="editor__row editor__step-actions">
                {steps.length === 0 ? (
                  <button
                    type="button"
                    id={formatSplitButtonId(stage.id)}
                    class="button--link"
                    aria-label={strings.splitStage(name)}
                    disabled={stepIds.length + 2 > MAX_STEPS}
                    onClick={() => handleSplit(stage)}
                  >
                    {strings.splitShort}
                  </button>
                ) : (
                  <>
                    <button
                      type="button"
                      class="button--link"
                      aria-label={strings.addStep(name)}
                      disabled={steps.length >= MAX_STEPS_PER_STAGE || stepIds.length >= MAX_STEPS}
                      onClick={() => handleAddStep(stage)}
                    >
                      {strings.addStepShort}
                    </button>
                    <button type="button" class="button--link" aria-label={strings.mergeSteps(name)} onClick={() => handleMerge(stage)}>
                      {strings.mergeStepsShort}
                    </button>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <div class="editor__row">
        <button type="button" class="button button--small" onClick={handleAdd} disabled={journey.stages.length >= MAX_STAGES}>
          {strings.addStage}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {removed && removed.after === journey && (
          <p class="editor__undo">
            {removed.message}{' '}
            <button type="button" class="button--link" onClick={handleUndo}>
              {strings.undo}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * One named item of a reorderable list (a stage, or a step of one): a drag
 * handle, the name field with its problem under it, and buttons to move the
 * item up or down and to remove it. Alt+↑/↓ in the field moves it too.
 */
function NameRow(props: {
  fieldId: string;
  /** The field's label, read by screen readers only. */
  label: string;
  value: string;
  error: string | undefined;
  /** The name the buttons say ("Move “Cart” up"). */
  name: string;
  /** What a drag carries (the item's id). */
  dragData: string;
  strings: EditorStrings;
  removeLabel: string;
  removeTitle?: string;
  isFirst: boolean;
  isLast: boolean;
  canRemove: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
  onInput: (value: string) => void;
  /** Moves the item by one place (−1 is up), from the keyboard or a button. */
  onMove: (offset: -1 | 1, byKeyboard: boolean) => void;
  onRemove: () => void;
}) {
  const { fieldId, name, strings, error, isFirst, isLast, onMove } = props;
  const handleKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const offset = event.key === 'ArrowUp' ? -1 : 1;
    if ((offset < 0 && isFirst) || (offset > 0 && isLast)) return;
    onMove(offset, true);
  };
  return (
    <>
      <div class="editor__item-row">
        <span
          class="editor__handle"
          draggable
          role="img"
          aria-label={strings.dragStage(name)}
          title={strings.dragStage(name)}
          onDragStart={(event) => {
            props.onDragStart();
            event.dataTransfer?.setData('text/plain', props.dragData);
          }}
          onDragEnd={props.onDragEnd}
        >
          ⋮⋮
        </span>
        <label class="visually-hidden" for={fieldId}>
          {props.label}
        </label>
        <input
          id={fieldId}
          class="field__input"
          type="text"
          value={props.value}
          maxLength={MAX_SHORT_TEXT}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId}-error` : undefined}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          onKeyDown={handleKeyDown}
        />
        <IconButton label={strings.moveUp(name)} disabled={isFirst} onClick={() => onMove(-1, false)}>
          ↑
        </IconButton>
        <IconButton label={strings.moveDown(name)} disabled={isLast} onClick={() => onMove(1, false)}>
          ↓
        </IconButton>
        <IconButton label={props.removeLabel} title={props.removeTitle ?? props.removeLabel} disabled={!props.canRemove} onClick={props.onRemove}>
          ✕
        </IconButton>
      </div>
      {error && (
        <span id={`${fieldId}-error`} class="field__error">
          {error}
        </span>
      )}
    </>
  );
}
