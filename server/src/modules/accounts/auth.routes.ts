import { ChangePasswordSchema, LoginSchema, ProfileUpdateSchema, RegisterSchema } from '@techmatch/shared';
import { Router, type Request } from 'express';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/http.js';
import { requireActor } from '../../platform/auth/actor.js';
import { endpoint } from '../../platform/http/endpoint.js';
import type { AuthService } from './auth.service.js';

const clientMeta = (req: Request) => ({ userAgent: req.headers['user-agent'] ?? null });

export function authRouter(auth: AuthService): Router {
  const router = Router();

  router.get(
    '/auth/session',
    ...endpoint({}, (_input, req) => auth.currentSession(req.ctx, req.session?.csrfToken ?? null)),
  );

  router.post(
    '/auth/register',
    ...endpoint(
      { body: RegisterSchema },
      async ({ body }, req, res) => {
        const { token, session, joinedExisting } = await auth.register(req.ctx, body, clientMeta(req));
        setSessionCookie(req, res, token);
        return { ...session, joinedExisting };
      },
      { status: 201 },
    ),
  );

  router.post(
    '/auth/login',
    ...endpoint({ body: LoginSchema }, async ({ body }, req, res) => {
      const { token, session } = await auth.login(req.ctx, body, clientMeta(req));
      setSessionCookie(req, res, token);
      return session;
    }),
  );

  router.post(
    '/auth/logout',
    ...endpoint({}, async (_input, req, res) => {
      await auth.logout(req.ctx);
      clearSessionCookie(req, res);
    }),
  );

  router.post(
    '/auth/password',
    ...endpoint({ body: ChangePasswordSchema }, ({ body }, req) => auth.changePassword(req.ctx, body)),
  );

  router.get('/me', ...endpoint({}, (_input, req) => auth.me(req.ctx)));

  router.patch(
    '/me',
    ...endpoint({ body: ProfileUpdateSchema }, ({ body }, req) => {
      requireActor(req.ctx);
      return auth.updateProfile(req.ctx, body, req.session?.csrfToken ?? '');
    }),
  );

  return router;
}
