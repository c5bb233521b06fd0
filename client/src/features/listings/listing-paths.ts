import type { ListingType } from '@techmatch/shared';

const BASES: Record<ListingType, string> = { achievement: '/achievements', need: '/needs' };

/** Where a listing kind lives in the app: `/achievements`, `/needs/<id>`. */
export function listingPath(type: ListingType, id?: string): string {
  return id ? `${BASES[type]}/${id}` : BASES[type];
}
