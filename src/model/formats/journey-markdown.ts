import { findEmotionStep } from '../emotion-scale';
import { isAsIs, type Journey, type Persona } from '../journey';

/**
 * The journey as Markdown for a report: the title and scope, then for each
 * persona a heading, the persona's profile, and a table of lanes × stages
 * holding the cards that speak for that persona (or for everyone) and the
 * persona's emotion at each stage with its face, score and why.
 *
 * Whatever the journey's texts hold, the output is inert and keeps its
 * shape: HTML is escaped, Markdown syntax is escaped, and no line break
 * inside a text ends a line of the table.
 */

const LABELS = {
  en: { goal: 'Goal', product: 'Product', scenario: 'Scenario', period: 'Period', persona: 'Persona', goals: 'Goals', needs: 'Needs', pains: 'Pains and fears', behaviour: 'Behaviour', channels: 'Channels', lane: 'Lane', toBe: 'to-be' },
  ru: { goal: 'Цель', product: 'Продукт', scenario: 'Сценарий', period: 'Период', persona: 'Персона', goals: 'Цели', needs: 'Потребности', pains: 'Боли и страхи', behaviour: 'Поведение', channels: 'Каналы', lane: 'Дорожка', toBe: 'целевой опыт' },
  uk: { goal: 'Мета', product: 'Продукт', scenario: 'Сценарій', period: 'Період', persona: 'Персона', goals: 'Цілі', needs: 'Потреби', pains: 'Болі та страхи', behaviour: 'Поведінка', channels: 'Канали', lane: 'Доріжка', toBe: 'цільовий досвід' },
} as const;

/**
 * Every way text breaks a line: CR LF, a lone CR or LF (CommonMark's line
 * endings), NEL, and U+2028 / U+2029, which editors, wikis and JavaScript
 * renderers also treat as line ends. Each would end a table row early.
 */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/**
 * Text that Markdown shows as it is and never runs or reinterprets: `<`
 * and `>` as entities (so `<script>` and `<img onerror>` are words, in
 * every renderer, HTML-allowing ones included), `&` as an entity only
 * where it would start one (`&lt;` stays those four characters), and
 * CommonMark's backslash escape before the characters that make links,
 * code, emphasis and table cells (`[`, `]`, `` ` ``, `*`, `_`, `~`, `|`, `\`).
 */
const escapeText = (text: string): string =>
  text
    .replace(/[\\`*_[\]~|]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
/** Text safe in a Markdown table cell: escaped, each line break a <br>, so a row stays one line. */
const cell = (text: string): string => escapeText(text).replace(LINE_BREAKS, '<br>');
/** Text safe on one Markdown line: escaped, line breaks as spaces. */
const inline = (text: string): string => escapeText(text).replace(LINE_BREAKS, ' ');

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
          // Today's score first, then the to-be one, named so.
          const scores = journey.emotions.filter((entry) => entry.persona === persona.id && entry.stage === stage.id).sort((a, b) => Number(!isAsIs(a)) - Number(!isAsIs(b)));
          texts.unshift(
            ...scores.map((emotion) => {
              const step = findEmotionStep(emotion.score);
              return `${isAsIs(emotion) ? '' : `${labels.toBe}: `}${step.face} ${emotion.score > 0 ? '+' : ''}${emotion.score}${emotion.note ? ` — ${cell(emotion.note)}` : ''}`;
            }),
          );
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
  const lines = [`## ${labels.persona}: ${persona.avatar ? `${inline(persona.avatar)} ` : ''}${inline(persona.name)}${who ? ` — ${who}` : ''}`, ''];
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
