import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, TEMPLATE_EXAMPLE, type ImportRow } from '../modules/contracts/contract-excel.js';
import { JAN_1, THIS_YEAR } from './contract-factories.js';

/** Row `i` of an import file: a licence registered on 1 January, number `<year>451000<i>`. */
export function buildImportRow(i: number, overrides: Partial<ImportRow> = {}): ImportRow {
  return {
    ...TEMPLATE_EXAMPLE,
    registrationNumber: `${THIS_YEAR}451000${String(i).padStart(6, '0')}`,
    registrationDate: JAN_1,
    title: `技术许可合同${i}`,
    contractNumber: `BS-${i}`,
    buyerName: '南宁铝材科技有限公司',
    buyerCounty: '',
    signedDate: JAN_1,
    termStart: JAN_1,
    termEnd: `${THIS_YEAR + 1}-01-01`,
    contractAmount: '1000.00',
    techAmount: '800.00',
    ...overrides,
  };
}

interface FileOptions {
  /** Another header row (a file that does not follow the template). */
  headers?: string[];
  /** Put a formula into this column of every row. */
  formulaIn?: keyof ImportRow;
}

/** An .xlsx file of template rows, in memory (for small files; the benchmark streams its big one). */
export async function xlsxOf(rows: ImportRow[], options: FileOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入模板');
  sheet.addRow(options.headers ?? IMPORT_COLUMNS.map((c) => c.header));
  for (const row of rows) {
    sheet.addRow(
      IMPORT_COLUMNS.map((c) =>
        c.key === options.formulaIn ? { formula: 'CONCAT("a","b")', result: 'ab' } : row[c.key],
      ),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Streams `count` rows into an .xlsx file on disk without holding them, for big-import runs. */
export async function writeImportFile(
  filename: string,
  count: number,
  row: (i: number) => ImportRow = buildImportRow,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: true });
  const sheet = workbook.addWorksheet('导入模板');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header)).commit();
  for (let i = 1; i <= count; i += 1) {
    const values = row(i);
    sheet.addRow(IMPORT_COLUMNS.map((c) => values[c.key])).commit();
  }
  sheet.commit();
  await workbook.commit();
}
