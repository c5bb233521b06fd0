import type { Catalog } from '../engine/catalog.js';
import type { Change } from '../engine/change-log.js';
import type { IndexSpec } from '../engine/secondary-index.js';
import type { Doc } from '../errors.js';
import { ingest, type Ingested } from '../values.js';

/** Re-applies one journaled change to the in-memory catalog (the catalog's own log is muted meanwhile). */
export function replayChange(catalog: Catalog, change: Change): void {
  switch (change.op) {
    case 'put':
      return catalog
        .collectionForWrite(change.db, change.coll)
        .restore(storedForm(change.doc, change.exotic));
    case 'delete': {
      const collection = catalog.collection(change.db, change.coll);
      const doc = collection?.getById(change.id);
      if (doc) collection?.remove(doc);
      return;
    }
    case 'create':
      if (!catalog.collection(change.db, change.coll))
        catalog.createCollection(change.db, change.coll, change.options);
      return;
    case 'drop':
      catalog.dropCollection(change.db, change.coll);
      return;
    case 'dropDatabase':
      return catalog.dropDatabase(change.db);
    case 'createIndex': {
      const collection = catalog.collectionForWrite(change.db, change.coll);
      const spec = change.spec as IndexSpec;
      if (!collection.indexes.has(spec.name)) collection.addIndex(spec);
      return;
    }
    case 'dropIndex':
      return catalog.collection(change.db, change.coll)?.dropIndex(change.name);
    case 'rename':
      catalog.dropCollection(change.toDb, change.toColl);
      return catalog.renameCollection(change.db, change.coll, change.toDb, change.toColl);
  }
}

/** Records of ordinary documents were decoded with promoted numbers, which is exactly their view. */
function storedForm(doc: Doc, exotic: boolean): Ingested {
  return exotic ? ingest(doc) : { view: doc, wire: undefined };
}
