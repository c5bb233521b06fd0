import {
  CONTRACT_SUBTYPES,
  ContractLinksSchema,
  type Contract,
  type ContractInputDraft,
  type ContractPrefill,
  type ContractType,
} from '@techmatch/shared';
import type { FormIssue } from '../../ui/forms/use-zod-form.js';
import { fenToWanText, parseWanToFen } from '../listings/money.js';

interface PartyModel {
  organisationId: string | null;
  name: string;
  creditCode: string;
  province: string;
  county: string;
}

/** What the contract form's widgets hold: amounts as 万元 text, empty choices as ''. */
export interface ContractFormModel {
  title: string;
  contractNumber: string;
  type: ContractType | '';
  subtype: string;
  field: string;
  seller: PartyModel;
  buyer: PartyModel;
  signedDate: string | null;
  termStart: string | null;
  termEnd: string | null;
  contractAmount: string;
  techAmount: string;
  origin: ContractInputDraft['origin'];
  links: ReturnType<typeof ContractLinksSchema.parse>;
}

const emptyParty = (): PartyModel => ({
  organisationId: null,
  name: '',
  creditCode: '',
  province: '广西壮族自治区',
  county: '',
});

export function emptyContractForm(): ContractFormModel {
  return {
    title: '',
    contractNumber: '',
    type: '',
    subtype: '',
    field: '',
    seller: emptyParty(),
    buyer: emptyParty(),
    signedDate: null,
    termStart: null,
    termEnd: null,
    contractAmount: '',
    techAmount: '',
    origin: 'offline',
    links: ContractLinksSchema.parse({}),
  };
}

const partyModel = (p: {
  organisationId: string | null;
  name: string;
  creditCode: string | null;
  province: string | null;
  county: string | null;
}): PartyModel => ({
  organisationId: p.organisationId,
  name: p.name,
  creditCode: p.creditCode ?? '',
  province: p.province ?? '',
  county: p.county ?? '',
});

/** The form of a new contract from an agreed inquiry's prefill. */
export function formFromPrefill(prefill: ContractPrefill): ContractFormModel {
  return {
    ...emptyContractForm(),
    title: prefill.title,
    field: prefill.field,
    origin: prefill.origin,
    seller: partyModel(prefill.seller),
    buyer: partyModel(prefill.buyer),
    links: prefill.links,
  };
}

/** The form of an existing contract (editing a draft or a returned one). */
export function formFromContract(c: Contract): ContractFormModel {
  return {
    title: c.title,
    contractNumber: c.contractNumber,
    type: c.type,
    subtype: c.subtype ?? '',
    field: c.field,
    seller: partyModel(c.seller),
    buyer: partyModel(c.buyer),
    signedDate: c.signedDate,
    termStart: c.termStart,
    termEnd: c.termEnd,
    contractAmount: fenToWanText(c.contractAmountFen),
    techAmount: fenToWanText(c.techTransactionAmountFen),
    origin: c.origin,
    links: c.links,
  };
}

const nullIfEmpty = (text: string) => (text.trim() === '' ? null : text.trim());

function partyInput(p: PartyModel) {
  return {
    organisationId: p.organisationId,
    name: p.name.trim(),
    creditCode: nullIfEmpty(p.creditCode),
    province: p.province,
    county: nullIfEmpty(p.county),
  };
}

/** The API input of what the widgets hold; an unreadable amount stays a string for the schema to refuse. */
export function contractInputOf(m: ContractFormModel): unknown {
  return {
    title: m.title.trim(),
    contractNumber: m.contractNumber.trim(),
    type: m.type || undefined,
    subtype: m.type && CONTRACT_SUBTYPES[m.type].length > 0 ? m.subtype || null : null,
    field: m.field || undefined,
    seller: partyInput(m.seller),
    buyer: partyInput(m.buyer),
    signedDate: m.signedDate ?? undefined,
    termStart: m.termStart ?? undefined,
    termEnd: m.termEnd ?? undefined,
    contractAmountFen: parseWanToFen(m.contractAmount) ?? m.contractAmount,
    techTransactionAmountFen: parseWanToFen(m.techAmount) ?? m.techAmount,
    origin: m.origin,
    links: m.links,
  };
}

/** Amount texts that are not 万元 amounts, with the form's own message. */
export function amountIssues(m: ContractFormModel, message: string): FormIssue[] {
  return (
    [
      ['contractAmountFen', m.contractAmount],
      ['techTransactionAmountFen', m.techAmount],
    ] as const
  )
    .filter(([, text]) => parseWanToFen(text) === null)
    .map(([path]) => ({ path, message }));
}
