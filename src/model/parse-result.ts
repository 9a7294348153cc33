/** One problem found in user data, with where it is. */
export interface ValidationError {
  /** Where: a JSON path such as `stages[2].name`, or `line 14, column "Emotion"`. */
  path: string;
  /** What was received, the likely cause, and the fix, in English (the CLI prints it as it is). */
  message: string;
  /**
   * A stable name of the problem, such as `record-newer`, so a panel can word
   * it in the person's language; absent for problems only the message names.
   */
  code?: string;
  /** The values the message quotes, by name, for wording the `code` (`{ version: 3, supported: 2 }`). */
  params?: Record<string, string | number>;
}

/** The result of parsing user data: never thrown, always returned. */
export type ParseResult<T> = { ok: true; value: T; warnings?: ValidationError[] } | { ok: false; errors: ValidationError[] };

/** Wraps a value as a successful result. */
export function succeed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** Wraps one or more errors as a failed result. */
export function fail<T>(errors: ValidationError[]): ParseResult<T> {
  return { ok: false, errors };
}

/** Formats errors for a person: one line each, path first. */
export function formatValidationErrors(errors: readonly ValidationError[]): string {
  return errors.map((error) => (error.path ? `${error.path}: ${error.message}` : error.message)).join('\n');
}
