import {
  MEMBERSHIP_STATUSES,
  ROLES,
  USER_STATUSES,
  type MembershipStatus,
  type Role,
} from '@techmatch/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';
import { outboxField, type WithOutbox } from '../../platform/outbox.js';

export interface UserDoc extends WithOutbox {
  _id: Types.ObjectId;
  email: string;
  passwordHash: string;
  name: string;
  phone: string | null;
  role: Role;
  status: (typeof USER_STATUSES)[number];
  organisationId: Types.ObjectId | null;
  membership: MembershipStatus;
  lastLoginAt: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const userSchema = new Schema<UserDoc>(
  {
    email: { type: String, required: true, unique: true },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true },
    phone: { type: String, default: null },
    role: { type: String, enum: ROLES, required: true, index: true },
    status: { type: String, enum: USER_STATUSES, default: 'active' },
    organisationId: { type: Schema.Types.ObjectId, default: null, index: true },
    membership: { type: String, enum: MEMBERSHIP_STATUSES, default: 'active' },
    lastLoginAt: { type: Date, default: null },
    passwordChangedAt: { type: Date, default: () => new Date() },
    ...outboxField,
  },
  { timestamps: true },
);

export const userModel = (connection: Connection) => modelOn(connection, 'User', userSchema);
export type UserModel = ReturnType<typeof userModel>;
