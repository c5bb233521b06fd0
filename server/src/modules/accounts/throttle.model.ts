import { Schema, type Connection } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';

/** Failure counters for sign-in and registration, shared by every app node through the database. */
export interface ThrottleDoc {
  _id: string;
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
  expiresAt: Date;
}

const throttleSchema = new Schema<ThrottleDoc>({
  _id: { type: String, required: true },
  failures: { type: Number, default: 0 },
  windowStartedAt: { type: Date, required: true },
  lockedUntil: { type: Date, default: null },
  expiresAt: { type: Date, required: true, index: { expireAfterSeconds: 0 } },
});

export const throttleModel = (connection: Connection) => modelOn(connection, 'Throttle', throttleSchema);
export type ThrottleModel = ReturnType<typeof throttleModel>;
