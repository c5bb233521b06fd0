import { createHash } from 'node:crypto';
import {
  ContractFieldsInputSchema,
  HOME_PROVINCE,
  localizeValidationMessage,
  parseYuanToFen,
  RegistrationInputSchema,
  type ContractFieldsInput,
  type ImportRowError,
  type Locale,
  type RegistrationInput,
} from '@techmatch/shared';
import { z } from 'zod';
import { zodLocales } from '../../platform/http/validate.js';
import { IMPORT_COLUMNS, ORIGIN_LABELS, type ImportColumnKey, type ImportRow } from './contract-excel.js';

export interface ParsedRow {
  contract: ContractFieldsInput;
  registration: RegistrationInput;
  /** Identifies the row's content, so that importing the same row again changes nothing. */
  hash: string;
}

const RowSchema = z
  .object({ contract: ContractFieldsInputSchema, registration: RegistrationInputSchema })
  .refine((row) => row.registration.date >= row.contract.signedDate, {
    message: 'v.registrationBeforeSigning',
    path: ['registration', 'date'],
  });

const ORIGIN_BY_LABEL = new Map(Object.entries(ORIGIN_LABELS).map(([origin, label]) => [label, origin]));

/** Which template column a schema path comes from. */
const COLUMN_OF_PATH: Record<string, ImportColumnKey> = {
  'registration.number': 'registrationNumber',
  'registration.date': 'registrationDate',
  'contract.title': 'title',
  'contract.contractNumber': 'contractNumber',
  'contract.type': 'type',
  'contract.subtype': 'subtype',
  'contract.field': 'field',
  'contract.seller.name': 'sellerName',
  'contract.seller.creditCode': 'sellerCreditCode',
  'contract.seller.province': 'sellerProvince',
  'contract.seller.county': 'sellerCounty',
  'contract.buyer.name': 'buyerName',
  'contract.buyer.creditCode': 'buyerCreditCode',
  'contract.buyer.province': 'buyerProvince',
  'contract.buyer.county': 'buyerCounty',
  'contract.signedDate': 'signedDate',
  'contract.termStart': 'termStart',
  'contract.termEnd': 'termEnd',
  'contract.contractAmountFen': 'contractAmount',
  'contract.techTransactionAmountFen': 'techAmount',
  'contract.origin': 'origin',
  'contract.links.achievementId': 'achievementId',
  'contract.links.needId': 'needId',
};
const HEADER_OF = new Map<string, string>(IMPORT_COLUMNS.map((c) => [c.key, c.header]));

export function columnHeader(key: ImportColumnKey | null): string | null {
  return key ? (HEADER_OF.get(key) ?? null) : null;
}

const AMOUNT_HEADERS = [columnHeader('contractAmount'), columnHeader('techAmount')];

const orNull = (text: string) => (text === '' ? null : text);

/** `2026/3/5` and `2026-3-5` are read as 2026-03-05; anything else is left for the schema to refuse. */
function normaliseDate(text: string): string {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  return match ? `${match[1]}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}` : text;
}

function party(row: ImportRow, side: 'seller' | 'buyer') {
  const county = orNull(row[`${side}County`]);
  return {
    organisationId: null,
    name: row[`${side}Name`],
    creditCode: orNull(row[`${side}CreditCode`]),
    province: row[`${side}Province`] || (county ? HOME_PROVINCE : ''),
    county,
  };
}

/** Checks one template row; returns the parsed contract or the row's errors, in the staff member's language. */
export function parseImportRow(
  row: ImportRow,
  rowNumber: number,
  locale: Locale,
): { parsed: ParsedRow; errors: [] } | { parsed: null; errors: ImportRowError[] } {
  const errorAt = (column: ImportColumnKey | null, message: string): ImportRowError => ({
    row: rowNumber,
    column: columnHeader(column),
    message: localizeValidationMessage(message, locale),
  });
  const amountErrors: ImportRowError[] = [];
  const amount = (column: 'contractAmount' | 'techAmount') => {
    const fen = parseYuanToFen(row[column]);
    if (fen === null) amountErrors.push(errorAt(column, 'v.amountYuan'));
    return fen ?? 0;
  };
  const candidate = {
    registration: { number: row.registrationNumber, date: normaliseDate(row.registrationDate) },
    contract: {
      title: row.title,
      contractNumber: row.contractNumber,
      type: row.type,
      subtype: orNull(row.subtype),
      field: row.field,
      seller: party(row, 'seller'),
      buyer: party(row, 'buyer'),
      signedDate: normaliseDate(row.signedDate),
      termStart: normaliseDate(row.termStart),
      termEnd: normaliseDate(row.termEnd),
      contractAmountFen: amount('contractAmount'),
      techTransactionAmountFen: amount('techAmount'),
      payments: [],
      origin: ORIGIN_BY_LABEL.get(row.origin || ORIGIN_LABELS.offline) ?? row.origin,
      links: { achievementId: orNull(row.achievementId), needId: orNull(row.needId) },
    },
  };
  const result = RowSchema.safeParse(candidate, { error: zodLocales[locale].localeError });
  if (result.success && amountErrors.length === 0) {
    const parsed = { contract: result.data.contract, registration: result.data.registration };
    return {
      parsed: { ...parsed, hash: createHash('sha256').update(JSON.stringify(parsed)).digest('hex') },
      errors: [],
    };
  }
  const schemaErrors = (result.error?.issues ?? [])
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      const column =
        COLUMN_OF_PATH[path] ?? COLUMN_OF_PATH[issue.path.slice(0, 3).map(String).join('.')] ?? null;
      return errorAt(column, issue.message);
    })
    // An unreadable amount makes the rules that compare amounts meaningless: report the amount alone.
    .filter((error) => amountErrors.length === 0 || !AMOUNT_HEADERS.includes(error.column ?? ''));
  return { parsed: null, errors: [...amountErrors, ...schemaErrors] };
}
