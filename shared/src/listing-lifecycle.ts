import type { ListingStatus } from './enums.js';

/**
 * The listing lifecycle: draft → pending_review → published | rejected → closed | expired.
 * Each action lists the statuses it starts from; the server enforces it, the client shows only what applies.
 */
export const LISTING_ACTIONS = {
  edit: ['draft', 'pending_review', 'published', 'rejected'],
  submit: ['draft', 'rejected'],
  review: ['pending_review'],
  close: ['pending_review', 'published'],
  delete: ['draft', 'rejected'],
} as const satisfies Record<string, readonly ListingStatus[]>;

export type ListingAction = keyof typeof LISTING_ACTIONS;

export function listingActionAllowed(action: ListingAction, status: ListingStatus): boolean {
  return (LISTING_ACTIONS[action] as readonly ListingStatus[]).includes(status);
}
