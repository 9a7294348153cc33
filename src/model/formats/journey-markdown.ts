import { findEmotionStep } from '../emotion-scale';
import { findJourneyLanguage, hasSteps, isAsIs, listSteps, type Journey, type JourneyPlace, type Persona } from '../journey';

/**
 * The journey as Markdown for a report: the title and scope, then for each
 * persona a heading, the persona's profile, and a table of lanes × stages
 * holding the cards that speak for that persona (or for everyone) and the
 * persona's emotion at each stage with its face, score and why. When stages
 * have steps, each stage gets a table of its own under a heading, its
 * columns the steps (with their touchpoint and channel), so a wiki page
 * stays readable however many steps the map has.
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
export const formatMarkdownCell = (text: string): string => escapeText(text).replace(LINE_BREAKS, '<br>');
const cell = formatMarkdownCell;
/** Text safe on one Markdown line: escaped, line breaks as spaces. */
const inline = (text: string): string => escapeText(text).replace(LINE_BREAKS, ' ');

export function exportJourneyMarkdown(journey: Journey): string {
  const labels = LABELS[findJourneyLanguage(journey.locale)];
  const out: string[] = [`# ${inline(journey.title)}`, ''];
  const scope: [string, string | undefined][] = [
    [labels.goal, journey.scope.goal],
    [labels.product, journey.scope.product],
    [labels.scenario, journey.scope.scenario],
    [labels.period, journey.scope.period],
  ];
  for (const [label, value] of scope) if (value) out.push(`- **${label}:** ${inline(value)}`);
  if (scope.some(([, value]) => value)) out.push('');

  const stepped = hasSteps(journey);
  for (const persona of journey.personas) {
    out.push(...describePersona(persona, labels), '');
    if (!stepped) {
      out.push(...describeTable(journey, persona, labels, journey.stages.map((stage) => ({ heading: cell(stage.name), place: { stage: stage.id } }))), '');
      continue;
    }
    for (const stage of journey.stages) {
      const steps = listSteps(stage);
      const columns = steps.length === 0 ? [{ heading: cell(stage.name), place: { stage: stage.id } }] : steps.map((step) => ({ heading: [step.name, [step.touchpoint, step.channel].filter(Boolean).join(' · ')].filter(Boolean).map(cell).join('<br>'), place: { stage: stage.id, step: step.id } }));
      out.push(`### ${inline(stage.name)}`, '', ...describeTable(journey, persona, labels, columns), '');
    }
  }
  return out.join('\n');
}

/** A table of lanes × columns (places): the cards of the persona (or of everyone) and the persona's scores at each. */
function describeTable(journey: Journey, persona: Persona, labels: (typeof LABELS)[keyof typeof LABELS], columns: readonly { heading: string; place: JourneyPlace }[]): string[] {
  const out = [`| ${labels.lane} | ${columns.map((column) => column.heading).join(' | ')} |`, `| --- |${columns.map(() => ' --- |').join('')}`];
  const at = (entry: { stage: string; step?: string }, place: JourneyPlace) => entry.stage === place.stage && entry.step === place.step;
  for (const lane of journey.lanes) {
    const cells = columns.map(({ place }) => {
      const cards = journey.cards.filter((card) => card.lane === lane.id && at(card, place) && (card.persona === undefined || card.persona === persona.id));
      const texts = cards.map((card) => cell(card.text));
      if (lane.kind === 'emotions') {
        // Today's score first, then the to-be one, named so.
        const scores = journey.emotions.filter((entry) => entry.persona === persona.id && at(entry, place)).sort((a, b) => Number(!isAsIs(a)) - Number(!isAsIs(b)));
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
  return out;
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
