import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ObjectIdSchema } from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import { receiveSingleFile } from '../../platform/http/upload.js';
import { requireActor } from '../../platform/auth/actor.js';
import type { AttachmentService } from './attachment.service.js';
import { MAX_FILE_BYTES } from './file-type.js';

export function attachmentRouter(attachments: AttachmentService, uploadsDir: string): Router {
  const router = Router();

  router.post(
    '/attachments',
    ...endpoint(
      {},
      async (_input, req) => {
        requireActor(req.ctx); // refuse anonymous uploads before reading the body
        const file = await receiveSingleFile(req, path.join(uploadsDir, 'incoming'), MAX_FILE_BYTES);
        return attachments.store(req.ctx, file);
      },
      { status: 201 },
    ),
  );

  router.get(
    '/attachments/:id',
    ...endpoint({ params: z.object({ id: ObjectIdSchema }) }, async ({ params }, req, res) => {
      const { attachment, stream } = await attachments.open(req.ctx, params.id);
      res.setHeader('Content-Type', attachment.contentType);
      res.setHeader('Content-Length', String(attachment.size));
      res.setHeader(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      );
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('X-Content-Type-Options', 'nosniff');
      await pipeline(stream(), res);
      return undefined;
    }),
  );

  return router;
}
