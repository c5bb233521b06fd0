import { describe, expect, it } from 'vitest';
import { rateLimiter } from './rate-limit.js';

describe('rate limiter', () => {
  it('allows a burst, then refuses with the time to wait, then refills', () => {
    let clock = 0;
    const limiter = rateLimiter({ capacity: 3, refillPerSecond: 2 }, () => clock);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(500);
    expect(limiter.take('b')).toBe(0);
    clock += 500;
    expect(limiter.take('a')).toBe(0);
    expect(() => limiter.consume('a')).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
  });
});
