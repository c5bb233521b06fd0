import {
  COUNTIES,
  ORGANISATION_KINDS,
  VERIFICATION_STATUSES,
  type County,
  type OrganisationKind,
  type VerificationStatus,
} from '@techmatch/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';
import { outboxField, type WithOutbox } from '../../platform/outbox.js';

export interface OrganisationDoc extends WithOutbox {
  _id: Types.ObjectId;
  name: string;
  kind: OrganisationKind;
  creditCode: string;
  county: County | null;
  location: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  description: string;
  verification: {
    status: VerificationStatus;
    reason: string | null;
    reviewedAt: Date | null;
    reviewedBy: Types.ObjectId | null;
  };
  createdAt: Date;
  updatedAt: Date;
}

const organisationSchema = new Schema<OrganisationDoc>(
  {
    name: { type: String, required: true, index: true },
    kind: { type: String, enum: ORGANISATION_KINDS, required: true },
    creditCode: { type: String, required: true, unique: true },
    county: { type: String, enum: [...COUNTIES, null], default: null },
    location: { type: String, default: '' },
    contactName: { type: String, required: true },
    contactPhone: { type: String, required: true },
    contactEmail: { type: String, required: true },
    description: { type: String, default: '' },
    verification: {
      status: { type: String, enum: VERIFICATION_STATUSES, default: 'pending', index: true },
      reason: { type: String, default: null },
      reviewedAt: { type: Date, default: null },
      reviewedBy: { type: Schema.Types.ObjectId, default: null },
    },
    ...outboxField,
  },
  { timestamps: true },
);

export const organisationModel = (connection: Connection) =>
  modelOn(connection, 'Organisation', organisationSchema);
export type OrganisationModel = ReturnType<typeof organisationModel>;
