import { foldName } from '../src/model/formats/lane-names';
import { findEmotionLine, listSteps, type Journey, type Stage, type Step } from '../src/model/journey';

/** Colours of persona lines, one per persona in order. */
const COLOURS = ['#4262ff', '#e8590c', '#2b8a3e', '#ae3ec9', '#0c8599', '#c92a2a'];
const WIDTH = 300;
const HEIGHT = 130;
const PAD = { left: 26, right: 12, top: 8, bottom: 22 };

/**
 * Each persona's emotion line before (dashed) and now (solid) on one chart,
 * over the columns of the map now: each stage, or each step of a stage with
 * steps. A stage missing from the other version leaves a gap in its line; a
 * stage that was one column there and has steps now (or the other way
 * round) shows that version's one score over all its steps (its lowest step
 * score over the stage), so a split or merge reads as it felt then.
 */
export function CompareChart({ before, after, labels }: { before: Journey; after: Journey; labels: { before: string; after: string; title: string } }) {
  const stages = after.stages;
  const columns = stages.flatMap((stage, stageIndex): { stage: Stage; stageIndex: number; step: Step | undefined }[] => {
    const steps = listSteps(stage);
    return steps.length === 0 ? [{ stage, stageIndex, step: undefined }] : steps.map((step) => ({ stage, stageIndex, step }));
  });
  const x = (index: number) => PAD.left + (columns.length <= 1 ? 0 : (index * (WIDTH - PAD.left - PAD.right)) / (columns.length - 1));
  const y = (score: number) => PAD.top + ((2 - score) * (HEIGHT - PAD.top - PAD.bottom)) / 4;
  const scoresOf = (journey: Journey, personaName: string) => {
    const persona = journey.personas.find((entry) => foldName(entry.name) === foldName(personaName));
    return columns.map(({ stage, step }) => {
      const same = journey.stages.find((entry) => entry.id === stage.id && foldName(entry.name) === foldName(stage.name)) ?? journey.stages.find((entry) => foldName(entry.name) === foldName(stage.name));
      if (!persona || !same) return undefined;
      // The as-is line: the to-be line is a design, not a feeling to compare.
      const scores = journey.emotions.filter((emotion) => emotion.persona === persona.id && emotion.stage === same.id && findEmotionLine(emotion) === 'as-is');
      const sameSteps = listSteps(same);
      if (sameSteps.length === 0 || !step) return scores.reduce<number | undefined>((low, emotion) => (low === undefined ? emotion.score : Math.min(low, emotion.score)), undefined);
      const sameStep = sameSteps.find((entry) => entry.id === step.id) ?? sameSteps.find((entry) => foldName(entry.name) === foldName(step.name));
      return sameStep ? scores.find((emotion) => emotion.step === sameStep.id)?.score : undefined;
    });
  };
  const path = (scores: (number | undefined)[]) => {
    let d = '';
    let drawing = false;
    scores.forEach((score, index) => {
      if (score === undefined) {
        drawing = false;
        return;
      }
      d += `${drawing ? 'L' : 'M'}${x(index).toFixed(1)} ${y(score).toFixed(1)} `;
      drawing = true;
    });
    return d.trim();
  };
  return (
    <figure class="panel__chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={labels.title}>
        {[-2, -1, 0, 1, 2].map((score) => (
          <g key={score}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(score)} y2={y(score)} stroke="currentColor" stroke-opacity={score === 0 ? 0.35 : 0.12} />
            <text x={PAD.left - 6} y={y(score) + 4} text-anchor="end" font-size="10" fill="currentColor">
              {score > 0 ? `+${score}` : score}
            </text>
          </g>
        ))}
        {after.personas.map((persona, index) => {
          const colour = COLOURS[index % COLOURS.length];
          return (
            <g key={persona.id} data-persona={persona.name}>
              <path d={path(scoresOf(before, persona.name))} fill="none" stroke={colour} stroke-width="2" stroke-dasharray="5 4" class="chart__before" />
              <path d={path(scoresOf(after, persona.name))} fill="none" stroke={colour} stroke-width="2.5" class="chart__after" />
            </g>
          );
        })}
        {stages.map((stage, index) => {
          // A stage's number sits under the middle of its columns; a tick marks each of its steps.
          const own = columns.map((column, columnIndex) => ({ column, columnIndex })).filter(({ column }) => column.stageIndex === index);
          const middle = own.length === 0 ? 0 : (x(own[0]!.columnIndex) + x(own[own.length - 1]!.columnIndex)) / 2;
          return (
            <g key={stage.id}>
              {own.length > 1 && own.map(({ column, columnIndex }) => <line key={column.step?.id} x1={x(columnIndex)} x2={x(columnIndex)} y1={HEIGHT - PAD.bottom + 2} y2={HEIGHT - PAD.bottom + 6} stroke="currentColor" stroke-opacity={0.5} />)}
              <text x={middle} y={HEIGHT - 6} text-anchor="middle" font-size="10" fill="currentColor">
                <title>{[stage.name, ...listSteps(stage).map((step) => step.name)].join(' › ')}</title>
                {index + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="chart__key chart__key--before">{labels.before}</span> <span class="chart__key">{labels.after}</span>
        {after.personas.length > 1 && ` · ${after.personas.map((persona) => persona.name).join(', ')}`}
        <br />
        {stages.map((stage, index) => `${index + 1} ${stage.name}`).join(' · ')}
      </figcaption>
    </figure>
  );
}
