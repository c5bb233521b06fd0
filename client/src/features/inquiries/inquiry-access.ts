import type { ListingType, Role, User } from '@techmatch/shared';

/** Who looks at a listing page, as far as opening an inquiry goes. */
export interface InquiryViewer {
  user: Pick<User, 'role' | 'organisationId' | 'membership'> | null;
  organisationVerified: boolean;
}

/**
 * What the "open an inquiry" spot shows: a sign-in link for visitors, a hint until the organisation is
 * verified, the button, or nothing (the wrong side of the market, or the listing's own organisation). Firms ask
 * about achievements, researchers about needs; the API decides again.
 */
export type InquiryOffer = 'signIn' | 'verifyFirst' | 'open' | 'none';

const ASKS_ABOUT: Partial<Record<Role, ListingType>> = { firm: 'achievement', researcher: 'need' };

export function inquiryOffer(
  viewer: InquiryViewer,
  /** The listing's organisation, when known (a match's partner listing is by definition someone else's). */
  listing: { type: ListingType; organisationId?: string },
): InquiryOffer {
  const { user } = viewer;
  if (!user) return 'signIn';
  if (ASKS_ABOUT[user.role] !== listing.type || user.organisationId === listing.organisationId) return 'none';
  return user.membership === 'active' && viewer.organisationVerified ? 'open' : 'verifyFirst';
}
