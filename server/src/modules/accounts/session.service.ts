import { createHash, randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import type { ResolvedSession } from '../../platform/auth/http.js';
import type { OrganisationModel } from '../organisations/organisation.model.js';
import type { SessionModel } from './session.model.js';
import type { UserDoc, UserModel } from './user.model.js';

const IDLE_TIMEOUT_MS = 7 * 24 * 3600 * 1000;
const ABSOLUTE_TIMEOUT_MS = 30 * 24 * 3600 * 1000;
/** `lastSeenAt` is refreshed at most this often, so reading pages does not turn into a write per request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface SessionDeps {
  sessions: SessionModel;
  users: UserModel;
  organisations: OrganisationModel;
}

export function sessionService({ sessions, users, organisations }: SessionDeps) {
  async function create(userId: Types.ObjectId, meta: { ip: string | null; userAgent: string | null }) {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    await sessions.create({
      _id: hashToken(token),
      userId,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, sessionId: hashToken(token) };
  }

  async function organisationVerified(user: UserDoc): Promise<boolean> {
    if (!user.organisationId) return false;
    const org = await organisations.findById(user.organisationId, { 'verification.status': 1 }).lean();
    return org?.verification.status === 'verified';
  }

  /** The session behind a cookie token, or null when it is unknown, expired, idle too long, or disabled. */
  async function resolve(token: string): Promise<ResolvedSession | null> {
    const sessionId = hashToken(token);
    const session = await sessions.findById(sessionId).lean();
    const now = Date.now();
    if (
      !session ||
      session.expiresAt.getTime() <= now ||
      session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS <= now
    ) {
      return null;
    }
    const user = await users.findById(session.userId, { passwordHash: 0, outbox: 0 }).lean<UserDoc>();
    if (!user || user.status !== 'active') return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await sessions.updateOne({ _id: sessionId }, { $set: { lastSeenAt: new Date(now) } });
    }
    return {
      csrfToken: session.csrfToken,
      actor: {
        id: user._id.toHexString(),
        name: user.name,
        role: user.role,
        organisationId: user.organisationId?.toHexString() ?? null,
        membership: user.membership,
        organisationVerified: await organisationVerified(user),
        sessionId,
      },
    };
  }

  async function revoke(sessionId: string): Promise<void> {
    await sessions.deleteOne({ _id: sessionId });
  }

  async function revokeAllOf(userId: Types.ObjectId | string, exceptSessionId?: string): Promise<void> {
    await sessions.deleteMany({ userId, ...(exceptSessionId ? { _id: { $ne: exceptSessionId } } : {}) });
  }

  return { create, resolve, revoke, revokeAllOf };
}
export type SessionService = ReturnType<typeof sessionService>;
