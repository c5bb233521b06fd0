import { z } from 'zod';
import { AchievementSearchQuerySchema } from './achievement.js';
import { IsoDateTimeSchema, ObjectIdSchema, textField } from './common.js';
import { NeedSearchQuerySchema } from './need.js';

export const SAVED_SEARCHES_MAX = 20;

/** What is kept of a search: the query and filters, not the page or the sort. */
const kept = { page: true, pageSize: true, sort: true } as const;

export const SavedSearchInputSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('achievement'),
    name: textField(1, 40),
    query: AchievementSearchQuerySchema.omit(kept),
  }),
  z.object({ type: z.literal('need'), name: textField(1, 40), query: NeedSearchQuerySchema.omit(kept) }),
]);
export type SavedSearchInput = z.infer<typeof SavedSearchInputSchema>;

export const SavedSearchSchema = z.object({
  id: ObjectIdSchema,
  type: z.enum(['achievement', 'need']),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: IsoDateTimeSchema,
});
export type SavedSearch = z.infer<typeof SavedSearchSchema>;
