import {
  INQUIRY_CLOSURES,
  INQUIRY_STATUSES,
  LISTING_TYPES,
  type InquiryStatus,
  type ListingType,
} from '@techmatch/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';
import { outboxField, type WithOutbox } from '../../platform/outbox.js';

export interface InquiryPartyDoc {
  userId: Types.ObjectId;
  name: string;
  organisationId: Types.ObjectId;
  organisationName: string;
}

export interface InquiryDoc extends WithOutbox {
  _id: Types.ObjectId;
  listingType: ListingType;
  listingId: Types.ObjectId;
  listingTitle: string;
  /** The side that opened the inquiry (or the winning team of a challenge). */
  initiator: InquiryPartyDoc;
  /** The listing's organisation and the member who posted it. */
  owner: InquiryPartyDoc;
  brokers: { userId: Types.ObjectId; name: string; joinedAt: Date }[];
  status: InquiryStatus;
  /** True until closed: at most one active inquiry per listing and initiating organisation. */
  active: boolean;
  /** Absent unless the inquiry was opened for a winning 揭榜 application. */
  applicationId?: Types.ObjectId;
  closure: { kind: (typeof INQUIRY_CLOSURES)[number]; reason: string; at: Date; byId: Types.ObjectId } | null;
  agreed: { initiator: Date | null; owner: Date | null };
  acceptedAt: Date | null;
  /** The sequence number of the latest message; incremented atomically for each new one. */
  lastSeq: number;
  lastMessageAt: Date | null;
  /** User id → the highest sequence number they have read. */
  reads: Record<string, number>;
  /** User id → their read position when they were last told of unread messages (one inbox entry per catch-up). */
  alerted: Record<string, number>;
  createdAt: Date;
  updatedAt: Date;
}

/** A side of an inquiry or an application: the person and the organisation they act for. */
export const inquiryPartySchema = new Schema<InquiryPartyDoc>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    organisationId: { type: Schema.Types.ObjectId, required: true },
    organisationName: { type: String, required: true },
  },
  { _id: false },
);

const inquirySchema = new Schema<InquiryDoc>(
  {
    listingType: { type: String, enum: LISTING_TYPES, required: true },
    listingId: { type: Schema.Types.ObjectId, required: true },
    listingTitle: { type: String, required: true },
    initiator: { type: inquiryPartySchema, required: true },
    owner: { type: inquiryPartySchema, required: true },
    brokers: {
      type: [
        new Schema(
          {
            userId: { type: Schema.Types.ObjectId, required: true },
            name: { type: String, required: true },
            joinedAt: { type: Date, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    status: { type: String, enum: INQUIRY_STATUSES, required: true },
    active: { type: Boolean, required: true },
    applicationId: { type: Schema.Types.ObjectId },
    closure: {
      type: new Schema(
        {
          kind: { type: String, enum: INQUIRY_CLOSURES, required: true },
          reason: { type: String, required: true },
          at: { type: Date, required: true },
          byId: { type: Schema.Types.ObjectId, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    agreed: {
      initiator: { type: Date, default: null },
      owner: { type: Date, default: null },
    },
    acceptedAt: { type: Date, default: null },
    lastSeq: { type: Number, default: 0 },
    lastMessageAt: { type: Date, default: null },
    reads: { type: Schema.Types.Mixed, default: {} },
    alerted: { type: Schema.Types.Mixed, default: {} },
    ...outboxField,
  },
  { timestamps: true, minimize: false },
);
inquirySchema.index(
  { listingId: 1, 'initiator.organisationId': 1 },
  { unique: true, partialFilterExpression: { active: true } },
);
inquirySchema.index(
  { applicationId: 1 },
  { unique: true, partialFilterExpression: { applicationId: { $exists: true } } },
);
inquirySchema.index({ 'initiator.organisationId': 1, updatedAt: -1 });
inquirySchema.index({ 'owner.organisationId': 1, updatedAt: -1 });
inquirySchema.index({ 'brokers.userId': 1, updatedAt: -1 });

export const inquiryModel = (connection: Connection) => modelOn(connection, 'Inquiry', inquirySchema);
export type InquiryModel = ReturnType<typeof inquiryModel>;
