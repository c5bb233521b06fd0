import type { Organisation, OrganisationPublic, User } from '@techmatch/shared';
import { iso } from '../../platform/mongo.js';
import type { OrganisationDoc } from '../organisations/organisation.model.js';
import type { UserDoc } from './user.model.js';

export function presentUser(user: UserDoc): User {
  return {
    id: user._id.toHexString(),
    email: user.email,
    name: user.name,
    phone: user.phone,
    role: user.role,
    status: user.status,
    organisationId: user.organisationId?.toHexString() ?? null,
    membership: user.membership,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: iso(user.lastLoginAt),
  };
}

export function presentOrganisation(org: OrganisationDoc): Organisation {
  return {
    id: org._id.toHexString(),
    name: org.name,
    kind: org.kind,
    creditCode: org.creditCode,
    county: org.county,
    location: org.location,
    contactName: org.contactName,
    contactPhone: org.contactPhone,
    contactEmail: org.contactEmail,
    description: org.description,
    verification: {
      status: org.verification.status,
      reason: org.verification.reason,
      reviewedAt: iso(org.verification.reviewedAt),
      reviewedBy: org.verification.reviewedBy?.toHexString() ?? null,
    },
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}

export function presentOrganisationPublic(org: OrganisationDoc): OrganisationPublic {
  return {
    id: org._id.toHexString(),
    name: org.name,
    kind: org.kind,
    county: org.county,
    location: org.location,
    description: org.description,
    verified: org.verification.status === 'verified',
  };
}
