// Run many asynchronous tasks with a bounded number in flight, as a busy server sees them:
// enough at once to interleave, not so many that the test measures only its own queue.

/** Run `task(i)` for i in [0, count), at most `inFlight` at a time; rejects on the first failure. */
export async function runConcurrently(count: number, inFlight: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (next < count && failed === undefined) {
      const i = next++;
      try {
        await task(i);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
  if (failed !== undefined) throw failed;
}
