import type { MembershipStatus, Role } from '@techmatch/shared';
import { AppError } from '../errors.js';

/** The signed-in user a request or socket acts as, with what authorisation decisions need. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  organisationId: string | null;
  membership: MembershipStatus;
  organisationVerified: boolean;
  sessionId: string;
}

/** As much of an actor as the audit log names (also rebuilt from an audit record by event handlers). */
export type AuditActor = Pick<Actor, 'id' | 'name' | 'role'>;

/** Who is calling, for services: never `req`, only what the rules and the audit log need. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

export function isStaff(actor: Actor): boolean {
  return actor.role === 'staff' || actor.role === 'admin';
}

/** True when the actor is an approved member of the given organisation. */
export function isActiveMemberOf(actor: Actor, organisationId: string): boolean {
  return actor.organisationId === organisationId && actor.membership === 'active';
}
