import {
  yearOf,
  type Contract,
  type ContractStatus,
  type Correction,
  type Publicity,
  type RegistrationInput,
  type ReturnDecision,
  type VoidDecision,
} from '@techmatch/shared';
import type { RequestContext } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/errors.js';
import type { ContractDoc } from './contract.model.js';
import { presentContract } from './contract.presenters.js';
import type { ContractSources } from './contract-sources.js';
import { moneyFacts, type ContractWriter } from './contract-writer.js';

const REGISTRABLE: readonly ContractStatus[] = ['draft', 'submitted'];

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { issues: [{ path, code: 'custom', message }] });
}

function requireStatus(doc: ContractDoc, allowed: readonly ContractStatus[]): void {
  if (!allowed.includes(doc.status)) throw new AppError('INVALID_STATE', { status: doc.status });
}

/**
 * 技术合同认定登记, the bureau's side: register with the official number, return with coded reasons, void or
 * correct a registered contract with a reason, and choose what the public feed shows. Every change that can
 * move a counter is audited with the money facts before and after.
 */
export function contractRegistration(writer: ContractWriter, sources: ContractSources) {
  async function load(ctx: RequestContext, id: string): Promise<ContractDoc> {
    authorize(ctx, 'contract.register');
    return writer.load(id);
  }

  async function register(ctx: RequestContext, id: string, input: RegistrationInput): Promise<Contract> {
    const doc = await load(ctx, id);
    const actor = authorize(ctx, 'contract.register');
    requireStatus(doc, REGISTRABLE);
    if (input.date < doc.signedDate) throw invalid('body.date', 'v.registrationBeforeSigning');
    const registration = {
      number: input.number,
      date: input.date,
      year: yearOf(input.date),
      registeredAt: new Date(),
      registeredBy: actor.id,
    };
    const after = {
      ...doc,
      status: 'registered' as const,
      registration: { ...registration, registeredBy: null },
    };
    const updated = await writer.transition(ctx, doc, 'registered', {
      event: 'contract.registered',
      action: 'contract.register',
      set: { registration, returnReasons: [], statusNote: null },
      before: moneyFacts(doc),
      after: moneyFacts(after),
    });
    return presentContract(updated);
  }

  async function returnContract(
    ctx: RequestContext,
    id: string,
    decision: ReturnDecision,
  ): Promise<Contract> {
    const doc = await load(ctx, id);
    requireStatus(doc, ['submitted']);
    const reasons = [...new Set(decision.reasons)];
    const updated = await writer.transition(ctx, doc, 'returned', {
      event: 'contract.returned',
      action: 'contract.return',
      set: { returnReasons: reasons, statusNote: decision.note || null },
      extra: { reasons },
      after: { status: 'returned', reasons },
      reason: decision.note || reasons.join(','),
    });
    return presentContract(updated);
  }

  async function voidContract(ctx: RequestContext, id: string, decision: VoidDecision): Promise<Contract> {
    const doc = await load(ctx, id);
    requireStatus(doc, ['registered']);
    const updated = await writer.transition(ctx, doc, 'voided', {
      event: 'contract.voided',
      action: 'contract.void',
      set: { statusNote: decision.reason },
      before: moneyFacts(doc),
      after: moneyFacts({ ...doc, status: 'voided' }),
      reason: decision.reason,
    });
    return presentContract(updated);
  }

  /** 变更: the corrected fields replace the registered ones; the number stays, the date stays in its year. */
  async function correct(ctx: RequestContext, id: string, correction: Correction): Promise<Contract> {
    const doc = await load(ctx, id);
    const actor = authorize(ctx, 'contract.register');
    requireStatus(doc, ['registered']);
    const registration = doc.registration;
    if (!registration) throw new AppError('INVALID_STATE', { status: doc.status });
    const date = correction.registrationDate ?? registration.date;
    if (yearOf(date) !== registration.year) throw invalid('body.registrationDate', 'v.registrationYear');
    if (date < correction.contract.signedDate)
      throw invalid('body.registrationDate', 'v.registrationBeforeSigning');
    const issues = await sources.check(correction.contract.links, actor);
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
    const set = { ...correction.contract, 'registration.date': date };
    const next = { ...doc, ...correction.contract, registration: { ...registration, date } } as ContractDoc;
    const current = presentContract(doc) as Record<string, unknown>;
    const changed = Object.entries(correction.contract)
      .filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(current[key]))
      .map(([key]) => key);
    const updated = await writer.transition(ctx, doc, 'registered', {
      event: 'contract.corrected',
      action: 'contract.correct',
      set,
      before: { ...moneyFacts(doc), fields: changed },
      after: moneyFacts(next),
      reason: correction.reason,
    });
    return presentContract(updated);
  }

  async function setPublicity(ctx: RequestContext, id: string, publicity: Publicity): Promise<Contract> {
    const doc = await load(ctx, id);
    const updated = await writer.transition(ctx, doc, doc.status, {
      event: 'contract.publicity_changed',
      action: 'contract.publicity',
      set: { publicity },
      before: { publicity: doc.publicity },
      after: { publicity },
    });
    return presentContract(updated);
  }

  return { register, returnContract, voidContract, correct, setPublicity };
}
export type ContractRegistration = ReturnType<typeof contractRegistration>;
