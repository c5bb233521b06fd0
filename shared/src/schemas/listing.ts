import { z } from 'zod';
import { FIELDS, LISTING_STATUSES } from '../enums.js';
import { FenSchema } from '../money.js';
import { IsoDateTimeSchema, ObjectIdSchema, textField } from './common.js';

export const LISTING_TYPES = ['achievement', 'need'] as const;
export type ListingType = (typeof LISTING_TYPES)[number];

export const TITLE_MAX = 100;
export const BODY_TEXT_MAX = 3000;
export const KEYWORDS_MAX = 10;

/** A calendar date, `YYYY-MM-DD` (deadlines are days, not instants). */
export const CalendarDateSchema = z.iso.date();

/** Today's date in China Standard Time, the bureau's calendar. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The date `days` from today in China Standard Time, as deadlines are written (YYYY-MM-DD). */
export function daysFromToday(days: number, now = new Date()): string {
  return todayInChina(new Date(now.getTime() + days * 86_400_000));
}

export const FutureDateSchema = CalendarDateSchema.refine((d) => d >= todayInChina(), 'v.dateInPast');

export const KeywordsSchema = z
  .array(textField(1, 20))
  .max(KEYWORDS_MAX)
  .transform((keywords) => [...new Set(keywords)]);

/** How many files a listing, an application or a message may carry; a contract's scans are fewer. */
export const ATTACHMENTS_MAX = 10;
export const CONTRACT_ATTACHMENTS_MAX = 5;

/** An uploaded file attached to a listing (stored under `DATA_DIR/uploads`, served by the API). */
export const AttachmentSchema = z.object({
  id: ObjectIdSchema,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Contact details, which the public never sees: they are disclosed to the other party of an accepted inquiry. */
export const ContactSchema = z.object({
  contactName: textField(2, 40),
  contactPhone: z
    .string()
    .trim()
    .regex(/^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'v.phone'),
  contactEmail: z.email().trim().toLowerCase().max(254),
});

/** Fields every listing has, whatever its type. */
export const ListingBaseSchema = z.object({
  id: ObjectIdSchema,
  title: textField(4, TITLE_MAX),
  field: z.enum(FIELDS),
  keywords: KeywordsSchema,
  organisationId: ObjectIdSchema,
  organisationName: z.string(),
  ownerId: ObjectIdSchema,
  status: z.enum(LISTING_STATUSES),
  reviewNote: z.string().nullable(),
  attachments: z.array(AttachmentSchema),
  publishedAt: IsoDateTimeSchema.nullable(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});

/** What every listing form adds to its own fields: contacts, keywords and attachments. */
export const listingInputShape = {
  ...ContactSchema.shape,
  keywords: KeywordsSchema.default([]),
  attachmentIds: z.array(ObjectIdSchema).max(ATTACHMENTS_MAX).default([]),
};

/** Price or budget: integer fen, or null for 面议 (to be negotiated). */
export const NegotiableFenSchema = FenSchema.nullable();

export const ReviewDecisionSchema = z
  .object({
    decision: z.enum(['published', 'rejected']),
    reason: textField(0, 500).default(''),
  })
  .refine((d) => d.decision === 'published' || d.reason.length > 0, {
    message: 'v.reasonRequired',
    path: ['reason'],
  });
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

export const SEARCH_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;

/** Query parameters common to both listing searches. */
export const ListingSearchBaseSchema = z.object({
  q: z.string().trim().max(200).default(''),
  field: z.enum(FIELDS).optional(),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  page: z.coerce.number().int().min(1).max(50).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

/** One facet: value → number of matching listings. */
export const FacetCountsSchema = z.record(z.string(), z.record(z.string(), z.number().int()));

export function searchResultOf<T extends z.ZodType>(hit: T) {
  return z.object({
    hits: z.array(hit),
    query: z.string(),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
    facets: FacetCountsSchema,
    processingTimeMs: z.number(),
  });
}

/** Highlighted snippets of a hit: HTML-escaped text in which only `<mark>` tags are markup. */
export const HighlightSchema = z.record(z.string(), z.string());
