import { describe, expect, it } from 'vitest';
import { MIRO_METRICS, SVG_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import type { Scene } from '../../src/layout/scene';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { parseJourney } from '../../src/model/journey-schema';
import { listPlaces } from '../../src/model/journey';
import { escapeXml, formatPathData, renderJourneySvg, renderSceneSvg } from '../../src/render/render-scene-svg';

const HOSTILE_TEXT = '<script>alert(1)</script> & co';

function createHostileScene(): Scene {
  const journey = createOnlineStoreJourney();
  journey.cards[0]!.text = HOSTILE_TEXT;
  journey.stages[1]!.name = 'Search "best" <kettle>';
  journey.title = 'Tom & Jerry\'s <map>';
  return layoutJourney(journey, { metrics: SVG_METRICS });
}

/** The text content of every <tspan>, entities decoded. */
function readTextContent(svg: string): string[] {
  return [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) =>
    (match[1] ?? '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  );
}

describe('renderSceneSvg', () => {
  it('writes one SVG document with a viewBox of the scene size', () => {
    const scene = layoutJourney(createOnlineStoreJourney(), { metrics: SVG_METRICS });
    const svg = renderSceneSvg(scene);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<svg[\s>]/g)).toHaveLength(1);
    expect(svg.match(/<\/svg>/g)).toHaveLength(1);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${scene.width} ${scene.height}"`);
    expect(svg).toContain(`width="${scene.width}" height="${scene.height}"`);
  });

  it('scales the output to the requested width, keeping the aspect ratio', () => {
    const scene = layoutJourney(createOnlineStoreJourney(), { metrics: SVG_METRICS });
    const svg = renderSceneSvg(scene, { width: 1000 });
    expect(svg).toContain(`width="1000" height="${Math.round((scene.height * 1000) / scene.width)}"`);
    expect(svg).toContain(`viewBox="0 0 ${scene.width} ${scene.height}"`);
  });

  it('balances its elements', () => {
    const svg = renderSceneSvg(createHostileScene());
    for (const tag of ['text', 'tspan']) {
      expect(svg.split(`<${tag}`).length, tag).toBe(svg.split(`</${tag}>`).length);
    }
  });

  it('escapes markup and ampersands in user text', () => {
    const svg = renderSceneSvg(createHostileScene());
    // Booleans, not toContain: a failure would print the whole document.
    expect(svg.includes('<script'), '<script').toBe(false);
    expect(svg.includes('</script>'), '</script>').toBe(false);
    expect(svg.includes('& co'), '& co').toBe(false);
    expect(svg.includes('<kettle>'), '<kettle>').toBe(false);
    // The sticky may wrap the long word, so look for its pieces.
    expect(svg.includes('&#60;script&#62;'), 'escaped <script>').toBe(true);
    expect(svg.includes('&#38; co'), 'escaped &').toBe(true);
    expect(svg.includes('Tom &#38; Jerry&#39;s &#60;map&#62;'), 'escaped title').toBe(true);
    // Every & in the document starts an entity.
    expect(svg.match(/&(?!#\d+;|amp;|lt;|gt;|quot;|apos;)/g)).toBeNull();
    expect(readTextContent(svg).join('').replace(/\s+/g, '').includes(HOSTILE_TEXT.replace(/\s+/g, '')), 'text survives').toBe(true);
  });

  it('escapes the five XML special characters', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&#60;b&#62;&#38;&#34;c&#39;');
    expect(escapeXml('Заказ 😫')).toBe('Заказ 😫');
  });

  it.each([
    ['SVG', SVG_METRICS],
    ['Miro', MIRO_METRICS],
  ])('shows the text of every sticky (%s metrics)', (_, metrics) => {
    const journey = createOnlineStoreJourney();
    journey.cards[1]!.text = 'Заказ через приложение 😫 — Supercalifragilisticexpialidociousandthensomemoreletters';
    const scene = layoutJourney(journey, { metrics });
    const content = readTextContent(renderSceneSvg(scene, { metrics })).join('');
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    const squeezed = squeeze(content);
    for (const node of scene.nodes) {
      if (node.type === 'sticky') expect(squeezed.includes(squeeze(node.text)), `${node.key}: ${node.text}`).toBe(true);
    }
  });

  it('draws each emotion line with absolute M and C commands only', () => {
    const journey = createOnlineStoreJourney();
    const scene = layoutJourney(journey, { metrics: SVG_METRICS });
    const svg = renderSceneSvg(scene);
    // Emotion lines are 6 units wide; links between cards are thinner.
    const paths = [...svg.matchAll(/<path d="([^"]*)"[^>]*stroke-width="6"/g)].map((match) => match[1] ?? '');
    // One curve between each two neighbouring points: the stages, and the steps of Order & pay (nine points).
    const curves = listPlaces(journey).length - 1;
    expect(curves).toBe(8);
    expect(paths).toHaveLength(scene.nodes.filter((node) => node.type === 'emotion-line').length);
    expect(paths.length).toBeGreaterThan(0);
    for (const data of paths) {
      expect(data).toMatch(/^M /);
      const letters = data.match(/[A-Za-z]/g) ?? [];
      expect(letters.every((letter) => 'MLCZ'.includes(letter)), data).toBe(true);
      expect(letters.filter((letter) => letter === 'C')).toHaveLength(curves);
    }
  });

  it('formats path commands as absolute path data', () => {
    expect(
      formatPathData([
        { op: 'M', x: 0, y: 1.5 },
        { op: 'L', x: 10, y: -2 },
        { op: 'C', x1: 1, y1: 2, x2: 3, y2: 4, x: 5, y: 6 },
        { op: 'Z' },
      ]),
    ).toBe('M 0 1.5 L 10 -2 C 1 2 3 4 5 6 Z');
    expect(formatPathData([])).toBe('');
  });

  it('draws one circle per emotion point with its face', () => {
    const scene = layoutJourney(createOnlineStoreJourney(), { metrics: SVG_METRICS });
    const svg = renderSceneSvg(scene);
    const points = scene.nodes.filter((node) => node.type === 'emotion-point');
    // Each link between cards ends in a dot too.
    const links = scene.nodes.filter((node) => node.type === 'link');
    expect(svg.match(/<circle /g)).toHaveLength(points.length + links.length);
    for (const point of points) if (point.type === 'emotion-point') expect(svg).toContain(`>${point.face}</text>`);
  });

  it('draws each link between cards as a dashed curve from one sticky\'s edge to the other\'s', () => {
    const scene = layoutJourney(createOnlineStoreJourney(), { metrics: SVG_METRICS });
    const svg = renderSceneSvg(scene);
    const links = scene.nodes.filter((node) => node.type === 'link');
    expect(links.length).toBeGreaterThan(0);
    expect(svg.match(/stroke-dasharray="12 8"/g)).toHaveLength(links.length);
    const stickies = new Map(scene.nodes.map((node) => [node.key, node]));
    for (const link of links) {
      if (link.type !== 'link') continue;
      const [start, end] = [link.path[0], link.path.at(-1)];
      const from = stickies.get(link.from);
      const to = stickies.get(link.to);
      if (!start || start.op !== 'M' || !end || end.op !== 'C' || !from || !to) throw new Error(`${link.key} has no curve between two stickies`);
      // Each end lies on its sticky's border: a side's middle.
      const onBorder = (point: { x: number; y: number }, box: { x: number; y: number; width: number; height: number }) =>
        (Math.abs(point.x - box.x) <= 1 || Math.abs(point.x - box.x - box.width) <= 1 || Math.abs(point.y - box.y) <= 1 || Math.abs(point.y - box.y - box.height) <= 1) &&
        point.x >= box.x - 1 && point.x <= box.x + box.width + 1 && point.y >= box.y - 1 && point.y <= box.y + box.height + 1;
      expect(onBorder(start, from), link.key).toBe(true);
      expect(onBorder(end, to), link.key).toBe(true);
    }
  });
});

describe('renderSceneSvg and characters XML cannot hold', () => {
  // XML 1.0 allows none of U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
  // even as a reference: a browser would refuse the whole .svg. Text pasted
  // from office suites carries such characters.
  it('never writes them, or the journey is refused before', () => {
    const journey = createOnlineStoreJourney();
    journey.cards[0]!.text = 'Pasted\u0001text with a\u001Fcontrol character';
    const parsed = parseJourney(journey);
    if (!parsed.ok) return;
    const svg = renderSceneSvg(layoutJourney(parsed.value, { metrics: SVG_METRICS }));
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(svg)).toBe(false);
  });
});

describe('pictures show what was typed', () => {
  it('leave bidirectional controls out of the drawing, so "\u202Egnp.exe" does not read as "exe.png"; the journey keeps them', () => {
    const journey = createOnlineStoreJourney();
    const card = journey.cards[0];
    if (!card) throw new Error('the template has cards');
    card.text = 'Open \u202Egnp.exe and \u2067isolated\u2069 text';
    const svg = renderJourneySvg(journey);
    expect(svg).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(svg).toContain('gnp.exe');
    expect(card.text).toContain('\u202E');
  });
});
