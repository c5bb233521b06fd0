import { z } from 'zod';
import { FenSchema } from '../money.js';
import { ATTACHMENTS_MAX, AttachmentSchema, BODY_TEXT_MAX, CalendarDateSchema } from './listing.js';
import { IsoDateTimeSchema, ObjectIdSchema, PageQuerySchema, longTextField, textField } from './common.js';

/** 揭榜申请: submitted → shortlisted → won (揭榜成功) | rejected. */
export const APPLICATION_STATUSES = ['submitted', 'shortlisted', 'won', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_DECISIONS = ['shortlisted', 'won', 'rejected'] as const;
export type ApplicationDecisionKind = (typeof APPLICATION_DECISIONS)[number];

/** The statuses each decision may be taken from. */
export const APPLICATION_TRANSITIONS = {
  shortlisted: ['submitted'],
  won: ['submitted', 'shortlisted'],
  rejected: ['submitted', 'shortlisted'],
} as const satisfies Record<ApplicationDecisionKind, readonly ApplicationStatus[]>;

export function applicationDecisionAllowed(
  decision: ApplicationDecisionKind,
  status: ApplicationStatus,
): boolean {
  return (APPLICATION_TRANSITIONS[decision] as readonly ApplicationStatus[]).includes(status);
}

export const MilestoneSchema = z.object({
  title: textField(2, 100),
  dueDate: CalendarDateSchema,
  deliverable: textField(2, 300),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const TeamMemberSchema = z.object({
  name: textField(2, 40),
  role: textField(0, 40).default(''),
  expertise: textField(0, 200).default(''),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const ApplicationInputSchema = z
  .object({
    plan: longTextField(20, BODY_TEXT_MAX),
    milestones: z.array(MilestoneSchema).min(1).max(20),
    requestedAmountFen: FenSchema.refine((fen) => fen > 0, 'v.amountPositive'),
    team: z.array(TeamMemberSchema).min(1).max(30),
    attachmentIds: z.array(ObjectIdSchema).max(ATTACHMENTS_MAX).default([]),
  })
  .strict();
export type ApplicationInput = z.infer<typeof ApplicationInputSchema>;

export const ApplicationSchema = z.object({
  id: ObjectIdSchema,
  challenge: z.object({
    id: ObjectIdSchema,
    title: z.string(),
    organisationId: ObjectIdSchema,
    organisationName: z.string(),
    /** The challenge has a winner (this application or another one). */
    awarded: z.boolean(),
  }),
  applicant: z.object({
    userId: ObjectIdSchema,
    name: z.string(),
    organisationId: ObjectIdSchema,
    organisationName: z.string(),
  }),
  plan: z.string(),
  milestones: z.array(MilestoneSchema),
  requestedAmountFen: FenSchema,
  team: z.array(TeamMemberSchema),
  attachments: z.array(AttachmentSchema),
  status: z.enum(APPLICATION_STATUSES),
  decisionReason: z.string().nullable(),
  decidedAt: IsoDateTimeSchema.nullable(),
  /** The inquiry opened with the winner. */
  inquiryId: ObjectIdSchema.nullable(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Application = z.infer<typeof ApplicationSchema>;

export const ApplicationDecisionSchema = z
  .object({ decision: z.enum(APPLICATION_DECISIONS), reason: textField(0, 500).default('') })
  .strict()
  .refine((d) => d.decision !== 'rejected' || d.reason.length > 0, {
    message: 'v.reasonRequired',
    path: ['reason'],
  });
export type ApplicationDecision = z.infer<typeof ApplicationDecisionSchema>;

export const ApplicationListQuerySchema = PageQuerySchema.extend({
  status: z.enum(APPLICATION_STATUSES).optional(),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuerySchema>;
