import { describe, expect, it } from 'vitest';
import {
  FIGJAM_METRICS,
  FIGJAM_WIDE_STICKY_WIDTH,
  findWordWiderThan,
  measureMiroStickyFontSize,
  MIRO_METRICS,
  MIRO_MIN_READABLE_FONT_SIZE,
  MIRO_STICKY_MAX_FONT_SIZE,
  SVG_METRICS,
} from '../../src/layout/host-metrics';
import { measureTextApproximately } from '../../src/layout/measure-text';
import { createTemplates } from '../../src/model/templates/templates-ru';

// Two sticky slots and the gap between them: the room a cell gives one sticky.
const figjamRoom = 2 * FIGJAM_METRICS.stickyWidth + 24;
const miroRoom = 2 * MIRO_METRICS.stickyWidth + 24;

describe('findWordWiderThan', () => {
  it('names the first word wider than the line, and nothing when all fit', () => {
    expect(findWordWiderThan('Клиент проходит видеоидентификацию', 24, 192, measureTextApproximately)).toBe('видеоидентификацию');
    expect(findWordWiderThan('Клиент получает бонус', 24, 192, measureTextApproximately)).toBeUndefined();
    // A line breaks after a hyphen as after a space: each part must fit.
    expect(findWordWiderThan('Клиент получает пуш-уведомление', 24, 192, measureTextApproximately)).toBeUndefined();
  });
});

describe('FigJam fitSticky', () => {
  it('keeps the square sticky for text whose words fit it', () => {
    expect(FIGJAM_METRICS.fitSticky('Клиент получает бонус', measureTextApproximately, figjamRoom)).toEqual({ width: 240, height: 240, fontSize: 24, wordsWhole: true });
  });

  it('picks the wide sticky when a word would be broken in the square one', () => {
    const fit = FIGJAM_METRICS.fitSticky('Проходит видеоидентификацию', measureTextApproximately, figjamRoom);
    expect(fit).toMatchObject({ width: FIGJAM_WIDE_STICKY_WIDTH, fontSize: 24, wordsWhole: true });
    expect(SVG_METRICS.fitSticky('Проходит видеоидентификацию', measureTextApproximately, figjamRoom).width).toBe(FIGJAM_WIDE_STICKY_WIDTH);
  });

  it('says so when not even the wide sticky keeps a word whole, or there is no room for it', () => {
    expect(FIGJAM_METRICS.fitSticky('Ааааааааааааааааааааааааааааааааааааа', measureTextApproximately, figjamRoom).wordsWhole).toBe(false);
    expect(FIGJAM_METRICS.fitSticky('Видеоидентификация', measureTextApproximately, 300)).toMatchObject({ width: 240, wordsWhole: false });
  });

  it('keeps every card of the Russian templates whole', () => {
    for (const template of createTemplates()) {
      for (const card of template.journey.cards) expect(FIGJAM_METRICS.fitSticky(card.text, measureTextApproximately, figjamRoom).wordsWhole, card.text).toBe(true);
    }
  });
});

// Long enough that Miro would shrink it below a readable size in its square sticky.
const LONG_TEXT = 'Клиент получает приветственное письмо, затем пуш-уведомление и ещё одно напоминание о бонусах за первую покупку в магазине; бонусы сгорают через месяц, если клиент не вернётся, и об этом ему напоминают дважды';

describe('Miro fitSticky', () => {
  it('measures the font Miro shrinks to: its largest for short text, smaller for long words and long text', () => {
    expect(measureMiroStickyFontSize('Бонус', MIRO_METRICS.stickyWidth, measureTextApproximately)).toBe(MIRO_STICKY_MAX_FONT_SIZE);
    expect(measureMiroStickyFontSize('Приветственное', MIRO_METRICS.stickyWidth, measureTextApproximately)).toBeLessThan(MIRO_STICKY_MAX_FONT_SIZE);
    expect(measureMiroStickyFontSize(LONG_TEXT, MIRO_METRICS.stickyWidth, measureTextApproximately)).toBeLessThan(MIRO_MIN_READABLE_FONT_SIZE);
  });

  it('widens the sticky (keeping its aspect ratio) when the text would shrink below a readable size', () => {
    expect(MIRO_METRICS.fitSticky('Бонус', measureTextApproximately, miroRoom)).toEqual({ width: 199, height: 228, fontSize: 24, wordsWhole: true });
    const fit = MIRO_METRICS.fitSticky(LONG_TEXT, measureTextApproximately, miroRoom);
    expect(fit.width).toBe(miroRoom);
    expect(fit.height).toBe(Math.round((miroRoom * 228) / 199));
    expect(fit.fontSize).toBeGreaterThanOrEqual(MIRO_MIN_READABLE_FONT_SIZE);
    expect(fit.wordsWhole).toBe(true);
  });
});
