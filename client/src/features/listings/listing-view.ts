import type { ContactSchema, ListingBaseSchema } from '@techmatch/shared';
import type { z } from 'zod';

/** What every listing shows, whatever its kind; contacts come only to its organisation and the bureau. */
export type ListingView = z.infer<typeof ListingBaseSchema> & Partial<z.infer<typeof ContactSchema>>;
