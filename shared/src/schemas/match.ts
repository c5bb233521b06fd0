import { z } from 'zod';
import { COUNTIES, FIELDS, NEED_KINDS } from '../enums.js';
import { IsoDateTimeSchema, ObjectIdSchema } from './common.js';

/** Matches at or above this score are "strong": owners are alerted and staff see them on the board. */
export const STRONG_MATCH_SCORE = 0.6;

export const MatchListingSchema = z.object({
  id: ObjectIdSchema,
  title: z.string(),
  field: z.enum(FIELDS),
  organisationName: z.string(),
  county: z.enum(COUNTIES).nullable(),
  kind: z.enum(NEED_KINDS).nullable(),
});
export type MatchListing = z.infer<typeof MatchListingSchema>;

export const MatchTermSchema = z.object({ term: z.string(), weight: z.number() });

/** A need ↔ achievement pair as its viewer sees it, with why it was ranked. */
export const MatchViewSchema = z.object({
  id: ObjectIdSchema,
  score: z.number().min(0).max(1),
  need: MatchListingSchema,
  achievement: MatchListingSchema,
  explanation: z.object({
    terms: z.array(MatchTermSchema),
    sameField: z.boolean(),
    /** Escaped excerpts in which only `<mark>` is markup. */
    needExcerpt: z.string(),
    achievementExcerpt: z.string(),
  }),
  /** Which listing of the pair belongs to the viewer's organisation (null for staff). */
  viewerSide: z.enum(['need', 'achievement']).nullable(),
  starred: z.boolean(),
  dismissed: z.boolean(),
  handled: z.boolean(),
  computedAt: IsoDateTimeSchema,
});
export type MatchView = z.infer<typeof MatchViewSchema>;

export const MatchListSchema = z.object({ items: z.array(MatchViewSchema) });

export const ListingMatchesQuerySchema = z.object({
  includeDismissed: z.enum(['true', 'false']).default('false'),
});

export const MatchBoardQuerySchema = z.object({
  minScore: z.coerce.number().min(0).max(1).default(STRONG_MATCH_SCORE),
  field: z.enum(FIELDS).optional(),
  county: z.enum(COUNTIES).optional(),
});

export const MATCH_ACTIONS = ['star', 'unstar', 'dismiss', 'undismiss', 'handle'] as const;
