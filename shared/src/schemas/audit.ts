import { z } from 'zod';
import { ROLES } from '../enums.js';
import { IsoDateTimeSchema, ObjectIdSchema } from './common.js';

export const AUDIT_TARGET_TYPES = [
  'user',
  'organisation',
  'achievement',
  'need',
  'application',
  'inquiry',
  'contract',
  'target',
  'thesaurus',
] as const;

/** One append-only audit record: who did what to which object, with before/after for status and money. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: IsoDateTimeSchema,
  actorId: ObjectIdSchema.nullable(),
  actorName: z.string().nullable(),
  actorRole: z.enum(ROLES).nullable(),
  action: z.string(),
  targetType: z.enum(AUDIT_TARGET_TYPES),
  targetId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.object({
  targetType: z.enum(AUDIT_TARGET_TYPES).optional(),
  targetId: z.string().max(64).optional(),
  actorId: ObjectIdSchema.optional(),
  action: z.string().max(64).optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
});
