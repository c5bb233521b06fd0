import { MongoCommandError, type Doc } from '../errors.js';
import type { Ingested } from '../values.js';
import { discardChanges, type ChangeLog } from './change-log.js';
import { Collection } from './collection.js';

/** Databases and their collections. A database exists while it has at least one collection. */
export class Catalog {
  private readonly databases = new Map<string, Map<string, Collection>>();
  /** Where changes go; swapped for the journal once recovery has replayed it. */
  log: ChangeLog = discardChanges;

  collection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** Writes create their collection on first use, as in MongoDB. */
  collectionForWrite(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.createCollection(db, name, {});
  }

  createCollection(db: string, name: string, options: Doc): Collection {
    validateNamespace(db, name);
    if (this.collection(db, name)) {
      throw new MongoCommandError(48, `Collection ${db}.${name} already exists.`);
    }
    const collection = new Collection(db, name, options, () => this.log);
    this.collectionsOf(db, true).set(name, collection);
    this.log.record({ op: 'create', db, coll: name, options });
    return collection;
  }

  dropCollection(db: string, name: string): Collection | undefined {
    const collections = this.databases.get(db);
    const collection = collections?.get(name);
    if (!collections || !collection) return undefined;
    collections.delete(name);
    if (collections.size === 0) this.databases.delete(db);
    this.log.record({ op: 'drop', db, coll: name });
    return collection;
  }

  dropDatabase(db: string): void {
    if (!this.databases.delete(db)) return;
    this.log.record({ op: 'dropDatabase', db });
  }

  renameCollection(db: string, name: string, toDb: string, toName: string): void {
    const collection = this.collection(db, name);
    if (!collection) throw new MongoCommandError(26, 'Source collection does not exist');
    validateNamespace(toDb, toName);
    const moved = new Collection(toDb, toName, collection.options, () => this.log);
    this.databases.get(db)?.delete(name);
    if (this.databases.get(db)?.size === 0) this.databases.delete(db);
    this.log.record({ op: 'rename', db, coll: name, toDb, toColl: toName });
    const log = this.log;
    this.log = discardChanges;
    try {
      for (const spec of collection.indexSpecs().slice(1)) moved.addIndex(spec);
      for (const doc of collection.docs()) moved.restore(collection.stored(doc));
    } finally {
      this.log = log;
    }
    this.collectionsOf(toDb, true).set(toName, moved);
  }

  /**
   * Replaces a collection's documents (as `$out` does), keeping its options and indexes. The new contents are
   * checked against the indexes first, so a duplicate key leaves the collection as it was.
   */
  replaceCollection(db: string, name: string, docs: Ingested[]): void {
    const existing = this.collection(db, name);
    const options = existing?.options ?? {};
    const specs = existing?.indexSpecs().slice(1) ?? [];
    const staged = new Collection(db, name, options, () => discardChanges);
    for (const spec of specs) staged.addIndex(spec);
    for (const doc of docs) staged.insert(doc);
    this.dropCollection(db, name);
    const target = this.createCollection(db, name, options);
    for (const spec of specs) target.addIndex(spec);
    for (const doc of staged.docs()) target.restore(staged.stored(doc));
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  collections(db: string): Collection[] {
    return [...this.collectionsOf(db, false).values()];
  }

  private collectionsOf(db: string, create: boolean): Map<string, Collection> {
    let collections = this.databases.get(db);
    if (!collections) {
      collections = new Map();
      if (create) this.databases.set(db, collections);
    }
    return collections;
  }
}

const INVALID_DB_CHARACTERS = /[/\\. "$\0]/;

export function validateDatabaseName(db: string): void {
  if (db.length === 0 || db.length > 63 || INVALID_DB_CHARACTERS.test(db)) {
    throw new MongoCommandError(73, `Invalid database name: '${db}'`);
  }
}

function validateNamespace(db: string, name: string): void {
  validateDatabaseName(db);
  if (name.length === 0 || name.includes('$') || name.includes('\0') || name.startsWith('.')) {
    throw new MongoCommandError(73, `Invalid namespace specified '${db}.${name}'`);
  }
}
