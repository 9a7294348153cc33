/**
 * Runs `tasks` with at most `limit` of them in flight at once and waits for
 * all of them. Never rejects: every task's outcome is in the returned list,
 * in the order of `tasks`, so one failed item never hides the others.
 * `onSettled` is called after each task settles (for progress reports).
 */
export async function runWithConcurrencyAsync<T>(
  tasks: readonly (() => Promise<T>)[],
  limit: number,
  onSettled?: (result: PromiseSettledResult<T>, index: number) => void,
): Promise<PromiseSettledResult<T>[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`runWithConcurrencyAsync: limit must be a positive integer, received ${String(limit)}; pass e.g. 8.`);
  }
  const results = new Array<PromiseSettledResult<T>>(tasks.length);
  let next = 0;
  const runWorkerAsync = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      const task = tasks[index] as () => Promise<T>;
      let result: PromiseSettledResult<T>;
      try {
        result = { status: 'fulfilled', value: await task() };
      } catch (error) {
        result = { status: 'rejected', reason: error };
      }
      results[index] = result;
      onSettled?.(result, index);
    }
  };
  const workers: Promise<void>[] = [];
  for (let count = 0; count < Math.min(limit, tasks.length); count += 1) workers.push(runWorkerAsync());
  await Promise.all(workers);
  return results;
}
