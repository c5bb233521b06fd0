import {
  HOME_PROVINCE,
  type Contract,
  type ContractInput,
  type ContractPage,
  type ContractPrefill,
  type ContractQuery,
  type ContractStatus,
  type Page,
  type PageQuery,
} from '@techmatch/shared';
import { Types } from 'mongoose';
import { isStaff, requireActor, type Actor, type RequestContext } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/errors.js';
import { paginate } from '../../platform/mongo.js';
import type { OrganisationDoc, OrganisationModel } from '../organisations/organisation.model.js';
import type { AttachmentService } from '../attachments/attachment.service.js';
import type { ContractDoc, ContractModel } from './contract.model.js';
import { presentContract } from './contract.presenters.js';
import { contractFilter, contractSort, contractTotals, type CountingSettings } from './contract-query.js';
import type { ContractSources } from './contract-sources.js';
import { contractWriter, type ContractWriter } from './contract-writer.js';
import type { Outbox } from '../../platform/outbox.js';

export interface ContractDeps {
  contracts: ContractModel;
  organisations: OrganisationModel;
  attachments: AttachmentService;
  outbox: Outbox;
  sources: ContractSources;
  /** What a year's counter counts (its target settings), for the `counted` filter. */
  countingSettings: CountingSettings;
}

/** Statuses in which the author may still change or withdraw a contract. */
const EDITABLE: readonly ContractStatus[] = ['draft', 'returned'];

/**
 * 技术合同, the author's side: the seller's members (or staff) draft, edit and submit a contract; staff list
 * and filter all of them. Registration decisions live in `contract-registration.ts`.
 */
export function contractService(deps: ContractDeps) {
  const { contracts, organisations, attachments, sources } = deps;
  const writer: ContractWriter = contractWriter(deps);

  async function checkLinks(input: ContractInput, actor: Actor): Promise<void> {
    const issues = await sources.check(input.links, actor);
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
  }

  /** A member drafts for their own organisation, which is then the seller as the platform knows it. */
  async function sellerOf(actor: Actor, input: ContractInput): Promise<ContractInput['seller']> {
    if (isStaff(actor)) return input.seller;
    if (!actor.organisationId) throw new AppError('FORBIDDEN');
    if (actor.membership !== 'active') throw new AppError('MEMBERSHIP_PENDING');
    const org = await organisations.findById(actor.organisationId).lean<OrganisationDoc>();
    if (!org) throw new AppError('FORBIDDEN');
    return {
      organisationId: org._id.toHexString(),
      name: org.name,
      creditCode: org.creditCode,
      province: org.county ? HOME_PROVINCE : input.seller.province,
      county: org.county,
    };
  }

  async function attach(actor: Actor, id: Types.ObjectId, ids: string[]) {
    const attached = await attachments.claim(actor, ids, { type: 'contract', id });
    return attached.map(({ _id, filename, contentType, size }) => ({ _id, filename, contentType, size }));
  }

  async function create(ctx: RequestContext, input: ContractInput): Promise<Contract> {
    const actor = authorize(ctx, 'contract.create');
    const seller = await sellerOf(actor, input);
    await checkLinks(input, actor);
    const _id = new Types.ObjectId();
    const { attachmentIds, ...fields } = input;
    const doc = await writer.insert(ctx, {
      ...fields,
      seller,
      _id,
      status: 'draft',
      attachments: await attach(actor, _id, attachmentIds),
      organisationId: isStaff(actor) ? null : actor.organisationId,
      createdBy: actor.id,
    });
    return presentContract(doc);
  }

  async function loadEditable(ctx: RequestContext, id: string): Promise<{ actor: Actor; doc: ContractDoc }> {
    const doc = await writer.load(id);
    const actor = authorize(ctx, 'contract.edit', {
      organisationId: doc.organisationId?.toHexString() ?? null,
    });
    if (!EDITABLE.includes(doc.status)) throw new AppError('INVALID_STATE', { status: doc.status });
    return { actor, doc };
  }

  async function update(ctx: RequestContext, id: string, input: ContractInput): Promise<Contract> {
    const { actor, doc } = await loadEditable(ctx, id);
    const seller = await sellerOf(actor, input);
    await checkLinks(input, actor);
    const { attachmentIds, ...fields } = input;
    const updated = await writer.transition(ctx, doc, doc.status, {
      event: 'contract.changed',
      action: 'contract.update',
      set: { ...fields, seller, attachments: await attach(actor, doc._id, attachmentIds) },
    });
    return presentContract(updated);
  }

  async function submit(ctx: RequestContext, id: string): Promise<Contract> {
    const { actor, doc } = await loadEditable(ctx, id);
    if (!isStaff(actor) && !actor.organisationVerified) throw new AppError('ORGANISATION_NOT_VERIFIED');
    const updated = await writer.transition(ctx, doc, 'submitted', {
      event: 'contract.submitted',
      action: 'contract.submit',
      set: { returnReasons: [], statusNote: null },
    });
    return presentContract(updated);
  }

  async function remove(ctx: RequestContext, id: string): Promise<void> {
    const { doc } = await loadEditable(ctx, id);
    await writer.remove(ctx, doc);
  }

  async function get(ctx: RequestContext, id: string): Promise<Contract> {
    const actor = requireActor(ctx);
    const doc = await writer.load(id);
    const own = doc.organisationId !== null && doc.organisationId.equals(actor.organisationId ?? '');
    if (!isStaff(actor) && !(own && actor.membership === 'active')) throw new AppError('NOT_FOUND');
    return presentContract(doc);
  }

  async function listMine(ctx: RequestContext, query: PageQuery): Promise<Page<Contract>> {
    const actor = requireActor(ctx);
    if (!actor.organisationId || actor.membership !== 'active')
      return { items: [], page: 1, pageSize: query.pageSize, total: 0, totalPages: 0 };
    const page = await paginate(contracts, { organisationId: actor.organisationId }, query, {
      updatedAt: -1,
      _id: -1,
    });
    return { ...page, items: page.docs.map(presentContract) };
  }

  /** Staff's list: any filter (a dashboard total's drill-down among them), a page, and the filter's totals. */
  async function list(ctx: RequestContext, query: ContractQuery & PageQuery): Promise<ContractPage> {
    authorize(ctx, 'contract.statistics');
    const filter = await contractFilter(query, deps.countingSettings);
    const [page, totals] = await Promise.all([
      paginate(contracts, filter, query, contractSort(query.sort)),
      contractTotals(contracts, filter),
    ]);
    return { ...page, items: page.docs.map(presentContract), totals };
  }

  /** The "register contract" shortcut of an agreed inquiry: what the new contract's form starts from. */
  async function prefill(ctx: RequestContext, inquiryId: string): Promise<ContractPrefill> {
    return sources.prefill(inquiryId, authorize(ctx, 'contract.create'));
  }

  return { create, update, submit, remove, get, listMine, list, prefill, writer };
}
export type ContractService = ReturnType<typeof contractService>;
