import type { Application } from '@techmatch/shared';
import type { Types } from 'mongoose';
import { iso } from '../../platform/mongo.js';
import { presentAttachment } from '../attachments/attachment.service.js';
import type { ApplicationDoc } from './application.model.js';

export function presentApplication(
  doc: ApplicationDoc,
  awardedApplicationId: Types.ObjectId | null,
): Application {
  return {
    id: doc._id.toHexString(),
    challenge: {
      id: doc.needId.toHexString(),
      title: doc.needTitle,
      organisationId: doc.challengeOwner.organisationId.toHexString(),
      organisationName: doc.challengeOwner.organisationName,
      awarded: awardedApplicationId !== null,
    },
    applicant: {
      userId: doc.applicant.userId.toHexString(),
      name: doc.applicant.name,
      organisationId: doc.applicant.organisationId.toHexString(),
      organisationName: doc.applicant.organisationName,
    },
    plan: doc.plan,
    milestones: doc.milestones.map(({ title, dueDate, deliverable }) => ({ title, dueDate, deliverable })),
    requestedAmountFen: doc.requestedAmountFen,
    team: doc.team.map(({ name, role, expertise }) => ({ name, role, expertise })),
    attachments: doc.attachments.map(presentAttachment),
    status: doc.status,
    decisionReason: doc.decisionReason,
    decidedAt: iso(doc.decidedAt),
    inquiryId: doc.inquiryId?.toHexString() ?? null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
