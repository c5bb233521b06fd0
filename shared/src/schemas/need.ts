import { z } from 'zod';
import { COUNTIES, FIELDS, NEED_KINDS } from '../enums.js';
import { FenSchema } from '../money.js';
import {
  BODY_TEXT_MAX,
  CalendarDateSchema,
  ContactSchema,
  FutureDateSchema,
  HighlightSchema,
  ListingBaseSchema,
  listingInputShape,
  ListingSearchBaseSchema,
  NegotiableFenSchema,
  searchResultOf,
} from './listing.js';
import { IsoDateTimeSchema, ObjectIdSchema, longTextField, textField } from './common.js';

export const CHALLENGE_VISIBILITIES = ['public', 'verified'] as const;

/** 揭榜挂帅: the bounty, the indicators a solution must reach, and who may see and apply. */
export const ChallengeSchema = z.object({
  bountyFen: FenSchema.refine((fen) => fen > 0, 'v.bountyPositive'),
  requirements: z.array(textField(2, 200)).min(1).max(20),
  applicationDeadline: CalendarDateSchema,
  /** `verified`: only signed-in members of verified organisations see it. */
  visibility: z.enum(CHALLENGE_VISIBILITIES),
});
export type Challenge = z.infer<typeof ChallengeSchema>;

/** 技术需求: a firm's technical problem; `kind: challenge` makes it a 揭榜挂帅 bounty. */
export const NeedSchema = ListingBaseSchema.extend({
  description: longTextField(20, BODY_TEXT_MAX),
  county: z.enum(COUNTIES),
  budgetFen: NegotiableFenSchema,
  deadline: CalendarDateSchema.nullable(),
  kind: z.enum(NEED_KINDS),
  challenge: ChallengeSchema.extend({
    /** When the firm picked a winning application (揭榜成功); the challenge is closed from then on. */
    awardedAt: IsoDateTimeSchema.nullable(),
  }).nullable(),
}).extend(ContactSchema.partial().shape);
export type Need = z.infer<typeof NeedSchema>;

export const NeedInputSchema = NeedSchema.pick({
  title: true,
  description: true,
  field: true,
  keywords: true,
  county: true,
  budgetFen: true,
  kind: true,
})
  .extend({
    ...listingInputShape,
    deadline: FutureDateSchema.nullable().default(null),
    challenge: ChallengeSchema.extend({ applicationDeadline: FutureDateSchema }).nullable().default(null),
  })
  .strict()
  .refine((n) => (n.kind === 'challenge') === (n.challenge !== null), {
    message: 'v.challengeDetails',
    path: ['challenge'],
  })
  .refine((n) => !n.challenge || !n.deadline || n.challenge.applicationDeadline <= n.deadline, {
    message: 'v.applicationAfterDeadline',
    path: ['challenge', 'applicationDeadline'],
  });
export type NeedInput = z.infer<typeof NeedInputSchema>;

export const NeedHitSchema = z.object({
  id: ObjectIdSchema,
  title: z.string(),
  description: z.string(),
  field: z.enum(FIELDS),
  keywords: z.array(z.string()),
  county: z.enum(COUNTIES),
  organisationName: z.string(),
  kind: z.enum(NEED_KINDS),
  budgetFen: NegotiableFenSchema,
  bountyFen: FenSchema.nullable(),
  deadline: z.string().nullable(),
  applicationDeadline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  highlight: HighlightSchema,
});
export type NeedHit = z.infer<typeof NeedHitSchema>;

export const NeedSearchQuerySchema = ListingSearchBaseSchema.extend({
  county: z.enum(COUNTIES).optional(),
  kind: z.enum(NEED_KINDS).optional(),
  budgetMinFen: z.coerce.number().int().min(0).optional(),
  budgetMaxFen: z.coerce.number().int().min(0).optional(),
  negotiable: z.enum(['only', 'exclude']).optional(),
  /** Only needs still open on this date (deadline not passed). */
  openOn: CalendarDateSchema.optional(),
});
export type NeedSearchQuery = z.infer<typeof NeedSearchQuerySchema>;

export const NeedSearchResultSchema = searchResultOf(NeedHitSchema);
export type NeedSearchResult = z.infer<typeof NeedSearchResultSchema>;
