import { z } from 'zod';
import { FIELDS, IP_TYPES, MATURITIES, TRANSFER_MODES } from '../enums.js';
import {
  BODY_TEXT_MAX,
  ContactSchema,
  HighlightSchema,
  ListingBaseSchema,
  listingInputShape,
  ListingSearchBaseSchema,
  NegotiableFenSchema,
  searchResultOf,
} from './listing.js';
import { ObjectIdSchema, longTextField, textField } from './common.js';

/** 中国专利号, e.g. ZL202310123456.7 or 202310123456.7 (the check digit may be X). */
export const PatentNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(?:ZL)?\d{8,12}\.[\dX]$/, 'v.patentNumber');

/** 科技成果: a research result a university or institute offers for transfer. */
export const AchievementSchema = ListingBaseSchema.extend({
  summary: longTextField(20, BODY_TEXT_MAX),
  team: textField(0, 200),
  maturity: z.enum(MATURITIES),
  ipType: z.enum(IP_TYPES),
  patentNumbers: z.array(PatentNumberSchema).max(20),
  transferModes: z.array(z.enum(TRANSFER_MODES)).min(1).max(TRANSFER_MODES.length),
  askingPriceFen: NegotiableFenSchema,
}).extend(ContactSchema.partial().shape);
export type Achievement = z.infer<typeof AchievementSchema>;

export const AchievementInputSchema = AchievementSchema.pick({
  title: true,
  summary: true,
  field: true,
  keywords: true,
  team: true,
  maturity: true,
  ipType: true,
  patentNumbers: true,
  transferModes: true,
  askingPriceFen: true,
})
  .extend({
    ...listingInputShape,
    team: textField(0, 200).default(''),
    patentNumbers: z.array(PatentNumberSchema).max(20).default([]),
  })
  .strict();
export type AchievementInput = z.infer<typeof AchievementInputSchema>;

export const AchievementHitSchema = z.object({
  id: ObjectIdSchema,
  title: z.string(),
  summary: z.string(),
  field: z.enum(FIELDS),
  keywords: z.array(z.string()),
  organisationName: z.string(),
  maturity: z.enum(MATURITIES),
  ipType: z.enum(IP_TYPES),
  transferModes: z.array(z.enum(TRANSFER_MODES)),
  askingPriceFen: NegotiableFenSchema,
  publishedAt: z.string().nullable(),
  highlight: HighlightSchema,
});
export type AchievementHit = z.infer<typeof AchievementHitSchema>;

export const AchievementSearchQuerySchema = ListingSearchBaseSchema.extend({
  maturity: z.enum(MATURITIES).optional(),
  transferMode: z.enum(TRANSFER_MODES).optional(),
  ipType: z.enum(IP_TYPES).optional(),
  priceMinFen: z.coerce.number().int().min(0).optional(),
  priceMaxFen: z.coerce.number().int().min(0).optional(),
  negotiable: z.enum(['only', 'exclude']).optional(),
});
export type AchievementSearchQuery = z.infer<typeof AchievementSearchQuerySchema>;

export const AchievementSearchResultSchema = searchResultOf(AchievementHitSchema);
export type AchievementSearchResult = z.infer<typeof AchievementSearchResultSchema>;
