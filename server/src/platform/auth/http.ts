import { timingSafeEqual } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors.js';
import type { Actor, RequestContext } from './actor.js';

export const SESSION_COOKIE = 'tm_session';
export const CSRF_HEADER = 'x-csrf-token';
const SESSION_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/** Looks a session token up; null when unknown, expired, or its user may no longer sign in. */
export type SessionResolver = (token: string) => Promise<ResolvedSession | null>;

declare module 'express-serve-static-core' {
  interface Request {
    ctx: RequestContext;
    session: ResolvedSession | null;
  }
}

export function sessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  return parseCookies(cookieHeader)[SESSION_COOKIE] ?? null;
}

/** Attaches `req.ctx` (the caller) and `req.session` to every API request. */
export function authenticate(resolve: SessionResolver): RequestHandler {
  return async (req, _res, next) => {
    const token = sessionToken(req.headers.cookie);
    const session = token ? await resolve(token) : null;
    req.session = session;
    req.ctx = { actor: session?.actor ?? null, requestId: String(req.id), ip: req.ip ?? null };
    next();
  };
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isCrossSite(req: Request): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true; // "null" (sandboxed frames, file://) or garbage: not our page
  }
}

/**
 * CSRF defence for cookie-authenticated writes: writes from another site are refused outright, and a signed-in
 * caller must echo the session's CSRF token in `X-CSRF-Token` (a value other sites cannot read).
 */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (!UNSAFE_METHODS.has(req.method)) return next();
  if (isCrossSite(req)) return next(new AppError('CROSS_SITE_REQUEST'));
  if (!req.session) return next();
  const given = req.headers[CSRF_HEADER];
  if (typeof given !== 'string' || !sameToken(given, req.session.csrfToken)) {
    return next(new AppError('CSRF_TOKEN_INVALID'));
  }
  next();
};

export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    maxAge: SESSION_MAX_AGE_MS,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}
