import {
  CONTRACT_SUBTYPES,
  ContractLinksSchema,
  type Attachment,
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

/** One instalment of the payment schedule as its widgets hold it: the amount as 万元 text. */
export interface PaymentModel {
  amount: string;
  dueDate: string | null;
  note: string;
}

export const emptyPayment = (): PaymentModel => ({ amount: '', dueDate: null, note: '' });

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
  /** 付款安排: none means the contract states no schedule. */
  payments: PaymentModel[];
  origin: ContractInputDraft['origin'];
  links: ReturnType<typeof ContractLinksSchema.parse>;
  /** Scans of the signed contract, uploaded as they are chosen and claimed when the contract is saved. */
  attachments: Attachment[];
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
    payments: [],
    origin: 'offline',
    links: ContractLinksSchema.parse({}),
    attachments: [],
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
    payments: c.payments.map((p) => ({
      amount: fenToWanText(p.amountFen),
      dueDate: p.dueDate,
      note: p.note,
    })),
    origin: c.origin,
    links: c.links,
    attachments: [...c.attachments],
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

const paymentInput = (p: PaymentModel) => ({
  dueDate: p.dueDate ?? undefined,
  amountFen: parseWanToFen(p.amount) ?? p.amount,
  note: p.note.trim(),
});

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
    payments: m.payments.map(paymentInput),
    origin: m.origin,
    links: m.links,
    attachmentIds: m.attachments.map((a) => a.id),
  };
}

/** Amount texts that are not 万元 amounts, with the form's own message. */
export function amountIssues(m: ContractFormModel, message: string): FormIssue[] {
  const amounts: [path: string, text: string][] = [
    ['contractAmountFen', m.contractAmount],
    ['techTransactionAmountFen', m.techAmount],
    ...m.payments.map((p, i): [string, string] => [`payments.${i}.amountFen`, p.amount]),
  ];
  return amounts.filter(([, text]) => parseWanToFen(text) === null).map(([path]) => ({ path, message }));
}

/** What the instalments add up to, and how far that is from the contract amount (null while it is unknown). */
export interface PaymentsBalance {
  totalFen: number;
  differenceFen: number | null;
}

function paymentsBalance(amountsFen: readonly number[], contractAmountFen: number | null): PaymentsBalance {
  const totalFen = amountsFen.reduce((sum, fen) => sum + fen, 0);
  return { totalFen, differenceFen: contractAmountFen === null ? null : totalFen - contractAmountFen };
}

/** The balance as the user types: an instalment that is no amount yet counts as nothing. */
export const formPaymentsBalance = (m: ContractFormModel): PaymentsBalance =>
  paymentsBalance(
    m.payments.map((p) => parseWanToFen(p.amount) ?? 0),
    parseWanToFen(m.contractAmount),
  );

/** The balance of a saved contract's schedule. */
export const contractPaymentsBalance = (c: Contract): PaymentsBalance =>
  paymentsBalance(
    c.payments.map((p) => p.amountFen),
    c.contractAmountFen,
  );
