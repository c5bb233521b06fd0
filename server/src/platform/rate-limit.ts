import { AppError } from './errors.js';

export interface RateLimit {
  /** How many actions may be taken at once (the burst). */
  capacity: number;
  /** How many come back per second (the sustained rate). */
  refillPerSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const PRUNE_ABOVE = 10_000;

/**
 * Token buckets per key (a user id), in memory. With several app nodes each keeps its own buckets, so a user
 * spread over n nodes gets at most n times the rate: a flood guard, not an accounting.
 */
export function rateLimiter({ capacity, refillPerSecond }: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, Bucket>();

  function level(bucket: Bucket, at: number): number {
    return Math.min(capacity, bucket.tokens + ((at - bucket.at) / 1000) * refillPerSecond);
  }

  /** Drops buckets that have filled up again: they hold nothing a fresh bucket would not. */
  function prune(at: number): void {
    for (const [key, bucket] of buckets) if (level(bucket, at) >= capacity) buckets.delete(key);
  }

  /** Takes a token; answers how long to wait when there is none (0 when the action may go ahead). */
  function take(key: string): number {
    const at = now();
    if (buckets.size > PRUNE_ABOVE) prune(at);
    const bucket = buckets.get(key) ?? { tokens: capacity, at };
    const tokens = level(bucket, at);
    if (tokens < 1) {
      buckets.set(key, { tokens, at });
      return Math.ceil(((1 - tokens) / refillPerSecond) * 1000);
    }
    buckets.set(key, { tokens: tokens - 1, at });
    return 0;
  }

  /** Takes a token or throws RATE_LIMITED with the wait in `details.retryAfterMs`. */
  function consume(key: string): void {
    const retryAfterMs = take(key);
    if (retryAfterMs > 0) throw new AppError('RATE_LIMITED', { retryAfterMs });
  }

  return { take, consume };
}
export type RateLimiter = ReturnType<typeof rateLimiter>;
