import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createAccount, type TestAccount } from '../../test/clients.js';
import {
  buildContractInput,
  clearContracts,
  registrationOn,
  THIS_YEAR,
} from '../../test/contract-factories.js';
import { buildImportRow, xlsxOf } from '../../test/excel.js';
import { useTestStack } from '../../test/stack.js';
import { IMPORT_COLUMNS } from './contract-excel.js';

const stack = useTestStack();
let staff: TestAccount;

beforeAll(async () => {
  staff = await createAccount(stack.app, stack.services, { role: 'staff' });
});
beforeEach(() => clearContracts(stack));

const upload = (file: Buffer, mode = 'all_or_nothing', name = '登记数据.xlsx') =>
  staff.client.agent
    .post(`/api/contracts/import?mode=${mode}`)
    .set('X-CSRF-Token', staff.client.csrfToken ?? '')
    .attach('file', file, name);

const total = async () =>
  (await anonymous(stack.app).get(`/api/dashboard?year=${THIS_YEAR}`)).body.statistics.amountFen as number;

async function download(path: string): Promise<ExcelJS.Workbook> {
  const res = await staff.client
    .get(path)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((res.body as Buffer).buffer as ArrayBuffer);
  return workbook;
}

describe('Excel import', () => {
  it('offers a template whose header row is the import’s columns', async () => {
    const sheet = (await download('/api/contracts/import-template.xlsx')).worksheets[0];
    expect((sheet?.getRow(1).values as string[]).slice(1)).toEqual(IMPORT_COLUMNS.map((c) => c.header));
  });

  it('imports registered contracts, and importing the same file again changes nothing', async () => {
    const rows = Array.from({ length: 120 }, (_, i) =>
      buildImportRow(i, { contractAmount: `${1000 + i}.25` }),
    );
    const first = await upload(await xlsxOf(rows));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      status: 'imported',
      rows: 120,
      created: 120,
      unchanged: 0,
      invalid: 0,
    });
    const sum = rows.reduce((s, _r, i) => s + (1000 + i) * 100 + 25, 0);
    expect(await total()).toBe(sum);

    const again = await upload(await xlsxOf(rows));
    expect(again.body).toMatchObject({ created: 0, unchanged: 120 });
    expect(await stack.services.models.contracts.countDocuments()).toBe(120);
    expect(await total()).toBe(sum);
  });

  it('reports every bad row and imports nothing by default; imports the good rows when asked', async () => {
    const rows = [
      buildImportRow(1),
      buildImportRow(2, { techAmount: '99999999' }),
      buildImportRow(3, { contractAmount: '-5' }),
      buildImportRow(4, { registrationDate: `${THIS_YEAR - 1}-06-01` }),
      buildImportRow(5, { sellerCounty: '不存在县' }),
      buildImportRow(1),
    ];
    const rejected = await upload(await xlsxOf(rows));
    expect(rejected.status).toBe(422);
    expect(rejected.body.error.code).toBe('IMPORT_REJECTED');
    const report = rejected.body.error.details;
    expect(report).toMatchObject({ status: 'rejected', rows: 6, invalid: 5, created: 0 });
    const cells = report.errors.map((e: { row: number; column: string }) => `${e.row} ${e.column}`);
    expect(
      [...new Set(cells)]
        .map((cell) => (cell as string).split(' '))
        .map(([row, column]) => [Number(row), column]),
    ).toEqual([
      [3, '技术交易额（元）'],
      [4, '合同成交额（元）'],
      [5, '登记日期'],
      [6, '卖方县（市、区）'],
      [7, '登记号'],
    ]);
    expect(await stack.services.models.contracts.countDocuments()).toBe(0);

    const partial = await upload(await xlsxOf(rows), 'valid_rows');
    expect(partial.body).toMatchObject({ status: 'imported', created: 1, invalid: 5 });
  });

  it('refuses a file with other columns, and a file that is not a workbook', async () => {
    const wrong = await upload(await xlsxOf([buildImportRow(1)], { headers: ['合同名称', '金额'] }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('IMPORT_COLUMNS_INVALID');
    const text = await upload(Buffer.from('登记号,合同名称\n1,2\n'), 'all_or_nothing', 'data.csv');
    expect(text.body.error.code).toBe('IMPORT_FILE_INVALID');
    expect((await anonymous(stack.app).post('/api/contracts/import')).status).toBe(401);
  });

  it('refuses formula cells', async () => {
    const res = await upload(await xlsxOf([buildImportRow(1)], { formulaIn: 'title' }));
    expect(res.body.error.details.errors[0]).toMatchObject({ row: 2, column: '合同名称' });
  });
});

describe('Excel export', () => {
  it('exports the filtered list with totals, neutralising text a spreadsheet would run as a formula', async () => {
    const injected = '=HYPERLINK("http://evil.example/x","点击")';
    const created = await staff.client.post('/api/contracts', buildContractInput({ title: injected }));
    await staff.client.post(`/api/contracts/${created.body.id}/register`, registrationOn());
    await staff.client.post('/api/contracts', buildContractInput({ title: '草稿不导出' }));

    const workbook = await download(`/api/contracts/export.xlsx?status=registered&year=${THIS_YEAR}`);
    const sheet = workbook.getWorksheet('技术合同');
    expect(sheet?.rowCount).toBe(2);
    const cells = (sheet?.getRow(2).values as unknown[]).slice(1);
    expect(cells).toContain(`'${injected}`);
    expect(cells.every((c) => typeof c !== 'object' || c === null)).toBe(true); // no formula cells
    expect(workbook.getWorksheet('合计')?.getRow(2).values).toEqual([
      undefined,
      1,
      '1200000.00',
      '1000000.00',
    ]);
  });

  it('exports the statistics of a period, and only to staff', async () => {
    const workbook = await download(
      `/api/statistics/export.xlsx?from=${THIS_YEAR}-01-01&to=${THIS_YEAR}-12-31`,
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '按县区',
      '按领域',
      '按类型',
      '按月份',
      '按来源',
    ]);
    expect(workbook.getWorksheet('按县区')?.rowCount).toBe(13);
    const firm = await createAccount(stack.app, stack.services, { role: 'firm' });
    expect((await firm.client.get(`/api/contracts/export.xlsx`)).status).toBe(403);
  });
});
