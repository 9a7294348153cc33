import { describeError, isRateLimitError, isRefusalError } from './miro-errors';

/**
 * Paces Web SDK calls to Miro's credit budget and rides out its rate limit.
 *
 * Miro charges every call credits (50 for most item calls) against two
 * budgets per user and app, 100,000 credits a minute and 1,000,000 an hour,
 * and refuses calls over either until the interval that tripped it has
 * passed (https://developers.miro.com/docs/websdk-reference-rate-limiting:
 * "Max. credits per minute 100,000", "Max. credits per hour 1,000,000").
 * The pacer keeps the calls of the last minute and of the last hour under
 * both, so a big map is spread over minutes (and a long session over the
 * hour) instead of being cut off, and when Miro still answers with a
 * rate-limit error (other apps of the same user share the budget) it pauses
 * every call, not just the one refused, and resumes after a back-off. Calls
 * marked idempotent are retried after other failures too; a refusal (a
 * locked item, no permission: isRefusalError) is never retried.
 */
export interface CallPacerOptions {
  sleepAsync(ms: number): Promise<void>;
  now(): number;
  /** Credits one call costs; 50 for most item calls. */
  creditsPerCall?: number;
  /** Credits the pacer lets calls spend in any minute; a little under Miro's 100,000. */
  creditsPerMinute?: number;
  /** Credits the pacer lets calls spend in any hour; a little under Miro's 1,000,000. */
  creditsPerHour?: number;
  /** Attempts of one call refused by the rate limit, the first included. */
  rateLimitAttempts?: number;
  /** Attempts of an idempotent call after other failures, the first included. */
  transientAttempts?: number;
  /** First back-off; doubles per attempt up to a minute. */
  baseDelayMs?: number;
  /**
   * Calls in flight at most; more wait for a free slot. The pacer starts
   * there and adapts: a rate-limit answer halves the calls it lets fly (down
   * to `minInFlight`), and each run of as many normal answers as calls in
   * flight lets one more fly again, up to `maxInFlight` (additive increase,
   * multiplicative decrease, as TCP does with its window).
   */
  maxInFlight?: number;
  /** The fewest calls in flight the pacer backs off to. */
  minInFlight?: number;
  /** Told when calls pause: for how long, and why. */
  onWait?(wait: { ms: number; reason: 'rate-limit' | 'budget' }): void;
}

// Miro's budgets are 100,000 credits a minute and 1,000,000 an hour; the
// pacer keeps 10 % of each in reserve for the panel's own reads and other tabs.
const DEFAULT_CREDITS_PER_MINUTE = 90_000;
const DEFAULT_CREDITS_PER_HOUR = 900_000;
const DEFAULT_CREDITS_PER_CALL = 50;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DEFAULT_RATE_LIMIT_ATTEMPTS = 8;
export const DEFAULT_TRANSIENT_ATTEMPTS = 3;
const DEFAULT_BASE_DELAY_MS = 1_000;

/** Runs Web SDK calls within the credit budget; see CallPacerOptions. */
export interface CallPacer {
  runAsync<T>(call: () => Promise<T>, options?: { idempotent?: boolean }): Promise<T>;
  /** How many calls may be in flight now (it adapts to Miro's answers). */
  inFlightLimit(): number;
}

/**
 * Start times of the calls of the last hour, oldest first, with a cursor at
 * the first call of the last minute: each start is pushed and passed once,
 * so keeping both windows costs constant time per call.
 */
function createCallWindow() {
  let starts: number[] = [];
  let hourHead = 0;
  let minuteHead = 0;
  return {
    /** Forgets the calls that left the hour and moves the minute's cursor past those that left the minute. */
    advance(now: number): void {
      while (hourHead < starts.length && (starts[hourHead] ?? 0) <= now - HOUR_MS) hourHead += 1;
      minuteHead = Math.max(minuteHead, hourHead);
      while (minuteHead < starts.length && (starts[minuteHead] ?? 0) <= now - MINUTE_MS) minuteHead += 1;
      // Drop the forgotten head now and then, so the list holds about one hour of calls.
      if (hourHead > 1_024 && hourHead * 2 > starts.length) {
        starts = starts.slice(hourHead);
        minuteHead -= hourHead;
        hourHead = 0;
      }
    },
    countMinute: (): number => starts.length - minuteHead,
    countHour: (): number => starts.length - hourHead,
    /** When the oldest call of the minute (or of the hour) leaves its window. */
    minuteFreesAt: (): number => (starts[minuteHead] ?? 0) + MINUTE_MS,
    hourFreesAt: (): number => (starts[hourHead] ?? 0) + HOUR_MS,
    push(now: number): void {
      starts.push(now);
    },
  };
}

