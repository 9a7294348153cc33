import { describe, expect, it } from 'vitest';
import { createCallPacer } from '../../../src/hosts/miro/call-pacer';
import { createMiroPort } from '../../../src/hosts/miro/miro-host';
import { insertMapAsync } from '../../../src/app/map-runs';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { createLockedError, createRateLimitError, FakeMiroBoard } from '../../../src/simulator/fake-miro-board';

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

  it('lets half as many calls fly after a rate-limit answer, then one more after each window of normal answers', async () => {
    const clock = createVirtualClock();
    const pacer = createCallPacer({ ...clock, maxInFlight: 16 });
    let inFlight = 0;
    let most = 0;
    const call = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await Promise.resolve();
      inFlight -= 1;
    };
    await Promise.all(Array.from({ length: 64 }, () => pacer.runAsync(call)));
    expect(most).toBe(16);
    expect(pacer.inFlightLimit()).toBe(16);

    let refuse = true;
    await pacer.runAsync(async () => {
      if (refuse) {
        refuse = false;
        throw createRateLimitError();
      }
    });
    expect(pacer.inFlightLimit()).toBe(8);
    most = 0;
    await Promise.all(Array.from({ length: 8 }, () => pacer.runAsync(call)));
    expect(most).toBeLessThanOrEqual(8);
    // Eight normal answers at a limit of eight: nine may fly.
    expect(pacer.inFlightLimit()).toBe(9);
    await Promise.all(Array.from({ length: 200 }, () => pacer.runAsync(call)));
    expect(pacer.inFlightLimit()).toBe(16);
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

  it('keeps the calls of any hour within the hourly budget too, and waits for the oldest call of the hour to age out', async () => {
    const clock = createVirtualClock();
    const waits: { ms: number; reason: string }[] = [];
    // Three calls a minute, five an hour.
    const pacer = createCallPacer({ ...clock, creditsPerMinute: 150, creditsPerHour: 250, onWait: (wait) => waits.push(wait) });
    const started: number[] = [];
    for (let index = 0; index < 12; index += 1) await pacer.runAsync(async () => started.push(clock.now()));
    const HOUR = 3_600_000;
    expect(started).toEqual([0, 0, 0, 60_000, 60_000, HOUR, HOUR, HOUR, HOUR + 60_000, HOUR + 60_000, 2 * HOUR, 2 * HOUR]);
    expect(waits.every((wait) => wait.reason === 'budget')).toBe(true);
    // Within every sliding hour, at most five calls; within every minute, at most three.
    for (const start of started) {
      expect(started.filter((time) => time >= start && time < start + HOUR).length).toBeLessThanOrEqual(5);
      expect(started.filter((time) => time >= start && time < start + 60_000).length).toBeLessThanOrEqual(3);
    }
  });

  it('keeps 10 % of both of Miro\'s budgets in reserve by default: 1,800 calls a minute, 18,000 an hour', async () => {
    const clock = createVirtualClock();
    const pacer = createCallPacer({ ...clock });
    const started: number[] = [];
    for (let index = 0; index < 18_001; index += 1) await pacer.runAsync(async () => started.push(clock.now()));
    const HOUR = 3_600_000;
    expect(started.filter((time) => time < 60_000)).toHaveLength(1_800);
    expect(started.filter((time) => time < HOUR)).toHaveLength(18_000);
    expect(started.at(-1)).toBe(HOUR);
  });

  it('draws a map on a board that enforces Miro\'s minute and hour budgets without one refused call', async () => {
    let time = 0;
    // Budgets scaled down fiftyfold (200 calls a minute, 400 an hour): the map's ~400 calls span more than an hour.
    const fake = new FakeMiroBoard({ rateLimit: { now: () => time, creditsPerMinute: 10_000, creditsPerHour: 20_000 } });
    const port = createMiroPort(fake.asBoard(), {
      now: () => time,
      sleepAsync: async (ms) => {
        time += ms;
      },
      creditsPerMinute: 9_000,
      creditsPerHour: 18_000,
    });
    const { report } = await insertMapAsync(port, createOnlineStoreJourney(), 'map-budget0001');
    expect(report.failed).toEqual([]);
    const calls = fake.calls.length;
    expect(calls).toBeGreaterThan(360);
    // Every call was charged: Miro refused none.
    expect(fake.creditsSpent).toBe(50 * calls);
    // 360 calls an hour at most: the insert waited for the next hour.
    expect(time).toBeGreaterThanOrEqual(3_600_000);
  });

  it('never retries a call Miro refuses for good (a locked item)', async () => {
    const clock = createVirtualClock();
    const pacer = createCallPacer({ ...clock });
    let attempts = 0;
    const refused = () => {
      attempts += 1;
      return Promise.reject(createLockedError('3074457345618258001'));
    };
    await expect(pacer.runAsync(refused, { idempotent: true })).rejects.toThrow(/locked/);
    expect(attempts).toBe(1);
    expect(clock.sleeps).toEqual([]);
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
