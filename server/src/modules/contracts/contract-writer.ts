import type { ContractStatus } from '@techmatch/shared';
import type { RequestContext } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { auditBy, type ContractEventPayload, type DomainEventMap } from '../../platform/events.js';
import { isDuplicateKeyError } from '../../platform/mongo.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import type { ContractDoc, ContractModel } from './contract.model.js';

type ContractEvent = {
  [K in keyof DomainEventMap]: DomainEventMap[K] extends ContractEventPayload ? K : never;
}[keyof DomainEventMap];

export interface Change {
  event: ContractEvent;
  action: string;
  set?: Record<string, unknown>;
  /** Extra payload of the event (the return reasons). */
  extra?: Record<string, unknown>;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string | null;
}

/** The money facts of a contract, recorded before and after every change that can move a counter. */
export function moneyFacts(
  doc: Pick<
    ContractDoc,
    'status' | 'contractAmountFen' | 'techTransactionAmountFen' | 'registration' | 'seller' | 'buyer'
  >,
) {
  return {
    status: doc.status,
    contractAmountFen: doc.contractAmountFen,
    techTransactionAmountFen: doc.techTransactionAmountFen,
    registrationNumber: doc.registration?.number ?? null,
    registrationDate: doc.registration?.date ?? null,
    sellerCounty: doc.seller.county,
    buyerCounty: doc.buyer.county,
  };
}

export function contractEvent(doc: ContractDoc, status: ContractStatus): ContractEventPayload {
  return {
    contractId: doc._id.toHexString(),
    title: doc.title,
    status,
    createdBy: doc.createdBy.toHexString(),
    year: doc.registration?.year ?? null,
  };
}

/**
 * Every write of a contract: the change and its domain event (with the audit record) in one atomic update
 * guarded by the status it starts from, then the event's delivery. A registration number already taken by
 * another contract is refused by the unique index, even when two requests race for it.
 */
export function contractWriter({ contracts, outbox }: { contracts: ContractModel; outbox: Outbox }) {
  async function load(id: string): Promise<ContractDoc> {
    const doc = await contracts.findById(id).lean<ContractDoc>();
    if (!doc) throw new AppError('NOT_FOUND');
    return doc;
  }

  function auditOf(ctx: RequestContext, doc: ContractDoc, status: ContractStatus, change: Change) {
    return auditBy(ctx, {
      action: change.action,
      targetType: 'contract',
      targetId: doc._id.toHexString(),
      before: change.before ?? { status: doc.status },
      after: change.after ?? { status },
      reason: change.reason ?? null,
    });
  }

  /** Creates a contract from fields as the API gives them (ids as strings: the schema casts them). */
  async function insert(ctx: RequestContext, fields: Record<string, unknown> & { _id: ContractDoc['_id'] }) {
    const doc = new contracts(fields).toObject<ContractDoc>();
    const event = domainEvent(
      'contract.changed',
      contractEvent(doc, doc.status),
      auditOf(ctx, doc, doc.status, { event: 'contract.changed', action: 'contract.create', before: {} }),
    );
    await contracts.create({ ...fields, outbox: [event] });
    await outbox.flush(contracts, fields._id);
    return load(fields._id.toHexString());
  }

  async function transition(
    ctx: RequestContext,
    doc: ContractDoc,
    to: ContractStatus,
    change: Change,
  ): Promise<ContractDoc> {
    const next = { ...doc, ...change.set, status: to } as ContractDoc;
    const event = domainEvent(
      change.event,
      { ...contractEvent(next, to), ...change.extra } as never,
      auditOf(ctx, doc, to, change),
    );
    let updated: ContractDoc | null;
    try {
      updated = await contracts
        .findOneAndUpdate(
          { _id: doc._id, status: doc.status, updatedAt: doc.updatedAt },
          { $set: { ...change.set, status: to }, $push: { outbox: event } },
          { returnDocument: 'after' },
        )
        .lean<ContractDoc>();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AppError('REGISTRATION_NUMBER_TAKEN');
      throw error;
    }
    if (!updated) throw new AppError('INVALID_STATE', { status: doc.status });
    await outbox.flush(contracts, doc._id);
    return updated;
  }

  async function remove(ctx: RequestContext, doc: ContractDoc): Promise<void> {
    const audit = auditOf(ctx, doc, doc.status, {
      event: 'contract.changed',
      action: 'contract.delete',
      after: {},
    });
    // The record goes away with its outbox, so this one event is delivered before the delete.
    await outbox.deliverNow(domainEvent('contract.changed', contractEvent(doc, doc.status), audit));
    await contracts.deleteOne({ _id: doc._id, status: doc.status });
  }

  return { load, insert, transition, remove };
}
export type ContractWriter = ReturnType<typeof contractWriter>;
