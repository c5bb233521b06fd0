import { BSON } from 'bson';
import { Query } from 'mingo';
import type { Collection } from '../engine/collection.js';
import { MongoCommandError, type Doc } from '../errors.js';
import { ID_INDEX_SPEC } from '../engine/collection.js';
import type { CommandContext, CommandHandler } from './context.js';

const requireAdmin = (ctx: CommandContext): void => {
  if (ctx.db !== 'admin') {
    throw new MongoCommandError(13, `${ctx.args.command} may only be run against the admin database.`);
  }
};

const dataSize = (collection: Collection): number => {
  let bytes = 0;
  for (const doc of collection.docs()) bytes += BSON.calculateObjectSize(collection.wireForm(doc));
  return bytes;
};

function listDatabases(ctx: CommandContext): Doc {
  requireAdmin(ctx);
  const args = ctx.args.check({ accepted: ['filter', 'nameOnly', 'authorizedDatabases'] });
  const nameOnly = args.bool('nameOnly') ?? false;
  const { catalog } = ctx.state;
  const all = catalog.databaseNames().map((name) => {
    const sizeOnDisk = catalog.collections(name).reduce((sum, coll) => sum + dataSize(coll), 0);
    return nameOnly ? { name } : { name, sizeOnDisk, empty: sizeOnDisk === 0 };
  });
  const databases = new Query(args.doc('filter') ?? {}).find<Doc>(all).all();
  if (nameOnly) return { databases, ok: 1 };
  const totalSize = databases.reduce((sum, db) => sum + (db['sizeOnDisk'] as number), 0);
  return { databases, totalSize, totalSizeMb: Math.round(totalSize / 2 ** 20), ok: 1 };
}

function listCollections(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: ['filter', 'nameOnly', 'authorizedCollections', 'cursor'] });
  const nameOnly = args.bool('nameOnly') ?? false;
  const entries = ctx.state.catalog.collections(ctx.db).map((collection) =>
    nameOnly
      ? { name: collection.name, type: 'collection' }
      : {
          name: collection.name,
          type: 'collection',
          options: collection.options,
          info: { readOnly: false, uuid: collection.uuid },
          idIndex: ID_INDEX_SPEC,
        },
  );
  const matching = new Query(args.doc('filter') ?? {}).find<Doc>(entries).all();
  return ctx.state.cursors.firstBatch(
    `${ctx.db}.$cmd.listCollections`,
    matching,
    batchOptions(args.doc('cursor')),
  );
}

export const batchOptions = (cursor: Doc | undefined): { batchSize?: number } =>
  typeof cursor?.['batchSize'] === 'number' ? { batchSize: cursor['batchSize'] } : {};

const UNSUPPORTED_CREATE_OPTIONS = [
  'capped',
  'size',
  'max',
  'viewOn',
  'pipeline',
  'timeseries',
  'clusteredIndex',
  'expireAfterSeconds',
  'changeStreamPreAndPostImages',
  'collation',
  'encryptedFields',
];

function create(ctx: CommandContext): Doc {
  const args = ctx.args.check({
    accepted: [
      'validator',
      'validationLevel',
      'validationAction',
      'storageEngine',
      'indexOptionDefaults',
      'idIndex',
    ],
    unsupported: UNSUPPORTED_CREATE_OPTIONS,
  });
  args.doc('validator');
  const options: Doc = {};
  for (const field of ['validator', 'validationLevel', 'validationAction']) {
    if (args.body[field] !== undefined) options[field] = ctx.wire[field];
  }
  ctx.state.catalog.createCollection(ctx.db, args.collectionName(), options);
  return { ok: 1 };
}

function drop(ctx: CommandContext): Doc {
  const name = ctx.args.check({}).collectionName();
  const dropped = ctx.state.catalog.dropCollection(ctx.db, name);
  return dropped ? { nIndexesWas: dropped.indexes.size + 1, ns: dropped.ns, ok: 1 } : { ok: 1 };
}

function dropDatabase(ctx: CommandContext): Doc {
  ctx.args.check({});
  ctx.state.catalog.dropDatabase(ctx.db);
  return { dropped: ctx.db, ok: 1 };
}

function renameCollection(ctx: CommandContext): Doc {
  requireAdmin(ctx);
  const args = ctx.args.check({ accepted: ['to', 'dropTarget', 'stayTemp'] });
  const [fromDb, fromColl] = splitNamespace(args.collectionName());
  const [toDb, toColl] = splitNamespace(args.string('to') ?? '');
  const { catalog } = ctx.state;
  if (!catalog.collection(fromDb, fromColl))
    throw new MongoCommandError(26, 'Source collection does not exist');
  if (catalog.collection(toDb, toColl)) {
    if (!args.bool('dropTarget')) throw new MongoCommandError(48, 'target namespace exists');
    catalog.dropCollection(toDb, toColl);
  }
  catalog.renameCollection(fromDb, fromColl, toDb, toColl);
  return { ok: 1 };
}

function splitNamespace(namespace: string): [string, string] {
  const dot = namespace.indexOf('.');
  if (dot <= 0) throw new MongoCommandError(73, `Invalid namespace specified '${namespace}'`);
  return [namespace.slice(0, dot), namespace.slice(dot + 1)];
}

function dbStats(ctx: CommandContext): Doc {
  ctx.args.check({ accepted: ['scale', 'freeStorage'] });
  const collections = ctx.state.catalog.collections(ctx.db);
  const dataBytes = collections.reduce((sum, coll) => sum + dataSize(coll), 0);
  const objects = collections.reduce((sum, coll) => sum + coll.size, 0);
  const indexes = collections.reduce((sum, coll) => sum + coll.indexes.size + 1, 0);
  return {
    db: ctx.db,
    collections: collections.length,
    views: 0,
    objects,
    avgObjSize: objects ? dataBytes / objects : 0,
    dataSize: dataBytes,
    storageSize: dataBytes,
    indexes,
    indexSize: 0,
    totalSize: dataBytes,
    scaleFactor: 1,
    ok: 1,
  };
}

export const adminCommands: Record<string, CommandHandler> = {
  listDatabases,
  listCollections,
  create,
  drop,
  dropDatabase,
  renameCollection,
  dbStats,
};
