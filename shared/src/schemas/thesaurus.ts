import { z } from 'zod';
import { IsoDateTimeSchema, ObjectIdSchema } from './common.js';

export const THESAURUS_KINDS = ['synonyms', 'expansion', 'term'] as const;
export type ThesaurusKind = (typeof THESAURUS_KINDS)[number];

const Word = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} \-·]*$/u, 'v.thesaurusWord');

function distinct(words: string[]): boolean {
  return new Set(words.map((w) => w.toLowerCase())).size === words.length;
}

/**
 * One thesaurus entry, managed by bureau staff:
 * - `synonyms`: words naming the same thing (赤泥 / 拜耳法赤泥 / 氧化铝尾渣), found by one another;
 * - `expansion`: plain-language complaints (`from`) that should also find the technical remedies (`to`), one way;
 * - `term`: a domain word the segmenter keeps whole (搅拌摩擦焊).
 */
export const ThesaurusEntryInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('synonyms'),
    words: z.array(Word).min(2, 'v.thesaurusGroupSize').max(20).refine(distinct, 'v.thesaurusDuplicate'),
    note: z.string().trim().max(200).default(''),
  }),
  z
    .object({
      kind: z.literal('expansion'),
      from: z.array(Word).min(1).max(20).refine(distinct, 'v.thesaurusDuplicate'),
      to: z.array(Word).min(1).max(20).refine(distinct, 'v.thesaurusDuplicate'),
      note: z.string().trim().max(200).default(''),
    })
    .refine((e) => !e.from.some((w) => e.to.map((t) => t.toLowerCase()).includes(w.toLowerCase())), {
      message: 'v.thesaurusLoop',
      path: ['to'],
    }),
  z.object({
    kind: z.literal('term'),
    words: z.array(Word).min(1).max(1),
    note: z.string().trim().max(200).default(''),
  }),
]);
export type ThesaurusEntryInput = z.infer<typeof ThesaurusEntryInputSchema>;

export const ThesaurusEntrySchema = z.object({
  id: ObjectIdSchema,
  kind: z.enum(THESAURUS_KINDS),
  words: z.array(z.string()),
  from: z.array(z.string()),
  to: z.array(z.string()),
  note: z.string(),
  updatedAt: IsoDateTimeSchema,
});
export type ThesaurusEntry = z.infer<typeof ThesaurusEntrySchema>;

export const ThesaurusQuerySchema = z.object({
  kind: z.enum(THESAURUS_KINDS).optional(),
  q: z.string().trim().max(30).optional(),
});
