/** Runs `task` over `items`, `parallel` at a time, until `enough()` (default: never); returns how many ran. */
export async function eachLimited<T>(items: readonly T[], parallel: number, task: (item: T) => Promise<void>, enough: () => boolean = () => false): Promise<number> {
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < items.length && !enough()) {
      const item = items[next++] as T;
      await task(item);
      finished += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return finished;
}
