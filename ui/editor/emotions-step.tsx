import { useState } from 'preact/hooks';
import { EMOTION_MAX, EMOTION_MIN, EMOTION_STEPS } from '../../src/model/emotion-scale';
import { findEmotionLine, listPlaces, listSteps, placeId, type EmotionLine, type EmotionScore, type JourneyPlace, type Persona, type PersonaId } from '../../src/model/journey';
import { MAX_LONG_TEXT } from '../../src/model/journey-schema';
import { EMOTIONS_STRINGS, type EmotionsStrings } from './emotions-strings';
import { formatPlaceName } from './format-place-name';
import type { StepProps } from './step-props';

/** Longest "why" the panel accepts without a warning: the note sits next to its point on the emotion chart, where 120 characters is about two short lines. */
const MAX_EMOTION_NOTE = 120;

/** "−2", "0", "+1": signed, with a real minus sign, as the scale is printed everywhere in the panel. */
const formatScore = (score: number): string => (score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0');

/** Whether `emotion` is the score of `persona` at `place` (a stage without steps, or a step) on `line`. */
const isScoreOf = (emotion: EmotionScore, persona: PersonaId, place: JourneyPlace, line: EmotionLine) =>
  emotion.persona === persona && emotion.stage === place.stage && emotion.step === place.step && findEmotionLine(emotion) === line;

/** `emotions` with the score of `persona` at `place` on `line` set, created (as-is scores leave `line` out) when there was none. */
function setEmotionScore(emotions: readonly EmotionScore[], persona: PersonaId, place: JourneyPlace, line: EmotionLine, score: number): EmotionScore[] {
  if (emotions.some((emotion) => isScoreOf(emotion, persona, place, line))) {
    return emotions.map((emotion) => (isScoreOf(emotion, persona, place, line) ? { ...emotion, score } : emotion));
  }
  return [...emotions, { persona, stage: place.stage, ...(place.step ? { step: place.step } : {}), ...(line === 'to-be' ? { line } : {}), score }];
}

/** `emotions` with the note of one score set, or left out when `note` is empty. */
function setEmotionNote(emotions: readonly EmotionScore[], persona: PersonaId, place: JourneyPlace, line: EmotionLine, note: string): EmotionScore[] {
  return emotions.map((emotion) => {
    if (!isScoreOf(emotion, persona, place, line)) return emotion;
    const { note: _previous, ...rest } = emotion;
    return note ? { ...rest, note } : rest;
  });
}

/** `emotions` with a to-be score for `persona` at every place that has an as-is score to start from. */
function addToBeLine(emotions: readonly EmotionScore[], persona: PersonaId, places: readonly JourneyPlace[]): EmotionScore[] {
  const added: EmotionScore[] = [];
  for (const place of places) {
    if (emotions.some((emotion) => isScoreOf(emotion, persona, place, 'to-be'))) continue;
    const asIs = emotions.find((emotion) => isScoreOf(emotion, persona, place, 'as-is'));
    if (asIs) added.push({ persona, stage: place.stage, ...(place.step ? { step: place.step } : {}), line: 'to-be', score: asIs.score });
  }
  return [...emotions, ...added];
}

/** `persona` shown on the map, or hidden; shown leaves the field out rather than writing `hidden: false`. */
function setPersonaHidden(persona: Persona, hidden: boolean): Persona {
  const { hidden: _previous, ...rest } = persona;
  return hidden ? { ...rest, hidden: true } : rest;
}

/**
 * Step 6: emotions (method step 6) — for each persona, a score from −2 to +2
 * at every stage (at every step of a stage with steps) with a short "why",
 * on the as-is line and, when the team
 * designs a better experience, on a to-be line. A sparkline shows the lines
 * as the map will draw them. Personas can be kept off the map's chart.
 */
export function EmotionsStep({ journey, onChange, locale }: StepProps) {
  const strings = EMOTIONS_STRINGS[locale];
  const [chosenPersona, setChosenPersona] = useState<PersonaId | undefined>(journey.personas[0]?.id);
  // Personas whose to-be line was switched on before any stage had an as-is score to copy: the line has no scores yet.
  const [toBeWanted, setToBeWanted] = useState<ReadonlySet<PersonaId>>(new Set());
  // A to-be line switched off keeps its scores and notes here, so switching it on again brings them back.
  const [keptToBe, setKeptToBe] = useState<ReadonlyMap<PersonaId, EmotionScore[]>>(new Map());
  const persona = journey.personas.find((candidate) => candidate.id === chosenPersona) ?? journey.personas[0];
  if (!persona) return <p class="panel__intro">{strings.noPersonas}</p>;
  if (journey.stages.length === 0) return <p class="panel__intro">{strings.noStages}</p>;
  const own = journey.emotions.filter((emotion) => emotion.persona === persona.id);
  const places = listPlaces(journey);
  const hasToBe = toBeWanted.has(persona.id) || own.some((emotion) => findEmotionLine(emotion) === 'to-be');
  const personaName = (candidate: Persona) => candidate.name.trim() || '…';

  const changeEmotions = (emotions: EmotionScore[]) => onChange({ ...journey, emotions });
  const handleShowLines = (shown: boolean) =>
    onChange({ ...journey, personas: journey.personas.map((candidate) => (candidate.id === persona.id ? setPersonaHidden(candidate, !shown) : candidate)) });
  const handleToBe = (on: boolean) => {
    const wanted = new Set(toBeWanted);
    if (on) wanted.add(persona.id);
    else wanted.delete(persona.id);
    setToBeWanted(wanted);
    const isOwnToBe = (emotion: EmotionScore) => emotion.persona === persona.id && findEmotionLine(emotion) === 'to-be';
    const kept = new Map(keptToBe);
    if (on) {
      // Only scores of places still there: a step removed since takes its to-be score along.
      const known = new Set<string>(places.map((place) => `${place.stage} ${place.step ?? ''}`));
      const restored = (keptToBe.get(persona.id) ?? []).filter((emotion) => known.has(`${emotion.stage} ${emotion.step ?? ''}`));
      kept.delete(persona.id);
      setKeptToBe(kept);
      changeEmotions(restored.length > 0 ? [...journey.emotions, ...restored] : addToBeLine(journey.emotions, persona.id, places));
    } else {
      kept.set(persona.id, journey.emotions.filter(isOwnToBe));
      setKeptToBe(kept);
      changeEmotions(journey.emotions.filter((emotion) => !isOwnToBe(emotion)));
    }
  };
  const lines: EmotionLine[] = hasToBe ? ['as-is', 'to-be'] : ['as-is'];

  return (
    <div class="editor__fields">
      <p class="panel__intro">{strings.hint}</p>
      {journey.personas.length > 1 ? (
        <div class="field">
          <label for="emotions-persona" class="field__label">
            {strings.persona}
          </label>
          <select id="emotions-persona" class="field__input" value={persona.id} onChange={(event) => setChosenPersona(event.currentTarget.value as PersonaId)}>
            {journey.personas.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.hidden ? strings.hiddenPersona(personaName(candidate)) : personaName(candidate)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p class="emotions-persona">
          {persona.avatar ? `${persona.avatar} ` : ''}
          {personaName(persona)}
        </p>
      )}
      <EmotionSparkline places={places} names={places.map((place) => formatPlaceName(journey, place))} emotions={own} strings={strings} />
      <label class="emotions-check">
        <input type="checkbox" checked={!persona.hidden} onChange={(event) => handleShowLines(event.currentTarget.checked)} />
        {strings.showLines}
      </label>
      <label class="emotions-check">
        <input type="checkbox" checked={hasToBe} onChange={(event) => handleToBe(event.currentTarget.checked)} />
        {strings.addToBe}
      </label>
      {journey.stages.map((stage) => {
        const steps = listSteps(stage);
        const editors = (place: JourneyPlace) =>
          lines.map((line) => (
            <ScoreEditor
              key={line}
              persona={persona.id}
              place={place}
              line={line}
              emotion={own.find((emotion) => isScoreOf(emotion, persona.id, place, line))}
              strings={strings}
              onScore={(score) => changeEmotions(setEmotionScore(journey.emotions, persona.id, place, line, score))}
              onNote={(note) => changeEmotions(setEmotionNote(journey.emotions, persona.id, place, line, note))}
            />
          ));
        return (
          <fieldset key={stage.id} class="emotions-stage">
            <legend class="emotions-stage__name">{stage.name.trim() || '…'}</legend>
            {steps.length === 0
              ? editors({ stage: stage.id })
              : // A stage with steps is scored step by step: the line moves at each of them.
                steps.map((step) => (
                  <fieldset key={step.id} class="emotions-stage emotions-stage--step">
                    <legend class="emotions-stage__name emotions-stage__name--step">{step.name.trim() || '…'}</legend>
                    {editors({ stage: stage.id, step: step.id })}
                  </fieldset>
                ))}
          </fieldset>
        );
      })}
    </div>
  );
}

/** One line's score at one stage: five faces as radio buttons, and the "why". */
function ScoreEditor({
  persona,
  place,
  line,
  emotion,
  strings,
  onScore,
  onNote,
}: {
  persona: PersonaId;
  place: JourneyPlace;
  line: EmotionLine;
  emotion: EmotionScore | undefined;
  strings: EmotionsStrings;
  onScore: (score: number) => void;
  onNote: (note: string) => void;
}) {
  const base = `emotions-${persona}-${placeId(place)}-${line}`;
  const labelId = `${base}-label`;
  const statusId = `${base}-status`;
  const noteId = `${base}-note`;
  const problemId = `${noteId}-problem`;
  const note = emotion?.note ?? '';
  const noteLength = [...note.trim()].length;
  const problem = noteLength > MAX_EMOTION_NOTE ? strings.noteTooLong(noteLength, MAX_EMOTION_NOTE) : undefined;
  return (
    <div class="emotions-line">
      <div role="radiogroup" aria-labelledby={labelId} aria-describedby={emotion ? undefined : statusId} class="emotions-scale">
        <span class="emotions-scale__head">
          <span id={labelId} class="emotions-scale__label">
            {line === 'as-is' ? strings.asIs : strings.toBe}
          </span>
          {!emotion && (
            <span id={statusId} class="emotions-scale__status">
              {strings.noScore}
            </span>
          )}
        </span>
        <span class="emotions-scale__options">
          {EMOTION_STEPS.map((step) => (
            <label key={step.score} class="emotions-option" title={strings.scoreLabel(step.score)}>
              <input type="radio" class="emotions-option__input" name={base} value={String(step.score)} checked={emotion?.score === step.score} onChange={() => onScore(step.score)} />
              <span class="emotions-option__face" aria-hidden="true">
                {step.face}
              </span>
              <span class="emotions-option__number">{formatScore(step.score)}</span>
              <span class="visually-hidden"> {strings.scoreLabel(step.score)}</span>
            </label>
          ))}
        </span>
      </div>
      <div class="field">
        <label for={noteId} class="field__label">
          {line === 'as-is' ? strings.why : strings.whyToBe}
        </label>
        <input
          id={noteId}
          type="text"
          class="field__input"
          value={note}
          maxLength={MAX_LONG_TEXT}
          disabled={!emotion}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onInput={(event) => onNote(event.currentTarget.value)}
        />
        {problem && (
          <span id={problemId} class="field__error">
            {problem}
          </span>
        )}
      </div>
    </div>
  );
}

// The sparkline's geometry in SVG units: one column per place (stage or step), the five steps of the scale top to bottom;
// a map of many steps gets narrower columns, so the line stays within the panel.
const SPARK_STEP_X = 40;
const SPARK_MAX_WIDTH = 320;
const SPARK_HEIGHT = 44;
const SPARK_PAD = 6;

/** The persona's as-is line (solid) and to-be line (dashed) across the places, with a text alternative that reads the scores. */
function EmotionSparkline({ places, names, emotions, strings }: { places: readonly JourneyPlace[]; names: readonly string[]; emotions: readonly EmotionScore[]; strings: EmotionsStrings }) {
  const stepX = Math.min(SPARK_STEP_X, (SPARK_MAX_WIDTH - SPARK_PAD * 2) / Math.max(1, places.length - 1));
  const width = SPARK_PAD * 2 + Math.max(1, places.length - 1) * stepX;
  const x = (index: number) => SPARK_PAD + index * stepX;
  const y = (score: number) => SPARK_PAD + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * (SPARK_HEIGHT - SPARK_PAD * 2);
  const drawn = (['as-is', 'to-be'] as const)
    .map((line) => {
      const scores = places.map((place) => emotions.find((emotion) => emotion.stage === place.stage && emotion.step === place.step && findEmotionLine(emotion) === line)?.score);
      // A stage without a score breaks the line rather than joining its neighbours across the gap.
      const path = scores
        .map((score, index) => (score === undefined ? '' : `${index > 0 && scores[index - 1] !== undefined ? 'L' : 'M'}${x(index)} ${y(score)}`))
        .join(' ')
        .trim();
      const description = strings.chartLine(
        line === 'as-is' ? strings.asIs : strings.toBe,
        names.map((name, index) => strings.chartPoint(name, scores[index] === undefined ? undefined : formatScore(scores[index]))).join(', '),
      );
      return { line, scores, path, description };
    })
    .filter((drawnLine) => drawnLine.scores.some((score) => score !== undefined));
  const label = drawn.length > 0 ? drawn.map((drawnLine) => drawnLine.description).join('; ') : strings.chartEmpty;
  return (
    <svg class="emotions-spark" role="img" aria-label={label} viewBox={`0 0 ${width} ${SPARK_HEIGHT}`} width={width} height={SPARK_HEIGHT}>
      <line class="emotions-spark__zero" x1={SPARK_PAD} x2={width - SPARK_PAD} y1={y(0)} y2={y(0)} />
      {drawn.map((drawnLine) => (
        <g key={drawnLine.line} class={`emotions-spark__line emotions-spark__line--${drawnLine.line}`}>
          <path d={drawnLine.path} />
          {drawnLine.scores.map((score, index) => (score === undefined ? null : <circle key={index} cx={x(index)} cy={y(score)} r={2.5} />))}
        </g>
      ))}
    </svg>
  );
}
