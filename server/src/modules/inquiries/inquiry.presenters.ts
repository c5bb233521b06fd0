import type {
  DisclosedContact,
  Inquiry,
  InquiryMessage,
  InquiryParty,
  InquirySummary,
} from '@techmatch/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { iso } from '../../platform/mongo.js';
import { presentAttachment } from '../attachments/attachment.service.js';
import { sideOf } from './inquiry.access.js';
import type { InquiryDoc, InquiryPartyDoc } from './inquiry.model.js';
import type { MessageDoc } from './message.model.js';

function presentParty(party: InquiryPartyDoc): InquiryParty {
  return {
    userId: party.userId.toHexString(),
    name: party.name,
    organisationId: party.organisationId.toHexString(),
    organisationName: party.organisationName,
  };
}

export function presentInquirySummary(doc: InquiryDoc, viewer: Actor): InquirySummary {
  const readSeq = doc.reads[viewer.id] ?? 0;
  return {
    id: doc._id.toHexString(),
    listing: { type: doc.listingType, id: doc.listingId.toHexString(), title: doc.listingTitle },
    status: doc.status,
    initiator: presentParty(doc.initiator),
    owner: presentParty(doc.owner),
    brokers: doc.brokers.map((b) => ({
      userId: b.userId.toHexString(),
      name: b.name,
      joinedAt: b.joinedAt.toISOString(),
    })),
    applicationId: doc.applicationId?.toHexString() ?? null,
    closure: doc.closure
      ? { kind: doc.closure.kind, reason: doc.closure.reason, at: doc.closure.at.toISOString() }
      : null,
    agreed: { initiator: doc.agreed.initiator !== null, owner: doc.agreed.owner !== null },
    acceptedAt: iso(doc.acceptedAt),
    lastSeq: doc.lastSeq,
    lastMessageAt: iso(doc.lastMessageAt),
    reads: { ...doc.reads },
    viewer: { side: sideOf(doc, viewer), unread: Math.max(0, doc.lastSeq - readSeq) },
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export function presentInquiry(
  doc: InquiryDoc,
  viewer: Actor,
  contacts: { owner: DisclosedContact | null; initiator: DisclosedContact | null },
): Inquiry {
  return { ...presentInquirySummary(doc, viewer), contacts };
}

export function presentMessage(doc: MessageDoc): InquiryMessage {
  return {
    id: doc._id.toHexString(),
    inquiryId: doc.inquiryId.toHexString(),
    seq: doc.seq,
    clientId: doc.clientId,
    kind: doc.kind,
    sender: doc.sender
      ? { userId: doc.sender.userId.toHexString(), name: doc.sender.name, side: doc.sender.side }
      : null,
    body: doc.body,
    event: doc.event ? { type: doc.event.type, params: doc.event.params } : null,
    attachments: doc.attachments.map(presentAttachment),
    createdAt: doc.createdAt.toISOString(),
  };
}
