import type { Writable } from 'node:stream';
import type { BreakdownEntry, ContractQuery, Statistics } from '@techmatch/shared';
import { formatFenAsYuan } from '@techmatch/shared';
import type { RequestContext } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { ContractDoc, ContractModel } from './contract.model.js';
import { presentContract } from './contract.presenters.js';
import { CONTRACT_SHEET, streamingWorkbook, type SheetSpec } from './contract-excel.js';
import { contractFilter, contractSort, contractTotals, type CountingSettings } from './contract-query.js';

const yuan = (fen: number) => formatFenAsYuan(fen).replaceAll(',', '');

async function* presented(cursor: AsyncIterable<ContractDoc>) {
  for await (const doc of cursor) yield presentContract(doc);
}

const BREAKDOWN_SHEET = (name: string, label: string): SheetSpec<BreakdownEntry> => ({
  name,
  columns: [
    { header: label, width: 18, value: (e) => e.key },
    { header: '合同数', value: (e) => e.count },
    { header: '金额（元）', width: 18, value: (e) => yuan(e.amountFen) },
  ],
});

/** Excel exports of any filtered contract list and of the statistics, streamed to the response. */
export function contractExports(contracts: ContractModel, countingSettings: CountingSettings) {
  async function exportContracts(ctx: RequestContext, query: ContractQuery, output: Writable): Promise<void> {
    authorize(ctx, 'contract.statistics');
    const filter = await contractFilter(query, countingSettings);
    const totals = await contractTotals(contracts, filter);
    const workbook = streamingWorkbook(output);
    const cursor = contracts.find(filter).sort(contractSort(query.sort)).lean<ContractDoc[]>().cursor();
    await workbook.sheet(CONTRACT_SHEET, presented(cursor as AsyncIterable<ContractDoc>));
    await workbook.sheet(
      {
        name: '合计',
        columns: [
          { header: '合同数', value: () => totals.count },
          { header: '合同成交额（元）', width: 18, value: () => yuan(totals.contractAmountFen) },
          { header: '技术交易额（元）', width: 18, value: () => yuan(totals.techTransactionAmountFen) },
        ],
      },
      [totals],
    );
    await workbook.commit();
  }

  async function exportStatistics(statistics: Statistics, output: Writable): Promise<void> {
    const workbook = streamingWorkbook(output);
    const summary: [string, string | number][] = [
      ['统计区间', `${statistics.from} 至 ${statistics.to}`],
      ['计数口径', statistics.basis === 'contract' ? '合同成交额' : '技术交易额'],
      ['统计范围', statistics.scope === 'output' ? '技术输出（卖方在百色）' : '技术输出和吸纳'],
      ['计数金额（元）', yuan(statistics.amountFen)],
      ['合同成交额（元）', yuan(statistics.contractAmountFen)],
      ['技术交易额（元）', yuan(statistics.techTransactionAmountFen)],
      ['登记合同数', statistics.contractCount],
      ['转化科技成果数', statistics.convertedResults],
    ];
    await workbook.sheet(
      {
        name: '汇总',
        columns: [
          { header: '指标', width: 18, value: ([label]) => label },
          { header: '数值', width: 24, value: ([, value]) => value },
        ],
      },
      summary,
    );
    await workbook.sheet(BREAKDOWN_SHEET('按县区', '县（市、区）'), statistics.byCounty);
    await workbook.sheet(BREAKDOWN_SHEET('按领域', '技术领域'), statistics.byField);
    await workbook.sheet(BREAKDOWN_SHEET('按类型', '合同类型'), statistics.byType);
    await workbook.sheet(BREAKDOWN_SHEET('按月份', '月份'), statistics.byMonth);
    await workbook.sheet(BREAKDOWN_SHEET('按来源', '来源'), statistics.byOrigin);
    await workbook.commit();
  }

  return { exportContracts, exportStatistics };
}
export type ContractExports = ReturnType<typeof contractExports>;
