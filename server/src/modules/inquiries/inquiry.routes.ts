import {
  InquiryCloseSchema,
  InquiryDecisionSchema,
  InquiryListQuerySchema,
  InquiryOpenInputSchema,
  MessageHistoryQuerySchema,
  MessageInputSchema,
  ObjectIdSchema,
} from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import type { InquiryService } from './inquiry.service.js';
import type { MessageService } from './message.service.js';

const byId = z.object({ id: ObjectIdSchema });

/** 意向洽谈 over HTTP; the same conversation is live over Socket.IO (inquiry.socket.ts). */
export function inquiryRouter(inquiries: InquiryService, messages: MessageService): Router {
  const router = Router();
  router.get(
    '/inquiries',
    ...endpoint({ query: InquiryListQuerySchema }, ({ query }, req) => inquiries.list(req.ctx, query)),
  );
  router.post(
    '/inquiries',
    ...endpoint({ body: InquiryOpenInputSchema }, ({ body }, req) => inquiries.open(req.ctx, body), {
      status: 201,
    }),
  );
  router.get(
    '/inquiries/:id',
    ...endpoint({ params: byId }, ({ params }, req) => inquiries.get(req.ctx, params.id)),
  );
  router.post(
    '/inquiries/:id/decision',
    ...endpoint({ params: byId, body: InquiryDecisionSchema }, ({ params, body }, req) =>
      inquiries.decide(req.ctx, params.id, body),
    ),
  );
  router.post(
    '/inquiries/:id/close',
    ...endpoint({ params: byId, body: InquiryCloseSchema }, ({ params, body }, req) =>
      inquiries.close(req.ctx, params.id, body.reason),
    ),
  );
  router.post(
    '/inquiries/:id/agree',
    ...endpoint({ params: byId }, ({ params }, req) => inquiries.agree(req.ctx, params.id)),
  );
  router.post(
    '/inquiries/:id/brokers',
    ...endpoint({ params: byId }, ({ params }, req) => inquiries.joinAsBroker(req.ctx, params.id)),
  );
  router.get(
    '/inquiries/:id/messages',
    ...endpoint({ params: byId, query: MessageHistoryQuerySchema }, ({ params, query }, req) =>
      messages.history(req.ctx, params.id, query),
    ),
  );
  router.post(
    '/inquiries/:id/messages',
    ...endpoint(
      { params: byId, body: MessageInputSchema },
      ({ params, body }, req) => messages.send(req.ctx, params.id, body),
      { status: 201 },
    ),
  );
  router.post(
    '/inquiries/:id/read',
    ...endpoint(
      { params: byId, body: z.object({ seq: z.number().int().min(0) }).strict() },
      ({ params, body }, req) => messages.markRead(req.ctx, params.id, body.seq),
    ),
  );
  return router;
}
