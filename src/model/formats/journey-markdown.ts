import { findEmotionStep } from '../emotion-scale';
import { isAsIs, type Journey, type Persona } from '../journey';

/**
 * The journey as Markdown for a report: the title and scope, then for each
 * persona a heading, the persona's profile, and a table of lanes × stages
 * holding the cards that speak for that persona (or for everyone) and the
 * persona's emotion at each stage with its face, score and why.
 */

const LABELS = {
  en: { goal: 'Goal', product: 'Product', scenario: 'Scenario', period: 'Period', persona: 'Persona', goals: 'Goals', needs: 'Needs', pains: 'Pains and fears', behaviour: 'Behaviour', channels: 'Channels', lane: 'Lane' },
  ru: { goal: 'Цель', product: 'Продукт', scenario: 'Сценарий', period: 'Период', persona: 'Персона', goals: 'Цели', needs: 'Потребности', pains: 'Боли и страхи', behaviour: 'Поведение', channels: 'Каналы', lane: 'Дорожка' },
  uk: { goal: 'Мета', product: 'Продукт', scenario: 'Сценарій', period: 'Період', persona: 'Персона', goals: 'Цілі', needs: 'Потреби', pains: 'Болі та страхи', behaviour: 'Поведінка', channels: 'Канали', lane: 'Доріжка' },
} as const;

/** Text safe in a Markdown table cell: pipes escaped, line breaks as <br>. */
const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
/** Text safe on one Markdown line. */
const inline = (text: string): string => text.replace(/\r?\n/g, ' ');

export function exportJourneyMarkdown(journey: Journey): string {
  const base = (journey.locale ?? 'en').split('-')[0];
  const labels = base === 'ru' || base === 'uk' ? LABELS[base] : LABELS.en;
  const out: string[] = [`# ${inline(journey.title)}`, ''];
  const scope: [string, string | undefined][] = [
    [labels.goal, journey.scope.goal],
    [labels.product, journey.scope.product],
    [labels.scenario, journey.scope.scenario],
    [labels.period, journey.scope.period],
  ];
  for (const [label, value] of scope) if (value) out.push(`- **${label}:** ${inline(value)}`);
  if (scope.some(([, value]) => value)) out.push('');

  for (const persona of journey.personas) {
    out.push(...describePersona(persona, labels), '');
    out.push(`| ${labels.lane} | ${journey.stages.map((stage) => cell(stage.name)).join(' | ')} |`);
    out.push(`| --- |${journey.stages.map(() => ' --- |').join('')}`);
    for (const lane of journey.lanes) {
      const cells = journey.stages.map((stage) => {
        const cards = journey.cards.filter((card) => card.lane === lane.id && card.stage === stage.id && (card.persona === undefined || card.persona === persona.id));
        const texts = cards.map((card) => cell(card.text));
        if (lane.kind === 'emotions') {
          const emotion = journey.emotions.find((entry) => entry.persona === persona.id && entry.stage === stage.id && isAsIs(entry));
          if (emotion) {
            const step = findEmotionStep(emotion.score);
            texts.unshift(`${step.face} ${emotion.score > 0 ? '+' : ''}${emotion.score}${emotion.note ? ` — ${cell(emotion.note)}` : ''}`);
          }
        }
        return texts.join('<br>');
      });
      out.push(`| **${cell(lane.title)}** | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

function describePersona(persona: Persona, labels: (typeof LABELS)[keyof typeof LABELS]): string[] {
  const who = [persona.role, persona.age].filter(Boolean).map((part) => inline(part ?? '')).join(', ');
  const lines = [`## ${labels.persona}: ${persona.avatar ? `${persona.avatar} ` : ''}${inline(persona.name)}${who ? ` — ${who}` : ''}`, ''];
  if (persona.quote) lines.push(`> ${inline(persona.quote)}`, '');
  const lists: [string, readonly string[]][] = [
    [labels.goals, persona.goals],
    [labels.needs, persona.needs],
    [labels.pains, persona.pains],
    [labels.behaviour, persona.behaviour],
    [labels.channels, persona.channels],
  ];
  for (const [label, items] of lists) if (items.length > 0) lines.push(`- **${label}:** ${items.map(inline).join('; ')}`);
  return lines;
}
