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

/**
 * How a matched term was queried: a key term of the listing itself, two adjacent key terms together, or a
 * word the best first-round partners use for the same thing (pseudo-relevance feedback).
 */
export const MATCH_TERM_SOURCES = ['subject', 'pair', 'feedback'] as const;
export type MatchTermSource = (typeof MATCH_TERM_SOURCES)[number];

export const MatchTermSchema = z.object({
  term: z.string(),
  weight: z.number(),
  source: z.enum(MATCH_TERM_SOURCES),
});

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

/**
 * Where a listing's matching stands: `computing` until the background run after its last change is done;
 * `too-little-text` when its text holds no term worth searching for; `not-published` while it is not on the
 * marketplace (only published listings are matched).
 */
export const MATCH_STATES = ['ready', 'computing', 'too-little-text', 'not-published'] as const;
export type MatchState = (typeof MATCH_STATES)[number];

export const ListingMatchesSchema = z.object({
  state: z.enum(MATCH_STATES),
  /** The key terms the listing was matched by, strongest first. */
  keyTerms: z.array(z.string()),
  computedAt: IsoDateTimeSchema.nullable(),
  items: z.array(MatchViewSchema),
});
export type ListingMatches = z.infer<typeof ListingMatchesSchema>;

export const ListingMatchesQuerySchema = z.object({
  includeDismissed: z.enum(['true', 'false']).default('false'),
});

export const MatchBoardQuerySchema = z.object({
  minScore: z.coerce.number().min(0).max(1).default(STRONG_MATCH_SCORE),
  field: z.enum(FIELDS).optional(),
  county: z.enum(COUNTIES).optional(),
});

/** What a listing's owners do with one of its matches. */
export const OWNER_MATCH_ACTIONS = ['star', 'unstar', 'dismiss', 'undismiss'] as const;
export type OwnerMatchAction = (typeof OWNER_MATCH_ACTIONS)[number];
