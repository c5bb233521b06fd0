import type { CollationSpec } from 'mingo/types';
import { MongoCommandError, type Doc } from '../errors.js';
import { withIdFirst } from '../engine/upsert.js';
import { deleteDocuments, updateDocuments } from '../engine/writes.js';
import { bsonType, ingest, isPlainObject, type Ingested } from '../values.js';
import type { CommandContext, CommandHandler } from './context.js';
import { checkStatement, runStatements, writeReply } from './write-batch.js';

function insert(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: ['documents', 'ordered', 'bypassDocumentValidation'] });
  const coll = args.collectionName();
  const bypass = args.bool('bypassDocumentValidation') ?? false;
  let n = 0;
  const writeErrors = runStatements(ctx, 'documents', (_doc, wire) => {
    ctx.state.catalog.collectionForWrite(ctx.db, coll).insert(documentToInsert(wire), bypass);
    n += 1;
  });
  return writeReply({ n }, writeErrors);
}

/** MongoDB puts `_id` first, generating an ObjectId when absent, and refuses arrays and regexes as `_id`. */
function documentToInsert(wire: Doc): Ingested {
  const id = wire['_id'];
  if (Array.isArray(id)) throw new MongoCommandError(53, "The '_id' value cannot be of type array");
  if (id instanceof RegExp || bsonType(id) === 'BSONRegExp')
    throw new MongoCommandError(53, "can't use a regex for _id");
  return withIdFirst(ingest(wire));
}

function update(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: ['updates', 'ordered', 'bypassDocumentValidation', 'let'] });
  const coll = args.collectionName();
  const bypassValidation = args.bool('bypassDocumentValidation') ?? false;
  const commandLet = args.doc('let');
  let n = 0;
  let nModified = 0;
  const upserted: Doc[] = [];
  const writeErrors = runStatements(ctx, 'updates', (statement, wire, index) => {
    checkStatement(
      'update',
      statement,
      ['q', 'u', 'upsert', 'multi', 'arrayFilters', 'collation', 'hint', 'c'],
      ['sort'],
    );
    const outcome = updateDocuments(
      ctx.state.catalog,
      ctx.db,
      coll,
      {
        filter: requiredDoc(statement, 'q', 'update'),
        update: requiredUpdate(statement['u']),
        wireUpdate: wire['u'] as Doc,
        arrayFilters: statement['arrayFilters'] as Doc[] | undefined,
        options: statementOptions(statement, commandLet),
      },
      {
        multi: statement['multi'] === true,
        upsert: statement['upsert'] === true,
        wireFilter: wire['q'] as Doc,
        bypassValidation,
      },
    );
    n += outcome.matched;
    nModified += outcome.modified;
    if (outcome.upsertedId !== undefined) {
      n += 1;
      upserted.push({ index, _id: outcome.upsertedId });
    }
  });
  return writeReply(upserted.length > 0 ? { n, nModified, upserted } : { n, nModified }, writeErrors);
}

function remove(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: ['deletes', 'ordered', 'let'] });
  const coll = args.collectionName();
  const commandLet = args.doc('let');
  let n = 0;
  const writeErrors = runStatements(ctx, 'deletes', (statement) => {
    checkStatement('delete', statement, ['q', 'limit', 'collation', 'hint']);
    const limit = statement['limit'];
    if (limit !== 0 && limit !== 1) {
      throw new MongoCommandError(
        9,
        `The limit field in delete objects must be 0 or 1. Got ${String(limit)}`,
      );
    }
    const filter = requiredDoc(statement, 'q', 'delete');
    n += deleteDocuments(
      ctx.state.catalog,
      ctx.db,
      coll,
      filter,
      limit === 1,
      statementOptions(statement, commandLet),
    );
  });
  return writeReply({ n }, writeErrors);
}

function requiredDoc(statement: Doc, field: string, kind: string): Doc {
  const value = statement[field];
  if (!isPlainObject(value))
    throw new MongoCommandError(40414, `BSON field '${kind}.${field}' is missing but a required field`);
  return value;
}

function requiredUpdate(update: unknown): Doc | Doc[] {
  if (isPlainObject(update) || Array.isArray(update)) return update as Doc | Doc[];
  throw new MongoCommandError(
    14,
    "BSON field 'update.updates.u' is the wrong type, expected type 'object' or 'array'",
  );
}

/** A statement's collation, and its `c` constants on top of the command's `let`. */
function statementOptions(statement: Doc, commandLet: Doc | undefined) {
  const constants = statement['c'] as Doc | undefined;
  return {
    collation: statement['collation'] as CollationSpec | undefined,
    variables: constants || commandLet ? { ...commandLet, ...constants } : undefined,
  };
}

export const writeCommands: Record<string, CommandHandler> = { insert, update, delete: remove };
