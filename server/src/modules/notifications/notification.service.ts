import type {
  Notification,
  NotificationPreferences,
  NotificationType,
  Page,
  PageQuery,
} from '@techmatch/shared';
import { requireActor, type RequestContext } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { isDuplicateKeyError, paginate } from '../../platform/mongo.js';
import type { RealtimeHub } from '../../platform/realtime.js';
import type {
  NotificationDoc,
  NotificationModel,
  NotificationPreferenceModel,
} from './notification.model.js';

export interface NotificationInput {
  type: NotificationType;
  params: Record<string, string | number>;
  link: string | null;
  /** Unique per event and recipient, so redelivered events notify once. */
  key: string;
}

interface NotificationDeps {
  notifications: NotificationModel;
  preferences: NotificationPreferenceModel;
  realtime: RealtimeHub;
}

function presentNotification(doc: NotificationDoc): Notification {
  return {
    id: doc._id.toHexString(),
    type: doc.type,
    params: doc.params,
    link: doc.link,
    read: doc.readAt !== null,
    createdAt: doc.createdAt.toISOString(),
  };
}

/** One inbox per user: stored first, then pushed live to the user's open tabs with the unread count. */
export function notificationService({ notifications, preferences, realtime }: NotificationDeps) {
  const unreadOf = (userId: string) => notifications.countDocuments({ userId, readAt: null });

  async function pushCount(userId: string): Promise<void> {
    realtime.toUser(userId).emit('notification:count', { unread: await unreadOf(userId) });
  }

  async function notify(userIds: string[], input: NotificationInput): Promise<void> {
    const recipients = [...new Set(userIds)];
    const muted = await preferences.find({ _id: { $in: recipients }, muted: input.type }, { _id: 1 }).lean();
    const mutedIds = new Set(muted.map((m) => m._id.toHexString()));
    for (const userId of recipients.filter((id) => !mutedIds.has(id))) {
      try {
        const doc = await notifications.create({ userId, ...input });
        realtime.toUser(userId).emit('notification:new', {
          notification: presentNotification(doc.toObject<NotificationDoc>()),
          unread: await unreadOf(userId),
        });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  async function list(
    ctx: RequestContext,
    query: { unread?: 'true' | 'false' } & PageQuery,
  ): Promise<Page<Notification>> {
    const actor = requireActor(ctx);
    const filter = { userId: actor.id, ...(query.unread === 'true' ? { readAt: null } : {}) };
    const page = await paginate(notifications, filter, query, { createdAt: -1, _id: -1 });
    return { ...page, items: page.docs.map(presentNotification) };
  }

  async function unreadCount(ctx: RequestContext): Promise<{ unread: number }> {
    return { unread: await unreadOf(requireActor(ctx).id) };
  }

  async function markRead(ctx: RequestContext, id: string): Promise<Notification> {
    const actor = requireActor(ctx);
    const doc = await notifications
      .findOneAndUpdate(
        { _id: id, userId: actor.id },
        { $set: { readAt: new Date() } },
        { returnDocument: 'after' },
      )
      .lean<NotificationDoc>();
    if (!doc) throw new AppError('NOT_FOUND');
    await pushCount(actor.id);
    return presentNotification(doc);
  }

  async function markAllRead(ctx: RequestContext): Promise<{ unread: number }> {
    const actor = requireActor(ctx);
    await notifications.updateMany({ userId: actor.id, readAt: null }, { $set: { readAt: new Date() } });
    await pushCount(actor.id);
    return { unread: 0 };
  }

  /** Marks read what led to a page the user has now seen (the new messages of an inquiry they opened). */
  async function markLinkRead(userId: string, type: NotificationType, link: string): Promise<void> {
    const { modifiedCount } = await notifications.updateMany(
      { userId, type, link, readAt: null },
      { $set: { readAt: new Date() } },
    );
    if (modifiedCount > 0) await pushCount(userId);
  }

  async function getPreferences(ctx: RequestContext): Promise<NotificationPreferences> {
    const actor = requireActor(ctx);
    const doc = await preferences.findById(actor.id).lean();
    return { muted: doc?.muted ?? [] };
  }

  async function setPreferences(
    ctx: RequestContext,
    input: NotificationPreferences,
  ): Promise<NotificationPreferences> {
    const actor = requireActor(ctx);
    await preferences.updateOne(
      { _id: actor.id },
      { $set: { muted: [...new Set(input.muted)] } },
      { upsert: true },
    );
    return getPreferences(ctx);
  }

  return {
    notify,
    list,
    unreadCount,
    markRead,
    markAllRead,
    markLinkRead,
    getPreferences,
    setPreferences,
  };
}
export type NotificationService = ReturnType<typeof notificationService>;
