import {
  NotificationPreferencesSchema,
  NotificationQuerySchema,
  ObjectIdSchema,
  PageQuerySchema,
} from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import type { NotificationService } from './notification.service.js';

export function notificationRouter(notifications: NotificationService): Router {
  const router = Router();
  router.get(
    '/notifications',
    ...endpoint({ query: NotificationQuerySchema.extend(PageQuerySchema.shape) }, ({ query }, req) =>
      notifications.list(req.ctx, query),
    ),
  );
  router.get(
    '/notifications/unread-count',
    ...endpoint({}, (_input, req) => notifications.unreadCount(req.ctx)),
  );
  router.post(
    '/notifications/read-all',
    ...endpoint({}, (_input, req) => notifications.markAllRead(req.ctx)),
  );
  router.post(
    '/notifications/:id/read',
    ...endpoint({ params: z.object({ id: ObjectIdSchema }) }, ({ params }, req) =>
      notifications.markRead(req.ctx, params.id),
    ),
  );
  router.get(
    '/notifications/preferences',
    ...endpoint({}, (_input, req) => notifications.getPreferences(req.ctx)),
  );
  router.put(
    '/notifications/preferences',
    ...endpoint({ body: NotificationPreferencesSchema }, ({ body }, req) =>
      notifications.setPreferences(req.ctx, body),
    ),
  );
  return router;
}
