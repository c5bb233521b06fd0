import type { Contract, ContractLinks, ContractParty, FeedEntry } from '@techmatch/shared';
import { presentAttachment } from '../attachments/attachment.service.js';
import type { ContractDoc } from './contract.model.js';

const hex = (id: { toHexString(): string } | null | undefined) => id?.toHexString() ?? null;

function presentParty(party: ContractDoc['seller']): ContractParty {
  return {
    organisationId: hex(party.organisationId),
    name: party.name,
    creditCode: party.creditCode,
    province: party.province,
    county: party.county,
  };
}

function presentLinks(links: ContractDoc['links'] | undefined): ContractLinks {
  return {
    needId: hex(links?.needId),
    achievementId: hex(links?.achievementId),
    inquiryId: hex(links?.inquiryId),
    challengeId: hex(links?.challengeId),
    matchId: hex(links?.matchId),
    brokerId: hex(links?.brokerId),
  };
}

export function presentContract(doc: ContractDoc): Contract {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    contractNumber: doc.contractNumber,
    type: doc.type,
    subtype: doc.subtype,
    field: doc.field,
    seller: presentParty(doc.seller),
    buyer: presentParty(doc.buyer),
    signedDate: doc.signedDate,
    termStart: doc.termStart,
    termEnd: doc.termEnd,
    contractAmountFen: doc.contractAmountFen,
    techTransactionAmountFen: doc.techTransactionAmountFen,
    payments: doc.payments.map(({ dueDate, amountFen, note }) => ({ dueDate, amountFen, note })),
    origin: doc.origin,
    links: presentLinks(doc.links),
    status: doc.status,
    registration: doc.registration
      ? {
          number: doc.registration.number,
          date: doc.registration.date,
          registeredAt: doc.registration.registeredAt.toISOString(),
          registeredBy: hex(doc.registration.registeredBy),
        }
      : null,
    returnReasons: doc.returnReasons,
    statusNote: doc.statusNote,
    publicity: {
      title: doc.publicity.title,
      amount: doc.publicity.amount,
      parties: doc.publicity.parties,
    },
    attachments: doc.attachments.map(presentAttachment),
    organisationId: hex(doc.organisationId),
    createdBy: doc.createdBy.toHexString(),
    imported: doc.importId !== null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** A registered contract as the public dashboard shows it: only what staff made public beyond type and place. */
export function presentFeedEntry(doc: ContractDoc): FeedEntry {
  const { publicity } = doc;
  return {
    id: doc._id.toHexString(),
    registeredAt: (doc.registration?.registeredAt ?? doc.updatedAt).toISOString(),
    type: doc.type,
    field: doc.field,
    county: doc.seller.county ?? doc.buyer.county,
    title: publicity.title ? doc.title : null,
    amountFen: publicity.amount ? doc.contractAmountFen : null,
    sellerName: publicity.parties ? doc.seller.name : null,
    buyerName: publicity.parties ? doc.buyer.name : null,
  };
}
