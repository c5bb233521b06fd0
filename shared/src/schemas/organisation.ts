import { z } from 'zod';
import { isValidCreditCode } from '../credit-code.js';
import { COUNTIES, ORGANISATION_KINDS } from '../enums.js';
import { EmailSchema, IsoDateTimeSchema, ObjectIdSchema, PhoneSchema, textField } from './common.js';

export const VERIFICATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const CreditCodeSchema = z.string().trim().toUpperCase().refine(isValidCreditCode, 'v.creditCode');

export const VerificationSchema = z.object({
  status: z.enum(VERIFICATION_STATUSES),
  reason: z.string().nullable(),
  reviewedAt: IsoDateTimeSchema.nullable(),
  reviewedBy: ObjectIdSchema.nullable(),
});

/** 机构: a university, research institute or firm. `county` is null for organisations outside Baise. */
export const OrganisationSchema = z.object({
  id: ObjectIdSchema,
  name: textField(2, 100),
  kind: z.enum(ORGANISATION_KINDS),
  creditCode: CreditCodeSchema,
  county: z.enum(COUNTIES).nullable(),
  location: textField(0, 100),
  contactName: textField(2, 40),
  contactPhone: PhoneSchema,
  contactEmail: EmailSchema,
  description: textField(0, 1000),
  verification: VerificationSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** What anyone may see of an organisation (contacts are disclosed only through inquiries). */
export const OrganisationPublicSchema = OrganisationSchema.pick({
  id: true,
  name: true,
  kind: true,
  county: true,
  location: true,
  description: true,
}).extend({ verified: z.boolean() });
export type OrganisationPublic = z.infer<typeof OrganisationPublicSchema>;

export const OrganisationCreateSchema = OrganisationSchema.pick({
  name: true,
  kind: true,
  creditCode: true,
  county: true,
  location: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  description: true,
}).extend({
  county: z.enum(COUNTIES).nullable().default(null),
  location: textField(0, 100).default(''),
  description: textField(0, 1000).default(''),
});
export type OrganisationCreate = z.infer<typeof OrganisationCreateSchema>;

export const OrganisationUpdateSchema = OrganisationCreateSchema.omit({ kind: true })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to update');
export type OrganisationUpdate = z.infer<typeof OrganisationUpdateSchema>;

export const VerificationDecisionSchema = z
  .object({
    decision: z.enum(['verified', 'rejected']),
    reason: textField(0, 500).default(''),
  })
  .refine((d) => d.decision === 'verified' || d.reason.length > 0, {
    message: 'v.reasonRequired',
    path: ['reason'],
  });
export type VerificationDecision = z.infer<typeof VerificationDecisionSchema>;

export const OrganisationListQuerySchema = z.object({
  status: z.enum(VERIFICATION_STATUSES).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  q: textField(0, 50).optional(),
});

export const CreditCodeLookupQuerySchema = z.object({ creditCode: CreditCodeSchema });
export const CreditCodeLookupSchema = z.object({ organisation: OrganisationPublicSchema.nullable() });
