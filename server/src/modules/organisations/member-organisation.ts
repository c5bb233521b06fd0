import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import type { OrganisationDoc, OrganisationModel } from './organisation.model.js';

/** The organisation the actor acts for, as an approved member (and, with `verified`, a bureau-verified one). */
export async function memberOrganisation(
  organisations: OrganisationModel,
  actor: Actor,
  { verified = false } = {},
): Promise<OrganisationDoc> {
  if (!actor.organisationId) throw new AppError('FORBIDDEN');
  if (actor.membership !== 'active') throw new AppError('MEMBERSHIP_PENDING');
  if (verified && !actor.organisationVerified) throw new AppError('ORGANISATION_NOT_VERIFIED');
  const org = await organisations.findById(actor.organisationId).lean<OrganisationDoc>();
  if (!org) throw new AppError('FORBIDDEN');
  return org;
}
