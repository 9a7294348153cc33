import { describe, expect, it } from 'vitest';
import { createCallPacer } from '../../../src/hosts/miro/call-pacer';
import { createRateLimitError } from '../../../src/simulator/fake-miro-board';

/** A clock that moves only when the pacer sleeps. */
function createVirtualClock() {
  let time = 0;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleepAsync: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
      await Promise.resolve();
    },
    sleeps,
  };
}

describe('createCallPacer', () => {
  it('keeps the calls of any minute within the credit budget, and says how long it waits', async () => {
    const clock = createVirtualClock();
    const waits: { ms: number; reason: string }[] = [];
    // 150 credits a minute at 50 a call: three calls a minute.
    const pacer = createCallPacer({ ...clock, creditsPerMinute: 150, onWait: (wait) => waits.push(wait) });
    const started: number[] = [];
    for (let index = 0; index < 7; index += 1) await pacer.runAsync(async () => started.push(clock.now()));
    expect(started).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
    expect(waits).toEqual([
      { ms: 60_000, reason: 'budget' },
      { ms: 60_000, reason: 'budget' },
    ]);
  });

  it('pauses the calls that follow a rate-limit error, not just the refused one, then resumes', async () => {
    let time = 0;
    const sleeps: number[] = [];
    const sleepers: { ms: number; resolve: () => void }[] = [];
    // A clock that moves when the test says: sleeps wait for it.
    const pacer = createCallPacer({
      now: () => time,
      sleepAsync: (ms) => {
        sleeps.push(ms);
        return new Promise<void>((resolve) => sleepers.push({ ms, resolve }));
      },
      baseDelayMs: 1_000,
      onWait: () => undefined,
    });
    let refused = false;
    const log: string[] = [];
    const a = pacer.runAsync(async () => {
      if (!refused) {
        refused = true;
        throw createRateLimitError();
      }
      log.push(`a@${time}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const b = pacer.runAsync(async () => {
      log.push(`b@${time}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual([]);
    expect(sleeps[0]).toBe(1_000);
    // Time passes to the end of the pause; the sleepers wake.
    time = 1_000;
    while (log.length < 2) {
      for (const sleeper of sleepers.splice(0)) sleeper.resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await Promise.all([a, b]);
    expect(log.sort()).toEqual(['a@1000', 'b@1000']);
  });

  it('gives up after the rate limit refused a call eight times, with a message that says what to do', async () => {
    const clock = createVirtualClock();
    const pacer = createCallPacer({ ...clock });
    await expect(pacer.runAsync(() => Promise.reject(createRateLimitError()))).rejects.toThrow(/rate limit still exceeded after 8 attempts.*wait a minute/);
    expect(clock.sleeps).toHaveLength(7);
  });

  it('retries an idempotent call after other failures, and never repeats one that changes the board', async () => {
    const clock = createVirtualClock();
    const pacer = createCallPacer({ ...clock });
    let attempts = 0;
    const flaky = () => {
      attempts += 1;
      return attempts < 3 ? Promise.reject(new Error('network hiccup')) : Promise.resolve('ok');
    };
    await expect(pacer.runAsync(flaky, { idempotent: true })).resolves.toBe('ok');
    expect(attempts).toBe(3);
    attempts = 0;
    await expect(pacer.runAsync(flaky)).rejects.toThrow('network hiccup');
    expect(attempts).toBe(1);
  });

  it('keeps at most maxInFlight calls running at once', async () => {
    const clock = createVirtualClock();
    const pacer = createCallPacer({ ...clock, maxInFlight: 3 });
    let running = 0;
    let most = 0;
    const call = () =>
      pacer.runAsync(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
      });
    await Promise.all(Array.from({ length: 10 }, call));
    expect(most).toBe(3);
  });
});