/** A pacer for Web SDK calls; see CallPacerOptions. */
export function createCallPacer(options: CallPacerOptions): CallPacer {
  const creditsPerCall = options.creditsPerCall ?? DEFAULT_CREDITS_PER_CALL;
  const callsPerMinute = Math.max(1, Math.floor((options.creditsPerMinute ?? DEFAULT_CREDITS_PER_MINUTE) / creditsPerCall));
  const callsPerHour = Math.max(1, Math.floor((options.creditsPerHour ?? DEFAULT_CREDITS_PER_HOUR) / creditsPerCall));
  const rateLimitAttempts = options.rateLimitAttempts ?? DEFAULT_RATE_LIMIT_ATTEMPTS;
  const transientAttempts = options.transientAttempts ?? DEFAULT_TRANSIENT_ATTEMPTS;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxInFlight = options.maxInFlight ?? Number.POSITIVE_INFINITY;
  const minInFlight = Math.min(maxInFlight, options.minInFlight ?? 4);
  const window = createCallWindow();
  let pausedUntil = 0;
  let inFlight = 0;
  let limit = maxInFlight;
  let answeredSinceChange = 0;
  const slotWaiters: (() => void)[] = [];

  async function takeSlotAsync(): Promise<void> {
    while (inFlight >= limit) await new Promise<void>((resolve) => slotWaiters.push(resolve));
    inFlight += 1;
  }
  function releaseSlot(): void {
    inFlight -= 1;
    // One waiter per free slot (more than one when the limit grew); each checks again when it runs.
    for (let free = Math.max(1, limit - inFlight); free > 0 && slotWaiters.length > 0; free -= 1) slotWaiters.shift()?.();
  }
  /** A normal answer: after as many as calls may fly, one more may. */
  function noteAnswered(): void {
    if (limit >= maxInFlight) return;
    answeredSinceChange += 1;
    if (answeredSinceChange >= limit) {
      limit += 1;
      answeredSinceChange = 0;
    }
  }
  /** A rate-limit answer: half as many calls fly from now on. */
  function noteRateLimited(): void {
    if (!Number.isFinite(limit)) limit = Math.max(minInFlight, inFlight);
    limit = Math.max(minInFlight, Math.floor(limit / 2));
    answeredSinceChange = 0;
  }

  const backOff = (attempt: number) => Math.min(MINUTE_MS, baseDelayMs * 2 ** (attempt - 1));

  async function waitForTurnAsync(): Promise<void> {
    for (;;) {
      const now = options.now();
      if (pausedUntil > now) {
        options.onWait?.({ ms: pausedUntil - now, reason: 'rate-limit' });
        await options.sleepAsync(pausedUntil - now);
        continue;
      }
      window.advance(now);
      const minuteFull = window.countMinute() >= callsPerMinute;
      const hourFull = window.countHour() >= callsPerHour;
      if (!minuteFull && !hourFull) {
        window.push(now);
        return;
      }
      const ms = Math.max(minuteFull ? window.minuteFreesAt() : now, hourFull ? window.hourFreesAt() : now) - now;
      options.onWait?.({ ms, reason: 'budget' });
      await options.sleepAsync(ms);
    }
  }

  async function runAsync<T>(call: () => Promise<T>, runOptions: { idempotent?: boolean } = {}): Promise<T> {
    let rateLimited = 0;
    let failed = 0;
    for (;;) {
      await takeSlotAsync();
      let outcome: { value: T } | { error: unknown };
      try {
        await waitForTurnAsync();
        outcome = { value: await call() };
      } catch (error) {
        outcome = { error };
      } finally {
        releaseSlot();
      }
      if ('value' in outcome) {
        noteAnswered();
        return outcome.value;
      }
      const { error } = outcome;
      if (isRateLimitError(error)) {
        noteRateLimited();
        rateLimited += 1;
        if (rateLimited >= rateLimitAttempts) {
          throw new Error(`Miro rate limit still exceeded after ${rateLimited} attempts (${describeError(error)}); wait a minute, then click Finish the map in the panel.`);
        }
        // Every call waits: the budget is shared, so the others would be refused too.
        pausedUntil = Math.max(pausedUntil, options.now() + backOff(rateLimited));
        continue;
      }
      // A locked item stays locked however often it is asked.
      if (isRefusalError(error)) throw error;
      failed += 1;
      if (!runOptions.idempotent || failed >= transientAttempts) throw error;
      await options.sleepAsync(backOff(failed) / 4);
    }
  }

  return { runAsync, inFlightLimit: () => limit };
}
