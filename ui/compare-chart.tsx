import { foldName } from '../src/model/formats/lane-names';
import type { Journey } from '../src/model/journey';

/** Colours of persona lines, one per persona in order. */
const COLOURS = ['#4262ff', '#e8590c', '#2b8a3e', '#ae3ec9', '#0c8599', '#c92a2a'];
const WIDTH = 300;
const HEIGHT = 130;
const PAD = { left: 26, right: 12, top: 8, bottom: 22 };

/**
 * Each persona's emotion line before (dashed) and now (solid) on one chart,
 * over the stages of the map now; a stage missing from the other version
 * leaves a gap in its line.
 */
export function CompareChart({ before, after, labels }: { before: Journey; after: Journey; labels: { before: string; after: string; title: string } }) {
  const stages = after.stages;
  const x = (index: number) => PAD.left + (stages.length <= 1 ? 0 : (index * (WIDTH - PAD.left - PAD.right)) / (stages.length - 1));
  const y = (score: number) => PAD.top + ((2 - score) * (HEIGHT - PAD.top - PAD.bottom)) / 4;
  const scoresOf = (journey: Journey, personaName: string) => {
    const persona = journey.personas.find((entry) => foldName(entry.name) === foldName(personaName));
    return stages.map((stage) => {
      const same = journey.stages.find((entry) => entry.id === stage.id && foldName(entry.name) === foldName(stage.name)) ?? journey.stages.find((entry) => foldName(entry.name) === foldName(stage.name));
      return persona && same ? journey.emotions.find((emotion) => emotion.persona === persona.id && emotion.stage === same.id)?.score : undefined;
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
        {stages.map((stage, index) => (
          <text key={stage.id} x={x(index)} y={HEIGHT - 6} text-anchor="middle" font-size="10" fill="currentColor">
            <title>{stage.name}</title>
            {index + 1}
          </text>
        ))}
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
