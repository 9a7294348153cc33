/**
 * Miro answers a Web SDK call made over the app's credit budget with an
 * error and refills credits once the minute (or hour) that tripped the limit
 * has passed: 100,000 credits a minute, 1,000,000 an hour, per user per app
 * (https://developers.miro.com/docs/websdk-reference-rate-limiting). The
 * docs do not specify the error's shape, so it is recognised by status 429
 * or by its message.
 */
const RATE_LIMIT_MESSAGE = /rate.?limit|too many requests|credits/i;

/**
 * Words of an answer that no repetition changes: the item is locked (a
 * person locked it, https://help.miro.com/hc/en-us/articles/4408887253778-Locking-content-on-the-board:
 * locked objects cannot be moved, edited or deleted, and a protected lock
 * only the board owner lifts), or the person lacks the right to change it
 * (Miro's REST errors call it 403 `insufficientPermissions`,
 * https://developers.miro.com/v1.0/reference/errors). The Web SDK documents
 * no message for a locked item
 * (https://developers.miro.com/docs/websdk-reference-error-handling), so
 * both the status and the words are checked.
 */
const REFUSAL_MESSAGE = /\blocked\b|insufficient.?permissions?|permission denied|not (allowed|permitted)|forbidden|read.?only/i;

/** Whether `error` is Miro refusing a call for lack of credits. */
export function isRateLimitError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return typeof error === 'string' && RATE_LIMIT_MESSAGE.test(error);
  const { status, code, message } = error as { status?: unknown; code?: unknown; message?: unknown };
  if (status === 429 || code === 429 || code === 'tooManyRequests') return true;
  return typeof message === 'string' && RATE_LIMIT_MESSAGE.test(message);
}

/**
 * Whether `error` is Miro refusing to let the app change an item for good:
 * the item is locked, or the person may not edit it. Asking again is refused
 * again, so such a call is neither retried nor tried in another round; the
 * item is reported as refused and left as it is.
 */
export function isRefusalError(error: unknown): boolean {
  if (isRateLimitError(error)) return false;
  if (typeof error !== 'object' || error === null) return typeof error === 'string' && REFUSAL_MESSAGE.test(error);
  const { status, code, message } = error as { status?: unknown; code?: unknown; message?: unknown };
  if (status === 403 || code === 403 || code === 'insufficientPermissions' || code === 'forbidden' || code === 'itemLocked') return true;
  return typeof message === 'string' && REFUSAL_MESSAGE.test(message);
}

/** The message of anything thrown, for reports. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
