import { cancelledError } from './node-run.ts';

/** Runs `work` for indices 0..count-1 with at most `limit` in flight; results in index order. */
export async function runConcurrently<T>(
  signal: AbortSignal,
  count: number,
  limit: number,
  work: (index: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (next < count && failure === undefined) {
      if (signal.aborted) throw cancelledError();
      const index = next++;
      try {
        results[index] = await work(index);
      } catch (thrown) {
        failure ??= thrown;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  if (failure !== undefined) throw failure;
  return results;
}
