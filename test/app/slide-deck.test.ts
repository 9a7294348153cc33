import { describe, expect, it } from 'vitest';
import { parseMapRequest } from '../../src/app/map-messages';
import { planSlideDeck, readPngSize, SLIDE_GAP, type FoundSlide, type SlideImage } from '../../src/app/slide-deck';
import { findKeysOfPersona } from '../../src/layout/scene-keys';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { renderJourneySlides } from '../../src/render/render-slides';
import { createPngFile } from '../png-file';

const png = createPngFile(4, 3);
const slide = (view: string, width = 400, height = 300): SlideImage => ({ view, title: view, png, width, height });
const found = (view: string, x: number, y: number, foreign = false): FoundSlide => ({ view, containerId: `c-${view}-${x}`, x, y, width: 400, height: 300, imageIds: [`i-${view}`], foreign });
const MAP = { x: 100, y: 50, width: 2000, height: 1000 };

describe('planSlideDeck', () => {
  it('lays a new deck out in a row under the map, in reading order', () => {
    const steps = planSlideDeck([], [slide('map', 800), slide('stage:a'), slide('stage:b')], MAP);
    expect(steps).toEqual([
      { op: 'make', slide: slide('map', 800), x: 100, y: 50 + 1000 + SLIDE_GAP },
      { op: 'make', slide: slide('stage:a'), x: 100 + 800 + SLIDE_GAP, y: 50 + 1000 + SLIDE_GAP },
      { op: 'make', slide: slide('stage:b'), x: 100 + 800 + 400 + 2 * SLIDE_GAP, y: 50 + 1000 + SLIDE_GAP },
    ]);
  });

  it('draws a slide holding only its picture afresh where the deck lies, renews one holding notes, and removes only bare slides of views gone', () => {
    const deck = [found('map', 5000, 9000), found('stage:a', 5600, 9000, true), found('stage:gone', 6200, 9000), found('stage:gone-noted', 6800, 9000, true)];
    const steps = planSlideDeck(deck, [slide('map'), slide('stage:a', 500), slide('stage:new')], MAP);
    expect(steps.map((step) => `${step.op} ${step.op === 'remove' ? `${step.found.view}${step.replaced ? ' (replaced)' : ''}` : step.slide.view}`)).toEqual([
      'remove stage:gone',
      'remove map (replaced)',
      'make map',
      'renew stage:a',
      'make stage:new',
    ]);
    const made = steps.filter((step) => step.op === 'make');
    expect(made.map((step) => [step.x, step.y])).toEqual([
      [5000, 9000],
      // Past the renewed slide at its new width, and past the noted slide of a view gone, which stays.
      [6800 + 400 + SLIDE_GAP, 9000],
    ]);
  });

  it('starts the row under the map when the deck, where it lies, would run over the map (the map grew)', () => {
    const deck = [found('map', 100, 1450), found('stage:a', 900, 1450)];
    const grown = { ...MAP, height: 3000 };
    const steps = planSlideDeck(deck, [slide('map'), slide('stage:a')], grown);
    expect(steps.filter((step) => step.op === 'make').map((step) => step.op === 'make' && [step.x, step.y])).toEqual([
      [100, 50 + 3000 + SLIDE_GAP],
      [100 + 400 + SLIDE_GAP, 50 + 3000 + SLIDE_GAP],
    ]);
    // A deck a person moved beside the map stays there.
    const beside = [found('map', 2500, 0), found('stage:a', 3100, 0)];
    expect(planSlideDeck(beside, [slide('map'), slide('stage:a')], MAP).filter((step) => step.op === 'make').map((step) => step.op === 'make' && [step.x, step.y])).toEqual([
      [2500, 0],
      [2500 + 400 + SLIDE_GAP, 0],
    ]);
  });

  it('never draws a slide over one that holds notes: a new view, or a wider slide, goes past it', () => {
    const deck = [found('map', 100, 2000), found('stage:a', 900, 2000), found('stage:b', 1700, 2000, true), found('stage:gone', 2500, 2000, true)];
    const steps = planSlideDeck(deck, [slide('map'), slide('stage:a', 900), slide('stage:new'), slide('stage:b')], MAP);
    const boxes = steps.flatMap((step) => (step.op === 'make' ? [{ x: step.x, y: step.y, width: step.slide.width, height: step.slide.height }] : []));
    const kept = deck.filter((slide) => slide.foreign);
    for (const box of boxes) for (const other of kept) expect(box.x + box.width <= other.x || other.x + other.width <= box.x, `${box.x} over ${other.view}`).toBe(true);
    for (const [index, box] of boxes.entries()) for (const other of boxes.slice(index + 1)) expect(box.x + box.width <= other.x || other.x + other.width <= box.x).toBe(true);
  });

  it('leaves a person\u2019s copy of a slide with notes alone, and removes a bare copy', () => {
    const steps = planSlideDeck([found('map', 0, 0), found('map', 900, 0, true), found('map', 1800, 0)], [slide('map')], MAP);
    expect(steps.filter((step) => step.op === 'remove').map((step) => step.op === 'remove' && step.found.x)).toEqual([1800, 0]);
  });
});

