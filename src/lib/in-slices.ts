/**
 * Calls `each` on every item, in slices of about `sliceMs`, giving the page its turn between them:
 * a loop over thousands of items at once is a long task that input waits behind.
 */
export async function inSlices<T>(items: Iterable<T>, each: (item: T) => void, sliceMs = 25): Promise<void> {
  let start = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - start > sliceMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      start = performance.now();
    }
  }
}
