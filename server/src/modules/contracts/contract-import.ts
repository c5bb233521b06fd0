import { rm } from 'node:fs/promises';
import {
  DEFAULT_PUBLICITY,
  localizeValidationMessage,
  yearOf,
  type ImportMode,
  type ImportReport,
  type ImportRowError,
  type Locale,
} from '@techmatch/shared';
import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import type { RequestContext } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/errors.js';
import { auditBy } from '../../platform/events.js';
import type { ReceivedFile } from '../../platform/http/upload.js';
import { isDuplicateKeyError } from '../../platform/mongo.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import type { RealtimeHub } from '../../platform/realtime.js';
import type { ContractDoc, ContractModel } from './contract.model.js';
import { cellText, IMPORT_COLUMNS, type ImportRow } from './contract-excel.js';
import type { ContractImportModel } from './contract-import.model.js';
import { columnHeader, parseImportRow, type ParsedRow } from './contract-import-row.js';
import type { ContractSources } from './contract-sources.js';

export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;
const MAX_REPORTED_ERRORS = 1000;
const BATCH = 500;
const PROGRESS_EVERY = 2000;

interface ImportDeps {
  contracts: ContractModel;
  imports: ContractImportModel;
  outbox: Outbox;
  realtime: RealtimeHub;
  sources: ContractSources;
}

