import fc from 'fast-check';
// marked comes with mermaid (a dev dependency): a CommonMark and GFM renderer that passes raw HTML through, as many wikis do.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { importJourneyCsv } from '../../../src/model/formats/journey-csv';
import { exportJourneyMarkdown } from '../../../src/model/formats/journey-markdown';
import { listSteps, type Journey } from '../../../src/model/journey';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { PROPERTY_SEED } from '../../layout/journey-arbitrary';

/** The template with `text` as its first card, its first stage's name and its persona's name. */
function createJourneyWith(text: string): Journey {
  const journey = createOnlineStoreJourney();
  journey.cards[0]!.text = text;
  journey.stages[0]!.name = text;
  journey.personas[0]!.name = text;
  journey.title = text;
  return journey;
}

const render = (markdown: string): string => marked.parse(markdown, { async: false });

/** The tables of the export, each as its lines: the header, the rule and a row per lane. */
const tablesOf = (markdown: string): string[][] =>
  markdown
    .split('\n\n')
    .map((block) => block.split('\n').filter((line) => line.startsWith('| ')))
    .filter((rows) => rows.length > 0);

/** The rows of HTML tables a journey's export renders to: on a map with steps (the template), a table per stage, each a header and a row per lane. */
const countRows = (journey: Journey): number => journey.stages.length * (1 + journey.lanes.length);

/** The visible text of rendered HTML: tags dropped, the entities a renderer writes read back. */
const visibleText = (html: string): string =>
  html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('exportJourneyMarkdown: safe to render (issue 15)', () => {
  it.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror="alert(1)">'],
    ['<a href="javascript:alert(1)">click</a>'],
    ['[click](javascript:alert(1))'],
    ['<javascript:alert(1)>'],
    ['`<b>code</b>`'],
  ])('%s is text, not HTML, wherever a card, a stage, a persona or the title says it', (text) => {
    const html = render(exportJourneyMarkdown(createJourneyWith(text)));
    expect(html).not.toMatch(/<script|<img|<a\s|<code>|<[^>]*\son\w+=|href="javascript/i);
    expect(visibleText(html)).toContain(text);
  });

  it.each([
    ['a lone CR', 'first\rsecond'],
    ['CR LF', 'first\r\nsecond'],
    ['U+2028', 'first\u2028second'],
    ['U+2029', 'first\u2029second'],
    ['NEL', 'first\u0085second'],
    ['a pipe', 'first | second'],
  ])('%s inside a card keeps the table one row a lane', (_, text) => {
    const journey = createJourneyWith(text);
    const markdown = exportJourneyMarkdown(journey);
    // The template has steps: a table per stage, its columns the stage itself or each of its steps.
    const tables = tablesOf(markdown);
    expect(tables).toHaveLength(journey.stages.length);
    tables.forEach((rows, index) => {
      expect(rows).toHaveLength(2 + journey.lanes.length);
      const columns = Math.max(1, listSteps(journey.stages[index]!).length);
      for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(columns + 3);
    });
    expect(markdown).not.toMatch(/[\r\u0085\u2028\u2029]/);
    expect(render(markdown).match(/<tr>/g)).toHaveLength(countRows(journey));
  });

  it('keeps an ampersand as it is unless it would start an entity', () => {
    const markdown = exportJourneyMarkdown(createJourneyWith('Search & compare &lt;b&gt; &#60; &amp;'));
    expect(markdown).toContain('Search & compare &amp;lt;b&amp;gt; &amp;#60; &amp;amp;');
    expect(visibleText(render(markdown))).toContain('Search & compare &lt;b&gt; &#60; &amp;');
  });

  it('shows any text as it is, one table row a lane (fast-check)', () => {
    const piece = fc.constantFrom('<', '>', '&', '&lt;', '|', '\\', '`', '*', '_', '[', ']', '(', ')', '~', '#', '\r', '\n', '\u2028', 'x', ' ', '<b>', '<script>');
    const text = fc.array(piece, { minLength: 1, maxLength: 20 }).map((parts) => `a${parts.join('')}z`);
    fc.assert(
      fc.property(text, (value) => {
        const journey = createOnlineStoreJourney();
        journey.cards[0]!.text = value;
        const html = render(exportJourneyMarkdown(journey));
        // h3: the heading over each stage's table on a map with steps.
        expect(html).not.toMatch(/<(?!\/?(?:h1|h2|h3|p|ul|li|strong|table|thead|tbody|tr|th|td|br|blockquote)\b)[a-z]/i);
        expect(html.match(/<tr>/g)).toHaveLength(countRows(journey));
        // The card's words, its line breaks as <br> in the cell.
        expect(visibleText(html)).toContain(value.replace(/\r\n|[\r\n\u2028]/g, '\n').trim());
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });
});

describe('exportJourneyMarkdown: both emotion lines', () => {
  it('shows the to-be score under today’s, named in the journey’s language', async () => {
    const { createTemplates } = await import('../../../src/model/templates/templates-ru');
    const journey = createTemplates().find((template) => template.id === 'service-blueprint')!.journey;
    const markdown = exportJourneyMarkdown(journey);
    expect(markdown).toContain('🙂 +1 — Записался за две минуты<br>целевой опыт: 😄 +2 — Время в одно касание');
  });
});

describe('exportJourneyMarkdown of a map with steps', () => {
  it('writes a table per stage under its heading, its columns the steps with their touchpoint and channel', () => {
    const imported = importJourneyCsv(
      [
        'Stage,Step,Lane,Text,Persona,Emotion,Touchpoint,Channel',
        'Choose,,Actions,Compares kettles,,,,',
        'Order & pay,Cart,Actions,Adds the kettle,,,Product page,Website',
        'Order & pay,Form,Pains,Address twice,,,Order form,',
        'Choose,,Emotions,,Anna,1,,',
        'Order & pay,Cart,Emotions,,Anna,2,,',
        'Order & pay,Form,Emotions,,Anna,-2,,',
      ].join('\n'),
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const markdown = exportJourneyMarkdown(imported.value);
    expect(markdown).toContain('### Choose\n\n| Lane | Choose |\n| --- | --- |\n| **Actions** | Compares kettles |\n| **Pains** |  |\n| **Emotions** | 🙂 +1 |\n');
    expect(markdown).toContain('### Order & pay\n\n| Lane | Cart<br>Product page · Website | Form<br>Order form |\n| --- | --- | --- |\n| **Actions** | Adds the kettle |  |\n| **Pains** |  | Address twice |\n| **Emotions** | 😄 +2 | 😫 -2 |\n');
    expect(render(markdown).match(/<table>/g)).toHaveLength(2);
  });
});
