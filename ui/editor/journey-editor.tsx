import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { dropDanglingLinks, type CardId, type Journey } from '../../src/model/journey';
import type { Locale } from '../strings';
import { toSvgDataUrl } from '../svg-data-url';
import { CellsStep } from './cells-step';
import { EDITOR_STRINGS } from './editor-strings';
import { EmotionsStep } from './emotions-step';
import { EDITOR_STEPS, findDraftProblems, type EditorStep } from './find-draft-problems';
import { LanesStep, type LaneStash } from './lanes-step';
import { PersonasStep } from './personas-step';
import { ScopeStep } from './scope-step';
import { StagesStep } from './stages-step';

/** What the editor shows and edits: the journey, its map on the board (once drawn) and the step. */
export interface EditorState {
  journey: Journey;
  mapId?: string;
  /** The journey of map `mapId` as the editor loaded or last drew it: the panel's edits are what differs from it. */
  base?: Journey;
  step: number;
}

/**
 * The journey editor: a stepper that follows the journey-mapping method
 * (goal and scope → personas → stages → lanes → cards → emotions → insert),
 * with Back and Next, a progress indicator, and inline validation. The last
 * step draws the journey as a new map, or updates the map it came from.
 */
export function JourneyEditor({
  state,
  onChange,
  locale,
  busy,
  onInsert,
  onUpdate,
  onClose,
  notice,
  renderSvgAsync,
  runStatus,
  mapBar,
}: {
  state: EditorState;
  onChange: (state: EditorState) => void;
  locale: Locale;
  busy: boolean;
  onInsert: (journey: Journey) => void;
  onUpdate: (mapId: string, journey: Journey, base: Journey | undefined) => void;
  onClose: () => void;
  notice?: string | undefined;
  renderSvgAsync: (journey: Journey, maxWidth?: number) => Promise<string>;
  /** Progress and summary of the panel's last run, shown under Insert / Update (under the map's actions on the other steps). */
  runStatus?: ComponentChildren;
  /** The actions of the editor's map on the board (Regenerate, Check), at the top of every step. */
  mapBar?: ComponentChildren;
}) {
  const strings = EDITOR_STRINGS[locale];
  const [stash, setStash] = useState<LaneStash>(new Map());
  const step = Math.min(state.step, EDITOR_STEPS.length - 1);
  const stepName = EDITOR_STEPS[step] as EditorStep;
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** The card whose field takes focus when the cards step opens (Go to Cards from a problem with that card). */
  const [focusCard, setFocusCard] = useState<CardId | undefined>();
  const go = (next: number, card?: CardId) => {
    setFocusCard(card);
    onChange({ ...state, step: Math.max(0, Math.min(EDITOR_STEPS.length - 1, next)) });
  };
  // Moving between steps takes focus to the new step's heading, as a screen reader user expects,
  // unless it goes to a field to fix.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else if (!focusCard) headingRef.current?.focus();
  }, [step]);
  const stepProps = { journey: state.journey, onChange: (journey: Journey) => onChange({ ...state, journey }), locale };

  return (
    <section class="editor" aria-labelledby="editor-step-title">
      <div class="editor__top">
        <button type="button" class="button--link" onClick={onClose}>
          ← {strings.backToGallery}
        </button>
      </div>
      {mapBar}
      {stepName !== 'review' && runStatus}
      {notice && (
        <p class="panel__intro" role="status">
          {notice}
        </p>
      )}
      <nav aria-label={strings.stepsLabel}>
        <ol class="stepper">
          {EDITOR_STEPS.map((name, index) => (
            <li key={name}>
              <button
                type="button"
                class="stepper__step"
                aria-current={index === step ? 'step' : undefined}
                aria-label={`${index + 1}. ${strings.steps[name]}`}
                title={strings.steps[name]}
                onClick={() => go(index)}
              >
                {index + 1}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <h2 id="editor-step-title" class="panel__subtitle" tabIndex={-1} ref={headingRef}>
        {strings.stepOf(step + 1, EDITOR_STEPS.length, strings.steps[stepName])}
      </h2>
      {stepName === 'scope' && <ScopeStep {...stepProps} />}
      {stepName === 'personas' && <PersonasStep {...stepProps} />}
      {stepName === 'stages' && <StagesStep {...stepProps} />}
      {stepName === 'lanes' && <LanesStep {...stepProps} stash={stash} onStashChange={setStash} />}
      {stepName === 'cells' && <CellsStep {...stepProps} focusCard={focusCard} />}
      {stepName === 'emotions' && <EmotionsStep {...stepProps} />}
      {stepName === 'review' && (
        <ReviewStep state={state} locale={locale} busy={busy} onInsert={onInsert} onUpdate={onUpdate} onGo={(target, card) => go(EDITOR_STEPS.indexOf(target), card)} renderSvgAsync={renderSvgAsync} runStatus={runStatus} />
      )}
      <div class="editor__nav">
        <button type="button" class="button" onClick={() => go(step - 1)} disabled={step === 0}>
          {strings.back}
        </button>
        {step < EDITOR_STEPS.length - 1 && (
          <button type="button" class="button button--primary" onClick={() => go(step + 1)}>
            {strings.next}
          </button>
        )}
      </div>
    </section>
  );
}

/** The last step: what will be drawn, what to fix first, and Insert / Update. */
function ReviewStep({
  state,
  locale,
  busy,
  onInsert,
  onUpdate,
  onGo,
  renderSvgAsync,
  runStatus,
}: {
  state: EditorState;
  locale: Locale;
  busy: boolean;
  onInsert: (journey: Journey) => void;
  onUpdate: (mapId: string, journey: Journey, base: Journey | undefined) => void;
  onGo: (step: EditorStep, card?: CardId) => void;
  renderSvgAsync: (journey: Journey, maxWidth?: number) => Promise<string>;
  runStatus?: ComponentChildren;
}) {
  const strings = EDITOR_STRINGS[locale];
  const { mapId } = state;
  // What is drawn: the draft without links to cards removed since (a pain deleted, its stage or lane gone).
  const journey = useMemo(() => dropDanglingLinks(state.journey), [state.journey]);
  const problems = findDraftProblems(journey, strings);
  const [preview, setPreview] = useState<string | undefined>();
  useEffect(() => {
    if (problems.length > 0) return;
    let cancelled = false;
    renderSvgAsync(journey, 640)
      .then((svg) => {
        if (!cancelled) setPreview(toSvgDataUrl(svg));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // The preview follows the journey; problems are derived from it.
  }, [journey]);
  const disabled = busy || problems.length > 0;
  return (
    <div class="editor__fields">
      <p class="panel__intro">{strings.reviewHint}</p>
      <p>
        <strong>{journey.title || '…'}</strong>: {strings.reviewSummary(journey.stages.length, journey.lanes.length, journey.cards.length, journey.personas.length, journey.stages.reduce((sum, stage) => sum + (stage.steps?.length ?? 0), 0))}
      </p>
      {preview && problems.length === 0 && <img class="editor__preview" src={preview} alt={journey.title} />}
      {problems.length > 0 && (
        <div id="review-problems">
          <p class="panel__warning">{strings.problems(problems.length)}</p>
          <ul class="panel__list">
            {problems.slice(0, 12).map((problem, index) => (
              <li key={index}>
                {problem.message}{' '}
                {problem.step !== 'review' && (
                  <button type="button" class="button--link" onClick={() => onGo(problem.step, problem.card)}>
                    {strings.goToStep(strings.steps[problem.step])}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        class="button button--primary"
        disabled={disabled}
        aria-describedby={problems.length > 0 ? 'review-disabled' : mapId ? 'review-update' : undefined}
        onClick={() => (mapId ? onUpdate(mapId, journey, state.base) : onInsert(journey))}
      >
        {mapId ? strings.updateMap : strings.insertMap}
      </button>
      {problems.length > 0 && (
        <p id="review-disabled" class="field__hint">
          {strings.insertDisabled}
        </p>
      )}
      {mapId && problems.length === 0 && (
        <p id="review-update" class="field__hint">
          {strings.updateHint}
        </p>
      )}
      {runStatus}
    </div>
  );
}
