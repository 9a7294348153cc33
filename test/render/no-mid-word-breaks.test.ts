import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS, MIRO_METRICS, SVG_METRICS, type HostMetrics } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import { measureTextApproximately } from '../../src/layout/measure-text';
import type { Scene } from '../../src/layout/scene';
import type { JourneyTemplate } from '../../src/model/templates/template-catalog';
import { createTemplates as createEnglishTemplates } from '../../src/model/templates/templates-en';
import { createTemplates as createRussianTemplates } from '../../src/model/templates/templates-ru';
import { createTemplates as createUkrainianTemplates } from '../../src/model/templates/templates-uk';
import { createPatternHyphenator } from '../../src/render/create-pattern-hyphenator';
import { createPictureTextMeasurer, renderJourneySvg, renderSceneSvg } from '../../src/render/render-scene-svg';
import { FakeMiroBoard } from '../../src/simulator/fake-miro-board';
import { connectMiroPanel } from '../../ui/miro-map-service';
import { fitBoardText, wrapBoardText } from '../../ui/playground/wrap-board-text';

const LANGUAGES: [string, () => JourneyTemplate[]][] = [
  ['en', createEnglishTemplates],
  ['ru', createRussianTemplates],
  ['uk', createUkrainianTemplates],
];
const TEMPLATES = LANGUAGES.flatMap(([language, create]) => create().map((template) => [`${language} ${template.id}`, template] as const));
const HOSTS: [string, HostMetrics][] = [
  ['svg', SVG_METRICS],
  ['figjam', FIGJAM_METRICS],
  ['miro', MIRO_METRICS],
];

/** Every text of a scene, white space collapsed: where a line's pieces came from. */
function readSceneText(scene: Scene): string {
  return scene.nodes
    .flatMap((node) => ('heading' in node && node.heading ? [node.heading] : []).concat('text' in node && typeof node.text === 'string' ? [node.text] : []))
    .join('\n')
    .replace(/[ \t]+/g, ' ');
}

/** The lines of each <text> element of an SVG picture, entities decoded. */
function readSvgLines(svg: string): string[][] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((text) =>
    [...(text[1] ?? '').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((span) => (span[1] ?? '').replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))),
  );
}

const trailingLetters = (text: string): string => /[\p{L}\p{M}]+$/u.exec(text)?.[0] ?? '';
const leadingLetters = (text: string): string => /^[\p{L}\p{M}]+/u.exec(text)?.[0] ?? '';

/**
 * The places where consecutive lines split a word without a hyphen: the
 * first ends in a letter, the next starts with one, and the source text
 * has the two joined with no space between.
 */
function findMidWordBreaks(lines: readonly string[], source: string): string[] {
  const breaks: string[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const before = (lines[index - 1] ?? '').trimEnd();
    const after = (lines[index] ?? '').trimStart();
    if (!/\p{L}$/u.test(before) || !/^\p{L}/u.test(after)) continue;
    const end = trailingLetters(before);
    const start = leadingLetters(after);
    if (source.includes(end + start) && !source.includes(`${end} ${start}`)) breaks.push(`${end}|${start}`);
  }
  return breaks;
}

/** Lines ending in a hyphen the source does not have there: the word must continue on the next line. */
function findFalseHyphens(lines: readonly string[], source: string): string[] {
  const wrong: string[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const before = (lines[index - 1] ?? '').trimEnd();
    if (!/\p{L}-$/u.test(before)) continue;
    const end = trailingLetters(before.slice(0, -1));
    const start = leadingLetters((lines[index] ?? '').trimStart());
    if (!source.includes(end + start) && !source.includes(`${end}-${start}`)) wrong.push(`${end}-|${start}`);
  }
  return wrong;
}