interface SheetRow {
  number: number;
  row: ImportRow;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Streams the first worksheet's rows as template records (the header checked first); other sheets are
 * skipped. Only the current row and the shared-strings table are in memory, whatever the file's length.
 */
async function* readRows(path: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheetIndex = 0;
  for await (const sheet of reader) {
    sheetIndex += 1;
    let headerSeen = false;
    for await (const row of sheet) {
      if (sheetIndex > 1) continue; // drain the other sheets: the reader must reach the end of the file
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      const texts = IMPORT_COLUMNS.map((_, i) => cellText(values[i] ?? null));
      if (!headerSeen) {
        headerSeen = true;
        const found = values.map((v) => cellText(v ?? null)).map((t) => (typeof t === 'string' ? t : '='));
        const expected = IMPORT_COLUMNS.map((c) => c.header);
        if (expected.some((header, i) => found[i] !== header) || found.slice(expected.length).some(Boolean))
          throw new AppError('IMPORT_COLUMNS_INVALID', { expected, found });
        continue;
      }
      if (texts.every((t) => t === '')) continue;
      const record = Object.fromEntries(
        IMPORT_COLUMNS.map((c, i) => [c.key, typeof texts[i] === 'string' ? texts[i] : '\u0000formula']),
      ) as ImportRow;
      yield { number: row.number, row: record };
    }
    if (sheetIndex === 1 && !headerSeen)
      throw new AppError('IMPORT_COLUMNS_INVALID', { expected: [], found: [] });
  }
}

/** A formula cell is refused outright: an import takes values, never something to evaluate. */
function formulaErrors(row: SheetRow, locale: Locale): ImportRowError[] {
  return IMPORT_COLUMNS.filter((c) => row.row[c.key] === '\u0000formula').map((c) => ({
    row: row.number,
    column: columnHeader(c.key),
    message: localizeValidationMessage('v.formulaCell', locale),
  }));
}

/**
 * Excel import of registered contracts (历史登记数据), in two streaming passes over the uploaded file: the first
 * checks every row (schema, duplicates within the file, numbers already registered, links), the second writes
 * in batches. All-or-nothing by default: one bad row and nothing is written. A row whose registration number
 * is already registered with the same content is counted as unchanged, so re-importing a file is harmless.
 */
export function contractImportService({ contracts, imports, outbox, realtime, sources }: ImportDeps) {
  async function run(
    ctx: RequestContext,
    file: ReceivedFile,
    mode: ImportMode,
    locale: Locale,
  ): Promise<ImportReport> {
    const actor = authorize(ctx, 'contract.register');
    if (!file.head.subarray(0, 4).equals(XLSX_MAGIC)) throw new AppError('IMPORT_FILE_INVALID');
    const importId = new Types.ObjectId().toHexString();
    const progress = (phase: 'validating' | 'writing' | 'done', rows: number) =>
      realtime.toUser(actor.id).emit('contracts:import_progress', { importId, phase, rows });

    const errors: ImportRowError[] = [];
    let invalid = 0;
    let rows = 0;
    const seen = new Set<string>();
    /** Numbers already registered with exactly this content (unchanged on re-import). */
    const unchanged = new Set<string>();
    let pending: { number: number; parsed: ParsedRow }[] = [];
    const reject = (rowErrors: ImportRowError[]) => {
      invalid += 1;
      for (const e of rowErrors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
    };

    async function checkAgainstDatabase(batch: typeof pending): Promise<void> {
      const numbers = batch.map((b) => b.parsed.registration.number);
      const existing = await contracts
        .find({ 'registration.number': { $in: numbers } }, { 'registration.number': 1, importHash: 1 })
        .lean<{ registration: { number: string }; importHash: string | null }[]>();
      const hashOf = new Map(existing.map((e) => [e.registration.number, e.importHash]));
      for (const { number, parsed } of batch) {
        const known = hashOf.get(parsed.registration.number);
        const linkIssues = await sources.check({ ...parsed.contract.links }, actor);
        if (known === undefined && linkIssues.length === 0) continue;
        if (known === parsed.hash) {
          unchanged.add(parsed.registration.number);
          continue;
        }
        const column = known !== undefined ? 'registrationNumber' : linkColumn(linkIssues[0]?.path ?? '');
        const message = known !== undefined ? 'v.registeredDifferently' : 'v.linkUnknown';
        reject([
          { row: number, column: columnHeader(column), message: localizeValidationMessage(message, locale) },
        ]);
        seen.delete(parsed.registration.number);
      }
    }

    try {
      progress('validating', 0);
      for await (const sheetRow of readRows(file.tempPath)) {
        rows += 1;
        if (rows > MAX_IMPORT_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });
        if (rows % PROGRESS_EVERY === 0) progress('validating', rows);
        const formula = formulaErrors(sheetRow, locale);
        const result =
          formula.length > 0
            ? { parsed: null, errors: formula }
            : parseImportRow(sheetRow.row, sheetRow.number, locale);
        if (!result.parsed) {
          reject(result.errors);
          continue;
        }
        const { number } = result.parsed.registration;
        if (seen.has(number)) {
          reject([
            {
              row: sheetRow.number,
              column: columnHeader('registrationNumber'),
              message: localizeValidationMessage('v.duplicateInFile', locale),
            },
          ]);
          continue;
        }
        seen.add(number);
        pending.push({ number: sheetRow.number, parsed: result.parsed });
        if (pending.length >= BATCH) {
          await checkAgainstDatabase(pending);
          pending = [];
        }
      }
      await checkAgainstDatabase(pending);
      pending = [];

      const report = (status: 'imported' | 'rejected', created: number, amountFen: number): ImportReport => ({
        importId,
        mode,
        status,
        rows,
        created,
        unchanged: unchanged.size,
        invalid,
        errors,
        amountFen,
      });
      if (invalid > 0 && mode === 'all_or_nothing')
        throw new AppError('IMPORT_REJECTED', report('rejected', 0, 0));

      const written = await write();
      await record(written);
      progress('done', rows);
      return report('imported', written.created, written.amountFen);
    } finally {
      await rm(file.tempPath, { force: true });
    }

    async function write(): Promise<{ created: number; amountFen: number; years: Set<number> }> {
      let created = 0;
      let amountFen = 0;
      const years = new Set<number>();
      let batch: ParsedRow[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const docs = batch.map((parsed) => importedContract(parsed, importId, actor.id));
        try {
          // Straight to the driver: rows are validated already, and Mongoose's per-document casting and
          // validation would cost ten times the write itself on a 50,000-row file.
          await contracts.collection.insertMany(docs, { ordered: false });
        } catch (error) {
          // Another import or registration took a number since the check: what it holds wins.
          if (!isDuplicateKeyError(error) && !(error as { writeErrors?: unknown }).writeErrors) throw error;
        }
        const stored = await contracts
          .find(
            { _id: { $in: docs.map((d) => d._id) } },
            { contractAmountFen: 1, techTransactionAmountFen: 1, 'registration.year': 1 },
          )
          .lean<{ contractAmountFen: number; registration: { year: number } }[]>();
        for (const doc of stored) {
          created += 1;
          amountFen += doc.contractAmountFen;
          years.add(doc.registration.year);
        }
        batch = [];
        progress('writing', created);
      };
      for await (const sheetRow of readRows(file.tempPath)) {
        const result = parseImportRow(sheetRow.row, sheetRow.number, locale);
        if (!result.parsed || !seen.has(result.parsed.registration.number)) continue;
        if (unchanged.has(result.parsed.registration.number)) continue;
        seen.delete(result.parsed.registration.number); // a duplicate later in the file is not written twice
        batch.push(result.parsed);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      return { created, amountFen, years };
    }

    async function record(written: {
      created: number;
      amountFen: number;
      years: Set<number>;
    }): Promise<void> {
      const years = [...written.years].sort();
      const audit = auditBy(ctx, {
        action: 'contract.import',
        targetType: 'contract',
        targetId: importId,
        after: {
          filename: file.filename,
          rows,
          created: written.created,
          unchanged: unchanged.size,
          contractAmountFen: written.amountFen,
          years,
        },
      });
      await imports.create({
        _id: importId,
        filename: file.filename,
        importedBy: actor.id,
        rows,
        created: written.created,
        unchanged: unchanged.size,
        amountFen: written.amountFen,
        years,
        outbox: [domainEvent('contracts.imported', { importId, years, created: written.created }, audit)],
      });
      await outbox.flush(imports, importId);
    }
  }

  return { run };
}
export type ContractImportService = ReturnType<typeof contractImportService>;

const linkColumn = (path: string) => (path.endsWith('needId') ? 'needId' : 'achievementId');

const objectId = (id: string | null) => (id === null ? null : new Types.ObjectId(id));

/** The stored document of an imported row, complete as the contract schema would write it. */
function importedContract(parsed: ParsedRow, importId: string, actorId: string): ContractDoc {
  const { contract, registration } = parsed;
  const now = new Date();
  const party = (p: ParsedRow['contract']['seller']) => ({
    ...p,
    organisationId: objectId(p.organisationId),
  });
  return {
    _id: new Types.ObjectId(),
    ...contract,
    seller: party(contract.seller),
    buyer: party(contract.buyer),
    links: Object.fromEntries(
      Object.entries(contract.links).map(([name, id]) => [name, objectId(id)]),
    ) as ContractDoc['links'],
    status: 'registered',
    registration: {
      number: registration.number,
      date: registration.date,
      year: yearOf(registration.date),
      registeredAt: now,
      registeredBy: new Types.ObjectId(actorId),
    },
    returnReasons: [],
    statusNote: null,
    publicity: { ...DEFAULT_PUBLICITY },
    attachments: [],
    organisationId: null,
    createdBy: new Types.ObjectId(actorId),
    importId,
    importHash: parsed.hash,
    outbox: [],
    createdAt: now,
    updatedAt: now,
  };
}
