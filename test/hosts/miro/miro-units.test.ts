import { describe, expect, it, vi } from 'vitest';
import { convertHtmlToText, escapeHtml, formatHeadingAsHtml, formatTextAsHtml } from '../../../src/hosts/miro/miro-html';
import { registerMiroApp, type MiroAppSdk } from '../../../src/hosts/miro/miro-index';
import { findStickyNoteColor, STICKY_COLOR_BY_HUE } from '../../../src/hosts/miro/miro-sticky-colors';
import { isRateLimitError } from '../../../src/hosts/miro/miro-errors';
import { runWithConcurrencyAsync } from '../../../src/hosts/miro/run-with-concurrency';
import { STYLE_PALETTE } from '../../../src/layout/style-palette';
import type { StickyStyle } from '../../../src/layout/scene';
import { createRateLimitError, FakeMiroBoard } from '../../../src/simulator/fake-miro-board';

describe('Miro HTML content', () => {
  it('escapes the five HTML specials and nothing else', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a> ✓`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; ✓');
  });

  it('writes one paragraph per line and a bold heading for shapes', () => {
    expect(formatTextAsHtml('one\ntwo')).toBe('<p>one</p><p>two</p>');
    expect(formatTextAsHtml('')).toBe('');
    expect(formatHeadingAsHtml('Anna <PM>', 'Goals: speed')).toBe('<p><strong>Anna &lt;PM&gt;</strong></p><p>Goals: speed</p>');
  });

  it('reads content back as the text that was written', () => {
    for (const text of ['plain', 'two\nlines', '<script>alert(1)</script>', `& "quotes" 'n' <tags>`, 'a\n\nb']) {
      expect(convertHtmlToText(formatTextAsHtml(text))).toBe(text);
    }
    expect(convertHtmlToText('<p>one<br>two</p><ul><li>three</li></ul>&#x1F600;&nbsp;&#65;')).toBe('one\ntwo\nthree\n😀 A');
  });
});

describe('Miro sticky colours', () => {
  it('maps every hue, and so every sticky style, to a StickyNoteColor the fake accepts', async () => {
    const fake = new FakeMiroBoard();
    const styles = Object.keys(STYLE_PALETTE).filter((style): style is StickyStyle => style.startsWith('sticky-'));
    expect(styles.length).toBeGreaterThan(5);
    for (const color of [...Object.values(STICKY_COLOR_BY_HUE), ...styles.map(findStickyNoteColor)]) {
      await expect(fake.createStickyNote({ style: { fillColor: color } })).resolves.toBeDefined();
    }
  });
});

describe('FakeMiroBoard enforces the documented rules', () => {
  it('rejects unknown sticky colours and width with height together', async () => {
    const fake = new FakeMiroBoard();
    await expect(fake.createStickyNote({ style: { fillColor: '#ffff00' } })).rejects.toThrow(/StickyNoteColor/);
    await expect(fake.createStickyNote({ width: 199, height: 228 })).rejects.toThrow(/either width or height/);
    const sticky = (await fake.createStickyNote({ width: 398 })) as { height: number };
    expect(sticky.height).toBeCloseTo(456);
  });

  it('caps item metadata at 256 bytes', async () => {
    const fake = new FakeMiroBoard();
    const item = (await fake.createShape({})) as { setMetadata(key: string, value: unknown): Promise<unknown> };
    await expect(item.setMetadata('cjm', 'x'.repeat(200))).resolves.toBeDefined();
    await expect(item.setMetadata('cjm', 'x'.repeat(260))).rejects.toThrow(/256/);
  });

  it('refuses dangling connectors and removes connectors with their items', async () => {
    const fake = new FakeMiroBoard();
    const a = (await fake.createShape({})) as { id: string };
    const b = (await fake.createShape({})) as { id: string };
    await expect(fake.createConnector({ start: { item: a.id } })).rejects.toThrow(/end.item is required/);
    const connector = (await fake.createConnector({ start: { item: a.id }, end: { item: b.id } })) as { id: string };
    await fake.remove(a);
    expect(fake.findRecord(connector.id)).toBeUndefined();
  });

  it('counts credits per accepted call and logs rate-limited ones', async () => {
    const fake = new FakeMiroBoard({ creditsPerCall: 50 });
    fake.failWithRateLimit(1);
    await expect(fake.get()).rejects.toThrow(/Rate limit/);
    await fake.get();
    expect(fake.calls).toHaveLength(2);
    expect(fake.creditsSpent).toBe(50);
  });
});

describe('isRateLimitError', () => {
  it('recognises Miro rate-limit errors by status or message only', () => {
    expect(isRateLimitError(createRateLimitError())).toBe(true);
    expect(isRateLimitError({ status: 429 })).toBe(true);
    expect(isRateLimitError({ code: 'tooManyRequests' })).toBe(true);
    expect(isRateLimitError(new Error('Item 12 does not exist'))).toBe(false);
  });
});

describe('runWithConcurrencyAsync', () => {
  it('bounds tasks in flight, keeps order and never rejects', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const tasks = Array.from({ length: 20 }, (_, index) => async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      if (index === 3) throw new Error('three');
      return index;
    });
    const settled: number[] = [];
    const results = await runWithConcurrencyAsync(tasks, 4, (_, index) => settled.push(index));
    expect(maxInFlight).toBe(4);
    expect(settled).toHaveLength(20);
    expect(results[3]).toMatchObject({ status: 'rejected' });
    expect(results[19]).toEqual({ status: 'fulfilled', value: 19 });
    await expect(runWithConcurrencyAsync(tasks, 0)).rejects.toThrow(/positive integer, received 0/);
  });
});

describe('registerMiroApp', () => {
  it('opens the panel on icon click and removes the handler when disposed', async () => {
    const handlers = new Map<string, () => void>();
    const openPanel = vi.fn(async () => ({ waitForClose: async () => undefined }));
    const sdk = {
      board: {
        ui: {
          on: (event: string, handler: () => void) => handlers.set(event, handler),
          off: (event: string, handler: () => void) => {
            if (handlers.get(event) === handler) handlers.delete(event);
          },
          openPanel,
        },
        notifications: { showError: vi.fn(async () => undefined) },
      },
    } as unknown as MiroAppSdk;
    const dispose = registerMiroApp(sdk);
    handlers.get('icon:click')?.();
    expect(openPanel).toHaveBeenCalledWith({ url: 'panel.html' });
    dispose();
    expect(handlers.has('icon:click')).toBe(false);
  });

  it('tells the user when the panel cannot open', async () => {
    let click: (() => void) | undefined;
    const showError = vi.fn(async () => undefined);
    const sdk = {
      board: {
        ui: { on: (_: string, handler: () => void) => (click = handler), off: () => undefined, openPanel: async () => Promise.reject(new Error('another panel is open')) },
        notifications: { showError },
      },
    } as unknown as MiroAppSdk;
    registerMiroApp(sdk);
    click?.();
    await vi.waitFor(() => expect(showError).toHaveBeenCalledWith(expect.stringMatching(/another panel is open/)));
  });
});
