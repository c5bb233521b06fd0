import path from 'node:path';
import type { Writable } from 'node:stream';
import { ContractQuerySchema, IMPORT_MODES, StatisticsQuerySchema, todayInChina } from '@techmatch/shared';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { authorize } from '../../platform/auth/policy.js';
import { endpoint } from '../../platform/http/endpoint.js';
import { requestLocale } from '../../platform/http/locale.js';
import { receiveSingleFile } from '../../platform/http/upload.js';
import type { DashboardService } from '../dashboard/dashboard.service.js';
import { writeTemplate, XLSX_CONTENT_TYPE } from './contract-excel.js';
import type { ContractExports } from './contract-export.js';
import { MAX_IMPORT_BYTES, type ContractImportService } from './contract-import.js';

/** Answers a workbook written by `write` as a download; nothing is buffered. */
async function sendWorkbook(res: Response, filename: string, write: (out: Writable) => Promise<void>) {
  res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.setHeader('Cache-Control', 'no-store');
  await write(res);
  res.end();
  return undefined;
}

interface ExcelDeps {
  imports: ContractImportService;
  exports: ContractExports;
  dashboard: DashboardService;
  /** Where uploads wait while they are checked (`DATA_DIR/uploads/incoming`). */
  uploadsDir: string;
}

/** Excel: the import template, the import itself, and exports of contract lists and statistics. */
export function contractExcelRouter({ imports, exports, dashboard, uploadsDir }: ExcelDeps): Router {
  const router = Router();

  router.get(
    '/contracts/import-template.xlsx',
    ...endpoint({}, (_input, req, res) => {
      authorize(req.ctx, 'contract.register');
      return sendWorkbook(res, '技术合同导入模板.xlsx', writeTemplate);
    }),
  );
  router.post(
    '/contracts/import',
    ...endpoint(
      { query: z.object({ mode: z.enum(IMPORT_MODES).default('all_or_nothing') }) },
      async ({ query }, req) => {
        authorize(req.ctx, 'contract.register'); // before reading the body
        const file = await receiveSingleFile(req, path.join(uploadsDir, 'incoming'), MAX_IMPORT_BYTES);
        return imports.run(req.ctx, file, query.mode, requestLocale(req));
      },
    ),
  );
  router.get(
    '/contracts/export.xlsx',
    ...endpoint({ query: ContractQuerySchema }, async ({ query }, req, res) => {
      authorize(req.ctx, 'contract.statistics');
      return sendWorkbook(res, `技术合同-${todayInChina()}.xlsx`, (out) =>
        exports.exportContracts(req.ctx, query, out),
      );
    }),
  );
  router.get(
    '/statistics/export.xlsx',
    ...endpoint({ query: StatisticsQuerySchema }, async ({ query }, req, res) => {
      const statistics = await dashboard.statistics(req.ctx, query);
      return sendWorkbook(res, `技术合同统计-${query.from}-${query.to}.xlsx`, (out) =>
        exports.exportStatistics(statistics, out),
      );
    }),
  );
  return router;
}
