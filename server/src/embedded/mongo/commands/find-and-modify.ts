import type { Collection } from '../engine/collection.js';
import { findMatches, findSorted, projectForWire } from '../engine/query.js';

import { applyUpdate, type UpdateStatement } from '../engine/update.js';
import { buildUpsertDocument } from '../engine/upsert.js';
import { MongoCommandError, type Doc } from '../errors.js';
import type { Args } from './args.js';
import type { CommandContext, CommandHandler } from './context.js';
import { evalOptions } from './read-options.js';

const FIELDS = [
  'query',
  'sort',
  'remove',
  'update',
  'new',
  'fields',
  'upsert',
  'bypassDocumentValidation',
  'collation',
  'arrayFilters',
  'hint',
  'let',
];

function checkCombination(args: Args): void {
  const remove = args.bool('remove') ?? false;
  const hasUpdate = args.body['update'] !== undefined;
  if (remove && hasUpdate) throw new MongoCommandError(9, 'Cannot specify both an update and remove=true');
  if (!remove && !hasUpdate)
    throw new MongoCommandError(9, 'Either an update or remove=true must be specified');
  if (remove && args.bool('new')) {
    throw new MongoCommandError(
      9,
      "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document",
    );
  }
  if (remove && args.bool('upsert'))
    throw new MongoCommandError(9, 'Cannot specify both upsert=true and remove=true');
}

/** Finds one document (the first in `sort` order), then removes, updates or upserts it, returning it. */
function findAndModify(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: FIELDS });
  checkCombination(args);
  const coll = args.collectionName();
  const { catalog } = ctx.state;
  const options = evalOptions(args);
  const filter = args.doc('query') ?? {};
  const collection = catalog.collection(ctx.db, coll);
  const sort = args.doc('sort');
  const sorted = sort && Object.keys(sort).length > 0;
  const target = (
    sorted ? findSorted(collection, filter, sort, options, 1) : findMatches(collection, filter, options, 1)
  )[0];
  const present = (owner: Collection | undefined, doc: Doc | undefined): Doc | null =>
    doc ? (projectForWire(owner, [doc], args.doc('fields'), filter, options)[0] ?? null) : null;

  if (args.bool('remove')) {
    if (target) collection?.remove(target);
    return { lastErrorObject: { n: target ? 1 : 0 }, value: present(collection, target), ok: 1 };
  }
  const statement: UpdateStatement = {
    filter,
    update: args.body['update'] as Doc | Doc[],
    wireUpdate: ctx.wire['update'] as Doc | Doc[],
    arrayFilters: args.array<Doc>('arrayFilters'),
    options,
  };
  const bypass = args.bool('bypassDocumentValidation') ?? false;
  const returnNew = args.bool('new') ?? false;
  if (collection && target) {
    const next = applyUpdate(collection.stored(target), statement);
    if (next) collection.replace(target, next, bypass);
    const value = present(collection, returnNew ? (next?.view ?? target) : target);
    return { lastErrorObject: { n: 1, updatedExisting: true }, value, ok: 1 };
  }
  if (!args.bool('upsert')) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  const doc = buildUpsertDocument(statement, (ctx.wire['query'] as Doc | undefined) ?? {});
  const owner = catalog.collectionForWrite(ctx.db, coll);
  owner.insert(doc, bypass);
  const upserted = (doc.wire ?? doc.view)['_id'];
  return {
    lastErrorObject: { n: 1, updatedExisting: false, upserted },
    value: returnNew ? present(owner, doc.view) : null,
    ok: 1,
  };
}

export const findAndModifyCommands: Record<string, CommandHandler> = {
  findAndModify,
  findandmodify: findAndModify,
};
