import type { Attachment, Field } from '@techmatch/shared';
import { i18n } from '../../app/i18n/index.js';
import type { FormIssue } from '../../ui/forms/use-zod-form.js';
import type { ListingView } from './listing-view.js';
import { fenToWanText, parseWanToFen } from './money.js';

/** The fields every listing form has, as its widgets hold them. */
export interface ListingFormBase {
  title: string;
  field: Field | '';
  keywords: string[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  attachments: Attachment[];
}

export function emptyListingForm(): ListingFormBase {
  return {
    title: '',
    field: '',
    keywords: [],
    contactName: '',
    contactPhone: '',
    contactEmail: '',
    attachments: [],
  };
}

export function listingFormFrom(listing: ListingView): ListingFormBase {
  return {
    title: listing.title,
    field: listing.field,
    keywords: [...listing.keywords],
    contactName: listing.contactName ?? '',
    contactPhone: listing.contactPhone ?? '',
    contactEmail: listing.contactEmail ?? '',
    attachments: [...listing.attachments],
  };
}

/** The common part of a listing input: attachments go as ids, a cleared tag input as no keywords. */
export function listingInputFrom(model: ListingFormBase) {
  const { attachments, keywords, ...rest } = model;
  return { ...rest, keywords: keywords ?? [], attachmentIds: attachments.map((a) => a.id) };
}

/** An amount widget (万元 text, maybe 面议) as fen: null for 面议, undefined when the text is no amount. */
export function amountFen(text: string, negotiable = false): number | null | undefined {
  if (negotiable) return null;
  return parseWanToFen(text) ?? undefined;
}

export const amountText = (fen: number | null) => (fen === null ? '' : fenToWanText(fen));

/** "Please choose" on each empty choice (keyed by its error path), instead of a list of every allowed value. */
export function choicesMade(choices: Record<string, unknown>): FormIssue[] {
  return Object.entries(choices)
    .filter(([, value]) => value === '' || value === null || value === undefined)
    .map(([path]) => ({ path, message: i18n.global.t('listings.form.choose') }));
}

/**
 * An amount that is not 面议 must be an amount in 万元. `negotiable` is given only by forms that offer 面议, and
 * only their message suggests it.
 */
export function amountValid(path: string, text: string, negotiable?: boolean): FormIssue[] {
  if (amountFen(text, negotiable) !== undefined) return [];
  const key = negotiable === undefined ? 'amountInvalid' : 'amountOrNegotiable';
  return [{ path, message: i18n.global.t(`listings.form.${key}`) }];
}
