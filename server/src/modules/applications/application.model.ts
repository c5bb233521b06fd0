import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type Milestone,
  type TeamMember,
} from '@techmatch/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';
import { outboxField, type WithOutbox } from '../../platform/outbox.js';
import { attachmentRefSchema, type AttachmentRef } from '../listings/listing.model.js';
import { inquiryPartySchema, type InquiryPartyDoc } from '../inquiries/inquiry.model.js';

/** 揭榜申请: a team's proposal to a challenge (a need of kind `challenge`). */
export interface ApplicationDoc extends WithOutbox {
  _id: Types.ObjectId;
  needId: Types.ObjectId;
  needTitle: string;
  /** The firm that posted the challenge, and the member who posted it. */
  challengeOwner: InquiryPartyDoc;
  applicant: InquiryPartyDoc;
  plan: string;
  milestones: Milestone[];
  requestedAmountFen: number;
  team: TeamMember[];
  attachments: AttachmentRef[];
  status: ApplicationStatus;
  decisionReason: string | null;
  decidedAt: Date | null;
  inquiryId: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

const applicationSchema = new Schema<ApplicationDoc>(
  {
    needId: { type: Schema.Types.ObjectId, required: true },
    needTitle: { type: String, required: true },
    challengeOwner: { type: inquiryPartySchema, required: true },
    applicant: { type: inquiryPartySchema, required: true },
    plan: { type: String, required: true },
    milestones: {
      type: [
        new Schema(
          {
            title: { type: String, required: true },
            dueDate: { type: String, required: true },
            deliverable: { type: String, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    requestedAmountFen: { type: Number, required: true },
    team: {
      type: [
        new Schema(
          {
            name: { type: String, required: true },
            role: { type: String, default: '' },
            expertise: { type: String, default: '' },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    attachments: { type: [attachmentRefSchema], default: [] },
    status: { type: String, enum: APPLICATION_STATUSES, default: 'submitted' },
    decisionReason: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    inquiryId: { type: Schema.Types.ObjectId, default: null },
    ...outboxField,
  },
  { timestamps: true },
);
applicationSchema.index({ needId: 1, 'applicant.organisationId': 1 }, { unique: true });
applicationSchema.index({ needId: 1, status: 1, createdAt: 1 });
applicationSchema.index({ 'applicant.organisationId': 1, updatedAt: -1 });

export const applicationModel = (connection: Connection) =>
  modelOn(connection, 'ChallengeApplication', applicationSchema);
export type ApplicationModel = ReturnType<typeof applicationModel>;
