import { describe, expect, it } from 'vitest';
import { inSlices } from './in-slices';

describe('inSlices', () => {
  it('visits every item in order and gives the page a turn once a slice is used up', async () => {
    const seen: number[] = [];
    let turns = 0;
    const timer = setInterval(() => (turns += 1), 0);
    await inSlices(
      [1, 2, 3, 4],
      (n) => {
        seen.push(n);
        const until = performance.now() + 3;
        while (performance.now() < until); // each item takes 3 ms: a slice of 5 ms holds two
      },
      5,
    );
    clearInterval(timer);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(turns).toBeGreaterThan(0);
  });
});
