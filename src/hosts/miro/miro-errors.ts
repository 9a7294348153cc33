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

/** The message of anything thrown, for reports. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
