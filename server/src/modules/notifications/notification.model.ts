import { NOTIFICATION_TYPES, type NotificationType } from '@techmatch/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';

export interface NotificationDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  type: NotificationType;
  params: Record<string, string | number>;
  link: string | null;
  /** Makes delivery idempotent: the same event never notifies the same user twice. */
  key: string;
  readAt: Date | null;
  createdAt: Date;
}

const notificationSchema = new Schema<NotificationDoc>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    type: { type: String, enum: NOTIFICATION_TYPES, required: true },
    params: { type: Schema.Types.Mixed, default: {} },
    link: { type: String, default: null },
    key: { type: String, required: true },
    readAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false },
);
notificationSchema.index({ userId: 1, key: 1 }, { unique: true });
notificationSchema.index({ userId: 1, readAt: 1, createdAt: -1 });

export const notificationModel = (connection: Connection) =>
  modelOn(connection, 'Notification', notificationSchema);
export type NotificationModel = ReturnType<typeof notificationModel>;

export interface NotificationPreferenceDoc {
  _id: Types.ObjectId;
  muted: NotificationType[];
}

const preferenceSchema = new Schema<NotificationPreferenceDoc>({
  muted: { type: [String], enum: NOTIFICATION_TYPES, default: [] },
});

/** One document per user (keyed by the user id), created on first change. */
export const notificationPreferenceModel = (connection: Connection) =>
  modelOn(connection, 'NotificationPreference', preferenceSchema);
export type NotificationPreferenceModel = ReturnType<typeof notificationPreferenceModel>;
