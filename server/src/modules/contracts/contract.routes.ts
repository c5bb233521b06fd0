import {
  ContractInputSchema,
  type Contract,
  ContractPrefillQuerySchema,
  ContractQuerySchema,
  CorrectionSchema,
  ObjectIdSchema,
  PageQuerySchema,
  PublicitySchema,
  RegistrationInputSchema,
  ReturnDecisionSchema,
  VoidDecisionSchema,
} from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { RequestContext } from '../../platform/auth/actor.js';
import { endpoint } from '../../platform/http/endpoint.js';
import type { ContractRegistration } from './contract-registration.js';
import type { ContractService } from './contract.service.js';

const byId = z.object({ id: ObjectIdSchema });

export function contractRouter(contracts: ContractService, registration: ContractRegistration): Router {
  const router = Router();

  router.get(
    '/contracts',
    ...endpoint({ query: ContractQuerySchema.extend(PageQuerySchema.shape) }, ({ query }, req) =>
      contracts.list(req.ctx, query),
    ),
  );
  router.get(
    '/contracts/mine',
    ...endpoint({ query: PageQuerySchema }, ({ query }, req) => contracts.listMine(req.ctx, query)),
  );
  router.get(
    '/contracts/prefill',
    ...endpoint({ query: ContractPrefillQuerySchema }, ({ query }, req) =>
      contracts.prefill(req.ctx, query.inquiry),
    ),
  );
  router.post(
    '/contracts',
    ...endpoint({ body: ContractInputSchema }, ({ body }, req) => contracts.create(req.ctx, body), {
      status: 201,
    }),
  );
  router.get(
    '/contracts/:id',
    ...endpoint({ params: byId }, ({ params }, req) => contracts.get(req.ctx, params.id)),
  );
  router.put(
    '/contracts/:id',
    ...endpoint({ params: byId, body: ContractInputSchema }, ({ params, body }, req) =>
      contracts.update(req.ctx, params.id, body),
    ),
  );
  router.delete(
    '/contracts/:id',
    ...endpoint({ params: byId }, ({ params }, req) => contracts.remove(req.ctx, params.id)),
  );
  router.post(
    '/contracts/:id/submit',
    ...endpoint({ params: byId }, ({ params }, req) => contracts.submit(req.ctx, params.id)),
  );

  /** A staff decision on one contract: `POST /contracts/:id/<action>` with its body schema. */
  function decision<S extends z.ZodType>(
    action: string,
    schema: S,
    decide: (ctx: RequestContext, id: string, input: z.output<S>) => Promise<Contract>,
  ): void {
    router.post(
      `/contracts/:id/${action}`,
      ...endpoint({ params: byId, body: schema }, ({ params, body }, req) =>
        decide(req.ctx, params.id, body as z.output<S>),
      ),
    );
  }
  decision('register', RegistrationInputSchema, registration.register);
  decision('return', ReturnDecisionSchema, registration.returnContract);
  decision('void', VoidDecisionSchema, registration.voidContract);
  decision('correct', CorrectionSchema, registration.correct);
  router.put(
    '/contracts/:id/publicity',
    ...endpoint({ params: byId, body: PublicitySchema.strict() }, ({ params, body }, req) =>
      registration.setPublicity(req.ctx, params.id, body),
    ),
  );

  return router;
}
