import {
  ObjectIdSchema,
  PageQuerySchema,
  UserAdminUpdateSchema,
  UserListQuerySchema,
} from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import type { UserService } from './user.service.js';

export function userRouter(users: UserService): Router {
  const router = Router();
  router.get(
    '/users',
    ...endpoint({ query: UserListQuerySchema.extend(PageQuerySchema.shape) }, ({ query }, req) =>
      users.list(req.ctx, query),
    ),
  );
  router.patch(
    '/users/:id',
    ...endpoint(
      { params: z.object({ id: ObjectIdSchema }), body: UserAdminUpdateSchema },
      ({ params, body }, req) => users.update(req.ctx, params.id, body),
    ),
  );
  return router;
}
