import type { Writable } from 'node:stream';
import { formatFenAsYuan, type Contract, type ContractOrigin } from '@techmatch/shared';
import ExcelJS from 'exceljs';

/**
 * The Excel side of contract registration: the import template's columns (which are also the first columns of
 * every export), how cells read back into text, and formula-injection-safe streaming writers.
 */

/** Column keys of the template, in order. Amounts are yuan with up to two decimals; dates YYYY-MM-DD. */
export const IMPORT_COLUMNS = [
  { key: 'registrationNumber', header: '登记号', width: 20 },
  { key: 'registrationDate', header: '登记日期', width: 12 },
  { key: 'title', header: '合同名称', width: 30 },
  { key: 'contractNumber', header: '合同编号', width: 16 },
  { key: 'type', header: '合同类型', width: 10 },
  { key: 'subtype', header: '合同子类', width: 14 },
  { key: 'field', header: '技术领域', width: 14 },
  { key: 'sellerName', header: '卖方名称', width: 24 },
  { key: 'sellerCreditCode', header: '卖方统一社会信用代码', width: 22 },
  { key: 'sellerProvince', header: '卖方省份', width: 14 },
  { key: 'sellerCounty', header: '卖方县（市、区）', width: 12 },
  { key: 'buyerName', header: '买方名称', width: 24 },
  { key: 'buyerCreditCode', header: '买方统一社会信用代码', width: 22 },
  { key: 'buyerProvince', header: '买方省份', width: 14 },
  { key: 'buyerCounty', header: '买方县（市、区）', width: 12 },
  { key: 'signedDate', header: '签订日期', width: 12 },
  { key: 'termStart', header: '履行起始日期', width: 12 },
  { key: 'termEnd', header: '履行截止日期', width: 12 },
  { key: 'contractAmount', header: '合同成交额（元）', width: 16 },
  { key: 'techAmount', header: '技术交易额（元）', width: 16 },
  { key: 'origin', header: '来源', width: 10 },
  { key: 'achievementId', header: '关联成果编号', width: 26 },
  { key: 'needId', header: '关联需求编号', width: 26 },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];
export type ImportRow = Record<ImportColumnKey, string>;

/** How the template names each origin (来源). */
export const ORIGIN_LABELS: Record<ContractOrigin, string> = {
  offline: '线下',
  listing: '成果需求',
  match: '撮合',
  inquiry: '洽谈',
  challenge: '揭榜挂帅',
  broker: '技术经纪',
};

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is written with a leading
 * apostrophe, so `=HYPERLINK(…)` arrives as the text it is, never as a live formula or link.
 */
export function neutralise(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

type CellValue = string | number | null;
const safe = (value: CellValue) => (typeof value === 'string' ? neutralise(value) : value);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell's content as text: dates as YYYY-MM-DD, numbers as written, rich text flattened; formulas refused. */
export function cellText(value: ExcelJS.CellValue): string | { formula: true } {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim();
  if ('formula' in value || 'sharedFormula' in value) return { formula: true };
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('text' in value) return String(value.text).trim();
  return '';
}

export interface SheetSpec<T> {
  name: string;
  columns: { header: string; width?: number; value: (item: T) => CellValue }[];
}

/** A streaming workbook on `output`; sheets are written row by row and committed, so memory stays flat. */
export function streamingWorkbook(output: Writable) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  return {
    async sheet<T>(spec: SheetSpec<T>, items: AsyncIterable<T> | Iterable<T>): Promise<void> {
      const sheet = workbook.addWorksheet(spec.name);
      sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
      sheet.getRow(1).font = { bold: true };
      for await (const item of items) sheet.addRow(spec.columns.map((c) => safe(c.value(item)))).commit();
      sheet.commit();
    },
    commit: () => workbook.commit(),
  };
}

const yuan = (fen: number) => formatFenAsYuan(fen).replaceAll(',', '');

/** The template's columns from a contract, so an export reads like the template. */
export function contractRow(c: Contract): Record<ImportColumnKey, string> {
  return {
    registrationNumber: c.registration?.number ?? '',
    registrationDate: c.registration?.date ?? '',
    title: c.title,
    contractNumber: c.contractNumber,
    type: c.type,
    subtype: c.subtype ?? '',
    field: c.field,
    sellerName: c.seller.name,
    sellerCreditCode: c.seller.creditCode ?? '',
    sellerProvince: c.seller.province,
    sellerCounty: c.seller.county ?? '',
    buyerName: c.buyer.name,
    buyerCreditCode: c.buyer.creditCode ?? '',
    buyerProvince: c.buyer.province,
    buyerCounty: c.buyer.county ?? '',
    signedDate: c.signedDate,
    termStart: c.termStart,
    termEnd: c.termEnd,
    contractAmount: yuan(c.contractAmountFen),
    techAmount: yuan(c.techTransactionAmountFen),
    origin: ORIGIN_LABELS[c.origin],
    achievementId: c.links.achievementId ?? '',
    needId: c.links.needId ?? '',
  };
}

/** The export sheet: the template's columns, then status and id. */
export const CONTRACT_SHEET: SheetSpec<Contract> = {
  name: '技术合同',
  columns: [
    ...IMPORT_COLUMNS.map(({ key, header, width }) => ({
      header,
      width,
      value: (c: Contract) => contractRow(c)[key],
    })),
    { header: '状态', value: (c) => c.status },
    { header: '系统编号', width: 26, value: (c) => c.id },
  ],
};

/** An example row of the template, so staff see the expected formats. */
export const TEMPLATE_EXAMPLE: ImportRow = {
  registrationNumber: '2026451000000001',
  registrationDate: '2026-03-15',
  title: '赤泥低温脱碱技术许可',
  contractNumber: 'BS-2026-001',
  type: '技术许可',
  subtype: '',
  field: '生态铝',
  sellerName: '百色学院',
  sellerCreditCode: '',
  sellerProvince: '广西壮族自治区',
  sellerCounty: '右江区',
  buyerName: '平果铝业深加工有限公司',
  buyerCreditCode: '',
  buyerProvince: '广西壮族自治区',
  buyerCounty: '平果市',
  signedDate: '2026-03-01',
  termStart: '2026-03-01',
  termEnd: '2027-02-28',
  contractAmount: '1200000.00',
  techAmount: '1000000.00',
  origin: ORIGIN_LABELS.offline,
  achievementId: '',
  needId: '',
};

export async function writeTemplate(output: Writable): Promise<void> {
  const workbook = streamingWorkbook(output);
  await workbook.sheet(
    {
      name: '导入模板',
      columns: IMPORT_COLUMNS.map(({ key, header, width }) => ({
        header,
        width,
        value: (row: ImportRow) => row[key],
      })),
    },
    [TEMPLATE_EXAMPLE],
  );
  await workbook.commit();
}
