import { roleHasPermission, type Permission } from '@techmatch/shared';
import { AppError } from '../errors.js';
import { isActiveMemberOf, isStaff, requireActor, type Actor, type RequestContext } from './actor.js';

/** The object each permission is checked against; permissions absent here are decided by role alone. */
interface PolicyResources {
  'organisation.update': { organisationId: string };
  'membership.review': { organisationId: string };
  'listing.edit': { organisationId: string };
  'listing.close': { organisationId: string };
  'contract.edit': { organisationId: string | null };
  'inquiry.open': { listingType: 'achievement' | 'need' };
  'inquiry.participate': InquiryParties;
  'inquiry.decide': { ownerOrganisationId: string };
  'application.decide': { organisationId: string };
}

/** The organisations on both sides of an inquiry, and the brokers who joined it. */
export interface InquiryParties {
  initiatorOrganisationId: string;
  ownerOrganisationId: string;
  brokerIds: string[];
}

type ObjectRules = { [P in keyof PolicyResources]: (actor: Actor, resource: PolicyResources[P]) => boolean };

const OBJECT_RULES: ObjectRules = {
  'organisation.update': (actor, { organisationId }) =>
    isStaff(actor) || isActiveMemberOf(actor, organisationId),
  'membership.review': (actor, { organisationId }) =>
    isStaff(actor) || isActiveMemberOf(actor, organisationId),
  'listing.edit': (actor, { organisationId }) => isActiveMemberOf(actor, organisationId),
  'listing.close': (actor, { organisationId }) => isStaff(actor) || isActiveMemberOf(actor, organisationId),
  'contract.edit': (actor, { organisationId }) =>
    isStaff(actor) || (organisationId !== null && isActiveMemberOf(actor, organisationId)),
  // Firms ask about achievements, researchers about needs.
  'inquiry.open': (actor, { listingType }) => (actor.role === 'firm') === (listingType === 'achievement'),
  'inquiry.participate': (actor, parties) =>
    isActiveMemberOf(actor, parties.initiatorOrganisationId) ||
    isActiveMemberOf(actor, parties.ownerOrganisationId) ||
    parties.brokerIds.includes(actor.id),
  'inquiry.decide': (actor, { ownerOrganisationId }) => isActiveMemberOf(actor, ownerOrganisationId),
  'application.decide': (actor, { organisationId }) => isActiveMemberOf(actor, organisationId),
};

type ResourceArg<P extends Permission> = P extends keyof PolicyResources ? [PolicyResources[P]] : [];

/** The one place that decides whether an actor may perform an action (on an object). */
export function can<P extends Permission>(actor: Actor, permission: P, ...resource: ResourceArg<P>): boolean {
  if (!roleHasPermission(actor.role, permission)) return false;
  if (!(permission in OBJECT_RULES)) return true;
  const rule = OBJECT_RULES[permission as keyof PolicyResources] as (a: Actor, r: unknown) => boolean;
  return rule(actor, resource[0]);
}

/** Returns the actor when allowed; otherwise throws UNAUTHENTICATED (nobody signed in) or FORBIDDEN. */
export function authorize<P extends Permission>(
  ctx: RequestContext,
  permission: P,
  ...resource: ResourceArg<P>
): Actor {
  const actor = requireActor(ctx);
  if (!can(actor, permission, ...resource)) throw new AppError('FORBIDDEN');
  return actor;
}
