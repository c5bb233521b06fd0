import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('coalesce', () => {
  it('answers every call with a run that started after it, sharing one follow-up run among a burst', async () => {
    let runs = 0;
    let value = 0;
    const compute = coalesce(async (_key: string) => {
      runs += 1;
      const seen = value;
      await tick();
      return seen;
    });
    value = 1;
    const first = compute('a');
    value = 2; // changes after the first run started: later callers must see them
    const burst = await Promise.all([compute('a'), compute('a'), compute('a')]);
    expect(await first).toBe(1);
    expect(burst).toEqual([2, 2, 2]);
    expect(runs).toBe(2);
  });

  it('runs keys independently and recovers after a failed run', async () => {
    let fail = true;
    const compute = coalesce(async (key: number) => {
      const failing = fail;
      await tick();
      if (failing) throw new Error('boom');
      return key * 10;
    });
    const failed = compute(1);
    fail = false;
    const retried = compute(1);
    await expect(failed).rejects.toThrow('boom');
    expect(await retried).toBe(10);
    expect(await compute(2)).toBe(20);
  });
});
