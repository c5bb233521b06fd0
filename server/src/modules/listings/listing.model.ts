import { FIELDS, LISTING_STATUSES, type Field, type ListingStatus } from '@techmatch/shared';
import { Schema, type Types } from 'mongoose';
import { outboxField, type WithOutbox } from '../../platform/outbox.js';
import { searchSyncFields, type Indexable } from '../../platform/search-sync.js';

export interface AttachmentRef {
  _id: Types.ObjectId;
  filename: string;
  contentType: string;
  size: number;
}

/** What achievements and needs store alike: ownership, lifecycle, contacts, attachments, search state. */
export interface ListingDoc extends WithOutbox, Indexable {
  _id: Types.ObjectId;
  title: string;
  field: Field;
  keywords: string[];
  organisationId: Types.ObjectId;
  organisationName: string;
  ownerId: Types.ObjectId;
  status: ListingStatus;
  reviewNote: string | null;
  attachments: AttachmentRef[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const attachmentRefSchema = new Schema<AttachmentRef>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
  },
  { _id: false },
);

export const listingFields = {
  title: { type: String, required: true },
  field: { type: String, enum: FIELDS, required: true, index: true },
  keywords: { type: [String], default: [] },
  organisationId: { type: Schema.Types.ObjectId, required: true, index: true },
  organisationName: { type: String, required: true },
  ownerId: { type: Schema.Types.ObjectId, required: true },
  status: { type: String, enum: LISTING_STATUSES, default: 'draft' as ListingStatus, index: true },
  reviewNote: { type: String, default: null },
  attachments: { type: [attachmentRefSchema], default: [] },
  contactName: { type: String, required: true },
  contactPhone: { type: String, required: true },
  contactEmail: { type: String, required: true },
  publishedAt: { type: Date, default: null },
  ...searchSyncFields,
  ...outboxField,
};
