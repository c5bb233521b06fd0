import { z } from 'zod';
import { ROLES } from '../enums.js';
import { EmailSchema, IsoDateTimeSchema, ObjectIdSchema, PhoneSchema, textField } from './common.js';
import { CreditCodeSchema, OrganisationCreateSchema, OrganisationSchema } from './organisation.js';

export const USER_STATUSES = ['active', 'disabled'] as const;
export const MEMBERSHIP_STATUSES = ['active', 'pending', 'rejected'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
const COMMON_PASSWORDS = new Set([
  'password123',
  'password1234',
  'qwerty123456',
  '1234567890a',
  'a1234567890',
  'abc1234567',
  'abcd123456',
  'admin12345',
  'admin123456',
  'iloveyou123',
  'woaini1314',
  'woaini123456',
  'qwertyuiop1',
  '1qaz2wsx3edc',
  'zxcvbnm123',
  'baise123456',
  'p@ssw0rd123',
]);

/** Length first (NIST SP 800-63B), letters and digits, and none of the passwords every attacker tries first. */
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, 'v.password.length')
  .max(PASSWORD_MAX_LENGTH, 'v.password.length')
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'v.password.mix')
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), 'v.password.common');

export const UserSchema = z.object({
  id: ObjectIdSchema,
  email: EmailSchema,
  name: textField(2, 40),
  phone: PhoneSchema.nullable(),
  role: z.enum(ROLES),
  status: z.enum(USER_STATUSES),
  organisationId: ObjectIdSchema.nullable(),
  membership: z.enum(MEMBERSHIP_STATUSES),
  createdAt: IsoDateTimeSchema,
  lastLoginAt: IsoDateTimeSchema.nullable(),
});
export type User = z.infer<typeof UserSchema>;

const SELF_SERVICE_ROLES = ['researcher', 'firm'] as const;

function passwordAvoidsEmail(input: { email: string; password: string }): boolean {
  const localPart = input.email.split('@')[0] ?? '';
  return localPart.length < 4 || !input.password.toLowerCase().includes(localPart.toLowerCase());
}

/** A registrant either registers a new organisation or asks to join one already on the platform. */
export const RegisterOrganisationSchema = z.discriminatedUnion('mode', [
  OrganisationCreateSchema.extend({ mode: z.literal('create') }),
  z.object({ mode: z.literal('join'), creditCode: CreditCodeSchema }),
]);

export const RegisterSchema = z
  .object({
    email: EmailSchema,
    password: PasswordSchema,
    name: textField(2, 40),
    phone: PhoneSchema.nullable().default(null),
    role: z.enum(SELF_SERVICE_ROLES),
    organisation: RegisterOrganisationSchema,
  })
  .refine(passwordAvoidsEmail, { message: 'v.password.email', path: ['password'] })
  .refine((r) => r.organisation.mode === 'join' || (r.role === 'firm') === (r.organisation.kind === 'firm'), {
    message: 'v.roleOrgKind',
    path: ['organisation', 'kind'],
  });
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: PasswordSchema,
});

export const ProfileUpdateSchema = UserSchema.pick({ name: true, phone: true }).partial().strict();

export const SessionSchema = z.object({
  user: UserSchema.nullable(),
  organisation: OrganisationSchema.nullable(),
  csrfToken: z.string().nullable(),
  permissions: z.array(z.string()),
});
export type Session = z.infer<typeof SessionSchema>;

export const RegisterResultSchema = SessionSchema.extend({ joinedExisting: z.boolean() });

export const UserListQuerySchema = z.object({
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  q: textField(0, 50).optional(),
});

export const UserAdminUpdateSchema = z
  .object({ role: z.enum(ROLES), status: z.enum(USER_STATUSES) })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to update');

export const MembershipDecisionSchema = z.object({ decision: z.enum(['active', 'rejected']) });
