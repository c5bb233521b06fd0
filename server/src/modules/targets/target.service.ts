import { DEFAULT_TARGET, type AnnualTarget, type AnnualTargetInput } from '@techmatch/shared';
import type { RequestContext } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { auditBy } from '../../platform/events.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import type { TargetDoc, TargetModel } from './target.model.js';

function presentTarget(year: number, doc: TargetDoc | null): AnnualTarget {
  if (!doc) return { year, ...DEFAULT_TARGET, saved: false, updatedAt: null };
  return {
    year,
    contractAmountFen: doc.contractAmountFen,
    convertedResults: doc.convertedResults,
    contractCount: doc.contractCount,
    basis: doc.basis,
    scope: doc.scope,
    saved: true,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

const settingsOf = (target: AnnualTarget) => ({
  contractAmountFen: target.contractAmountFen,
  convertedResults: target.convertedResults,
  contractCount: target.contractCount,
  basis: target.basis,
  scope: target.scope,
});

/** Annual targets and what each year's counter counts; anyone may read them, only admins change them. */
export function targetService({ targets, outbox }: { targets: TargetModel; outbox: Outbox }) {
  async function get(year: number): Promise<AnnualTarget> {
    return presentTarget(year, await targets.findById(year).lean<TargetDoc>());
  }

  async function update(ctx: RequestContext, year: number, input: AnnualTargetInput): Promise<AnnualTarget> {
    const actor = authorize(ctx, 'target.edit');
    const before = await get(year);
    const audit = auditBy(ctx, {
      action: 'target.update',
      targetType: 'target',
      targetId: String(year),
      before: before.saved ? settingsOf(before) : null,
      after: settingsOf({ ...before, ...input }),
    });
    await targets.updateOne(
      { _id: year },
      {
        $set: { ...input, updatedBy: actor.id },
        $push: { outbox: domainEvent('target.updated', { year }, audit) },
      },
      { upsert: true },
    );
    await outbox.flush(targets, year);
    return get(year);
  }

  return { get, update, countingSettings: async (year: number) => settingsOf(await get(year)) };
}
export type TargetService = ReturnType<typeof targetService>;