describe('readPngSize', () => {
  it('reads a PNG header and refuses anything else', () => {
    expect(readPngSize(createPngFile(37, 11))).toEqual({ width: 37, height: 11 });
    expect(readPngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(readPngSize(png.subarray(0, 20))).toBeUndefined();
  });
});

describe('renderJourneySlides', () => {
  const journey = createOnlineStoreJourney();
  const slides = renderJourneySlides(journey);

  it('draws a picture per view, numbered in reading order, each the size of its view', () => {
    expect(slides.map((picture) => picture.title)).toEqual([
      `1. ${journey.title}`,
      ...journey.stages.map((stage, index) => `${index + 2}. ${stage.name} · ${journey.title}`),
      ...journey.personas.filter((persona) => !persona.hidden).map((persona, index) => `${journey.stages.length + index + 2}. ${persona.name} · ${journey.title}`),
    ]);
    for (const picture of slides) {
      expect(picture.svg).toMatch(new RegExp(`^<svg [^>]*width="${picture.width}" height="${picture.height}"`));
    }
    // A stage is narrower than the map.
    expect(slides[1]!.width).toBeLessThan(slides[0]!.width);
  });

  it('shows a stage with the lane names beside it, and nothing of the other stages, not even in the file', () => {
    const [first, second, third] = journey.stages;
    const search = slides.find((picture) => picture.view === `stage:${second!.id}`)!;
    for (const lane of journey.lanes) expect(search.svg).toContain(`>${lane.title.split(' ')[0]}`);
    expect(search.svg).toContain(second!.name.replace('&', '&#38;'));
    expect(search.svg).not.toContain(first!.name);
    expect(search.svg).not.toContain(third!.name);
    // As wide as the lane names and the stage's column.
    expect(search.width).toBeLessThan(slides[0]!.width / 3);
    const cards = journey.cards.filter((card) => card.stage === second!.id && !card.text.includes('&') && !/["“”]/.test(card.text));
    expect(cards.length).toBeGreaterThan(3);
    for (const card of cards) expect(search.svg).toContain(card.text.split(' ')[0]!);
  });

  it('fades the other personas in a persona\u2019s slide, and nothing in the others', () => {
    const [first] = journey.personas;
    const second = { ...first!, id: 'persona-second' as NonNullable<typeof first>['id'], name: 'Second buyer' };
    const two = { ...journey, personas: [first!, second], emotions: [...journey.emotions, ...journey.emotions.filter((emotion) => emotion.persona === first!.id).map((emotion) => ({ ...emotion, persona: second.id, score: -emotion.score }))] };
    const deck = renderJourneySlides(two);
    const fadedIn = (view: string) => (deck.find((picture) => picture.view === view)?.svg.match(/<g opacity="0\.22">/g) ?? []).length;
    // The other persona's line, its points and its legend entry (its notes, where it has them) are faded.
    const otherDrawn = findKeysOfPersona(two, second.id).length;
    expect(otherDrawn).toBeGreaterThan(2);
    expect(fadedIn(`persona:${first!.id}`)).toBeGreaterThan(2);
    expect(fadedIn(`persona:${second.id}`)).toBeGreaterThan(2);
    expect(fadedIn('map')).toBe(0);
    expect(fadedIn(`stage:${two.stages[0]!.id}`)).toBe(0);
  });

  it('names the matrix slide in the map\u2019s language', () => {
    const ru = renderJourneySlides({ ...journey, locale: 'ru', matrix: true });
    expect(ru.at(-1)).toMatchObject({ view: 'matrix' });
    expect(ru.at(-1)?.title).toMatch(/^\d+\. Эффект × затраты · /);
  });
});

describe('the place-slides request', () => {
  it('takes PNG pictures only, and at most a deck\u2019s worth', () => {
    const ok = parseMapRequest({ type: 'place-slides', mapId: 'map-1', slides: [slide('map'), slide('stage:a')] });
    expect(ok.ok).toBe(true);
    const svg = parseMapRequest({ type: 'place-slides', mapId: 'map-1', slides: [{ ...slide('map'), png: new TextEncoder().encode('<svg/>') }] });
    expect(svg.ok).toBe(false);
    const many = parseMapRequest({ type: 'place-slides', mapId: 'map-1', slides: Array.from({ length: 201 }, (_, index) => slide(`stage:${index}`)) });
    expect(many.ok).toBe(false);
    expect(parseMapRequest({ type: 'place-slides', mapId: 'map-1', slides: [{ view: 'map', title: 'Map', width: 50, height: 300, png }] }).ok).toBe(false);
    // One slide per view, and pictures FigJam takes.
    expect(parseMapRequest({ type: 'place-slides', mapId: 'map-1', slides: [slide('map'), slide('map')] }).ok).toBe(false);
    expect(parseMapRequest({ type: 'place-slides', mapId: 'map-1', slides: [{ ...slide('map'), png: createPngFile(4097, 10) }] }).ok).toBe(false);
  });
});
