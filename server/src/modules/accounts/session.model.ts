import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';

/** A server-side session. `_id` is the SHA-256 of the cookie token, so a database leak yields no sessions. */
export interface SessionDoc {
  _id: string;
  userId: Types.ObjectId;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

const sessionSchema = new Schema<SessionDoc>({
  _id: { type: String, required: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  csrfToken: { type: String, required: true },
  createdAt: { type: Date, required: true },
  lastSeenAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true, index: { expireAfterSeconds: 0 } },
  ip: { type: String, default: null },
  userAgent: { type: String, default: null },
});

export const sessionModel = (connection: Connection) => modelOn(connection, 'Session', sessionSchema);
export type SessionModel = ReturnType<typeof sessionModel>;
