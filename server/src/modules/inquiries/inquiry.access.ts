import type { InquirySide } from '@techmatch/shared';
import { isActiveMemberOf, type Actor } from '../../platform/auth/actor.js';
import type { InquiryParties } from '../../platform/auth/policy.js';
import type { InquiryDoc } from './inquiry.model.js';

type PartiesOf = Pick<InquiryDoc, 'initiator' | 'owner' | 'brokers'>;

export function partiesOf(doc: PartiesOf): InquiryParties {
  return {
    initiatorOrganisationId: doc.initiator.organisationId.toHexString(),
    ownerOrganisationId: doc.owner.organisationId.toHexString(),
    brokerIds: doc.brokers.map((b) => b.userId.toHexString()),
  };
}

/** The viewer's side: a member of either organisation, a broker who joined, or nobody (null). */
export function sideOf(doc: PartiesOf, actor: Actor): InquirySide | null {
  const parties = partiesOf(doc);
  if (isActiveMemberOf(actor, parties.initiatorOrganisationId)) return 'initiator';
  if (isActiveMemberOf(actor, parties.ownerOrganisationId)) return 'owner';
  return parties.brokerIds.includes(actor.id) ? 'broker' : null;
}

/** The people an inquiry's news goes to: whoever opened it, whoever posted the listing, and the brokers. */
export function participantIds(doc: PartiesOf): string[] {
  const ids = [doc.initiator.userId, doc.owner.userId, ...doc.brokers.map((b) => b.userId)];
  return [...new Set(ids.map((id) => id.toHexString()))];
}

/** A MongoDB filter matching the inquiries this actor takes part in (checked inside the write itself). */
export function participantFilter(actor: Actor): Record<string, unknown> {
  const orgId = actor.membership === 'active' ? actor.organisationId : null;
  const or: Record<string, unknown>[] = [{ 'brokers.userId': actor.id }];
  if (orgId) or.push({ 'initiator.organisationId': orgId }, { 'owner.organisationId': orgId });
  return { $or: or };
}
