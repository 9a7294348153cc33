/**
 * How a built-in template writes what sits at a stage: one value for a
 * stage without steps (a cell's list of cards, a score), or, for a stage
 * with steps, one value per step key (`{ cart: [...], form: [...] }`).
 */
export type PerStep<Value extends readonly unknown[]> = Value | Readonly<Record<string, Value>>;

/** Whether a value is for the whole stage rather than per step. */
const isWholeStage = <Value extends readonly unknown[]>(value: PerStep<Value>): value is Value => Array.isArray(value);

/**
 * The values of one stage at its places in reading order: the stage's own
 * value, or each step's (steps with none are left out). Throws when the
 * shape does not fit the stage (per step for a stage without steps, whole
 * for one with them, or a key that is not one of its steps): a template
 * written wrong, which the template tests catch.
 */
export function spreadOverSteps<Value extends readonly unknown[]>(
  value: PerStep<Value> | undefined,
  stageKey: string,
  stepKeys: readonly string[],
): { step?: string; value: Value }[] {
  if (value === undefined) return [];
  if (isWholeStage(value)) {
    if (stepKeys.length > 0) throw new Error(`template stage "${stageKey}" has steps: give its cards and scores per step`);
    return [{ value }];
  }
  const strangers = Object.keys(value).filter((key) => !stepKeys.includes(key));
  if (strangers.length > 0) throw new Error(`template stage "${stageKey}" has no step "${strangers[0]}"`);
  return stepKeys.flatMap((step) => {
    const own = value[step];
    return own === undefined ? [] : [{ step, value: own }];
  });
}
