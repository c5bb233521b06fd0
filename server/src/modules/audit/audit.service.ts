import type { AuditEntry, Page, PageQuery } from '@techmatch/shared';
import type { z } from 'zod';
import type { AuditQuerySchema } from '@techmatch/shared';
import { authorize } from '../../platform/auth/policy.js';
import type { RequestContext } from '../../platform/auth/actor.js';
import type { AuditRecord, DomainEvent } from '../../platform/events.js';
import { isDuplicateKeyError, paginate } from '../../platform/mongo.js';
import type { AuditDoc, AuditModel } from './audit.model.js';

type AuditQuery = z.infer<typeof AuditQuerySchema>;

function presentAuditEntry(doc: AuditDoc): AuditEntry {
  return {
    id: doc._id,
    at: doc.at.toISOString(),
    actorId: doc.actorId?.toHexString() ?? null,
    actorName: doc.actorName,
    actorRole: doc.actorRole,
    action: doc.action,
    targetType: doc.targetType as AuditEntry['targetType'],
    targetId: doc.targetId,
    before: doc.before,
    after: doc.after,
    reason: doc.reason,
    requestId: doc.requestId,
  };
}

export function auditService(entries: AuditModel) {
  /** Event subscriber: appends the event's audit record, keyed by the event id so redelivery is harmless. */
  async function recordEvent(event: DomainEvent): Promise<void> {
    const audit: AuditRecord | null = event.audit;
    if (!audit) return;
    try {
      await entries.create({ _id: event._id, at: event.at, ...audit });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async function list(ctx: RequestContext, query: AuditQuery & PageQuery): Promise<Page<AuditEntry>> {
    authorize(ctx, 'audit.read');
    const filter: Record<string, unknown> = {};
    if (query.targetType) filter.targetType = query.targetType;
    if (query.targetId) filter.targetId = query.targetId;
    if (query.actorId) filter.actorId = query.actorId;
    if (query.action) filter.action = query.action;
    if (query.from || query.to) {
      filter.at = {
        ...(query.from ? { $gte: new Date(query.from) } : {}),
        ...(query.to ? { $lte: new Date(query.to) } : {}),
      };
    }
    const page = await paginate(entries, filter, query, { at: -1, _id: -1 });
    return { ...page, items: page.docs.map(presentAuditEntry) };
  }

  return { recordEvent, list };
}
export type AuditService = ReturnType<typeof auditService>;
