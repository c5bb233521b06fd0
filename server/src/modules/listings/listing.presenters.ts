import { iso } from '../../platform/mongo.js';
import { presentAttachment } from '../attachments/attachment.service.js';
import type { ListingDoc } from './listing.model.js';

/** The fields every listing shows alike; contacts and review notes only to its organisation and staff. */
export function presentListingBase(doc: ListingDoc, withContact: boolean) {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    field: doc.field,
    keywords: doc.keywords,
    organisationId: doc.organisationId.toHexString(),
    organisationName: doc.organisationName,
    ownerId: doc.ownerId.toHexString(),
    status: doc.status,
    reviewNote: withContact ? doc.reviewNote : null,
    attachments: doc.attachments.map(presentAttachment),
    publishedAt: iso(doc.publishedAt),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    ...(withContact
      ? { contactName: doc.contactName, contactPhone: doc.contactPhone, contactEmail: doc.contactEmail }
      : {}),
  };
}
