import {
  listingActionAllowed,
  type ListingAction,
  type ListingStatus,
  type Permission,
  type User,
} from '@techmatch/shared';

/** Who looks at a listing: their account (null for a visitor) and what their role may attempt. */
export interface Viewer {
  user: Pick<User, 'organisationId' | 'membership'> | null;
  can(permission: Permission): boolean;
}

/** A listing as far as deciding about it goes. */
export interface ListingRef {
  organisationId: string;
  status: ListingStatus;
}

/** Whether the viewer belongs, as an active member, to the organisation that posted the listing. */
export function ownsListing(viewer: Viewer, listing: ListingRef): boolean {
  return (
    viewer.user !== null &&
    viewer.user.membership === 'active' &&
    viewer.user.organisationId === listing.organisationId
  );
}

/**
 * The lifecycle actions to offer this viewer on this listing, in display order: the rules of the API
 * (owners edit, submit and delete; owners and the bureau close; the bureau reviews) within what the listing's
 * status allows. The API decides again; this only keeps buttons that would be refused off the screen.
 */
export function actionsFor(viewer: Viewer, listing: ListingRef): ListingAction[] {
  const owner = ownsListing(viewer, listing);
  const mayTry: Record<ListingAction, boolean> = {
    review: viewer.can('listing.review'),
    edit: owner && viewer.can('listing.edit'),
    submit: owner && viewer.can('listing.edit'),
    close: viewer.can('listing.close') && (owner || viewer.can('listing.review')),
    delete: owner && viewer.can('listing.edit'),
  };
  return (Object.keys(mayTry) as ListingAction[]).filter(
    (action) => mayTry[action] && listingActionAllowed(action, listing.status),
  );
}
