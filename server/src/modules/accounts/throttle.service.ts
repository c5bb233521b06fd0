import { AppError } from '../../platform/errors.js';
import type { ThrottleModel } from './throttle.model.js';

export interface ThrottleRule {
  /** Failures allowed inside the window before the key is locked. */
  limit: number;
  windowMs: number;
  lockMs: number;
  /** The error a locked key answers with. */
  lockedError: 'ACCOUNT_LOCKED' | 'TOO_MANY_REQUESTS';
}

const MINUTE = 60_000;

export const THROTTLE_RULES = {
  loginAccount: { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, lockedError: 'ACCOUNT_LOCKED' },
  loginNetwork: { limit: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, lockedError: 'TOO_MANY_REQUESTS' },
  registerNetwork: {
    limit: 10,
    windowMs: 60 * MINUTE,
    lockMs: 60 * MINUTE,
    lockedError: 'TOO_MANY_REQUESTS',
  },
} as const satisfies Record<string, ThrottleRule>;

/** Failure counters with lockout, stored in MongoDB so every app node sees the same counts. */
export function throttleService(throttles: ThrottleModel) {
  async function assertOpen(key: string, rule: ThrottleRule): Promise<void> {
    const entry = await throttles.findById(key).lean();
    const lockedUntil = entry?.lockedUntil?.getTime() ?? 0;
    if (lockedUntil > Date.now()) {
      throw new AppError(rule.lockedError, {
        retryAfterSeconds: Math.ceil((lockedUntil - Date.now()) / 1000),
      });
    }
  }

  /** Counts one failure; returns true when this failure locked the key. */
  async function recordFailure(key: string, rule: ThrottleRule): Promise<boolean> {
    const now = new Date();
    const windowStart = new Date(now.getTime() - rule.windowMs);
    await throttles.updateOne(
      { _id: key, windowStartedAt: { $lt: windowStart } },
      { $set: { failures: 0, windowStartedAt: now, lockedUntil: null } },
    );
    const entry = await throttles.findOneAndUpdate(
      { _id: key },
      {
        $inc: { failures: 1 },
        $setOnInsert: { windowStartedAt: now, lockedUntil: null },
        $set: { expiresAt: new Date(now.getTime() + rule.windowMs + rule.lockMs) },
      },
      { upsert: true, returnDocument: 'after' },
    );
    if (entry.failures < rule.limit) return false;
    await throttles.updateOne({ _id: key }, { $set: { lockedUntil: new Date(now.getTime() + rule.lockMs) } });
    return true;
  }

  async function clear(key: string): Promise<void> {
    await throttles.deleteOne({ _id: key });
  }

  return { assertOpen, recordFailure, clear };
}
export type ThrottleService = ReturnType<typeof throttleService>;
