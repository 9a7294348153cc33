/**
 * Miro answers a Web SDK call made over the app's credit budget with an
 * error and refills credits once the minute (or hour) that tripped the limit
 * has passed: 100,000 credits a minute, 1,000,000 an hour, per user per app
 * (https://developers.miro.com/docs/websdk-reference-rate-limiting). The
 * docs do not specify the error's shape, so it is recognised by status 429
 * or by its message.
 */
const RATE_LIMIT_MESSAGE = /rate.?limit|too many requests|credits/i;

/** Whether `error` is Miro refusing a call for lack of credits. */
export function isRateLimitError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return typeof error === 'string' && RATE_LIMIT_MESSAGE.test(error);
  const { status, code, message } = error as { status?: unknown; code?: unknown; message?: unknown };
  if (status === 429 || code === 429 || code === 'tooManyRequests') return true;
  return typeof message === 'string' && RATE_LIMIT_MESSAGE.test(message);
}

/** How to back off when Miro reports a rate limit. */
export interface RetryOptions {
  sleepAsync: (ms: number) => Promise<void>;
  /** Attempts in total, the first included. */
  maxAttempts?: number;
  /** Wait before the first retry; doubles each time up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

// 1 s, 2 s, 4 s … capped at the one-minute window after which Miro issues
// new credits; eight attempts wait about two minutes in all.
const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_BASE_DELAY_MS = 1_000;
const DEFAULT_MAX_DELAY_MS = 60_000;

/**
 * Calls `call`, retrying with exponential back-off while Miro reports a rate
 * limit. Any other error is rethrown at once; after the last attempt the
 * rate-limit error is rethrown with the number of attempts in its message.
 */
export async function retryOnRateLimitAsync<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isRateLimitError(error)) throw error;
      if (attempt >= maxAttempts) {
        throw new Error(
          `Miro rate limit still exceeded after ${attempt} attempts (${describeError(error)}); wait a minute, then click Finish the map in the panel.`,
        );
      }
      await options.sleepAsync(Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}

/** The message of anything thrown, for reports. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