describe('no word is broken mid-word without a hyphen', () => {
  it.each(TEMPLATES)('%s: the SVG export without patterns (FigJam main thread) keeps words whole', (_, template) => {
    const svg = renderJourneySvg(template.journey);
    const source = readSceneText(layoutJourney(template.journey, { metrics: SVG_METRICS, measureText: createPictureTextMeasurer() }));
    expect(readSvgLines(svg).flatMap((lines) => findMidWordBreaks(lines, source))).toEqual([]);
  });

  it.each(TEMPLATES)('%s: pictures hyphenated by the journey\'s language (CLI), for every host', (_, template) => {
    const hyphenate = createPatternHyphenator(template.journey.locale);
    for (const [host, metrics] of HOSTS) {
      const scene = layoutJourney(template.journey, { metrics, measureText: createPictureTextMeasurer(hyphenate) });
      const source = readSceneText(scene);
      const lines = readSvgLines(renderSceneSvg(scene, { metrics, hyphenate }));
      expect(lines.flatMap((text) => findMidWordBreaks(text, source)), host).toEqual([]);
      expect(lines.flatMap((text) => findFalseHyphens(text, source)), host).toEqual([]);
    }
  });

  it.each(TEMPLATES)('%s: the playground board wraps every sticky and text whole or hyphenated', (_, template) => {
    for (const [host, metrics] of HOSTS) {
      const scene = layoutJourney(template.journey, { metrics });
      const source = readSceneText(scene);
      for (const node of scene.nodes) {
        if (node.type !== 'sticky' && node.type !== 'text' && node.type !== 'shape') continue;
        const inner = node.type === 'sticky' ? node.width - 2 * metrics.stickyPadding : node.type === 'shape' ? node.width - 56 : node.width;
        const text = node.type === 'shape' && node.heading ? `${node.heading}\n${node.text}` : node.text;
        const lines =
          node.type === 'sticky' && host === 'miro'
            ? fitBoardText(text, inner, node.height - 2 * metrics.stickyPadding, 0).lines
            : wrapBoardText(text, node.type === 'sticky' ? metrics.stickyFontSize : node.fontSize, inner, 0);
        const texts = lines.map((line) => line.text);
        expect(findMidWordBreaks(texts, source), `${host} ${node.key}`).toEqual([]);
        expect(findFalseHyphens(texts, source), `${host} ${node.key}`).toEqual([]);
      }
    }
  });
});

describe('the Miro panel draws its pictures hyphenated', () => {
  it('exports and gallery previews go through the language’s patterns, as the CLI does', async () => {
    const { controller } = connectMiroPanel(new FakeMiroBoard().asBoard());
    const loyalty = createRussianTemplates().find((template) => template.id === 'loyalty');
    if (!loyalty) throw new Error('the Russian templates have the loyalty programme');
    const expected = renderJourneySvg(loyalty.journey, { hyphenate: createPatternHyphenator(loyalty.journey.locale) });
    expect(expected).not.toBe(renderJourneySvg(loyalty.journey));
    expect(await controller.renderSvgAsync(loyalty.journey)).toBe(expected);
    expect(await controller.renderSvgAsync(loyalty.journey, 320)).toBe(renderJourneySvg(loyalty.journey, { maxWidth: 320, hyphenate: createPatternHyphenator(loyalty.journey.locale) }));
  });
});

describe('the check itself', () => {
  it('finds a word split without a hyphen, and none where one is drawn', () => {
    expect(findMidWordBreaks(['Регистрируетс', 'я в приложении'], 'Регистрируется в приложении')).toEqual(['Регистрируетс|я']);
    expect(findMidWordBreaks(['Регистри-', 'руется'], 'Регистрируется')).toEqual([]);
    expect(findMidWordBreaks(['Пуш-', 'уведомление'], 'Пуш-уведомление')).toEqual([]);
    expect(findFalseHyphens(['Регистри-', 'руется'], 'Регистрируется')).toEqual([]);
    expect(findFalseHyphens(['Кот-', 'пёс'], 'Кот и пёс')).toEqual(['Кот-|пёс']);
  });

  it('the host measurer of FigJam does break long words: the layout must pick the wide sticky there', () => {
    const loyalty = createRussianTemplates().find((template) => template.id === 'loyalty');
    const scene = layoutJourney(loyalty!.journey, { metrics: FIGJAM_METRICS });
    const source = readSceneText(scene);
    const broken = scene.nodes.filter(
      (node) => node.type === 'sticky' && findMidWordBreaks(measureTextApproximately(node.text, FIGJAM_METRICS.stickyFontSize, node.width - 2 * FIGJAM_METRICS.stickyPadding).lines, source).length > 0,
    );
    expect(broken.length).toBeGreaterThan(0);
  });
});
