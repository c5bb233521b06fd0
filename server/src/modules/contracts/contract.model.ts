import {
  ALL_CONTRACT_SUBTYPES,
  CONTRACT_ORIGINS,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  COUNTIES,
  DEFAULT_PUBLICITY,
  FIELDS,
  PROVINCES,
  RETURN_REASONS,
  type ContractInput,
  type ContractStatus,
  type Publicity,
  type ReturnReason,
} from '@techmatch/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';
import { outboxField, type WithOutbox } from '../../platform/outbox.js';
import { attachmentRefSchema, type AttachmentRef } from '../listings/listing.model.js';

type Fields = Omit<ContractInput, 'attachmentIds' | 'links' | 'seller' | 'buyer'>;
type Party = Omit<ContractInput['seller'], 'organisationId'> & { organisationId: Types.ObjectId | null };
type Links = { [K in keyof ContractInput['links']]: Types.ObjectId | null };

export interface RegistrationRecord {
  number: string;
  /** `YYYY-MM-DD`, the day of registration in the bureau's calendar. */
  date: string;
  /** The year of `date`, kept apart so that a year's contracts are one indexed equality. */
  year: number;
  registeredAt: Date;
  registeredBy: Types.ObjectId | null;
}

export interface ContractDoc extends Fields, WithOutbox {
  _id: Types.ObjectId;
  seller: Party;
  buyer: Party;
  links: Links;
  status: ContractStatus;
  registration: RegistrationRecord | null;
  returnReasons: ReturnReason[];
  statusNote: string | null;
  publicity: Publicity;
  attachments: AttachmentRef[];
  /** The seller's organisation when a member drafted it: who may edit it before registration. */
  organisationId: Types.ObjectId | null;
  createdBy: Types.ObjectId;
  /** Set on contracts created by an Excel import: the import and the row's content hash (re-import check). */
  importId: string | null;
  importHash: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const partySchema = new Schema<Party>(
  {
    organisationId: { type: Schema.Types.ObjectId, default: null },
    name: { type: String, required: true },
    creditCode: { type: String, default: null },
    province: { type: String, enum: PROVINCES, required: true },
    county: { type: String, enum: [...COUNTIES, null], default: null },
  },
  { _id: false },
);

const linkField = { type: Schema.Types.ObjectId, default: null };

const contractSchema = new Schema<ContractDoc>(
  {
    title: { type: String, required: true },
    contractNumber: { type: String, default: '' },
    type: { type: String, enum: CONTRACT_TYPES, required: true },
    subtype: { type: String, enum: [...ALL_CONTRACT_SUBTYPES, null], default: null },
    field: { type: String, enum: FIELDS, required: true },
    seller: { type: partySchema, required: true },
    buyer: { type: partySchema, required: true },
    signedDate: { type: String, required: true },
    termStart: { type: String, required: true },
    termEnd: { type: String, required: true },
    contractAmountFen: { type: Number, required: true },
    techTransactionAmountFen: { type: Number, required: true },
    payments: {
      type: [
        new Schema(
          { dueDate: String, amountFen: Number, note: { type: String, default: '' } },
          { _id: false },
        ),
      ],
      default: [],
    },
    origin: { type: String, enum: CONTRACT_ORIGINS, required: true },
    links: {
      needId: linkField,
      achievementId: linkField,
      inquiryId: linkField,
      challengeId: linkField,
      matchId: linkField,
      brokerId: linkField,
    },
    status: { type: String, enum: CONTRACT_STATUSES, required: true, index: true },
    registration: {
      type: new Schema<RegistrationRecord>(
        {
          number: { type: String, required: true },
          date: { type: String, required: true },
          year: { type: Number, required: true },
          registeredAt: { type: Date, required: true },
          registeredBy: { type: Schema.Types.ObjectId, default: null },
        },
        { _id: false },
      ),
      default: null,
    },
    returnReasons: { type: [String], enum: RETURN_REASONS, default: [] },
    statusNote: { type: String, default: null },
    publicity: {
      title: { type: Boolean, default: DEFAULT_PUBLICITY.title },
      amount: { type: Boolean, default: DEFAULT_PUBLICITY.amount },
      parties: { type: Boolean, default: DEFAULT_PUBLICITY.parties },
    },
    attachments: { type: [attachmentRefSchema], default: [] },
    organisationId: { type: Schema.Types.ObjectId, default: null, index: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    importId: { type: String, default: null },
    importHash: { type: String, default: null },
    ...outboxField,
  },
  { timestamps: true },
);

/**
 * A registration number identifies one registration forever: it stays with the contract when it is voided or
 * corrected and is never issued again, so the index covers every contract that has one (drafts have none).
 */
contractSchema.index(
  { 'registration.number': 1 },
  { unique: true, partialFilterExpression: { 'registration.number': { $type: 'string' } } },
);
contractSchema.index({ 'registration.year': 1 });
contractSchema.index({ updatedAt: -1 });

export const contractModel = (connection: Connection) => modelOn(connection, 'Contract', contractSchema);
export type ContractModel = ReturnType<typeof contractModel>;
