import { LISTING_STATUSES, ObjectIdSchema, PageQuerySchema, ReviewDecisionSchema } from '@techmatch/shared';
import type { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import type { ListingDoc } from './listing.model.js';
import type { ListingService } from './listing.service.js';

const byId = z.object({ id: ObjectIdSchema });
const listQuery = PageQuerySchema.extend({ status: z.enum(LISTING_STATUSES).optional() });

/**
 * The lifecycle routes every listing kind shares, mounted under `/<base>`: my listings, the review queue,
 * create (201), read, replace, submit, review, close and delete (drafts only).
 */
export function mountListingRoutes<
  D extends ListingDoc,
  I extends { title: string; attachmentIds: string[] },
  V,
>(router: Router, base: string, service: ListingService<D, I, V>, inputSchema: z.ZodType<I>): void {
  router.get(
    `/${base}/mine`,
    ...endpoint({ query: listQuery }, ({ query }, req) => service.listMine(req.ctx, query)),
  );
  router.get(
    `/${base}/review-queue`,
    ...endpoint({ query: listQuery }, ({ query }, req) => service.reviewQueue(req.ctx, query)),
  );
  router.post(
    `/${base}`,
    ...endpoint({ body: inputSchema }, ({ body }, req) => service.create(req.ctx, body), { status: 201 }),
  );
  router.get(
    `/${base}/:id`,
    ...endpoint({ params: byId }, ({ params }, req) => service.get(req.ctx, params.id)),
  );
  router.put(
    `/${base}/:id`,
    ...endpoint({ params: byId, body: inputSchema }, ({ params, body }, req) =>
      service.update(req.ctx, params.id, body),
    ),
  );
  router.post(
    `/${base}/:id/submit`,
    ...endpoint({ params: byId }, ({ params }, req) => service.submit(req.ctx, params.id)),
  );
  router.post(
    `/${base}/:id/review`,
    ...endpoint({ params: byId, body: ReviewDecisionSchema }, ({ params, body }, req) =>
      service.review(req.ctx, params.id, body),
    ),
  );
  router.post(
    `/${base}/:id/close`,
    ...endpoint({ params: byId }, ({ params }, req) => service.close(req.ctx, params.id)),
  );
  router.delete(
    `/${base}/:id`,
    ...endpoint({ params: byId }, ({ params }, req) => service.remove(req.ctx, params.id)),
  );
}
