import { describeError, isRateLimitError } from './miro-errors';

/**
 * Paces Web SDK calls to Miro's credit budget and rides out its rate limit.
 *
 * Miro charges every call credits (50 for most item calls) against 100,000
 * credits a minute per user and app, and refuses calls over the budget until
 * the minute has passed (https://developers.miro.com/docs/websdk-reference-rate-limiting).
 * The pacer keeps the calls of the last minute under that budget, so a big
 * map is spread over minutes instead of being cut off, and when Miro still
 * answers with a rate-limit error (other apps of the same user share the
 * budget) it pauses every call, not just the one refused, and resumes after
 * a back-off. Calls marked idempotent are retried after other failures too.
 */
export interface CallPacerOptions {
  sleepAsync(ms: number): Promise<void>;
  now(): number;
  /** Credits one call costs; 50 for most item calls. */
  creditsPerCall?: number;
  /** Credits the pacer lets calls spend in any minute; a little under Miro's 100,000. */
  creditsPerMinute?: number;
  /** Attempts of one call refused by the rate limit, the first included. */
  rateLimitAttempts?: number;
  /** Attempts of an idempotent call after other failures, the first included. */
  transientAttempts?: number;
  /** First back-off; doubles per attempt up to a minute. */
  baseDelayMs?: number;
  /** Calls in flight at once; more wait for a free slot. */
  maxInFlight?: number;
  /** Told when calls pause: for how long, and why. */
  onWait?(wait: { ms: number; reason: 'rate-limit' | 'budget' }): void;
}

// Miro's budget is 100,000 credits a minute; the pacer keeps 10 % in reserve
// for the panel's own reads and other tabs.
const DEFAULT_CREDITS_PER_MINUTE = 90_000;
const DEFAULT_CREDITS_PER_CALL = 50;
const MINUTE_MS = 60_000;
const DEFAULT_RATE_LIMIT_ATTEMPTS = 8;
const DEFAULT_TRANSIENT_ATTEMPTS = 3;
const DEFAULT_BASE_DELAY_MS = 1_000;

/** Runs Web SDK calls within the credit budget; see CallPacerOptions. */
export interface CallPacer {
  runAsync<T>(call: () => Promise<T>, options?: { idempotent?: boolean }): Promise<T>;
}

export function createCallPacer(options: CallPacerOptions): CallPacer {
  const creditsPerCall = options.creditsPerCall ?? DEFAULT_CREDITS_PER_CALL;
  const callsPerMinute = Math.max(1, Math.floor((options.creditsPerMinute ?? DEFAULT_CREDITS_PER_MINUTE) / creditsPerCall));
  const rateLimitAttempts = options.rateLimitAttempts ?? DEFAULT_RATE_LIMIT_ATTEMPTS;
  const transientAttempts = options.transientAttempts ?? DEFAULT_TRANSIENT_ATTEMPTS;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxInFlight = options.maxInFlight ?? Number.POSITIVE_INFINITY;
  /** Start times of the calls of the last minute, oldest first. */
  const recent: number[] = [];
  let pausedUntil = 0;
  let inFlight = 0;
  const slotWaiters: (() => void)[] = [];

  async function takeSlotAsync(): Promise<void> {
    while (inFlight >= maxInFlight) await new Promise<void>((resolve) => slotWaiters.push(resolve));
    inFlight += 1;
  }
  function releaseSlot(): void {
    inFlight -= 1;
    slotWaiters.shift()?.();
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
      while (recent.length > 0 && (recent[0] ?? 0) <= now - MINUTE_MS) recent.shift();
      if (recent.length < callsPerMinute) {
        recent.push(now);
        return;
      }
      const ms = (recent[0] ?? now) + MINUTE_MS - now;
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
      if ('value' in outcome) return outcome.value;
      const { error } = outcome;
      if (isRateLimitError(error)) {
        rateLimited += 1;
        if (rateLimited >= rateLimitAttempts) {
          throw new Error(`Miro rate limit still exceeded after ${rateLimited} attempts (${describeError(error)}); wait a minute, then click Finish the map in the panel.`);
        }
        // Every call waits: the budget is shared, so the others would be refused too.
        pausedUntil = Math.max(pausedUntil, options.now() + backOff(rateLimited));
        continue;
      }
      failed += 1;
      if (!runOptions.idempotent || failed >= transientAttempts) throw error;
      await options.sleepAsync(backOff(failed) / 4);
    }
  }

  return { runAsync };
}
