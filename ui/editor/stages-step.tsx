import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Journey, Stage } from '../../src/model/journey';
import { MAX_SHORT_TEXT, MAX_STAGES } from '../../src/model/journey-schema';
import { createEditorId } from './create-editor-id';
import { EDITOR_STRINGS } from './editor-strings';
import { findDuplicateStageIds } from './find-draft-problems';
import { IconButton } from './icon-button';
import { moveItem } from './move-item';
import type { StepProps } from './step-props';

/** Focuses the name field of stage `index` after the list re-renders. */
const focusStageName = (index: number) => requestAnimationFrame(() => document.getElementById(`stage-name-${index}`)?.focus());

/**
 * Step 3: the stages (method step 4) — add, rename, reorder by dragging, with
 * Alt+↑/↓ or with buttons, and remove (with Undo, since a stage takes its
 * cards and scores along).
 */
export function StagesStep({ journey, onChange, locale }: StepProps) {
  const strings = EDITOR_STRINGS[locale];
  // Undo is offered until the journey changes otherwise: it puts back the journey as it was, so it must not undo later edits.
  const [removed, setRemoved] = useState<{ before: Journey; after: Journey; name: string; cards: number } | undefined>();
  const [dragged, setDragged] = useState<number | undefined>();
  const duplicates = findDuplicateStageIds(journey);

  const rename = (stage: Stage, name: string) => onChange({ ...journey, stages: journey.stages.map((candidate) => (candidate.id === stage.id ? { ...candidate, name } : candidate)) });
  const move = (from: number, to: number) => {
    if (to < 0 || to >= journey.stages.length || from === to) return;
    onChange({ ...journey, stages: moveItem(journey.stages, from, to) });
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
    setRemoved({ before: journey, after, name: stage.name, cards });
    onChange(after);
    // The removed stage's buttons are gone: focus goes to the stage now in its place.
    focusStageName(Math.min(journey.stages.indexOf(stage), after.stages.length - 1));
  };
  const handleUndo = () => {
    if (!removed || removed.after !== journey) return;
    onChange(removed.before);
    setRemoved(undefined);
  };
  const handleKeyDown = (index: number) => (event: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const to = index + (event.key === 'ArrowUp' ? -1 : 1);
    if (to < 0 || to >= journey.stages.length) return;
    move(index, to);
    focusStageName(to);
  };

  return (
    <div class="editor__fields">
      <p class="panel__intro">{strings.stagesHint}</p>
      <ol class="editor__list">
        {journey.stages.map((stage, index) => {
          const error = !stage.name.trim() ? strings.stageEmpty : duplicates.has(stage.id) ? strings.stageDuplicate : undefined;
          const name = stage.name || '…';
          return (
            <li
              key={stage.id}
              class={`editor__item${dragged === index ? ' editor__item--dragged' : ''}`}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged !== undefined) move(dragged, index);
                setDragged(undefined);
              }}
            >
              <div class="editor__item-row">
                <span
                  class="editor__handle"
                  draggable
                  role="img"
                  aria-label={strings.dragStage(name)}
                  title={strings.dragStage(name)}
                  onDragStart={(event) => {
                    setDragged(index);
                    event.dataTransfer?.setData('text/plain', stage.id);
                  }}
                  onDragEnd={() => setDragged(undefined)}
                >
                  ⋮⋮
                </span>
                <label class="visually-hidden" for={`stage-name-${index}`}>
                  {strings.stageName(index + 1)}
                </label>
                <input
                  id={`stage-name-${index}`}
                  class="field__input"
                  type="text"
                  value={stage.name}
                  maxLength={MAX_SHORT_TEXT}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `stage-name-${index}-error` : undefined}
                  onInput={(event) => rename(stage, event.currentTarget.value)}
                  onKeyDown={handleKeyDown(index)}
                />
                <IconButton label={strings.moveUp(name)} disabled={index === 0} onClick={() => move(index, index - 1)}>
                  ↑
                </IconButton>
                <IconButton label={strings.moveDown(name)} disabled={index === journey.stages.length - 1} onClick={() => move(index, index + 1)}>
                  ↓
                </IconButton>
                <IconButton
                  label={strings.removeStage(name)}
                  title={journey.stages.length < 2 ? strings.lastStage : strings.removeStage(name)}
                  disabled={journey.stages.length < 2}
                  onClick={() => handleRemove(stage)}
                >
                  ✕
                </IconButton>
              </div>
              {error && (
                <span id={`stage-name-${index}-error`} class="field__error">
                  {error}
                </span>
              )}
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
            {strings.stageRemoved(removed.name, removed.cards)}{' '}
            <button type="button" class="button--link" onClick={handleUndo}>
              {strings.undo}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
