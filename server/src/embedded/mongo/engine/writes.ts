import { MongoCommandError, type Doc } from '../errors.js';
import type { Catalog } from './catalog.js';
import { findMatches } from './query.js';
import { applyUpdate, updateKind, type UpdateStatement } from './update.js';
import { buildUpsertDocument } from './upsert.js';

export interface UpdateMode {
  multi: boolean;
  upsert: boolean;
  /** The filter as received, to seed an upserted document with exact BSON types. */
  wireFilter: Doc;
  bypassValidation: boolean;
}

export interface UpdateOutcome {
  matched: number;
  modified: number;
  /** The `_id` of the document an upsert inserted. */
  upsertedId?: unknown;
}

/** One statement of the `update` command: every match (or the first), or an upsert when none matches. */
export function updateDocuments(
  catalog: Catalog,
  db: string,
  coll: string,
  statement: UpdateStatement,
  mode: UpdateMode,
): UpdateOutcome {
  if (mode.multi && updateKind(statement.update) === 'replacement') {
    throw new MongoCommandError(9, 'multi update is not supported for replacement-style update');
  }
  const collection = catalog.collection(db, coll);
  const targets = findMatches(collection, statement.filter, statement.options, mode.multi ? undefined : 1);
  if (!collection || targets.length === 0) {
    if (!mode.upsert) return { matched: 0, modified: 0 };
    const doc = buildUpsertDocument(statement, mode.wireFilter);
    catalog.collectionForWrite(db, coll).insert(doc, mode.bypassValidation);
    return { matched: 0, modified: 0, upsertedId: (doc.wire ?? doc.view)['_id'] };
  }
  let modified = 0;
  for (const view of targets) {
    const next = applyUpdate(collection.stored(view), statement);
    if (!next) continue;
    collection.replace(view, next, mode.bypassValidation);
    modified += 1;
  }
  return { matched: targets.length, modified };
}

export function deleteDocuments(
  catalog: Catalog,
  db: string,
  coll: string,
  filter: Doc,
  justOne: boolean,
  options: UpdateStatement['options'],
): number {
  const collection = catalog.collection(db, coll);
  const targets = findMatches(collection, filter, options, justOne ? 1 : undefined);

  for (const doc of targets) collection?.remove(doc);
  return targets.length;
}
