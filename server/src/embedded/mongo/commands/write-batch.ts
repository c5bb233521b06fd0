import { MongoCommandError, toMongoError, type Doc } from '../errors.js';
import type { CommandContext } from './context.js';

/** Limits MongoDB puts on one write command, also advertised as `maxWriteBatchSize`. */
const MAX_BATCH = 100_000;

/**
 * The statements of an insert/update/delete command, each with its wire form. Statement failures become
 * `writeErrors` (the command itself still succeeds); `ordered` stops at the first one.
 */
export function runStatements(
  ctx: CommandContext,
  field: string,
  apply: (statement: Doc, wire: Doc, index: number) => void,
): Doc[] {
  const statements = ctx.args.array<Doc>(field) ?? [];
  const wire = (ctx.wire[field] as Doc[] | undefined) ?? [];
  if (statements.length === 0 || statements.length > MAX_BATCH) {
    throw new MongoCommandError(
      16,
      `Write batch sizes must be between 1 and ${MAX_BATCH}. Got ${statements.length} operations.`,
    );
  }
  const ordered = ctx.args.bool('ordered') ?? true;
  const writeErrors: Doc[] = [];
  for (let index = 0; index < statements.length; index++) {
    try {
      apply(statements[index] as Doc, wire[index] as Doc, index);
    } catch (error) {
      writeErrors.push(toMongoError(error).toWriteError(index));
      if (ordered) break;
    }
  }
  return writeErrors;
}

export function writeReply(fields: Doc, writeErrors: Doc[]): Doc {
  return writeErrors.length > 0 ? { ...fields, writeErrors, ok: 1 } : { ...fields, ok: 1 };
}

/** Statement documents are checked like command bodies: unknown fields are refused. */
export function checkStatement(
  kind: string,
  statement: Doc,
  accepted: readonly string[],
  unsupported: readonly string[] = [],
): void {
  for (const key of Object.keys(statement)) {
    if (unsupported.includes(key))
      throw new MongoCommandError(
        115,
        `The '${key}' option of ${kind} is not supported by the embedded MongoDB server`,
      );
    if (!accepted.includes(key))
      throw new MongoCommandError(40415, `BSON field '${kind}.${key}' is an unknown field.`);
  }
}
